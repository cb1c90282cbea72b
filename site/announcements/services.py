"""Writing announcements from code (the demo, imports): the same path the admin takes — a revision,
published, its window handed to Wagtail's scheduler."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection

from .models import AnnouncementAttachment, AnnouncementIndexPage, AnnouncementPage, AnnouncementRelatedLink


@dataclass
class Attachment:
    title: str
    filename: str
    content: bytes


@dataclass
class NewAnnouncement:
    slug: str
    title: str
    display_from: dt.date
    display_to: dt.date | None
    body: str
    audience: str = "public"
    addressee: str = ""
    summary: str = ""
    note: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    related: list = field(default_factory=list)


def store_document(title: str, filename: str, content: bytes, collection: Collection, user=None):
    Document = get_document_model()
    existing = Document.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing
    document = Document(title=title, collection=collection, uploaded_by_user=user)
    document.file.save(filename, ContentFile(content), save=False)
    document.file_size = len(content)
    document.save()
    document.get_file_hash()  # saves the row, with the hash Wagtail uses as the download's ETag
    return document


def publish_announcement(
    board: AnnouncementIndexPage,
    spec: NewAnnouncement,
    collection: Collection,
    user=None,
    now: dt.datetime | None = None,
) -> AnnouncementPage:
    """Create and publish ``spec`` under ``board``; idempotent by slug.

    A window still to come is scheduled (Wagtail keeps the approved revision until it opens); a window
    already over is expired at once, as ``publish_scheduled`` would do on its next run.
    """
    existing = AnnouncementPage.objects.child_of(board).filter(slug=spec.slug).first()
    if existing is not None:
        return existing
    page = AnnouncementPage(
        slug=spec.slug,
        title=spec.title,
        display_from=spec.display_from,
        display_to=spec.display_to,
        audience=spec.audience,
        addressee=spec.addressee,
        summary=spec.summary,
        body=spec.body,
        note=spec.note,
        live=False,
    )
    for item in spec.attachments:
        document = store_document(item.title, item.filename, item.content, collection, user)
        page.attachments.add(AnnouncementAttachment(title=item.title, document=document))
    for target in spec.related:
        page.related_links.add(AnnouncementRelatedLink(page=target))
    board.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    expire_if_ended(page, now)
    return page


def expire_if_ended(page: AnnouncementPage, now: dt.datetime | None = None) -> bool:
    """Unpublish a live announcement whose window has closed, as ``publish_scheduled`` does."""
    now = now or timezone.now()
    if page.live and page.expire_at is not None and page.expire_at <= now:
        page.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
        return True
    return False
