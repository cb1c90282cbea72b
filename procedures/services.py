"""The writes of document control, each atomic and audited. Every path (admin, shell, command) calls these.

- ``publish_signed_revision``: the end of the sign-off workflow; stamps and publishes the revision.
- ``activate_revision``: an approved revision goes live; its predecessor becomes obsolete.
- ``import_legacy_revision``: a revision issued on paper before Sanad enters the register.
- ``request_withdrawal`` / ``decide_withdrawal``: withdrawal from use, approved by a second person.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from wagtail.models import Revision, WorkflowState

from accounts.models import display_name, position_of
from procedures import rules, signals
from procedures.audit import record, record_refusal
from procedures.citations import freeze_citations
from procedures.fingerprints import signoffs_sha256
from procedures.models.register import ControlledRevision, RevisionStatus, SignOff, WithdrawalRequest
from procedures.models.signoff import approved_signer, draft_editor_ids, in_unit_scope, published_history
from procedures.rules import ControlRuleViolation, Rule, SignOffRole


def content_sha256(content: dict) -> str:
    """Fingerprint of a revision's content as approved (dates in it serialise as Django serialises them)."""
    encoded = json.dumps(content, sort_keys=True, ensure_ascii=False, cls=DjangoJSONEncoder)
    return hashlib.sha256(encoded.encode()).hexdigest()


@dataclass(frozen=True)
class Signer:
    """A signature as it is printed: for paper revisions there is no user, only the name as written."""

    name: str
    position: str
    signed_on: dt.date
    user: object | None = None


def _signer_for(user, signed_on: dt.date) -> Signer:
    return Signer(name=display_name(user), position=position_of(user), signed_on=signed_on, user=user)


def _refuse(page, exc: ControlRuleViolation, user) -> None:
    record_refusal(page, exc, user=user)
    raise exc


def _stamp(
    revision: Revision, *, number: int, base_code: str, issue_date: dt.date, revision_date: dt.date | None
):
    """Write the header values the system decides into the revision about to be published."""
    revision.content.update(
        {
            "revision_number": number,
            "document_code": rules.strip_revision_suffix(base_code),
            "issue_date": issue_date.isoformat(),
            "revision_date": revision_date.isoformat() if revision_date else None,
        }
    )
    revision.save(update_fields=["content"])


def _register(
    page,
    revision: Revision,
    *,
    number: int,
    draft,
    issue_date,
    revision_date,
    approved_on,
    signers,
    imported=False,
    import_note="",
    effective_from=None,
) -> ControlledRevision:
    controlled = ControlledRevision.objects.create(
        page_id=page.pk,
        revision=revision,
        number=number,
        code=rules.revision_code(draft.document_code, number),
        title=draft.title,
        issue_date=issue_date,
        revision_date=revision_date,
        change_reason=draft.change_reason,
        status=RevisionStatus.APPROVED,
        approved_on=approved_on,
        effective_from=effective_from,
        imported=imported,
        import_note=import_note,
        content_sha256=content_sha256(revision.content),
    )
    for role, signer in signers.items():
        SignOff.objects.create(
            controlled_revision=controlled,
            role=role.value,
            user=signer.user,
            name=signer.name,
            position=signer.position,
            signed_on=signer.signed_on,
            on_paper=imported,
        )
    return controlled


def _chain_anchor(controlled: ControlledRevision) -> dict:
    """What the audit chain keeps of a registration, for ``integrity.verify`` to check it against later."""
    return {
        "controlled_revision": controlled.pk,
        "content_sha256": controlled.content_sha256,
        "signoffs_sha256": signoffs_sha256(controlled.signoffs.all()),
    }


