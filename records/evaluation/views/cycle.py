"""The cycle's set-up by the evaluators: deadline extensions and the indicators issued to the cycle."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from procedures.rules import ControlRuleViolation
from records.evaluation import access, services
from records.evaluation.forms import ExtensionForm, IssueIndicatorsForm
from records.evaluation.models import CycleExtension, CycleIndicator
from records.evaluation.views.boundary import get_cycle, refused, staff_only


def extension_add(request, cycle_id: int):
    staff_only(request)
    cycle = get_cycle(request, cycle_id)
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
    staff_only(request)
    cycle = get_cycle(request, cycle_id)
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
                refused(request, exc)
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
