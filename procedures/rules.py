"""The quality-system control rules, one small typed function each.

Every function is pure: the caller passes the facts (and "today"); nothing here touches the
database. Each docstring names the clause it enforces. A breach raises ``ControlRuleViolation``,
whose message is shown to the user as is, so it is written in Persian.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import PermissionDenied

from jalali.calendar import add_jalali_months, format_jalali
from jalali.digits import to_persian_digits


class Rule(StrEnum):
    LIVE_IMMUTABLE = "live-revision-immutable"
    PUBLISH_THROUGH_SIGNOFF = "publish-through-signoff"
    DISTINCT_SIGNERS = "three-distinct-signers"
    EDITOR_CANNOT_SIGN = "editor-cannot-sign"
    SIGNER_ROLE = "signer-role"
    REVISION_SEQUENCE = "revision-sequence"
    CHANGE_REASON = "change-reason"
    WITHDRAWAL_APPROVAL = "withdrawal-approval"
    LEGACY_IMPORT = "legacy-import"
    KEEP_REVISIONS = "keep-revisions"
    STEP_DECIDED = "signoff-step-decided"


class ControlRuleViolation(PermissionDenied):
    """A refused write. ``rule`` says which rule; ``str(exc)`` is the Persian message."""

    def __init__(self, rule: Rule, message: str):
        super().__init__(message)
        self.rule = rule
        self.message = message


# --- ISO 9001 §7.5.3.2 (control of changes) and seed 000's control notice -------------------------


def check_live_write(*, was_live: bool, content_changed: bool, going_live: bool, approved: bool) -> None:
    """A published revision is never altered; only an approved revision may become live.

    Source: ISO 9001 §7.5.3.2 c, d (control of changes, retention as documented information);
    seed 000 control notice («هرگونه ... تغییر در محتوای این سند با مدیریت کیفیت هماهنگی نمایید»).
    """
    if approved:
        return
    if going_live:
        raise ControlRuleViolation(
            Rule.PUBLISH_THROUGH_SIGNOFF,
            "سند کنترل‌شده فقط با تکمیل گردش امضا (تهیه، تایید و تصویب) منتشر می‌شود؛ انتشار مستقیم مجاز نیست.",
        )
    if was_live and content_changed:
        raise ControlRuleViolation(
            Rule.LIVE_IMMUTABLE,
            "نسخه منتشرشده سند کنترل‌شده تغییرناپذیر است؛ برای تغییر، پیش‌نویس بازنگری بعدی را تهیه کنید.",
        )


# --- Seed 000 header: prepared by / confirmed by / approved by -------------------------------------


class SignOffRole(StrEnum):
    PREPARER = "preparer"
    CONFIRMER = "confirmer"
    APPROVER = "approver"

    @property
    def label(self) -> str:
        return {"preparer": "تهیه‌کننده", "confirmer": "تاییدکننده", "approver": "تصویب‌کننده"}[self.value]


def check_signer_may_sign(
    *,
    role: SignOffRole,
    signer_id: int,
    earlier_signer_ids: dict[SignOffRole, int | None],
    draft_editor_ids: Iterable[int],
) -> None:
    """Three different people sign a controlled revision; whoever edited the draft signs nothing after.

    Source: seed 000 header (تهیه‌کننده / تایید‌کننده / تصویب‌کننده as three signatures);
    ISO 9001 §7.5.2 c (review and approval for suitability and adequacy).
    ``earlier_signer_ids`` are the people who already signed this run (preparer = who submitted it);
    ``draft_editor_ids`` are the authors of every revision of this draft.
    """
    for other_role, other_id in earlier_signer_ids.items():
        if other_id is not None and other_id == signer_id and other_role != role:
            raise ControlRuleViolation(
                Rule.DISTINCT_SIGNERS,
                f"شما پیش‌تر به عنوان {other_role.label} این بازنگری را امضا کرده‌اید؛ "
                f"{role.label} باید شخص دیگری باشد.",
            )
    if role != SignOffRole.PREPARER and signer_id in set(draft_editor_ids):
        raise ControlRuleViolation(
            Rule.EDITOR_CANNOT_SIGN,
            f"شما در تهیه یا ویرایش این پیش‌نویس مشارکت داشته‌اید و نمی‌توانید به عنوان {role.label} آن را امضا کنید.",
        )


_BLOCK_KEY = re.compile(r'\s+data-block-key="[^"]*"')
_EMPTY_PARAGRAPH = re.compile(r"<p>\s*(<br\s*/?>)?\s*</p>")


def _as_read(value: object) -> object:
    """A stored field value as a reader meets it: rich text without the editor's paragraph keys, stream
    blocks without their ids, and every kind of "empty" alike."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("[") and text.endswith("]"):
            try:
                return _as_read(json.loads(text))
            except ValueError:
                pass
        text = _EMPTY_PARAGRAPH.sub("", _BLOCK_KEY.sub("", text)).strip()
        return text or None
    if isinstance(value, list):
        return [_as_read(item) for item in value] or None
    if isinstance(value, dict):
        return {k: _as_read(v) for k, v in sorted(value.items()) if k != "id"}
    return value


