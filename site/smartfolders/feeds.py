"""A collection's Atom feed (``…/feed/``): its newest documents, described as /search/feed/ describes them.

Public pages only, whoever asks: feed readers fetch without a session and a cached feed must not leak
(the rule of the other feeds in Sanad). The visitor's narrowing in the address applies, as on the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils.html import strip_tags

from search.feeds import FEED_SIZE, LatestDocumentsFeed
from search.registry import Document
from search.results import run_search

from .filters import narrow

if TYPE_CHECKING:
    from .models import SavedSearchPage


class SavedSearchFeed(LatestDocumentsFeed):
    """The search feed's entries (titles, summaries, tag ids), for one collection's documents."""

    def __init__(self, collection: SavedSearchPage) -> None:
        super().__init__()
        self.collection = collection

    def get_object(self, request: HttpRequest, *args, **kwargs) -> SavedSearchPage:
        return self.collection

    def title(self, collection: SavedSearchPage) -> str:
        return f"سند — {collection.title}"

    def subtitle(self, collection: SavedSearchPage) -> str:
        return (
            strip_tags(collection.intro).strip()
            or f"اسناد مجموعهٔ جست‌وجوی «{collection.title}»، تازه‌ترین نخست."
        )

    def link(self, collection: SavedSearchPage) -> str:
        return collection.get_url(self.request) or collection.url or "/"

    def feed_url(self, collection: SavedSearchPage) -> str:
        return self.link(collection) + "feed/"

    def items(self, collection: SavedSearchPage) -> list[Document]:
        narrowed = narrow(collection, self.request.GET, FEED_SIZE)
        if narrowed.saved_errors or narrowed.params.errors:
            return []  # a broken collection or address lists nothing rather than failing the reader
        narrowed.params.page = 1
        narrowed.params.sort = "newest"  # a feed reads newest first whatever the page's order
        outcome = run_search(narrowed.params, None)  # None: as an anonymous reader, public pages only
        return [hit.document for hit in outcome.hits if hit.document.page is not None]


def serve_feed(request: HttpRequest, page: SavedSearchPage):
    """The collection's Atom feed (its route ``feed/``)."""
    return SavedSearchFeed(page)(request)
