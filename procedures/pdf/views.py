"""Public downloads: an uncontrolled PDF copy of any published revision of a controlled document.

Anyone who may read the page may print it; what they get is marked «نسخه کنترل‌نشده» with the print
date on every page. Controlled copies are issued only in the admin (``procedures.pdf.admin_views``).
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from wagtail.models import Page

from procedures.models import ControlledDocumentPage, ControlledRevision
from procedures.pdf.render import pdf_filename, render_revision_pdf

# ``ControlledRevision.number`` is a small integer; larger numbers in a URL are simply not found.
MAX_REVISION_NUMBER = 32767


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, filename)
    # Every print carries its own print date (and a controlled one its recipient): never cache.
    patch_cache_control(response, private=True, no_store=True)
    return response


def _readable_controlled_page(request, page_id: int) -> ControlledDocumentPage:
    page = get_object_or_404(Page.objects.live(), id=page_id).specific
    if not isinstance(page, ControlledDocumentPage):
        raise Http404("این صفحه سند کنترل‌شده نیست.")
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404("سند یافت نشد.")
    return page


def _uncontrolled(
    request, page: ControlledDocumentPage, controlled: ControlledRevision | None
) -> HttpResponse:
    if controlled is None:
        raise Http404("بازنگری یافت نشد.")
    return pdf_response(render_revision_pdf(request, page, controlled), pdf_filename(controlled))


def current_pdf(request, page_id: int) -> HttpResponse:
    """The revision now live on the page (in force, or withdrawn and marked so)."""
    page = _readable_controlled_page(request, page_id)
    return _uncontrolled(request, page, page.current_controlled_revision)


def revision_pdf(request, page_id: int, number: int) -> HttpResponse:
    """Any registered revision, superseded ones included (marked obsolete)."""
    page = _readable_controlled_page(request, page_id)
    if number > MAX_REVISION_NUMBER:
        raise Http404("بازنگری یافت نشد.")
    return _uncontrolled(request, page, page.controlled_history.filter(number=number).first())
