"""Admin forms for records: Jalali dates, Persian messages; every write goes through ``records.services``."""

from __future__ import annotations

from django import forms
from taggit.forms import TagField
from wagtail.admin.forms import WagtailAdminModelForm

from jalali.calendar import PERSIAN_MONTH_NAMES, jalali_today, to_jalali_parts
from jalali.digits import to_persian_digits
from jalali.forms import JalaliDateField
from jalali.widgets import PersianNumberInput
from records.choices import HoldKind, HoldScope, Method
from records.models import Hold, Record, RetentionSeriesPage
from records.models.record import EDITABLE_FIELDS
from subjects.widgets import SubjectTagWidget


class RecordForm(WagtailAdminModelForm):
    """Create a draft, edit a draft, or correct a declared record's metadata (with a reason)."""

    record_date = JalaliDateField(label="تاریخ سابقه")
    end_date = JalaliDateField(label="تاریخ پایان", required=False)
    trigger_date = JalaliDateField(label="تاریخ رویداد مبدأ", required=False)
    subjects = TagField(label="موضوعات", required=False, widget=SubjectTagWidget)
    change_reason = forms.CharField(
        label="دلیل اصلاح",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="برای سابقه اعلام‌شده الزامی است و در تاریخچه با نام شما ثبت می‌شود.",
    )

    class Meta:
        model = Record
        fields = list(EDITABLE_FIELDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = RetentionSeriesPage.objects.order_by("code")
        self.fields["series"].label_from_instance = lambda s: f"{s.code} — {s.title}"
        if not (self.instance.pk and self.instance.is_declared):
            self.fields["change_reason"].widget = forms.HiddenInput()
        if self.instance.pk:
            self.initial["subjects"] = list(self.instance.tags.order_by("name"))

    def clean(self):
        cleaned = super().clean()
        declared = bool(self.instance.pk and self.instance.is_declared)
        # Subjects are a classification, not a correction: they need no reason.
        corrected = [name for name in self.changed_data if name not in {"subjects", "change_reason"}]
        if declared and corrected and not " ".join((cleaned.get("change_reason") or "").split()):
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


class PlaceHoldForm(HoldForm):
    """Place a hold from the holds register: on one record, a whole series or an evaluation cycle."""

    scope = forms.ChoiceField(label="دامنه توقیف", choices=HoldScope.choices, widget=forms.RadioSelect)
    record = forms.CharField(
        label="شماره سابقه", required=False, help_text="برای توقیف یک سابقه: شماره سابقه را بنویسید."
    )
    series = forms.ModelChoiceField(
        label="ردیف جدول نگهداری", queryset=RetentionSeriesPage.objects.none(), required=False
    )
    cycle = forms.ModelChoiceField(label="دوره ارزیابی", queryset=None, required=False)

    field_order = ["scope", "record", "series", "cycle", "kind", "reason", "reference"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = RetentionSeriesPage.objects.order_by("code")
        self.fields["series"].label_from_instance = lambda s: f"{to_persian_digits(s.code)} — {s.title}"
        self.fields["cycle"].queryset = Hold.cycle_model().objects.order_by("-year")
        self.fields["cycle"].label_from_instance = lambda c: f"{to_persian_digits(c.year)} — {c.title}"

    def clean(self):
        cleaned = super().clean()
        scope = cleaned.get("scope")
        if scope == HoldScope.RECORD:
            number = (cleaned.get("record") or "").strip()
            record = Record.objects.filter(reference_number=number).first() if number else None
            if record is None:
                self.add_error("record", "سابقه‌ای با این شماره یافت نشد.")
            cleaned["record"] = record
        else:
            cleaned["record"] = None
        if scope == HoldScope.SERIES and not cleaned.get("series"):
            self.add_error("series", "ردیف جدول نگهداری را برگزینید.")
        if scope == HoldScope.CYCLE and not cleaned.get("cycle"):
            self.add_error("cycle", "دوره ارزیابی را برگزینید.")
        if scope != HoldScope.SERIES:
            cleaned["series"] = None
        if scope != HoldScope.CYCLE:
            cleaned["cycle"] = None
        return cleaned

    def hold_arguments(self) -> dict:
        """The keyword arguments of ``services.place_hold`` (without ``by``)."""
        return {k: v for k, v in self.cleaned_data.items() if k != "scope"}


class ReasonForm(forms.Form):
    reason = forms.CharField(label="دلیل", widget=forms.Textarea(attrs={"rows": 3}))


def month_choices():
    return [(i, name) for i, name in enumerate(PERSIAN_MONTH_NAMES, start=1)]


class DueMonthForm(forms.Form):
    year = forms.IntegerField(label="سال", min_value=1300, max_value=1500, widget=PersianNumberInput)
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
