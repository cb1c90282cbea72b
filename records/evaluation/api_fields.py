"""What an evaluation cycle and the evaluation index carry in API v2 detail (issue 13 §5): the same as
their public pages — governing procedure and revision, circulars, indicators, final results, and the
indicator bank (seed 004). An agency's own extensions and scores stay out, as on the page."""

from __future__ import annotations

from wagtail.api import APIField

from sanad.api_fields import Computed, absolute, dates, page_link


def governing_procedure(cycle, request) -> dict | None:
    """The procedure and the revision of it in force the day the cycle opened (pinned, never moved)."""
    if not cycle.procedure_id:
        return None
    procedure = cycle.procedure
    link = page_link(request, procedure)
    pinned = cycle.pinned_revision
    link["pinned_revision"] = (
        {
            "number": pinned.number,
            "code": pinned.code,
            "html_url": absolute(request, f"{procedure.url}revisions/{pinned.number}/")
            if procedure.url
            else "",
        }
        if pinned is not None
        else None
    )
    return link


def circulars(cycle, request) -> list[dict]:
    rows = []
    for item in cycle.circulars.select_related("reference"):
        reference = item.reference
        rows.append(
            {
                "role": item.role,
                "role_label": item.get_role_display(),
                **page_link(request, reference),
                "number": reference.number,
                **dates("date", reference.date),
            }
        )
    return rows


def _indicator(item) -> dict:
    return {
        "code": item.code,
        "title": item.title,
        "kind": item.kind,
        "kind_label": item.get_kind_display(),
        "level": item.level,
        "level_label": item.get_level_display(),
        "monitoring_level": item.monitoring_level,
        "monitoring_level_label": item.get_monitoring_level_display(),
        "max_score": str(item.max_score),
        "evidence_required": item.evidence_required,
        "owner": item.owner.name if item.owner_id else "",
    }


def indicators(cycle, request) -> list[dict]:
    """The indicators issued for this cycle, as issued (a snapshot of the bank)."""
    from records.evaluation.models.issued import CycleIndicator

    found = CycleIndicator.objects.filter(cycle_id=cycle.pk).select_related("owner").order_by("code")
    return [
        {**_indicator(item), "indicator_id": item.indicator_id, "checklist": item.checklist_questions()}
        for item in found
    ]


def final_results(cycle, request) -> list[dict]:
    """Levelling and ranking, once the council's results are final (empty before, as on the page)."""
    from records.evaluation.models.results import FinalResult

    if not cycle.is_final:
        return []
    found = (
        FinalResult.objects.filter(cycle_id=cycle.pk)
        .select_related("agency")
        .order_by("rank", "agency__code")
    )
    return [
        {"rank": r.rank, "agency": r.agency.name, "percent": str(r.percent), "tier": r.tier} for r in found
    ]


def cycle_fields() -> list[APIField]:
    return [
        APIField("intro"),
        APIField("note"),
        APIField("procedure", serializer=Computed(governing_procedure)),
        APIField("circulars", serializer=Computed(circulars)),
        APIField("indicators", serializer=Computed(indicators)),
        APIField("final_results", serializer=Computed(final_results)),
    ]


def indicator_bank(index, request) -> list[dict]:
    """The active indicators of the bank, as its public page lists them."""
    from records.evaluation.models.indicators import Indicator

    found = (
        Indicator.objects.filter(active=True)
        .select_related("owner")
        .prefetch_related("checklist")
        .order_by("kind", "code")
    )
    return [
        {
            "id": item.pk,
            **_indicator(item),
            "description": item.description,
            "checklist": [
                {"kind": q.kind, "kind_label": q.get_kind_display(), "question": q.question}
                for q in item.checklist.all()
            ],
        }
        for item in found
    ]


def index_fields() -> list[APIField]:
    return [APIField("intro"), APIField("indicator_bank", serializer=Computed(indicator_bank))]