def content_changed(before: Mapping[str, object], after: Mapping[str, object], fields: Iterable[str]) -> bool:
    """Whether a saved revision changed what the document says; only such a save makes its author an editor.

    Source: seed 000 header (the confirmer and approver sign what someone else prepared); ISO 9001
    §7.5.2 c (review and approval), §7.5.3.2 c (control of changes). ``before`` and ``after`` are two
    revisions' stored content; ``fields`` are the document's content fields
    (``ControlledDocumentPage.signed_content_fields``): the title, the header fields typed in the editor
    (form and document code, organisation, unit, control notice, review interval), the change reason
    (printed in the revision history) and every section, rich text and stream alike.
    Not content, so never counted: Wagtail's bookkeeping (latest/live revision, draft title, lock, owner,
    timestamps, publication schedule), the page's address and search presentation (slug, SEO title,
    search description, menus), the subjects it is filed under (tags), review comments, and what the
    approval service stamps (revision number, issue and revision dates). Nor are a paragraph's editor
    key or a block's id: saving the same text again, autosave, and the save Wagtail does before a
    workflow action change none of these.
    """
    return any(_as_read(before.get(name)) != _as_read(after.get(name)) for name in fields)


def check_step_open(status: str) -> None:
    """A sign-off step is decided once: a second approval of the same step (two signers at once, or a
    stale screen) is told it was already decided, before any other rule.

    Source: seed 000 header (one signature per role); ``status`` is Wagtail's TaskState status.
    """
    if status == "in_progress":
        return
    message = {
        "approved": "این مرحله پیش‌تر امضا شده است؛ امضای دوباره لازم نیست.",
        "rejected": "برای این مرحله پیش‌تر درخواست اصلاح ثبت شده است.",
    }.get(status, "این مرحله از گردش امضا دیگر باز نیست (لغو یا جایگزین شده است).")
    raise ControlRuleViolation(Rule.STEP_DECIDED, message)


def check_signer_in_unit(*, role: SignOffRole, in_scope: bool) -> None:
    """A confirmer or approver signs only documents in a subtree of a unit where they hold that role.

    Source: ISO 9001 §5.3 (responsibilities and authorities assigned per unit); §7.5.3.1 (access control).
    ``in_scope`` is the fact, computed by ``units.scope.may_act_in_scope``.
    """
    if not in_scope:
        raise ControlRuleViolation(
            Rule.SIGNER_ROLE,
            f"این سند در زیرشاخه واحدی است که شما {role.label} آن نیستید؛ امضای آن با {role.label} همان واحد است.",
        )


def check_three_distinct_signers(preparer: str, confirmer: str, approver: str) -> None:
    """The three sign-offs belong to three different people (by identity, or by name on paper).

    Source: seed 000 header; applies equally to revisions imported from paper (rule 9).
    """
    keys = [k.strip() for k in (preparer, confirmer, approver)]
    if any(not k for k in keys):
        raise ControlRuleViolation(Rule.DISTINCT_SIGNERS, "هر سه امضا (تهیه، تایید و تصویب) لازم است.")
    if len(set(keys)) != 3:
        raise ControlRuleViolation(
            Rule.DISTINCT_SIGNERS, "تهیه‌کننده، تاییدکننده و تصویب‌کننده باید سه شخص متفاوت باشند."
        )


# --- Seed 000 header: revision number «(۰۰)» carried in the code «…/۰۰» ------------------------------


def next_revision_number(published_numbers: Sequence[int]) -> int:
    """00 for a first issue, then exactly one more than the highest published revision.

    Source: seed 000 header «شماره بازنگری : (۰۰)»; ISO 9001 §7.5.3.2 c (version control).
    """
    return max(published_numbers) + 1 if published_numbers else 0


def check_revision_sequence(published_numbers: Sequence[int], number: int) -> None:
    """A new revision takes the next number; no gaps, no reuse.

    Source: seed 000 header; ISO 9001 §7.5.3.2 c.
    """
    expected = next_revision_number(published_numbers)
    if number != expected:
        raise ControlRuleViolation(
            Rule.REVISION_SEQUENCE,
            f"شماره بازنگری باید {format_revision_number(expected)} باشد، نه {format_revision_number(number)}.",
        )


def format_revision_number(number: int) -> str:
    """«۰۰», «۰۱» … as printed in the header."""
    return to_persian_digits(f"{number:02d}")


