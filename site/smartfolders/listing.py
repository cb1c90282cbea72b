"""The collection page's list: run the saved search (narrowed by the visitor) and lay out its facets as links.

Facets come from ``search.results`` as they are on /search/; here each value also says whether the collection
fixes it (shown, not removable), the visitor chose it (removable) or it may be chosen to narrow further.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, QueryDict
from django.template.response import TemplateResponse

from search.params import SORTS
from search.results import FacetValue, Outcome, run_search

from .filters import Narrowed, narrow

if TYPE_CHECKING:
    from .models import SavedSearchPage

#: Used when the search page does not name a facet (one added there later is titled by its own table).
DEFAULT_FACET_TITLES = {
    "type": "نوع سند",
    "authority": "مرجع صدور",
    "year": "سال",
    "status": "وضعیت",
    "subject": "موضوع",
}


def facet_titles() -> dict[str, str]:
    from search import views

    return {**DEFAULT_FACET_TITLES, **getattr(views, "FACET_TITLES", {})}


@dataclass(frozen=True)
class FacetLink:
    value: FacetValue
    url: str  # choose this value, or (when ``removable``) drop the visitor's choice
    fixed: bool  # the collection itself keeps only this value
    removable: bool


@dataclass(frozen=True)
class FacetGroup:
    name: str
    title: str
    links: list[FacetLink]


def _address(base: str, query: QueryDict) -> str:
    text = query.urlencode()
    return f"{base}?{text}" if text else base


def _with(request: HttpRequest, base: str, name: str, value: str | None) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    if value is None:
        query.pop(name, None)
    else:
        query.setlist(name, [value])
    return _address(base, query)


def facet_groups(outcome: Outcome, narrowed: Narrowed, request: HttpRequest, base: str) -> list[FacetGroup]:
    titles = facet_titles()
    groups: list[FacetGroup] = []
    for name, values in outcome.facets.items():
        fixed = narrowed.fixed.get(name, set())
        chosen = name in narrowed.chosen
        links: list[FacetLink] = []
        for value in values:
            if fixed and value.key not in fixed:
                continue  # outside the collection: choosing it would widen the collection, not narrow it
            pinned = not chosen and value.key in fixed and len(fixed) == 1
            removable = chosen and value.selected
            url = _with(request, base, name, None if removable else value.key)
            links.append(FacetLink(value, url, fixed=pinned, removable=removable))
        if links:
            groups.append(FacetGroup(name, titles.get(name, name), links))
    return groups


def serve_listing(request: HttpRequest, page: SavedSearchPage) -> TemplateResponse:
    """The collection page itself (its route ``""``)."""
    context = page.get_context(request)
    context.update(listing_context(page, request))
    return TemplateResponse(request, page.get_template(request), context)


def listing_context(page: SavedSearchPage, request: HttpRequest) -> dict[str, Any]:
    """What the collection page shows: results, facets, pagination, or the reason nothing was searched."""
    narrowed = narrow(page, request.GET, page.per_page)
    base = page.get_url(request) or page.url or "/"
    context: dict[str, Any] = {
        "narrowed": narrowed,
        "params": narrowed.params,
        "saved_errors": narrowed.saved_errors,
        "errors": [] if narrowed.saved_errors else narrowed.params.errors,
        "outcome": None,
        "facet_groups": [],
        "elided_pages": [],
        "sorts": list(SORTS.items()),
        "collection_url": base,
        "export_query": _export_query(request),
        "search_query": page.search_query_string(),
        "summary": saved_summary(page),
    }
    if narrowed.saved_errors or narrowed.params.errors:
        return context  # bad input is shown with its message and nothing is searched, as on /search/
    outcome = run_search(narrowed.params, request)
    context.update(
        {
            "outcome": outcome,
            "facet_groups": facet_groups(outcome, narrowed, request, base),
            "elided_pages": list(
                outcome.page.paginator.get_elided_page_range(outcome.page.number, on_each_side=2, on_ends=1)
            ),
        }
    )
    return context


def _export_query(request: HttpRequest) -> str:
    """The visitor's narrowing, carried to the feed-less exports (the page number is not)."""
    query = request.GET.copy()
    query.pop("page", None)
    text = query.urlencode()
    return f"?{text}" if text else ""


def saved_summary(page: SavedSearchPage) -> list[tuple[str, str]]:
    """The collection's own filters in words, for readers: («نوع سند», «بخشنامه»), («سال», «۱۳۹۸») …"""
    from urllib.parse import parse_qsl

    from jalali.calendar import format_jalali
    from jalali.digits import to_persian_digits
    from search.registry import STATUS_LABELS, kind_labels

    lines: list[tuple[str, str]] = []
    if page.query.strip():
        lines.append(("عبارت", page.query.strip()))
    if page.kinds:
        labels = kind_labels()
        lines.append(("نوع سند", "، ".join(labels.get(kind, kind) for kind in page.kinds)))
    if page.authority_id:
        lines.append(("مرجع صدور", page.authority.name))
    if page.year:
        lines.append(("سال", to_persian_digits(page.year)))
    if page.status:
        lines.append(("وضعیت", STATUS_LABELS.get(page.status, page.status)))
    if page.date_from or page.date_to:
        span = " ".join(
            part
            for part in (
                f"از {format_jalali(page.date_from)}" if page.date_from else "",
                f"تا {format_jalali(page.date_to)}" if page.date_to else "",
            )
            if part
        )
        lines.append(("تاریخ", span))
    if page.in_force_on:
        lines.append(("معتبر در تاریخ", format_jalali(page.in_force_on)))
    titles = facet_titles()
    for name, value in parse_qsl(page.other_filters.strip().lstrip("?")):
        lines.append((titles.get(name, name), to_persian_digits(value)))
    return lines
