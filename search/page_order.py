"""One answer for the paths that list pages of every type: Wagtail API v2 ``?search=`` and the admin's page
search.

They read the query with the search box's parser (``search.query``) and list first the documents
/search/ finds, in its order (``search.results.ranked_matches``, ordered by ``search.rules``), so their
top ten is /search/'s. Pages that are not documents (folders, the home page, forms) follow, matched by
the words of the query in the backend's order; a query with an act number, a date or an excluded word
names documents only.
"""

from __future__ import annotations

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import HttpRequest
from wagtail.models import Page

from search.query import ParsedQuery
from search.registry import searchable_types
from search.results import MAX_TEXT_HITS, ranked_matches, text_query

#: Pages listed (as many as /search/ considers) and how many of them are placed one by one; beyond that
#: the rest follow by id. Both keep the SQL within SQLite's limit on parameters.
MAX_MATCHES = MAX_TEXT_HITS
MAX_RANKED = 500


def matching_page_ids(
    parsed: ParsedQuery, request: HttpRequest | None, scope: QuerySet | None = None
) -> list[int]:
    """Ids of the pages ``parsed`` matches: documents in /search/'s relevance order, then other pages.

    ``scope`` is the pages to look in (the admin: what its user may explore, drafts too); without it, the
    live pages ``request``'s visitor may see.
    """
    ranked = ranked_matches(parsed, request, scope)[:MAX_MATCHES]
    if parsed.excluded or any(not atom.is_textual for atom in parsed.atoms) or not parsed.groups:
        return ranked
    pages = Page.objects.live() if scope is None else Page.objects.filter(pk__in=scope.values("pk"))
    others = pages.not_type(*[t.model for t in searchable_types()]).only("id")
    seen = set(ranked)
    found = others.search(text_query(parsed.groups), order_by_relevance=True)[: MAX_MATCHES - len(ranked)]
    return ranked + [page.pk for page in found if page.pk not in seen]


def in_this_order(queryset: QuerySet, ids: list[int]) -> QuerySet:
    """``queryset`` limited to ``ids`` and listed in their order."""
    if not ids:  # (a CASE without a WHEN is a constant, which PostgreSQL would read as «ORDER BY 1»)
        return queryset.none()
    rank = Case(
        *(When(pk=pk, then=Value(i)) for i, pk in enumerate(ids[:MAX_RANKED])),
        default=Value(MAX_RANKED),
        output_field=IntegerField(),
    )
    return queryset.filter(pk__in=ids).order_by(rank, "pk")
