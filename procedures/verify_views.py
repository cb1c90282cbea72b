"""Public verification of a printed controlled copy (issue 13 §6): ``/verify/`` and ``/verify/<code>/``.

No login: whoever holds a paper copy reads its code (or scans its QR code) and learns which revision it
is, whom it was issued to and when, whether it may still be used, and the SHA-256 of the PDF issued; a
file or a pasted hash is checked against that. Nothing here writes.
"""

from __future__ import annotations

import hashlib

from django import forms
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from jalali.calendar import format_jalali, format_jalali_datetime
from procedures.copies import find_by_code
from procedures.copy_rules import copy_standing, normalise_sha256, normalise_verification_code
from procedures.models import ControlledRevision, IssuedCopy, RevisionStatus

UNKNOWN_CODE = "نسخه‌ای با این کد تصدیق در دفتر نسخه‌های کنترل‌شده ثبت نشده است."
BAD_CODE = "کد تصدیق ده نویسه است، مانند ABCDE-23456؛ آن را همان‌گونه که روی نسخه چاپ شده وارد کنید."


class CodeForm(forms.Form):
    code = forms.CharField(label="کد تصدیق", max_length=40, strip=True)

    def clean_code(self) -> str:
        code = normalise_verification_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(BAD_CODE)
        return code


class CheckForm(forms.Form):
    """Either the file one holds, or its SHA-256 pasted; the file wins when both are given."""

    file = forms.FileField(label="پرونده PDF نسخه", required=False)
    sha256 = forms.CharField(label="یا چکیده SHA-256 آن", max_length=200, required=False, strip=True)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload:
            digest = hashlib.sha256()
            for chunk in upload.chunks():
                digest.update(chunk)
            data["digest"] = digest.hexdigest()
        elif data.get("sha256"):
            data["digest"] = normalise_sha256(data["sha256"])
            if data["digest"] is None:
                self.add_error("sha256", "چکیده SHA-256 شصت‌وچهار نویسه شانزده‌شانزدهی (۰ تا ۹ و a تا f) است.")
        else:
            raise forms.ValidationError("پرونده نسخه را بارگذاری کنید یا چکیده SHA-256 آن را وارد کنید.")
        return data


def verify_index(request):
    """«تصدیق نسخه کنترل‌شده»: type the code printed on the copy."""
    form = CodeForm(request.GET or None)
    if request.GET and form.is_valid():
        return redirect("verify_copy", code=form.cleaned_data["code"])
    status = 400 if request.GET and not form.is_valid() else 200
    return TemplateResponse(request, "procedures/verify/index.html", {"form": form}, status=status)


def verify_copy(request, code: str):
    copy = find_by_code(code)
    if copy is None:
        return TemplateResponse(
            request,
            "procedures/verify/unknown.html",
            {"form": CodeForm(initial={"code": code}), "message": UNKNOWN_CODE},
            status=404,
        )
    if request.method == "GET" and code != copy.verification_code:
        return redirect("verify_copy", code=copy.verification_code)  # one address per copy
    check = CheckForm(request.POST, request.FILES) if request.method == "POST" else CheckForm()
    context = {**copy_facts(copy, request), "check": check, "checked": None}
    if request.method == "POST" and check.is_valid():
        context["checked"] = {
            "digest": check.cleaned_data["digest"],
            "matches": bool(copy.issued_sha256) and check.cleaned_data["digest"] == copy.issued_sha256,
        }
    status = 400 if request.method == "POST" and not check.is_valid() else 200
    return TemplateResponse(request, "procedures/verify/copy.html", context, status=status)


def copy_facts(copy: IssuedCopy, request=None) -> dict:
    """What the verify page shows of ``copy``: its revision, its standing, and where to read the revision."""
    controlled: ControlledRevision = copy.controlled_revision
    page = controlled.page.specific
    current = page.controlled_history.filter(status=RevisionStatus.IN_FORCE).first()
    next_revision = (
        page.controlled_history.filter(number__gt=controlled.number).order_by("number").first()
        if controlled.status == RevisionStatus.SUPERSEDED
        else None
    )
    successor = current or next_revision
    standing = copy_standing(
        revision_status=controlled.status,
        recalled=copy.is_recalled,
        superseded_by=successor.code if successor else "",
        withdrawn_reason=controlled.withdrawal_reason,
    )
    base = (page.get_url(request) or None) if page.live else None
    return {
        "copy": copy,
        "controlled": controlled,
        "document": page,
        "standing": standing,
        "successor": successor if controlled.status == RevisionStatus.SUPERSEDED else None,
        "revision_url": f"{base}revisions/{controlled.number}/" if base else "",
        "successor_url": f"{base}revisions/{successor.number}/" if base and successor else "",
        "verify_url": reverse("verify_copy", args=[copy.verification_code]),
    }


def verify_copy_api(request, code: str) -> JsonResponse:
    """``/api/verify/<code>/``: the same facts as JSON (Jalali and ISO dates), for a register or a scanner app."""
    copy = find_by_code(code)
    if copy is None:
        return JsonResponse({"found": False, "message": UNKNOWN_CODE}, status=404)
    facts = copy_facts(copy, request)
    controlled, standing, successor = facts["controlled"], facts["standing"], facts["successor"]
    issued_at = timezone.localtime(copy.issued_at)
    return JsonResponse(
        {
            "found": True,
            "verification_code": copy.verification_code,
            "document": facts["document"].title,
            "code": controlled.code,
            "revision": controlled.number,
            "revision_status": controlled.status,
            "copy_number": copy.number,
            "recipient": copy.recipient_display,
            "issued_at": issued_at.isoformat(),
            "issued_at_jalali": format_jalali_datetime(issued_at),
            "issued_on_jalali": format_jalali(copy.issued_on),
            "recalled_on": copy.recalled_on.isoformat() if copy.recalled_on else None,
            "valid": standing.valid,
            "standing": standing.label,
            "standing_detail": standing.detail,
            "superseded_by": successor.code if successor else None,
            "sha256": copy.issued_sha256 or None,
            "url": request.build_absolute_uri(facts["verify_url"]),
        },
        json_dumps_params={"ensure_ascii": False},
    )
