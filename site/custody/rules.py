"""What may happen to a published or cited page, one small pure function each.

Source: issue #10 §2 («an external reference or retention series that any published revision cites
cannot be deleted; it can be superseded or withdrawn, with a second person's approval, and stays
readable. Nothing published is hard-deleted by any role»), ISO 9001 §7.5.3.2 (documented information
is protected from loss and unintended alteration; obsolete information is retained and identified).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from jalali.digits import to_persian_digits
from procedures.rules import ControlRuleViolation


class Rule(StrEnum):
    KEEP_CITED = "keep-cited"
    KEEP_PUBLISHED = "keep-published"
    TRASH_STATE = "trash-state"
    WITHDRAWAL = "cited-withdrawal"


class CustodyViolation(ControlRuleViolation):
    """A refused removal; ``str(exc)`` is the Persian message shown to the user."""


def _codes(citing: Sequence[str]) -> str:
    return "، ".join(f"«{to_persian_digits(code)}»" for code in citing)


def check_not_cited(citing: Sequence[str]) -> None:
    """A page cited by a published revision is never deleted, unpublished or trashed (issue #10 §2)."""
    if citing:
        raise CustodyViolation(
            Rule.KEEP_CITED,
            f"این صفحه در بازنگری منتشرشده {_codes(citing)} استناد شده است و حذف نمی‌شود؛ "
            "می‌توان جایگزین آن را ثبت کرد یا با تصویب فرد دوم ابطالش کرد.",
        )


def check_may_hard_delete(*, published: bool) -> None:
    """What was ever published is not hard-deleted; it goes to the restorable trash (issue #10 §2)."""
    if published:
        raise CustodyViolation(
            Rule.KEEP_PUBLISHED, "صفحه منتشرشده حذف نمی‌شود؛ به سطل بازیافت منتقل می‌شود و بازگرداندنی است."
        )


def check_may_trash(*, citing: Sequence[str], registered: bool, in_trash: bool) -> None:
    """Into the trash goes only what is not cited, not a controlled document, and not there already."""
    check_not_cited(citing)
    if registered:
        raise CustodyViolation(
            Rule.KEEP_PUBLISHED,
            "سند کنترل‌شده‌ای که بازنگری منتشرشده دارد حذف نمی‌شود؛ از «درخواست ابطال» استفاده کنید.",
        )
    if in_trash:
        raise CustodyViolation(Rule.TRASH_STATE, "این صفحه پیش‌تر به سطل بازیافت منتقل شده است.")


def check_withdrawal_request(*, reason: str, withdrawn: bool, pending: bool) -> None:
    """A withdrawal names its reason, and is asked once (issue #10 §2, as for procedures)."""
    if withdrawn:
        raise CustodyViolation(Rule.WITHDRAWAL, "این صفحه پیش‌تر ابطال شده است.")
    if pending:
        raise CustodyViolation(Rule.WITHDRAWAL, "برای این صفحه درخواست ابطال در جریان است.")
    if not reason.strip():
        raise CustodyViolation(Rule.WITHDRAWAL, "دلیل ابطال الزامی است.")


def check_withdrawal_decider(
    *, requested_by_id: int, decided_by_id: int, is_approver: bool, pending: bool
) -> None:
    """A second person, an approver, decides a withdrawal (issue #10 §2; seed 000's approval by another)."""
    if not pending:
        raise CustodyViolation(Rule.WITHDRAWAL, "درباره این درخواست پیش‌تر تصمیم گرفته شده است.")
    if requested_by_id == decided_by_id:
        raise CustodyViolation(
            Rule.WITHDRAWAL, "درخواست‌دهنده ابطال نمی‌تواند خود آن را تصویب کند؛ فرد دومی لازم است."
        )
    if not is_approver:
        raise CustodyViolation(Rule.WITHDRAWAL, "فقط تصویب‌کننده درباره ابطال تصمیم می‌گیرد.")
