"""A hold on an evaluation cycle (issue 4) freezes disposition and deletion of every record of the cycle —
its agencies' evidence and objection files — on every path; its release takes a second person; the
records of another cycle stay free."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from jalali.digits import to_persian_digits
from records import services as records_services
from records.choices import HoldKind, HoldScope, HoldStatus, Phase
from records.evaluation import services
from records.evaluation.evidence import evidence_records
from records.models import Hold, Record
from records.rules import RecordsRuleViolation
from tests.evaluation import factories as ef
from tests.evaluation.conftest import pdf
from tests.evaluation.flow import run_to_released, self_assess
from tests.factories import person

pytestmark = pytest.mark.django_db

LONG_AGO = dt.date(2015, 3, 21)


@pytest.fixture
def keepers(db):
    return {
        "records": person("records1", Role.RECORDS_MANAGER, "مسئول بایگانی"),
        "records2": person("records2", Role.RECORDS_MANAGER, "کارشناس بایگانی"),
    }


def make_due(cycle, keeper):
    """Correct the trigger date of the cycle's records far into the past, then run the schedule."""
    for record in evidence_records(cycle):
        records_services.correct_record(
            record, by=keeper, reason="اصلاح تاریخ رویداد مبدأ برای آزمون", trigger_date=LONG_AGO
        )
    records_services.apply_retention(apply=True, records=evidence_records(cycle))
    records = list(evidence_records(cycle).order_by("pk"))
    assert records and all(r.phase == Phase.DUE for r in records)
    return records


@pytest.fixture
def filed(cycle, index, procedure, series, agencies, bank, people, keepers):
    """This year's cycle and last year's, each with agency A's evidence, all of it due for disposition."""
    other = ef.cycle(
        index, procedure, year=ef.YEAR - 1, agencies=[agencies["a"]], series=series, slug="other"
    )
    services.issue_indicators(other, [bank["g1"]], by=people["evaluator"], today=ef.day(-35))
    self_assess(cycle, agencies["a"], people["a_user"], {"ع-۱": "8", "ع-۲": "15", "خ-الف-۱": "5"})
    self_assess(other, agencies["a"], people["a_user"], {"ع-۱": "7"})
    return cycle, make_due(cycle, keepers["records"]), other, make_due(other, keepers["records"])


def hold_cycle(cycle, by, kind=HoldKind.OBJECTION):
    return records_services.place_hold(
        cycle=cycle, kind=kind, reason="نگهداری به سبب اعتراض در جریان", reference="۱۲۳/ص", by=by
    )


def test_a_cycle_hold_covers_every_evidence_record_of_the_cycle_and_none_of_another_cycle(filed, keepers):
    cycle, mine, _, theirs = filed
    hold = hold_cycle(cycle, keepers["records"])
    assert hold.scope == HoldScope.CYCLE and hold.target == cycle
    assert all(r.is_on_hold for r in mine)
    assert not any(r.is_on_hold for r in theirs)
    held = set(Record.objects.on_hold().values_list("pk", flat=True))
    assert {r.pk for r in mine} <= held
    assert not held & {r.pk for r in theirs}
    assert set(Record.objects.not_on_hold().values_list("pk", flat=True)) >= {r.pk for r in theirs}


def test_a_cycle_hold_covers_the_files_of_an_objection(cycle, agencies, people, keepers):
    a, _ = run_to_released(cycle, agencies, people)
    objection = services.file_objection(
        a,
        cycle.indicators.get(code="ع-۲"),
        by=people["a_user"],
        reason="مستندات دیده نشده",
        files=[("اعتراض.pdf", pdf("اعتراض"))],
        today=ef.day(25),
    )
    record = objection.files.get().record
    assert not record.is_on_hold
    hold_cycle(cycle, keepers["records"])
    assert record.is_on_hold
    assert Record.objects.on_hold().filter(pk=record.pk).exists()


def test_a_cycle_hold_stops_preparing_a_disposition_batch_but_not_for_another_cycle(filed, keepers):
    cycle, mine, _, theirs = filed
    hold_cycle(cycle, keepers["records"])
    with pytest.raises(RecordsRuleViolation) as exc:
        records_services.prepare_batch(mine, by=keepers["records"], title="امحای مستندات")
    assert "توقیف" in str(exc.value)
    batch = records_services.prepare_batch(theirs, by=keepers["records"], title="امحای مستندات سال پیش")
    assert batch.items.count() == len(theirs)


