"""Break it (issue 10 §3): held records, record files and their hashes, holds and the records' history
refuse every write path, the database included; release of a hold lets deletion of a draft through."""

import pytest
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import ModelLogEntry

from records import services
from records.choices import HoldKind, HoldStatus, Phase
from records.models import Hold, Record, RecordFile
from tests.db_guard_attempts import Attempts, raw, try_every_path
from tests.records import factories


@pytest.fixture
def held(series, record, people):
    """A declared record held by itself, and a draft record in a series held as a whole."""
    services.place_hold(by=people["records"], kind=HoldKind.AUDIT, reason="ممیزی ۱۴۰۳", record=record)
    other = factories.series(series.get_parent(), code="س-۲", title="ردیف دوم")
    draft = factories.draft_record(other, people["records"])
    series_hold = services.place_hold(
        by=people["records"], kind=HoldKind.LEGAL, reason="پرونده قضایی", series=other
    )
    return record, draft, series_hold


def test_held_records_files_holds_and_history_refuse_every_write_path(held, people):
    record, draft, series_hold = held
    record_file = record.files.get()
    attempts = Attempts()

    # a held draft: deletable by its phase, refused by its hold
    attempts(
        "records_record",
        "delete() of a held draft",
        lambda: Record.objects.get(pk=draft.pk).delete(),
        through_model=True,
    )
    attempts(
        "records_record",
        "_base_manager.delete() of a held draft",
        lambda: Record._base_manager.filter(pk=draft.pk).delete(),
    )
    attempts(
        "records_record",
        "raw DELETE of a held draft",
        raw("DELETE FROM records_record WHERE id = %s", [draft.pk]),
    )

    # a held declared record: not deleted, not disposed of
    try_every_path(
        attempts,
        Record,
        record.pk,
        changes={"phase": Phase.DESTROYED},
        raw_set="phase = %s",
        raw_params=["transferred"],
    )
    attempts(
        "records_record",
        "declared record back to draft",
        lambda: Record._base_manager.filter(pk=record.pk).update(phase=Phase.DRAFT),
    )

    # its file: hash, name, content
    try_every_path(
        attempts,
        RecordFile,
        record_file.pk,
        changes={"sha256": "0" * 64},
        raw_set="sha256 = %s",
        raw_params=["0" * 64],
    )
    files = RecordFile._base_manager.filter
    for label, changes in (
        ("stored name", {"name": "جایگزین.pdf"}),
        ("size", {"size": 1}),
        ("content removed while held", {"document": None, "removed_at": timezone.now()}),
    ):
        attempts("records_recordfile", label, lambda c=changes: files(pk=record_file.pk).update(**c))
    replacement = Document.objects.create(title="جایگزین", file="documents/forged.pdf")
    attempts(
        "records_recordfile",
        "document swapped",
        lambda: files(pk=record_file.pk).update(document=replacement),
    )
    attempts(
        "wagtaildocs_document",
        "the stored file behind the record replaced",
        lambda: Document.objects.filter(pk=record_file.document_id).update(file="documents/forged.pdf"),
    )
    attempts(
        "wagtaildocs_document",
        "raw UPDATE of the stored file name",
        raw(
            "UPDATE wagtaildocs_document SET file = %s WHERE id = %s",
            ["documents/forged.pdf", record_file.document_id],
        ),
    )

    # holds: never deleted, never edited, released only forward by a second person
    hold = Hold.objects.get(record=record)
    try_every_path(
        attempts,
        Hold,
        hold.pk,
        changes={"reason": "دلیل جعلی"},
        raw_set="status = %s",
        raw_params=[HoldStatus.RELEASED],
    )
    attempts(
        "records_hold",
        "active -> released without a request",
        lambda: Hold._base_manager.filter(pk=series_hold.pk).update(
            status=HoldStatus.RELEASED, released_by=people["records2"], released_at=timezone.now()
        ),
    )

    # the history of records and the audit log of holds
    history = Record.history.model
    version = history.objects.filter(id=record.pk).order_by("history_id").first()
    try_every_path(
        attempts,
        history,
        version.pk,
        changes={"history_change_reason": "جعلی"},
        raw_set="title = %s",
        raw_params=["جعلی"],
        raw_key="history_id",
    )
    entry = ModelLogEntry.objects.order_by("-pk").first()
    try_every_path(
        attempts,
        ModelLogEntry,
        entry.pk,
        changes={"data": {"forged": True}},
        raw_set="label = %s",
        raw_params=["جعلی"],
    )

    attempts.assert_all_refused()
    assert Record.objects.filter(pk__in=[record.pk, draft.pk]).count() == 2
    record_file.refresh_from_db()
    assert record_file.document_id is not None and record_file.sha256 != "0" * 64


def test_after_release_by_a_second_person_the_draft_can_be_deleted(held, people):
    _, draft, series_hold = held
    services.request_release(series_hold, by=people["records"], reason="پرونده مختومه شد")
    services.decide_release(series_hold, by=people["records2"], approve=True)
    assert Hold.objects.get(pk=series_hold.pk).status == HoldStatus.RELEASED
    Record.objects.get(pk=draft.pk).delete()
    assert not Record.objects.filter(pk=draft.pk).exists()
