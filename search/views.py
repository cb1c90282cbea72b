"""The public search page, ``/search/``."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from search.params import SORTS, cleaned, read_params
from search.registry import STATUS_LABELS, authority_choices, kind_labels
from search.results import FacetValue, run_search
from subjects.names import subject_key

FACET_TITLES = {
    "type": "نوع سند",
    "subject": "موضوع",
    "authority": "مرجع صدور",
    "year": "سال",
    "status": "وضعیت",
}


@dataclass(frozen=True)
class ToggleValue:
    """A value of a many-valued facet (subjects) with the address that adds or removes it."""

    key: str
    label: str
    count: int
    selected: bool
    href: str


def _toggled(request: HttpRequest, name: str, values: list[FacetValue]) -> list[ToggleValue]:
    """Each value's link keeps every other filter and the other chosen values of this facet."""
    chosen = [v for v in request.GET.getlist(name) if v.strip()]
    toggles = []
    for value in values:
        query = request.GET.copy()
        query.pop("page", None)
        # The chosen values as written, minus this one in any of its spellings (slug or name).
        kept = [v for v in chosen if v != value.key and subject_key(v) != subject_key(value.label)]
        query.setlist(name, kept if value.selected else [*kept, value.key])
        toggles.append(
            ToggleValue(value.key, value.label, value.count, value.selected, "?" + query.urlencode())
        )
    return toggles


@require_safe
def search_page(request: HttpRequest) -> TemplateResponse:
    params = read_params(request.GET)
    # Bad input is shown back with its message and nothing is searched; an empty form searches nothing.
    outcome = None if params.errors or params.is_empty else run_search(params, request)
    facet_groups, elided_pages = [], []
    if outcome is not None:
        facet_groups = [
            (
                name,
                title,
                _toggled(request, name, outcome.facets[name]) if name == "subject" else outcome.facets[name],
            )
            for name, title in FACET_TITLES.items()
        ]
        elided_pages = list(
            outcome.page.paginator.get_elided_page_range(outcome.page.number, on_each_side=2, on_ends=1)
        )
    shown = cleaned(request.GET)  # the form shows back what was typed, less control characters
    context = {
        "params": params,
        "outcome": outcome,
        "errors": params.errors,
        "form": {
            key: shown.get(key, "")
            for key in ("q", "type", "authority", "year", "status", "from", "to", "in_force_on", "sort")
        },
        "subjects": params.subjects,
        "kinds": list(kind_labels().items()),
        "authorities": [(str(pk), name) for pk, name in authority_choices()],
        "statuses": list(STATUS_LABELS.items()),
        "sorts": list(SORTS.items()),
        "facet_groups": facet_groups,
        "elided_pages": elided_pages,
    }
    return TemplateResponse(request, "search/search_page.html", context)
