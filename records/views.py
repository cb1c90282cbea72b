"""Admin screens for records: the record file, uploads, declaration, holds, due list, batches, history.

Every button calls one function of ``records.services``; a refusal comes back as the service's
Persian message, never a 500. Reading needs ``records.view_record`` (records staff, quality officers,
auditors); approvers reach the queues of holds and batches that wait for a second person.
"""

from __future__ import annotations

import csv
import io

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from accounts.models import display_name
from accounts.roles import Role, has_role
from jalali.calendar import format_jalali_datetime, jalali_month_bounds, month_name
from jalali.digits import to_persian_digits
from records import register_io, services
from records.choices import BatchStatus, Disposal, HoldStatus, Phase
from records.cycle_links import linked_to_cycles_of_record_q
from records.forms import (
    DECISION_CHOICES,
    DueMonthForm,
    HoldForm,
    PlaceHoldForm,
    PrepareBatchForm,
    ReasonForm,
    RegisterImportForm,
    UploadForm,
)
from records.models import (
    DispositionBatch,
    DispositionItem,
    Hold,
    Record,
    RecordFile,
    RetentionRegisterPage,
    RetentionSeriesPage,
)
from records.rules import RecordsRuleViolation


def can_read(user) -> bool:
    return services.may_read_record_files(user)


def _require_read(user) -> None:
    if not can_read(user):
        raise PermissionDenied("مشاهده سوابق برای شما مجاز نیست.")


def _is_second_person(user) -> bool:
    return bool(user.is_superuser or has_role(user, Role.RECORDS_MANAGER) or has_role(user, Role.APPROVER))


def _is_keeper(user) -> bool:
    return bool(
        user.is_superuser or has_role(user, Role.RECORDS_MANAGER) or has_role(user, Role.QUALITY_OFFICER)
    )


# --- one record -------------------------------------------------------------------------------------


def record_detail(request, pk: int):
    _require_read(request.user)
    record = get_object_or_404(Record.objects.select_related("series", "declared_by", "created_by"), pk=pk)
    user = request.user
    holds = Hold.objects.covering(record).select_related(
        "cycle", "series", "placed_by", "release_requested_by", "released_by"
    )
    return TemplateResponse(
        request,
        "records/admin/record_detail.html",
        {
            "record": record,
            "files": record.files.select_related("document", "uploaded_by"),
            "holds": holds,
            "items": record.disposition_items.select_related("batch"),
            "can_keep": _is_keeper(user) and not record.is_disposed,
            "can_hold": (_is_keeper(user) or has_role(user, Role.APPROVER)) and not record.is_disposed,
            "phase_today": record.phase_today(),
        },
    )


