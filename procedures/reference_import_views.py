"""The admin screen of the bulk reference import (issue 13 §1): upload, check (a dry run), then import.

The first step reads the list and its files and shows the plan — what each row would do, or every problem
by row number — and writes no reference. The uploads wait in the default storage as one ZIP under a
token kept in the user's session, so the second step («ورود») imports exactly what was checked, checked
again against the database as it is then.
"""

from __future__ import annotations

import io
import secrets
import zipfile

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.response import TemplateResponse
from wagtail.models import Page

from jalali.digits import to_persian_digits
from procedures import reference_import, services
from procedures.reference_import import COLUMNS, FileSource, ImportRefused, describe, plan_import

SESSION_KEY = "sanad_reference_import"
STAGING = "imports/references"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class ReferenceImportForm(forms.Form):
    sheet = forms.FileField(label="فهرست مستندات (CSV یا XLSX)")
    files = MultipleFileField(
        label="پرونده‌ها (چند پرونده یا یک ZIP)",
        required=False,
        help_text="پرونده‌هایی که ستون «پرونده» نام می‌برد؛ می‌توانید همه را در یک فایل ZIP بفرستید.",
    )


def _parent(request):
    parent_id = request.POST.get("parent") or request.GET.get("parent")
    if parent_id and str(parent_id).isdigit():
        page = Page.objects.filter(pk=int(parent_id)).first()
        return page.specific if page is not None else None
    return reference_import.default_parent()


def _bundle(sheet_name: str, sheet: bytes, uploads: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"sheet/{sheet_name}", sheet)
        for index, (name, data) in enumerate(uploads):
            archive.writestr(f"files/{index}/{name}", data)
    return buffer.getvalue()


def _unbundle(data: bytes) -> tuple[str, bytes, FileSource]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    sheet_name, sheet, source = "", b"", FileSource()
    for info in archive.infolist():
        parts = info.filename.split("/")
        if parts[0] == "sheet":
            sheet_name, sheet = parts[-1], archive.read(info)
        elif parts[0] == "files":
            source.add_upload(parts[-1], archive.read(info))
    return sheet_name, sheet, source


def reference_import_view(request):
    parent = _parent(request)
    if parent is None:
        raise PermissionDenied("پوشه مستندات برون‌سازمانی یافت نشد.")
    if not reference_import.may_import(request.user, parent):
        raise PermissionDenied("ورود گروهی مستندات با کسی است که در این پوشه مستند می‌افزاید و منتشر می‌کند.")
    form = ReferenceImportForm()
    context = {
        "parent": parent,
        "columns": COLUMNS,
        "problems": [],
        "plan": None,
        "token": "",
        "result": None,
    }
    if request.method == "POST" and request.POST.get("step") == "import":
        context.update(_import(request, parent))
    elif request.method == "POST":
        form = ReferenceImportForm(request.POST, request.FILES)
        if form.is_valid():
            context.update(_check(request, parent, form))
    context["form"] = form
    return TemplateResponse(request, "procedures/admin/reference_import.html", context)


def _check(request, parent, form) -> dict:
    sheet = form.cleaned_data["sheet"]
    sheet_data = sheet.read(reference_import.MAX_BYTES + 1)
    uploads = [(f.name, f.read()) for f in form.cleaned_data["files"]]
    source = FileSource()
    try:
        for name, data in uploads:
            source.add_upload(name, data)
    except ImportRefused as exc:
        return {"problems": exc.problems}
    plan = plan_import(sheet.name, sheet_data, source)
    problems = plan.problems or reference_import.permission_problems(plan, request.user)
    if problems:
        return {"problems": problems}
    token = secrets.token_urlsafe(16)
    stored = default_storage.save(
        f"{STAGING}/{token}.zip", ContentFile(_bundle(sheet.name, sheet_data, uploads))
    )
    request.session[SESSION_KEY] = {"token": token, "name": stored, "parent": parent.pk}
    counts = {action: to_persian_digits(plan.count(action)) for action in ("create", "update", "unchanged")}
    return {"plan": plan, "counts": counts, "lines": [describe(r) for r in plan.rows], "token": token}


def _import(request, parent) -> dict:
    staged = request.session.get(SESSION_KEY) or {}
    if not staged or staged.get("token") != request.POST.get("token") or staged.get("parent") != parent.pk:
        return {"problems": ["بررسی این فایل پیدا نشد یا کهنه شده است؛ فایل را دوباره بفرستید و بررسی کنید."]}
    try:
        with default_storage.open(staged["name"], "rb") as handle:
            sheet_name, sheet, source = _unbundle(handle.read())
    except (OSError, zipfile.BadZipFile, ImportRefused):
        return {"problems": ["پرونده‌های بررسی‌شده خوانده نشد؛ فایل را دوباره بفرستید."]}
    plan = plan_import(sheet_name, sheet, source)
    problems = plan.problems or reference_import.permission_problems(plan, request.user)
    if problems:  # the database changed since the check
        return {"problems": problems}
    counts = services.import_references(plan, parent, by=request.user, source=sheet_name)
    default_storage.delete(staged["name"])
    del request.session[SESSION_KEY]
    return {
        "result": {k: to_persian_digits(v) for k, v in counts.items()},
        "lines": [describe(r) for r in plan.rows],
    }
