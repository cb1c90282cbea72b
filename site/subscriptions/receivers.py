"""A reference published: its subscribers are told (as a background task, after commit).

A failure is logged, never raised: publishing must succeed whatever happens to the notices; the notices
are recorded idempotently, so running the task again is harmless.
"""

from __future__ import annotations

import logging

from django.db import transaction
from wagtail.signals import page_published

logger = logging.getLogger("sanad.subscriptions")


def on_page_published(sender, instance, revision=None, **kwargs) -> None:
    from procedures.models import ExternalReferencePage

    if not isinstance(instance, ExternalReferencePage) or revision is None:
        return
    from subscriptions.models import Subscription

    if not Subscription.objects.filter(paused=False).exists():
        return
    page_id, revision_id = instance.pk, revision.pk
    # After commit: a publication rolled back tells nobody, and the task sees what was committed.
    transaction.on_commit(lambda: _enqueue(page_id, revision_id))


def _enqueue(page_id: int, revision_id: int) -> None:
    from subscriptions.tasks import notify_subscribers_task

    try:
        notify_subscribers_task.enqueue(page_id, revision_id)
    except Exception:
        logger.exception("subscribers of %s were not notified", page_id)


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="subscriptions_page_published")
