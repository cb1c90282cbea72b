"""Announcements in the site's search (``search.registry``): notices showing now, and ended ones.

A notice whose window has closed is unpublished by Wagtail's scheduler but keeps its address in the
board's archive (``AnnouncementIndexPage.ended_announcement``); search finds it there too, marked
«بایگانی‌شده» (``Status.ARCHIVED``), rather than hiding it (issue 11 §1). It is dated by its window.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone
from wagtail.query import PageQuerySet

from search.registry import Document, SearchableType, Status, register

from .models import AnnouncementPage

KIND = "announcement"
ARCHIVED_NOTE = "دوره نمایش پایان یافته"


def ended(now: dt.datetime) -> Q:
    """Published once and past its window: what the board's archive lists (``AnnouncementIndexPage.ended``)."""
    return Q(expire_at__lte=now, first_published_at__isnull=False)


class AnnouncementSearch(SearchableType):
    model = AnnouncementPage
    date_fields = ("display_from", "display_to")
    text_fields = ("summary", "body", "addressee", "note")

    def kinds(self) -> list[tuple[str, str]]:
        return [(KIND, str(AnnouncementPage._meta.verbose_name))]

    def archived(self, queryset: PageQuerySet) -> PageQuerySet:
        return queryset.filter(ended(timezone.now()), live=False)

    def restate(self, documents: list[Document], day: dt.date) -> None:
        """Showing on ``day`` if its window had opened and not yet closed (whole Tehran days)."""
        last_days = dict(
            AnnouncementPage.objects.filter(pk__in=[d.pk for d in documents]).values_list("pk", "display_to")
        )
        for document in documents:
            last_day = last_days.get(document.pk)
            over = last_day is not None and last_day < day
            document.not_yet_issued = document.date is not None and document.date > day
            document.status = Status.ARCHIVED if over else Status.IN_FORCE
            document.status_note = ARCHIVED_NOTE if over else ""

    def describe(self, queryset: PageQuerySet) -> list[Document]:
        now = timezone.now()
        rows = queryset.values_list("pk", "title", "display_from", "expire_at", "first_published_at")
        label = self.kinds()[0][1]
        documents = []
        for pk, title, display_from, expire_at, published in rows:
            # A live notice past its window (the scheduler has not run yet) is archived all the same.
            over = expire_at is not None and expire_at <= now
            documents.append(
                Document(
                    pk=pk,
                    title=title,
                    searchable=self,
                    kind=KIND,
                    kind_label=label,
                    date=display_from,
                    status=Status.ARCHIVED if over else Status.IN_FORCE,
                    status_note=ARCHIVED_NOTE if over else "",
                    published_at=published,
                )
            )
        return documents


register(AnnouncementSearch())
