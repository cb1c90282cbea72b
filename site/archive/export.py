"""Write the whole archive as a BagIt bag (``manage.py export_archive DIR``); layout in ``archive.layout``.

Everything is read inside one transaction (REPEATABLE READ on PostgreSQL), so the rows, the files they
name and the chain head are one consistent picture even while the site is in use.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import bagit
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from archive import layout, readme, serializer, views_json
from archive.wagtail_hooks import EXPORTED
from procedures.models import ControlledRevision
from sanad.progress import Progress, Silent


class ExportRefused(Exception):
    """The export cannot start or finish; the message is Persian and nothing is left behind."""


@dataclass
class ExportResult:
    path: Path
    rows: int = 0
    files: int = 0
    missing_files: list[str] = field(default_factory=list)
    pdfs: int = 0
    pdf_failures: list[str] = field(default_factory=list)
    payload_files: int = 0
    payload_bytes: int = 0
    seconds: float = 0.0


def _prepare_target(target: Path) -> None:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ExportRefused(f"پوشه «{target}» خالی نیست؛ بایگانی در پوشه‌ای تازه یا خالی نوشته می‌شود.")
    target.mkdir(parents=True, exist_ok=True)


def _dump_rows(target: Path, carried, progress: Progress) -> tuple[list[dict], int]:
    """data/db/*.jsonl, one file per model; returns the load order with each file's row count."""
    order: list[dict] = []
    total = 0
    counts = layout.row_counts(carried)
    progress.start("جدول‌ها / tables", sum(counts.values()))
    for index, model in enumerate(carried, start=1):
        name = layout.db_file_name(index, model)
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        written = 0

        def rows(model=model):
            nonlocal written
            for obj in model._base_manager.order_by("pk").iterator(chunk_size=2000):
                written += 1
                progress.advance()
                yield obj

        with path.open("w", encoding="utf-8") as out:
            serializer.serialize(rows(), out)
        order.append({"model": layout.label(model), "file": name, "rows": written})
        total += written
    progress.finish()
    return order, total


def _copy_files(target: Path, carried, progress: Progress, result: ExportResult) -> list[dict]:
    """data/files/<name>: each stored file once, with its SHA-256 and the rows that name it."""
    refs = [ref for model in carried for ref in layout.file_refs(model)]
    entries: dict[str, dict] = {}
    progress.start("پرونده‌ها / files", len(refs))
    for ref in refs:
        entry = entries.get(ref.name)
        if entry is None:
            entry = entries[ref.name] = {"name": ref.name, "rows": []}
            storage = layout.storage_for(ref)
            destination = target / layout.FILES_DIR / ref.name
            destination.parent.mkdir(parents=True, exist_ok=True)
            try:
                with storage.open(ref.name, "rb") as source, destination.open("wb") as out:
                    shutil.copyfileobj(source, out, 1 << 20)
            except (FileNotFoundError, OSError):
                destination.unlink(missing_ok=True)
                entry["missing"] = True
                result.missing_files.append(ref.name)
            else:
                with destination.open("rb") as stream:
                    entry["sha256"], entry["size"] = layout.sha256_stream(stream)
                result.files += 1
        entry["rows"].append({"model": ref.model, "pk": ref.pk, "field": ref.field})
        progress.advance()
    progress.finish()
    return list(entries.values())


def _render_pdfs(target: Path, registered: list[int], progress: Progress, result: ExportResult) -> list[dict]:
    """data/pdf/: an (uncontrolled) print of every registered revision, as its page prints it."""
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory
    from wagtail.models import Site

    from procedures.pdf.render import render_revision_pdf

    site = Site.objects.filter(is_default_site=True).first()
    host = site.hostname if site and site.hostname not in ("", "*") else "localhost"
    request = RequestFactory(SERVER_NAME=host).get("/")
    request.user = AnonymousUser()
    controlled = list(
        ControlledRevision.objects.filter(pk__in=registered)
        .select_related("page")
        .order_by("page_id", "number")
    )
    listed: list[dict] = []
    progress.start("PDF بازنگری‌ها / PDFs", len(controlled))
    for revision in controlled:
        name = f"pdf/{revision.page_id}-{revision.number:02d}.pdf"
        try:
            data = render_revision_pdf(request, revision.page.specific, revision)
        except Exception as exc:  # a print that fails must not lose the archive; it is listed
            result.pdf_failures.append(f"{revision.code}: {exc}")
            listed.append({"page": revision.page_id, "number": revision.number, "error": str(exc)})
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(data)
            result.pdfs += 1
            listed.append(
                {"page": revision.page_id, "number": revision.number, "code": revision.code, "file": name}
            )
        progress.advance()
    progress.finish()
    return listed


def _payload_size(target: Path) -> tuple[int, int]:
    files = [p for p in (target / "data").rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def export_archive(
    target: Path, *, progress: Progress | None = None, with_pdfs: bool = True, processes: int = 1
) -> ExportResult:
    """Write the bag at ``target`` (new or empty); refuse with a Persian message otherwise."""
    progress = progress or Silent()
    target = Path(target)
    _prepare_target(target)
    started = timezone.now()
    result = ExportResult(path=target)
    outermost = not connection.in_atomic_block
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            carried = layout.carried_models()
            order, result.rows = _dump_rows(target, carried, progress)
            files = _copy_files(target, carried, progress, result)
            views_json.write_all(target, progress)
            registered = list(
                ControlledRevision.objects.order_by("page_id", "number").values_list("pk", flat=True)
            )
            manifest = {
                "format": layout.FORMAT,
                "created_at": started,
                "source": {
                    "site_name": getattr(settings, "WAGTAIL_SITE_NAME", ""),
                    "database": connection.vendor,
                },
                "migrations": layout.applied_migrations(),
                "order": order,
                "counts": layout.summary_counts(),
                "files": files,
                "chain_head": views_json.chain_head(),
            }
        # Prints take seconds each: made after the snapshot (on SQLite its transaction holds the write
        # lock), of the revisions registered in it, which never change.
        manifest["pdfs"] = _render_pdfs(target, registered, progress, result) if with_pdfs else []
        views_json.write_json(target / layout.MANIFEST, manifest)
        (target / layout.README).write_text(readme.text(manifest), encoding="utf-8")
        bagit.make_bag(
            str(target),
            {
                "Source-Organization": manifest["source"]["site_name"] or "Sanad",
                "External-Description": "Sanad whole-archive export (pages, revisions, files, records, audit trail)",
                "Bag-Group-Identifier": layout.FORMAT,
            },
            processes=processes,
            checksums=["sha256"],
        )
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    result.payload_files, result.payload_bytes = _payload_size(target)
    result.seconds = (timezone.now() - started) / dt.timedelta(seconds=1)
    layout.log_event(
        EXPORTED[0],
        {
            "bag": str(target.resolve()),
            "rows": result.rows,
            "files": result.files,
            "payload_bytes": result.payload_bytes,
            "chain_head": manifest["chain_head"],
        },
    )
    return result
