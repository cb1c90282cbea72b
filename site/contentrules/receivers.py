"""Signal receivers: a page published, a controlled revision in force, superseded or withdrawn.

A receiver never breaks what sent the signal: publishing must succeed even if a rule is broken, so
an unexpected error is logged (at error level, for the operators) instead of raised.
"""

from __future__ import annotations

import logging

from wagtail.signals import page_published

from contentrules import occurrences
from contentrules.choices import Event
from contentrules.models import ContentRule
from procedures import signals as procedure_signals

logger = logging.getLogger("sanad.contentrules")


def _dispatch(event: str, build) -> None:
    # Most events have no rule at all; skip building the message then.
    if not ContentRule.objects.filter(enabled=True, event=event).exists():
        return
    from contentrules.services import dispatch

    try:
        dispatch(build())
    except Exception:
        logger.exception("content rules for %s could not be fired", event)


def on_page_published(sender, instance, revision=None, **kwargs) -> None:
    _dispatch(Event.PUBLISHED, lambda: occurrences.published(instance, revision))


def on_revision_in_force(sender, controlled, page, **kwargs) -> None:
    _dispatch(Event.IN_FORCE, lambda: occurrences.in_force(controlled, page))


def on_revision_superseded(sender, controlled, page, by=None, **kwargs) -> None:
    _dispatch(Event.SUPERSEDED, lambda: occurrences.superseded(controlled, page, by))


def on_revision_withdrawn(sender, controlled, page, reason="", **kwargs) -> None:
    _dispatch(Event.WITHDRAWN, lambda: occurrences.withdrawn(controlled, page, reason))


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="contentrules_page_published")
    procedure_signals.revision_in_force.connect(on_revision_in_force, dispatch_uid="contentrules_in_force")
    procedure_signals.revision_superseded.connect(
        on_revision_superseded, dispatch_uid="contentrules_superseded"
    )
    procedure_signals.revision_withdrawn.connect(on_revision_withdrawn, dispatch_uid="contentrules_withdrawn")
