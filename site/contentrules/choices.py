"""The vocabularies of content rules: events, deadline kinds, actions and the states of a firing."""

from __future__ import annotations

from django.db import models


class Event(models.TextChoices):
    """What happens. The first four come from signals; the last two are found by ``run_content_rules``."""

    PUBLISHED = "published", "انتشار صفحه"
    IN_FORCE = "in_force", "لازم‌الاجرا شدن بازنگری سند کنترل‌شده"
    SUPERSEDED = "superseded", "منسوخ شدن بازنگری سند کنترل‌شده"
    WITHDRAWN = "withdrawn", "ابطال سند کنترل‌شده"
    REVIEW_OVERDUE = "review_overdue", "معوق شدن بازنگری دوره‌ای"
    DEADLINE = "deadline", "نزدیک شدن مهلت (N روز مانده)"


#: Events found by the periodic scan rather than sent by a signal.
PERIODIC_EVENTS = (Event.REVIEW_OVERDUE, Event.DEADLINE)


class DeadlineSource(models.TextChoices):
    """The deadlines that exist in the models."""

    CYCLE_PHASE = "cycle_phase", "پایان مرحله دوره ارزیابی (با احتساب تمدید)"
    DISPOSITION = "disposition", "موعد تعیین تکلیف سابقه"
    ANNOUNCEMENT_END = "announcement_end", "پایان دوره نمایش اطلاعیه"


class Action(models.TextChoices):
    EMAIL_GROUP = "email_group", "ایمیل به گروه"
    DIGEST = "digest", "افزودن به گزارش روزانه گروه"
    DISTRIBUTION = "distribution", "اطلاع به فهرست توزیع سند"


#: Actions that need a group of recipients.
GROUP_ACTIONS = (Action.EMAIL_GROUP, Action.DIGEST)


class Status(models.TextChoices):
    PENDING = "pending", "در انتظار اجرا"
    RUNNING = "running", "در حال اجرا"
    SUCCEEDED = "succeeded", "انجام شد"
    FAILED = "failed", "ناموفق (تلاش دوباره)"
    GIVEN_UP = "given_up", "ناموفق نهایی"
