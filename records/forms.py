"""Admin forms for records: Jalali dates, Persian messages; every write goes through ``records.services``."""

from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from jalali.calendar import PERSIAN_MONTH_NAMES, jalali_today, to_jalali_parts
from jalali.forms import JalaliDateField
from records.choices import HoldKind, Method
from records.models import Record, RetentionSeriesPage

RECORD_FIELDS = [
    "series",
    "title",
    "reference_number",
    "record_date",
    "end_date",
    "medium",
    "physical_location",
    "trigger_date",
    "notes",
]


class RecordForm(WagtailAdminModelForm):
    """Create a draft, edit a draft, or correct a declared record's metadata (with a reason)."""

    record_date = JalaliDateField(label="تاریخ سابقه")
    end_date = JalaliDateField(label="تاریخ پایان", required=False)
    trigger_date = JalaliDateField(label="تاریخ رویداد مبدأ", required=False)
    change_reason = forms.CharField(
        label="دلیل اصلاح",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="برای سابقه اعلام‌شده الزامی است و در تاریخچه با نام شما ثبت می‌شود.",
    )

    class Meta:
        model = Record
        fields = RECORD_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = RetentionSeriesPage.objects.order_by("code")
        self.fields["series"].label_from_instance = lambda s: f"{s.code} — {s.title}"
        if not (self.instance.pk and self.instance.is_declared):
            self.fields["change_reason"].widget = forms.HiddenInput()

    def clean(self):
        cleaned = super().clean()
        declared = bool(self.instance.pk and self.instance.is_declared)
        if declared and self.has_changed() and not " ".join((cleaned.get("change_reason") or "").split()):
            self.add_error("change_reason", "اصلاح مشخصات سابقه اعلام‌شده فقط با ذکر دلیل ممکن است.")
        return cleaned


class UploadForm(forms.Form):
    file = forms.FileField(
        label="فایل", help_text="PDF، تصویر، سند اداری، ZIP یا متن ساده؛ نوع از محتوای فایل تشخیص داده می‌شود."
    )


class HoldForm(forms.Form):
    kind = forms.ChoiceField(label="نوع توقیف", choices=HoldKind.choices)
    reason = forms.CharField(label="دلیل توقیف", widget=forms.Textarea(attrs={"rows": 3}))
    reference = forms.CharField(label="شماره نامه یا پرونده مرتبط", required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label="دلیل", widget=forms.Textarea(attrs={"rows": 3}))


def month_choices():
    return [(i, name) for i, name in enumerate(PERSIAN_MONTH_NAMES, start=1)]


class DueMonthForm(forms.Form):
    year = forms.IntegerField(label="سال", min_value=1300, max_value=1500)
    month = forms.TypedChoiceField(label="ماه", choices=month_choices, coerce=int)

    @classmethod
    def initial_for_today(cls) -> dict:
        year, month, _ = to_jalali_parts(jalali_today())
        return {"year": year, "month": month}


class PrepareBatchForm(forms.Form):
    title = forms.CharField(label="عنوان فهرست", max_length=255)
    note = forms.CharField(label="توضیح", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RegisterImportForm(forms.Form):
    file = forms.FileField(label="فایل جدول نگهداری (XLSX یا CSV)")


DECISION_CHOICES = [("", "—")] + list(Method.choices)
