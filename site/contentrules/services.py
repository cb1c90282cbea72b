"""Firing rules and re-enqueueing them; with ``contentrules.running``, the only writes to ``Firing`` and ``DigestEntry``.

The life of a firing: ``fire`` writes the row (unique key: a rule fires once per object and
occurrence) and, after commit, enqueues ``run_firing_task``, which runs it (``contentrules.running.perform``:
claim, run the action, mark it succeeded or failed with backoff, give up after ``CONTENTRULES_MAX_ATTEMPTS``).
``retry_due`` (from ``run_content_rules``) re-enqueues failures whose time has come and rows a worker
never picked up. Every step is in Wagtail's audit log.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from wagtail.log_actions import log

from contentrules import occurrences, tasks
from contentrules.actions import ActionError, group_emails
from contentrules.choices import DeadlineSource, Event, Status
from contentrules.models import ContentRule, DigestEntry, Firing
from contentrules.occurrences import Occurrence
from contentrules.running import audit, record_failure
from jalali.calendar import format_jalali, format_jalali_datetime
from jalali.digits import to_persian_digits

logger = logging.getLogger("sanad.contentrules")

#: Audit-log actions written by this module: action -> (label, message).
LOG_ACTIONS: dict[str, tuple[str, str]] = {
    "contentrules.fired": ("اجرای قاعده محتوا", "قاعده محتوا اجرا شد"),
    "contentrules.succeeded": ("انجام اقدام قاعده محتوا", "اقدام قاعده محتوا انجام شد"),
    "contentrules.failed": ("شکست اقدام قاعده محتوا", "اقدام قاعده محتوا ناموفق بود"),
    "contentrules.given_up": ("شکست نهایی اقدام قاعده محتوا", "اقدام قاعده محتوا ناموفق نهایی شد"),
    "contentrules.retried": ("تلاش دوباره اقدام قاعده محتوا", "تلاش دوباره برای اقدام قاعده محتوا ثبت شد"),
    "contentrules.digest_sent": ("ارسال گزارش روزانه", "گزارش روزانه قواعد محتوا فرستاده شد"),
}

#: A pending firing no worker has started after this long is enqueued again.
STALE_PENDING = dt.timedelta(minutes=10)
#: A running firing that has not finished after this long is taken as crashed and retried.
STALE_RUNNING = dt.timedelta(hours=1)


# --- matching ----------------------------------------------------------------------------------------


def matches(rule: ContentRule, occ: Occurrence) -> bool:
    """The rule's conditions: its event, folder (the page or any page below it), content types, deadline."""
    if not rule.enabled or rule.event != occ.event:
        return False
    if rule.folder_id and (occ.page is None or not occ.page.path.startswith(rule.folder.path)):
        return False
    type_ids = {ct.pk for ct in rule.content_types.all()}
    if type_ids and occ.content_type.pk not in type_ids:
        return False
    return rule.event != Event.DEADLINE or (
        rule.deadline_source == occ.deadline_source and (not rule.phase or rule.phase == occ.phase)
    )


def _rules(event: str):
    return (
        ContentRule.objects.filter(enabled=True, event=event)
        .select_related("folder", "group")
        .prefetch_related("content_types")
    )


def firing_key(rule: ContentRule, occ: Occurrence) -> str:
    return f"{rule.pk}:{occ.event}:{occ.content_type.pk}:{occ.obj.pk}:{occ.token}"[:255]


# --- firing ------------------------------------------------------------------------------------------


def fire(rule: ContentRule, occ: Occurrence) -> Firing | None:
    """Record one firing of ``rule`` for ``occ`` and enqueue its action after commit.

    None when this rule already fired for this object and occurrence (the unique key decides, so two
    cron runs at once still fire once).
    """
    key = firing_key(rule, occ)
    if Firing.objects.filter(key=key).exists():
        return None
    try:
        with transaction.atomic():
            firing = Firing.objects.create(
                rule=rule,
                rule_title=rule.title,
                key=key,
                event=occ.event,
                action=rule.action,
                group=rule.group,
                content_type=occ.content_type,
                object_id=occ.obj.pk,
                object_title=occ.title,
                page=occ.page,
                due_on=occ.due_on,
                subject=occ.subject[:255],
                body=occ.body,
                link=occ.link[:500],
                next_attempt_at=timezone.now(),
            )
            audit(firing, "contentrules.fired", event=occ.event, key=key)
    except IntegrityError:  # another process fired it a moment ago
        return None
    transaction.on_commit(lambda: enqueue(firing.pk), robust=True)
    return firing


