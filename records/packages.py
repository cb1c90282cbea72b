"""Transfer packages: the records sent to the archive as one zip that proves its own integrity.

Layout (BagIt-like):
  manifest-sha256.txt   «<sha256>  <path>» for every file below, one a line
  metadata.json         the batch and, per record, its metadata, dates (ISO and Jalali) and files
  files/<record id>/<file name>

``verify_package`` re-hashes every entry against the manifest and checks that nothing is missing or extra.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder

from jalali.calendar import format_jalali

MANIFEST = "manifest-sha256.txt"
METADATA = "metadata.json"


def record_metadata(record) -> dict:
    """A record's metadata as it goes into a package or an export (ISO dates and Jalali beside them)."""
    return {
        "id": record.pk,
        "reference_number": record.reference_number,
        "title": record.title,
        "series_code": record.series.code,
        "series_title": record.series.title,
        "medium": record.medium,
        "record_date": record.record_date,
        "record_date_jalali": format_jalali(record.record_date),
        "end_date": record.end_date,
        "physical_location": record.physical_location,
        "trigger_on": record.trigger_on,
        "active_until": record.active_until,
        "active_until_jalali": format_jalali(record.active_until),
        "archive_until": record.archive_until,
        "archive_until_jalali": format_jalali(record.archive_until),
        "disposition_due_on": record.disposition_due_on,
        "declared_at": record.declared_at,
        "notes": record.notes,
    }


def build_package(batch, records) -> bytes:
    """The zip of ``records`` (with their stored files) for ``batch``."""
    buffer = io.BytesIO()
    lines = []
    entries = []
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for record in records:
            meta = record_metadata(record)
            meta["files"] = []
            for record_file in record.files.filter(removed_at__isnull=True).select_related("document"):
                path = f"files/{record.pk}/{record_file.pk}-{record_file.name}"
                with record_file.document.file.open("rb") as handle:
                    data = handle.read()
                digest = hashlib.sha256(data).hexdigest()
                bundle.writestr(path, data)
                lines.append(f"{digest}  {path}")
                meta["files"].append(
                    {
                        "path": path,
                        "name": record_file.name,
                        "sha256": digest,
                        "size": len(data),
                        "sha256_at_upload": record_file.sha256,
                    }
                )
            entries.append(meta)
        metadata = {
            "batch": {"id": batch.pk, "title": batch.title},
            "records": entries,
        }
        encoded = json.dumps(metadata, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder).encode()
        bundle.writestr(METADATA, encoded)
        lines.append(f"{hashlib.sha256(encoded).hexdigest()}  {METADATA}")
        bundle.writestr(MANIFEST, "\n".join(lines) + "\n")
    return buffer.getvalue()


@dataclass
class PackageReport:
    checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and self.checked > 0


def verify_package(source) -> PackageReport:
    """Check a transfer package (a path, a file or bytes) against its own manifest."""
    report = PackageReport()
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    try:
        bundle = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as exc:
        report.problems.append(f"بسته zip خوانا نیست: {exc}")
        return report
    with bundle:
        names = set(bundle.namelist())
        if MANIFEST not in names:
            report.problems.append("فهرست چکیده‌ها (manifest-sha256.txt) در بسته نیست.")
            return report
        listed: dict[str, str] = {}
        for line in bundle.read(MANIFEST).decode("utf-8").splitlines():
            if not line.strip():
                continue
            digest, _, path = line.partition("  ")
            listed[path] = digest.strip()
        for path, digest in listed.items():
            if path not in names:
                report.problems.append(f"«{path}» در فهرست چکیده‌ها هست ولی در بسته نیست.")
                continue
            actual = hashlib.sha256(bundle.read(path)).hexdigest()
            report.checked += 1
            if actual != digest:
                report.problems.append(f"چکیده «{path}» با فهرست نمی‌خواند (دستکاری یا خرابی).")
        for extra in sorted(names - set(listed) - {MANIFEST}):
            if not extra.endswith("/"):
                report.problems.append(f"«{extra}» در بسته هست ولی در فهرست چکیده‌ها نیست.")
        if METADATA not in listed:
            report.problems.append("فراداده (metadata.json) در فهرست چکیده‌ها نیست.")
    return report
