"""Admin screens for withdrawal: request on a document, decide in the approvers' queue."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST
from wagtail.models import Page

from accounts.roles import Role, has_role
from procedures import services
from procedures.models import ControlledDocumentPage, WithdrawalRequest
from procedures.rules import ControlRuleViolation
from procedures.screen_access import may_read_control_log, may_see_withdrawals


class WithdrawalForm(forms.Form):
    reason = forms.CharField(label="دلیل ابطال", widget=forms.Textarea(attrs={"rows": 4}))


def request_withdrawal(request, page_id: int):
    page = get_object_or_404(Page, id=page_id).specific
    if not isinstance(page, ControlledDocumentPage):
        raise PermissionDenied("این صفحه سند کنترل‌شده نیست.")
    if not has_role(request.user, Role.QUALITY_OFFICER):
        raise PermissionDenied("درخواست ابطال با مسئول کیفیت است.")
    form = WithdrawalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_withdrawal(page, requested_by=request.user, reason=form.cleaned_data["reason"])
        except ControlRuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "درخواست ابطال ثبت شد و برای تصویب ارسال شد.")
            return redirect("wagtailadmin_pages:edit", page.id)
    return TemplateResponse(request, "procedures/admin/request_withdrawal.html", {"page": page, "form": form})


def withdrawal_queue(request):
    if not may_see_withdrawals(request.user):
        raise PermissionDenied
    pending = WithdrawalRequest.objects.filter(status=WithdrawalRequest.Status.PENDING).select_related(
        "page", "requested_by"
    )
    decided = WithdrawalRequest.objects.exclude(status=WithdrawalRequest.Status.PENDING).select_related(
        "page", "requested_by", "decided_by"
    )[:50]
    return TemplateResponse(
        request,
        "procedures/admin/withdrawal_queue.html",
        {"pending": pending, "decided": decided, "can_decide": has_role(request.user, Role.APPROVER)},
    )


@require_POST
def decide_withdrawal(request, request_id: int):
    withdrawal = get_object_or_404(WithdrawalRequest, id=request_id)
    try:
        services.decide_withdrawal(
            withdrawal, decided_by=request.user, approve=request.POST.get("decision") == "approve"
        )
    except ControlRuleViolation as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "تصمیم ثبت شد.")
    return redirect("procedures_withdrawals")


def control_log(request):
    """Every audit-log entry of every controlled document, for auditors and the quality unit."""
    from django.core.paginator import Paginator
    from wagtail.models import PageLogEntry

    from procedures.models import ProcedurePage, ServiceStatementPage

    if not may_read_control_log(request.user):
        raise PermissionDenied
    controlled_pages = list(ProcedurePage.objects.values_list("pk", flat=True)) + list(
        ServiceStatementPage.objects.values_list("pk", flat=True)
    )
    entries = (
        PageLogEntry.objects.filter(page_id__in=controlled_pages)
        .select_related("user", "page")
        .order_by("-timestamp", "-id")
    )
    if refused := request.GET.get("refused"):
        entries = entries.filter(action="sanad.refused") if refused == "1" else entries
    page = Paginator(entries, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request, "procedures/admin/control_log.html", {"entries": page, "refused": refused}
    )