@transaction.atomic
def publish_signed_revision(workflow_state: WorkflowState, approver) -> ControlledRevision:
    """Close a completed sign-off: check every rule again, stamp number and dates, register, publish."""
    page = workflow_state.content_object.specific
    revision = page.get_latest_revision()
    today = timezone.localdate()
    history = published_history(page)
    if history and history[-1].status == RevisionStatus.WITHDRAWN:
        _refuse(
            page,
            ControlRuleViolation(Rule.WITHDRAWAL_APPROVAL, "این سند ابطال شده است و بازنگری نمی‌پذیرد."),
            approver,
        )

    confirm_state = approved_signer(workflow_state, SignOffRole.CONFIRMER)
    approve_state = approved_signer(workflow_state, SignOffRole.APPROVER)
    if confirm_state is None or approve_state is None or workflow_state.requested_by is None:
        _refuse(
            page,
            ControlRuleViolation(Rule.DISTINCT_SIGNERS, "هر سه امضا (تهیه، تایید و تصویب) لازم است."),
            approver,
        )
    editors = draft_editor_ids(page)
    preparer, confirmer, approving = (
        workflow_state.requested_by,
        confirm_state.finished_by,
        approve_state.finished_by,
    )
    try:
        rules.check_signer_may_sign(
            role=SignOffRole.CONFIRMER,
            signer_id=confirmer.pk,
            earlier_signer_ids={SignOffRole.PREPARER: preparer.pk},
            draft_editor_ids=editors,
        )
        rules.check_signer_may_sign(
            role=SignOffRole.APPROVER,
            signer_id=approving.pk,
            earlier_signer_ids={SignOffRole.PREPARER: preparer.pk, SignOffRole.CONFIRMER: confirmer.pk},
            draft_editor_ids=editors,
        )
        rules.check_signer_in_unit(
            role=SignOffRole.CONFIRMER, in_scope=in_unit_scope(confirmer, SignOffRole.CONFIRMER, page)
        )
        rules.check_signer_in_unit(
            role=SignOffRole.APPROVER, in_scope=in_unit_scope(approving, SignOffRole.APPROVER, page)
        )
        number = rules.next_revision_number([r.number for r in history])
        draft = revision.as_object()
        rules.check_change_reason(number, draft.change_reason, [r.change_reason for r in history])
    except ControlRuleViolation as exc:
        _refuse(page, exc, approver)

    issue_date = history[0].issue_date if history else today
    revision_date = today if number > 0 else None
    _stamp(
        revision,
        number=number,
        base_code=draft.document_code,
        issue_date=issue_date,
        revision_date=revision_date,
    )
    freeze_citations(revision)  # what §6/§7 rows cite, frozen into the content before it is hashed
    draft = revision.as_object()
    controlled = _register(
        page,
        revision,
        number=number,
        draft=draft,
        issue_date=issue_date,
        revision_date=revision_date,
        approved_on=today,
        signers={
            SignOffRole.PREPARER: _signer_for(preparer, timezone.localdate(workflow_state.created_at)),
            SignOffRole.CONFIRMER: _signer_for(confirmer, timezone.localdate(confirm_state.finished_at)),
            SignOffRole.APPROVER: _signer_for(approving, timezone.localdate(approve_state.finished_at)),
        },
    )
    record(
        page,
        "sanad.revision.approve",
        user=approver,
        revision=revision,
        data={"number": number, "code": controlled.code, **_chain_anchor(controlled)},
    )
    revision.publish(user=approver, skip_permission_checks=True)
    controlled.refresh_from_db()
    return controlled


@transaction.atomic
def activate_revision(controlled: ControlledRevision) -> None:
    """The approved revision is now live: it comes into force and its predecessor becomes obsolete."""
    today = timezone.localdate()
    start = controlled.effective_from or today
    for previous in ControlledRevision.objects.filter(
        page_id=controlled.page_id, status=RevisionStatus.IN_FORCE
    ):
        previous.status = RevisionStatus.SUPERSEDED
        previous.effective_until = start
        previous.save()
        record(previous.page.specific, "sanad.revision.superseded", data={"number": previous.number})
        signals.send_on_commit(signals.revision_superseded, previous, by=controlled)
    controlled.status = RevisionStatus.IN_FORCE
    controlled.effective_from = start
    controlled.save()
    record(controlled.page.specific, "sanad.revision.in_force", data={"number": controlled.number})
    signals.send_on_commit(signals.revision_in_force, controlled)


def activate_when_live(sender, controlled: ControlledRevision, **kwargs) -> None:
    """Receiver of ``signals.approved_revision_live`` (sent by ``ControlledDocumentPage.save``)."""
    activate_revision(controlled)


@dataclass(frozen=True)
class PaperRevision:
    """A revision as printed on paper: its number, dates, reason and the three signatures as written."""

    number: int
    issue_date: dt.date
    revision_date: dt.date | None
    change_reason: str
    preparer: Signer
    confirmer: Signer
    approver: Signer