def test_a_cycle_hold_placed_after_approval_stops_execution_by_the_service(filed, keepers, people):
    cycle, mine, _, _ = filed
    batch = records_services.prepare_batch(mine, by=keepers["records"], title="امحا")
    records_services.approve_batch(batch, by=people["approver"])
    hold_cycle(cycle, people["approver"], kind=HoldKind.AUDIT)
    with pytest.raises(RecordsRuleViolation):
        records_services.execute_batch(batch, by=keepers["records"])
    for record in mine:
        record.refresh_from_db()
        assert record.phase == Phase.DUE and record.files.get().document is not None


def test_a_cycle_hold_stops_the_execute_disposition_command(filed, keepers, people):
    cycle, mine, _, _ = filed
    batch = records_services.prepare_batch(mine, by=keepers["records"], title="امحا")
    records_services.approve_batch(batch, by=people["approver"])
    hold_cycle(cycle, keepers["records"], kind=HoldKind.LEGAL)
    with pytest.raises(CommandError) as exc:
        call_command("execute_disposition", batch.pk, user=keepers["records"].username)
    assert "توقیف" in str(exc.value)
    assert set(Record.objects.filter(pk__in=[r.pk for r in mine]).values_list("phase", flat=True)) == {
        Phase.DUE
    }


def test_apply_retention_marks_the_records_of_a_held_cycle_and_only_them(filed, keepers):
    cycle, mine, _, theirs = filed
    hold_cycle(cycle, keepers["records"])
    report = records_services.apply_retention()
    assert {r.pk for r in report.held} == {r.pk for r in mine}
    out = io.StringIO()
    call_command("apply_retention", "--no-progress", stdout=out)
    lines = out.getvalue().splitlines()
    assert all(any(r.reference_number in line and "در توقیف" in line for line in lines) for r in mine)
    assert not any(r.reference_number in line and "در توقیف" in line for r in theirs for line in lines)


def test_a_cycle_hold_blocks_disposition_and_file_removal_in_the_shell(filed, keepers):
    cycle, mine, _, _ = filed
    hold_cycle(cycle, keepers["records"])
    record = mine[0]
    record.phase = Phase.DESTROYED
    record._change_reason = "امحا از پوسته"
    with pytest.raises(RecordsRuleViolation) as exc:
        record.save()
    assert "توقیف" in str(exc.value)
    record_file = Record.objects.get(pk=record.pk).files.get()
    record_file.document = None
    record_file.removed_at = timezone.now()
    with pytest.raises(RecordsRuleViolation) as exc:
        record_file.save()
    assert "توقیف" in str(exc.value)
    assert Record.objects.get(pk=record.pk).files.get().document is not None


def test_the_records_of_a_held_cycle_and_their_files_are_not_deleted_in_the_shell(filed, keepers):
    cycle, mine, _, _ = filed
    hold_cycle(cycle, keepers["records"])
    record = mine[0]
    with pytest.raises(RecordsRuleViolation):
        record.delete()
    with pytest.raises(RecordsRuleViolation):
        Record.objects.filter(pk=record.pk).delete()
    with pytest.raises(RecordsRuleViolation):
        record.files.get().delete()
    assert Record.objects.filter(pk=record.pk).exists() and record.files.get().document is not None


def test_a_cycle_hold_blocks_deleting_a_draft_linked_to_the_cycle(filed, keepers):
    """A draft record that the cycle links to (the hold check itself, not only the declared-record rule)."""
    from records.evaluation.models import EvidenceFile

    cycle, mine, _, _ = filed
    draft = records_services.create_record(
        mine[0].series,
        by=keepers["records"],
        title="پیش‌نویس",
        reference_number="پیش-۱",
        record_date=dt.date(2020, 1, 1),
    )
    item = EvidenceFile.objects.filter(record=mine[0]).get()
    EvidenceFile._base_manager.filter(pk=item.pk).update(record=draft)  # a link, whatever its history
    hold_cycle(cycle, keepers["records"])
    with pytest.raises(RecordsRuleViolation) as exc:
        draft.delete()
    assert "توقیف" in str(exc.value)
    assert Record.objects.filter(pk=draft.pk).exists()