def dispatch(occ: Occurrence) -> list[Firing]:
    """Fire every enabled rule that matches ``occ``."""
    fired = []
    for rule in _rules(occ.event):
        if matches(rule, occ):
            firing = fire(rule, occ)
            if firing is not None:
                fired.append(firing)
    return fired


def enqueue(firing_id: int) -> None:
    """Hand the firing to the task backend; if even that fails, the firing is failed and retried."""
    try:
        tasks.run_firing_task.enqueue(firing_id)
    except Exception as exc:  # the backend is down: record it, the cron run enqueues it again
        logger.exception("could not enqueue content-rule firing %s", firing_id)
        firing = Firing.objects.filter(pk=firing_id).first()
        if firing is not None and firing.status == Status.PENDING:
            record_failure(firing, f"صف کارها در دسترس نبود: {exc}", claimed=False)


@transaction.atomic
def retry_now(firing: Firing, *, user=None) -> Firing:
    """An administrator asks for another try (after fixing the group, say): a fresh round of attempts."""
    if firing.status not in (Status.FAILED, Status.GIVEN_UP):
        raise ActionError("فقط اجرای ناموفق را می‌توان دوباره اجرا کرد.")
    firing.status = Status.FAILED
    firing.attempts = 0
    firing.next_attempt_at = timezone.now()
    firing.finished_at = None
    firing.save(update_fields=["status", "attempts", "next_attempt_at", "finished_at"])
    log(instance=firing, action="contentrules.retried", user=user, data={"rule": firing.rule_title})
    transaction.on_commit(lambda: enqueue(firing.pk), robust=True)
    return firing


def retry_due(now: dt.datetime | None = None) -> list[int]:
    """Enqueue failures whose next attempt has come, pending rows never started and crashed runs."""
    now = now or timezone.now()
    stale = Firing.objects.filter(status=Status.RUNNING, started_at__lt=now - STALE_RUNNING)
    for firing in stale:
        record_failure(firing, "اجرای پیشین نیمه‌کاره ماند (کارگر متوقف شد).")
    due = Firing.objects.filter(
        models.Q(status=Status.FAILED, next_attempt_at__lte=now)
        | models.Q(status=Status.PENDING, happened_at__lt=now - STALE_PENDING)
    ).order_by("next_attempt_at", "pk")
    ids = list(due.values_list("pk", flat=True))
    for firing_id in ids:
        enqueue(firing_id)
    return ids


# --- the periodic scan -------------------------------------------------------------------------------


def controlled_page_models() -> list[type]:
    from procedures.models import ControlledDocumentPage

    return [m for m in apps.get_models() if issubclass(m, ControlledDocumentPage) and not m._meta.abstract]


def overdue_reviews(today: dt.date) -> list[Occurrence]:
    found = []
    for model in controlled_page_models():
        for page in model.objects.live().order_by("pk"):
            if page.review_overdue(today):
                found.append(occurrences.review_overdue(page, page.review_due_on(), today))
    return found


def deadlines(source: str, today: dt.date, days: int, phase: str = "") -> list[Occurrence]:
    """Deadlines of ``source`` from today to ``days`` days ahead (both included)."""
    last = today + dt.timedelta(days=days)
    found: list[Occurrence] = []
    if source == DeadlineSource.CYCLE_PHASE:
        from records.evaluation.choices import PhaseKind
        from records.evaluation.models import EvaluationCyclePage

        for cycle in EvaluationCyclePage.objects.live().order_by("pk"):
            for row in cycle.ordered_phases():
                if phase and row.kind != phase:
                    continue
                end = cycle.window(row.kind)[1]
                if today <= end <= last:
                    found.append(
                        occurrences.cycle_phase_deadline(
                            cycle, row.kind, PhaseKind(row.kind).label, end, today
                        )
                    )
    elif source == DeadlineSource.DISPOSITION:
        from records.choices import Phase
        from records.models import Record

        records = (
            Record.objects.filter(disposition_due_on__range=(today, last))
            .exclude(phase__in=[Phase.DRAFT, Phase.PERMANENT, Phase.DESTROYED, Phase.TRANSFERRED])
            .select_related("series")
            .order_by("pk")
        )
        found = [occurrences.disposition_deadline(r, r.disposition_due_on, today) for r in records]
    elif source == DeadlineSource.ANNOUNCEMENT_END:
        from announcements.models import AnnouncementPage

        pages = AnnouncementPage.objects.live().filter(display_to__range=(today, last)).order_by("pk")
        found = [occurrences.announcement_deadline(p, p.display_to, today) for p in pages]
    return found


