"""The writes of distribution, each atomic and audited in the document's own audit log.

- ``save_distribution_list``: the admin form's save; before/after written to the document's history.
- ``request_acknowledgements``: a revision came into force; ask each recipient to acknowledge it.
- ``acknowledge``: the recipient confirms «خواندم و فهمیدم»; refused for anyone else, twice, or too late.
- ``notify_distribution``: email every recipient of a document (for content rules).
- ``capture_acknowledgement_log``: a revision left force; its log becomes a declared record.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import display_name, position_of
from distribution import rules
from distribution.models import AcknowledgementLog, AcknowledgementRequest, DistributionList
from distribution.recipients import distribution_list_of, expand, recipients_for
from jalali.calendar import format_jalali
from jalali.digits import to_persian_digits
from procedures.audit import record, record_refusal
from procedures.models.register import ControlledRevision, RevisionStatus
from procedures.rules import format_revision_number
from sanad.links import absolute_url, page_link
from worker.tasks import send_mails_task, serialise_messages

logger = logging.getLogger("sanad.distribution")

LOG_ACTIONS: dict[str, tuple[str, str]] = {
    "sanad.distribution.change": ("تغییر فهرست توزیع", "فهرست توزیع سند تغییر کرد"),
    "sanad.distribution.request": ("درخواست تأیید مطالعه", "از گیرندگان سند تأیید مطالعه خواسته شد"),
    "sanad.distribution.acknowledge": ("تأیید مطالعه", "گیرنده مطالعه سند را تأیید کرد"),
    "sanad.distribution.notify": ("اطلاع به فهرست توزیع", "به گیرندگان فهرست توزیع رایانامه فرستاده شد"),
    "sanad.distribution.log": ("ثبت سابقه تأیید مطالعه", "سابقه تأیید مطالعه بازنگری ثبت شد"),
}

LOG_SERIES_SLUG = "distribution-acknowledgement-logs"


def _series_code() -> str:
    return getattr(settings, "DISTRIBUTION_LOG_SERIES_CODE", "س-ت-۰۱")


# --- the list --------------------------------------------------------------------------------------


def save_distribution_list(form, *, by) -> DistributionList:
    """Save the admin form of a distribution list and write before/after to the document's history."""
    instance: DistributionList = form.instance
    try:
        rules.check_acknowledgement_period(instance.acknowledgement_days)
    except rules.DistributionRuleViolation as exc:
        record_refusal(instance.page.specific, exc, user=by)
        raise
    return _save_distribution_list(form, by=by)


@transaction.atomic
def _save_distribution_list(form, *, by) -> DistributionList:
    instance: DistributionList = form.instance
    before = DistributionList.objects.get(pk=instance.pk).describe() if instance.pk else None
    saved = form.save()
    after = saved.describe()
    if before != after:
        record(
            saved.page.specific,
            "sanad.distribution.change",
            user=by,
            data={"before": before, "after": after},
        )
    return saved


# --- asking ----------------------------------------------------------------------------------------


def _request_message(req: AcknowledgementRequest, controlled: ControlledRevision, page) -> EmailMessage:
    number = format_revision_number(controlled.number)
    subject = f"درخواست تأیید مطالعه: {controlled.title} — بازنگری {number}"
    body = "\n".join(
        [
            f"{display_name(req.recipient)} گرامی،",
            "",
            "بازنگری تازه‌ای از سند کنترل‌شده زیر که در فهرست توزیع آن هستید اجرایی شد:",
            f"عنوان سند: {controlled.title}",
            f"کد سند: {controlled.code}",
            f"شماره بازنگری: {number}",
            f"تاریخ اجرا: {format_jalali(controlled.effective_from)}",
            f"نشانی سند: {page_link(page)}",
            "",
            f"لطفاً سند را مطالعه کنید و تا {format_jalali(req.due_on)} در پیشخوان سامانه سند "
            f"(بخش «اسناد منتظر تأیید مطالعه شما») گزینه «خواندم و فهمیدم» را بزنید:",
            absolute_url(reverse("wagtailadmin_home")),
            "",
            "این پیام را سامانه سند فرستاده است.",
        ]
    )
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [req.recipient.email])


def _send(messages: list[EmailMessage]) -> int:
    if not messages:
        return 0
    try:
        return get_connection(fail_silently=False).send_messages(messages) or 0
    except Exception:  # the requests stand; the dashboard still shows them
        logger.exception("sending %d distribution emails failed", len(messages))
        return 0


