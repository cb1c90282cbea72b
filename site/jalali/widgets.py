"""Text inputs that show Jalali dates and open a small self-written Jalali calendar in the browser.

The picker is plain JavaScript (``static/jalali/jalali-datepicker.js``) that listens on the document,
so inputs added later — InlinePanel rows, StreamField blocks, dialogs — work without any set-up call.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms

from .calendar import format_jalali, format_jalali_datetime, jalali_today
from .digits import to_persian_digits

PICKER_JS = "jalali/jalali-datepicker.js"
PICKER_CSS = "jalali/jalali-datepicker.css"


class JalaliDateInput(forms.TextInput):
    """A left-to-right text input holding «۱۴۰۵/۰۹/۰۳» with a calendar button beside it."""

    template_name = "jalali/widgets/jalali_input.html"
    picker_mode = "date"
    supports_microseconds = False

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        final = {"dir": "ltr", "autocomplete": "off", "data-jalali-picker": self.picker_mode}
        if attrs:
            final.update(attrs)
        super().__init__(final)

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, datetime.date):
            return format_jalali(value)
        return super().format_value(value)

    def placeholder(self) -> str:
        """Today's date in the shape the input expects, e.g. «۱۴۰۵/۰۹/۰۳»."""
        return format_jalali(jalali_today())

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs.setdefault("placeholder", self.placeholder())
        widget_attrs.setdefault("data-jalali-today", format_jalali(jalali_today(), "ascii"))
        context["widget"]["toggle_label"] = "نمایش تقویم"
        return context

    @property
    def media(self) -> forms.Media:
        return forms.Media(js=[PICKER_JS], css={"all": [PICKER_CSS]})


class JalaliDateTimeInput(JalaliDateInput):
    """Jalali date plus time: «۱۴۰۵/۰۹/۰۳ ۱۴:۳۰»; the calendar popup has a time box."""

    picker_mode = "datetime"

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, datetime.datetime):
            return format_jalali_datetime(value)
        return super().format_value(value)

    def placeholder(self) -> str:
        return f"{format_jalali(jalali_today())} {to_persian_digits('08:30')}"


def jalali_widget(widget: Any, jalali_class: type[JalaliDateInput]) -> Any:
    """The widget a Jalali field should use in place of ``widget``.

    None, or any date/datetime input (Django's, or Wagtail's AdminDateInput / AdminDateTimeInput as the
    publishing-schedule panel passes), becomes ``jalali_class``, keeping the given HTML attributes (the
    schedule dialog's ``data-*`` wiring survives). Other widgets (hidden inputs, custom ones) are kept.
    """
    if widget is None:
        return jalali_class
    if isinstance(widget, type):
        if issubclass(widget, JalaliDateInput):
            return widget
        if issubclass(widget, forms.widgets.DateTimeBaseInput):
            return jalali_class
        return widget
    if isinstance(widget, JalaliDateInput):
        return widget
    if isinstance(widget, forms.widgets.DateTimeBaseInput):
        kept = {
            key: value for key, value in widget.attrs.items() if key not in ("type", "data-jalali-picker")
        }
        return jalali_class(attrs=kept)
    return widget


class PersianNumberInput(forms.TextInput):
    """A number shown in Persian digits («۱۴۰۵»). A browser's number input holds ASCII digits only, so this
    is a text input with the numeric keyboard; Django's number fields read any digit script back."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"inputmode": "numeric", "dir": "ltr", **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        shown = super().format_value(value)
        return to_persian_digits(shown) if shown else shown