def record_upload(request, pk: int):
    _require_read(request.user)
    record = get_object_or_404(Record, pk=pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        limit = settings.RECORDS_MAX_UPLOAD_BYTES
        data = upload.read(limit + 1)
        try:
            services.attach_file(record, name=upload.name, data=data, by=request.user)
        except RecordsRuleViolation as exc:
            form.add_error("file", exc.message)
        except PermissionDenied as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(request, "فایل بارگذاری شد و چکیده SHA-256 آن ثبت شد.")
            return redirect("records_record_detail", record.pk)
    return TemplateResponse(
        request,
        "records/admin/form.html",
        {
            "form": form,
            "title": "بارگذاری فایل سابقه",
            "subtitle": str(record),
            "multipart": True,
            "cancel": reverse("records_record_detail", args=[record.pk]),
            "submit": "بارگذاری",
        },
    )


@require_POST
def record_declare(request, pk: int):
    record = get_object_or_404(Record, pk=pk)
    try:
        services.declare_record(record, by=request.user)
    except (RecordsRuleViolation, PermissionDenied) as exc:
        messages.error(request, getattr(exc, "message", str(exc)))
    else:
        messages.success(request, "سابقه اعلام شد؛ از این پس محتوا و فایل‌های آن تغییرناپذیر است.")
    return redirect("records_record_detail", record.pk)


@require_POST
def record_file_remove(request, pk: int):
    record_file = get_object_or_404(RecordFile, pk=pk)
    try:
        services.remove_file(record_file, by=request.user)
    except (RecordsRuleViolation, PermissionDenied) as exc:
        messages.error(request, getattr(exc, "message", str(exc)))
    else:
        messages.success(request, "فایل از پیش‌نویس برداشته شد.")
    return redirect("records_record_detail", record_file.record_id)


def record_file_download(request, pk: int):
    """A record's file, for people who may read records; never cached, never rendered inline."""
    _require_read(request.user)
    record_file = get_object_or_404(RecordFile.objects.select_related("document"), pk=pk)
    if record_file.document is None:
        raise PermissionDenied("محتوای این فایل با تعیین تکلیف از میان رفته است؛ فقط مشخصات آن باقی است.")
    response = FileResponse(
        record_file.document.file.open("rb"),
        as_attachment=True,
        filename=record_file.name,
        content_type=record_file.mime,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response


# --- holds ------------------------------------------------------------------------------------------


def _place_hold(request, *, record=None, series=None, back: str, label: str):
    form = HoldForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.place_hold(record=record, series=series, by=request.user, **form.cleaned_data)
        except (RecordsRuleViolation, PermissionDenied) as exc:
            form.add_error(None, getattr(exc, "message", str(exc)))
        else:
            messages.success(request, "توقیف ثبت شد؛ تعیین تکلیف و حذف تا رفع آن ممکن نیست.")
            return redirect(back)
    return TemplateResponse(
        request,
        "records/admin/form.html",
        {"form": form, "title": "توقیف", "subtitle": label, "cancel": back, "submit": "ثبت توقیف"},
    )


def record_hold(request, pk: int):
    record = get_object_or_404(Record, pk=pk)
    return _place_hold(
        request, record=record, back=reverse("records_record_detail", args=[pk]), label=str(record)
    )


def series_hold(request, page_id: int):
    series = get_object_or_404(RetentionSeriesPage, pk=page_id)
    return _place_hold(
        request, series=series, back=reverse("records_holds"), label=f"ردیف {series.code} — {series.title}"
    )


def hold_new(request):
    """The holds register's form: the scope (a record, a series or an evaluation cycle), then why."""
    if not services.may_place_hold(request.user):
        raise PermissionDenied("ثبت توقیف برای شما مجاز نیست.")
    initial = {k: request.GET[k] for k in ("scope", "series", "cycle", "record") if request.GET.get(k)}
    form = PlaceHoldForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            hold = services.place_hold(by=request.user, **form.hold_arguments())
        except (RecordsRuleViolation, PermissionDenied) as exc:
            form.add_error(None, getattr(exc, "message", str(exc)))
        else:
            messages.success(
                request,
                f"توقیف {hold.target_label} ثبت شد؛ تعیین تکلیف و حذف سوابق آن تا رفع توقیف ممکن نیست.",
            )
            return redirect("records_holds")
    return TemplateResponse(
        request,
        "records/admin/form.html",
        {
            "form": form,
            "title": "ثبت توقیف",
            "subtitle": "سابقه، ردیف جدول نگهداری یا دوره ارزیابی",
            "cancel": reverse("records_holds"),
            "submit": "ثبت توقیف",
        },
    )


def hold_request_release(request, pk: int):
    hold = get_object_or_404(Hold, pk=pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_release(hold, by=request.user, reason=form.cleaned_data["reason"])
        except (RecordsRuleViolation, PermissionDenied) as exc:
            form.add_error(None, getattr(exc, "message", str(exc)))
        else:
            messages.success(request, "درخواست رفع توقیف ثبت شد و به تایید شخص دوم نیاز دارد.")
            return redirect("records_holds")
    return TemplateResponse(
        request,
        "records/admin/form.html",
        {
            "form": form,
            "title": "درخواست رفع توقیف",
            "subtitle": str(hold),
            "cancel": reverse("records_holds"),
            "submit": "ثبت درخواست",
        },
    )


@require_POST
def hold_decide(request, pk: int):
    hold = get_object_or_404(Hold, pk=pk)
    try:
        services.decide_release(hold, by=request.user, approve=request.POST.get("decision") == "approve")
    except (RecordsRuleViolation, PermissionDenied) as exc:
        messages.error(request, getattr(exc, "message", str(exc)))
    else:
        messages.success(request, "تصمیم درباره رفع توقیف ثبت شد.")
    return redirect("records_holds")


def holds_queue(request):
    user = request.user
    if not (can_read(user) or _is_second_person(user)):
        raise PermissionDenied
    holds = Hold.objects.select_related(
        "record", "series", "cycle", "placed_by", "release_requested_by", "released_by"
    )
    return TemplateResponse(
        request,
        "records/admin/holds.html",
        {
            "in_force": holds.exclude(status=HoldStatus.RELEASED),
            "released": holds.filter(status=HoldStatus.RELEASED)[:50],
            "can_decide": _is_second_person(user),
            "can_request": _is_keeper(user) or has_role(user, Role.APPROVER),
            "series_list": RetentionSeriesPage.objects.order_by("code"),
            "cycle_list": Hold.cycle_model().objects.order_by("-year"),
        },
    )


# --- due list and batches ---------------------------------------------------------------------------


def due_list(request):
    _require_read(request.user)
    form = DueMonthForm(request.GET or None, initial=DueMonthForm.initial_for_today())
    year, month = DueMonthForm.initial_for_today().values()
    if form.is_valid():
        year, month = form.cleaned_data["year"], form.cleaned_data["month"]
    first, last = jalali_month_bounds(year, month)
    records = (
        Record.objects.filter(disposition_due_on__lte=last)
        .exclude(phase__in=[Phase.DRAFT, Phase.PERMANENT, Phase.DESTROYED, Phase.TRANSFERRED])
        .select_related("series")
        .order_by("disposition_due_on", "reference_number")
    )
    held = set(Record.objects.on_hold().values_list("pk", flat=True))
    batched = set(
        DispositionItem.objects.filter(
            batch__status__in=[BatchStatus.PREPARED, BatchStatus.APPROVED]
        ).values_list("record_id", flat=True)
    )
    rows = [
        {
            "record": r,
            "held": r.pk in held,
            "batched": r.pk in batched,
            "overdue": r.disposition_due_on < first,
            "review": r.series.disposal == Disposal.REVIEW,
        }
        for r in records
    ]
    prepare = PrepareBatchForm(
        initial={"title": f"تعیین تکلیف سوابق {month_name(month)} {to_persian_digits(year)}"}
    )
    return TemplateResponse(
        request,
        "records/admin/due_list.html",
        {
            "form": form,
            "rows": rows,
            "year": year,
            "month": month,
            "month_label": f"{month_name(month)} {to_persian_digits(year)}",
            "prepare": prepare,
            "decisions": DECISION_CHOICES,
            "can_prepare": request.user.is_superuser or has_role(request.user, Role.RECORDS_MANAGER),
        },
    )


@require_POST
def batch_prepare(request):
    form = PrepareBatchForm(request.POST)
    ids = [int(i) for i in request.POST.getlist("record") if i.isdigit()]
    decisions = {pk: request.POST.get(f"decision-{pk}") for pk in ids if request.POST.get(f"decision-{pk}")}
    if not form.is_valid():
        messages.error(request, "عنوان فهرست را بنویسید.")
        return redirect("records_due")
    try:
        batch = services.prepare_batch(
            Record.objects.filter(pk__in=ids),
            by=request.user,
            title=form.cleaned_data["title"],
            note=form.cleaned_data["note"],
            decisions=decisions,
        )
    except (RecordsRuleViolation, PermissionDenied) as exc:
        messages.error(request, getattr(exc, "message", str(exc)))
        return redirect("records_due")
    messages.success(request, "فهرست تعیین تکلیف تهیه شد و به تایید شخص دیگری نیاز دارد.")
    return redirect("records_batch_detail", batch.pk)


def batches(request):
    user = request.user
    if not (can_read(user) or _is_second_person(user)):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "records/admin/batches.html",
        {"batches": DispositionBatch.objects.select_related("prepared_by", "approved_by", "executed_by")},
    )


def batch_detail(request, pk: int):
    user = request.user
    if not (can_read(user) or _is_second_person(user)):
        raise PermissionDenied
    batch = get_object_or_404(DispositionBatch, pk=pk)
    return TemplateResponse(
        request,
        "records/admin/batch_detail.html",
        {
            "batch": batch,
            "items": batch.items.select_related("record", "record__series"),
            "can_approve": _is_second_person(user) and batch.status == BatchStatus.PREPARED,
            "can_cancel": _is_second_person(user)
            and batch.status in (BatchStatus.PREPARED, BatchStatus.APPROVED),
            "can_execute": (user.is_superuser or has_role(user, Role.RECORDS_MANAGER))
            and batch.status == BatchStatus.APPROVED,
        },
    )


@require_POST
def batch_action(request, pk: int, action: str):
    batch = get_object_or_404(DispositionBatch, pk=pk)
    actions = {
        "approve": (services.approve_batch, "فهرست تایید شد."),
        "cancel": (services.cancel_batch, "فهرست لغو شد."),
        "execute": (services.execute_batch, "تعیین تکلیف اجرا شد و گواهی آن به عنوان سابقه نگهداری می‌شود."),
    }
    if action not in actions:
        raise PermissionDenied
    service, done = actions[action]
    try:
        service(batch, by=request.user)
    except (RecordsRuleViolation, PermissionDenied) as exc:
        messages.error(request, getattr(exc, "message", str(exc)))
    else:
        messages.success(request, done)
    return redirect("records_batch_detail", batch.pk)


def batch_package(request, pk: int):
    _require_read(request.user)
    batch = get_object_or_404(DispositionBatch, pk=pk)
    if not batch.package:
        raise PermissionDenied("این فهرست بسته انتقال ندارد.")
    response = FileResponse(batch.package.open("rb"), as_attachment=True, filename=f"transfer-{batch.pk}.zip")
    response["Cache-Control"] = "private, no-store"
    return response


# --- history (auditors) -------------------------------------------------------------------------------


def _history_rows(record: Record) -> list[dict]:
    """Every version and every logged action about a record, its files, holds and disposition, oldest first."""
    rows = []

    def versions(queryset, what):
        previous = {}
        for version in queryset.order_by("history_date", "history_id"):
            fields = {
                f.attname: getattr(version, f.attname) for f in version.instance_type._meta.concrete_fields
            }
            key = (what, version.id)
            before = previous.get(key, {})
            changed = [
                f"{version.instance_type._meta.get_field(name.removesuffix('_id')).verbose_name}: {value}"
                for name, value in fields.items()
                if before and before.get(name) != value
            ]
            previous[key] = fields
            rows.append(
                {
                    "when": version.history_date,
                    "who": display_name(version.history_user) if version.history_user else "سامانه",
                    "what": what,
                    "action": {"+": "ایجاد", "~": "تغییر", "-": "حذف"}[version.history_type],
                    "reason": version.history_change_reason or "",
                    "changes": "؛ ".join(changed),
                }
            )

    versions(Record.history.filter(id=record.pk), "سابقه")
    versions(RecordFile.history.filter(record_id=record.pk), "فایل")
    versions(Hold.history.filter(record_id=record.pk), "توقیف")
    versions(Hold.history.filter(series_id=record.series_id), "توقیف ردیف")
    versions(Hold.history.filter(linked_to_cycles_of_record_q(record.pk)), "توقیف دوره ارزیابی")
    versions(DispositionItem.history.filter(record_id=record.pk), "تعیین تکلیف")
    for entry in ModelLogEntry.objects.for_instance(record).select_related("user").order_by("timestamp"):
        action = (
            log_registry.get_action_label(entry.action)
            if log_registry.action_exists(entry.action)
            else entry.action
        )
        data = entry.data or {}
        rows.append(
            {
                "when": entry.timestamp,
                "who": display_name(entry.user) if entry.user else "سامانه",
                "what": "رویداد",
                "action": action,
                "reason": data.get("reason") or data.get("message") or "",
                "changes": "",
            }
        )
    rows.sort(key=lambda r: r["when"])
    for row in rows:
        row["when_jalali"] = format_jalali_datetime(row["when"])
    return rows


def record_history(request, pk: int):
    """The full history of a record for auditors (read-only), as a page or as CSV (?format=csv)."""
    _require_read(request.user)
    record = get_object_or_404(Record, pk=pk)
    rows = _history_rows(record)
    if request.GET.get("format") == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["زمان (شمسی)", "زمان (ISO)", "کاربر", "موضوع", "عمل", "دلیل", "تغییرات"])
        for row in rows:
            writer.writerow(
                [
                    row["when_jalali"],
                    row["when"].isoformat(),
                    row["who"],
                    row["what"],
                    row["action"],
                    row["reason"],
                    row["changes"],
                ]
            )
        response = HttpResponse(
            ("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="record-{record.pk}-history.csv"'
        return response
    return TemplateResponse(request, "records/admin/record_history.html", {"record": record, "rows": rows})


# --- the register in and out of spreadsheets -------------------------------------------------------


def register_import(request):
    """The register's export for every reader of records; its import for the records manager only."""
    _require_read(request.user)
    may_import = request.user.is_superuser or has_role(request.user, Role.RECORDS_MANAGER)
    if request.method == "POST" and not may_import:
        raise PermissionDenied("ورود جدول نگهداری با مدیر سوابق است.")
    register = RetentionRegisterPage.objects.first()
    form = RegisterImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if register is None:
            form.add_error(None, "نخست صفحه «جدول نگهداری سوابق» را زیر صفحه اصلی بسازید.")
        else:
            try:
                result = register_io.import_register(
                    register, upload.name, upload.read(register_io.MAX_BYTES + 1), by=request.user
                )
            except register_io.RegisterImportRefused as exc:
                problems = exc.problems
                form.add_error(None, exc.message)
    return TemplateResponse(
        request,
        "records/admin/register_import.html",
        {
            "form": form,
            "problems": problems,
            "result": result,
            "columns": register_io.COLUMNS,
            "may_import": may_import,
        },
    )


def register_export(request):
    _require_read(request.user)
    kind = request.GET.get("format", "xlsx")
    if kind == "csv":
        response = HttpResponse(register_io.export_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="retention-register.csv"'
    else:
        response = HttpResponse(
            register_io.export_xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="retention-register.xlsx"'
    return response
