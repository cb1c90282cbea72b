"""Wagtail viewsets for records, holds and disposition batches: Persian labels, Jalali dates, filters.

Creation and correction go through ``records.services`` (roles, reasons, history, audit); deletion
meets the model's guard and comes back as a message, never a 500.
"""

from __future__ import annotations

import django_filters
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.models import display_name
from jalali.calendar import PERSIAN_MONTH_NAMES, format_jalali, jalali_month_bounds
from jalali.digits import read_integer
from records import services
from records.choices import HoldKind, HoldStatus, Phase
from records.forms import RecordForm
from records.models import DispositionBatch, Hold, Record, RecordFile, RetentionSeriesPage
from records.rules import RecordsRuleViolation
from search.attachments import document_texts
from search.model_search import ParsedSearchIndexMixin


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Holds and batches are written only through the services' buttons, never by a generic form."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Hold, ReadOnlyPolicy(Hold), exact_class=True)
register_permission_policy(DispositionBatch, ReadOnlyPolicy(DispositionBatch), exact_class=True)

MONTHS = [(str(i), name) for i, name in enumerate(PERSIAN_MONTH_NAMES, start=1)]


class RecordFilterSet(WagtailFilterSet):
    series = django_filters.ModelChoiceFilter(
        label="ردیف جدول نگهداری", queryset=RetentionSeriesPage.objects.order_by("code")
    )
    phase = django_filters.ChoiceFilter(label="مرحله", choices=Phase.choices)
    on_hold = django_filters.BooleanFilter(label="در توقیف", method="filter_on_hold")
    due_year = django_filters.NumberFilter(label="سال موعد تعیین تکلیف", method="filter_due")
    due_month = django_filters.ChoiceFilter(label="ماه موعد تعیین تکلیف", choices=MONTHS, method="filter_due")

    class Meta:
        model = Record
        fields = ["series", "phase", "medium"]

    def filter_on_hold(self, queryset, name, value):
        if value is None:
            return queryset
        held = queryset.on_hold().values("pk")
        return queryset.filter(pk__in=held) if value else queryset.exclude(pk__in=held)

    def filter_due(self, queryset, name, value):
        year = read_integer(str(self.data.get("due_year") or ""))
        month = read_integer(str(self.data.get("due_month") or ""))
        if year is None or month is None:
            return queryset
        if not (1300 <= year <= 1500 and 1 <= month <= 12):
            return queryset.none()
        first, last = jalali_month_bounds(year, month)
        return queryset.filter(disposition_due_on__range=(first, last))


def _jalali(attr):
    return lambda obj: format_jalali(getattr(obj, attr)) or "—"


class RecordIndexView(ParsedSearchIndexMixin, generic.IndexView):
    # The search box reads queries as /search/ does: reference numbers by key, Jalali dates (search.model_search).
    search_number_fields = ("reference_number",)
    search_date_fields = ("record_date",)

    def search_extra_texts(self, queryset):
        # The text inside a record's files (evidence files too) finds the record, in this listing only:
        # it is shown to those who may see records, never on a public page.
        files = list(
            RecordFile.objects.filter(record__in=queryset.values("pk"), document__isnull=False).values_list(
                "record_id", "document_id"
            )
        )
        texts = document_texts([document_id for _, document_id in files])
        by_record: dict[int, list[str]] = {}
        for record_id, document_id in files:
            if document_id in texts:
                by_record.setdefault(record_id, []).append(texts[document_id])
        return {record_id: "\n".join(parts) for record_id, parts in by_record.items()}

    def get_edit_url(self, instance):
        return reverse("records_record_detail", args=[instance.pk])

    def get_list_more_buttons(self, instance):
        from wagtail.admin.widgets.button import ListingButton

        buttons = [
            ListingButton(
                "پرونده سابقه",
                reverse("records_record_detail", args=[instance.pk]),
                icon_name="folder-open-inverse",
                priority=5,
            ),
            ListingButton(
                "تاریخچه کامل",
                reverse("records_record_history", args=[instance.pk]),
                icon_name="history",
                priority=30,
            ),
        ]
        if not instance.is_disposed:
            buttons.append(
                ListingButton(
                    "توقیف", reverse("records_record_hold", args=[instance.pk]), icon_name="lock", priority=40
                )
            )
        return buttons + [
            b for b in super().get_list_more_buttons(instance) if b.url != self.get_edit_url(instance)
        ]


class RecordCreateView(generic.CreateView):
    def save_instance(self):
        skip = {"series", "change_reason", "subjects"}
        data = {k: v for k, v in self.form.cleaned_data.items() if k not in skip}
        record = services.create_record(self.form.cleaned_data["series"], by=self.request.user, **data)
        if self.form.cleaned_data.get("subjects"):
            services.set_record_subjects(record, self.form.cleaned_data["subjects"], by=self.request.user)
        return record

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except RecordsRuleViolation as exc:
            form.add_error(None, exc.message)
            return self.form_invalid(form)

    def get_success_url(self):
        return reverse("records_record_detail", args=[self.object.pk])


