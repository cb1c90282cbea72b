"""Admin screens of the evaluation cycle (under /admin/evaluation/).

Every view first asks ``records.evaluation.access``: an agency user reaches only their own agency (any
other agency id is a 404, so guessing URLs confirms nothing); evaluators, approvers and auditors read
everything. Writes go through ``records.evaluation.services``; a refused write comes back as a Persian
message on the same screen, never as an error page.
"""

from __future__ import annotations

import mimetypes
from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from procedures.rules import ControlRuleViolation
from records import services as records_services
from records.evaluation import access, charts, scorecard, services
from records.evaluation.choices import ObjectionStatus, PhaseKind, Progress
from records.evaluation.forms import (
    AnswerForm,
    ApproveForm,
    DecideObjectionForm,
    ExtensionForm,
    IssueIndicatorsForm,
    ObjectionForm,
    ProposeForm,
    ReturnForm,
    ReviewForm,
)
from records.evaluation.models import (
    Agency,
    Answer,
    CycleExtension,
    CycleIndicator,
    EvaluationCyclePage,
    EvidenceFile,
    FinalApproval,
    FinalResult,
    Objection,
    ObjectionFile,
    Review,
)
from records.models import Hold

# --- lookups with the agency boundary -------------------------------------------------------------------


def _gate(request) -> None:
    if not access.may_use_evaluation(request.user):
        raise PermissionDenied("ارزیابی عملکرد فقط برای کاربران دستگاه‌ها و ارزیابان سازمان است.")


def _staff_only(request) -> None:
    if not access.is_staff_reader(request.user):
        raise PermissionDenied("این صفحه برای ارزیابان، تصویب‌کنندگان و ممیزان سازمان است.")


def _cycle(request, cycle_id: int) -> EvaluationCyclePage:
    _gate(request)
    cycle = get_object_or_404(EvaluationCyclePage, pk=cycle_id)
    visible = access.visible_agency_ids(request.user)
    if visible is not None and not cycle.agencies.filter(pk__in=visible).exists():
        raise Http404("یافت نشد")
    return cycle


def _agency(request, cycle: EvaluationCyclePage, agency_id: int) -> Agency:
    access.check_may_see_agency(request.user, agency_id)
    agency = cycle.agencies.filter(pk=agency_id).first()
    if agency is None:
        raise Http404("یافت نشد")
    return agency


def _indicator(cycle, agency, indicator_id: int) -> CycleIndicator:
    indicator = CycleIndicator.objects.filter(pk=indicator_id, cycle_id=cycle.pk).first()
    if indicator is None or not indicator.applies_to(agency.pk):
        raise Http404("یافت نشد")
    return indicator


def _evidence(request, evidence_id: int) -> EvidenceFile:
    _gate(request)
    item = get_object_or_404(
        EvidenceFile.objects.select_related(
            "answer__submission__cycle", "answer__submission__agency", "answer__indicator", "record"
        ),
        pk=evidence_id,
    )
    access.check_may_see_agency(request.user, item.answer.submission.agency_id)
    return item


def _refused(request, exc: ControlRuleViolation) -> None:
    messages.error(request, str(exc.message if hasattr(exc, "message") else exc))


def _submission_url(cycle, agency) -> str:
    return reverse("evaluation_submission", args=[cycle.pk, agency.pk])


# --- the front door ------------------------------------------------------------------------------------------


