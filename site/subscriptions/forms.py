"""The form a user subscribes with: what to follow (any of type, authority, subject, collection) and how."""

from __future__ import annotations

from django import forms

from procedures.models import IssuingAuthority
from procedures.models.references import ReferenceType
from subscriptions.models import Delivery


class SubscriptionForm(forms.Form):
    ref_type = forms.ChoiceField(
        label="نوع سند", required=False, choices=[("", "— هر نوع —"), *ReferenceType.choices]
    )
    authority = forms.ModelChoiceField(
        label="مرجع صدور", required=False, queryset=IssuingAuthority.objects.none(), empty_label="— هر مرجع —"
    )
    subject = forms.ModelChoiceField(label="موضوع", required=False, queryset=None, empty_label="— هر موضوع —")
    collection = forms.ModelChoiceField(
        label="مجموعه جست‌وجو", required=False, queryset=None, empty_label="— بدون مجموعه —"
    )
    delivery = forms.ChoiceField(
        label="ارسال", choices=Delivery.choices, initial=Delivery.IMMEDIATE, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        from smartfolders.models import SavedSearchPage
        from subjects.models import SubjectTag

        super().__init__(*args, **kwargs)
        self.fields["authority"].queryset = IssuingAuthority.objects.order_by("name")
        self.fields["subject"].queryset = SubjectTag.objects.order_by("name")
        self.fields["collection"].queryset = SavedSearchPage.objects.live().public().order_by("title")
        self.fields["collection"].label_from_instance = lambda page: page.title

    def clean(self):
        data = super().clean()
        if not (
            data.get("ref_type") or data.get("authority") or data.get("subject") or data.get("collection")
        ):
            raise forms.ValidationError("دست‌کم یکی را برگزینید: نوع سند، مرجع صدور، موضوع یا مجموعه جست‌وجو.")
        return data
