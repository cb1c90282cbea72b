"""The public comparison of two controlled revisions (issue 13 §4), routed from ``ControlledPageRoutes``.

It is a sub-route of the document's page, so Wagtail's page privacy applies to it as to the page.
Anyone who may read the document may compare any two of its registered revisions.
"""

from __future__ import annotations

from dataclasses import asdict

from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.contrib.routable_page.models import RoutablePageMixin

from jalali.digits import read_integer, to_persian_digits
from procedures.api_fields import revision_facts
from procedures.rules import format_revision_number

# ``ControlledRevision.number`` is a small integer: larger numbers are simply not found.
MAX_REVISION_NUMBER = 32767


def _compare_url(page: RoutablePageMixin, old: int, new: int) -> str:
    return page.url + page.reverse_subpage("revision_compare", args=(old, new))


def admin_compare_url(request, page, old, new) -> str:
    """Wagtail's own comparison (every field, as the editor sees it), for those allowed it:
    editors of the page and auditors (``procedures.admin_compare``)."""
    from django.urls import reverse

    from procedures.admin_compare import may_use_admin_compare

    if not may_use_admin_compare(request.user, page):
        return ""
    return reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, old.revision_id, new.revision_id])


def _wants_json(request) -> bool:
    return request.GET.get("format") == "json"


def _refused(request, page, message: str, *, status: int = 400) -> TemplateResponse:
    if _wants_json(request):
        return JsonResponse({"error": message}, status=status, json_dumps_params={"ensure_ascii": False})
    context = {"page": page, "self": page, "history": list(page.controlled_history), "error": message}
    return TemplateResponse(request, "procedures/revision_compare.html", context, status=status)


def choose(page, request) -> TemplateResponse:
    """The reader's choice of two revisions (``?from=۰۰&to=۰۱``, any digit script), sent to its page."""
    history = list(page.controlled_history)
    numbers = {c.number for c in history}
    if len(history) < 2:
        return _refused(
            request, page, "این سند کمتر از دو بازنگری منتشرشده دارد؛ چیزی برای مقایسه نیست.", status=404
        )
    chosen = []
    for name, label in (("from", "بازنگری نخست"), ("to", "بازنگری دوم")):
        text = request.GET.get(name, "").strip()
        number = read_integer(text, 0, MAX_REVISION_NUMBER)
        if not text:
            return _refused(request, page, f"{label} را انتخاب کنید.")
        if number is None:
            return _refused(request, page, f"«{text[:20]}» شماره بازنگری نیست.")
        if number not in numbers:
            return _refused(
                request, page, f"بازنگری ({format_revision_number(number)}) در این سند نیست.", status=404
            )
        chosen.append(number)
    old, new = sorted(chosen)
    if old == new:
        return _refused(request, page, "برای مقایسه دو بازنگری متفاوت انتخاب کنید.")
    return redirect(_compare_url(page, old, new))


def compare_page(page, request, old_number: int, new_number: int):
    """``…/revisions/compare/<old>/<new>/``: what ``new`` changed against ``old``."""
    from procedures.changes import summary_lines
    from procedures.revision_content import compare_revisions

    if old_number > new_number:
        return redirect(_compare_url(page, new_number, old_number))
    if old_number == new_number:
        return _refused(request, page, "برای مقایسه دو بازنگری متفاوت انتخاب کنید.")
    history = list(page.controlled_history)
    by_number = {c.number: c for c in history}
    missing = [n for n in (old_number, new_number) if n not in by_number]
    if missing:
        listed = "، ".join(f"({to_persian_digits(f'{n:02d}')})" for n in missing)
        return _refused(request, page, f"بازنگری {listed} در این سند نیست.", status=404)
    old, new = by_number[old_number], by_number[new_number]
    comparison = compare_revisions(old, new)
    if _wants_json(request):
        return _as_json(request, page, old, new, comparison, summary_lines(comparison))
    context = {
        "page": page,
        "self": page,
        "history": history,
        "old": old,
        "new": new,
        "comparison": comparison,
        "summary": summary_lines(comparison),
        "admin_compare_url": admin_compare_url(request, page, old, new),
    }
    return TemplateResponse(request, "procedures/revision_compare.html", context)


def _as_json(request, page, old, new, comparison, summary: list[str]) -> JsonResponse:
    """The same comparison for machines (``?format=json``): the summary lines and every change, marked
    ``same`` / ``ins`` / ``del`` in text and ``added`` / ``removed`` / ``changed`` for rows."""
    changes = asdict(comparison)
    for side in ("old", "new"):  # the two revisions' whole content: the page and API v2 carry it already
        changes.pop(side, None)
    body = {
        "document": {"id": page.pk, "title": page.title, "html_url": request.build_absolute_uri(page.url)},
        "old": revision_facts(old),
        "new": revision_facts(new),
        "has_changes": comparison.has_changes,
        "summary": summary,
        **changes,
    }
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


def serve_choice(request, page) -> TemplateResponse:
    """The route ``revisions/compare/`` of ``ControlledPageRoutes``."""
    return choose(page, request)


def serve_compare(request, page, old: int, new: int):
    """The route ``revisions/compare/<old>/<new>/`` of ``ControlledPageRoutes``."""
    return compare_page(page, request, old, new)
