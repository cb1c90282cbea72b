"""Email to agency contacts: a phase opens, 7 days and 1 day before a deadline, an extension, results.

Every notice has a key; ``SentNotice`` has it unique, and the row is written in the same transaction
as the sending, so the daily ``send_cycle_notices`` run never mails twice (a failed sending rolls the
row back and is tried again the next day). The backend is Django's: the console in development,
``locmem`` in the tests, SMTP in production.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import logging
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from jalali.calendar import format_jalali
from jalali.digits import to_persian_digits
from records.evaluation import rules
from records.evaluation.choices import AGENCY_DEADLINES, NoticeKind, PhaseKind, Progress
from records.evaluation.models import EvaluationCyclePage, FinalResult, SentNotice
from records.evaluation.queries import progress, submission_for
from sanad.links import absolute_url

logger = logging.getLogger("sanad.evaluation")
_suppressed: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "evaluation_notices_suppressed", default=False
)


@contextmanager
def suppressed():
    """No notice is sent or logged inside: the demo replays 1398 without mailing anybody about it."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def after_commit(notify, *args) -> None:
    """Send a notice once the write that calls for it has committed (nothing when suppressed now)."""
    if _suppressed.get():
        return
    transaction.on_commit(lambda: notify(*args))


def send_once(
    *,
    key: str,
    cycle,
    agency,
    kind: str,
    subject: str,
    body: str,
    phase: str = "",
    deadline=None,
    dry_run: bool = False,
) -> bool:
    """Send one notice to ``agency``'s contacts unless a notice with ``key`` went out before. True if sent
    (with ``dry_run``: True if it is due; nothing is sent or logged)."""
    if _suppressed.get():
        return False
    recipients = agency.notice_recipients()
    if not recipients:
        logger.warning("no recipients for %s (%s)", agency, key)
        return False
    if SentNotice.objects.filter(key=key).exists():
        return False
    if dry_run:
        return True
    try:
        with transaction.atomic():
            SentNotice.objects.create(
                key=key,
                cycle=cycle,
                agency=agency,
                kind=kind,
                phase=phase,
                deadline=deadline,
                recipients="\n".join(recipients),
                subject=subject[:255],
            )
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=False)
    except IntegrityError:  # another run sent it a moment ago
        return False
    return True


def _greeting(agency) -> str:
    return f"همکاران گرامی {agency.name}،\n\n"


def _footer(cycle) -> str:
    return (
        f"\n\nپیشخوان ارزیابی عملکرد: {absolute_url('/admin/evaluation/')}\n"
        f"صفحه دوره: {absolute_url(cycle.url or '/')}\n"
        "این پیام را سامانه سند فرستاده است."
    )


def _year(cycle) -> str:
    return to_persian_digits(cycle.year)


# --- events sent by the services -------------------------------------------------------------------


def notify_extension(extension) -> int:
    cycle = extension.cycle
    agencies = [extension.agency] if extension.agency_id else list(cycle.agencies.filter(active=True))
    label = PhaseKind(extension.phase).label
    sent = 0
    for agency in agencies:
        subject = f"تمدید مهلت «{label}» — ارزیابی عملکرد سال {_year(cycle)}"
        body = (
            _greeting(agency)
            + f"مهلت «{label}» در ارزیابی عملکرد سال {_year(cycle)} از {format_jalali(extension.previous_end)} "
            f"تا {format_jalali(extension.new_end)} تمدید شد.\n"
            f"مجوز: نامه شماره {to_persian_digits(extension.letter_number)} مورخ {format_jalali(extension.letter_date)}.\n"
            f"دلیل: {extension.reason}" + _footer(cycle)
        )
        sent += send_once(
            key=f"extension:{extension.pk}:{agency.pk}",
            cycle=cycle,
            agency=agency,
            kind=NoticeKind.EXTENSION,
            phase=extension.phase,
            deadline=extension.new_end,
            subject=subject,
            body=body,
        )
    return sent


def notify_initial_results(submission) -> int:
    cycle, agency = submission.cycle, submission.agency
    window = cycle.window(PhaseKind.OBJECTIONS, agency.pk)
    objection_line = (
        f"مهلت ثبت اعتراض از {format_jalali(window[0])} تا {format_jalali(window[1])} است."
        if window
        else "زمان ثبت اعتراض بعداً اعلام می‌شود."
    )
    subject = f"اعلام نتایج اولیه ارزیابی عملکرد سال {_year(cycle)}"
    body = (
        _greeting(agency)
        + f"نتایج اولیه ارزیابی عملکرد سال {_year(cycle)} دستگاه شما اعلام شد و در پیشخوان دیده می‌شود.\n"
        + objection_line
        + _footer(cycle)
    )
    return int(
        send_once(
            key=f"initial:{cycle.pk}:{agency.pk}",
            cycle=cycle,
            agency=agency,
            kind=NoticeKind.INITIAL_RESULTS,
            subject=subject,
            body=body,
        )
    )


