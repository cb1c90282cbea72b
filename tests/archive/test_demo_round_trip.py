"""The demo (every kind of content Sanad holds: cycles, announcements, distribution, units, collections,
content rules…) goes out as a bag and comes back into an emptied database whole."""

from __future__ import annotations

import shutil

import pytest
from django.conf import settings

from archive import layout
from archive.export import export_archive
from archive.importer import import_archive
from integrity import verify
from tests.archive.test_round_trip import emptied_database


@pytest.fixture(autouse=True)
def _media():
    """The demo's files stay where shared_demo put them (not the per-test folder of the other tests)."""
    yield


@pytest.mark.django_db
def test_the_demo_round_trips_with_every_row_count_file_hash_and_the_chain(shared_demo, tmp_path):
    from tests.archive.conftest import stored_files, with_the_import_entry

    carried = layout.carried_models()
    rows, counts, files = layout.row_counts(carried), layout.summary_counts(), stored_files()
    assert counts["pages"] > 50 and counts["records"] > 20 and counts["audit_seals"] > 100

    bag = tmp_path / "bag"
    result = export_archive(bag)
    assert result.pdfs == counts["controlled_revisions"] and not result.missing_files
    shutil.rmtree(settings.MEDIA_ROOT)
    emptied_database()
    import_archive(bag)

    counts, rows = with_the_import_entry(counts, rows)
    assert layout.row_counts(carried) == rows
    assert layout.summary_counts() == counts
    assert stored_files() == files
    report = verify.verify()
    assert report.ok, [f.message for f in report.findings]
