"""What a record file may be: judged from its bytes, never from its name.

``check_upload`` returns the facts to store (clean name, kind, MIME type, size, SHA-256) or raises
``UploadRefused`` with the reason in Persian. HTML, SVG, XML with scripts and executables are never
accepted, whatever they are called; the name is cleaned of path parts, control and direction
characters, keeping Persian letters and the zero-width non-joiner.

The same policy judges every upload of the site: record and evidence files (``RECORDS_*`` settings),
Wagtail documents and images (``SANAD_DOCUMENT_TYPES`` / ``SANAD_IMAGE_TYPES``, see ``sanad.uploads``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import filetype
from django.conf import settings

from jalali.digits import to_persian_digits
from records.rules import RecordsRuleViolation, Rule


class UploadRefused(RecordsRuleViolation):
    def __init__(self, message: str):
        super().__init__(Rule.UPLOAD, message)


@dataclass(frozen=True)
class CheckedUpload:
    name: str
    kind: str
    mime: str
    size: int
    sha256: str


# kind -> (extensions that may name it, MIME type)
KINDS: dict[str, tuple[tuple[str, ...], str]] = {
    "pdf": (("pdf",), "application/pdf"),
    "png": (("png",), "image/png"),
    "jpg": (("jpg", "jpeg"), "image/jpeg"),
    "tif": (("tif", "tiff"), "image/tiff"),
    "gif": (("gif",), "image/gif"),
    "webp": (("webp",), "image/webp"),
    "docx": (("docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": (("xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "odt": (("odt",), "application/vnd.oasis.opendocument.text"),
    "ods": (("ods",), "application/vnd.oasis.opendocument.spreadsheet"),
    "zip": (("zip",), "application/zip"),
    "txt": (("txt",), "text/plain"),
    "csv": (("csv",), "text/csv"),
}
_EXECUTABLE_KINDS = {"exe", "elf", "macho", "dex", "sh", "msi", "deb", "rpm", "swf", "class", "wasm", "dmg"}
_MARKUP = re.compile(
    rb"<\s*(!doctype|html|head|body|script|svg|iframe|object|embed|\?xml|meta|a\s|img\s)", re.I
)
_CONTROL_OR_DIRECTION = re.compile(r"[\x00-\x1f\x7f\u200b\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_ALLOWED_NAME_CHARS = re.compile(r"[^\w\u200c\s.()\-]", re.UNICODE)


def sanitise_filename(name: str, fallback: str = "پرونده") -> str:
    """A file name safe to store and show: no folders, no control or bidi characters, Persian kept.

    «../../etc/passwd» -> «passwd»; «C:\\temp\\گزارش.pdf» -> «گزارش.pdf»; «فایل\u202egpj.exe» loses the override.
    """
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").split("/")[-1]
    name = _CONTROL_OR_DIRECTION.sub("", name)
    name = _ALLOWED_NAME_CHARS.sub("", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    if len(name) > 120:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:110] + dot + ext[:9]) if dot else name[:120]
    return name or fallback


def _extension(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


def _kind_from_bytes(data: bytes) -> str | None:
    """The kind the content itself says, or None for text without magic bytes."""
    guess = filetype.guess(data[:8192] if len(data) > 8192 else data)
    if guess is not None:
        return guess.extension
    if data.startswith((b"MZ", b"\x7fELF", b"#!")):
        return "exe"
    return None


def _looks_like_markup(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return bool(_MARKUP.search(head[:1024])) or head.startswith(b"<")


def _is_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in data


def format_megabytes(size: int) -> str:
    """«۲۰٫۰۳ مگابایت»: enough decimals that a file just over a limit never reads as the limit itself."""
    value = size / 1048576
    text = f"{value:.2f}".rstrip("0").rstrip(".") if value < 100 else f"{value:.0f}"
    return f"{to_persian_digits(text.replace('.', '٫'))} مگابایت"


def check_size(size: int, limit: int) -> None:
    """Refuse an upload over ``limit`` bytes, naming both sizes in one unit.

    Source: ISO 27001 A.8.23 / OWASP file upload guidance (bounded uploads).
    """
    if size > limit:
        raise UploadRefused(
            f"حجم فایل ({format_megabytes(size)}) از سقف مجاز ({format_megabytes(limit)}) بیشتر است."
        )


def check_upload(
    name: str,
    data: bytes,
    size: int | None = None,
    *,
    allowed: list[str] | None = None,
    limit: int | None = None,
    purpose: str = "سوابق",
) -> CheckedUpload:
    """Accept a file only if its content is an allowed kind, within the size limit.

    Source: ISO 27001 A.8.23 / OWASP file upload guidance applied to ISO 15489-1 §9.3 (capture):
    type from content, not from the name; no active content (HTML, SVG, scripts, executables).
    ``allowed`` / ``limit`` default to the records settings; ``purpose`` names the use in messages.
    """
    limit = settings.RECORDS_MAX_UPLOAD_BYTES if limit is None else limit
    size = len(data) if size is None else size
    check_size(size, limit)
    if size == 0:
        raise UploadRefused("فایل خالی است.")
    clean = sanitise_filename(name)
    declared_ext = _extension(clean)
    kind = _kind_from_bytes(data)
    if kind in _EXECUTABLE_KINDS:
        raise UploadRefused(f"فایل اجرایی (برنامه یا اسکریپت) برای {purpose} پذیرفته نمی‌شود.")
    if kind is None:
        if _looks_like_markup(data):
            raise UploadRefused(
                "محتوای فایل HTML، SVG یا XML است که می‌تواند کد اجرایی داشته باشد و پذیرفته نمی‌شود؛ "
                "آن را به PDF تبدیل کنید."
            )
        if not _is_text(data):
            raise UploadRefused(
                "نوع محتوای فایل شناخته نشد؛ فقط PDF، تصویر، اسناد اداری، ZIP و متن ساده پذیرفته می‌شود."
            )
        kind = "csv" if declared_ext == "csv" else "txt"
    allowed = settings.RECORDS_ALLOWED_TYPES if allowed is None else allowed
    if kind not in allowed or kind not in KINDS:
        raise UploadRefused(f"فایل از نوع «{kind}» است و این نوع برای {purpose} مجاز نیست.")
    extensions, mime = KINDS[kind]
    if declared_ext and declared_ext not in extensions:
        raise UploadRefused(
            f"پسوند نام فایل («{declared_ext}») با محتوای آن («{kind}») نمی‌خواند؛ فایل درست را بارگذاری کنید."
        )
    if not declared_ext:
        clean = f"{clean}.{extensions[0]}"
    return CheckedUpload(name=clean, kind=kind, mime=mime, size=size, sha256=hashlib.sha256(data).hexdigest())
