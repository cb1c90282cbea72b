"""Final results (levelling and ranking, provisional until approved; propose / approve / return) and
the printable scorecard of an agency."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from procedures.rules import ControlRuleViolation
from records.evaluation import access, queries, rules, scorecard, services
from records.evaluation.forms import ApproveForm, ProposeForm, ReturnForm
from records.evaluation.models import FinalApproval, FinalResult
from records.evaluation.views.boundary import get_agency, get_cycle, refused, staff_only


def final(request, cycle_id: int):
    """Levelling and ranking (provisional until approved), and the propose / approve / return actions."""
    staff_only(request)
    cycle = get_cycle(request, cycle_id)
    today = timezone.localdate()
    pending = FinalApproval.objects.filter(cycle=cycle, status="proposed").first()
    propose_form = approve_form = return_form = None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "propose" and access.is_evaluator(request.user):
                propose_form = ProposeForm(request.POST)
                if propose_form.is_valid():
                    services.propose_final_results(
                        cycle, by=request.user, note=propose_form.cleaned_data["note"]
                    )
                    messages.success(request, "نتایج نهایی برای تصویب پیشنهاد شد.")
                    return redirect("evaluation_final", cycle.pk)
            elif action == "approve" and pending and access.is_approver(request.user):
                approve_form = ApproveForm(request.POST)
                if approve_form.is_valid():
                    services.approve_final_results(
                        pending,
                        by=request.user,
                        council_reference=approve_form.cleaned_data["council_reference"],
                        council_date=approve_form.cleaned_data["council_date"],
                    )
                    messages.success(request, "نتایج نهایی تصویب شد؛ از این پس تغییرناپذیر است.")
                    return redirect("evaluation_final", cycle.pk)
            elif action == "return" and pending and access.is_approver(request.user):
                return_form = ReturnForm(request.POST)
                if return_form.is_valid():
                    services.return_final_results(
                        pending, by=request.user, reason=return_form.cleaned_data["reason"]
                    )
                    messages.success(request, "پیشنهاد برای اصلاح بازگشت.")
                    return redirect("evaluation_final", cycle.pk)
            else:
                raise PermissionDenied("این اقدام برای شما مجاز نیست.")
        except ControlRuleViolation as exc:
            refused(request, exc)
    final_results = list(
        FinalResult.objects.filter(cycle=cycle).select_related("agency").order_by("rank", "agency__code")
    )
    if final_results:
        standings = [
            {
                "agency": r.agency,
                "total": r.total,
                "maximum": r.maximum,
                "percent": r.percent,
                "tier": r.tier,
                "rank": r.rank,
            }
            for r in final_results
        ]
    else:
        agencies = {a.pk: a for a in cycle.agencies.all()}
        standings = [
            {
                "agency": agencies[s.agency_id],
                "total": s.total,
                "maximum": s.maximum,
                "percent": s.percent,
                "tier": s.tier,
                "rank": s.rank,
            }
            for s in rules.standings(queries.totals(cycle))
        ]
    for row in standings:
        row["scorecard"] = reverse("evaluation_scorecard", args=[cycle.pk, row["agency"].pk])
    context = {
        "cycle": cycle,
        "standings": standings,
        "final": bool(final_results),
        "pending": pending,
        "approvals": FinalApproval.objects.filter(cycle=cycle)
        .select_related("proposed_by", "decided_by")
        .order_by("-proposed_at"),
        "problems": queries.final_problems(cycle, today) if not final_results else [],
        "propose_form": propose_form
        or (
            ProposeForm() if access.is_evaluator(request.user) and not pending and not final_results else None
        ),
        "approve_form": approve_form
        or (ApproveForm() if access.is_approver(request.user) and pending else None),
        "return_form": return_form
        or (ReturnForm() if access.is_approver(request.user) and pending else None),
        "tiers": rules.TIERS,
    }
    return TemplateResponse(request, "evaluation/admin/final.html", context)


def scorecard_view(request, cycle_id: int, agency_id: int):
    """The printable scorecard. An agency sees its own once its initial results are released."""
    cycle = get_cycle(request, cycle_id)
    agency = get_agency(request, cycle, agency_id)
    card = scorecard.build(cycle, agency)
    if not access.is_staff_reader(request.user) and not card.released:
        raise PermissionDenied("کارنامه پس از اعلام نتایج اولیه در دسترس است.")
    return TemplateResponse(
        request, "evaluation/admin/scorecard.html", {"card": card, "cycle": cycle, "agency": agency}
    )
