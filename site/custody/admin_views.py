"""Admin screens: the delete that refuses or trashes, the trash with restore, withdrawal of cited pages."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.delete import DeleteView
from wagtail.models import Page

from accounts.roles import Role, has_role
from custody import rules, services
from custody.models import CitedWithdrawal, TrashedPage
from procedures.audit import record_refusal
from procedures.citations import citing_codes


class ReasonForm(forms.Form):
    reason = forms.CharField(label="دلیل", widget=forms.Textarea(attrs={"rows": 3}), required=False)


class WithdrawalForm(forms.Form):
    reason = forms.CharField(label="دلیل ابطال", widget=forms.Textarea(attrs={"rows": 4}))


@require_admin_access
def delete_page(request, page_id: int):
    """In front of Wagtail's delete view: a cited page is refused with its reason, whoever asks."""
    page = get_object_or_404(Page, id=page_id).specific
    codes = citing_codes(page.get_descendants(inclusive=True))
    if codes:
        try:
            rules.check_not_cited(codes)
        except rules.CustodyViolation as exc:
            record_refusal(page, exc, user=request.user)
            messages.error(request, str(exc))
            return redirect("wagtailadmin_pages:edit", page.pk)
    return DeleteView.as_view()(request, page_id)


def trash_instead_of_delete(request, page):
    """``before_delete_page``: what was ever published goes to the trash (confirmed, with a reason)."""
    if services.refusal_to_delete(page) is None:
        return None  # a never-published draft: Wagtail deletes it as usual
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.trash_page(page, user=request.user, reason=form.cleaned_data["reason"])
        except rules.CustodyViolation as exc:
            messages.error(request, str(exc))
            return redirect("wagtailadmin_pages:edit", page.pk)
        messages.success(request, f"«{page.title}» به سطل بازیافت منتقل شد و از آنجا بازگرداندنی است.")
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(request, "custody/confirm_trash.html", {"page": page, "form": form})


def trash_list(request):
    entries = TrashedPage.objects.select_related("page", "trashed_by", "restored_by")[:200]
    return TemplateResponse(request, "custody/trash.html", {"entries": entries})


@require_POST
def restore(request, entry_id: int):
    entry = get_object_or_404(TrashedPage, pk=entry_id)
    if not (request.user.is_superuser or entry.page.permissions_for_user(request.user).can_publish()):
        raise PermissionDenied("بازگرداندن این صفحه در اختیار شما نیست.")
    try:
        services.restore_page(entry, user=request.user)
    except rules.CustodyViolation as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"«{entry.title}» از سطل بازیافت بازگردانده شد.")
    return redirect("custody_trash")


def request_withdrawal(request, page_id: int):
    page = get_object_or_404(Page, id=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied("درخواست ابطال این صفحه در اختیار شما نیست.")
    form = WithdrawalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_withdrawal(page, requested_by=request.user, reason=form.cleaned_data["reason"])
        except rules.CustodyViolation as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "درخواست ابطال ثبت شد و برای تصویب فرد دوم ارسال شد.")
            return redirect("wagtailadmin_pages:edit", page.id)
    return TemplateResponse(request, "custody/request_withdrawal.html", {"page": page, "form": form})


def withdrawal_queue(request):
    pending = CitedWithdrawal.objects.filter(status=CitedWithdrawal.Status.PENDING).select_related(
        "page", "requested_by"
    )
    decided = CitedWithdrawal.objects.exclude(status=CitedWithdrawal.Status.PENDING).select_related(
        "page", "requested_by", "decided_by"
    )[:50]
    return TemplateResponse(
        request,
        "custody/withdrawal_queue.html",
        {"pending": pending, "decided": decided, "can_decide": has_role(request.user, Role.APPROVER)},
    )


@require_POST
def decide_withdrawal(request, request_id: int):
    item = get_object_or_404(CitedWithdrawal, pk=request_id)
    try:
        services.decide_withdrawal(
            item, decided_by=request.user, approve=request.POST.get("decision") == "approve"
        )
    except rules.CustodyViolation as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "تصمیم درباره ابطال ثبت شد.")
    return redirect("custody_withdrawals")
