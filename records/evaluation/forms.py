"""Forms of the evaluation screens. Dates are Jalali (``JalaliDateField``); scores accept Persian digits.

The forms only shape input; every rule is checked again by ``records.evaluation.services``.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.conf import settings
from wagtail.admin.forms import WagtailAdminPageForm

from jalali.digits import to_persian_digits
from jalali.forms import JalaliDateField
from records.evaluation import rules
from records.evaluation.choices import ObjectionStatus, PhaseKind


class ScoreField(forms.CharField):
    """A score typed with Persian or ASCII digits («۱۲٫۵», «12.5»)."""

    default_error_messages = {"invalid": "امتیاز را به عدد بنویسید، مانند ۱۲٫۵."}

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 12)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "dir": "ltr", "size": 8}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        """A stored score shown back as a person writes it: «۱۵», «۱۲٫۵» (issue 14), not «15.00»."""
        if isinstance(value, Decimal):
            return to_persian_digits(format(value.normalize(), "f")).replace(".", "٫")
        return value

    def clean(self, value):
        value = super().clean(value)
        if value in (None, ""):
            return None
        number = rules.parse_score(value)
        if number is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number


class UploadField(forms.FileField):
    default_error_messages = {
        "invalid": "فایل درست فرستاده نشد؛ دوباره بارگذاری کنید.",
        "empty": "فایل خالی است.",
    }

    def clean(self, data, initial=None):
        data = super().clean(data, initial)
        if data is not None and data.size > settings.RECORDS_MAX_UPLOAD_BYTES:
            from records.uploads import check_upload

            try:
                check_upload(data.name, b"", size=data.size)
            except rules.ControlRuleViolation as exc:
                raise forms.ValidationError(str(exc)) from None
        return data


class AnswerForm(forms.Form):
    self_score = ScoreField(label="امتیاز خودارزیابی")
    narrative = forms.CharField(
        label="شرح اقدامات و مستندات", required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    evidence = UploadField(label="افزودن مستند (PDF، تصویر، اسناد اداری، ZIP، متن)", required=False)


class ReviewForm(forms.Form):
    score = ScoreField(label="امتیاز ارزیاب")
    comment = forms.CharField(label="نظر ارزیاب", required=False, widget=forms.Textarea(attrs={"rows": 4}))


class ExtensionForm(forms.Form):
    phase = forms.ChoiceField(label="مرحله", choices=PhaseKind.choices, initial=PhaseKind.SELF_ASSESSMENT)
    agency = forms.ModelChoiceField(
        label="دستگاه", queryset=None, required=False, empty_label="همه دستگاه‌های دوره"
    )
    new_end = JalaliDateField(label="مهلت جدید")
    letter = forms.ModelChoiceField(
        label="نامه مجوز (از مستندات برون‌سازمانی)",
        queryset=None,
        required=False,
        empty_label="— نامه در مستندات نیست —",
    )
    letter_number = forms.CharField(label="شماره نامه مجوز", required=False, max_length=100)
    letter_date = JalaliDateField(label="تاریخ نامه مجوز", required=False)
    reason = forms.CharField(label="دلیل تمدید", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, cycle, **kwargs):
        super().__init__(*args, **kwargs)
        from procedures.models import ExternalReferencePage

        self.fields["agency"].queryset = cycle.agencies.all().order_by("code")
        self.fields["letter"].queryset = ExternalReferencePage.objects.live().order_by("-date", "title")
        self.fields["phase"].choices = [(p.kind, p.get_kind_display()) for p in cycle.ordered_phases()]

    def clean(self):
        data = super().clean()
        letter = data.get("letter")
        if letter is None and not (data.get("letter_number") and data.get("letter_date")):
            raise forms.ValidationError("نامه مجوز را از مستندات برگزینید یا شماره و تاریخ آن را بنویسید.")
        return data


class ObjectionForm(forms.Form):
    indicator = forms.ModelChoiceField(label="شاخص", queryset=None)
    reason = forms.CharField(label="دلیل اعتراض", widget=forms.Textarea(attrs={"rows": 5}))
    attachment = UploadField(label="پیوست (اختیاری)", required=False)

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators


class DecideObjectionForm(forms.Form):
    status = forms.ChoiceField(
        label="نتیجه بررسی",
        choices=[(s.value, s.label) for s in ObjectionStatus if s != ObjectionStatus.OPEN],
        widget=forms.RadioSelect,
    )
    new_score = ScoreField(
        label="امتیاز پس از بررسی", required=False, help_text="برای اعتراض ردشده امتیاز همان می‌ماند."
    )
    response = forms.CharField(label="پاسخ به دستگاه", widget=forms.Textarea(attrs={"rows": 4}))


class ProposeForm(forms.Form):
    note = forms.CharField(
        label="یادداشت برای تصویب‌کننده", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ApproveForm(forms.Form):
    council_reference = forms.CharField(
        label="شماره صورت‌جلسه شورای توسعه مدیریت", required=False, max_length=100
    )
    council_date = JalaliDateField(label="تاریخ جلسه شورا", required=False)


class ReturnForm(forms.Form):
    reason = forms.CharField(label="دلیل بازگشت", widget=forms.Textarea(attrs={"rows": 3}))


class IssueIndicatorsForm(forms.Form):
    indicators = forms.ModelMultipleChoiceField(
        label="شاخص‌های بانک", queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, cycle, **kwargs):
        super().__init__(*args, **kwargs)
        from records.evaluation.models import Indicator

        issued = cycle.indicators.values("indicator_id")
        self.fields["indicators"].queryset = (
            Indicator.objects.filter(active=True).exclude(pk__in=issued).order_by("code")
        )


class EvaluationCyclePageForm(WagtailAdminPageForm):
    """The cycle editor: a started phase's dates and an opened cycle's year, procedure and opening date
    are refused here with a message on the form (the page's ``save`` refuses them on every other path)."""

    def clean(self):
        cleaned = super().clean()
        page = self.instance
        procedure, opened_on = cleaned.get("procedure"), cleaned.get("opened_on")
        if (
            procedure is not None
            and opened_on
            and not page.pinned_revision_id
            and procedure.specific.revision_in_force_on(opened_on) is None
        ):
            self.add_error(
                "opened_on",
                "در این تاریخ هیچ بازنگری از روش اجرایی برگزیده جاری نبوده است؛ دوره بدون روش اجرایی حاکم گشوده نمی‌شود.",
            )
        if not page.pk:
            return cleaned
        from django.utils import timezone

        from records.evaluation.models import EvaluationCyclePage

        stored = EvaluationCyclePage.objects.filter(pk=page.pk).first()
        if stored is None:
            return cleaned
        if stored.pinned_revision_id:
            for name in ("year", "procedure", "opened_on"):
                if name in cleaned and cleaned[name] != getattr(stored, name):
                    self.add_error(
                        name, "دوره گشوده شده و بازنگری حاکم بر آن ثبت شده است؛ این مقدار دیگر تغییر نمی‌کند."
                    )
        formset = self.formsets.get("phases")
        if formset is None or not formset.is_valid():
            return cleaned
        old = stored.stored_timetable()
        new = {}
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            kind = data.get("kind")
            if kind in new:
                self.add_error(None, f"مرحله «{PhaseKind(kind).label}» دو بار آمده است.")
                continue
            try:
                rules.check_phase_dates(data.get("starts_on"), data.get("ends_on"), PhaseKind(kind).label)
            except rules.EvaluationRuleViolation as exc:
                self.add_error(None, exc.message)
                continue
            new[kind] = (data["starts_on"], data["ends_on"])
        today = timezone.localdate()
        for kind in set(old) | set(new):
            try:
                if old.get(kind) != new.get(kind):
                    rules.check_not_final(stored.is_final, "تغییر زمان‌بندی")
                rules.check_started_phase_unchanged(
                    today=today, label=PhaseKind(kind).label, stored=old.get(kind), new=new.get(kind)
                )
            except rules.EvaluationRuleViolation as exc:
                self.add_error(None, exc.message)
        return cleaned
