"""The admin's page search («جستجو» in the explorer) with the search box's parser and ranking.

Wagtail's search view, given through the base ``PageViewSet`` (its ``search_view_class``), not rewritten:
only the step that searches changes. The query is read by ``search.query`` (act numbers, Jalali dates,
phrases, ``OR``, exclusions), documents come in /search/'s order (``search.rules``) and other pages
follow (``search.page_order``), then titles the words begin (the box is typed into: Wagtail's
autocomplete), among the pages the user may explore, drafts included. Wagtail's
``live:yes`` / ``live:no`` filter still works; what the parser cannot read is shown as a Persian message.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.db.models import Count, QuerySet
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from search.page_order import MAX_MATCHES, in_this_order, matching_page_ids
from search.params import clean_text
from search.query import AtomKind, ParsedQuery, parse_query

# Wagtail's filters in the admin's search box: «live:yes», «published:no».
_LIVE_FILTER = re.compile(r"(?<!\S)(?:live|published):(\S*)", re.IGNORECASE)


def _live_filter(text: str) -> tuple[str, bool | None]:
    """The query without Wagtail's live filter, and what the filter asks (None: either)."""
    wanted: bool | None = None
    for match in _LIVE_FILTER.finditer(text):
        value = match.group(1).lower()
        wanted = True if value in ("yes", "true") else False if value in ("no", "false") else wanted
    return _LIVE_FILTER.sub(" ", text), wanted


class ParsedPageSearchView(SearchView):
    def get_queryset(self) -> QuerySet[Any]:
        text, live = _live_filter(clean_text(self.search_query or ""))
        parsed = parse_query(text)
        if parsed.is_blank:
            return super().get_queryset()  # Wagtail's own listing of every page
        self.all_pages = Page.objects.all()
        # As Wagtail does: only what the user may explore (its setting may turn this off).
        if getattr(settings, "WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS", True):
            explorable = self.permission_policy.explorable_instances(self.request.user)
            self.all_pages = self.all_pages.filter(pk__in=explorable.values_list("pk", flat=True))
        if live is not None:
            self.all_pages = self.all_pages.filter(live=live)
        if parsed.errors:
            messages.error(self.request, " ".join(parsed.errors))
            ids: list[int] = []
        else:
            ids = matching_page_ids(parsed, self.request, scope=self.all_pages)
            ids += self._completed_titles(parsed, set(ids))
        self.all_pages = self.all_pages.filter(pk__in=ids)
        self.content_types = self._content_type_counts()
        pages = self.all_pages
        if self.show_locale_labels:
            pages = pages.select_related("locale")
        if self.selected_content_type:
            pages = pages.filter(content_type=self.selected_content_type)
        pages = self.annotate_queryset(pages)
        return pages.order_by(self.ordering) if self.ordering else in_this_order(pages, ids)

    def _completed_titles(self, parsed: ParsedQuery, found: set[int]) -> list[int]:
        """After the search's answer, titles the words begin (Wagtail's autocomplete): the admin's search
        box is typed into, so «دفاتر مدیریت عملک» still lists «… دفاتر مدیریت عملکرد»."""
        if parsed.excluded or not all(atom.kind == AtomKind.WORD for atom in parsed.atoms):
            return []
        words = " ".join(atom.text for atom in parsed.atoms)
        completed = self.all_pages.autocomplete(words, order_by_relevance=True)[:MAX_MATCHES]
        return [page.pk for page in completed if page.pk not in found]

    def _content_type_counts(self) -> list:
        from django.contrib.contenttypes.models import ContentType

        rows = self.all_pages.order_by().values("content_type_id").annotate(count=Count("pk"))
        return [(ContentType.objects.get_for_id(row["content_type_id"]), row["count"]) for row in rows]


class SanadPageViewSet(PageViewSet):
    """Wagtail's base page viewset with the parsed search (registered in ``search.wagtail_hooks``)."""

    search_view_class = ParsedPageSearchView