@transaction.atomic
def import_legacy_revision(page, paper: PaperRevision, *, imported_by, note: str) -> ControlledRevision:
    """The one way a revision signed on paper before Sanad enters the register. Audited; never for new work."""
    history = published_history(page)
    effective_on = paper.revision_date or paper.issue_date
    try:
        rules.check_legacy_import(
            [rules.ExistingRevision(r.number, r.imported, r.revision_date or r.issue_date) for r in history],
            paper.number,
            effective_on,
            timezone.localdate(),
        )
        rules.check_three_distinct_signers(paper.preparer.name, paper.confirmer.name, paper.approver.name)
        rules.check_change_reason(paper.number, paper.change_reason, [r.change_reason for r in history])
    except ControlRuleViolation as exc:
        _refuse(page, exc, imported_by)
    if not note.strip():
        _refuse(
            page,
            ControlRuleViolation(Rule.LEGACY_IMPORT, "برای ورود نسخه کاغذی، منبع و توضیح ورود الزامی است."),
            imported_by,
        )

    page.change_reason = paper.change_reason
    revision = page.save_revision(user=imported_by, log_action=False, clean=False)
    _stamp(
        revision,
        number=paper.number,
        base_code=page.document_code,
        issue_date=paper.issue_date,
        revision_date=paper.revision_date,
    )
    freeze_citations(revision)  # what §6/§7 rows cite, frozen into the content before it is hashed
    draft = revision.as_object()
    controlled = _register(
        page,
        revision,
        number=paper.number,
        draft=draft,
        issue_date=paper.issue_date,
        revision_date=paper.revision_date,
        approved_on=paper.approver.signed_on,
        signers={
            SignOffRole.PREPARER: paper.preparer,
            SignOffRole.CONFIRMER: paper.confirmer,
            SignOffRole.APPROVER: paper.approver,
        },
        imported=True,
        import_note=note,
        effective_from=effective_on,
    )
    record(
        page,
        "sanad.revision.import",
        user=imported_by,
        revision=revision,
        data={"number": paper.number, "note": note, **_chain_anchor(controlled)},
    )
    revision.publish(user=imported_by, skip_permission_checks=True)
    controlled.refresh_from_db()
    return controlled


@transaction.atomic
def request_withdrawal(page, *, requested_by, reason: str) -> WithdrawalRequest:
    current = page.current_controlled_revision
    if current is None or current.status != RevisionStatus.IN_FORCE:
        _refuse(
            page,
            ControlRuleViolation(Rule.WITHDRAWAL_APPROVAL, "فقط سندی که بازنگری جاری دارد ابطال می‌شود."),
            requested_by,
        )
    if not reason.strip():
        _refuse(page, ControlRuleViolation(Rule.WITHDRAWAL_APPROVAL, "دلیل ابطال الزامی است."), requested_by)
    if WithdrawalRequest.objects.filter(page_id=page.pk, status=WithdrawalRequest.Status.PENDING).exists():
        _refuse(
            page,
            ControlRuleViolation(Rule.WITHDRAWAL_APPROVAL, "برای این سند درخواست ابطال در جریان است."),
            requested_by,
        )
    request = WithdrawalRequest.objects.create(
        page_id=page.pk, reason=reason.strip(), requested_by=requested_by
    )
    record(page, "sanad.withdrawal.request", user=requested_by, data={"reason": request.reason})
    return request


@transaction.atomic
def decide_withdrawal(request: WithdrawalRequest, *, decided_by, approve: bool) -> WithdrawalRequest:
    """Approve or reject a withdrawal; an approved one marks the revision in force as withdrawn."""
    from accounts.roles import Role, has_role

    page = request.page.specific
    if request.status != WithdrawalRequest.Status.PENDING:
        _refuse(
            page,
            ControlRuleViolation(Rule.WITHDRAWAL_APPROVAL, "درباره این درخواست پیش‌تر تصمیم گرفته شده است."),
            decided_by,
        )
    try:
        rules.check_withdrawal_approver(request.requested_by_id, decided_by.pk)
    except ControlRuleViolation as exc:
        _refuse(page, exc, decided_by)
    if not has_role(decided_by, Role.APPROVER):
        _refuse(
            page,
            ControlRuleViolation(Rule.SIGNER_ROLE, "فقط تصویب‌کننده درباره ابطال سند تصمیم می‌گیرد."),
            decided_by,
        )
    try:
        # Withdrawal is decided by an approver of the document's own unit, as its approval was.
        rules.check_signer_in_unit(
            role=SignOffRole.APPROVER, in_scope=in_unit_scope(decided_by, SignOffRole.APPROVER, page)
        )
    except ControlRuleViolation as exc:
        _refuse(page, exc, decided_by)
    request.status = WithdrawalRequest.Status.APPROVED if approve else WithdrawalRequest.Status.REJECTED
    request.decided_by = decided_by
    request.decided_at = timezone.now()
    request.save()
    if approve:
        current = page.current_controlled_revision
        current.status = RevisionStatus.WITHDRAWN
        current.withdrawn_on = timezone.localdate()
        current.effective_until = current.withdrawn_on
        current.withdrawal_reason = request.reason
        current.save()
        record(page, "sanad.withdrawal.approve", user=decided_by, data={"reason": request.reason})
        signals.send_on_commit(signals.revision_withdrawn, current, reason=request.reason)
    else:
        record(page, "sanad.withdrawal.reject", user=decided_by, data={"reason": request.reason})
    return request


