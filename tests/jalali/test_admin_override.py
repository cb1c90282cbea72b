"""Every DateField and DateTimeField in Wagtail admin model forms gets the Jalali field and widget."""

import datetime

import pytest
from django.db import models
from django.test.utils import isolate_apps
from wagtail.admin.forms.models import WagtailAdminModelForm, registry
from wagtail.admin.panels import FieldPanel, ObjectList, get_edit_handler, get_form_for_model
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput, AdminTimeInput

from jalali.forms import JalaliDateField, JalaliDateInput, JalaliDateTimeField, JalaliDateTimeInput

UTC = datetime.UTC


def test_the_registry_resolves_date_fields_to_the_jalali_field():
    assert registry.get(models.DateField()) == {"form_class": JalaliDateField}
    assert registry.get(models.DateTimeField()) == {"form_class": JalaliDateTimeField}


def test_the_override_wins_through_the_exact_class_table_too():
    assert registry.values_by_exact_class[models.DateField] == {"form_class": JalaliDateField}
    assert registry.values_by_exact_class[models.DateTimeField] == {"form_class": JalaliDateTimeField}


def test_time_fields_keep_wagtails_widget():
    assert registry.get(models.TimeField()) == {"widget": AdminTimeInput}


@isolate_apps("jalali")
def test_a_wagtail_admin_model_form_uses_jalali_fields_and_round_trips():
    class Circular(models.Model):
        issued_on = models.DateField()
        published_at = models.DateTimeField(null=True, blank=True)

        class Meta:
            app_label = "jalali"

        def __str__(self):
            return "test model"

    # What snippets and ModelViewSets do: the model's edit handler builds the form class.
    CircularForm = get_edit_handler(Circular).get_form_class()
    assert issubclass(CircularForm, WagtailAdminModelForm)

    issued = CircularForm.base_fields["issued_on"]
    published = CircularForm.base_fields["published_at"]
    assert type(issued) is JalaliDateField
    assert type(issued.widget) is JalaliDateInput
    assert type(published) is JalaliDateTimeField
    assert type(published.widget) is JalaliDateTimeInput

    form = CircularForm(data={"issued_on": "13/09/1391", "published_at": "۱۳۹۱/۰۹/۱۳ ۰۸:۰۰"})
    assert form.is_valid(), form.errors
    circular = form.save(commit=False)
    assert circular.issued_on == datetime.date(2012, 12, 3)
    assert circular.published_at == datetime.datetime(2012, 12, 3, 4, 30, tzinfo=UTC)

    shown = CircularForm(instance=circular)
    assert shown["issued_on"].value() == "۱۳۹۱/۰۹/۱۳"
    assert shown["published_at"].value() == "۱۳۹۱/۰۹/۱۳ ۰۸:۰۰"


@isolate_apps("jalali")
def test_a_date_field_with_choices_keeps_its_select():
    class Cycle(models.Model):
        starts_on = models.DateField(choices=[(datetime.date(2024, 3, 20), "۱۴۰۳")])

        class Meta:
            app_label = "jalali"

        def __str__(self):
            return "test model"

    CycleForm = get_form_for_model(Cycle, fields=["starts_on"])

    field = CycleForm.base_fields["starts_on"]
    assert not isinstance(field, JalaliDateField)
    assert not isinstance(field.widget, JalaliDateInput)


@isolate_apps("jalali")
def test_a_field_panel_with_an_explicit_date_widget_still_gets_the_jalali_one():
    class Letter(models.Model):
        sent_on = models.DateField()

        class Meta:
            app_label = "jalali"

        def __str__(self):
            return "test model"

    panel = ObjectList([FieldPanel("sent_on", widget=AdminDateInput(attrs={"class": "wide"}))])
    form_class = panel.bind_to_model(Letter).get_form_class()
    field = form_class.base_fields["sent_on"]
    assert type(field) is JalaliDateField
    assert type(field.widget) is JalaliDateInput
    assert field.widget.attrs["class"] == "wide"


def test_the_page_publishing_schedule_fields_are_jalali_and_keep_the_dialog_wiring():
    from wagtail.models import Page

    form_class = Page.get_edit_handler().get_form_class()
    for name in ("go_live_at", "expire_at"):
        field = form_class.base_fields[name]
        assert type(field) is JalaliDateTimeField
        assert type(field.widget) is JalaliDateTimeInput
        assert not isinstance(field.widget, AdminDateTimeInput | AdminDateInput)
        assert field.widget.attrs["data-w-dialog-target"] == "notify"
        assert field.widget.attrs["data-action"] == "w-dialog:hidden->w-action#reset"


@pytest.mark.django_db
def test_the_page_edit_form_accepts_a_jalali_go_live_date():
    from wagtail.models import Page

    form_class = Page.get_edit_handler().get_form_class()
    page = Page(title="بخشنامه", slug="circular")
    form = form_class(
        data={"title": "بخشنامه", "slug": "circular", "go_live_at": "۱۴۰۹/۰۱/۰۱ ۰۹:۰۰", "expire_at": ""},
        instance=page,
        for_user=None,
    )
    form.is_valid()
    assert "go_live_at" not in form.errors
    assert form.cleaned_data["go_live_at"] == datetime.datetime(2030, 3, 21, 5, 30, tzinfo=UTC)


def test_the_picker_assets_are_on_every_admin_page():
    from wagtail import hooks

    css = "".join(hook() for hook in hooks.get_hooks("insert_global_admin_css"))
    js = "".join(hook() for hook in hooks.get_hooks("insert_global_admin_js"))
    assert "jalali/jalali-datepicker.css" in css
    assert "jalali/jalali-datepicker.js" in js
