"""The sign-off workflow: the preparer submits, a confirmer confirms, an approver approves.

Built on Wagtail's workflow engine: ``SignOffTask`` is a group approval task that also applies the
three-signer and editor-cannot-sign rules, hiding the action from ineligible users and refusing it on
the server. Once the tree is split into organisational units, a member of the task's groups signs only
pages in a subtree of a unit where they hold the role (``units.scope.may_act_in_scope``). ``finish_workflow`` (``WAGTAIL_FINISH_WORKFLOW_ACTION``) hands a controlled page to the
approval service instead of publishing it directly.

Only a change of content (``rules.content_changed``) makes someone an editor of the draft or asks the
signers to sign again; each step is decided once (``on_action`` locks it). The admin views that show
refusals in Persian are in ``procedures/signoff_views.py``.
"""

from __future__ import annotations

from django.db import models, transaction
from wagtail.models import AbstractGroupApprovalTask, Revision, TaskState, WorkflowState

from procedures import rules
from procedures.rules import ControlRuleViolation, SignOffRole


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
        from accounts.roles import Role

        return Role.CONFIRMER if self.role == SignOffRole.CONFIRMER.value else Role.APPROVER

    def _user_in_groups(self, user):
        # Members of the chosen groups, or of a unit's own group for this step's role
        # (units.models.UnitRole); where they may sign is decided per page by _in_scope.
        if super()._user_in_groups(user):
            return True
        from units.scope import unit_ids_where_user_holds

        return bool(unit_ids_where_user_holds(user, self.account_role))

    def _in_scope(self, obj, user) -> bool:
        from units.scope import may_act_in_scope

        page = getattr(obj, "specific", obj)
        return may_act_in_scope(user, self.account_role, page)

    def _may_sign(self, obj, user) -> bool:
        from procedures.services import signer_refusal

        workflow_state = obj.current_workflow_state if hasattr(obj, "current_workflow_state") else None
        if workflow_state is None:
            return False
        return signer_refusal(workflow_state, SignOffRole(self.role), user, task=self) is None

    def start(self, workflow_state, user=None):
        # The first step starts when the draft is submitted: a revision after 00 must say what changed.
        if self.role == SignOffRole.CONFIRMER.value:
            from procedures.audit import record_refusal
            from procedures.services import submission_refusal

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
        from units.scope import units_in_use

        if not units_in_use():
            return states
        keep = [
            state.pk
            for state in states.select_related("workflow_state")
            if self._in_scope(state.workflow_state.content_object, user)
        ]
        return states.filter(pk__in=keep)

    def on_action(self, task_state, user, action_name, **kwargs):
        from procedures.audit import record_refusal

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
        from procedures.services import signer_refusal

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


def keep_signatures_on_unchanged_revision(revision: Revision) -> None:
    """A save that changes no content does not undo the signatures already given in this sign-off.

    ``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT`` counts a step as approved only on the latest revision,
    so without this a reviewer's autosave or the save before «تایید» sent the draft back to the first
    step. Only a change of content (``rules.content_changed``) requires the signers to sign again.
    """
    from procedures.models import ControlledDocumentPage
    from procedures.services import revision_before, revision_changed_content

    model = revision.content_type.model_class()
    if model is None or not issubclass(model, ControlledDocumentPage):
        return
    state = WorkflowState.objects.filter(
        base_content_type_id=revision.base_content_type_id,
        object_id=revision.object_id,
        status=WorkflowState.STATUS_IN_PROGRESS,
    ).first()
    previous = revision_before(revision) if state else None
    if previous is None or revision_changed_content(revision, previous, model.signed_content_fields()):
        return
    TaskState.objects.filter(
        workflow_state=state,
        revision=previous,
        status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_IN_PROGRESS],
    ).update(revision=revision)


def _on_revision_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        keep_signatures_on_unchanged_revision(instance)


def connect_signals() -> None:
    models.signals.post_save.connect(_on_revision_saved, sender=Revision, dispatch_uid="sanad-keep-signatures")


__all__ = ["ControlRuleViolation", "SignOffTask"]
