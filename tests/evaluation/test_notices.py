"""Email to agency contacts: a phase opens, 7 days and 1 day before a deadline — each notice once."""

import pytest
from django.core import mail
from django.core.management import call_command

from records.evaluation import services
from records.evaluation.choices import NoticeKind, PhaseKind
from records.evaluation.models import SentNotice
from records.evaluation.notices import send_due_notices
from tests.evaluation import factories as ef
from tests.evaluation.flow import self_assess

pytestmark = pytest.mark.django_db


def subjects():
    return [m.subject for m in mail.outbox]


def test_a_running_phase_is_announced_once_to_each_agency(cycle, agencies):
    """GIVEN the self-assessment phase running WHEN the daily run goes twice THEN each agency's contacts
    got one «آغاز مرحله» mail, and the second run sends nothing."""
    report = send_due_notices(ef.day(0))
    opened = [m for m in mail.outbox if "آغاز مرحله" in m.subject]
    assert {tuple(m.to) for m in opened} == {
        ("a@agency.example", "boss-a@agency.example"),
        ("b@agency.example",),
    }
    assert all(PhaseKind.SELF_ASSESSMENT.label in m.subject for m in opened)
    count = len(mail.outbox)
    assert send_due_notices(ef.day(0)).sent == [] and len(mail.outbox) == count
    assert report.sent


def test_seven_day_and_one_day_reminders_go_once_each(cycle, agencies):
    send_due_notices(ef.day(0))  # ten days left: no reminder yet
    assert not SentNotice.objects.filter(kind__in=[NoticeKind.REMIND_7, NoticeKind.REMIND_1]).exists()
    send_due_notices(ef.day(3))  # seven days left
    send_due_notices(ef.day(4))
    sevens = SentNotice.objects.filter(kind=NoticeKind.REMIND_7)
    assert sevens.count() == 2 and {n.deadline for n in sevens} == {ef.day(10)}
    send_due_notices(ef.day(9))  # one day left
    send_due_notices(ef.day(9))
    assert SentNotice.objects.filter(kind=NoticeKind.REMIND_1).count() == 2
    send_due_notices(ef.day(11))  # closed: no more reminders
    assert SentNotice.objects.filter(kind__in=[NoticeKind.REMIND_7, NoticeKind.REMIND_1]).count() == 4
    reminder = next(m for m in mail.outbox if "یادآوری" in m.subject and "b@agency.example" in m.to)
    assert "۷" in reminder.subject and "پذیرفته نمی‌شود" in reminder.body


def test_an_agency_that_finalised_gets_no_deadline_reminder(cycle, agencies, people):
    self_assess(cycle, agencies["a"], people["a_user"], {"ع-۱": "8", "ع-۲": "15", "خ-الف-۱": "5"})
    send_due_notices(ef.day(3))
    reminders = SentNotice.objects.filter(kind=NoticeKind.REMIND_7)
    assert [n.agency.code for n in reminders] == ["B01"]


def test_an_extension_brings_new_reminders_for_the_new_deadline(
    cycle, agencies, people, django_capture_on_commit_callbacks
):
    send_due_notices(ef.day(9))
    assert SentNotice.objects.filter(kind=NoticeKind.REMIND_1).count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        services.grant_extension(
            cycle,
            by=people["evaluator"],
            new_end=ef.day(20),
            reason="کرونا",
            letter_number="749014",
            letter_date=ef.day(9),
            today=ef.day(9),
        )
    assert SentNotice.objects.filter(kind=NoticeKind.EXTENSION).count() == 2
    send_due_notices(ef.day(13))
    send_due_notices(ef.day(19))
    assert {n.deadline for n in SentNotice.objects.filter(kind=NoticeKind.REMIND_7)} == {ef.day(20)}
    assert {n.deadline for n in SentNotice.objects.filter(kind=NoticeKind.REMIND_1)} == {
        ef.day(10),
        ef.day(20),
    }


def test_objection_window_reminders_go_to_agencies_told_their_results(cycle, agencies, people):
    from tests.evaluation.flow import review

    self_assess(cycle, agencies["a"], people["a_user"], {"ع-۱": "8", "ع-۲": "15", "خ-الف-۱": "5"})
    review(cycle, agencies["a"], people["evaluator"], {"ع-۱": "7", "ع-۲": "14", "خ-الف-۱": "4"})
    send_due_notices(ef.day(24))
    reminders = SentNotice.objects.filter(kind=NoticeKind.REMIND_7, phase=PhaseKind.OBJECTIONS)
    assert [n.agency.code for n in reminders] == ["A01"]


def test_the_daily_command_sends_and_its_dry_run_sends_nothing(cycle, agencies, capsys):
    call_command("send_cycle_notices", "--dry-run", "--today", ef.day(3).isoformat())
    assert mail.outbox == [] and not SentNotice.objects.exists()
    assert "سررسیده" in capsys.readouterr().out
    call_command("send_cycle_notices", "--today", ef.day(3).isoformat())
    sent = len(mail.outbox)
    assert sent > 0 and SentNotice.objects.count() == sent
    call_command("send_cycle_notices", "--today", ef.day(3).isoformat())
    assert len(mail.outbox) == sent


def test_a_bad_date_for_the_command_is_a_persian_error(cycle):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("send_cycle_notices", "--today", "۱۴۰۳/۱۳/۰۱")
