"""Every audit entry is sealed as it is written; the seals are append-only below the ORM."""

from __future__ import annotations

import json

import pytest
from django.db import DatabaseError, connection, transaction
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry

from integrity import chain, verify
from integrity.models import AuditSeal

pytestmark = pytest.mark.django_db


def test_a_clean_world_verifies_with_every_entry_sealed_and_anchored(world):
    report = verify.verify()
    assert report.ok, [f.message for f in report.findings]
    entries = PageLogEntry.objects.count() + ModelLogEntry.objects.count()
    assert report.counts["entries"] == report.counts["seals"] == entries == AuditSeal.objects.count()
    assert report.counts["revisions"] == 2
    assert report.counts["signoffs"] == 6
    assert report.counts["files"] == 1


def test_each_log_entry_gets_the_next_link_of_the_chain(world, people):
    head = chain.head()
    log(instance=world["record"], action="records.record.subjects", user=people["records"], data={"x": 1})
    entry = ModelLogEntry.objects.order_by("-pk").first()
    seal = chain.head()
    assert (seal.sequence, seal.log_model, seal.log_id) == (head.sequence + 1, "model", entry.pk)
    assert seal.previous_sha256 == head.sha256
    assert seal.sha256 == chain.link_sha256(head.sha256, seal.content_sha256)
    assert seal.content_sha256 == chain.entry_sha256(entry, "model", "records.record")


def test_an_entry_rolled_back_leaves_no_seal(world, people):
    before = AuditSeal.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        log(instance=world["record"], action="records.record.subjects", user=people["records"])
        raise RuntimeError
    assert AuditSeal.objects.count() == before
    assert verify.verify().ok


def test_the_approval_anchors_the_content_hash_and_the_signatures(world):
    from procedures.fingerprints import signoffs_sha256

    controlled = world["revision"]
    entry = PageLogEntry.objects.get(page_id=world["page"].pk, action="sanad.revision.approve")
    assert entry.data["controlled_revision"] == controlled.pk
    assert entry.data["content_sha256"] == controlled.content_sha256
    assert entry.data["signoffs_sha256"] == signoffs_sha256(controlled.signoffs.all())


def test_a_record_file_hash_is_anchored_when_attached_and_when_declared(world):
    record_file = world["file"]
    for action in ("records.file.attach", "records.record.declare"):
        entry = ModelLogEntry.objects.get(object_id=str(world["record"].pk), action=action)
        assert entry.data["record_files"] == {str(record_file.pk): record_file.sha256}


@pytest.mark.parametrize(
    "statement", ["UPDATE integrity_auditseal SET sha256 = 'x'", "DELETE FROM integrity_auditseal"]
)
def test_seals_refuse_raw_update_and_delete_with_a_persian_message(world, statement):
    with pytest.raises(DatabaseError) as refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    assert "زنجیره ممیزی" in str(refused.value)


def test_seals_refuse_orm_update_and_delete(world):
    seal = AuditSeal.objects.first()
    for attempt in (
        lambda: AuditSeal.objects.filter(pk=seal.pk).update(sha256="0" * 64),
        lambda: AuditSeal.objects.filter(pk=seal.pk).delete(),
        lambda: AuditSeal._base_manager.all().delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            attempt()
    assert AuditSeal.objects.get(pk=seal.pk).sha256 == seal.sha256


def test_a_removed_draft_file_is_not_reported_as_deleted(people):
    from records import services
    from tests.factories import site_tree
    from tests.records import factories

    home, _, _ = site_tree()
    series = factories.series(factories.register_page(home))
    record = factories.draft_record(series, people["records"])
    record_file = services.attach_file(record, name="پیش‌نویس.pdf", data=factories.PDF, by=people["records"])
    services.remove_file(record_file, by=people["records"])
    assert verify.verify().ok


def test_an_upgraded_database_has_its_history_sealed_and_anchored_by_the_migration(world):
    """As before the chain: no seals, and entries written without the anchors the code adds now."""
    import importlib
    import types

    from django.apps import apps

    from tests.integrity.conftest import attacker, json_param

    migration = importlib.import_module("integrity.migrations.0003_seal_existing_history")
    with attacker("integrity_auditseal", "wagtailcore_pagelogentry", "wagtailcore_modellogentry") as cursor:
        cursor.execute("DELETE FROM integrity_auditseal")
        for model in (PageLogEntry, ModelLogEntry):
            for entry in model.objects.all():
                old = {
                    k: v for k, v in entry.data.items() if k not in ("controlled_revision", "record_files")
                }
                cursor.execute(
                    f"UPDATE {model._meta.db_table} SET data = {json_param()} WHERE id = %s",
                    [json.dumps(old, ensure_ascii=False), entry.pk],
                )
    assert not verify.verify().ok

    migration.forwards(apps, types.SimpleNamespace(connection=connection))

    report = verify.verify()
    assert report.ok, [f.message for f in report.findings]
    assert ModelLogEntry.objects.filter(action="integrity.baseline").count() == 3  # two revisions, one record


def test_disposition_with_its_certificate_verifies_clean_and_the_certificate_is_anchored(world, people):
    from records import services
    from records.models import RecordFile

    batch = services.prepare_batch([world["record"]], by=people["records"], title="امحای ۱۴۰۳")
    services.approve_batch(batch, by=people["approver"])
    batch = services.execute_batch(batch, by=people["records"])

    certificate_file = RecordFile.objects.get(record=batch.certificate)
    entry = ModelLogEntry.objects.get(action="records.batch.execute")
    assert entry.data["record_files"] == {str(certificate_file.pk): certificate_file.sha256}
    report = verify.verify()
    assert report.ok, [f.message for f in report.findings]
    assert report.counts["files"] == 2  # the tombstone and the certificate
