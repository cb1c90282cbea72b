"""The writes of custody, each atomic and audited: trash and restore, withdrawal of cited pages.

- ``trash_page`` / ``restore_page``: a published page an administrator removes is unpublished and hidden,
  never deleted; restoring publishes again what was live.
- ``request_withdrawal`` / ``decide_withdrawal``: an external reference or retention series is withdrawn
  from use by one person's request and a second person's approval; it stays readable, marked withdrawn.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Page, Revision

from custody import rules
from custody.models import CitedWithdrawal, TrashedPage
from procedures.audit import record, record_refusal
from procedures.citations import citing_codes


def _refuse(page, exc, user):
    record_refusal(page, exc, user=user)
    raise exc


def refusal_to_delete(page) -> rules.CustodyViolation | None:
    """Why ``page`` (with its subtree) may not be hard-deleted, or None when it may."""
    subtree = list(page.get_descendants(inclusive=True))
    try:
        rules.check_not_cited(citing_codes(subtree))
        rules.check_may_hard_delete(published=any(p.first_published_at or p.live for p in subtree))
    except rules.CustodyViolation as exc:
        return exc
    return None


def _trash_refusal(page) -> rules.CustodyViolation | None:
    from procedures.models.register import ControlledRevision

    subtree = list(page.get_descendants(inclusive=True))
    try:
        rules.check_may_trash(
            citing=citing_codes(subtree),
            registered=ControlledRevision.objects.filter(page_id__in=[p.pk for p in subtree]).exists(),
            in_trash=TrashedPage.objects.filter(page=page, restored_at=None).exists(),
        )
    except rules.CustodyViolation as exc:
        return exc
    return None


def _checked(page, user, refusal):
    """Refuse (audited, outside the write's transaction so the entry stays) when ``refusal()`` says so."""
    exc = refusal()
    if exc is not None:
        _refuse(page, exc, user)


def trash_page(page, *, user, reason: str = "") -> TrashedPage:
    """Move a published page (and its subtree) to the trash: unpublished, hidden, restorable."""
    page = page.specific
    _checked(page, user, lambda: _trash_refusal(page))
    with transaction.atomic():
        page = Page.objects.select_for_update().get(pk=page.pk).specific
        exc = _trash_refusal(page)  # checked again under the lock
        if exc is not None:
            raise exc
        subtree = list(page.get_descendants(inclusive=True))
        live = [[p.pk, p.live_revision_id] for p in subtree if p.live]
        if live:
            UnpublishPageAction(page, user=user, include_descendants=True).execute(
                skip_permission_checks=True
            )
        entry = TrashedPage.objects.create(
            page=page, title=page.title, reason=reason.strip(), unpublished=live, trashed_by=user
        )
        record(page, "sanad.trash", user=user, data={"reason": entry.reason, "pages": len(subtree)})
    return entry


def _restore_refusal(entry) -> rules.CustodyViolation | None:
    if entry.in_trash:
        return None
    return rules.CustodyViolation(rules.Rule.TRASH_STATE, "این صفحه پیش‌تر بازگردانده شده است.")


def restore_page(entry: TrashedPage, *, user) -> TrashedPage:
    """Take a page out of the trash and publish again what was live when it went in."""
    page = entry.page.specific
    _checked(page, user, lambda: _restore_refusal(TrashedPage.objects.get(pk=entry.pk)))
    with transaction.atomic():
        entry = TrashedPage.objects.select_for_update().get(pk=entry.pk)
        exc = _restore_refusal(entry)
        if exc is not None:
            raise exc
        for page_id, revision_id in entry.unpublished:
            revision = Revision.objects.filter(pk=revision_id).first() if revision_id else None
            if revision is None:
                revision = Page.objects.get(pk=page_id).specific.save_revision(user=user, log_action=False)
            revision.publish(user=user, skip_permission_checks=True)
        entry.restored_by = user
        entry.restored_at = timezone.now()
        entry.save(update_fields=["restored_by", "restored_at"])
        record(page, "sanad.restore", user=user, data={"pages": len(entry.unpublished)})
    return entry


def _withdrawable(page) -> bool:
    from procedures.models import ExternalReferencePage
    from records.models import RetentionSeriesPage

    return isinstance(page, (ExternalReferencePage, RetentionSeriesPage))


def _request_refusal(page, reason: str) -> rules.CustodyViolation | None:
    if not _withdrawable(page):
        return rules.CustodyViolation(
            rules.Rule.WITHDRAWAL, "فقط مستند برون‌سازمانی یا ردیف جدول نگهداری از این راه ابطال می‌شود."
        )
    try:
        rules.check_withdrawal_request(
            reason=reason,
            withdrawn=CitedWithdrawal.withdrawal_of(page.pk) is not None,
            pending=CitedWithdrawal.objects.filter(page=page, status=CitedWithdrawal.Status.PENDING).exists(),
        )
    except rules.CustodyViolation as exc:
        return exc
    return None


def request_withdrawal(page, *, requested_by, reason: str) -> CitedWithdrawal:
    page = page.specific
    _checked(page, requested_by, lambda: _request_refusal(page, reason))
    with transaction.atomic():
        Page.objects.select_for_update().get(pk=page.pk)
        exc = _request_refusal(page, reason)
        if exc is not None:
            raise exc
        request = CitedWithdrawal.objects.create(page=page, reason=reason.strip(), requested_by=requested_by)
        record(page, "sanad.cited_withdrawal.request", user=requested_by, data={"reason": request.reason})
    return request


def _decide_refusal(request, decided_by) -> rules.CustodyViolation | None:
    from accounts.roles import Role, has_role

    try:
        rules.check_withdrawal_decider(
            requested_by_id=request.requested_by_id,
            decided_by_id=decided_by.pk,
            is_approver=has_role(decided_by, Role.APPROVER),
            pending=request.status == CitedWithdrawal.Status.PENDING,
        )
    except rules.CustodyViolation as exc:
        return exc
    return None


def decide_withdrawal(request: CitedWithdrawal, *, decided_by, approve: bool) -> CitedWithdrawal:
    """Approve or reject a withdrawal; the page stays live and readable, marked withdrawn."""
    page = request.page.specific
    _checked(
        page, decided_by, lambda: _decide_refusal(CitedWithdrawal.objects.get(pk=request.pk), decided_by)
    )
    with transaction.atomic():
        request = CitedWithdrawal.objects.select_for_update().get(pk=request.pk)
        exc = _decide_refusal(request, decided_by)
        if exc is not None:
            raise exc
        request.status = CitedWithdrawal.Status.APPROVED if approve else CitedWithdrawal.Status.REJECTED
        request.decided_by = decided_by
        request.decided_at = timezone.now()
        request.save()
        action = "sanad.cited_withdrawal.approve" if approve else "sanad.cited_withdrawal.reject"
        record(page, action, user=decided_by, data={"reason": request.reason})
    return request
