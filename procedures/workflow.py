"""The sign-off workflow: the preparer submits, a confirmer confirms, an approver approves.

Built on Wagtail's workflow engine: ``SignOffTask`` is a group approval task that also applies the
three-signer and editor-cannot-sign rules, hiding the action from ineligible users and refusing it on
the server. ``finish_workflow`` (``WAGTAIL_FINISH_WORKFLOW_ACTION``) hands a controlled page to the
approval service instead of publishing it directly.
"""

from __future__ import annotations

from django.db import models
from wagtail.models import AbstractGroupApprovalTask, TaskState

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

    def _may_sign(self, obj, user) -> bool:
        from procedures.services import signer_refusal

        workflow_state = obj.current_workflow_state if hasattr(obj, "current_workflow_state") else None
        if workflow_state is None:
            return False
        return signer_refusal(workflow_state, SignOffRole(self.role), user, task=self) is None

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if not actions or not self._may_sign(obj, user):
            return []
        return actions

    def user_can_access_editor(self, obj, user):
        return self._user_in_groups(user)

    def locked_for_user(self, obj, user):
        # Only the signers of this step may open the draft (and act from the editor); whoever edits it
        # becomes an editor of the draft and so may no longer sign it (rules.check_signer_may_sign).
        return not self._user_in_groups(user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if self._user_in_groups(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            from procedures.audit import record_refusal
            from procedures.services import signer_refusal

            refusal = signer_refusal(task_state.workflow_state, SignOffRole(self.role), user, task=self)
            if refusal is not None:
                record_refusal(task_state.workflow_state.content_object, refusal, user=user)
                raise refusal
        return super().on_action(task_state, user, action_name, **kwargs)


__all__ = ["ControlRuleViolation", "SignOffTask"]
