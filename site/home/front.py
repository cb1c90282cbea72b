"""What the front page lists: service statements, the online services (forms), current notices."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Page


def front_page_context(home: Page, request: HttpRequest) -> dict:
    from announcements.models import AnnouncementIndexPage
    from feedback.models import FeedbackFormPage
    from procedures.models import ServiceStatementPage

    statements = ServiceStatementPage.objects.descendant_of(home).live().public().order_by("title")
    forms = FeedbackFormPage.objects.descendant_of(home).live().public().order_by("path")
    board = AnnouncementIndexPage.objects.descendant_of(home).live().public().first()
    announcements, archived = [], []
    count = getattr(home, "latest_announcements_count", 5) or 5
    if board is not None:
        announcements = list(board.showing(request)[:count])
        if not announcements:
            # Nothing showing now: offer the most recent ended ones, labelled as such.
            archived = list(board.ended(request)[:3])
    shown = {p.pk for p in statements} | {p.pk for p in forms} | ({board.pk} if board else set())
    sections = [p for p in home.get_children().live().public().specific() if p.pk not in shown]
    return {
        "statements": statements,
        "service_forms": forms,
        "board": board,
        "latest_announcements": announcements,
        "archived_announcements": archived,
        "sections": sections,
    }
