"""A collection's rows as CSV or XLSX: Persian headers, Jalali dates, a right-to-left sheet.

The rows are the collection's search as the requester may see it (anonymous: public pages only), narrowed
by the same facets as the page, searched afresh on every download.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from jalali.calendar import format_jalali
from jalali.digits import to_persian_digits
from search.results import Outcome, run_search

from .filters import narrow

if TYPE_CHECKING:
    from .models import SavedSearchPage

#: More than any collection is meant to hold; past it the file says it was cut.
MAX_EXPORT_ROWS = 5000

HEADERS = [
    "ردیف",
    "عنوان",
    "نوع سند",
    "شماره",
    "تاریخ (شمسی)",
    "تاریخ (میلادی)",
    "مرجع صدور",
    "وضعیت",
    "جایگزین / لغوکننده",
    "نشانی",
]
COLUMN_WIDTHS = [7, 60, 16, 20, 14, 14, 40, 10, 50, 60]


@dataclass(frozen=True)
class Export:
    rows: list[list[str]]
    truncated: bool
    error: str = ""


def _successor(document) -> str:
    if document.successor is not None:
        return f"{document.status_note or 'جایگزین‌شده با'} «{document.successor.title}»"
    return document.status_note


def export_rows(page: SavedSearchPage, request: HttpRequest) -> Export:
    """Every row of the collection the requester may see (up to ``MAX_EXPORT_ROWS``), in the page's order."""
    narrowed = narrow(page, request.GET, MAX_EXPORT_ROWS)
    errors = narrowed.saved_errors or narrowed.params.errors
    if errors:
        return Export([], False, error=" ".join(e.message for e in errors))
    narrowed.params.page = 1
    outcome: Outcome = run_search(narrowed.params, request)
    rows = []
    for number, hit in enumerate(outcome.hits, start=1):
        document = hit.document
        rows.append(
            [
                to_persian_digits(number),
                document.title,
                document.kind_label,
                to_persian_digits(document.number),
                format_jalali(document.date),
                document.date.isoformat() if document.date else "",
                document.authority_name,
                document.status_label,
                _successor(document),
                request.build_absolute_uri(hit.url) if hit.url else "",
            ]
        )
    return Export(rows, outcome.total > len(rows))


def _spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet would run as a formula («=…», «+…», «@…») is written as text."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") and not value[1:2].isdigit() else value


def csv_bytes(export: Export) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    writer.writerows([_spreadsheet_safe(cell) for cell in row] for row in export.rows)
    if export.truncated:
        writer.writerow([f"فقط {to_persian_digits(MAX_EXPORT_ROWS)} ردیف نخست آمده است."])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel opens Persian CSV right


def xlsx_bytes(export: Export, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    # Sheet names: at most 31 characters, none of []:*?/\
    sheet.title = "".join(ch for ch in title if ch not in "[]:*?/\\")[:31] or "مجموعه"
    sheet.sheet_view.rightToLeft = True
    sheet.append(HEADERS)
    for row in export.rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"  # titles and numbers are text, never formulas
    if export.truncated:
        sheet.append([f"فقط {to_persian_digits(MAX_EXPORT_ROWS)} ردیف نخست آمده است."])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for index, width in enumerate(COLUMN_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


EXPORTERS: dict[str, tuple[str, Callable[[Export, str], bytes]]] = {
    "csv": ("text/csv; charset=utf-8", lambda export, title: csv_bytes(export)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx_bytes),
}


def _file_names(page: SavedSearchPage, kind: str) -> tuple[str, str]:
    """The file's name (slug and Jalali day), and an ASCII one for clients that read only ``filename``."""
    day = format_jalali(timezone.localdate(), "ascii").replace("/", "-")
    name = f"{page.slug}-{day}.{kind}"
    return name, name if name.isascii() else f"collection-{page.pk}-{day}.{kind}"


def export_response(page: SavedSearchPage, request: HttpRequest, kind: str) -> HttpResponse:
    export = export_rows(page, request)
    if export.error:
        # Bad narrowing in the address: a Persian sentence, not a file (and never a 500).
        return HttpResponse(export.error, status=400, content_type="text/plain; charset=utf-8")
    content_type, render = EXPORTERS[kind]
    response = HttpResponse(render(export, page.title), content_type=content_type)
    name, ascii_name = _file_names(page, kind)
    response["Content-Disposition"] = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    return response


def serve_export(request: HttpRequest, page: SavedSearchPage, kind: str) -> HttpResponse:
    """The collection as a file (its route ``export/<kind>/``)."""
    if kind not in EXPORTERS:
        raise Http404("قالب خروجی شناخته نیست")
    return export_response(page, request, kind)