def test_releasing_a_cycle_hold_needs_a_second_person(filed, keepers, people):
    cycle, mine, _, _ = filed
    hold = hold_cycle(cycle, keepers["records"])
    records_services.request_release(hold, by=keepers["records"], reason="اعتراض بررسی و بسته شد")
    with pytest.raises(RecordsRuleViolation) as exc:
        records_services.decide_release(hold, by=keepers["records"], approve=True)
    assert "شخص دیگری" in str(exc.value)
    assert mine[0].is_on_hold  # a pending release still freezes
    records_services.decide_release(hold, by=keepers["records2"], approve=True)
    hold.refresh_from_db()
    assert hold.status == HoldStatus.RELEASED and hold.released_by == keepers["records2"]
    assert not any(Record.objects.get(pk=r.pk).is_on_hold for r in mine)
    batch = records_services.prepare_batch(mine, by=keepers["records"], title="امحا پس از رفع توقیف")
    assert batch.items.count() == len(mine)


def test_a_cycle_hold_says_why_and_who_and_is_refused_to_others(cycle, keepers, people):
    with pytest.raises(RecordsRuleViolation):
        records_services.place_hold(cycle=cycle, kind=HoldKind.AUDIT, reason="  ", by=keepers["records"])
    with pytest.raises(RecordsRuleViolation):
        records_services.place_hold(cycle=cycle, kind=HoldKind.AUDIT, reason="ممیزی", by=people["a_user"])
    with pytest.raises(RecordsRuleViolation):
        records_services.place_hold(
            cycle=cycle,
            series=cycle.evidence_series,
            kind=HoldKind.AUDIT,
            reason="ممیزی",
            by=keepers["records"],
        )
    assert not Hold.objects.exists()
    hold = hold_cycle(cycle, keepers["records"])
    assert hold.placed_by == keepers["records"] and hold.placed_at is not None
    assert hold.target_label == f"دوره ارزیابی {to_persian_digits(cycle.year)} ({cycle.title})"
    assert hold.history.first().history_change_reason == "نگهداری به سبب اعتراض در جریان"


def test_the_database_refuses_a_cycle_hold_without_its_cycle_or_with_another_target(cycle, keepers):
    base = {"kind": HoldKind.AUDIT, "reason": "ممیزی", "placed_by": keepers["records"]}
    with pytest.raises(IntegrityError), transaction.atomic():
        Hold.objects.create(scope=HoldScope.CYCLE, **base)
    with pytest.raises(IntegrityError), transaction.atomic():
        Hold.objects.create(scope=HoldScope.CYCLE, cycle=cycle, series=cycle.evidence_series, **base)
    with pytest.raises(IntegrityError), transaction.atomic():
        Hold.objects.create(scope=HoldScope.SERIES, cycle=cycle, **base)


def test_the_holds_form_offers_the_cycle_scope_and_the_cycle_dashboard_shows_the_hold(
    client, cycle, keepers, people
):
    client.force_login(keepers["records"])
    page = client.get(reverse("records_hold_new") + f"?scope=cycle&cycle={cycle.pk}").content.decode()
    assert "یک دوره ارزیابی" in page and "دامنه توقیف" in page
    response = client.post(
        reverse("records_hold_new"),
        {
            "scope": "cycle",
            "cycle": cycle.pk,
            "kind": "objection",
            "reason": "اعتراض در جریان",
            "reference": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    hold = Hold.objects.get()
    assert hold.cycle == cycle and hold.scope == HoldScope.CYCLE
    assert "دوره ارزیابی" in client.get(reverse("records_holds")).content.decode()
    client.force_login(people["evaluator"])
    dashboard = client.get(reverse("evaluation_dashboard", args=[cycle.pk])).content.decode()
    assert "این دوره در توقیف است" in dashboard and "اعتراض در جریان" in dashboard


def test_the_holds_form_without_a_cycle_says_so_in_persian_and_places_nothing(client, cycle, keepers):
    client.force_login(keepers["records"])
    response = client.post(
        reverse("records_hold_new"), {"scope": "cycle", "kind": "audit", "reason": "ممیزی", "reference": ""}
    )
    assert response.status_code == 200
    assert "دوره ارزیابی را برگزینید" in response.content.decode()
    assert not Hold.objects.exists()