# --- bulk import of external references (issue 13 §1; the plan is procedures/reference_import.py) ---


def _attach_files(page, files, by) -> None:
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    have = {d.file_hash for d in page.attached_documents() if d.file_hash}
    Document = get_document_model()
    for item in files:
        if item.sha1 in have:
            continue
        # Readers see the document's title (a search hit's «یافته در پیوست: …»), not a file name.
        stem = item.name.rsplit(".", 1)[0]
        document = Document(
            title=page.title if len(files) == 1 else f"{page.title} ({stem})",
            collection=Collection.get_first_root_node(),
            uploaded_by_user=by,
        )
        document.file.save(item.name, ContentFile(item.data), save=False)
        document.file_size = len(item.data)
        document.save()  # its text is extracted after the commit (search.signals → queue_extraction)
        document.get_file_hash()
        page.attachments.append(("attachment", {"title": document.title, "document": document}))
        have.add(item.sha1)


@transaction.atomic
def import_reference_row(row, parent, *, by, source: str):
    """Create or update one reference from a checked row, as a published revision, and audit it.

    ``row`` is a ``reference_import.RowPlan`` whose «replaces» rows are already written (the plan orders
    them). The supersession is the admin's own: a «جایگزین» relation on the new act, published with it.
    """
    from django.utils.text import slugify

    from procedures.models import ExternalReferencePage, IssuingAuthority, ReferenceRelation, RelationKind
    from procedures.reference_import import ascii_slug_base

    if row.action == "unchanged":
        return ExternalReferencePage.objects.get(pk=row.page_id)
    authority = None
    if row.authority:
        authority, _ = IssuingAuthority.objects.get_or_create(name=row.authority)
    values = {k: v for k, v in row.fields.items() if v not in ("", None)}
    if row.page_id:
        page = ExternalReferencePage.objects.get(pk=row.page_id).get_latest_revision_as_object()
        values.pop("number", None)  # the same act: its number as first recorded stays
    else:
        page = ExternalReferencePage(slug="")
    for name, value in values.items():
        setattr(page, name, value)
    if authority is not None:
        page.authority = authority
    _attach_files(page, row.files, by)
    targets = [getattr(t, "page_id", t) for t in row.replaces]
    have = {r.target_id for r in page.relations.all() if r.kind == RelationKind.REPLACES}
    for target in targets:
        if target not in have:
            page.relations.add(ReferenceRelation(kind=RelationKind.REPLACES, target_id=target))
    if not row.page_id:
        base = slugify(ascii_slug_base(row), allow_unicode=True) or "reference"
        slug, n = base, 1
        while parent.get_children().filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        page.slug = slug
        parent.add_child(instance=page)
    page.save_revision(user=by, log_action=True).publish(user=by)
    row.page_id = page.pk
    record(
        page,
        "sanad.reference.import",
        user=by,
        data={"file": source, "row": row.row, "action": row.action, "changed": row.changed},
    )
    return page


def import_references(plan, parent, *, by, source: str, progress=None) -> dict[str, int]:
    """Write every row of a checked plan, each in its own transaction (a re-run picks up where one stopped)."""
    counts = {"create": 0, "update": 0, "unchanged": 0}
    for done, row in enumerate(plan.rows, start=1):
        import_reference_row(row, parent, by=by, source=source)
        counts[row.action] += 1
        if progress is not None:
            progress(done, len(plan.rows))
    return counts
