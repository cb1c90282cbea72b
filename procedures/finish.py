"""``WAGTAIL_FINISH_WORKFLOW_ACTION``: what happens when the last task of a workflow is approved.

Wagtail imports this while its own models are still loading, so everything is imported lazily.
"""


def finish_workflow(workflow_state, user=None) -> None:
    """Controlled documents are published by the approval service; everything else as Wagtail does."""
    from wagtail.workflows import publish_workflow_state

    from procedures.models import ControlledDocumentPage
    from procedures.services import publish_signed_revision

    page = workflow_state.content_object
    page = getattr(page, "specific", page)
    if isinstance(page, ControlledDocumentPage):
        publish_signed_revision(workflow_state, approver=user)
    else:
        publish_workflow_state(workflow_state, user=user)