def home(request):
    """The cycles this user takes part in: every cycle for staff, their agency's for an agency user."""
    _gate(request)
    today = timezone.localdate()
    cycles = EvaluationCyclePage.objects.filter(pinned_revision__isnull=False).order_by("-year")
    own = access.agency_of(request.user) if access.is_agency_user(request.user) else None
    rows = []
    if own is not None and not access.is_staff_reader(request.user):
        for cycle in cycles.filter(agencies=own):
            window = services.assessment_window(cycle, own.pk)
            rows.append(
                {
                    "cycle": cycle,
                    "progress": Progress(services.progress(cycle, own, today)).label,
                    "window": window,
                    "days_left": (window[1] - today).days if window else None,
                    "url": _submission_url(cycle, own),
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
    _staff_only(request)
    cycle = _cycle(request, cycle_id)
    today = timezone.localdate()
    rows = []
    counts = {p: 0 for p in Progress}
    for agency in cycle.agencies.all().order_by("code"):
        submission = services.submission_for(cycle, agency, create=False)
        state = services.progress(cycle, agency, today)
        counts[state] += 1
        applicable = services.applicable_indicators(cycle, agency.pk).count()
        answered = Answer.objects.filter(submission=submission).count() if submission else 0
        window = services.assessment_window(cycle, agency.pk)
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
                "url": _submission_url(cycle, agency),
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


# --- an agency's submission ----------------------------------------------------------------------------------


def submission(request, cycle_id: int, agency_id: int):
    cycle = _cycle(request, cycle_id)
    agency = _agency(request, cycle, agency_id)
    today = timezone.localdate()
    sub = services.submission_for(cycle, agency, create=False)
    own = access.is_own_agency(request.user, agency.pk)
    staff = access.is_staff_reader(request.user)
    show_reviews = staff or bool(sub and sub.released_at) or cycle.is_final
    answers = {a.indicator_id: a for a in Answer.objects.filter(submission=sub)} if sub else {}
    reviews = {r.indicator_id: r for r in Review.objects.filter(submission=sub)} if sub else {}
    objections = {o.indicator_id: o for o in Objection.objects.filter(submission=sub)} if sub else {}
    rows = []
    for indicator in services.applicable_indicators(cycle, agency.pk):
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
    window = services.assessment_window(cycle, agency.pk)
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
        "closed": bool(sub and services.assessment_closed(sub, today)) or bool(window and today > window[1]),
        "objection_window": objection_window,
        "objection_open": bool(objection_window and objection_window[0] <= today <= objection_window[1]),
        "extensions": extensions,
        "all_extensions": all_extensions,
        "progress": Progress(services.progress(cycle, agency, today)).label,
        "today": today,
        "final": cycle.is_final,
    }
    return TemplateResponse(request, "evaluation/admin/submission.html", context)


def indicator(request, cycle_id: int, agency_id: int, indicator_id: int):
    """One indicator: the agency answers and uploads evidence; an evaluator scores it."""
    cycle = _cycle(request, cycle_id)
    agency = _agency(request, cycle, agency_id)
    item = _indicator(cycle, agency, indicator_id)
    sub = services.submission_for(cycle, agency, create=False)
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
                        sub or services.submission_for(cycle, agency),
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
    item = _evidence(request, evidence_id)
    submission = item.answer.submission
    try:
        services.withdraw_evidence(item, by=request.user)
    except ControlRuleViolation as exc:
        _refused(request, exc)
    else:
        messages.success(request, "مستند از پاسخ کنار گذاشته شد؛ سابقه آن می‌ماند.")
    return redirect(
        "evaluation_indicator", submission.cycle_id, submission.agency_id, item.answer.indicator_id
    )


def _post_action(request, cycle_id: int, agency_id: int, action, success: str):
    cycle = _cycle(request, cycle_id)
    agency = _agency(request, cycle, agency_id)
    try:
        action(services.submission_for(cycle, agency), by=request.user)
    except ControlRuleViolation as exc:
        _refused(request, exc)
    else:
        messages.success(request, success)
    return HttpResponseRedirect(_submission_url(cycle, agency))


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


# --- evidence: the link chain and the file ---------------------------------------------------------------------


def evidence_detail(request, evidence_id: int):
    """cycle → agency → indicator → the procedure revision in force → retention series and disposition date."""
    item = _evidence(request, evidence_id)
    submission = item.answer.submission
    cycle = submission.cycle
    record = item.record
    pinned = cycle.pinned_revision
    procedure = cycle.procedure
    in_force_at_upload = procedure.revision_in_force_on(record.record_date) if procedure else None
    context = {
        "item": item,
        "cycle": cycle,
        "agency": submission.agency,
        "indicator": item.answer.indicator,
        "pinned": pinned,
        "procedure": procedure,
        "in_force_at_upload": in_force_at_upload,
        "record": record,
        "series": record.series,
        "file": record.files.first(),
        "holds": list(record.holds_in_force()),
    }
    return TemplateResponse(request, "evaluation/admin/evidence.html", context)


def _serve_record_file(record_file):
    if record_file is None or record_file.document is None:
        raise Http404("محتوای این فایل در دسترس نیست (تعیین تکلیف شده است).")
    document = record_file.document
    response = FileResponse(
        document.file.open("rb"), content_type=record_file.mime or mimetypes.guess_type(record_file.name)[0]
    )
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(record_file.name)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


def evidence_download(request, evidence_id: int):
    item = _evidence(request, evidence_id)
    return _serve_record_file(item.record.files.first())


def objection_file_download(request, file_id: int):
    _gate(request)
    item = get_object_or_404(ObjectionFile.objects.select_related("objection__submission"), pk=file_id)
    access.check_may_see_agency(request.user, item.objection.submission.agency_id)
    return _serve_record_file(item.record.files.first())


# --- objections ---------------------------------------------------------------------------------------------------


def objection_add(request, cycle_id: int, agency_id: int):
    cycle = _cycle(request, cycle_id)
    agency = _agency(request, cycle, agency_id)
    if not access.is_own_agency(request.user, agency.pk):
        raise PermissionDenied("اعتراض را کاربران همان دستگاه ثبت می‌کنند.")
    sub = services.submission_for(cycle, agency)
    taken = Objection.objects.filter(submission=sub).values("indicator_id")
    indicators = services.applicable_indicators(cycle, agency.pk).exclude(pk__in=taken)
    form = ObjectionForm(
        request.POST or None,
        request.FILES or None,
        indicators=indicators,
        initial={"indicator": request.GET.get("indicator")},
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("attachment")
        files = [(upload.name, upload.read())] if upload is not None else []
        try:
            services.file_objection(
                sub,
                form.cleaned_data["indicator"],
                by=request.user,
                reason=form.cleaned_data["reason"],
                files=files,
            )
        except ControlRuleViolation as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "اعتراض ثبت شد.")
            return HttpResponseRedirect(_submission_url(cycle, agency))
    window = cycle.window(PhaseKind.OBJECTIONS, agency.pk)
    return TemplateResponse(
        request,
        "evaluation/admin/objection_form.html",
        {"cycle": cycle, "agency": agency, "form": form, "window": window},
    )


def objection_decide(request, objection_id: int):
    _gate(request)
    objection = get_object_or_404(
        Objection.objects.select_related("submission__cycle", "submission__agency", "indicator"),
        pk=objection_id,
    )
    access.check_may_see_agency(request.user, objection.submission.agency_id)
    form = None
    if access.is_evaluator(request.user) and objection.is_open:
        form = DecideObjectionForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.decide_objection(
                    objection,
                    by=request.user,
                    status=form.cleaned_data["status"],
                    response=form.cleaned_data["response"],
                    new_score=form.cleaned_data["new_score"],
                )
            except ControlRuleViolation as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, "پاسخ اعتراض ثبت شد.")
                return redirect("evaluation_objection", objection.pk)
    elif request.method == "POST":
        raise PermissionDenied("بررسی اعتراض با ارزیابان سازمان است.")
    review = Review.objects.filter(submission=objection.submission, indicator=objection.indicator).first()
    return TemplateResponse(
        request,
        "evaluation/admin/objection.html",
        {
            "objection": objection,
            "form": form,
            "review": review,
            "files": objection.files.select_related("record"),
        },
    )


