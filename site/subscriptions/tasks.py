"""Subscriptions' background task: matching a publication and mailing «بی‌درنگ» subscribers, off the
request that published it (the worker in production, at once after commit in tests and the demo)."""

from __future__ import annotations

from django_tasks import task


@task()
def notify_subscribers_task(page_id: int, revision_id: int) -> int:
    from wagtail.models import Page, Revision

    from subscriptions.services import record_publication, send_immediate

    page = Page.objects.get(pk=page_id).specific
    record_publication(page, Revision.objects.get(pk=revision_id))
    return send_immediate(revision_id)
