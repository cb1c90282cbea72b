"""The sign-off task and the read-only checks it applies: who may sign a step, and whether a draft may be
submitted.

``SignOffTask`` is a Wagtail group approval task (a model, so it lives with the models) that also applies the
three-signer and editor-cannot-sign rules, hiding the action from ineligible users and refusing it on the
server. Once the tree is split into organisational units, a member of the task's groups signs only pages in
a subtree of a unit where they hold the role (``units.scope.may_act_in_scope``).

Only a change of content (``rules.content_changed``) makes someone an editor of the draft; each step is
decided once (``on_action`` locks it). The writes of the sign-off (stamping, registering, publishing) are in
``procedures.services``; the workflow's signal handlers in ``procedures.workflow``.
"""

from __future__ import annotations

from django.db import models, transaction
from wagtail.models import AbstractGroupApprovalTask, Revision, TaskState, WorkflowState

from accounts.role_names import Role
from procedures import rules
from procedures.audit import record_refusal
from procedures.models.register import ControlledRevision
from procedures.rules import ControlRuleViolation, Rule, SignOffRole
from units.scope import may_act_in_scope, unit_ids_where_user_holds, units_in_use


class SignOffTask(AbstractGroupApprovalTask):
    """Confirmation or approval of a controlled revision by a member of the chosen groups."""

    role = models.CharField(
        "امضا به عنوان",
        max_length=20,
        choices=[(SignOffRole.CONFIRMER.value, "تاییدکننده"), (SignOffRole.APPROVER.value, "تصویب‌کننده")],
    )

    admin_form_fields = AbstractGroupApprovalTask.admin_form_fields + ["role"]

    class Meta:
        verbose_name = "وظیفه امضای سند کنترل‌شده"
        verbose_name_plural = "وظایف امضای سند کنترل‌شده"

    @classmethod
    def get_description(cls):
        return (
            "عضو گروه‌های انتخاب‌شده، به شرط آنکه تهیه‌کننده یا ویرایشگر پیش‌نویس نباشد، این مرحله را امضا می‌کند."
        )

    @property
    def account_role(self):
        """The ``accounts.roles.Role`` that signs this step."""
        return Role.CONFIRMER if self.role == SignOffRole.CONFIRMER.value else Role.APPROVER

    def _user_in_groups(self, user):
        # Members of the chosen groups, or of a unit's own group for this step's role
        # (units.models.UnitRole); where they may sign is decided per page by _in_scope.
        if super()._user_in_groups(user):
            return True
        return bool(unit_ids_where_user_holds(user, self.account_role))

    def _in_scope(self, obj, user) -> bool:
        page = getattr(obj, "specific", obj)
        return may_act_in_scope(user, self.account_role, page)

    def _may_sign(self, obj, user) -> bool:
        workflow_state = obj.current_workflow_state if hasattr(obj, "current_workflow_state") else None
        if workflow_state is None:
            return False
        return signer_refusal(workflow_state, SignOffRole(self.role), user, task=self) is None

    def start(self, workflow_state, user=None):
        # The first step starts when the draft is submitted: a revision after 00 must say what changed.
        if self.role == SignOffRole.CONFIRMER.value:
            refusal = submission_refusal(workflow_state.content_object)
            if refusal is not None:
                record_refusal(workflow_state.content_object, refusal, user=user)
                raise refusal
        return super().start(workflow_state, user=user)

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if not actions or not self._may_sign(obj, user):
            return []
        return actions

    def user_can_access_editor(self, obj, user):
        return self._user_in_groups(user) and self._in_scope(obj, user)

    def locked_for_user(self, obj, user):
        # Only the signers of this step may open the draft (and act from the editor); whoever edits it
        # becomes an editor of the draft and so may no longer sign it (rules.check_signer_may_sign).
        return not (self._user_in_groups(user) and self._in_scope(obj, user))

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not self._user_in_groups(user):
            return TaskState.objects.none()
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if not units_in_use():
            return states
        keep = [
            state.pk
            for state in states.select_related("workflow_state")
            if self._in_scope(state.workflow_state.content_object, user)
        ]
        return states.filter(pk__in=keep)

    def on_action(self, task_state, user, action_name, **kwargs):
        page = task_state.workflow_state.content_object
        try:
            with transaction.atomic():
                self._check_action(task_state, user, action_name)
                return super().on_action(task_state, user, action_name, **kwargs)
        except ControlRuleViolation as exc:
            # Written after the rollback, so the refusal stays in the audit log.
            record_refusal(page, exc, user=user)
            raise

    def _check_action(self, task_state, user, action_name) -> None:
        # One decision per step: the row is locked (PostgreSQL) or the write transaction already held
        # (SQLite, transaction_mode IMMEDIATE), so of two signers at once the second finds it decided.
        current = TaskState.objects.select_for_update().get(pk=task_state.pk)
        rules.check_step_open(current.status)
        task_state.refresh_from_db()
        task_state.workflow_state.refresh_from_db()
        if action_name == "approve":
            refusal = signer_refusal(task_state.workflow_state, SignOffRole(self.role), user, task=self)
            if refusal is not None:
                raise refusal