# --- extensions, indicators, final results (the organisation) ----------------------------------------------------


def extension_add(request, cycle_id: int):
    _staff_only(request)
    cycle = _cycle(request, cycle_id)
    if not access.is_evaluator(request.user):
        raise PermissionDenied("ثبت تمدید مهلت با ارزیابان سازمان است.")
    form = ExtensionForm(request.POST or None, cycle=cycle)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.grant_extension(
                cycle,
                by=request.user,
                phase=data["phase"],
                agency=data["agency"],
                new_end=data["new_end"],
                reason=data["reason"],
                letter=data["letter"],
                letter_number=data["letter_number"],
                letter_date=data["letter_date"],
            )
        except ControlRuleViolation as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "تمدید ثبت شد و به دستگاه‌ها اعلام شد.")
            return redirect("evaluation_dashboard", cycle.pk)
    history = (
        CycleExtension.objects.filter(cycle=cycle)
        .select_related("agency", "letter")
        .order_by("granted_at", "pk")
    )
    return TemplateResponse(
        request, "evaluation/admin/extension_form.html", {"cycle": cycle, "form": form, "history": history}
    )


def indicators(request, cycle_id: int):
    _staff_only(request)
    cycle = _cycle(request, cycle_id)
    form = (
        IssueIndicatorsForm(request.POST or None, cycle=cycle) if access.is_evaluator(request.user) else None
    )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("ابلاغ شاخص‌ها با ارزیابان سازمان است.")
        if "withdraw" in request.POST:
            item = get_object_or_404(CycleIndicator, pk=request.POST.get("withdraw"), cycle_id=cycle.pk)
            try:
                services.withdraw_indicator(item, by=request.user)
            except ControlRuleViolation as exc:
                _refused(request, exc)
            else:
                messages.success(request, "شاخص از دوره برداشته شد.")
            return redirect("evaluation_indicators", cycle.pk)
        if form.is_valid():
            try:
                made = services.issue_indicators(cycle, form.cleaned_data["indicators"], by=request.user)
            except ControlRuleViolation as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, f"{len(made)} شاخص ابلاغ شد.")
                return redirect("evaluation_indicators", cycle.pk)
    issued = cycle.indicators.select_related("owner").annotate(answer_count=Count("answers")).order_by("code")
    return TemplateResponse(
        request, "evaluation/admin/indicators.html", {"cycle": cycle, "issued": issued, "form": form}
    )


