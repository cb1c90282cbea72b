"""What an announcement carries in API v2 detail (issue 13 §5): its body, its display window in ISO and
Jalali dates, its attachments and the documents it cites, as its page shows them."""

from __future__ import annotations

from wagtail.api import APIField

from jalali.calendar import format_jalali
from sanad.api_fields import Computed, dates, document_link, page_link


def window(page, request) -> dict:
    """The display window (seed 003: «تاریخ نمایش از … تا …»), its last day, and where it stands now."""
    return {
        **dates("display_from", page.display_from),
        **dates("display_to", page.display_to),
        **dates("last_day", page.last_day),
        "state": page.window_state(),
    }


def attachments(page, request) -> list[dict]:
    return [
        {"title": item.title, "document": document_link(request, item.document)}
        for item in page.attachments.select_related("document")
    ]


def related(page, request) -> list[dict]:
    """The circulars, letters and cycles the notice cites: live and public ones only, as its page lists
    the live ones (a restricted page is not named to a reader who may not open it)."""
    from wagtail.models import Page

    ids = list(page.related_links.values_list("page_id", flat=True))
    found = {p.pk: p for p in Page.objects.filter(pk__in=ids).live().public().specific()}
    out = []
    for pk in ids:
        if pk in found:
            target = found[pk]
            link = page_link(request, target)
            if hasattr(target, "number"):
                link.update({"number": target.number, **dates("date", getattr(target, "date", None))})
            out.append(link)
    return out


def announcement_fields() -> list[APIField]:
    return [
        APIField("display_from"),
        APIField(
            "display_from_jalali", serializer=Computed(lambda page, request: format_jalali(page.display_from))
        ),
        APIField("display_to"),
        APIField(
            "display_to_jalali", serializer=Computed(lambda page, request: format_jalali(page.display_to))
        ),
        APIField("window", serializer=Computed(window)),
        APIField("audience"),
        APIField("addressee"),
        APIField("summary"),
        APIField("body"),
        APIField("note"),
        APIField("attachments", serializer=Computed(attachments)),
        APIField("related", serializer=Computed(related)),
    ]
