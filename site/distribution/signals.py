"""Listeners for procedures' revision signals (sent after commit). Each only calls one service."""

from __future__ import annotations

import logging

logger = logging.getLogger("sanad.distribution")


def on_revision_in_force(sender, controlled, page=None, **kwargs) -> None:
    """Ask the document's recipients to acknowledge the revision now in force, as a background task.

    A failure is logged (and kept as a failed task), never raised: it must not stop the other listeners
    (content rules) nor undo the publication; ``request_acknowledgements`` is idempotent.
    """
    from distribution.tasks import request_acknowledgements_task

    try:
        request_acknowledgements_task.enqueue(controlled.pk)
    except Exception:
        logger.exception("acknowledgement requests for %s not created", controlled)


def on_revision_left_force(sender, controlled, page=None, **kwargs) -> None:
    """Superseded or withdrawn: capture the revision's final acknowledgement log as a record.

    When it cannot be captured now (e.g. no retention register yet), ``capture_acknowledgement_logs``
    captures it later; the failure is logged, never raised into the publication that caused it.
    """
    from distribution.services import capture_acknowledgement_log

    try:
        capture_acknowledgement_log(controlled)
    except Exception:
        logger.exception("acknowledgement log of %s not captured", controlled)


def connect() -> None:
    from procedures import signals

    signals.revision_in_force.connect(on_revision_in_force, dispatch_uid="distribution.in_force")
    signals.revision_superseded.connect(on_revision_left_force, dispatch_uid="distribution.superseded")
    signals.revision_withdrawn.connect(on_revision_left_force, dispatch_uid="distribution.withdrawn")
