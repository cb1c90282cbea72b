"""The demo shows a real comparison: procedure «م پ-م-۱-۰۴» revision ۰۱ against ۰۰ (issue 13 §4)."""

import pytest
from django.core.management import call_command

from procedures.changes import summary_lines
from procedures.models import ControlledRevision, ProcedurePage
from procedures.revision_content import compare_revisions

pytestmark = pytest.mark.django_db


def test_the_demo_procedures_revision_01_shows_what_it_changed_against_00(client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    call_command("load_demo", quiet_users=True)
    page = ProcedurePage.objects.get(slug="performance-evaluation")
    old, new = (ControlledRevision.objects.get(page=page, number=n) for n in (0, 1))
    comparison = compare_revisions(old, new)
    records = comparison.table("records")
    assert records.rows and {r.status for r in records.rows} == {"added"}  # ۰۱ linked §6 to the series
    assert comparison.table("citations").changed is False  # §7 cites the same acts, frozen alike
    lines = summary_lines(comparison)
    assert any(line.startswith("۶- فهرست سوابق:") for line in lines), lines

    history = client.get(f"{page.url}revisions/").content.decode()
    assert f"{page.url}revisions/compare/0/1/" in history
    html = client.get(f"{page.url}revisions/compare/0/1/").content.decode()
    assert '<tr class="row--added">' in html and "<ins>" in html
    assert new.change_reason.split()[0] in html
