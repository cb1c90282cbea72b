"""What a controlled revision cites (§6 records rows, §7 external-documents rows), frozen at approval.

A published revision must show forever what it showed when it was approved (issue #10 §2, ISO 9001
§7.5.3.2 "protected from unintended alteration"). Its rows link to other pages that keep changing, so
at approval ``freeze_citations`` copies what each row showed into the revision's own content, under
the top-level key ``frozen_citations`` (``{stream field: {block id: row}}``). That key is inside
``revision.content`` and therefore inside its ``content_sha256``; Wagtail ignores it when it builds
the page from the revision, and a new draft never carries it over.

``citation_rows`` gives the template (page and PDF alike) the rows to print: from the frozen copy
when the revision has one, with a note where the cited page has changed since; from the live pages
for a draft, a preview, or a revision registered before freezing existed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail.fields import StreamField

from procedures import blocks

FROZEN_KEY = "frozen_citations"
EXTERNAL = "external"
RECORD = "record"

# The columns compared to tell whether a cited page has changed since approval.
EXTERNAL_COLUMNS = ("title", "ref_type", "number", "date", "authority")
RECORD_COLUMNS = (
    "name",
    "code",
    "medium",
    "active_period",
    "archive_period",
    "place",
    "custodian",
    "disposal",
)


def _citing_blocks(model) -> list[tuple[str, str, str, str]]:
    """(stream field, block type, kind, link key) for every citing row type of ``model``'s streams."""
    found = []
    for model_field in model._meta.get_fields():
        if not isinstance(model_field, StreamField):
            continue
        for name, block in model_field.stream_block.child_blocks.items():
            if isinstance(block, blocks.ExternalDocumentRowBlock):
                found.append((model_field.name, name, EXTERNAL, "reference"))
            elif isinstance(block, blocks.RecordRowBlock):
                found.append((model_field.name, name, RECORD, "series"))
    return found


def _key(child, index: int) -> str:
    return child.id or f"#{index}"


# --- what a cited page shows now ------------------------------------------------------------------


def _external_snapshot(ref) -> dict:
    from jalali.calendar import format_jalali

    successor = ref.ending_relation  # in effect today: one taking effect later ends nothing yet
    return {
        "page_id": ref.pk,
        "revision_id": ref.live_revision_id,
        "url": ref.url or "",
        "title": ref.title,
        "ref_type": ref.ref_type,
        "ref_type_label": ref.get_ref_type_display(),
        "number": ref.number,
        "date": ref.date.isoformat() if ref.date else None,
        "date_jalali": format_jalali(ref.date) if ref.date else "",
        "authority": ref.authority_name,
        "status": "withdrawn" if ref.is_withdrawn else ("superseded" if successor else "in_force"),
        "superseded_by": (
            {
                "page_id": successor.source_id,
                "title": successor.source.title,
                "number": successor.source.number,
                "kind": successor.kind,
                "url": successor.source.url or "",
            }
            if successor
            else None
        ),
    }


def _record_snapshot(series) -> dict:
    return {
        "page_id": series.pk,
        "revision_id": series.live_revision_id,
        "url": series.url or "",
        "status": "withdrawn" if series.is_withdrawn else "in_force",
        **series.as_row(),
    }


def _snapshot(kind: str, cited) -> dict:
    return _external_snapshot(cited) if kind == EXTERNAL else _record_snapshot(cited)


def _cited_page(kind: str, child):
    cited = child.value.get("reference" if kind == EXTERNAL else "series")
    return getattr(cited, "specific", cited)


# --- freezing ---------------------------------------------------------------------------------------


def frozen_copy(page) -> dict:
    """``{stream field: {block id: what the row's cited page shows now}}`` for ``page``'s citing rows."""
    copy: dict[str, dict] = {}
    for field_name, block_type, kind, _ in _citing_blocks(type(page)):
        rows = copy.setdefault(field_name, {})
        for index, child in enumerate(getattr(page, field_name)):
            if child.block_type != block_type:
                continue
            cited = _cited_page(kind, child)
            if cited is not None:
                rows[_key(child, index)] = _snapshot(kind, cited)
    return copy


def freeze_citations(revision) -> None:
    """Write the frozen copy of what ``revision`` cites into its content (before it is registered)."""
    page = revision.as_object()
    revision.content[FROZEN_KEY] = frozen_copy(page)
    revision.save(update_fields=["content"])


# --- which pages registered revisions cite ----------------------------------------------------------

_cited_memo: dict[tuple[int, str], frozenset[int]] = {}


def _ids_cited_in(content: dict, model) -> set[int]:
    """Page ids a revision's content cites: frozen rows and the rows' live links alike."""
    import json

    ids: set[int] = set()
    for rows in (content.get(FROZEN_KEY) or {}).values():
        ids.update(row["page_id"] for row in rows.values() if row.get("page_id"))
    for field_name, block_type, _, link in _citing_blocks(model) if model else []:
        raw = content.get(field_name) or "[]"
        try:
            stream = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            continue
        for item in stream or []:
            if isinstance(item, dict) and item.get("type") == block_type:
                target = (item.get("value") or {}).get(link)
                if isinstance(target, int):
                    ids.add(target)
    return ids


