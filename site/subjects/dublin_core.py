"""Dublin Core metadata of a document (issue #7 §5), one function for the page head and the API.

The fifteen-element set's ten that Sanad can state truthfully: title, creator, subject, description,
publisher, date, type, identifier, language, rights. Dates are given in ISO (W3CDTF, what harvesters
read) and in Jalali (what people read); identifiers are the document's own: a controlled document's code
with its revision suffix («م پ-م-۱-۰۴/۰۰»), an act's number, else the page's address.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page

from jalali.calendar import format_jalali

LANGUAGE = "fa"
DCMI_TYPE = "Text"  # every Sanad document is text (DCMI Type Vocabulary)
DESCRIPTION_WORDS = 60

CONTROLLED_RIGHTS = (
    "این سند تحت کنترل سیستم مدیریت کیفیت {publisher} است؛ تهیه و توزیع هرگونه کپی از آن بدون هماهنگی "
    "با مدیریت/معاونت کیفیت مجاز نیست. نسخهٔ معتبر همین نسخهٔ منتشرشده در سامانه است."
)
REFERENCE_RIGHTS = (
    "متن رسمی این سند از آنِ مرجع صدور آن است و برای آگاهی عموم بازنشر شده است؛ در صورت اختلاف، متن "
    "ابلاغی مرجع صدور معتبر است."
)
DEFAULT_RIGHTS = "کلیهٔ حقوق این صفحه برای {publisher} محفوظ است؛ نقل مطالب با ذکر منبع آزاد است."


def _plain(value: Any) -> str:
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def _publisher(page: Page) -> str:
    return getattr(page, "organisation", "") or settings.SANAD_ORGANISATION


def _creator(page: Page) -> str:
    if getattr(page, "authority_id", None):
        return page.authority.name  # an external act is created by its issuing authority
    unit = getattr(page, "organisation_unit", "")
    publisher = _publisher(page)
    return f"{publisher} — {unit}" if unit else publisher


def _date(page: Page) -> dt.date | None:
    for name in ("revision_date", "issue_date", "date", "display_from"):
        value = getattr(page, name, None)
        if value:
            return value
    published = page.first_published_at or page.last_published_at
    return timezone.localdate(published) if published else None


def _kind(page: Page) -> str:
    if hasattr(page, "get_ref_type_display"):
        return page.get_ref_type_display()
    return str(page._meta.verbose_name)


def _identifier(page: Page, request=None) -> str:
    code = getattr(page, "full_code", "")
    if code:
        return code
    number = getattr(page, "number", "")
    if number:
        return number
    return page.get_full_url(request) or page.url_path


def _description(page: Page) -> str:
    for name in ("search_description", "summary", "purpose", "introduction", "intro", "body"):
        text = _plain(getattr(page, name, ""))
        if text:
            return Truncator(text).words(DESCRIPTION_WORDS, truncate=" …")
    return ""


def _rights(page: Page) -> str:
    if hasattr(page, "full_code"):
        return CONTROLLED_RIGHTS.format(publisher=_publisher(page))
    if hasattr(page, "ref_type"):
        return REFERENCE_RIGHTS
    return DEFAULT_RIGHTS.format(publisher=_publisher(page))


def _subjects(page: Page) -> list[str]:
    tags = getattr(page, "tags", None)
    return sorted(tags.names()) if tags is not None else []


def dublin_core(page: Page, request=None) -> dict[str, Any]:
    """The Dublin Core elements of ``page`` (a specific page). ``date`` is ``{"iso", "jalali"}``,
    ``type`` ``{"dcmi", "label"}``, ``subject`` a list; everything else a string (empty when unknown)."""
    page = page.specific if type(page) is Page else page
    day = _date(page)
    return {
        "title": page.title,
        "creator": _creator(page),
        "subject": _subjects(page),
        "description": _description(page),
        "publisher": _publisher(page),
        "date": {
            "iso": day.isoformat() if day else None,
            "jalali": format_jalali(day) if day else None,
        },
        "type": {"dcmi": DCMI_TYPE, "label": _kind(page)},
        "identifier": _identifier(page, request),
        "language": LANGUAGE,
        "rights": _rights(page),
    }


def meta_elements(page: Page, request=None) -> list[dict[str, str]]:
    """``dublin_core`` as the ``<meta>`` elements of the page head (name, content, and scheme or lang)."""
    dc = dublin_core(page, request)
    elements = [
        {"name": "DC.title", "content": dc["title"]},
        {"name": "DC.creator", "content": dc["creator"]},
    ]
    elements += [{"name": "DC.subject", "content": subject} for subject in dc["subject"]]
    if dc["description"]:
        elements.append({"name": "DC.description", "content": dc["description"]})
    elements.append({"name": "DC.publisher", "content": dc["publisher"]})
    if dc["date"]["iso"]:
        elements.append({"name": "DC.date", "content": dc["date"]["iso"], "scheme": "DCTERMS.W3CDTF"})
        elements.append({"name": "DC.date", "content": dc["date"]["jalali"], "lang": "fa-IR"})
    elements.append({"name": "DC.type", "content": dc["type"]["dcmi"], "scheme": "DCTERMS.DCMIType"})
    elements.append({"name": "DC.type", "content": dc["type"]["label"], "lang": "fa"})
    elements.append({"name": "DC.identifier", "content": dc["identifier"]})
    elements.append({"name": "DC.language", "content": dc["language"], "scheme": "DCTERMS.RFC4646"})
    elements.append({"name": "DC.rights", "content": dc["rights"]})
    return elements
