"""The acknowledgement log of a revision that leaves force is kept as a declared record."""

import csv
import io

from django.core.management import call_command

from distribution import services
from distribution.models import AcknowledgementLog, AcknowledgementRequest
from jalali.calendar import format_jalali
from procedures import services as procedure_services
from records.choices import Phase
from tests.procedures.signoff import sign_through


def _rows(log):
    record_file = log.record.files.get()
    with record_file.document.file.open("rb") as handle:
        text = handle.read().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_superseding_a_revision_captures_its_log_as_a_declared_record_in_the_distribution_series(
    in_force, draft, people, register, django_capture_on_commit_callbacks
):
    ack = AcknowledgementRequest.objects.get(controlled=in_force, recipient=people["evaluator"])
    services.acknowledge(ack, by=people["evaluator"])
    with django_capture_on_commit_callbacks(execute=True):
        sign_through(
            draft, people["preparer"], people["confirmer"], people["approver"], change_reason="بازنگری"
        )
    log = AcknowledgementLog.objects.get(controlled=in_force)
    assert log.record.is_declared
    assert log.record.phase == Phase.ACTIVE
    assert log.record.series.code == services._series_code()
    assert log.rows == 3
    rows = _rows(log)
    assert rows[0] == services.CSV_HEADERS
    evaluator = next(r for r in rows if r[1] == "evaluator")
    assert evaluator[2] == "کارشناس ارزیاب"
    assert evaluator[3] == format_jalali(ack.asked_on)
    assert evaluator[4] == format_jalali(ack.due_on)
    assert evaluator[5] == format_jalali(ack.asked_on)  # acknowledged the same day
    assert next(r for r in rows if r[1] == "preparer")[5] == "تأیید نشده"
    # the revision now in force is not captured
    assert not AcknowledgementLog.objects.filter(controlled__number=1).exists()


def test_withdrawing_a_revision_captures_its_log(
    in_force, draft, people, register, django_capture_on_commit_callbacks
):
    request = procedure_services.request_withdrawal(
        draft, requested_by=people["preparer"], reason="لغو فرایند"
    )
    with django_capture_on_commit_callbacks(execute=True):
        procedure_services.decide_withdrawal(request, decided_by=people["approver"], approve=True)
    assert AcknowledgementLog.objects.get(controlled=in_force).record.is_declared


def test_the_command_captures_missed_logs_only_with_apply(in_force, draft, people, register):
    # superseded by a signed revision without the signal running (its on-commit callbacks are not run here,
    # as when there was no retention register at the time)
    sign_through(draft, people["preparer"], people["confirmer"], people["approver"], change_reason="بازنگری")
    out = io.StringIO()
    call_command("capture_acknowledgement_logs", stdout=out)
    assert "ثبت خواهد شد" in out.getvalue()
    assert not AcknowledgementLog.objects.exists()
    call_command("capture_acknowledgement_logs", "--apply", stdout=io.StringIO())
    assert AcknowledgementLog.objects.get(controlled=in_force).record.is_declared
    out = io.StringIO()
    call_command("capture_acknowledgement_logs", "--apply", stdout=out)
    assert AcknowledgementLog.objects.count() == 1
    assert "ثبت‌نشده‌ای نیست" in out.getvalue()


def test_a_revision_in_force_has_no_final_log_yet(in_force, register):
    assert services.capture_acknowledgement_log(in_force) is None
