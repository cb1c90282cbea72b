"""The front door (the cycles a user takes part in), the organisation's dashboard of a cycle, and the
cycles each revision of a procedure governed."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from procedures.models import ControlledRevision, ProcedurePage
from records import services as records_services
from records.evaluation import access, charts, queries
from records.evaluation.choices import ObjectionStatus, PhaseKind, Progress
from records.evaluation.models import (
    Answer,
    CycleExtension,
    EvaluationCyclePage,
    EvidenceFile,
    FinalApproval,
    Objection,
    Review,
)
from records.evaluation.views.boundary import gate, get_cycle, staff_only, submission_url
from records.models import Hold


def home(request):
    """The cycles this user takes part in: every cycle for staff, their agency's for an agency user."""
    gate(request)
    today = timezone.localdate()
    cycles = EvaluationCyclePage.objects.filter(pinned_revision__isnull=False).order_by("-year")
    own = access.agency_of(request.user) if access.is_agency_user(request.user) else None
    rows = []
    if own is not None and not access.is_staff_reader(request.user):
        for cycle in cycles.filter(agencies=own):
            window = queries.assessment_window(cycle, own.pk)
            rows.append(
                {
                    "cycle": cycle,
                    "progress": Progress(queries.progress(cycle, own, today)).label,
                    "window": window,
                    "days_left": (window[1] - today).days if window else None,
                    "url": submission_url(cycle, own),
                }
            )
    else:
        for cycle in cycles:
            rows.append({"cycle": cycle, "url": reverse("evaluation_dashboard", args=[cycle.pk])})
    return TemplateResponse(
        request,
        "evaluation/admin/home.html",
        {
            "rows": rows,
            "agency": own,
            "staff": access.is_staff_reader(request.user),
            "evaluator": access.is_evaluator(request.user),
        },
    )


# --- the organisation's dashboard ------------------------------------------------------------------------------


def dashboard(request, cycle_id: int):
    staff_only(request)
    cycle = get_cycle(request, cycle_id)
    today = timezone.localdate()
    rows = []
    counts = {p: 0 for p in Progress}
    for agency in cycle.agencies.all().order_by("code"):
        submission = queries.submission_for(cycle, agency, create=False)
        state = queries.progress(cycle, agency, today)
        counts[state] += 1
        applicable = queries.applicable_indicators(cycle, agency.pk).count()
        answered = Answer.objects.filter(submission=submission).count() if submission else 0
        window = queries.assessment_window(cycle, agency.pk)
        rows.append(
            {
                "agency": agency,
                "state": state,
                "state_label": Progress(state).label,
                "applicable": applicable,
                "answered": answered,
                "evidence": EvidenceFile.objects.filter(
                    answer__submission=submission, withdrawn_at__isnull=True
                ).count()
                if submission
                else 0,
                "deadline": window[1] if window else None,
                "extended": bool(
                    window
                    and cycle.phase(PhaseKind.SELF_ASSESSMENT)
                    and window[1] != cycle.phase(PhaseKind.SELF_ASSESSMENT).ends_on
                ),
                "finalised": submission.finalised_at if submission else None,
                "released": submission.released_at if submission else None,
                "accepted": submission.accepted_at if submission else None,
                "reviewed": Review.objects.filter(submission=submission).count() if submission else 0,
                "open_objections": Objection.objects.filter(
                    submission=submission, status=ObjectionStatus.OPEN
                ).count()
                if submission
                else 0,
                "url": submission_url(cycle, agency),
            }
        )
    phases = []
    for phase in cycle.ordered_phases():
        start, end = cycle.window(phase.kind)
        phases.append(
            {
                "phase": phase,
                "start": start,
                "end": end,
                "extended": end != phase.ends_on,
                "days_left": (end - today).days if start <= today <= end else None,
                "state": "done" if end < today else ("current" if start <= today else "future"),
                "days_to_start": (start - today).days if start > today else None,
            }
        )
    objections = (
        Objection.objects.filter(submission__cycle=cycle, status=ObjectionStatus.OPEN)
        .select_related("submission__agency", "indicator")
        .order_by("filed_at")
    )
    extensions = (
        CycleExtension.objects.filter(cycle=cycle)
        .select_related("agency", "letter", "granted_by")
        .order_by("granted_at", "pk")
    )
    context = {
        "cycle": cycle,
        "rows": rows,
        "phases": phases,
        "objections": objections,
        "extensions": extensions,
        "progress_chart": charts.progress_chart([(p.value, p.label, counts[p]) for p in Progress]),
        "timeline_chart": charts.timeline_chart(
            [charts.PhaseBar(p["phase"].get_kind_display(), p["start"], p["end"]) for p in phases], today
        ),
        "counts": [(p.label, counts[p]) for p in Progress],
        "today": today,
        "evaluator": access.is_evaluator(request.user),
        "approval": FinalApproval.objects.filter(cycle=cycle).order_by("-proposed_at").first(),
        "indicator_count": cycle.indicators.count(),
        "holds": Hold.objects.in_force().filter(cycle=cycle).select_related("placed_by"),
        "can_hold": records_services.may_place_hold(request.user),
    }
    return TemplateResponse(request, "evaluation/admin/dashboard.html", context)


def procedure_cycles(request, page_id: int):
    """From a procedure: each of its controlled revisions and the cycles it governed (pinned on opening)."""
    staff_only(request)
    procedure = get_object_or_404(ProcedurePage, pk=page_id)
    revisions = []
    for revision in ControlledRevision.objects.filter(page_id=procedure.pk).order_by("-number"):
        revisions.append(
            {
                "revision": revision,
                "cycles": list(EvaluationCyclePage.objects.filter(pinned_revision=revision).order_by("year")),
            }
        )
    return TemplateResponse(
        request, "evaluation/admin/procedure_cycles.html", {"procedure": procedure, "revisions": revisions}
    )
