"""Render one controlled revision as a PDF, controlled copy or uncontrolled copy.

The content is the page's own template (``procedure_page.html``, ``service_statement_page.html``),
so the PDF always says what the page says. It is rendered by a template engine that looks in
``shell/`` first: there ``base.html`` is a bare print document and ``procedures/_control_header.html``
is seed 000's header block as a running element with «صفحه N از M», recipient and copy number.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.template.backends.django import DjangoTemplates
from django.utils import timezone

from procedures.models.copies import IssuedCopy
from procedures.models.register import ControlledRevision, RevisionStatus

SHELL_DIR = Path(__file__).resolve().parent / "shell"
PDF_CSS = Path(__file__).resolve().parent / "pdf.css"

WATERMARK_UNCONTROLLED = "نسخه کنترل‌نشده"
UNCONTROLLED_NOTICE = "نسخه کنترل‌نشده — فاقد اعتبار پس از چاپ"


@dataclass(frozen=True)
class CopyMarking:
    """What makes this print a controlled or an uncontrolled copy; shown on every page."""

    printed_at: dt.datetime
    copy: IssuedCopy | None = None

    @property
    def controlled(self) -> bool:
        return self.copy is not None

    @property
    def copy_label(self) -> str:
        if self.copy is None:
            return UNCONTROLLED_NOTICE
        from jalali.digits import to_persian_digits

        return f"نسخه کنترل‌شده شماره {to_persian_digits(self.copy.number)}"

    @property
    def recipient(self) -> str:
        return self.copy.recipient_display if self.copy else ""

    @property
    def verification_code(self) -> str:
        """«ABCDE-23456», printed beside the QR code (issue 13 §6)."""
        return self.copy.verification_code_display if self.copy and self.copy.verification_code else ""

    @property
    def verify_url(self) -> str:
        """The public page a reader checks this paper copy on; absolute, since paper has no host."""
        if not self.verification_code:
            return ""
        from django.urls import reverse

        from sanad.links import absolute_url

        return absolute_url(reverse("verify_copy", args=[self.copy.verification_code]))

    @property
    def qr_svg(self) -> str:
        """The verify address as an inline SVG QR code (sized by pdf.css), or "" for uncontrolled prints."""
        if not self.verify_url:
            return ""
        import segno
        from django.utils.safestring import mark_safe

        code = segno.make(self.verify_url, error="m")
        # segno writes only its own path data: safe to inline.
        return mark_safe(code.svg_inline(scale=1, border=1, omitsize=True, svgclass="verify-qr"))  # noqa: S308


@functools.cache
def _engine() -> DjangoTemplates:
    """The site's Django template settings with the print shell in front of them."""
    site = next(t for t in settings.TEMPLATES if t["BACKEND"].endswith("DjangoTemplates"))
    return DjangoTemplates(
        {
            "NAME": "sanad-pdf",
            "DIRS": [SHELL_DIR, *site.get("DIRS", [])],
            "APP_DIRS": site.get("APP_DIRS", True),
            "OPTIONS": dict(site.get("OPTIONS", {})),
        }
    )


def _stylesheets(fetcher, fonts) -> list:
    from weasyprint import CSS

    from procedures.pdf.fetcher import BASE_URL, static_url

    return [
        CSS(url=static_url("css/fonts.css"), url_fetcher=fetcher, font_config=fonts),
        CSS(url=static_url("css/sanad.css"), url_fetcher=fetcher, font_config=fonts),
        CSS(filename=str(PDF_CSS), base_url=BASE_URL, url_fetcher=fetcher, font_config=fonts),
    ]


def render_revision_html(request, live_page, controlled: ControlledRevision, marking: CopyMarking) -> str:
    """The HTML the PDF is made from (also handy for looking at the layout in a browser)."""
    from procedures.citations import citation_rows, frozen_for

    page = controlled.revision.as_object()
    context = page.get_context(request)
    context.update(citation_rows(page, frozen_for(request, controlled)))
    context.update(
        {
            "page": page,
            "self": page,
            "controlled": controlled,
            "live_page": live_page,
            "pdf": marking,
            "pdf_obsolete": controlled.status in (RevisionStatus.SUPERSEDED, RevisionStatus.WITHDRAWN),
        }
    )
    template = _engine().get_template(page.get_template(request))
    return template.render(context, request)


def render_revision_pdf(
    request, live_page, controlled: ControlledRevision, *, copy: IssuedCopy | None = None
) -> bytes:
    """A PDF of ``controlled`` (any revision of ``live_page``): numbered for ``copy``, else uncontrolled."""
    # WeasyPrint loads Pango when imported: only the PDF views need it, not the rest of the site.
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    from procedures.pdf.fetcher import BASE_URL, LocalFilesFetcher

    marking = CopyMarking(printed_at=timezone.localtime(), copy=copy)
    html = render_revision_html(request, live_page, controlled, marking)
    fetcher = LocalFilesFetcher()
    fonts = FontConfiguration()
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher, media_type="print")
    return document.write_pdf(stylesheets=_stylesheets(fetcher, fonts), font_config=fonts)


def pdf_filename(controlled: ControlledRevision, copy: IssuedCopy | None = None) -> str:
    """«م پ-م-۱-۰۴-۰۰ نسخه کنترل‌شده ۱.pdf»; sent as RFC 6266 ``filename*`` so the Persian survives."""
    from jalali.digits import to_persian_digits

    code = controlled.code.replace("/", "-").strip() or "سند"
    kind = f"نسخه کنترل‌شده {to_persian_digits(copy.number)}" if copy else "نسخه کنترل‌نشده"
    return f"{code} {kind}.pdf"
