"""Admin screens for controlled copies: a document's copies per revision, issuing one, its PDF, recall.

Refusals are pages with a Persian message and status 403, not Wagtail's generic redirect, so the
officer (or the wrong person) sees why; the copy register is unchanged.
"""

from __future__ import annotations

import logging

from django import forms
from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import Page

from accounts.models import display_name
from accounts.roles import Role, has_role
from procedures import copies
from procedures.models import ControlledDocumentPage, ControlledRevision, IssuedCopy, RevisionStatus
from procedures.models.copies import CopyRegisterError
from procedures.pdf.render import pdf_filename, render_revision_pdf
from procedures.pdf.views import pdf_response

logger = logging.getLogger("sanad.procedures")

ISSUE_REFUSED = "صدور نسخه کنترل‌شده فقط با مسئول کیفیت است."
_READERS = (Role.QUALITY_OFFICER, Role.AUDITOR, Role.APPROVER, Role.CONFIRMER)


def may_read_register(user) -> bool:
    return bool(user.is_superuser or any(has_role(user, role) for role in _READERS))


def _refused(request, message: str) -> TemplateResponse:
    return TemplateResponse(request, "procedures/pdf/admin/refused.html", {"message": message}, status=403)


class RecipientChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return display_name(obj)


class IssueCopyForm(forms.Form):
    recipient_user = RecipientChoiceField(
        label="گیرنده (کاربر سامانه)",
        queryset=get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name"),
        required=False,
        empty_label="— کاربر سامانه نیست —",
    )
    recipient_name = forms.CharField(
        label="نام گیرنده", max_length=255, required=False, help_text="اگر گیرنده کاربر سامانه نیست."
    )
    recipient_unit = forms.CharField(label="واحد سازمانی گیرنده", max_length=255, required=False)

    def clean(self):
        data = super().clean()
        if not data.get("recipient_user") and not (data.get("recipient_name") or "").strip():
            raise forms.ValidationError("گیرنده نسخه را مشخص کنید: یک کاربر یا نام گیرنده.")
        return data


def _controlled_page(page_id: int) -> ControlledDocumentPage:
    page = get_object_or_404(Page, id=page_id).specific
    if not isinstance(page, ControlledDocumentPage):
        raise Http404("این صفحه سند کنترل‌شده نیست.")
    return page


def page_copies(request, page_id: int):
    """Every revision of one document with the copies issued of it; the issue button on the one in force."""
    if not may_read_register(request.user):
        return _refused(request, "دفتر نسخه‌های کنترل‌شده را فقط واحد کیفیت، ممیزان و امضاکنندگان می‌بینند.")
    page = _controlled_page(page_id)
    history = list(page.controlled_history.prefetch_related("issued_copies__recipient_user"))
    return TemplateResponse(
        request,
        "procedures/pdf/admin/page_copies.html",
        {"page": page, "history": history, "can_issue": copies.may_issue_copies(request.user)},
    )


def issue_copy(request, revision_id: int):
    """«صدور نسخه کنترل‌شده»: register the next copy of a revision in force for a recipient."""
    controlled = get_object_or_404(ControlledRevision, id=revision_id)
    page = controlled.page.specific
    if not copies.may_issue_copies(request.user):
        if request.method == "POST":  # the service records the refusal in the control log
            try:
                copies.issue_controlled_copy(controlled, issued_by=request.user)
            except CopyRegisterError as exc:
                return _refused(request, exc.message)
        return _refused(request, ISSUE_REFUSED)
    form = IssueCopyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            copy = copies.issue_controlled_copy(
                controlled,
                issued_by=request.user,
                recipient_user=form.cleaned_data["recipient_user"],
                recipient_name=form.cleaned_data["recipient_name"],
                recipient_unit=form.cleaned_data["recipient_unit"],
            )
        except CopyRegisterError as exc:
            form.add_error(None, exc.message)
        else:
            try:  # the file handed over is fixed now; if rendering fails, at the first download
                issued_pdf(request, copy)
            except Exception:
                logger.exception("the PDF of copy %s was not fixed at issue", copy.pk)
            messages.success(
                request,
                f"نسخه کنترل‌شده شماره {copy.number} از {controlled.code} برای «{copy.recipient_display}» ثبت شد.",
                buttons=[messages.button(reverse("procedures_copy_pdf", args=[copy.pk]), "دریافت PDF")],
            )
            return redirect("procedures_page_copies", page.pk)
    status = 400 if request.method == "POST" else 200
    if controlled.status != RevisionStatus.IN_FORCE and request.method == "GET":
        form.add_error(
            None,
            f"بازنگری {controlled.code} «{controlled.get_status_display()}» است؛ "
            "نسخه کنترل‌شده فقط از بازنگری جاری صادر می‌شود.",
        )
    return TemplateResponse(
        request,
        "procedures/pdf/admin/issue_copy.html",
        {"page": page, "controlled": controlled, "form": form},
        status=status,
    )


def copy_pdf(request, copy_id: int) -> HttpResponse:
    """The PDF of a registered controlled copy, with its number and recipient on every page."""
    if not copies.may_issue_copies(request.user):
        return _refused(request, "نسخه کنترل‌شده را فقط مسئول کیفیت چاپ می‌کند.")
    copy = get_object_or_404(IssuedCopy.objects.select_related("controlled_revision"), id=copy_id)
    try:
        content = issued_pdf(request, copy)
    except OSError:
        return _refused(request, MISSING_FILE)
    return pdf_response(content, pdf_filename(copy.controlled_revision, copy))


MISSING_FILE = "پرونده صادرشده این نسخه در بایگانی پیدا نشد؛ به مدیر سامانه خبر دهید."


def issued_pdf(request, copy: IssuedCopy) -> bytes:
    """The PDF issued for ``copy``: the stored file, the same bytes each time, so its SHA-256 on
    ``/verify/<code>/`` holds. A copy issued before files were kept gets its file fixed now, once."""
    if not copy.issued_sha256:
        controlled = copy.controlled_revision
        pdf = render_revision_pdf(request, controlled.page.specific, controlled, copy=copy)
        copy = copies.fix_issued_file(copy, pdf, by=request.user)
    with copy.issued_file.open("rb") as stored:
        return stored.read()


def recall_list(request):
    """«فهرست فراخوان نسخه‌ها»: copies of revisions no longer in force that are still with their holders."""
    if not may_read_register(request.user):
        return _refused(request, "فهرست فراخوان را فقط واحد کیفیت، ممیزان و امضاکنندگان می‌بینند.")
    recently = (
        IssuedCopy.objects.filter(recalled_on__isnull=False)
        .select_related("controlled_revision", "recipient_user", "recalled_by")
        .order_by("-recalled_on", "-id")[:30]
    )
    return TemplateResponse(
        request,
        "procedures/pdf/admin/recall_list.html",
        {
            "to_recall": copies.recall_list(),
            "recently": recently,
            "can_recall": copies.may_issue_copies(request.user),
        },
    )


@require_POST
def recall_copy(request, copy_id: int):
    copy = get_object_or_404(IssuedCopy.objects.select_related("controlled_revision"), id=copy_id)
    try:
        copies.recall_copy(copy, recalled_by=request.user, note=request.POST.get("note", ""))
    except CopyRegisterError as exc:
        if not copies.may_issue_copies(request.user):
            return _refused(request, exc.message)
        messages.error(request, exc.message)
    else:
        messages.success(
            request, f"فراخوان نسخه شماره {copy.number} از {copy.controlled_revision.code} ثبت شد."
        )
    return redirect("procedures_recall_list")