def final(request, cycle_id: int):
    """Levelling and ranking (provisional until approved), and the propose / approve / return actions."""
    _staff_only(request)
    cycle = _cycle(request, cycle_id)
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
            _refused(request, exc)
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
        from records.evaluation import rules

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
            for s in rules.standings(services.totals(cycle))
        ]
    for row in standings:
        row["scorecard"] = reverse("evaluation_scorecard", args=[cycle.pk, row["agency"].pk])
    from records.evaluation import rules as evaluation_rules

    context = {
        "cycle": cycle,
        "standings": standings,
        "final": bool(final_results),
        "pending": pending,
        "approvals": FinalApproval.objects.filter(cycle=cycle)
        .select_related("proposed_by", "decided_by")
        .order_by("-proposed_at"),
        "problems": services.final_problems(cycle, today) if not final_results else [],
        "propose_form": propose_form
        or (
            ProposeForm() if access.is_evaluator(request.user) and not pending and not final_results else None
        ),
        "approve_form": approve_form
        or (ApproveForm() if access.is_approver(request.user) and pending else None),
        "return_form": return_form
        or (ReturnForm() if access.is_approver(request.user) and pending else None),
        "tiers": evaluation_rules.TIERS,
    }
    return TemplateResponse(request, "evaluation/admin/final.html", context)


def scorecard_view(request, cycle_id: int, agency_id: int):
    """The printable scorecard. An agency sees its own once its initial results are released."""
    cycle = _cycle(request, cycle_id)
    agency = _agency(request, cycle, agency_id)
    card = scorecard.build(cycle, agency)
    if not access.is_staff_reader(request.user) and not card.released:
        raise PermissionDenied("کارنامه پس از اعلام نتایج اولیه در دسترس است.")
    return TemplateResponse(
        request, "evaluation/admin/scorecard.html", {"card": card, "cycle": cycle, "agency": agency}
    )


def procedure_cycles(request, page_id: int):
    """From a procedure: each of its controlled revisions and the cycles it governed (pinned on opening)."""
    _staff_only(request)
    from procedures.models import ControlledRevision, ProcedurePage

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
