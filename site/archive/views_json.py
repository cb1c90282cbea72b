"""The readable views of the bag (``pages/``, ``records/``, ``register/``, ``audit/``): the same content as
``db/``, arranged for people and for systems that do not speak Django. ``import_archive`` does not read them.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core import serializers

from archive import layout
from jalali.calendar import format_jalali
from sanad.progress import Progress


def _fields(obj) -> dict:
    """A row's own fields as JSON values (Django's serialiser: foreign keys as ids)."""
    return serializers.serialize("python", [obj], use_natural_foreign_keys=False)[0]["fields"]


def _jalali(day) -> str | None:
    return format_jalali(day) if day else None


def write_json(path: Path, value) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(value, ensure_ascii=False, indent=1, cls=layout.PreciseJSONEncoder) + "\n",
        encoding="utf-8",
    )


def _write_jsonl(path: Path, values) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for value in values:
            out.write(json.dumps(value, ensure_ascii=False, cls=layout.PreciseJSONEncoder) + "\n")
            count += 1
    return count


def _register_row(controlled) -> dict:
    row = _fields(controlled)
    row["id"] = controlled.pk
    row["issue_date_jalali"] = _jalali(controlled.issue_date)
    row["revision_date_jalali"] = _jalali(controlled.revision_date)
    row["signoffs"] = [
        {"id": s.pk, **_fields(s), "signed_on_jalali": _jalali(s.signed_on)}
        for s in controlled.signoffs.order_by("pk")
    ]
    return row


def _revision_row(revision, page, register: dict) -> dict:
    controlled = register.get(revision.pk)
    return {
        "id": revision.pk,
        "created_at": revision.created_at,
        "user_id": revision.user_id,
        "user": revision.user.get_username() if revision.user_id else None,
        "approved_go_live_at": revision.approved_go_live_at,
        "object_str": revision.object_str,
        "live": revision.pk == page.live_revision_id,
        "latest": revision.pk == page.latest_revision_id,
        "register": _register_row(controlled) if controlled else None,
        "content": revision.content,
    }


def write_pages(target: Path, progress: Progress, chunk: int = 200) -> int:
    """pages/<id>.json: tree path, address, type, the page's fields and every revision with its content."""
    from wagtail.models import Page, Revision

    from procedures.models import ControlledRevision

    register = {c.revision_id: c for c in ControlledRevision.objects.all()}
    ids = list(Page.objects.order_by("path").values_list("pk", flat=True))
    index = []
    progress.start("صفحه‌ها / pages", len(ids))
    # A chunk of pages at a time: their specific rows one query per type, their revisions in one query.
    for start in range(0, len(ids), chunk):
        batch = ids[start : start + chunk]
        pages = {p.pk: p for p in Page.objects.filter(pk__in=batch).specific()}
        revisions: dict[str, list] = {}
        for revision in (
            Revision.page_revisions.filter(object_id__in=[str(pk) for pk in batch])
            .select_related("user")
            .order_by("created_at", "pk")
        ):
            revisions.setdefault(revision.object_id, []).append(revision)
        for pk in batch:
            page = pages[pk]
            rows = [_revision_row(r, page, register) for r in revisions.get(str(pk), [])]
            record = {
                "id": pk,
                "tree_path": page.path,
                "depth": page.depth,
                "url_path": page.url_path,
                "title": page.title,
                "type": page._meta.label_lower,
                "live": page.live,
                "fields": _fields(page),
                "revisions": rows,
            }
            write_json(target / "pages" / f"{pk}.json", record)
            index.append(
                {
                    "id": pk,
                    "url_path": page.url_path,
                    "type": record["type"],
                    "title": page.title,
                    "revisions": len(rows),
                    "file": f"pages/{pk}.json",
                }
            )
            progress.advance()
    progress.finish()
    write_json(target / "pages" / "index.json", index)
    return len(index)


def write_register(target: Path) -> None:
    """register/: the controlled-revision register with sign-offs, and every issued controlled copy."""
    from procedures.models import ControlledRevision, IssuedCopy

    _write_jsonl(
        target / "register" / "controlled_revisions.jsonl",
        (_register_row(c) for c in ControlledRevision.objects.order_by("page_id", "number")),
    )
    _write_jsonl(
        target / "register" / "issued_copies.jsonl",
        (
            {"id": c.pk, **_fields(c), "issued_on_jalali": _jalali(c.issued_on)}
            for c in IssuedCopy.objects.order_by("pk")
        ),
    )


