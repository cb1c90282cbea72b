"""The sign-off workflow: the preparer submits, a confirmer confirms, an approver approves.

Built on Wagtail's workflow engine. The task model, ``SignOffTask``, and the checks of who may sign are in
``procedures/models/signoff.py``; ``finish_workflow`` (``WAGTAIL_FINISH_WORKFLOW_ACTION``,
``procedures/finish.py``) hands a controlled page to the approval service instead of publishing it
directly; the admin views that show refusals in Persian are in ``procedures/signoff_views.py``. This
module keeps the signatures of a sign-off across saves that change no content.
"""

from __future__ import annotations

from django.db import models
from wagtail.models import Revision, TaskState, WorkflowState

from procedures.models import ControlledDocumentPage
from procedures.models.signoff import revision_before, revision_changed_content


def keep_signatures_on_unchanged_revision(revision: Revision) -> None:
    """A save that changes no content does not undo the signatures already given in this sign-off.

    ``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT`` counts a step as approved only on the latest revision,
    so without this a reviewer's autosave or the save before «تایید» sent the draft back to the first
    step. Only a change of content (``rules.content_changed``) requires the signers to sign again.
    """
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
    models.signals.post_save.connect(
        _on_revision_saved, sender=Revision, dispatch_uid="sanad-keep-signatures"
    )
