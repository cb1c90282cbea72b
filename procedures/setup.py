"""The sign-off workflow as data: one Wagtail workflow, two SignOffTasks, assigned to a subtree. Idempotent."""

from __future__ import annotations

from wagtail.models import Page, Workflow, WorkflowPage, WorkflowTask

from accounts.roles import Role, ensure_role_groups
from procedures.models import SignOffTask
from procedures.rules import SignOffRole

WORKFLOW_NAME = "امضای سند کنترل‌شده"


def ensure_signoff_workflow(*pages: Page) -> Workflow:
    """The preparer submits; a confirmer confirms; an approver approves. Assigned to ``pages``' subtrees."""
    groups = ensure_role_groups()
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    steps = [
        ("تایید سند", SignOffRole.CONFIRMER, Role.CONFIRMER),
        ("تصویب سند", SignOffRole.APPROVER, Role.APPROVER),
    ]
    for order, (name, signoff_role, role) in enumerate(steps):
        task = SignOffTask.objects.filter(name=name).first()
        if task is None:
            task = SignOffTask.objects.create(name=name, role=signoff_role.value)
        task.groups.set([groups[role]])
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow
