"""What a Sanad archive bag holds and where: the models carried, their order, the files, the counts.

The bag (BagIt, RFC 8493) keeps everything under ``data/``:

- ``db/NNN-<app>.<model>.jsonl``: every row of every model carried, Django's JSON Lines serialisation
  with primary keys kept and content types and permissions named by natural key, in an order that loads
  (``ORDER`` in ``manifest.json``). This is what ``import_archive`` reads.
- ``files/<storage name>``: every stored file a row names (documents, images, record and evidence
  files, disposition packages), under the name its row gives.
- ``pages/``, ``media/``, ``records/``, ``register/``, ``audit/``, ``pdf/``: the same content for people and
  other systems (each page with its revisions, records with retention and holds, the revision register
  and issued copies, the audit trail with its hash chain and a verifier, a PDF of each controlled revision).
- ``manifest.json``: format, source, applied migrations, rows per model, the summary counts and every
  file's SHA-256; ``README.txt``: the layout in Persian and English.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from django.apps import apps
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "sanad-archive/1"
MANIFEST = "manifest.json"
README = "README.txt"
DB_DIR = "db"
FILES_DIR = "files"

#: Not carried: rebuilt by ``migrate`` (content types, permissions: referenced by natural key), derived
#: (search index, renditions, index version) or transient (sessions, editing and preview state, the task
#: queue — a queued task carried over would run again on the new system).
EXCLUDED = frozenset(
    {
        "contenttypes.contenttype",
        "auth.permission",
        "sessions.session",
        "wagtailsearch.indexentry",
        "wagtailsearch.sqliteftsindexentry",
        "wagtailimages.rendition",
        "wagtailadmin.editingsession",
        "wagtailadmin.formstate",
        "wagtailadmin.admin",
        "django_tasks_database.dbtaskresult",
        "sanad_search.indexversion",
    }
)

#: Whatever is made through Sanad leaves a row in one of these (a user, an audit entry, a revision, a
#: file, a record). A database with none of them, and no page beyond Wagtail's root and welcome page,
#: holds only what ``migrate`` wrote by itself (Wagtail's default site, locale, collection, workflow and
#: groups, and any table an app's data migration fills): the import replaces those rows with the bag's.
CONTENT_MARKERS = (
    "auth.user",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "integrity.auditseal",
    "wagtaildocs.document",
    "wagtailimages.image",
    "records.record",
    "procedures.controlledrevision",
)
#: Root and Wagtail's welcome page.
INSTALL_DEFAULT_PAGES = 2


class PreciseJSONEncoder(DjangoJSONEncoder):
    """Django's encoder cuts datetimes and times to milliseconds; an archive keeps every microsecond
    (the audit chain hashes its entries' timestamps to the microsecond)."""

    def default(self, o):
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


def label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def carried_models() -> list[type[models.Model]]:
    """Every model the archive carries, in an order that loads (natural-key dependencies first)."""
    app_list = {}
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or label(model) in EXCLUDED:
            continue
        app_list.setdefault(meta.app_config, []).append(model)
    ordered = serializers.sort_dependencies(app_list.items(), allow_cycles=True)
    # Parents before children (multi-table inheritance): a child row is written as its own table only.
    result: list[type[models.Model]] = []

    def add(model):
        for parent in model._meta.get_parent_list():
            if parent in ordered and parent not in result:
                add(parent)
        if model not in result:
            result.append(model)

    for model in ordered:
        add(model)
    return result


def model_by_label(name: str) -> type[models.Model]:
    return apps.get_model(name)


def db_file_name(index: int, model: type[models.Model]) -> str:
    return f"{DB_DIR}/{index:03d}-{label(model)}.jsonl"


def file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [f for f in model._meta.local_concrete_fields if isinstance(f, models.FileField)]


@dataclass(frozen=True)
class FileRef:
    """A stored file named by a row: ``name`` in ``field``'s storage."""

    model: str
    pk: str
    field: str
    name: str


def file_refs(model: type[models.Model]) -> Iterator[FileRef]:
    fields = file_fields(model)
    if not fields:
        return
    names = [f.attname for f in fields]
    for row in model._base_manager.order_by("pk").values_list("pk", *names):
        for field, name in zip(fields, row[1:], strict=True):
            if name:
                yield FileRef(label(model), str(row[0]), field.name, name)


def storage_for(ref: FileRef):
    return model_by_label(ref.model)._meta.get_field(ref.field).storage


def sha256_stream(stream: IO[bytes]) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    for chunk in iter(lambda: stream.read(1 << 20), b""):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app_label, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app_label, []).append(name)
    return {app_label: sorted(names) for app_label, names in sorted(applied.items())}


def row_counts(carried: list[type[models.Model]]) -> dict[str, int]:
    return {label(model): model._base_manager.count() for model in carried}


def summary_counts() -> dict[str, object]:
    """The counts a round trip must reproduce, named as people ask for them."""
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import ModelLogEntry, Page, PageLogEntry, Revision

    from integrity.models import AuditSeal
    from procedures.models import ControlledRevision, IssuedCopy, SignOff
    from records.models import Hold, Record, RecordFile

    by_type: dict[str, int] = {}
    for app_label, model, count in (
        Page.objects.order_by()  # the manager orders by path, which would split every group
        .values_list("content_type__app_label", "content_type__model")
        .annotate(n=models.Count("pk"))
    ):
        by_type[f"{app_label}.{model}"] = count
    return {
        "pages_by_type": dict(sorted(by_type.items())),
        "pages": sum(by_type.values()),
        "revisions": Revision.objects.count(),
        "controlled_revisions": ControlledRevision.objects.count(),
        "signoffs": SignOff.objects.count(),
        "issued_copies": IssuedCopy.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "records": Record.objects.count(),
        "record_files": RecordFile.objects.count(),
        "holds": Hold.objects.count(),
        "page_log_entries": PageLogEntry.objects.count(),
        "model_log_entries": ModelLogEntry.objects.count(),
        "audit_seals": AuditSeal.objects.count(),
        "users": get_user_model().objects.count(),
    }


def log_event(action: str, data: dict) -> None:
    """One audit entry (sealed into the chain like any other) on the default site."""
    from wagtail.log_actions import log
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.order_by("pk").first()
    if site is not None:
        log(instance=site, action=action, data=data)
