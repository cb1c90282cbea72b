"""What happened, in one shape for every event: the object, the page whose folder it is in, the key of
this occurrence and the Persian message about it. Signals and the periodic scan both build these."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from contentrules.choices import DeadlineSource, Event
from jalali.calendar import format_jalali, format_jalali_datetime
from jalali.digits import to_persian_digits
from sanad.links import absolute_url, page_link


@dataclass(frozen=True)
class Occurrence:
    """One thing that happened to one object.

    ``page`` decides the folder condition (a record is in its retention series' folder); ``token``
    tells this occurrence apart from others of the same object (a revision, a due date).
    """

    event: str
    obj: models.Model
    page: Page | None
    token: str
    subject: str
    body: str
    link: str
    due_on: dt.date | None = None
    deadline_source: str = ""
    phase: str = ""

    @property
    def content_type(self) -> ContentType:
        return ContentType.objects.get_for_model(type(self.obj))

    @property
    def title(self) -> str:
        return str(getattr(self.obj, "title", "") or self.obj)[:255]


def _type_label(obj: models.Model) -> str:
    return str(type(obj)._meta.verbose_name)


def _fa(value: object) -> str:
    return to_persian_digits(str(value))


# --- signal events ---------------------------------------------------------------------------------


def published(page: Page, revision=None) -> Occurrence:
    page = page.specific
    when = page.last_published_at or timezone.now()
    token = str(revision.pk) if revision is not None else when.isoformat()
    return Occurrence(
        event=Event.PUBLISHED,
        obj=page,
        page=page,
        token=token,
        subject=f"منتشر شد: {page.title}",
        body=f"«{page.title}» ({_type_label(page)}) در {format_jalali_datetime(when)} منتشر شد.",
        link=page_link(page),
    )


def _controlled_line(controlled) -> str:
    return f"«{controlled.title}» با کد {controlled.code} (بازنگری {_fa(f'{controlled.number:02d}')})"


def in_force(controlled, page: Page) -> Occurrence:
    return Occurrence(
        event=Event.IN_FORCE,
        obj=page,
        page=page,
        token=f"revision-{controlled.pk}",
        subject=f"لازم‌الاجرا شد: {controlled.code} — {controlled.title}",
        body=f"{_controlled_line(controlled)} از {format_jalali(controlled.effective_from)} لازم‌الاجرا شد.",
        link=page_link(page),
    )


def superseded(controlled, page: Page, by=None) -> Occurrence:
    newer = f" و بازنگری {_fa(f'{by.number:02d}')} ({by.code}) جای آن را گرفت" if by is not None else ""
    return Occurrence(
        event=Event.SUPERSEDED,
        obj=page,
        page=page,
        token=f"revision-{controlled.pk}",
        subject=f"منسوخ شد: {controlled.code} — {controlled.title}",
        body=f"{_controlled_line(controlled)} از {format_jalali(controlled.effective_until)} منسوخ شد{newer}.",
        link=page_link(page),
    )


def withdrawn(controlled, page: Page, reason: str = "") -> Occurrence:
    why = f"\nدلیل ابطال: {reason}" if reason else ""
    day = getattr(controlled, "withdrawn_on", None) or timezone.localdate()
    return Occurrence(
        event=Event.WITHDRAWN,
        obj=page,
        page=page,
        token=f"revision-{controlled.pk}",
        subject=f"ابطال شد: {controlled.code} — {controlled.title}",
        body=f"{_controlled_line(controlled)} در {format_jalali(day)} ابطال شد و دیگر اجرا نمی‌شود.{why}",
        link=page_link(page),
    )


# --- periodic events -------------------------------------------------------------------------------


def review_overdue(page: Page, due_on: dt.date, today: dt.date) -> Occurrence:
    late = (today - due_on).days
    return Occurrence(
        event=Event.REVIEW_OVERDUE,
        obj=page,
        page=page,
        token=f"review-{due_on.isoformat()}",
        subject=f"بازنگری معوق: {page.title}",
        body=(
            f"موعد بازنگری دوره‌ای «{page.title}» ({getattr(page, 'full_code', '')}) {format_jalali(due_on)} بوده "
            f"و {_fa(late)} روز از آن گذشته است."
        ),
        link=page_link(page),
        due_on=due_on,
    )


def _left(due_on: dt.date, today: dt.date) -> str:
    days = (due_on - today).days
    return "امروز آخرین روز است" if days == 0 else f"{_fa(days)} روز مانده است"


def cycle_phase_deadline(cycle, kind: str, label: str, due_on: dt.date, today: dt.date) -> Occurrence:
    return Occurrence(
        event=Event.DEADLINE,
        obj=cycle,
        page=cycle,
        token=f"{DeadlineSource.CYCLE_PHASE}-{kind}-{due_on.isoformat()}",
        subject=f"مهلت «{label}» — {cycle.title}: {format_jalali(due_on)}",
        body=f"مهلت «{label}» در «{cycle.title}» تا {format_jalali(due_on)} است ({_left(due_on, today)}).",
        link=page_link(cycle),
        due_on=due_on,
        deadline_source=DeadlineSource.CYCLE_PHASE,
        phase=kind,
    )


def disposition_deadline(record, due_on: dt.date, today: dt.date) -> Occurrence:
    link = absolute_url(reverse("records_record_detail", args=[record.pk]))
    series = record.series
    return Occurrence(
        event=Event.DEADLINE,
        obj=record,
        page=series,
        token=f"{DeadlineSource.DISPOSITION}-{due_on.isoformat()}",
        subject=f"موعد تعیین تکلیف سابقه: {record.title} — {format_jalali(due_on)}",
        body=(
            f"موعد تعیین تکلیف سابقه «{record.title}» از ردیف «{series.title}» {format_jalali(due_on)} است "
            f"({_left(due_on, today)})."
        ),
        link=link,
        due_on=due_on,
        deadline_source=DeadlineSource.DISPOSITION,
    )


def announcement_deadline(page: Page, due_on: dt.date, today: dt.date) -> Occurrence:
    return Occurrence(
        event=Event.DEADLINE,
        obj=page,
        page=page,
        token=f"{DeadlineSource.ANNOUNCEMENT_END}-{due_on.isoformat()}",
        subject=f"پایان نمایش اطلاعیه: {page.title} — {format_jalali(due_on)}",
        body=f"دوره نمایش اطلاعیه «{page.title}» در {format_jalali(due_on)} پایان می‌یابد ({_left(due_on, today)}).",
        link=page_link(page),
        due_on=due_on,
        deadline_source=DeadlineSource.ANNOUNCEMENT_END,
    )
