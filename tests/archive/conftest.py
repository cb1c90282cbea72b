"""A small archive: the integrity world (revision ۰۰ from paper, ۰۱ signed, a declared record with its
file, audit entries) plus a circular with an attached file, an image, a hold and an issued copy."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.base import ContentFile

from tests.integrity.conftest import _media, people, world  # noqa: F401 (fixtures)


@pytest.fixture
def archive_world(world, people):  # noqa: F811 (the fixtures imported above)
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail_factories import ImageFactory

    from procedures.copies import issue_controlled_copy
    from records.services import place_hold
    from tests.factories import site_tree
    from tests.procedures.citing import circular

    _home, _procedures, references = site_tree()
    document = get_document_model()(title="متن بخشنامه")
    document.file.save("circular-35665.txt", ContentFile("بخشنامه ۳۵۶۶۵/۱۸۰۱\n".encode()), save=False)
    document.save()
    attached = circular(references, attachments=[("attachment", {"title": "متن", "document": document})])
    ImageFactory(title="نشان سازمان")
    hold = place_hold(
        by=people["records"], kind="audit", reason="ممیزی سالانه", record=world["record"], reference="۱۲/۳۴"
    )
    copy = issue_controlled_copy(
        world["revision"], issued_by=people["preparer"], recipient_name="دفتر مدیریت عملکرد"
    )
    assert get_image_model().objects.count() == 1
    return {**world, "circular": attached, "document": document, "hold": hold, "copy": copy}


def stored_files() -> dict[str, str]:
    """SHA-256 of every stored document and image file, by storage name."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    hashes = {}
    for model in (get_document_model(), get_image_model()):
        for item in model.objects.all():
            with item.file.storage.open(item.file.name, "rb") as stream:
                hashes[item.file.name] = hashlib.sha256(stream.read()).hexdigest()
    return hashes


@pytest.fixture(autouse=True)
def _forget_flushed_ids():
    """A test that empties the database gets new content-type ids until its transaction is rolled back;
    the caches holding them must not outlive it."""
    yield
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache
    from wagtail.models import Site

    ContentType.objects.clear_cache()
    Site.clear_site_root_paths_cache()
    cache.clear()


def with_the_import_entry(counts: dict, rows: dict) -> tuple[dict, dict]:
    """What the database holds after an import: the bag's content and the import's own audit entry."""
    counts = {**counts, "model_log_entries": counts["model_log_entries"] + 1}
    counts["audit_seals"] += 1
    rows = {**rows}
    rows["wagtailcore.modellogentry"] += 1
    rows["integrity.auditseal"] += 1
    return counts, rows
