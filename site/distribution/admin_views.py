"""Admin screens: the distribution list of a document, «خواندم و فهمیدم», and the overdue register."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.admin.views.generic.models import CreateView, EditView
from wagtail.models import Page

from distribution import queries, rules, services
from distribution.models import AcknowledgementRequest, DistributionList, controlled_pages
from distribution.permissions import may_edit_lists, may_read_registers
from jalali.forms import JalaliDateField
from procedures.models import ControlledDocumentPage

# --- the list, edited through the viewset; every save goes through the audited service ------------


class _AuditedSave:
    def save_instance(self):
        return services.save_distribution_list(self.form, by=self.request.user)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except rules.DistributionRuleViolation as exc:
            form.add_error(None, exc.message)
            return self.form_invalid(form)


class DistributionListCreateView(_AuditedSave, CreateView):
    def get_initial(self):
        initial = super().get_initial()
        page_id = self.request.GET.get("page", "")
        if page_id.isdigit() and controlled_pages().filter(pk=int(page_id)).exists():
            initial["page"] = int(page_id)
        return initial


class DistributionListEditView(_AuditedSave, EditView):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if "page" in form.fields:  # a list belongs to its document for good
            form.fields["page"].disabled = True
        return form


def distribution_for_page(request, page_id: int):
    """From a document's header: open its distribution list, or start one for it."""
    page = get_object_or_404(Page, id=page_id).specific
    if not isinstance(page, ControlledDocumentPage):
        raise PermissionDenied("این صفحه سند کنترل‌شده نیست.")
    if not may_read_registers(request.user):
        raise PermissionDenied("فهرست توزیع را مسئول کیفیت نگه می‌دارد.")
    existing = DistributionList.objects.filter(page_id=page.pk).first()
    if existing is not None:
        name = "edit" if may_edit_lists(request.user) else "inspect"
        return redirect(reverse(f"distribution_lists:{name}", args=[existing.pk]))
    if not may_edit_lists(request.user):
        messages.info(request, "این سند هنوز فهرست توزیع ندارد.")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return redirect(reverse("distribution_lists:add") + f"?page={page.pk}")


# --- «خواندم و فهمیدم» ------------------------------------------------------------------------------


@require_POST
def acknowledge(request, request_id: int):
    ack = AcknowledgementRequest.objects.filter(pk=request_id).first()
    if ack is None:
        messages.error(request, "این درخواست تأیید مطالعه پیدا نشد.")
    else:
        try:
            services.acknowledge(ack, by=request.user)
        except rules.DistributionRuleViolation as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"مطالعه «{ack.controlled.title}» ({ack.controlled.code}) تأیید شد.")
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("wagtailadmin_home")
    return redirect(target)


def my_acknowledgements(request):
    """Everything the user was asked to acknowledge: pending first, then what they confirmed."""
    mine = (
        AcknowledgementRequest.objects.filter(recipient=request.user)
        .select_related("controlled", "page")
        .order_by("acknowledged_at", "-asked_at")
    )
    return TemplateResponse(
        request,
        "distribution/admin/my_acknowledgements.html",
        {
            "requests": mine,
            "pending_ids": set(queries.pending_for(request.user).values_list("pk", flat=True)),
        },
    )


# --- the overdue register --------------------------------------------------------------------------


class OverdueFilterForm(forms.Form):
    page = forms.ModelChoiceField(
        label="سند", queryset=Page.objects.none(), required=False, empty_label="همه اسناد"
    )
    due_from = JalaliDateField(label="مهلت از", required=False)
    due_to = JalaliDateField(label="مهلت تا", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        asked = AcknowledgementRequest.objects.values_list("page_id", flat=True).distinct()
        self.fields["page"].queryset = controlled_pages().filter(pk__in=asked)
        self.fields["page"].label_from_instance = lambda page: page.title

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("due_from"), cleaned.get("due_to")
        if start and end and start > end:
            raise forms.ValidationError("تاریخ آغاز بازه پس از تاریخ پایان آن است.")
        return cleaned


def overdue(request):
    """Outstanding acknowledgements past due, filterable by document and Jalali due dates; a summary."""
    if not may_read_registers(request.user):
        raise PermissionDenied("فهرست تأییدهای معوق برای مسئولان کیفیت و ممیزان است.")
    today = timezone.localdate()
    form = OverdueFilterForm(request.GET or None)
    page_id = due_from = due_to = None
    rows = AcknowledgementRequest.objects.none()
    if form.is_bound and not form.is_valid():
        rows_valid = False
    else:
        rows_valid = True
        if form.is_bound:
            chosen = form.cleaned_data.get("page")
            page_id = chosen.pk if chosen else None
            due_from, due_to = form.cleaned_data.get("due_from"), form.cleaned_data.get("due_to")
        rows = queries.overdue_requests(today=today, page_id=page_id, due_from=due_from, due_to=due_to)
    return TemplateResponse(
        request,
        "distribution/admin/overdue.html",
        {
            "form": form,
            "rows": rows,
            "rows_valid": rows_valid,
            "summary": queries.summary(today=today, page_id=page_id),
            "today": today,
        },
    )
