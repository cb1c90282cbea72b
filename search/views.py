"""The public search page, ``/search/``."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from search.params import SORTS, read_params
from search.registry import STATUS_LABELS, authority_choices, kind_labels
from search.results import run_search

FACET_TITLES = {"type": "نوع سند", "authority": "مرجع صدور", "year": "سال", "status": "وضعیت"}


@require_safe
def search_page(request: HttpRequest) -> TemplateResponse:
    params = read_params(request.GET)
    # Bad input is shown back with its message and nothing is searched; an empty form searches nothing.
    outcome = None if params.errors or params.is_empty else run_search(params, request)
    facet_groups, elided_pages = [], []
    if outcome is not None:
        facet_groups = [(name, title, outcome.facets[name]) for name, title in FACET_TITLES.items()]
        elided_pages = list(
            outcome.page.paginator.get_elided_page_range(outcome.page.number, on_each_side=2, on_ends=1)
        )
    context = {
        "params": params,
        "outcome": outcome,
        "errors": params.errors,
        "form": {
            key: request.GET.get(key, "")
            for key in ("q", "type", "authority", "year", "status", "from", "to", "sort")
        },
        "kinds": list(kind_labels().items()),
        "authorities": [(str(pk), name) for pk, name in authority_choices()],
        "statuses": list(STATUS_LABELS.items()),
        "sorts": list(SORTS.items()),
        "facet_groups": facet_groups,
        "elided_pages": elided_pages,
    }
    return TemplateResponse(request, "search/search_page.html", context)