def citing_revisions(page_id: int) -> list:
    """The registered (published) revisions that cite page ``page_id``, oldest first.

    Registered revisions never change, so what each cites is remembered by (register row, hash)."""
    from procedures.models.register import ControlledRevision

    found = []
    rows = ControlledRevision.objects.order_by("page_id", "number").values_list("pk", "content_sha256")
    unseen = [pk for pk, sha in rows if (pk, sha) not in _cited_memo]
    if unseen:
        for controlled in ControlledRevision.objects.filter(pk__in=unseen).select_related("revision"):
            model = controlled.revision.content_type.model_class()
            _cited_memo[(controlled.pk, controlled.content_sha256)] = frozenset(
                _ids_cited_in(controlled.revision.content or {}, model)
            )
    citing = [pk for pk, sha in rows if page_id in _cited_memo.get((pk, sha), ())]
    if citing:
        found = list(ControlledRevision.objects.filter(pk__in=citing).order_by("page_id", "number"))
    return found


def citing_codes(pages) -> list[str]:
    """The codes of the published revisions citing any of ``pages`` (e.g. a page and its subtree)."""
    codes: list[str] = []
    for page in pages:
        codes += [c.code for c in citing_revisions(page.pk) if c.code not in codes]
    return codes


def is_cited(page_id: int) -> bool:
    return bool(page_id) and bool(citing_revisions(page_id))


# --- rendering --------------------------------------------------------------------------------------


@dataclass
class Note:
    """A short remark beside a frozen row: what happened to the cited page since approval."""

    text: str
    url: str = ""
    link_text: str = ""


@dataclass
class Row:
    """One printed row. ``cells`` are the columns as approved (or as live, when not frozen)."""

    kind: str
    cells: dict
    notes: str = ""  # the row's own «ملاحظات» column (§7)
    linked: bool = False
    frozen: bool = False
    url: str = ""
    changes: list[Note] = field(default_factory=list)
    key: str = ""  # the row's stream block id: what ties the row across revisions (procedures.changes)


def _current(kind: str, page_id: int):
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    return page.specific if page is not None else None


def _changes(kind: str, frozen: dict, current) -> list[Note]:
    """What became of the cited page since approval, in Persian."""
    what = "این مستند" if kind == EXTERNAL else "این ردیف جدول نگهداری"
    if current is None:
        return [Note(f"{what} پس از تصویب از سامانه حذف شده است.")]
    now = _snapshot(kind, current)
    url = current.url if current.live else ""
    notes: list[Note] = []
    if not current.live:
        notes.append(Note(f"{what} پس از تصویب از انتشار خارج شده است."))
    columns = EXTERNAL_COLUMNS if kind == EXTERNAL else RECORD_COLUMNS
    if any(frozen.get(c) != now.get(c) for c in columns):
        notes.append(Note(f"{what} پس از تصویب تغییر کرده است —", url, "نسخه کنونی"))
    if now["status"] == "withdrawn" and frozen.get("status") != "withdrawn":
        notes.append(Note(f"{what} پس از تصویب ابطال شده است.", url, "مشاهده"))
    successor = now.get("superseded_by")
    if successor and successor["page_id"] != (frozen.get("superseded_by") or {}).get("page_id"):
        source = _current(kind, successor["page_id"])
        label = "لغو شده با" if successor["kind"] == "repeals" else "جایگزین شده با"
        link = source.url if source is not None and source.live else ""
        notes.append(Note(f"پس از تصویب {label}", link, successor["title"]))
    return notes


def _typed_cells(kind: str, value) -> dict:
    """A row linked to no page: as the editor typed it."""
    if kind == EXTERNAL:
        return {"title": value.get("title") or ""}
    return {k: value.get(k) or "" for k in RECORD_COLUMNS}


def citation_rows(page, frozen: dict | None) -> dict[str, list[Row]]:
    """The §6 and §7 rows of ``page`` as printed: ``{"record_rows": [...], "external_rows": [...]}``.

    ``frozen`` is the revision's ``frozen_citations`` (None: not frozen, the rows follow the live pages)."""
    out: dict[str, list[Row]] = {"record_rows": [], "external_rows": []}
    for field_name, block_type, kind, _ in _citing_blocks(type(page)):
        frozen_rows = (frozen or {}).get(field_name, {})
        target = out["external_rows" if kind == EXTERNAL else "record_rows"]
        for index, child in enumerate(getattr(page, field_name)):
            if child.block_type != block_type:
                continue
            notes = (child.value.get("notes") or "") if kind == EXTERNAL else ""
            cited = _cited_page(kind, child)
            cited_id = (
                cited.pk
                if cited is not None
                else child.value.get("reference" if kind == EXTERNAL else "series")
            )
            entry = frozen_rows.get(_key(child, index))
            if entry is not None and (cited_id in (None, entry["page_id"])):
                current = cited if cited is not None else _current(kind, entry["page_id"])
                target.append(
                    Row(
                        kind,
                        entry,
                        notes,
                        linked=True,
                        frozen=True,
                        url=current.url if current is not None and current.live else "",
                        changes=_changes(kind, entry, current),
                        key=child.id or "",
                    )
                )
            elif cited is not None:
                target.append(
                    Row(
                        kind,
                        _snapshot(kind, cited),
                        notes,
                        linked=True,
                        url=cited.url if cited.live else "",
                        key=child.id or "",
                    )
                )
            else:
                target.append(Row(kind, _typed_cells(kind, child.value), notes, key=child.id or ""))
    return out


def frozen_for(request, controlled) -> dict | None:
    """The frozen copy to print for ``controlled``; None for a preview of a draft or an unfrozen revision."""
    if controlled is None or getattr(request, "is_preview", False):
        return None
    return (controlled.revision.content or {}).get(FROZEN_KEY)
