"""Restore a bag written by ``export_archive`` into an empty Sanad database (``manage.py import_archive DIR``).

Refused, with a Persian message and nothing changed: a folder that is not a valid bag (every payload
file's SHA-256 is checked first), a bag of another format or of another schema (applied migrations
differ), and a database that was used (``layout.CONTENT_MARKERS``): it may hold only what ``migrate`` wrote.

The rows go in as Django's ``loaddata`` puts them: raw saves with their primary keys (no ``save()``
logic, no new audit entries, no new seals: ``integrity.receivers`` skips raw saves), inside one
transaction, foreign keys checked at the end. The guard triggers stay in place: they refuse updates
and deletes of what was signed, published or recorded, and a restore only inserts. The stored files
are written under their own names. Before the transaction commits, every table's row count, the
summary counts and every file's SHA-256 are compared with the manifest; any difference undoes it all.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import bagit
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, models, transaction

from archive import layout, serializer
from archive.wagtail_hooks import IMPORTED
from jalali.digits import to_persian_digits as fa
from sanad.progress import Progress, Silent


class ImportRefused(Exception):
    """The import did not happen; the message (Persian) says why. Nothing was changed."""


@dataclass
class ImportResult:
    rows: int = 0
    files: int = 0
    seconds: float = 0.0
    counts: dict = field(default_factory=dict)
    replaced: dict = field(default_factory=dict)


def _bag_problem(exc: bagit.BagValidationError) -> str:
    lines = []
    for detail in getattr(exc, "details", None) or []:
        if isinstance(detail, bagit.ChecksumMismatch):
            lines.append(f"چکیده {detail.algorithm} پرونده «{detail.path}» با فهرست بسته نمی‌خواند")
        elif isinstance(detail, bagit.FileMissing):
            lines.append(f"پرونده «{detail.path}» در فهرست بسته هست ولی در بسته نیست")
        elif isinstance(detail, bagit.UnexpectedFile):
            lines.append(f"پرونده «{detail.path}» در بسته هست ولی در فهرست آن نیست")
        else:
            lines.append(str(detail))
    if not lines:
        lines.append(str(getattr(exc, "message", exc)))
    shown = "؛ ".join(lines[:5]) + (f"؛ و {fa(len(lines) - 5)} مورد دیگر" if len(lines) > 5 else "")
    return f"بسته بایگانی معتبر نیست ({shown}). هیچ تغییری داده نشد."


def open_bag(path: Path, *, processes: int = 1, progress: Progress | None = None) -> dict:
    """Validate the bag (every checksum) and return its manifest; refuse anything else."""
    progress = progress or Silent()
    path = Path(path)
    if not path.is_dir():
        raise ImportRefused(f"پوشه «{path}» یافت نشد.")
    try:
        bag = bagit.Bag(str(path))
    except bagit.BagError as exc:
        raise ImportRefused(f"«{path}» بسته BagIt نیست ({exc}). هیچ تغییری داده نشد.") from exc
    progress.start("وارسی بسته / validating", 1)
    try:
        bag.validate(processes=processes)
    except bagit.BagValidationError as exc:
        raise ImportRefused(_bag_problem(exc)) from exc
    progress.advance()
    progress.finish()
    try:
        manifest = json.loads((path / "data" / layout.MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ImportRefused("فهرست بایگانی (data/manifest.json) در بسته نیست یا خوانا نیست.") from exc
    if manifest.get("format") != layout.FORMAT:
        raise ImportRefused(
            f"این بسته بایگانی سند با قالب «{layout.FORMAT}» نیست (قالب: «{manifest.get('format')}»)."
        )
    missing = [key for key in ("migrations", "order", "counts", "files") if key not in manifest]
    if missing:
        raise ImportRefused(f"فهرست بایگانی ناقص است ({', '.join(missing)} در آن نیست). هیچ تغییری داده نشد.")
    return manifest


def schema_problems(manifest: dict) -> list[str]:
    ours = layout.applied_migrations()
    theirs = manifest.get("migrations", {})
    problems = []
    for app_label in sorted(set(ours) | set(theirs)):
        missing = sorted(set(theirs.get(app_label, [])) - set(ours.get(app_label, [])))
        extra = sorted(set(ours.get(app_label, [])) - set(theirs.get(app_label, [])))
        if missing:
            problems.append(f"مهاجرت‌های «{app_label}» در این پایگاه اعمال نشده‌اند: {', '.join(missing)}")
        if extra:
            problems.append(f"مهاجرت‌های «{app_label}» در بسته نیستند: {', '.join(extra)}")
    for item in manifest["order"]:
        try:
            layout.model_by_label(item["model"])
        except LookupError:
            problems.append(f"جدول «{item['model']}» در این نسخه سند نیست")
        file = Path(item["file"])
        if file.parts[:1] != (layout.DB_DIR,) or ".." in file.parts:
            problems.append(f"پرونده جدول «{item['file']}» بیرون از پوشه db/ است")
    return problems


def emptiness_problems() -> list[str]:
    """What shows the database was used (an empty list when it holds only what ``migrate`` wrote)."""
    from wagtail.models import Page

    problems = []
    for name in layout.CONTENT_MARKERS:
        model = layout.model_by_label(name)
        count = model._base_manager.count()
        if count:
            problems.append(f"{fa(count)} ردیف «{model._meta.verbose_name_plural}»")
    pages = Page.objects.count() - layout.INSTALL_DEFAULT_PAGES
    if pages > 0:
        problems.append(f"{fa(pages)} صفحه افزون بر صفحه‌های آغازین Wagtail")
    return problems


def _tables(model: type[models.Model]) -> list[str]:
    through = [
        f.remote_field.through._meta.db_table
        for f in model._meta.local_many_to_many
        if f.remote_field.through._meta.auto_created
    ]
    return [*through, model._meta.db_table]


def _clear_install_defaults(carried: list[type[models.Model]]) -> dict[str, int]:
    """Remove what ``migrate`` wrote (Wagtail's root page, site, groups…): the archive brings its own.
    Returns the rows removed per table."""
    quote = connection.ops.quote_name
    removed = {}
    with connection.cursor() as cursor:
        for model in reversed(carried):
            if not model._base_manager.exists():
                continue
            removed[layout.label(model)] = model._base_manager.count()
            for table in _tables(model):
                cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608 (names from the model registry)
    return removed


def _file_plan(bag_data: Path, manifest: dict) -> list[tuple[dict, Path, object, bool]]:
    """(entry, source in the bag, storage, already there) for every file; refuse a clashing stored file."""
    plan = []
    for entry in manifest["files"]:
        if entry.get("missing"):
            continue
        name = Path(entry["name"])
        if name.is_absolute() or ".." in name.parts:
            raise ImportRefused(f"نام پرونده «{entry['name']}» در بسته پذیرفتنی نیست. هیچ تغییری داده نشد.")
        row = entry["rows"][0]
        storage = layout.storage_for(layout.FileRef(row["model"], row["pk"], row["field"], entry["name"]))
        present = storage.exists(entry["name"])
        if present:
            with storage.open(entry["name"], "rb") as stream:
                if layout.sha256_stream(stream)[0] != entry["sha256"]:
                    raise ImportRefused(
                        f"پرونده «{entry['name']}» در انبار پرونده‌ها هست و با پرونده بسته فرق دارد. "
                        "هیچ تغییری داده نشد."
                    )
        plan.append((entry, bag_data / layout.FILES_DIR / entry["name"], storage, present))
    return plan


def _load_rows(bag_data: Path, manifest: dict, progress: Progress) -> int:
    total = sum(item["rows"] for item in manifest["order"])
    progress.start("جدول‌ها / tables", total)
    loaded = 0
    deferred = []
    with connection.constraint_checks_disabled():
        for item in manifest["order"]:
            with (bag_data / item["file"]).open(encoding="utf-8") as stream:
                for obj in serializer.Deserializer(stream, handle_forward_references=True):
                    obj.save(force_insert=True)
                    if obj.deferred_fields:
                        deferred.append(obj)
                    loaded += 1
                    progress.advance()
        for obj in deferred:
            obj.save_deferred_fields()
    progress.finish()
    return loaded


def _reset_sequences(carried: list[type[models.Model]]) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), carried)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _mismatches(manifest: dict, carried: list[type[models.Model]], plan) -> list[str]:
    problems = []
    counts = layout.row_counts(carried)
    for item in manifest["order"]:
        if counts.get(item["model"]) != item["rows"]:
            problems.append(
                f"جدول «{item['model']}»: {fa(counts.get(item['model'], 0))} ردیف به جای {fa(item['rows'])}"
            )
    summary = layout.summary_counts()
    for key, expected in manifest["counts"].items():
        if summary.get(key) != expected:
            problems.append(f"شمار «{key}» با بسته نمی‌خواند")
    for entry, _source, storage, _present in plan:
        with storage.open(entry["name"], "rb") as stream:
            if layout.sha256_stream(stream)[0] != entry["sha256"]:
                problems.append(f"چکیده پرونده «{entry['name']}» پس از بازگرداندن با بسته نمی‌خواند")
    return problems


def import_archive(path: Path, *, progress: Progress | None = None, processes: int = 1) -> ImportResult:
    """Restore the bag at ``path``; refuse (ImportRefused, Persian) without changing anything."""
    progress = progress or Silent()
    started = time.perf_counter()
    path = Path(path)
    manifest = open_bag(path, processes=processes, progress=progress)
    problems = schema_problems(manifest)
    if problems:
        raise ImportRefused(
            "این بسته با نسخه دیگری از سند ساخته شده است: " + "؛ ".join(problems) + ". هیچ تغییری داده نشد."
        )
    ContentType.objects.clear_cache()
    carried = [layout.model_by_label(item["model"]) for item in manifest["order"]]
    problems = emptiness_problems()
    if problems:
        raise ImportRefused(
            "بایگانی فقط در پایگاه داده خالی (تازه migrate‌شده) بازگردانده می‌شود؛ این پایگاه داده "
            + "، ".join(problems[:6])
            + (" و …" if len(problems) > 6 else "")
            + " دارد. هیچ تغییری داده نشد."
        )
    bag_data = path / "data"
    plan = _file_plan(bag_data, manifest)
    written: list[tuple[object, str]] = []
    result = ImportResult()
    try:
        with transaction.atomic():
            result.replaced = _clear_install_defaults(carried)
            result.rows = _load_rows(bag_data, manifest, progress)
            connection.check_constraints(table_names=[t for m in carried for t in _tables(m)])
            _reset_sequences(carried)
            progress.start("پرونده‌ها / files", len(plan))
            for entry, source, storage, present in plan:
                if not present:
                    with source.open("rb") as stream:
                        saved = storage.save(entry["name"], File(stream, name=entry["name"]))
                    written.append((storage, saved))
                    if saved != entry["name"]:
                        raise ImportRefused(
                            f"پرونده «{entry['name']}» با نام «{saved}» ذخیره شد؛ انبار پرونده‌ها نام را نپذیرفت."
                        )
                result.files += 1
                progress.advance()
            progress.finish()
            problems = _mismatches(manifest, carried, plan)
            if problems:
                raise ImportRefused(
                    "بازگردانی با بسته نمی‌خواند و برگردانده شد: " + "؛ ".join(problems[:8]) + "."
                )
    except BaseException as exc:
        for storage, name in written:
            storage.delete(name)
        ContentType.objects.clear_cache()
        if isinstance(exc, DatabaseError | DeserializationError):
            # A row the database refused (a constraint, a guard): the bag does not fit this database.
            raise ImportRefused(
                f"بازگردانی انجام نشد و هیچ تغییری نماند؛ پایگاه داده ردیفی را نپذیرفت: {exc}"
            ) from exc
        raise
    _clear_caches()
    # After the bag's own last link: the chain records where the imported history ends.
    layout.log_event(
        IMPORTED[0],
        {
            "bag": str(path.resolve()),
            "created_at": manifest["created_at"],
            "rows": result.rows,
            "files": result.files,
            "chain_head": manifest.get("chain_head"),
        },
    )
    result.counts = manifest["counts"]
    result.seconds = time.perf_counter() - started
    return result


def _clear_caches() -> None:
    from wagtail.models import Site

    ContentType.objects.clear_cache()
    Site.clear_site_root_paths_cache()
