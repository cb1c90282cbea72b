"""The rules of distribution and acknowledgement: pure, typed, each citing what it enforces.

ISO 9001:2015 §7.5.3.2 a) asks that documented information be *distributed* and available where it
is needed; §7.3 that people be aware of the documents that concern them. Seed 000's header carries
«گیرنده سند» (recipient of this copy) and the control notice «…اجرا و استفاده مناسب از این سند…»:
each recipient is told of the revision in force and confirms having read and understood it.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum


class Rule(StrEnum):
    PERIOD = "distribution.period"
    RECIPIENT_ONLY = "distribution.recipient_only"
    ONCE = "distribution.once"
    CURRENT_REVISION = "distribution.current_revision"
    CONTROLLED_ONLY = "distribution.controlled_only"


class DistributionRuleViolation(Exception):
    """A refused distribution action; ``message`` is Persian and shown to the user as is."""

    def __init__(self, rule: Rule, message: str):
        super().__init__(message)
        self.rule = rule
        self.message = message


MIN_PERIOD_DAYS = 1
MAX_PERIOD_DAYS = 365


def check_acknowledgement_period(days: int | None) -> None:
    """ISO 9001 §7.5.3.2 a): a distribution gives its recipients a real, bounded time to read (1–365 days)."""
    if days is None or not MIN_PERIOD_DAYS <= days <= MAX_PERIOD_DAYS:
        from jalali.digits import to_persian_digits

        raise DistributionRuleViolation(
            Rule.PERIOD,
            f"مهلت تأیید مطالعه باید بین {to_persian_digits(MIN_PERIOD_DAYS)} و "
            f"{to_persian_digits(MAX_PERIOD_DAYS)} روز باشد.",
        )


def acknowledgement_due_on(asked_on: dt.date, days: int) -> dt.date:
    """ISO 9001 §7.3: the date by which a recipient confirms awareness — asked on + the list's period."""
    return asked_on + dt.timedelta(days=days)


def is_overdue(*, due_on: dt.date, acknowledged: bool, today: dt.date) -> bool:
    """ISO 9001 §7.3: an acknowledgement is overdue once its due day has passed without it."""
    return not acknowledged and due_on < today


def check_may_acknowledge(
    *, recipient_id: int, user_id: int | None, already: bool, revision_in_force: bool
) -> None:
    """ISO 9001 §7.5.3.2 a) and §7.3: only the recipient confirms, once, and only a revision still in force.

    A revision superseded or withdrawn is no longer the one to be aware of; the newer revision
    gets its own request (seed 000 control notice: use only the controlled copy in force).
    """
    if user_id is None or user_id != recipient_id:
        raise DistributionRuleViolation(
            Rule.RECIPIENT_ONLY, "فقط گیرنده همین درخواست می‌تواند مطالعه سند را تأیید کند."
        )
    if already:
        raise DistributionRuleViolation(Rule.ONCE, "مطالعه این بازنگری پیش‌تر تأیید شده است.")
    if not revision_in_force:
        raise DistributionRuleViolation(
            Rule.CURRENT_REVISION,
            "این بازنگری دیگر جاری نیست (منسوخ یا ابطال شده است) و تأیید مطالعه آن پذیرفته نمی‌شود؛ "
            "برای بازنگری جاری درخواست جداگانه‌ای فرستاده می‌شود.",
        )
