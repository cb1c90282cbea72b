"""Holds freeze disposition and deletion on every path; release takes a second person."""

import pytest
from django.core.management import CommandError, call_command

from records import services
from records.choices import HoldKind, HoldStatus, Phase
from records.models import Hold, Record
from records.rules import RecordsRuleViolation
from tests.records import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(record, people):
    services.place_hold(
        record=record, kind=HoldKind.OBJECTION, reason="اعتراض دستگاه به امتیاز", by=people["records"]
    )
    return record


def test_a_hold_blocks_disposition_in_the_shell(held):
    held.phase = Phase.DESTROYED
    held._change_reason = "امحا از پوسته"
    with pytest.raises(RecordsRuleViolation) as exc:
        held.save()
    assert "توقیف" in str(exc.value)
    assert Record.objects.get(pk=held.pk).phase == Phase.DUE


def test_a_hold_blocks_removing_the_files_in_the_shell(held):
    from django.utils import timezone

    record_file = held.files.get()
    record_file.document = None
    record_file.removed_at = timezone.now()
    with pytest.raises(RecordsRuleViolation):
        record_file.save()


def test_a_held_record_is_not_put_in_a_batch(held, people):
    with pytest.raises(RecordsRuleViolation) as exc:
        services.prepare_batch([held], by=people["records"], title="امحای ۱۴۰۳")
    assert "توقیف" in str(exc.value)


def test_a_hold_placed_after_approval_stops_execution_by_the_service_and_changes_nothing(record, people):
    batch = services.prepare_batch([record], by=people["records"], title="امحا")
    services.approve_batch(batch, by=people["approver"])
    services.place_hold(record=record, kind=HoldKind.AUDIT, reason="ممیزی سالانه", by=people["officer"])
    with pytest.raises(RecordsRuleViolation):
        services.execute_batch(batch, by=people["records"])
    record.refresh_from_db()
    assert record.phase == Phase.DUE and record.files.get().document is not None


def test_a_hold_stops_the_execute_disposition_command(record, people):
    batch = services.prepare_batch([record], by=people["records"], title="امحا")
    services.approve_batch(batch, by=people["approver"])
    services.place_hold(record=record, kind=HoldKind.LEGAL, reason="پرونده قضایی", by=people["records"])
    with pytest.raises(CommandError) as exc:
        call_command("execute_disposition", batch.pk, user=people["records"].username)
    assert "توقیف" in str(exc.value)
    assert Record.objects.get(pk=record.pk).phase == Phase.DUE


def test_a_hold_on_the_series_freezes_every_record_in_it(record, series, people):
    services.place_hold(series=series, kind=HoldKind.AUDIT, reason="ممیزی بیرونی", by=people["records"])
    assert record.is_on_hold
    assert Record.objects.on_hold().filter(pk=record.pk).exists()
    with pytest.raises(RecordsRuleViolation):
        services.prepare_batch([record], by=people["records"], title="امحا")


def test_a_hold_blocks_deleting_a_draft(series, people):
    draft = factories.draft_record(series, people["records"])
    services.place_hold(record=draft, kind=HoldKind.LEGAL, reason="استعلام مرجع قضایی", by=people["records"])
    with pytest.raises(RecordsRuleViolation):
        draft.delete()
    assert Record.objects.filter(pk=draft.pk).exists()


def test_a_hold_says_why(record, people):
    with pytest.raises(RecordsRuleViolation):
        services.place_hold(record=record, kind=HoldKind.AUDIT, reason="   ", by=people["records"])


def test_release_needs_a_second_person(held, people):
    hold = Hold.objects.get(record=held)
    services.request_release(hold, by=people["records"], reason="اعتراض رسیدگی و بسته شد")
    with pytest.raises(RecordsRuleViolation) as exc:
        services.decide_release(hold, by=people["records"], approve=True)
    assert "شخص دیگری" in str(exc.value)
    assert held.is_on_hold  # a pending release still freezes
    services.decide_release(hold, by=people["approver"], approve=True)
    hold.refresh_from_db()
    assert hold.status == HoldStatus.RELEASED and hold.released_by == people["approver"]
    assert not Record.objects.get(pk=held.pk).is_on_hold


def test_release_by_the_requester_is_refused_in_the_shell_and_by_the_database(held, people):
    from django.db import IntegrityError, transaction
    from django.utils import timezone

    hold = Hold.objects.get(record=held)
    services.request_release(hold, by=people["records"], reason="پایان ممیزی")
    hold.refresh_from_db()
    hold.status = HoldStatus.RELEASED
    hold.released_by = people["records"]
    hold.released_at = timezone.now()
    with pytest.raises(RecordsRuleViolation):
        hold.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        Hold.objects.filter(pk=hold.pk).model._base_manager.filter(pk=hold.pk).update(
            status="released", released_by=people["records"], released_at=timezone.now()
        )


def test_a_rejected_release_keeps_the_hold_in_force(held, people):
    hold = Hold.objects.get(record=held)
    services.request_release(hold, by=people["records"], reason="پایان")
    services.decide_release(hold, by=people["approver"], approve=False)
    hold.refresh_from_db()
    assert hold.status == HoldStatus.ACTIVE and held.is_on_hold


def test_holds_are_never_deleted(held):
    hold = Hold.objects.get(record=held)
    with pytest.raises(RecordsRuleViolation):
        hold.delete()
    with pytest.raises(RecordsRuleViolation):
        Hold.objects.all().delete()
    assert Hold.objects.count() == 1


def test_hold_history_has_who_and_why(held, people):
    hold = Hold.objects.get(record=held)
    services.request_release(hold, by=people["records"], reason="اعتراض رد شد")
    versions = list(hold.history.order_by("history_date"))
    assert versions[0].history_user == people["records"]
    assert "اعتراض" in versions[0].history_change_reason
    assert versions[-1].history_change_reason.startswith("درخواست رفع")


def test_a_long_hold_reason_is_kept_whole_and_its_history_version_says_it_in_short(record, people):
    reason = "ممیزی بیرونی سازمان بازرسی استان درباره مستندات خودارزیابی دستگاه‌ها و نحوه نگهداری آنها " * 3
    hold = services.place_hold(record=record, kind=HoldKind.AUDIT, reason=reason, by=people["records"])
    services.request_release(hold, by=people["records"], reason=reason)
    hold.refresh_from_db()
    assert hold.reason == reason.strip() and hold.release_reason == reason.strip()
    versions = list(hold.history.all())
    assert len(versions) == 2
    assert all(len(v.history_change_reason) <= 100 for v in versions)
    assert versions[-1].history_change_reason.startswith("ممیزی بیرونی")
