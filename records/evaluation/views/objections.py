"""Objections: the agency files one against an initial score; an evaluator decides it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from procedures.rules import ControlRuleViolation
from records.evaluation import access, queries, services
from records.evaluation.choices import PhaseKind
from records.evaluation.forms import DecideObjectionForm, ObjectionForm
from records.evaluation.models import Objection, Review
from records.evaluation.views.boundary import gate, get_agency, get_cycle, submission_url


def objection_add(request, cycle_id: int, agency_id: int):
    cycle = get_cycle(request, cycle_id)
    agency = get_agency(request, cycle, agency_id)
    if not access.is_own_agency(request.user, agency.pk):
        raise PermissionDenied("اعتراض را کاربران همان دستگاه ثبت می‌کنند.")
    sub = queries.submission_for(cycle, agency)
    taken = Objection.objects.filter(submission=sub).values("indicator_id")
    indicators = queries.applicable_indicators(cycle, agency.pk).exclude(pk__in=taken)
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
            return HttpResponseRedirect(submission_url(cycle, agency))
    window = cycle.window(PhaseKind.OBJECTIONS, agency.pk)
    return TemplateResponse(
        request,
        "evaluation/admin/objection_form.html",
        {"cycle": cycle, "agency": agency, "form": form, "window": window},
    )


def objection_decide(request, objection_id: int):
    gate(request)
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
