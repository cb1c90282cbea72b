"""Time-based events found by ``run_content_rules``: review overdue and deadlines within N days."""

import datetime as dt
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.roles import Role
from contentrules.choices import Action, DeadlineSource, Event, Status
from contentrules.models import Firing
from contentrules.services import run_periodic
from procedures.models import ServiceStatementPage
from records.evaluation.choices import PhaseKind
from tests.contentrules.conftest import import_paper
from tests.factories import content_rule


@pytest.fixture
def procedure_in_force(draft_procedure, django_capture_on_commit_callbacks):
    """Revision 00 in force since 1395/10/05, reviewed every 12 months: its review is long overdue."""
    with django_capture_on_commit_callbacks(execute=True):
        import_paper(draft_procedure, 0, dt.date(2016, 12, 25))
    draft_procedure.refresh_from_db()
    return draft_procedure


def test_an_overdue_review_fires_once_per_due_date_however_often_the_command_runs(
    procedure_in_force, watchers, tree, django_capture_on_commit_callbacks
):
    _home, procedures, references = tree
    rule = content_rule(
        "بازنگری معوق",
        event=Event.REVIEW_OVERDUE,
        folder=procedures,
        action=Action.EMAIL_GROUP,
        group=watchers,
    )
    content_rule(
        "بازنگری معوق مستندات",
        event=Event.REVIEW_OVERDUE,
        folder=references,
        action=Action.EMAIL_GROUP,
        group=watchers,
    )
    content_rule(
        "بازنگری معوق بیانیه",
        event=Event.REVIEW_OVERDUE,
        content_types=[ServiceStatementPage],
        action=Action.EMAIL_GROUP,
        group=watchers,
    )

    with django_capture_on_commit_callbacks(execute=True):
        first = run_periodic()
    with django_capture_on_commit_callbacks(execute=True):
        second = run_periodic()

    assert [f.rule for f in first.fired] == [rule]
    assert second.fired == []
    firing = Firing.objects.get()
    assert firing.status == Status.SUCCEEDED and firing.due_on == dt.date(2017, 12, 26)
    (message,) = mail.outbox
    assert message.subject == "بازنگری معوق: روش اجرایی ارزیابی عملکرد"
    assert "۱۳۹۶/۱۰/۰۵" in message.body  # twelve Jalali months after ۱۳۹۵/۱۰/۰۵


@pytest.fixture
def cycle(tree, procedure_in_force):
    from records.evaluation.setup import ensure_evaluation_index
    from tests.evaluation import factories as ef

    home, _, _ = tree
    return ef.cycle(ensure_evaluation_index(home), procedure_in_force, year=ef.YEAR)


def test_seven_days_before_the_self_assessment_deadline_the_evaluators_are_emailed_once(
    cycle, people, django_capture_on_commit_callbacks
):
    evaluators = Group.objects.get(name=Role.EVALUATOR)
    content_rule(
        "۷ روز مانده به پایان خودارزیابی",
        event=Event.DEADLINE,
        deadline_source=DeadlineSource.CYCLE_PHASE,
        phase=PhaseKind.SELF_ASSESSMENT,
        days_before=7,
        action=Action.EMAIL_GROUP,
        group=evaluators,
    )
    content_rule(
        "۷ روز مانده به پایان اعتراض",
        event=Event.DEADLINE,
        deadline_source=DeadlineSource.CYCLE_PHASE,
        phase=PhaseKind.OBJECTIONS,
        days_before=7,
        action=Action.EMAIL_GROUP,
        group=evaluators,
    )
    end = timezone.localdate() + dt.timedelta(
        days=10
    )  # the factory's self-assessment ends ten days from today

    with django_capture_on_commit_callbacks(execute=True):
        assert run_periodic(timezone.localdate()).fired == []  # ten days left: not yet
        assert len(run_periodic(timezone.localdate() + dt.timedelta(days=3)).fired) == 1
        assert (
            run_periodic(timezone.localdate() + dt.timedelta(days=4)).fired == []
        )  # already fired for this deadline

    firing = Firing.objects.get()
    assert firing.due_on == end and firing.status == Status.SUCCEEDED
    (message,) = mail.outbox
    assert message.to == ["evaluator1@example.org"]
    assert "خودارزیابی و بارگذاری مستندات" in message.subject
    from jalali.calendar import format_jalali

    assert format_jalali(end) in message.body and "۷ روز مانده است" in message.body


def test_a_disposition_date_within_the_window_fires_for_records_in_the_folder(
    tree, people, watchers, django_capture_on_commit_callbacks
):
    from records.models import Record
    from tests.records import factories as rf

    home, procedures, _ = tree
    register = rf.register_page(home)
    series = rf.series(register)
    record = rf.declared_record(series, people["admin"])
    Record.objects.filter(pk=record.pk).update(
        disposition_due_on=timezone.localdate() + dt.timedelta(days=20)
    )
    content_rule(
        "موعد تعیین تکلیف",
        event=Event.DEADLINE,
        deadline_source=DeadlineSource.DISPOSITION,
        days_before=30,
        folder=register,
        content_types=[Record],
        action=Action.EMAIL_GROUP,
        group=watchers,
    )
    content_rule(
        "موعد در پوشه دیگر",
        event=Event.DEADLINE,
        deadline_source=DeadlineSource.DISPOSITION,
        days_before=30,
        folder=procedures,
        action=Action.EMAIL_GROUP,
        group=watchers,
    )

    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_content_rules", today=timezone.localdate().isoformat(), stdout=io.StringIO())

    firing = Firing.objects.get()
    assert firing.rule_title == "موعد تعیین تکلیف" and firing.object_id == record.pk
    assert mail.outbox[0].subject.startswith("موعد تعیین تکلیف سابقه:")


def test_the_command_refuses_a_bad_date_in_persian(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="ماه ۱۳ وجود ندارد"):
        call_command("run_content_rules", today="۱۴۰۳/۱۳/۴۰")
