"""The rule editor's form: content types limited to what rules can see, labelled in Persian."""

from __future__ import annotations

from django import forms
from django.contrib.contenttypes.models import ContentType
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import get_page_models


class ContentTypeChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: ContentType) -> str:
        model = obj.model_class()
        return str(model._meta.verbose_name) if model else obj.model


def rule_content_types():
    """Page types, and records (whose disposition dates are deadlines)."""
    from records.models import Record

    models = [m for m in get_page_models() if not m._meta.abstract] + [Record]
    ids = [ContentType.objects.get_for_model(m).pk for m in models]
    return ContentType.objects.filter(pk__in=ids).order_by("app_label", "model")


class ContentRuleForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "content_types" in self.fields:
            old = self.fields["content_types"]
            self.fields["content_types"] = ContentTypeChoices(
                queryset=rule_content_types(),
                required=False,
                label=old.label,
                help_text=old.help_text,
                widget=forms.CheckboxSelectMultiple,
            )