class RecordEditView(generic.EditView):
    def dispatch(self, request, *args, **kwargs):
        record = Record.objects.filter(pk=kwargs.get("pk")).first()
        if record is not None and record.is_disposed:
            messages.error(
                request, "این سابقه تعیین تکلیف شده است؛ از آن فقط نشانه (مشخصات) باقی است و تغییر نمی‌کند."
            )
            return redirect("records_record_detail", record.pk)
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        record = Record.objects.get(pk=self.object.pk)
        changes = {
            name: self.form.cleaned_data[name]
            for name in self.form.changed_data
            if name not in {"change_reason", "subjects"}
        }
        reason = self.form.cleaned_data.get("change_reason") or (
            "ویرایش پیش‌نویس" if not record.is_declared else ""
        )
        if "subjects" in self.form.changed_data:
            services.set_record_subjects(record, self.form.cleaned_data["subjects"], by=self.request.user)
        if not changes:
            return record
        return services.correct_record(record, by=self.request.user, reason=reason, **changes)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except RecordsRuleViolation as exc:
            form.add_error(None, exc.message)
            return self.form_invalid(form)

    def get_success_url(self):
        return reverse("records_record_detail", args=[self.object.pk])


class RecordDeleteView(generic.DeleteView):
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except RecordsRuleViolation as exc:
            messages.error(self.request, exc.message)
            return redirect("records_record_detail", self.object.pk)


class RecordViewSet(ModelViewSet):
    model = Record
    icon = "folder-open-inverse"
    menu_label = "سوابق"
    menu_order = 100
    index_view_class = RecordIndexView
    add_view_class = RecordCreateView
    edit_view_class = RecordEditView
    delete_view_class = RecordDeleteView
    filterset_class = RecordFilterSet
    search_fields = ["title", "reference_number", "notes"]
    list_per_page = 50
    list_display = [
        TitleColumn("title", label="عنوان سابقه", url_name="records_record_detail"),
        "reference_number",
        Column("series", label="ردیف", accessor=lambda r: r.series.code),
        Column("phase", label="مرحله", accessor="get_phase_display"),
        Column("record_date", label="تاریخ سابقه", accessor=_jalali("record_date")),
        Column("active_until", label="پایان دوره جاری", accessor=_jalali("active_until")),
        Column("archive_until", label="پایان دوره راکد", accessor=_jalali("archive_until")),
        Column("disposition_due_on", label="موعد تعیین تکلیف", accessor=lambda r: r.disposition_due_jalali),
        Column("hold", label="توقیف", accessor=lambda r: "در توقیف" if r.is_on_hold else ""),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("series"),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("reference_number"), FieldPanel("medium")]),
            FieldRowPanel([FieldPanel("record_date"), FieldPanel("end_date")]),
            FieldPanel("physical_location"),
            FieldPanel("trigger_date"),
            FieldPanel("notes"),
            MultiFieldPanel([FieldPanel("change_reason")], heading="اصلاح مشخصات"),
        ],
        base_form_class=RecordForm,
    )

    def get_queryset(self, request):
        return Record.objects.select_related("series")


class HoldFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="وضعیت", choices=HoldStatus.choices)
    kind = django_filters.ChoiceFilter(label="نوع توقیف", choices=HoldKind.choices)
    in_force = django_filters.BooleanFilter(label="در جریان", method="filter_in_force")

    class Meta:
        model = Hold
        fields = ["status", "kind", "scope"]

    def filter_in_force(self, queryset, name, value):
        if value is None:
            return queryset
        released = Q(status=HoldStatus.RELEASED)
        return queryset.exclude(released) if value else queryset.filter(released)


class HoldViewSet(ModelViewSet):
    """The register of holds: read here, placed and released through the buttons (two persons)."""

    model = Hold
    icon = "lock"
    menu_label = "دفتر توقیف‌ها"
    menu_order = 110
    filterset_class = HoldFilterSet
    form_fields = []
    list_display = [
        Column("target", label="موضوع", accessor="target_label"),
        Column("kind", label="نوع", accessor="get_kind_display"),
        Column("status", label="وضعیت", accessor="get_status_display"),
        Column("placed_at", label="زمان توقیف", accessor=_jalali("placed_at")),
        Column("placed_by", label="توقیف‌کننده", accessor=lambda hold: display_name(hold.placed_by)),
        Column("released_at", label="زمان رفع", accessor=_jalali("released_at")),
    ]

    def get_queryset(self, request):
        return Hold.objects.select_related("record", "series", "cycle", "placed_by")


class BatchViewSet(ModelViewSet):
    model = DispositionBatch
    icon = "bin"
    menu_label = "دفتر تعیین تکلیف"
    menu_order = 120
    form_fields = []
    list_filter = ["status"]
    list_display = [
        TitleColumn("title", label="عنوان", url_name="records_batch_detail"),
        Column("status", label="وضعیت", accessor="get_status_display"),
        Column("prepared_at", label="تهیه", accessor=_jalali("prepared_at")),
        Column("approved_at", label="تایید", accessor=_jalali("approved_at")),
        Column("executed_at", label="اجرا", accessor=_jalali("executed_at")),
    ]


class RecordsGroup(ViewSetGroup):
    menu_label = "سوابق و نگهداری"
    menu_icon = "folder-open-inverse"
    menu_order = 240
    items = (RecordViewSet("records"), HoldViewSet("record_holds"), BatchViewSet("disposition_batches"))
