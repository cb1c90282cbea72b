"""Driving the sign-off workflow the way the admin does (Task.on_action), for tests."""

from procedures.models import ProcedurePage


def edit_draft(page: ProcedurePage, user, **changes):
    """Open the latest draft, change fields, save a revision as ``user`` (like the editor's Save draft)."""
    draft = ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    return draft.save_revision(user=user)


def submit(page, preparer):
    page = ProcedurePage.objects.get(pk=page.pk)
    return page.get_workflow().start(page, preparer)


def act(workflow_state, user, action="approve"):
    workflow_state.refresh_from_db()
    task_state = workflow_state.current_task_state
    task = task_state.task.specific
    task.on_action(task_state, user, action)
    workflow_state.refresh_from_db()
    return workflow_state


def sign_through(page, preparer, confirmer, approver, **changes):
    edit_draft(page, preparer, **changes)
    state = submit(page, preparer)
    act(state, confirmer)
    act(state, approver)
    return state
