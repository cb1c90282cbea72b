"""The text inside an attached file: PDF text layer, DOCX, ODT, XLSX, TXT/CSV, and OCR (Tesseract's
Persian model) for scanned PDFs and images.

``extract(name, data)`` never raises for a bad file: it returns an ``Extraction`` whose status says what
happened (``ok``, ``ocr``, ``empty``, ``encrypted``, ``corrupt``, ``too_large``, ``unsupported``,
``timeout``), with a Persian label for the admin. Limits bound every file: bytes, pages, OCR pages,
seconds, characters of text and the inflated size of zipped formats (so a zip bomb is refused unread).
The caller normalises and stores the text (``search.attachments``).
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

import filetype

from search import ocr


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 200  # text-layer pages read
    max_ocr_pages: int = 20  # scanned pages sent to Tesseract
    max_seconds: float = 120.0
    max_chars: int = 2_000_000
    max_inflated_bytes: int = 200 * 1024 * 1024  # DOCX/ODT/XLSX: the unzipped size
    ocr_dpi: int = 200


@dataclass
class Extraction:
    status: str
    text: str = ""
    method: str = ""
    pages: int = 0
    error: str = ""
    seconds: float = 0.0
    details: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


STATUS_LABELS = {
    "pending": "در انتظار استخراج",
    "ok": "متن استخراج شد",
    "ocr": "متن با نویسه‌خوانی (OCR) استخراج شد",
    "empty": "متنی در پرونده یافت نشد",
    "encrypted": "پرونده رمزگذاری شده است و خوانده نشد",
    "corrupt": "پرونده خراب است و خوانده نشد",
    "too_large": "پرونده از سقف استخراج بزرگ‌تر است",
    "unsupported": "استخراج متن برای این نوع پرونده پشتیبانی نمی‌شود",
    "timeout": "استخراج متن از مهلت مجاز گذشت",
    "no_ocr": "نویسه‌خوان (Tesseract) روی کارگزار نصب نیست",
}

# A PDF page with fewer letters than this in its text layer is treated as a scan.
_MIN_LETTERS_PER_PAGE = 25
_LETTER = re.compile(r"\w", re.UNICODE)
_XML_TAG_TEXT = re.compile(r"\s+")


class _Refused(Exception):
    def __init__(self, status: str, error: str = ""):
        super().__init__(error or status)
        self.status = status
        self.error = error


def kind_of(name: str, data: bytes) -> str:
    """The file's kind from its bytes (extension only to tell CSV from TXT and ODF from zip)."""
    guess = filetype.guess(data[:8192])
    if guess is not None:
        extension = guess.extension
        if extension == "zip":
            return _zip_kind(data) or "zip"
        return {"jpeg": "jpg", "tiff": "tif"}.get(extension, extension)
    try:
        data[:65536].decode("utf-8")
    except UnicodeDecodeError:
        return "binary"
    return "csv" if name.lower().endswith(".csv") else "txt"


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "content.xml" in names and "mimetype" in names:
                return "odt"
    except zipfile.BadZipFile:
        return "broken-zip"
    return None


def extract(name: str, data: bytes, limits: Limits | None = None) -> Extraction:
    """The text of one file, within ``limits``; the status says why there is none."""
    limits = limits or Limits()
    started = time.monotonic()
    deadline = started + limits.max_seconds
    try:
        if len(data) > limits.max_bytes:
            raise _Refused("too_large", f"{len(data)} bytes")
        kind = kind_of(name, data)
        handler = _HANDLERS.get(kind)
        if handler is None:
            raise _Refused("unsupported", kind)
        result = handler(data, limits, deadline)
    except _Refused as refused:
        result = Extraction(status=refused.status, error=refused.error[:500])
    except ocr.OCRTimeout as exc:
        result = Extraction(status="timeout", error=str(exc)[:500])
    except ocr.OCRUnavailable as exc:
        result = Extraction(status="no_ocr", error=str(exc)[:500])
    except Exception as exc:  # a parser's own error on a broken file
        result = Extraction(status="corrupt", error=f"{type(exc).__name__}: {exc}"[:500])
    result.text = result.text[: limits.max_chars]
    if result.status in {"ok", "ocr"} and not _LETTER.search(result.text):
        result.status = "empty"
    result.seconds = time.monotonic() - started
    return result


