"""Public pages of the indicator bank (seed 004: «بانک شاخص‌های عملکردی»): the bank, and each indicator
with its changes over the years (its history versions) and the cycles that used it."""

from __future__ import annotations

from django.http import Http404
from django.template.response import TemplateResponse

from records.evaluation.models import CycleIndicator, Indicator


def indicator_bank(request, index_page):
    indicators = Indicator.objects.filter(active=True).select_related("owner").order_by("kind", "code")
    return TemplateResponse(
        request,
        "evaluation/indicator_bank.html",
        {"page": index_page, "self": index_page, "indicators": indicators},
    )


def indicator_detail(request, index_page, indicator_id: int):
    indicator = Indicator.objects.filter(pk=indicator_id).select_related("owner").first()
    if indicator is None:
        raise Http404("شاخص یافت نشد")
    issues = (
        CycleIndicator.objects.filter(indicator=indicator, cycle__live=True)
        .select_related("cycle")
        .order_by("-cycle__year")
    )
    history = list(indicator.history.all().order_by("history_date"))
    changes = []
    previous = None
    for version in history:
        if previous is None:
            changes.append({"version": version, "fields": ["ایجاد در بانک"]})
        else:
            delta = (
                version.diff_against(previous, excluded_fields=["history_user"])
                if hasattr(version, "diff_against")
                else None
            )
            names = (
                [str(Indicator._meta.get_field(c.field).verbose_name) for c in delta.changes] if delta else []
            )
            if names:
                changes.append({"version": version, "fields": names})
        previous = version
    return TemplateResponse(
        request,
        "evaluation/indicator_detail.html",
        {
            "page": index_page,
            "self": index_page,
            "indicator": indicator,
            "checklist": [
                {**item, "kind_label": label} for item, label in _labelled(indicator.checklist.all())
            ],
            "issues": issues,
            "changes": changes,
        },
    )


def _labelled(questions):
    for question in questions:
        yield {"kind": question.kind, "question": question.question}, question.get_kind_display()