@transaction.atomic
def request_acknowledgements(controlled: ControlledRevision, *, today: dt.date | None = None) -> int:
    """Ask every recipient of the document to acknowledge this revision; return how many were asked.

    ISO 9001 §7.5.3.2 a) and §7.3. Idempotent: a recipient already asked for this revision is skipped.
    Only a revision in force is distributed. Each new recipient with an address is emailed after commit.
    """
    controlled = ControlledRevision.objects.get(pk=controlled.pk)
    if controlled.status != RevisionStatus.IN_FORCE:
        return 0
    page = controlled.page.specific
    distribution_list = distribution_list_of(page)
    if distribution_list is None:
        return 0
    today = today or timezone.localdate()
    due_on = rules.acknowledgement_due_on(today, distribution_list.acknowledgement_days)
    asked = set(
        AcknowledgementRequest.objects.filter(controlled=controlled).values_list("recipient_id", flat=True)
    )
    created: list[AcknowledgementRequest] = []
    for recipient in expand(distribution_list):
        if recipient.user.pk in asked:
            continue
        created.append(
            AcknowledgementRequest.objects.create(
                controlled=controlled,
                page_id=page.pk,
                recipient=recipient.user,
                position=position_of(recipient.user),
                via="، ".join(recipient.via)[:500],
                asked_on=today,
                due_on=due_on,
            )
        )
    if created:
        record(
            page,
            "sanad.distribution.request",
            data={
                "number": controlled.number,
                "code": controlled.code,
                "count": len(created),
                "due_on": due_on.isoformat(),
                "recipients": [r.recipient.get_username() for r in created],
            },
        )
        messages = serialise_messages(
            [_request_message(r, controlled, page) for r in created if r.recipient.email]
        )
        if messages:  # sent by the worker; a failing mail server leaves a failed task to run again
            transaction.on_commit(lambda: send_mails_task.enqueue(messages), robust=True)
    return len(created)


def acknowledge(request: AcknowledgementRequest, *, by) -> AcknowledgementRequest:
    """The recipient confirms having read and understood the revision (only they, once, while in force).

    A refusal is written to the document's audit log outside the refused transaction, so it stays.
    """
    try:
        return _acknowledge(request, by=by)
    except rules.DistributionRuleViolation as exc:
        record_refusal(request.page.specific, exc, user=by if getattr(by, "pk", None) else None)
        raise


@transaction.atomic
def _acknowledge(request: AcknowledgementRequest, *, by) -> AcknowledgementRequest:
    request = (
        AcknowledgementRequest.objects.select_for_update().select_related("controlled").get(pk=request.pk)
    )
    rules.check_may_acknowledge(
        recipient_id=request.recipient_id,
        user_id=getattr(by, "pk", None),
        already=request.is_acknowledged,
        revision_in_force=request.controlled.status == RevisionStatus.IN_FORCE,
    )
    request.acknowledged_at = timezone.now()
    request.save(update_fields=["acknowledged_at"])
    record(
        request.page.specific,
        "sanad.distribution.acknowledge",
        user=by,
        data={"number": request.controlled.number, "code": request.controlled.code, "request": request.pk},
    )
    return request


@transaction.atomic
def notify_distribution(page, *, subject: str, body: str, event: str) -> int:
    """Email every recipient of the page's distribution list; return how many were sent a message."""
    users = [u for u in recipients_for(page) if u.email]
    messages = [EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [u.email]) for u in users]
    sent = _send(messages)
    if getattr(page, "pk", None) is not None:
        record(
            getattr(page, "specific", page),
            "sanad.distribution.notify",
            data={"event": event, "subject": subject, "count": sent},
        )
    return sent


# --- the log as a record ---------------------------------------------------------------------------

CSV_HEADERS = ["گیرنده", "نام کاربری", "سمت", "تاریخ درخواست", "مهلت تأیید", "تاریخ تأیید مطالعه"]


