"""The vocabularies of the retention schedule (seed 000 §6 columns) and of records' life cycle.

Plain choice lists: the pure rules in ``records.rules`` and the models both use them.
"""

from __future__ import annotations

from django.db import models


class Medium(models.TextChoices):
    """Seed 000 §6 «نوع سابقه»: کاغذی / کامپیوتری."""

    PAPER = "paper", "کاغذی"
    ELECTRONIC = "electronic", "کامپیوتری (الکترونیکی)"
    BOTH = "both", "کاغذی و کامپیوتری"


class PeriodUnit(models.TextChoices):
    YEARS = "years", "سال"
    MONTHS = "months", "ماه"


class Trigger(models.TextChoices):
    """The event the active period is counted from (ISO 15489-1 §8.5: retention triggers)."""

    CREATION = "creation", "ایجاد سابقه"
    CYCLE_END = "cycle_end", "پایان دوره ارزیابی"
    SUPERSESSION = "supersession", "منسوخ شدن بازنگری روش اجرایی حاکم"
    CLOSURE = "closure", "بسته شدن پرونده"


class Disposal(models.TextChoices):
    """Seed 000 §6 «نحوه امحاء», widened to the dispositions of ISO 15489-1 §9.9."""

    DESTROY = "destroy", "امحا"
    TRANSFER = "transfer", "انتقال به آرشیو"
    KEEP = "keep", "نگهداری دائم"
    REVIEW = "review", "بررسی در پایان دوره"


class Phase(models.TextChoices):
    """Where a record stands in its life: seed 000 §6 «جاری» and «راکد», then disposition."""

    DRAFT = "draft", "پیش‌نویس (اعلام‌نشده)"
    ACTIVE = "active", "جاری"
    ARCHIVE = "archive", "راکد"
    DUE = "due", "موعد تعیین تکلیف"
    PERMANENT = "permanent", "نگهداری دائم"
    DESTROYED = "destroyed", "امحا شده"
    TRANSFERRED = "transferred", "منتقل شده به آرشیو"


#: Phases after which nothing about a record changes: what is left is its tombstone.
FINAL_PHASES = frozenset({Phase.DESTROYED, Phase.TRANSFERRED})


class HoldKind(models.TextChoices):
    AUDIT = "audit", "ممیزی"
    LEGAL = "legal", "حقوقی / قضایی"
    OBJECTION = "objection", "اعتراض در جریان"


class HoldScope(models.TextChoices):
    """What a hold covers: one record, a retention series, or every record of an evaluation cycle (issue 4)."""

    RECORD = "record", "یک سابقه"
    SERIES = "series", "یک ردیف جدول نگهداری"
    CYCLE = "cycle", "یک دوره ارزیابی"


class HoldStatus(models.TextChoices):
    ACTIVE = "active", "فعال"
    RELEASE_REQUESTED = "release_requested", "درخواست رفع (در انتظار تایید)"
    RELEASED = "released", "رفع شده"


class BatchStatus(models.TextChoices):
    PREPARED = "prepared", "تهیه‌شده (در انتظار تایید)"
    APPROVED = "approved", "تاییدشده (آماده اجرا)"
    EXECUTED = "executed", "اجراشده"
    CANCELLED = "cancelled", "لغوشده"


class Method(models.TextChoices):
    """What a disposition batch does to one record (a «review» series is decided into one of these)."""

    DESTROY = "destroy", "امحا"
    TRANSFER = "transfer", "انتقال به آرشیو"
    KEEP = "keep", "نگهداری دائم"
