"""The admin's editor and workflow-action views for controlled pages, as Wagtail's plus the sign-off rules.

Registered for every controlled page type through a ``PageViewSet`` (``wagtail_hooks``), so Wagtail's own
URLs route here. What they add:

- every refusal (``ControlRuleViolation``) is shown as its Persian message, not Wagtail's generic
  "no permission", and is in the audit log (``audit.ensure_refusal_recorded``);
- an action the user was not offered (a forged «انتشار», or «تایید» from a stale screen) is refused with
  its reason instead of being quietly saved as a draft;
- submitting a revision after 00 asks for its change reason on the form;
- after signing, the signer lands on the dashboard with a success message (the editor is the next
  signer's now).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin import messages
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.views.reports.workflows import WorkflowView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, TaskState, WorkflowState

from procedures import rules
from procedures.audit import ensure_refusal_recorded, record_refusal
from procedures.rules import ControlRuleViolation, Rule, SignOffRole

PUBLISH_REFUSED = (
    "سند کنترل‌شده فقط با تکمیل گردش امضا (تهیه، تایید و تصویب) منتشر می‌شود؛ انتشار مستقیم مجاز نیست."
)


def action_refusal(page, user, task_state=None) -> ControlRuleViolation:
    """Why ``user`` was not offered «تایید» (or any sign-off action) on ``page`` now, in Persian."""
    from procedures.models import SignOffTask
    from procedures.models.signoff import signer_refusal

    page = getattr(page, "specific", page)
    if task_state is not None and task_state.status != TaskState.STATUS_IN_PROGRESS:
        return _step_closed(task_state.status)
    workflow_state = page.current_workflow_state
    if workflow_state is None:
        return ControlRuleViolation(Rule.STEP_DECIDED, "این سند اکنون در گردش امضا نیست.")
    current = workflow_state.current_task_state
    task = current.task.specific if current else None
    if isinstance(task, SignOffTask) and task._user_in_groups(user):
        refusal = signer_refusal(workflow_state, SignOffRole(task.role), user, task=task)
        if refusal is not None:
            return refusal
    # A signer of an earlier step looking at a stale screen: that step is already signed.
    for earlier in workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED).select_related("task"):
        earlier_task = earlier.task.specific
        if isinstance(earlier_task, SignOffTask) and earlier_task._user_in_groups(user):
            return _step_closed(earlier.status)
    if isinstance(task, SignOffTask):
        return signer_refusal(
            workflow_state, SignOffRole(task.role), user, task=task
        ) or ControlRuleViolation(
            Rule.SIGNER_ROLE, "این اقدام در مرحله کنونی گردش امضا برای شما در دسترس نیست."
        )
    return ControlRuleViolation(
        Rule.SIGNER_ROLE, "این اقدام در مرحله کنونی گردش امضا برای شما در دسترس نیست."
    )


def _step_closed(status: str) -> ControlRuleViolation:
    try:
        rules.check_step_open(status)
    except ControlRuleViolation as exc:
        return exc
    raise AssertionError("an open step is not a refusal")  # pragma: no cover


def signed_message(page, task_state, action_name: str) -> str:
    """What the signer is told after acting on a step."""
    from procedures.models import ControlledRevision

    page = Page.objects.get(pk=page.pk).specific
    title = page.get_admin_display_title()
    if action_name == "reject":
        return f"درخواست اصلاح «{title}» ثبت شد و به تهیه‌کننده بازگشت."
    task = task_state.task.specific
    role = SignOffRole(task.role).label if hasattr(task, "role") else "بررسی‌کننده"
    published = ControlledRevision.objects.filter(revision_id=page.live_revision_id).first()
    if published is not None and page.live_revision_id == page.latest_revision_id:
        return f"«{title}» را به عنوان {role} امضا کردید؛ بازنگری {published.code} منتشر شد و لازم‌الاجراست."
    return f"«{title}» را به عنوان {role} امضا کردید؛ سند برای امضای مرحله بعد ارسال شد."


class ControlledEditView(EditView):
    """Wagtail's page editor, refusing with reasons and asking for the change reason on submission."""

    def post(self, request, *args, **kwargs):
        if request.POST.get("action-publish"):
            return self.refused(ControlRuleViolation(Rule.PUBLISH_THROUGH_SIGNOFF, PUBLISH_REFUSED))
        if request.POST.get("action-workflow-action") and not self.workflow_action_is_valid():
            return self.refused(action_refusal(self.page, request.user))
        try:
            return super().post(request, *args, **kwargs)
        except ControlRuleViolation as exc:
            return self.refused(exc)

    def refused(self, exc: ControlRuleViolation):
        ensure_refusal_recorded(self.real_page_record.specific, exc, user=self.request.user)
        if self.expects_json_response:
            return self.json_error_response("refused", exc.message)
        messages.error(self.request, exc.message)
        page = Page.objects.get(pk=self.real_page_record.pk).specific
        if page.permissions_for_user(self.request.user).can_edit():
            return redirect(self.get_edit_url())
        return redirect("wagtailadmin_home")

    def form_valid(self, form):
        if self.action_name in {"submit", "restart_workflow"}:
            from procedures.models.signoff import submission_refusal

            refusal = submission_refusal(self.real_page_record, form.cleaned_data.get("change_reason") or "")
            if refusal is not None:
                record_refusal(self.real_page_record.specific, refusal, user=self.request.user)
                form.add_error("change_reason", refusal.message)
                return self.form_invalid(form)
        return super().form_valid(form)

    def add_save_confirmation_message(self):
        if self.action_name != "perform_workflow_action":
            return super().add_save_confirmation_message()
        task_state = TaskState.objects.filter(
            workflow_state__object_id=str(self.page.pk), finished_by=self.request.user
        ).order_by("-finished_at", "-pk")
        state = task_state.first()
        if state is None:
            return super().add_save_confirmation_message()
        messages.success(self.request, signed_message(self.page, state, self.workflow_action))

    def redirect_away(self):
        if self.action_name == "perform_workflow_action" and not self.next_url:
            # The draft has moved on to the next signer (or is published); the editor is no longer this
            # signer's, and the parent folder may not be theirs to browse.
            return redirect("wagtailadmin_home")
        return super().redirect_away()