def _signed_fields(page) -> tuple[str, ...]:
    return type(getattr(page, "specific", page)).signed_content_fields()


def revision_before(revision: Revision) -> Revision | None:
    """The revision of the same page saved just before ``revision``."""
    return (
        Revision.objects.filter(
            base_content_type_id=revision.base_content_type_id, object_id=revision.object_id
        )
        .filter(
            models.Q(created_at__lt=revision.created_at)
            | models.Q(created_at=revision.created_at, pk__lt=revision.pk)
        )
        .order_by("-created_at", "-pk")
        .first()
    )


def revision_changed_content(revision: Revision, previous: Revision | None = None, fields=None) -> bool:
    """Whether ``revision`` changed what the document says compared with the revision before it."""
    previous = previous if previous is not None else revision_before(revision)
    fields = fields or _signed_fields(revision.content_object)
    return rules.content_changed(previous.content if previous else {}, revision.content, fields)


def draft_editor_ids(page) -> set[int]:
    """Everyone who changed the content of the current draft (since the last published revision).

    A revision counts only when it changed content compared with the one before it
    (``rules.content_changed``): a save without changes, autosave, or the save Wagtail makes before a
    workflow action does not make a reviewer an editor.
    """
    revisions = Revision.objects.for_instance(page).order_by("created_at", "pk")
    previous = None
    if page.live_revision_id:
        previous = Revision.objects.filter(pk=page.live_revision_id).first()
        if previous is not None:
            revisions = revisions.filter(created_at__gt=previous.created_at)
    fields = _signed_fields(page)
    editors: set[int] = set()
    for revision in revisions:
        counts = revision.user_id is not None and revision.user_id not in editors
        if counts and (previous is None or revision_changed_content(revision, previous, fields)):
            editors.add(revision.user_id)
        previous = revision
    return editors


def approved_signer(workflow_state: WorkflowState, role: SignOffRole) -> TaskState | None:
    """The latest approved task state of ``role``'s step in this run of the workflow, if it was signed."""
    states = (
        TaskState.objects.filter(workflow_state=workflow_state, status=TaskState.STATUS_APPROVED)
        .select_related("finished_by")
        .order_by("-finished_at", "-id")
    )
    for state in states:
        task = state.task.specific
        if isinstance(task, SignOffTask) and task.role == role:
            return state
    return None


def in_unit_scope(user, role: SignOffRole, page) -> bool:
    """Whether ``user`` holds the signing role in a unit covering ``page`` (units.scope)."""
    account_role = Role.CONFIRMER if role == SignOffRole.CONFIRMER else Role.APPROVER
    return may_act_in_scope(user, account_role, getattr(page, "specific", page))


def signer_refusal(
    workflow_state: WorkflowState, role: SignOffRole, user, task=None
) -> ControlRuleViolation | None:
    """Why ``user`` may not sign as ``role`` in this run, or None when they may."""
    if task is not None and not task._user_in_groups(user):
        return ControlRuleViolation(Rule.SIGNER_ROLE, f"شما عضو گروه {role.label} این مرحله نیستید.")
    try:
        rules.check_signer_in_unit(
            role=role, in_scope=in_unit_scope(user, role, workflow_state.content_object)
        )
    except ControlRuleViolation as exc:
        return exc
    earlier: dict[SignOffRole, int | None] = {SignOffRole.PREPARER: workflow_state.requested_by_id}
    if role == SignOffRole.APPROVER:
        confirmed = approved_signer(workflow_state, SignOffRole.CONFIRMER)
        earlier[SignOffRole.CONFIRMER] = confirmed.finished_by_id if confirmed else None
    page = workflow_state.content_object
    try:
        rules.check_signer_may_sign(
            role=role,
            signer_id=user.pk,
            earlier_signer_ids=earlier,
            draft_editor_ids=draft_editor_ids(page),
        )
    except ControlRuleViolation as exc:
        return exc
    return None


def submission_refusal(page, change_reason: str | None = None) -> ControlRuleViolation | None:
    """Why the draft may not be submitted for sign-off, or None: after revision 00 it needs its own change
    reason (``rules.check_change_reason``), asked for when it is submitted, not after the first signature.
    ``change_reason`` is the value being submitted; by default the latest draft's."""
    page = getattr(page, "specific", page)
    history = published_history(page)
    if change_reason is None:
        change_reason = page.get_latest_revision_as_object().change_reason
    try:
        rules.check_change_reason(
            rules.next_revision_number([r.number for r in history]),
            change_reason or "",
            [r.change_reason for r in history],
        )
    except ControlRuleViolation as exc:
        return exc
    return None


def published_history(page) -> list[ControlledRevision]:
    """The page's registered revisions, oldest first."""
    return list(ControlledRevision.objects.filter(page_id=page.pk).order_by("number"))
