"""Building blocks for the content pages carry in Wagtail API v2 (``/api/v2/pages/<id>/``).

Each page model lists its fields in ``api_fields`` (Wagtail's ``APIField``); the fields that are not a
plain column are ``Computed`` serializer fields whose functions live in the app's ``api_fields`` module.
Dates go out twice: ISO for machines (``"date": "2012-12-03"``) and Jalali with Persian digits for
people (``"date_jalali": "۱۳۹۱/۰۹/۱۳"``), as everywhere else in Sanad.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from rest_framework.fields import Field

from jalali.calendar import format_jalali
from jalali.conversion import as_local_date


class Computed(Field):
    """A read-only API field whose value is ``compute(page, request)``: rows, lists and nested objects
    built from the page (and what it cites), not a column of its own."""

    def __init__(self, compute: Callable, **kwargs):
        self.compute = compute
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return self.compute(page, self.context.get("request"))


def dates(name: str, value: dt.date | None) -> dict:
    """``{name: "2012-12-03", name_jalali: "۱۳۹۱/۰۹/۱۳"}`` (None and "" when there is no date)."""
    value = as_local_date(value)  # an instant's day in Tehran, not in UTC: 01:00 on the 4th is the 4th
    return {name: value.isoformat() if value else None, f"{name}_jalali": format_jalali(value)}


def iso_date(value) -> str | None:
    """A date as ISO text, whether it came as a date or already as text (a frozen copy stores text)."""
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else value.isoformat()


def absolute(request, url: str) -> str:
    """``url`` made absolute for the request, as Wagtail's own ``detail_url`` and ``html_url`` are."""
    if not url:
        return ""
    return request.build_absolute_uri(url) if request is not None else url


def document_link(request, document) -> dict | None:
    """A Wagtail document as an API row: its id (for ``/api/v2/documents/<id>/``), title, kind and the
    permission-checked download address."""
    if document is None:
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "file_extension": (document.file_extension or "").lower(),
        "download_url": absolute(request, document.url),
    }


def page_link(request, page) -> dict:
    """Another page, as the API names it: id (for ``/api/v2/pages/<id>/``), type, title and address."""
    specific = page.specific_deferred if hasattr(page, "specific_deferred") else page
    return {
        "id": page.pk,
        "type": f"{specific._meta.app_label}.{type(specific).__name__}",
        "title": page.title,
        "html_url": absolute(request, page.url) if page.live else "",
    }


class ComputedFieldsAreNotFilters:
    """Pages-endpoint mixin: a ``Computed`` field is content, not a column to filter by. Wagtail offers
    every API field named like a model field as ``?<field>=`` filter; for a stream of rows or a child
    relation that filter means nothing and a non-number is a database error, so it is refused as unknown."""

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if not db_fields_only:
            return fields
        computed = {f.name for f in cls.get_body_fields(model) if isinstance(f.serializer, Computed)}
        return [name for name in fields if name not in computed]
