"""A collection's saved filters as the /search/ page's parameters, and a visitor's narrowing on top of them.

The collection never searches by itself: its fields become the same query string /search/ reads, go
through the same parser (``search.params.read_params``) and the same search (``search.results.run_search``).
So a filter the search page gains (a facet such as ``subject``) works in collections without a change here:
the fields this app knows are edited one by one, anything else is kept as a query string
(``other_filters``) and validated by the same parser.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import parse_qsl

from django.http import QueryDict

from jalali.calendar import format_jalali
from jalali.digits import to_ascii_digits
from search.params import ParamError, SearchParams, read_params
from search.results import FACETS

#: /search/ parameters a collection edits as fields of its own, and the field each one is kept in.
FIELD_OF_PARAM: dict[str, str] = {
    "q": "query",
    "type": "kinds",
    "authority": "authority",
    "year": "year",
    "status": "status",
    "from": "date_from",
    "to": "date_to",
    "in_force_on": "in_force_on",
    "sort": "sort",
}
#: Parameters that say which page of results, never saved in a collection.
PAGING_PARAMS = ("page", "page_size")
OTHER_FIELD = "other_filters"


def extra_params() -> list[str]:
    """Filters the search offers beyond the ones edited as fields (e.g. ``subject``), kept in ``other_filters``.

    Read at call time, so a facet added to ``search.results.FACETS`` is accepted without a change here.
    """
    return [name for name in FACETS if name not in FIELD_OF_PARAM]


def narrowing_params() -> list[str]:
    """What a visitor may add to a collection's address: the facets, a query within it, a day the documents
    were in force on (unless the collection fixes one), the order, the page."""
    return [*FACETS, "q", "in_force_on", "sort", "page"]


class SavedFilters(Protocol):
    """What a collection page keeps (``SavedSearchPage``'s fields)."""

    query: str
    kinds: list[str]
    authority_id: int | None
    year: int | None
    status: str
    date_from: dt.date | None
    date_to: dt.date | None
    in_force_on: dt.date | None
    sort: str
    other_filters: str


def _key(value: str) -> str:
    """A parameter value compared as the parser reads it: «۱۳۹۸» is 1398."""
    return to_ascii_digits(str(value).strip())


def saved_query(saved: SavedFilters) -> QueryDict:
    """The collection's filters as the query string /search/ would be given for them."""
    data = QueryDict(mutable=True)
    if saved.query.strip():
        data["q"] = saved.query.strip()
    for kind in saved.kinds or []:
        data.appendlist("type", kind)
    if saved.authority_id:
        data["authority"] = str(saved.authority_id)
    if saved.year:
        data["year"] = str(saved.year)
    if saved.status:
        data["status"] = saved.status
    if saved.date_from:
        data["from"] = format_jalali(saved.date_from, "ascii")
    if saved.date_to:
        data["to"] = format_jalali(saved.date_to, "ascii")
    if saved.in_force_on:
        data["in_force_on"] = format_jalali(saved.in_force_on, "ascii")
    if saved.sort:
        data["sort"] = saved.sort
    for name, value in parse_qsl(saved.other_filters.strip().lstrip("?"), keep_blank_values=False):
        data.appendlist(name, value)
    return data


def other_filter_errors(text: str) -> list[str]:
    """Persian messages for the «other filters» query string: only filters the search knows, and none that
    has a field of its own (so the same filter is never saved twice, possibly contradicting itself)."""
    errors: list[str] = []
    pairs = parse_qsl(text.strip().lstrip("?"), keep_blank_values=True)
    if text.strip() and not pairs:
        errors.append(
            "پالایه‌های دیگر را به شکل «نام=مقدار» بنویسید و با «&» از هم جدا کنید، مانند subject=ارزیابی-عملکرد."
        )
    allowed = extra_params()
    for name, value in pairs:
        if name in FIELD_OF_PARAM:
            errors.append(f"«{name}» فیلد جداگانه‌ای در همین فرم دارد؛ آن را همان‌جا پر کنید.")
        elif name in PAGING_PARAMS:
            errors.append(f"«{name}» شمارهٔ صفحه است و در مجموعه ذخیره نمی‌شود؛ آن را بردارید.")
        elif name not in allowed:
            known = "، ".join(allowed) if allowed else "فعلاً پالایهٔ دیگری وجود ندارد"
            errors.append(f"پالایهٔ «{name}» در جست‌وجو شناخته نیست ({known}).")
        elif not value.strip():
            errors.append(f"مقدار پالایهٔ «{name}» خالی است.")
    return list(dict.fromkeys(errors))


def field_errors(saved: SavedFilters) -> dict[str, list[str]]:
    """The saved filters checked by the search's own parser: Persian messages keyed by the page's fields."""
    errors: dict[str, list[str]] = {}
    for message in other_filter_errors(saved.other_filters or ""):
        errors.setdefault(OTHER_FIELD, []).append(message)
    if errors:
        return errors  # the query string itself is wrong: reading it would only repeat that
    for error in read_params(saved_query(saved)).errors:
        errors.setdefault(FIELD_OF_PARAM.get(error.field, OTHER_FIELD), []).append(error.message)
    return errors


@dataclass
class Narrowed:
    """The saved filters with a visitor's choices on top, read by the search's parser."""

    params: SearchParams
    #: Per facet, the values the collection itself fixes (ASCII keys); the visitor narrows within them.
    fixed: dict[str, set[str]]
    #: Per facet, the values the visitor chose that took effect.
    chosen: dict[str, list[str]]
    visitor_q: str = ""
    saved_errors: list[ParamError] = field(default_factory=list)


#: Where ``SearchParams`` keeps what a facet parameter was read as, when the attribute is not named after it.
_PARAM_ATTRIBUTES = {"type": "kinds", "subject": "subjects"}


def selected_keys(params: SearchParams, name: str) -> set[str]:
    """The facet keys ``params`` chose for facet ``name``, as the parser read them (a subject typed by its
    name becomes its slug, «۱۳۹۸» becomes 1398), so they compare with the facet's own keys."""
    attribute = _PARAM_ATTRIBUTES.get(name, name)
    value = getattr(params, attribute, None)
    if value is None:
        value = getattr(params, f"{attribute}s", None)  # a facet added later, kept as a list
    if isinstance(value, list | tuple | set | frozenset):
        return {str(v) for v in value}
    return {str(value)} if value else set()


def _chosen_values(name: str, values: Iterable[str], fixed: set[str]) -> list[str]:
    values = [v.strip() for v in values if v.strip()]
    if not fixed:
        return values
    # Within the collection only: a value outside what it fixes would widen it, so it is not taken.
    return [v for v in values if _key(v) in fixed]


def narrow(saved: SavedFilters, visitor: QueryDict, page_size: int) -> Narrowed:
    """The search a visitor of the collection asks for: its saved filters, narrowed by ``visitor``'s facets,
    a query within the collection, the order and the page."""
    saved_data = saved_query(saved)
    saved_params = read_params(saved_data)
    fixed = {name: selected_keys(saved_params, name) for name in FACETS}
    if saved_params.errors:
        return Narrowed(saved_params, fixed, {}, saved_errors=saved_params.errors)

    data = saved_data.copy()
    chosen: dict[str, list[str]] = {}
    for name in FACETS:
        values = _chosen_values(name, visitor.getlist(name), fixed[name])
        if values:
            data.setlist(name, values)
            chosen[name] = values
    visitor_q = visitor.get("q", "").strip()
    if visitor_q:
        # Both must hold: the saved query's groups, then the visitor's (implicit AND).
        data["q"] = f"{saved_data.get('q', '')} {visitor_q}".strip()
    for name in ("sort", "page"):
        if visitor.get(name, "").strip():
            data[name] = visitor[name]
    if not saved.in_force_on and visitor.get("in_force_on", "").strip():
        data["in_force_on"] = visitor["in_force_on"]  # «which of these were in force on D»; a saved day stays
    params = read_params(data)
    params.page_size = page_size
    return Narrowed(params, fixed, chosen, visitor_q=visitor_q)


def prefill_from_query(data: QueryDict) -> tuple[dict[str, object], list[ParamError]]:
    """A /search/ query string as a collection's field values, checked by the search's parser first.

    Page numbers are dropped (a collection is all of its results); filters without a field of their own
    go to ``other_filters``.
    """
    params = read_params(data)
    if params.errors:
        return {}, params.errors
    other = QueryDict(mutable=True)
    for name in extra_params():
        for value in data.getlist(name):
            if value.strip():
                other.appendlist(name, value.strip())
    values: dict[str, object] = {
        "query": params.q.strip(),
        "kinds": list(params.kinds),
        "authority_id": params.authority,
        "year": params.year,
        "status": params.status or "",
        "date_from": params.date_from,
        "date_to": params.date_to,
        "in_force_on": params.in_force_on,
        "sort": params.sort,
        OTHER_FIELD: other.urlencode(),
    }
    return values, []