def revision_code(base_code: str, number: int) -> str:
    """The document code with the revision as its suffix: «م پ-م-۱-۰۴» + 1 -> «م پ-م-۱-۰۴/۰۱».

    Source: seed 000 header «کد روش اجرایی : م پ-م-۱-۰۴/۰۰».
    """
    return f"{strip_revision_suffix(base_code)}/{format_revision_number(number)}"


def strip_revision_suffix(code: str) -> str:
    """«م پ-م-۱-۰۴/۰۰» -> «م پ-م-۱-۰۴»; a code without a two-digit suffix is returned trimmed."""
    code = code.strip()
    head, sep, tail = code.rpartition("/")
    if sep and len(tail) == 2 and tail.isdigit():
        return head.strip()
    return code


def check_change_reason(number: int, reason: str, previous_reasons: Iterable[str] = ()) -> None:
    """Every revision after 00 records its own change reason (شرح تغییرات).

    Source: ISO 9001 §7.5.3.2 c (control of changes: the change is identified).
    A reason copied unchanged from an earlier revision does not describe this change.
    """
    if number == 0:
        return
    text = " ".join(reason.split())
    if not text:
        raise ControlRuleViolation(
            Rule.CHANGE_REASON,
            f"برای بازنگری {format_revision_number(number)} شرح تغییرات الزامی است.",
        )
    if text in {" ".join(r.split()) for r in previous_reasons}:
        raise ControlRuleViolation(
            Rule.CHANGE_REASON,
            "شرح تغییرات این بازنگری با بازنگری قبلی یکسان است؛ تغییرات همین بازنگری را بنویسید.",
        )


# --- In force on a date -----------------------------------------------------------------------------


@dataclass(frozen=True)
class InForcePeriod:
    number: int
    start: dt.date
    end: dt.date | None  # the day its successor took effect; None while in force


def revision_in_force_on(periods: Sequence[InForcePeriod], day: dt.date) -> InForcePeriod | None:
    """The revision that was in force on ``day``: started on or before it, ended after it.

    Source: ISO 9001 §7.5.3.2 d (retention of obsolete documented information, identified as such)
    and §7.5.3.1 a (available where and when needed).
    """
    covering = [p for p in periods if p.start <= day and (p.end is None or day < p.end)]
    return max(covering, key=lambda p: p.number, default=None)


# --- Periodic review --------------------------------------------------------------------------------


def review_due_on(last_reviewed: dt.date, interval_months: int) -> dt.date:
    """A controlled document is reviewed every ``interval_months`` Jalali months from its last revision.

    Source: ISO 9001 §7.5.2 c (review for suitability and adequacy), counted on the Solar Hijri calendar.
    """
    return add_jalali_months(last_reviewed, interval_months)


def is_review_overdue(last_reviewed: dt.date, interval_months: int, today: dt.date) -> bool:
    """Overdue once today is past the due date. Source: as ``review_due_on``."""
    return today > review_due_on(last_reviewed, interval_months)


# --- Withdrawal -------------------------------------------------------------------------------------


def check_withdrawal_approver(requested_by_id: int, approver_id: int) -> None:
    """A withdrawal is approved by someone other than who asked for it.

    Source: ISO 9001 §7.5.3.2 d (obsolete documents withdrawn under control); seed 000 control notice.
    """
    if requested_by_id == approver_id:
        raise ControlRuleViolation(
            Rule.WITHDRAWAL_APPROVAL, "درخواست‌دهنده ابطال نمی‌تواند همان تصویب‌کننده ابطال باشد."
        )


# --- Documents issued before Sanad ------------------------------------------------------------------


@dataclass(frozen=True)
class ExistingRevision:
    number: int
    imported: bool
    issued_on: dt.date | None


def check_legacy_import(
    existing: Sequence[ExistingRevision], number: int, effective_on: dt.date, today: dt.date
) -> None:
    """Paper revisions enter once, in order, dated in the past, before any revision made in Sanad.

    Source: ISO 9001 §7.5.3.2 (control of documented information of external/legacy origin);
    seed 000 (revision 00 issued ۱۳۹۵/۱۰/۰۵, signed on paper).
    """
    if any(not r.imported for r in existing):
        raise ControlRuleViolation(
            Rule.LEGACY_IMPORT,
            "این سند در «سند» بازنگری شده است؛ ورود نسخه کاغذی فقط پیش از نخستین بازنگری در سامانه ممکن است.",
        )
    if effective_on > today:
        raise ControlRuleViolation(
            Rule.LEGACY_IMPORT,
            f"تاریخ نسخه کاغذی ({format_jalali(effective_on)}) نمی‌تواند پس از امروز باشد.",
        )
    check_revision_sequence([r.number for r in existing], number)
    latest = max((r.issued_on for r in existing if r.issued_on), default=None)
    if latest and effective_on < latest:
        raise ControlRuleViolation(
            Rule.LEGACY_IMPORT, "تاریخ نسخه کاغذی نمی‌تواند پیش از تاریخ نسخه قبلی باشد."
        )