@dataclass
class ScanReport:
    today: dt.date
    fired: list[Firing] = field(default_factory=list)
    retried: list[int] = field(default_factory=list)


def run_periodic(today: dt.date | None = None, *, retry: bool = True) -> ScanReport:
    """Fire the time-based rules for ``today`` (each rule, object and occurrence once) and retry failures."""
    today = today or timezone.localdate()
    report = ScanReport(today=today)
    overdue: list[Occurrence] | None = None
    for rule in _rules(Event.REVIEW_OVERDUE):
        overdue = overdue_reviews(today) if overdue is None else overdue
        report.fired += [f for occ in overdue if matches(rule, occ) and (f := fire(rule, occ))]
    for rule in _rules(Event.DEADLINE):
        if not rule.days_before or not rule.deadline_source:
            continue
        found = deadlines(rule.deadline_source, today, rule.days_before, rule.phase)
        report.fired += [f for occ in found if matches(rule, occ) and (f := fire(rule, occ))]
    if retry:
        report.retried = retry_due()
    return report


# --- the daily digest --------------------------------------------------------------------------------


@dataclass
class DigestReport:
    sent: dict[str, int] = field(default_factory=dict)  # group name -> entries
    skipped: dict[str, str] = field(default_factory=dict)  # group name -> why


def digest_text(group, entries: list[DigestEntry], today: dt.date) -> tuple[str, str]:
    subject = f"گزارش روزانه سند — {format_jalali(today)} — {to_persian_digits(len(entries))} مورد"
    lines = [f"همکاران گرامی گروه «{group.name}»،", "", "رویدادهای تازه از آخرین گزارش:", ""]
    for n, entry in enumerate(entries, start=1):
        lines.append(f"{to_persian_digits(n)}. {entry.subject}")
        lines.append(
            f"   {format_jalali_datetime(entry.created_at)}" + (f" — {entry.link}" if entry.link else "")
        )
    lines += ["", "این گزارش را سامانه سند بر پایه قواعد محتوا فرستاده است."]
    return subject, "\n".join(lines)


def send_daily_digest(now: dt.datetime | None = None) -> DigestReport:
    """Email each group one digest of its unsent entries and mark them sent, group by group.

    A group whose email fails keeps its entries for the next run; a group without addresses is
    reported and keeps them too — nothing is marked sent that nobody received.
    """
    now = now or timezone.now()
    report = DigestReport()
    group_ids = (
        DigestEntry.objects.filter(sent_at__isnull=True, created_at__lte=now)
        .values_list("group_id", flat=True)
        .distinct()
    )
    from django.contrib.auth.models import Group

    for group in Group.objects.filter(pk__in=list(group_ids)).order_by("name"):
        recipients = group_emails(group)
        if not recipients:
            report.skipped[group.name] = "هیچ عضو فعالی با نشانی ایمیل ندارد"
            continue
        try:
            with transaction.atomic():
                entries = list(
                    DigestEntry.objects.select_for_update()
                    .filter(group=group, sent_at__isnull=True, created_at__lte=now)
                    .order_by("created_at", "pk")
                )
                if not entries:
                    continue
                subject, body = digest_text(group, entries, timezone.localdate(now))
                DigestEntry.objects.filter(pk__in=[e.pk for e in entries]).update(sent_at=now)
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=False)
        except Exception as exc:
            logger.exception("daily digest for group %s failed", group.pk)
            report.skipped[group.name] = f"ارسال نشد: {exc}"
            continue
        report.sent[group.name] = len(entries)
        for entry in entries:
            audit(entry.firing, "contentrules.digest_sent", group=group.name, entries=len(entries))
    return report
