"""Fixity: every stored record file still hashes to the SHA-256 taken when it was uploaded.

Source: ISO 15489-1 §5.2.2 (integrity) and ISO 14721 (OAIS) fixity information.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

CHUNK = 1024 * 1024


def sha256_of(fileobj) -> str:
    """SHA-256 of an open binary file, read in chunks from its start."""
    digest = hashlib.sha256()
    if hasattr(fileobj, "seek"):
        fileobj.seek(0)
    for chunk in iter(lambda: fileobj.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class FixityResult:
    record_file_id: int
    record_id: int
    name: str
    expected: str
    actual: str | None  # None when the file is missing from storage

    @property
    def ok(self) -> bool:
        return self.actual == self.expected

    @property
    def problem(self) -> str:
        if self.actual is None:
            return "فایل در محل ذخیره یافت نشد"
        return "" if self.ok else "چکیده فایل با چکیده ثبت‌شده هنگام بارگذاری یکسان نیست"


def check_file(record_file) -> FixityResult:
    actual = None
    document = record_file.document
    if document is not None:
        try:
            with document.file.open("rb") as handle:
                actual = sha256_of(handle)
        except (FileNotFoundError, OSError, ValueError):
            actual = None
    return FixityResult(record_file.pk, record_file.record_id, record_file.name, record_file.sha256, actual)


def stored_files():
    """Every record file whose content is still held (tombstones have nothing left to hash)."""
    from records.models import RecordFile

    return RecordFile.objects.filter(removed_at__isnull=True, document__isnull=False).select_related(
        "document"
    )


def verify_all() -> Iterator[FixityResult]:
    for record_file in stored_files().iterator():
        yield check_file(record_file)