def acknowledgement_log_csv(controlled: ControlledRevision) -> bytes:
    """The revision's acknowledgement log as CSV with Persian headers and Jalali dates (UTF-8, BOM)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADERS)
    rows = (
        AcknowledgementRequest.objects.filter(controlled=controlled)
        .select_related("recipient")
        .order_by("recipient__username")
    )
    for req in rows:
        writer.writerow(
            [
                display_name(req.recipient),
                req.recipient.get_username(),
                req.position,
                format_jalali(req.asked_on),
                format_jalali(req.due_on),
                format_jalali(timezone.localdate(req.acknowledged_at))
                if req.acknowledged_at
                else "تأیید نشده",
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def ensure_distribution_log_series():
    """The series acknowledgement logs are kept in (made on first use under the retention register)."""
    from accounts.roles import Role
    from records.choices import Disposal, Medium, PeriodUnit, Trigger
    from records.models import RetentionRegisterPage, RetentionSeriesPage
    from records.rules import RecordsRuleViolation
    from records.rules import Rule as RecordsRule

    code = _series_code()
    series = RetentionSeriesPage.objects.filter(code=code).first()
    if series is not None:
        return series
    register = RetentionRegisterPage.objects.first()
    if register is None:
        raise RecordsRuleViolation(RecordsRule.BATCH_STATE, "جدول نگهداری سوابق ساخته نشده است.")
    series = register.add_child(
        instance=RetentionSeriesPage(
            title="سوابق توزیع و تأیید مطالعه اسناد کنترل‌شده",
            slug=LOG_SERIES_SLUG,
            code=code,
            medium=Medium.ELECTRONIC,
            active_amount=3,
            active_unit=PeriodUnit.YEARS,
            archive_amount=2,
            archive_unit=PeriodUnit.YEARS,
            trigger=Trigger.CREATION,
            disposal=Disposal.REVIEW,
            active_place="سامانه سند",
            archive_place="بایگانی الکترونیکی سازمان",
            custodian_unit="مدیریت/معاونت کیفیت",
            custodian_role=Role.QUALITY_OFFICER.name,
            description="فهرست نهایی تأیید مطالعه هر بازنگری سند کنترل‌شده، هنگام منسوخ یا ابطال شدن آن بازنگری.",
        )
    )
    series.save_revision().publish()
    return series


def _declare_generated(series, *, title: str, reference: str, name: str, data: bytes, today, by):
    """Create, fill and declare the log as a record through the records app's role-free capture."""
    from records.choices import Medium
    from records.services import CaptureReasons, capture_record

    return capture_record(
        series,
        by=by,
        name=name,
        data=data,
        today=today,
        reasons=CaptureReasons(
            create="ثبت سابقه تأیید مطالعه",
            attach="فایل سابقه تأیید مطالعه",
            declare="اعلام سابقه تأیید مطالعه",
        ),
        document_title=f"سابقه {reference}",
        title=title[:255],
        reference_number=reference[:100],
        record_date=today,
        medium=Medium.ELECTRONIC,
    )


@transaction.atomic
def capture_acknowledgement_log(controlled: ControlledRevision, *, by=None) -> AcknowledgementLog | None:
    """ISO 9001 §7.5.3.2 (retention of documented information as evidence): when a revision leaves force,
    its final acknowledgement log is declared as a record in the distribution-log series.

    Idempotent; returns None for a revision still in force or one nobody was asked about.
    """
    controlled = ControlledRevision.objects.get(pk=controlled.pk)
    existing = AcknowledgementLog.objects.filter(controlled=controlled).first()
    if existing is not None:
        return existing
    if controlled.status not in (RevisionStatus.SUPERSEDED, RevisionStatus.WITHDRAWN):
        return None
    count = AcknowledgementRequest.objects.filter(controlled=controlled).count()
    if count == 0:
        return None
    page = controlled.page.specific
    today = timezone.localdate()
    number = format_revision_number(controlled.number)
    data = acknowledgement_log_csv(controlled)
    rec = _declare_generated(
        ensure_distribution_log_series(),
        title=f"سابقه تأیید مطالعه {controlled.title} — بازنگری {number}",
        reference=f"تأیید-مطالعه-{controlled.code}-{to_persian_digits(controlled.pk)}",
        name=f"acknowledgements-{controlled.pk}.csv",
        data=data,
        today=today,
        by=by,
    )
    log = AcknowledgementLog.objects.create(controlled=controlled, record=rec, rows=count)
    record(
        page,
        "sanad.distribution.log",
        user=by,
        data={"number": controlled.number, "record": rec.pk, "reference_number": rec.reference_number},
    )
    return log


def uncaptured_revisions():
    """Revisions no longer in force whose acknowledgement log has not been captured yet."""
    return (
        ControlledRevision.objects.filter(
            status__in=[RevisionStatus.SUPERSEDED, RevisionStatus.WITHDRAWN],
            acknowledgement_requests__isnull=False,
            acknowledgement_log__isnull=True,
        )
        .distinct()
        .order_by("page_id", "number")
    )
