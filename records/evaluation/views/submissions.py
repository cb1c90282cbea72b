"""An agency's submission: its indicators, answers and evidence, the evaluators' scores, and the
steps «ثبت نهایی», «اعلام نتایج اولیه» and the agency's acceptance."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from procedures.rules import ControlRuleViolation
from records.evaluation import access, queries, services
from records.evaluation.choices import PhaseKind, Progress
from records.evaluation.forms import AnswerForm, ReviewForm
from records.evaluation.models import Answer, CycleExtension, Objection, Review
from records.evaluation.views.boundary import (
    get_agency,
    get_cycle,
    get_evidence,
    get_indicator,
    refused,
    submission_url,
)


def submission(request, cycle_id: int, agency_id: int):
    cycle = get_cycle(request, cycle_id)
    agency = get_agency(request, cycle, agency_id)
    today = timezone.localdate()
    sub = queries.submission_for(cycle, agency, create=False)
    own = access.is_own_agency(request.user, agency.pk)
    staff = access.is_staff_reader(request.user)
    show_reviews = staff or bool(sub and sub.released_at) or cycle.is_final
    answers = {a.indicator_id: a for a in Answer.objects.filter(submission=sub)} if sub else {}
    reviews = {r.indicator_id: r for r in Review.objects.filter(submission=sub)} if sub else {}
    objections = {o.indicator_id: o for o in Objection.objects.filter(submission=sub)} if sub else {}
    rows = []
    for indicator in queries.applicable_indicators(cycle, agency.pk):
        answer = answers.get(indicator.pk)
        rows.append(
            {
                "indicator": indicator,
                "answer": answer,
                "files": list(answer.current_files()) if answer else [],
                "review": reviews.get(indicator.pk) if show_reviews else None,
                "objection": objections.get(indicator.pk),
                "url": reverse("evaluation_indicator", args=[cycle.pk, agency.pk, indicator.pk]),
            }
        )
    window = queries.assessment_window(cycle, agency.pk)
    objection_window = cycle.window(PhaseKind.OBJECTIONS, agency.pk)
    extensions = cycle.extensions_for(PhaseKind.SELF_ASSESSMENT, agency.pk).select_related("letter")
    all_extensions = (
        CycleExtension.objects.filter(cycle=cycle)
        .filter(Q(agency__isnull=True) | Q(agency=agency))
        .order_by("granted_at", "pk")
    )
    context = {
        "cycle": cycle,
        "agency": agency,
        "submission": sub,
        "rows": rows,
        "own": own,
        "staff": staff,
        "evaluator": access.is_evaluator(request.user),
        "window": window,
        "open": bool(window and window[0] <= today <= window[1] and not (sub and sub.finalised_at))
        and not cycle.is_final,
        "closed": bool(sub and queries.assessment_closed(sub, today)) or bool(window and today > window[1]),
        "objection_window": objection_window,
        "objection_open": bool(objection_window and objection_window[0] <= today <= objection_window[1]),
        "extensions": extensions,
        "all_extensions": all_extensions,
        "progress": Progress(queries.progress(cycle, agency, today)).label,
        "today": today,
        "final": cycle.is_final,
    }
    return TemplateResponse(request, "evaluation/admin/submission.html", context)


def indicator(request, cycle_id: int, agency_id: int, indicator_id: int):
    """One indicator: the agency answers and uploads evidence; an evaluator scores it."""
    cycle = get_cycle(request, cycle_id)
    agency = get_agency(request, cycle, agency_id)
    item = get_indicator(cycle, agency, indicator_id)
    sub = queries.submission_for(cycle, agency, create=False)
    answer = Answer.objects.filter(submission=sub, indicator=item).first() if sub else None
    review = Review.objects.filter(submission=sub, indicator=item).first() if sub else None
    own = access.is_own_agency(request.user, agency.pk)
    evaluator = access.is_evaluator(request.user)
    answer_form = review_form = None
    if own:
        initial = {"self_score": answer.self_score, "narrative": answer.narrative} if answer else None
        answer_form = AnswerForm(request.POST or None, request.FILES or None, initial=initial)
    elif evaluator:
        initial = {"score": review.score, "comment": review.comment} if review else None
        review_form = ReviewForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not (own or evaluator):
            raise PermissionDenied("شما در این دوره اجازه ثبت ندارید.")
        form = answer_form if own else review_form
        if form.is_valid():
            try:
                if own:
                    saved = services.save_answer(
                        cycle,
                        agency,
                        item,
                        by=request.user,
                        self_score=form.cleaned_data["self_score"],
                        narrative=form.cleaned_data["narrative"],
                    )
                    upload = form.cleaned_data.get("evidence")
                    if upload is not None:
                        services.attach_evidence(saved, by=request.user, name=upload.name, data=upload.read())
                    messages.success(request, "پاسخ شاخص ثبت شد.")
                else:
                    services.score_indicator(
                        sub or queries.submission_for(cycle, agency),
                        item,
                        by=request.user,
                        score=form.cleaned_data["score"],
                        comment=form.cleaned_data["comment"],
                    )
                    messages.success(request, "امتیاز ثبت شد.")
            except ControlRuleViolation as exc:
                form.add_error(None, exc.message)
            else:
                return redirect("evaluation_indicator", cycle.pk, agency.pk, item.pk)
    show_review = access.is_staff_reader(request.user) or bool(sub and sub.released_at) or cycle.is_final
    context = {
        "cycle": cycle,
        "agency": agency,
        "item": item,
        "answer": answer,
        "files": list(answer.evidence.select_related("record").all()) if answer else [],
        "review": review if show_review else None,
        "review_history": list(review.history.all().order_by("history_date"))
        if (review and show_review)
        else [],
        "answer_form": answer_form,
        "review_form": review_form,
        "own": own,
        "objection": Objection.objects.filter(submission=sub, indicator=item).first() if sub else None,
    }
    return TemplateResponse(request, "evaluation/admin/indicator.html", context)


@require_POST
def withdraw_evidence(request, evidence_id: int):
    item = get_evidence(request, evidence_id)
    submission = item.answer.submission
    try:
        services.withdraw_evidence(item, by=request.user)
    except ControlRuleViolation as exc:
        refused(request, exc)
    else:
        messages.success(request, "مستند از پاسخ کنار گذاشته شد؛ سابقه آن می‌ماند.")
    return redirect(
        "evaluation_indicator", submission.cycle_id, submission.agency_id, item.answer.indicator_id
    )


def _post_action(request, cycle_id: int, agency_id: int, action, success: str):
    cycle = get_cycle(request, cycle_id)
    agency = get_agency(request, cycle, agency_id)
    try:
        action(queries.submission_for(cycle, agency), by=request.user)
    except ControlRuleViolation as exc:
        refused(request, exc)
    else:
        messages.success(request, success)
    return HttpResponseRedirect(submission_url(cycle, agency))


@require_POST
def finalise(request, cycle_id: int, agency_id: int):
    return _post_action(
        request, cycle_id, agency_id, services.finalise_submission, "خودارزیابی ثبت نهایی شد."
    )


@require_POST
def release(request, cycle_id: int, agency_id: int):
    return _post_action(
        request, cycle_id, agency_id, services.release_results, "نتایج اولیه به دستگاه اعلام شد."
    )


@require_POST
def accept(request, cycle_id: int, agency_id: int):
    return _post_action(request, cycle_id, agency_id, services.accept_results, "پذیرش نتایج اولیه ثبت شد.")
