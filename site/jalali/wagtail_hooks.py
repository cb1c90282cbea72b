"""Make every date and date-time field in Wagtail's admin Jalali: pages, snippets and ModelViewSets.

Wagtail builds admin model forms through ``formfield_for_dbfield``, which looks the model field's
class up in ``wagtail.admin.forms.models.registry``. Wagtail registers ``AdminDateInput`` /
``AdminDateTimeInput`` there when that module is imported; importing it here first and then
registering the same keys replaces those entries. We also register them as ``exact_class`` entries,
which the registry consults before the class hierarchy, so a later non-exact registration by another
app cannot take ``models.DateField`` / ``models.DateTimeField`` back.

Only ``form_class`` is overridden: the Jalali fields choose their own widget, and they turn a
Wagtail/Django date widget passed explicitly (the publishing-schedule panel passes
``AdminDateTimeInput`` for ``go_live_at`` / ``expire_at``) into the Jalali one, keeping its attributes.
A widget in the override would also leak onto model fields with ``choices``, where Django drops
``form_class`` but keeps ``widget``.

``JalaliConfig.ready`` imports this module, so the registration happens before any admin form class
is built (Wagtail's system checks build page forms early). The picker script and stylesheet are also
put on every admin page, for forms that arrive without their media (modals).
"""

from __future__ import annotations

from django.db import models
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override

from .forms import JalaliDateField, JalaliDateTimeField
from .widgets import PICKER_CSS, PICKER_JS


def register_jalali_form_fields() -> None:
    """Point Wagtail's admin form-field registry at the Jalali fields (idempotent)."""
    for exact_class in (False, True):
        register_form_field_override(
            models.DateField, override={"form_class": JalaliDateField}, exact_class=exact_class
        )
        register_form_field_override(
            models.DateTimeField, override={"form_class": JalaliDateTimeField}, exact_class=exact_class
        )


register_jalali_form_fields()


@hooks.register("insert_global_admin_css")
def jalali_picker_css() -> SafeString:
    return format_html('<link rel="stylesheet" href="{}">', static(PICKER_CSS))


@hooks.register("insert_global_admin_js")
def jalali_picker_js() -> SafeString:
    return format_html('<script src="{}"></script>', static(PICKER_JS))


@hooks.register("insert_global_admin_js")
def persian_digits_js() -> SafeString:
    return format_html('<script src="{}"></script>', static("jalali/persian-digits.js"))


@hooks.register("insert_global_admin_css")
def persian_file_input_css() -> SafeString:
    return format_html('<link rel="stylesheet" href="{}">', static("jalali/persian-file-input.css"))


@hooks.register("insert_global_admin_js")
def persian_file_input_js() -> SafeString:
    return format_html('<script src="{}"></script>', static("jalali/persian-file-input.js"))
