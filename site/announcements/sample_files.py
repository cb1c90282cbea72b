"""Small, valid sample attachments made in code for the demo (the seed names its files but does not
ship them): a one-page PDF, an xlsx workbook and a zip holding both kinds."""

from __future__ import annotations

import io
import zipfile


def tiny_pdf(title: str) -> bytes:
    """A one-page A4 PDF saying it stands in for ``title``. The text is Latin because a Persian PDF
    needs an embedded font; the controlled-copy PDFs elsewhere in Sanad carry one."""
    safe = "".join(ch if 32 <= ord(ch) < 127 and ch not in "()\\" else " " for ch in title).strip()
    lines = ["Sanad - sample attachment (demo)", safe or "Announcement attachment"]
    text = "BT /F1 14 Tf 72 770 Td 18 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    stream = text.encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def tiny_xlsx(title: str, header: list[str], rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.sheet_view.rightToLeft = True
    sheet.append([title])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def tiny_zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def sample_file(kind: str, title: str) -> bytes:
    """A sample attachment of ``kind`` ("pdf", "xlsx" or "zip") standing in for ``title``."""
    if kind == "pdf":
        return tiny_pdf(title)
    if kind == "xlsx":
        return tiny_xlsx(title, ["ردیف", "استان", "تعداد"], [[1, "اصفهان", 12], [2, "لرستان", 7]])
    if kind == "zip":
        sheet = tiny_xlsx(title, ["ردیف", "استان", "تعداد"], [[1, "اصفهان", 12]])
        return tiny_zip({"list.xlsx": sheet, "guide.pdf": tiny_pdf(title)})
    raise ValueError(f"unknown sample kind {kind!r}")