def notify_final_results(cycle) -> int:
    sent = 0
    for result in FinalResult.objects.filter(cycle_id=cycle.pk).select_related("agency"):
        agency = result.agency
        subject = f"اعلام نتایج نهایی ارزیابی عملکرد سال {_year(cycle)}"
        body = (
            _greeting(agency) + f"نتایج نهایی ارزیابی عملکرد سال {_year(cycle)} تصویب شد.\n"
            f"امتیاز دستگاه شما: {to_persian_digits(rules.format_score(result.total))} از "
            f"{to_persian_digits(rules.format_score(result.maximum))} ({to_persian_digits(result.percent)} درصد)، "
            f"سطح «{result.tier}»، رتبه {to_persian_digits(result.rank)}.\n"
            "کارنامه عملکرد در پیشخوان ارزیابی عملکرد آماده چاپ است." + _footer(cycle)
        )
        sent += send_once(
            key=f"final:{cycle.pk}:{agency.pk}",
            cycle=cycle,
            agency=agency,
            kind=NoticeKind.FINAL_RESULTS,
            subject=subject,
            body=body,
        )
    return sent


# --- the daily run ------------------------------------------------------------------------------------


@dataclass
class NoticeReport:
    today: dt.date
    sent: list[str] = field(default_factory=list)


def _wants_deadline_reminder(cycle, agency, kind: str, today: dt.date) -> bool:
    """Self-assessment reminders go to agencies not yet complete; objection reminders to agencies told their results."""
    submission = submission_for(cycle, agency, create=False)
    if kind == PhaseKind.SELF_ASSESSMENT:
        if submission is not None and submission.finalised_at:
            return False
        return progress(cycle, agency, today) != Progress.COMPLETE
    if kind == PhaseKind.OBJECTIONS:
        return bool(submission and submission.released_at and not submission.accepted_at)
    return True


def send_due_notices(today: dt.date | None = None, *, dry_run: bool = False) -> NoticeReport:
    """What the daily cron runs: phase openings and deadline reminders for every live, non-final cycle."""
    today = today or timezone.localdate()
    report = NoticeReport(today=today)
    for cycle in EvaluationCyclePage.objects.live().filter(pinned_revision__isnull=False).order_by("year"):
        if cycle.is_final:
            continue
        agencies = list(cycle.agencies.filter(active=True))
        for phase in cycle.ordered_phases():
            label = phase.get_kind_display()
            for agency in agencies:
                start, end = cycle.window(phase.kind, agency.pk)
                if start <= today <= end:
                    subject = f"آغاز مرحله «{label}» — ارزیابی عملکرد سال {_year(cycle)}"
                    body = (
                        _greeting(agency)
                        + f"مرحله «{label}» ارزیابی عملکرد سال {_year(cycle)} از {format_jalali(start)} آغاز شده است "
                        f"و تا {format_jalali(end)} ادامه دارد." + _footer(cycle)
                    )
                    if send_once(
                        key=f"opens:{cycle.pk}:{phase.kind}:{agency.pk}",
                        cycle=cycle,
                        agency=agency,
                        kind=NoticeKind.PHASE_OPENS,
                        phase=phase.kind,
                        subject=subject,
                        body=body,
                        dry_run=dry_run,
                    ):
                        report.sent.append(f"{agency.code}: {subject}")
                if phase.kind not in AGENCY_DEADLINES:
                    continue
                due = rules.reminder_due(today, end)
                if due is None or not _wants_deadline_reminder(cycle, agency, phase.kind, today):
                    continue
                left = rules.days_left(today, end)
                subject = (
                    f"یادآوری: {to_persian_digits(left) if left else 'امروز'} "
                    f"{'روز ' if left else ''}تا پایان مهلت «{label}» — ارزیابی عملکرد سال {_year(cycle)}"
                )
                body = (
                    _greeting(agency)
                    + f"مهلت «{label}» ارزیابی عملکرد سال {_year(cycle)} در {format_jalali(end)} به پایان می‌رسد "
                    "و پس از آن تغییری پذیرفته نمی‌شود." + _footer(cycle)
                )
                if send_once(
                    key=f"{due}:{cycle.pk}:{phase.kind}:{agency.pk}:{end.isoformat()}",
                    cycle=cycle,
                    agency=agency,
                    kind=due,
                    phase=phase.kind,
                    deadline=end,
                    subject=subject,
                    body=body,
                    dry_run=dry_run,
                ):
                    report.sent.append(f"{agency.code}: {subject}")
    return report
