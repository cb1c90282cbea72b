"""Admin forms: the collection page's edit form, and «ذخیره به‌عنوان مجموعه» (title and parent of a new draft)."""

from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from search.registry import kind_labels


def kind_choices() -> list[tuple[str, str]]:
    """Every searchable type, read when the form is built: a type registered later is offered too."""
    return list(kind_labels().items())


class SavedSearchPageForm(WagtailAdminPageForm):
    """Types are ticked from the search's own list; the stored value is the list of type keys."""

    kinds = forms.MultipleChoiceField(
        label="نوع سند",
        choices=kind_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="هیچ‌کدام: همهٔ انواع.",
        error_messages={"invalid_choice": "نوع سند «%(value)s» شناخته نیست؛ از فهرست انتخاب کنید."},
    )


class SaveSearchForm(forms.Form):
    """Where the new collection goes and what it is called; its filters come from the search's address."""

    title = forms.CharField(label="عنوان مجموعه", max_length=255)
    parent = forms.TypedChoiceField(label="محل مجموعه در سایت", coerce=int)

    def __init__(self, *args, parents=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].error_messages["required"] = "عنوانی برای مجموعه بنویسید."
        self.fields["parent"].choices = [(p.pk, p.get_admin_display_title()) for p in parents]
        self.fields["parent"].error_messages["invalid_choice"] = (
            "این صفحه را نمی‌توانید برای مجموعه برگزینید؛ یکی از صفحه‌های فهرست را انتخاب کنید."
        )
        self.fields["parent"].error_messages["required"] = "محل مجموعه را انتخاب کنید."
