"""``/search/feed/``: an Atom feed of newly published circulars and other external documents.

Every registered type with ``in_feed`` contributes (external references now; announcements later), public
and live pages only, newest publication first.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from jalali.calendar import format_jalali
from jalali.digits import to_persian_digits
from search.registry import Document, hydrate, searchable_types

FEED_SIZE = 30


class LatestDocumentsFeed(Feed):
    feed_type = Atom1Feed
    title = "سند — بخشنامه‌ها و مستندات تازه"
    subtitle = "قوانین، آیین‌نامه‌ها، بخشنامه‌ها و مصوباتی که تازه در سند منتشر شده‌اند."
    language = "fa"

    def __call__(self, request: HttpRequest, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self) -> str:
        return reverse("sanad_search:page")

    def items(self) -> list[Document]:
        documents: list[Document] = []
        for searchable in searchable_types():
            if not searchable.in_feed:
                continue
            public = searchable.model.objects.live().public()
            latest = list(
                public.order_by("-first_published_at", "-pk").values_list("pk", flat=True)[:FEED_SIZE]
            )
            documents.extend(searchable.describe(public.filter(pk__in=latest)))
        oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
        documents.sort(key=lambda d: (d.published_at or oldest, d.pk), reverse=True)
        documents = documents[:FEED_SIZE]
        # Anonymous readers: only a public successor is named.
        hydrate(documents, lambda queryset: queryset.live().public())
        return [d for d in documents if d.page is not None]

    def item_title(self, item: Document) -> str:
        if item.number:
            return f"{item.kind_label} {to_persian_digits(item.number)}: {item.title}"
        return f"{item.kind_label}: {item.title}"

    def item_description(self, item: Document) -> str:
        parts = [item.kind_label]
        if item.number:
            parts.append(f"شماره {to_persian_digits(item.number)}")
        if item.date:
            parts.append(f"مورخ {format_jalali(item.date)}")
        line = " ".join(parts)
        if item.authority_name:
            line += f"، {item.authority_name}"
        if item.status_note and item.successor is not None:
            line += f" — {item.status_note} «{item.successor.title}»"
        summary = getattr(item.page, "summary", "") or item.page.search_description
        return f"{line}. {summary}".strip() if summary else f"{line}."

    def item_link(self, item: Document) -> str:
        return item.page.get_url(getattr(self, "request", None)) or item.page.url or "/"

    def item_guid(self, item: Document) -> str:
        # A tag URI (RFC 4151): stays the same when the page moves, unlike its address.
        request = getattr(self, "request", None)
        host = request.get_host().split(":")[0] if request else "sanad.invalid"
        published = item.page.first_published_at
        day = published.date().isoformat() if published else "2000-01-01"
        return f"tag:{host},{day}:sanad/page/{item.page.pk}"

    def item_guid_is_permalink(self, item: Document) -> bool:
        return False

    def item_pubdate(self, item: Document):
        return item.page.first_published_at

    def item_updateddate(self, item: Document):
        return item.page.last_published_at

    def item_categories(self, item: Document) -> list[str]:
        return [item.kind_label]