def _pdf(data: bytes, limits: Limits, deadline: float) -> Extraction:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):  # an owner password only still opens for reading
                    raise _Refused("encrypted")
            except Exception as exc:
                raise _Refused("encrypted", str(exc)) from None
        pages = reader.pages
        count = len(pages)
    except PdfReadError as exc:
        raise _Refused("corrupt", str(exc)) from None
    texts: list[str] = []
    scanned: list[int] = []
    for number in range(min(count, limits.max_pages)):
        if time.monotonic() > deadline:
            raise ocr.OCRTimeout("PDF text layer")
        text = pages[number].extract_text() or ""
        texts.append(text)
        if len(_LETTER.findall(text)) < _MIN_LETTERS_PER_PAGE:
            scanned.append(number)
    method = "text"
    if scanned:
        ocr_pages = scanned[: limits.max_ocr_pages]
        recognised = ocr.pdf_pages(data, [n + 1 for n in ocr_pages], dpi=limits.ocr_dpi, deadline=deadline)
        for number, text in zip(ocr_pages, recognised, strict=True):
            texts[number] = text
        method = "ocr" if len(scanned) == len(texts) else "text+ocr"
    status = "ocr" if method == "ocr" else "ok"
    return Extraction(
        status=status,
        text="\n\n".join(t.strip() for t in texts if t.strip()),
        method=method,
        pages=count,
        details={"ocr_pages": len(scanned[: limits.max_ocr_pages]), "pages_read": len(texts)},
    )


def _image(data: bytes, limits: Limits, deadline: float) -> Extraction:
    return Extraction(status="ocr", text=ocr.image(data, deadline=deadline), method="ocr", pages=1)


def _check_inflated(archive: zipfile.ZipFile, limits: Limits) -> None:
    total = sum(info.file_size for info in archive.infolist())
    if total > limits.max_inflated_bytes:
        raise _Refused("too_large", f"inflates to {total} bytes")


def _xml_text(xml: bytes, paragraph_tags: tuple[str, ...]) -> str:
    root = ElementTree.fromstring(xml)  # noqa: S314 - from a size-checked archive; no DTDs are resolved
    lines: list[str] = []
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] in paragraph_tags:
            line = _XML_TAG_TEXT.sub(" ", "".join(element.itertext())).strip()
            if line:
                lines.append(line)
    return "\n".join(lines)


def _docx(data: bytes, limits: Limits, deadline: float) -> Extraction:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        _check_inflated(archive, limits)
        text = _xml_text(archive.read("word/document.xml"), ("p",))
    return Extraction(status="ok", text=text, method="docx", pages=1)


def _odt(data: bytes, limits: Limits, deadline: float) -> Extraction:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        _check_inflated(archive, limits)
        text = _xml_text(archive.read("content.xml"), ("p", "h"))
    return Extraction(status="ok", text=text, method="odt", pages=1)


def _xlsx(data: bytes, limits: Limits, deadline: float) -> Extraction:
    from openpyxl import load_workbook

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        _check_inflated(archive, limits)
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines: list[str] = []
    chars = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            line = " ".join(str(v) for v in row if v not in (None, ""))
            if line:
                lines.append(line)
                chars += len(line)
            if chars > limits.max_chars or time.monotonic() > deadline:
                break
    workbook.close()
    return Extraction(status="ok", text="\n".join(lines), method="xlsx", pages=len(workbook.worksheets))


def _broken(data: bytes, limits: Limits, deadline: float) -> Extraction:
    raise _Refused("corrupt", "the zip container cannot be read")


def _plain(data: bytes, limits: Limits, deadline: float) -> Extraction:
    return Extraction(status="ok", text=data.decode("utf-8", errors="replace"), method="text", pages=1)


_HANDLERS = {
    "pdf": _pdf,
    "png": _image,
    "jpg": _image,
    "tif": _image,
    "gif": _image,
    "webp": _image,
    "docx": _docx,
    "odt": _odt,
    "xlsx": _xlsx,
    "txt": _plain,
    "csv": _plain,
    "broken-zip": _broken,
}
