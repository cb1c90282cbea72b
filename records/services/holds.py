"""Legal holds: placing one on a record, a series or an evaluation cycle, and its two-person release."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from accounts.roles import has_role
from records import rules
from records.audit import record as audit
from records.choices import HoldKind, HoldScope, HoldStatus
from records.models import Hold, Record
from records.rules import RecordsRuleViolation, Rule
from records.services.gates import HOLD_PLACERS, SECOND_PERSONS, refuse, require_role
from records.services.history import versioned


def may_place_hold(user) -> bool:
    """Records staff, quality officers and approvers place holds and ask for their release."""
    return bool(
        user
        and user.is_authenticated
        and (user.is_superuser or any(has_role(user, role) for role in HOLD_PLACERS))
    )


_HOLD_SCOPE_LABEL = "توقیف یا بر یک سابقه است، یا بر یک ردیف جدول نگهداری، یا بر یک دوره ارزیابی."


@transaction.atomic
def place_hold(
    *,
    by,
    kind: str,
    reason: str,
    record: Record | None = None,
    series=None,
    cycle=None,
    reference: str = "",
) -> Hold:
    """Freeze disposition and deletion of a record, a whole series or every record of an evaluation cycle."""
    targets = [
        (scope, t)
        for scope, t in ((HoldScope.RECORD, record), (HoldScope.SERIES, series), (HoldScope.CYCLE, cycle))
        if t is not None
    ]
    target = targets[0][1] if targets else None
    require_role(by, HOLD_PLACERS, "توقیف سوابق", target)
    try:
        if len(targets) != 1:
            raise RecordsRuleViolation(Rule.HOLD_STATE, _HOLD_SCOPE_LABEL)
        rules.check_hold_reason(reason)
        if kind not in HoldKind.values:
            raise RecordsRuleViolation(
                Rule.HOLD_STATE, "نوع توقیف باید ممیزی، حقوقی یا اعتراض در جریان باشد."
            )
        if record is not None and record.is_disposed:
            raise RecordsRuleViolation(Rule.HOLD_STATE, "این سابقه پیش‌تر تعیین تکلیف شده و توقیف‌پذیر نیست.")
    except RecordsRuleViolation as exc:
        if target is not None and getattr(target, "pk", None):
            refuse(target, exc, by)
        raise
    hold = Hold(
        scope=targets[0][0],
        record=record,
        series=series,
        cycle=cycle,
        kind=kind,
        reason=reason.strip(),
        reference=reference.strip(),
        placed_by=by,
    )
    hold.full_clean()
    versioned(hold, by, reason.strip())
    hold.save()
    audit(
        hold,
        "records.hold.place",
        user=by,
        data={"kind": kind, "reason": hold.reason, "target": hold.target_label},
    )
    if record is not None:
        audit(record, "records.hold.place", user=by, data={"kind": kind, "reason": hold.reason})
    return hold


@transaction.atomic
def request_release(hold: Hold, *, by, reason: str) -> Hold:
    """Ask to lift a hold; it stays in force until a second person approves."""
    hold = Hold.objects.select_for_update().get(pk=hold.pk)
    require_role(by, HOLD_PLACERS, "درخواست رفع توقیف", hold)
    try:
        rules.check_hold_reason(reason)
        if hold.status != HoldStatus.ACTIVE:
            raise RecordsRuleViolation(
                Rule.HOLD_STATE, "برای این توقیف درخواست رفع در جریان است یا رفع شده است."
            )
    except RecordsRuleViolation as exc:
        refuse(hold, exc, by)
    hold.status = HoldStatus.RELEASE_REQUESTED
    hold.release_reason = reason.strip()
    hold.release_requested_by = by
    hold.release_requested_at = timezone.now()
    versioned(hold, by, f"درخواست رفع: {hold.release_reason}")
    hold.save()
    audit(hold, "records.hold.release_request", user=by, data={"reason": hold.release_reason})
    return hold


@transaction.atomic
def decide_release(hold: Hold, *, by, approve: bool) -> Hold:
    """A second person approves (the hold is lifted) or rejects (it stays in force) a release."""
    hold = Hold.objects.select_for_update().get(pk=hold.pk)
    require_role(by, SECOND_PERSONS, "تایید رفع توقیف", hold)
    try:
        if hold.status != HoldStatus.RELEASE_REQUESTED:
            raise RecordsRuleViolation(Rule.HOLD_STATE, "برای این توقیف درخواست رفعی در انتظار نیست.")
        rules.check_second_person(hold.release_requested_by_id, by.pk, what="رفع توقیف")
    except RecordsRuleViolation as exc:
        refuse(hold, exc, by)
    if approve:
        hold.status = HoldStatus.RELEASED
        hold.released_by = by
        hold.released_at = timezone.now()
        versioned(hold, by, "تایید رفع توقیف")
        hold.save()
        audit(hold, "records.hold.release", user=by, data={"reason": hold.release_reason})
        if hold.record_id:
            audit(hold.record, "records.hold.release", user=by, data={"reason": hold.release_reason})
    else:
        hold.status = HoldStatus.ACTIVE
        hold.release_requested_by = None
        hold.release_requested_at = None
        rejected = hold.release_reason
        hold.release_reason = ""
        versioned(hold, by, "رد درخواست رفع توقیف")
        hold.save()
        audit(hold, "records.hold.release_reject", user=by, data={"reason": rejected})
    return hold
