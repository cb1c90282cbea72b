"""The audit hash chain: every Wagtail audit entry (page or model log) gets one ``AuditSeal``.

link(n) = SHA-256(link(n-1) || SHA-256(canonical JSON of entry n)); the first link follows 64 zeros.
The canonical JSON holds what the entry says (action, object, content type, user, time, data,
revision, uuid), read back from the database, so verification later hashes exactly the same text.
Source: ISO 9001 §7.5.3.2 (protection from unintended alteration), ISO 15489-1 §5.2.2 (integrity).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, transaction

GENESIS = "0" * 64
#: Key of the PostgreSQL advisory lock that serialises appends to the chain.
_CHAIN_LOCK = 0x5A4E4144  # "SAND"


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), cls=DjangoJSONEncoder)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def link_sha256(previous: str, content: str) -> str:
    """A link's hash: the link before it and this entry's content hash, in that order."""
    return sha256_text(previous + content)


def _utc(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
    return value.isoformat()


def entry_content(entry, kind: str, content_type: str | None) -> dict[str, Any]:
    """What an entry says, as plain JSON values. ``content_type`` is «app_label.model» (stable across
    restores, unlike the content type's id)."""
    object_id = entry.page_id if kind == "page" else entry.object_id
    return {
        "log": kind,
        "id": entry.pk,
        "action": entry.action,
        "label": entry.label,
        "content_type": content_type,
        "object_id": None if object_id is None else str(object_id),
        "user_id": entry.user_id,
        "timestamp": _utc(entry.timestamp),
        "data": entry.data,
        "revision_id": entry.revision_id,
        "uuid": None if entry.uuid is None else str(entry.uuid),
        "content_changed": bool(entry.content_changed),
        "deleted": bool(entry.deleted),
    }


def entry_sha256(entry, kind: str, content_type: str | None) -> str:
    return sha256_text(canonical_json(entry_content(entry, kind, content_type)))


def content_type_key(content_type_id: int | None, using: str = "default") -> str | None:
    if content_type_id is None:
        return None
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.db_manager(using).get_for_id(content_type_id)
    return f"{ct.app_label}.{ct.model}"


def lock_chain(using: str = "default") -> None:
    """Serialise appends until the transaction ends. SQLite already serialises writers: the entry's
    INSERT holds the write lock. On PostgreSQL a transaction-scoped advisory lock; after it, the head
    read by the next statement is the one the previous appender committed."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK])


def append(seal_model, kind: str, log_id: int, content_sha256: str, using: str = "default"):
    """Add one link after the current head (the caller holds ``lock_chain``)."""
    head = seal_model.objects.using(using).order_by("-sequence").values("sequence", "sha256").first()
    previous = head["sha256"] if head else GENESIS
    return seal_model.objects.using(using).create(
        sequence=(head["sequence"] + 1) if head else 1,
        log_model=kind,
        log_id=log_id,
        content_sha256=content_sha256,
        previous_sha256=previous,
        sha256=link_sha256(previous, content_sha256),
    )


def log_kind(model) -> str | None:
    from wagtail.models import ModelLogEntry, PageLogEntry

    if issubclass(model, PageLogEntry):
        return "page"
    if issubclass(model, ModelLogEntry):
        return "model"
    return None


def seal_entry(entry, using: str = "default"):
    """Seal a just-written audit entry, in its own transaction (or a savepoint of the caller's)."""
    from integrity.models import AuditSeal

    kind = log_kind(type(entry))
    if kind is None:
        return None
    with transaction.atomic(using=using):
        lock_chain(using)
        stored = type(entry)._base_manager.using(using).get(pk=entry.pk)
        digest = entry_sha256(stored, kind, content_type_key(stored.content_type_id, using))
        return append(AuditSeal, kind, stored.pk, digest, using)


def seal_unsealed(
    page_model, model_model, seal_model, content_type_of: Callable[[int | None], str | None], using="default"
) -> int:
    """Seal every entry that has no seal yet, oldest first (by time, then table and id).

    Used by the migration that starts the chain on a database with history, with its historical models.
    """
    sealed = {
        (kind, log_id) for kind, log_id in seal_model.objects.using(using).values_list("log_model", "log_id")
    }
    rows: list[tuple[Any, str, int]] = []
    for kind, model in (("page", page_model), ("model", model_model)):
        for pk, timestamp in model.objects.using(using).values_list("pk", "timestamp"):
            if (kind, pk) not in sealed:
                rows.append((timestamp, kind, pk))
    rows.sort(key=lambda row: (row[0], row[1], row[2]))
    with transaction.atomic(using=using):
        lock_chain(using)
        for _, kind, pk in rows:
            model = page_model if kind == "page" else model_model
            entry = model.objects.using(using).get(pk=pk)
            append(
                seal_model, kind, pk, entry_sha256(entry, kind, content_type_of(entry.content_type_id)), using
            )
    return len(rows)


def head(using: str = "default"):
    from integrity.models import AuditSeal

    return AuditSeal.objects.using(using).order_by("-sequence").first()