def write_records(target: Path) -> None:
    """records/: every record with its series, retention dates, files and the holds on it; every hold."""
    from records.models import Hold, Record

    holds = list(Hold.objects.order_by("pk"))

    def holds_on(record) -> list[int]:
        # On the record, its series or an evaluation cycle it belongs to (Hold.objects.covering).
        return list(Hold.objects.covering(record).order_by("pk").values_list("pk", flat=True))

    def row(record) -> dict:
        series = record.series
        return {
            "id": record.pk,
            **_fields(record),
            "series_code": series.code,
            "series_title": series.title,
            "retention": {
                "active": f"{series.active_amount} {series.active_unit}",
                "archive": f"{series.archive_amount} {series.archive_unit}",
                "trigger": series.trigger,
                "disposal": series.disposal,
                "trigger_on_jalali": _jalali(record.trigger_on),
                "active_until_jalali": _jalali(record.active_until),
                "archive_until_jalali": _jalali(record.archive_until),
                "disposition_due_on_jalali": _jalali(record.disposition_due_on),
            },
            "files": [
                {"id": f.pk, **_fields(f), "file": f"files/{f.document.file.name}" if f.document_id else None}
                for f in record.files.select_related("document").order_by("pk")
            ],
            "holds": holds_on(record),
        }

    _write_jsonl(
        target / "records" / "records.jsonl",
        (row(r) for r in Record.objects.select_related("series").order_by("pk")),
    )
    _write_jsonl(target / "records" / "holds.jsonl", ({"id": h.pk, **_fields(h)} for h in holds))


def chain_head() -> dict | None:
    from integrity import chain

    seal = chain.head()
    return {"sequence": seal.sequence, "sha256": seal.sha256} if seal else None


def write_audit(target: Path, progress: Progress) -> None:
    """audit/: each log entry as the chain hashes it, the chain's links, and a verifier that rechecks them."""
    from wagtail.models import ModelLogEntry, PageLogEntry

    from integrity import chain
    from integrity.models import AuditSeal

    seals = AuditSeal.objects.order_by("sequence")
    progress.start("زنجیره ممیزی / audit", PageLogEntry.objects.count() + ModelLogEntry.objects.count())
    for kind, model, name in (("page", PageLogEntry, "page_log"), ("model", ModelLogEntry, "model_log")):

        def entries(kind=kind, model=model):
            for entry in model._base_manager.order_by("pk").iterator(chunk_size=2000):
                progress.advance()
                yield chain.entry_content(entry, kind, chain.content_type_key(entry.content_type_id))

        _write_jsonl(target / "audit" / f"{name}.jsonl", entries())
    progress.finish()
    _write_jsonl(
        target / "audit" / "chain.jsonl",
        (
            {
                "sequence": s.sequence,
                "log_model": s.log_model,
                "log_id": s.log_id,
                "content_sha256": s.content_sha256,
                "previous_sha256": s.previous_sha256,
                "sha256": s.sha256,
                "sealed_at": s.sealed_at,
            }
            for s in seals.iterator(chunk_size=5000)
        ),
    )
    source = Path(__file__).with_name("verify_chain.py").read_text(encoding="utf-8")
    (target / "audit" / "verify_chain.py").write_text(source, encoding="utf-8")


def write_media(target: Path) -> None:
    """media/documents.jsonl, media/images.jsonl: each file's title, collection (as a path of names),
    stored file and SHA-256, so that a reader finds a document without the database."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    collections = {c.pk: c for c in Collection.objects.all()}
    paths: dict[int, list[str]] = {}

    def collection_path(collection_id) -> list[str]:
        if collection_id not in paths:
            collection = collections.get(collection_id)
            paths[collection_id] = (
                [*(a.name for a in collection.get_ancestors()), collection.name] if collection else []
            )
        return paths[collection_id]

    for name, model in (("documents", get_document_model()), ("images", get_image_model())):
        _write_jsonl(
            target / "media" / f"{name}.jsonl",
            (
                {
                    "id": item.pk,
                    "title": item.title,
                    "collection": collection_path(item.collection_id),
                    "file": f"files/{item.file.name}",
                    "file_hash_sha1": getattr(item, "file_hash", ""),
                    "file_size": getattr(item, "file_size", None),
                    "created_at": item.created_at,
                }
                for item in model.objects.order_by("pk")
            ),
        )


def write_all(target: Path, progress: Progress) -> None:
    write_media(target)
    write_pages(target, progress)
    write_register(target)
    write_records(target)
    write_audit(target, progress)
