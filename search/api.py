"""``/api/search/``: the search page's results, filters and facet counts as JSON, for agencies' systems.

Same parameters and meaning as the page (see ``search/README.md``); bad input answers 400 with Persian
messages per parameter and searches nothing.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from jalali.calendar import format_jalali
from search.params import SearchParams, read_params
from search.query import AtomKind
from search.registry import Document
from search.results import Hit, Outcome, run_search


def _json(data: dict[str, Any], status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _date(value) -> dict[str, str | None]:
    return {"iso": value.isoformat() if value else None, "jalali": format_jalali(value) if value else None}


def _page_link(request: HttpRequest, number: int | None) -> str | None:
    if number is None:
        return None
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(request.path + "?" + query.urlencode())


def _interpreted(params: SearchParams) -> dict[str, Any]:
    parsed = params.parsed
    atoms = [a for group in parsed.groups for a in group]

    def texts(kind: AtomKind) -> list[str]:
        return [a.text for a in atoms if a.kind == kind]

    return {
        "q": params.q,
        "words": texts(AtomKind.WORD),
        "phrases": texts(AtomKind.PHRASE),
        "numbers": [{"written": a.written.strip(), "key": a.key} for a in parsed.numbers],
        "dates": [_date(a.day) for a in parsed.dates],
        "excluded": [a.text or a.written for a in parsed.excluded],
        "alternatives": [[a.text or a.written for a in g] for g in parsed.groups if len(g) > 1],
    }


def _result(hit: Hit, request: HttpRequest) -> dict[str, Any]:
    document: Document = hit.document
    successor = document.successor
    date = _date(document.date)
    return {
        "id": document.pk,
        "title": document.title,
        "title_html": str(hit.title_html),
        "url": request.build_absolute_uri(hit.url) if hit.url else None,
        "type": document.kind,
        "type_label": document.kind_label,
        "number": document.number,
        "date": date["iso"],
        "date_jalali": date["jalali"],
        "authority": (
            {"id": document.authority_id, "name": document.authority_name}
            if document.authority_name
            else None
        ),
        "status": str(document.status),
        "status_label": document.status_label,
        "status_note": document.status_note,
        "superseded_by": (
            {
                "id": successor.pk,
                "title": successor.title,
                "url": request.build_absolute_uri(hit.successor_url),
            }
            if successor is not None and hit.successor_url
            else None
        ),
        "excerpt_html": str(hit.excerpt_html),
        "found_in_attachment": (
            {"name": hit.attachment_name, "excerpt_html": str(hit.attachment_html)}
            if hit.attachment_html
            else None
        ),
        "subjects": [{"slug": slug, "name": name} for slug, name in hit.subjects],
    }


def serialise(outcome: Outcome, request: HttpRequest) -> dict[str, Any]:
    params = outcome.params
    page = outcome.page
    return {
        "query": _interpreted(params),
        "filters": {
            "type": params.kinds,
            "subject": params.subjects,
            "authority": params.authority,
            "year": params.year,
            "status": params.status,
            "from": _date(params.date_from),
            "to": _date(params.date_to),
            "in_force_on": _date(params.in_force_on),
        },
        # The day each result's status is given for: in_force_on, else to, else today (null).
        "status_as_of": _date(params.status_day),
        "sort": outcome.sort,
        "count": outcome.total,
        "page": page.number,
        "num_pages": page.paginator.num_pages,
        "page_size": params.page_size,
        "next": _page_link(request, page.next_page_number() if page.has_next() else None),
        "previous": _page_link(request, page.previous_page_number() if page.has_previous() else None),
        "truncated": outcome.truncated,
        "results": [_result(hit, request) for hit in outcome.hits],
        "facets": {
            name: [{"key": v.key, "label": v.label, "count": v.count, "selected": v.selected} for v in values]
            for name, values in outcome.facets.items()
        },
    }


@require_safe
def search_api(request: HttpRequest) -> JsonResponse:
    params = read_params(request.GET, api=True)
    if params.errors:
        return _json(
            {
                "detail": " ".join(e.message for e in params.errors),
                "errors": [{"parameter": e.field, "message": e.message} for e in params.errors],
            },
            status=400,
        )
    return _json(serialise(run_search(params, request), request))
