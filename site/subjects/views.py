"""The public subject pages: ``/subjects/`` (every subject with its count) and ``/subjects/<slug>/``."""

from __future__ import annotations

from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from subjects.lookup import entries_for, subject_counts
from subjects.models import SubjectTag
from subjects.names import subject_key

AUTOCOMPLETE_LIMIT = 10


@require_safe
def subject_index(request: HttpRequest) -> TemplateResponse:
    counts = subject_counts(request)
    # Only subjects this visitor can open: a subject used only on private items stays unlisted.
    subjects = [(tag, counts[tag.pk]) for tag in SubjectTag.objects.filter(pk__in=list(counts))]
    subjects.sort(key=lambda item: (-item[1], item[0].name))
    return TemplateResponse(request, "subjects/subject_index.html", {"subjects": subjects})


@require_safe
def subject_detail(request: HttpRequest, slug: str) -> TemplateResponse:
    tag = SubjectTag.objects.filter(slug=slug).first()
    if tag is None:
        # Another spelling of the subject («آيين-نامه», «نظام اداري») leads to its one address.
        tag = SubjectTag.objects.for_typed(slug.replace("-", " ")).first()
        if tag is not None:
            return redirect(tag.get_absolute_url(), permanent=True)
        raise Http404("موضوعی با این نشانی پیدا نشد.")
    entries = entries_for(tag, request)
    if not entries:
        raise Http404("برای این موضوع سندی که شما بتوانید ببینید وجود ندارد.")
    return TemplateResponse(request, "subjects/subject_detail.html", {"subject": tag, "entries": entries})


def autocomplete(request: HttpRequest) -> JsonResponse:
    """Suggestions for Wagtail's tag widget: subjects whose key starts with (or contains) what was typed."""
    key = subject_key(request.GET.get("term", ""))
    if not key:
        return JsonResponse([], safe=False)
    starting = list(
        SubjectTag.objects.filter(key__startswith=key).values_list("name", flat=True)[:AUTOCOMPLETE_LIMIT]
    )
    inside = SubjectTag.objects.filter(key__contains=key).exclude(key__startswith=key)
    starting += list(inside.values_list("name", flat=True)[: AUTOCOMPLETE_LIMIT - len(starting)])
    return JsonResponse(starting, safe=False)