class ControlledWorkflowActionView(WorkflowActionView):
    """«تایید» / «درخواست اصلاح» from the dashboard's «در انتظار بررسی شما» and the modal, with reasons."""

    def dispatch(self, request, *args, **kwargs):
        try:
            if self.task_state.status != TaskState.STATUS_IN_PROGRESS:
                raise _step_closed(self.task_state.status)
            return super().dispatch(request, *args, **kwargs)
        except ControlRuleViolation as exc:
            return self.refused(exc)

    def check_action(self):
        names = [name for name, _label, _modal in self.task.get_actions(self.object, self.request.user)]
        if self.action_name not in names:
            raise action_refusal(self.object, self.request.user, self.task_state)
        return super().check_action()

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.finished_by_id == request.user.pk:
            messages.success(request, signed_message(self.object, self.task_state, self.action_name))
        return response

    def refused(self, exc: ControlRuleViolation):
        ensure_refusal_recorded(self.object.specific, exc, user=self.request.user)
        messages.error(self.request, exc.message)
        url = self.redirect_url if self.redirect_url else reverse("wagtailadmin_home")
        if self.request.headers.get("x-requested-with") == "XMLHttpRequest":
            return render_modal_workflow(
                self.request, "", None, {}, json_data={"step": "success", "redirect": url}
            )
        return redirect(url)


class ControlledPageViewSet(PageViewSet):
    """Wagtail's page views for a controlled page type, with the sign-off's editor and action views."""

    edit_view_class = ControlledEditView
    workflow_action_view_class = ControlledWorkflowActionView
    # Leave the explorer's listings as Wagtail draws them.
    parent_models = ()


class SignOffReportView(WorkflowView):
    """Wagtail's workflow report for the people who sign: every sign-off awaiting them (and, for those who
    may edit pages, what Wagtail's report shows). Each row opens the editor, where they approve or reject."""

    page_title = "گزارش گردش امضا"
    index_url_name = "procedures_signoff_report"
    index_results_url_name = "procedures_signoff_report_results"
    any_permission_required = None

    def dispatch(self, request, *args, **kwargs):
        from accounts.roles import Role, has_role

        if not any(has_role(request.user, r) for r in (Role.CONFIRMER, Role.APPROVER, Role.QUALITY_OFFICER)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def header_buttons(self):
        return []

    def get_queryset(self):
        from procedures.models import SignOffTask

        awaiting = set()
        for task in SignOffTask.objects.filter(active=True):
            awaiting.update(
                task.get_task_states_user_can_moderate(self.request.user).values_list(
                    "workflow_state_id", flat=True
                )
            )
        editable = super().get_queryset().values("pk")
        return (
            WorkflowState.objects.filter(Q(pk__in=awaiting) | Q(pk__in=editable))
            .select_related("workflow", "requested_by")
            .prefetch_related("content_object", "content_object__latest_revision")
            .order_by("-created_at")
        )
