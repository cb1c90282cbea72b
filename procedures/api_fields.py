"""What controlled documents and external references carry in API v2 detail (issue 13 §5).

The API serves the live page, which is the live revision. Its §6 and §7 rows are given as that revision
froze them at approval (``procedures.citations``), with what became of each cited page since, so an
API client reads the same rows as the page and its PDF print. Rich-text sections are plain
``RichTextField`` columns, serialised by Wagtail itself (``?rich_text_format=`` applies).
"""

from __future__ import annotations

from wagtail.api import APIField

from sanad.api_fields import Computed, absolute, dates, document_link, iso_date, page_link

# --- controlled documents (procedures and the service statement) --------------------------------------


def sections(page, request) -> list[dict]:
    """The document's sections in reading order, each under its printed heading (seed 000 §1–8)."""
    return [
        {
            "field": name,
            "heading": str(page._meta.get_field(name).verbose_name),
            "empty": not getattr(page, name),
        }
        for name in page.section_fields
    ]


def revision_facts(revision) -> dict:
    """A registered revision's number, code, status and dates, as the API and the JSON comparison give them."""
    from procedures import rules

    return {
        "number": revision.number,
        "number_display": rules.format_revision_number(revision.number),
        "code": revision.code,
        "status": revision.status,
        "status_label": revision.get_status_display(),
        **dates("issue_date", revision.issue_date),
        **dates("revision_date", revision.revision_date),
    }


def revision_history(page, request) -> list[dict]:
    """Every registered revision, newest first, with the dates it was in force and its own address."""

    base = page.url or ""
    history = list(page.controlled_history)
    numbers = sorted(r.number for r in history)

    def changes_url(number: int) -> str | None:
        """What this revision changed against the one before it, as JSON (issue 13 §4)."""
        before = [n for n in numbers if n < number]
        if not before or not base:
            return None
        return absolute(request, f"{base}revisions/compare/{before[-1]}/{number}/?format=json")

    return [
        {
            **revision_facts(revision),
            **dates("approved_on", revision.approved_on),
            **dates("effective_from", revision.effective_from),
            **dates("effective_until", revision.effective_until),
            **dates("withdrawn_on", revision.withdrawn_on),
            "change_reason": revision.change_reason,
            "on_paper": revision.imported,
            "content_sha256": revision.content_sha256,
            "html_url": absolute(request, f"{base}revisions/{revision.number}/") if base else "",
            "changes_url": changes_url(revision.number),
        }
        for revision in history
    ]


def controlled_fields() -> list[APIField]:
    """Added to the header fields every controlled document already has."""
    return [
        APIField("organisation_unit"),
        APIField("control_notice"),
        APIField("sections", serializer=Computed(sections)),
        APIField("revision_history", serializer=Computed(revision_history)),
    ]


# --- the procedure's rows -----------------------------------------------------------------------------

ACTIVITY_CELLS = ("number", "description", "responsible", "collaborator", "related_records", "flowchart_step")


def definitions(page, request) -> list[dict]:
    return [
        {"term": child.value.get("term") or "", "definition": child.value.get("definition") or ""}
        for child in page.definitions
    ]


def activities(page, request) -> list[dict]:
    """§5 rows; a «"» cell («as above») is given the value it stands for, and flagged."""
    rows = []
    for row in page.activity_rows():
        out = {cell: row.get(cell) or "" for cell in ACTIVITY_CELLS}
        out["responsible_is_ditto"] = bool(row.get("responsible_is_ditto"))
        out["collaborator_is_ditto"] = bool(row.get("collaborator_is_ditto"))
        rows.append(out)
    return rows


def _citations(page) -> dict:
    """``citation_rows`` of the live revision, computed once per page for both row kinds."""
    cached = getattr(page, "_api_citation_rows", None)
    if cached is None:
        from procedures.citations import FROZEN_KEY, citation_rows

        current = page.current_controlled_revision
        frozen = (current.revision.content or {}).get(FROZEN_KEY) if current is not None else None
        cached = page._api_citation_rows = citation_rows(page, frozen)
    return cached


def _changes(request, row) -> list[dict]:
    return [
        {"text": note.text, "link_text": note.link_text, "url": absolute(request, note.url)}
        for note in row.changes
    ]


def _medium_label(value: str) -> str:
    from procedures.blocks import RecordRowBlock

    return dict(RecordRowBlock.base_blocks["medium"].field.choices).get(value, "")


RECORD_CELLS = ("name", "code", "medium", "active_period", "archive_period", "place", "custodian", "disposal")


def record_rows(page, request) -> list[dict]:
    """§6 rows as the live revision froze them (a row typed without a series: as typed)."""
    rows = []
    for row in _citations(page)["record_rows"]:
        cells = row.cells
        rows.append(
            {
                **{cell: str(cells.get(cell) or "") for cell in RECORD_CELLS},
                "medium_label": _medium_label(cells.get("medium") or ""),
                "series_id": cells.get("page_id"),
                "cited_revision_id": cells.get("revision_id"),
                "status": cells.get("status", ""),
                "linked": row.linked,
                "frozen": row.frozen,
                "html_url": absolute(request, row.url),
                "changes": _changes(request, row),
            }
        )
    return rows


def external_rows(page, request) -> list[dict]:
    """§7 rows as the live revision froze them: title, type, number, date, authority and status on the
    day of approval, the row's own notes, and what became of the cited document since."""
    rows = []
    for row in _citations(page)["external_rows"]:
        cells = row.cells
        date = iso_date(cells.get("date"))
        rows.append(
            {
                "title": cells.get("title") or "",
                "ref_type": cells.get("ref_type") or "",
                "ref_type_label": cells.get("ref_type_label") or "",
                "number": cells.get("number") or "",
                "date": date,
                "date_jalali": cells.get("date_jalali") or "",
                "authority": cells.get("authority") or "",
                "status": cells.get("status", ""),
                "superseded_by": cells.get("superseded_by"),
                "notes": row.notes,
                "reference_id": cells.get("page_id"),
                "cited_revision_id": cells.get("revision_id"),
                "linked": row.linked,
                "frozen": row.frozen,
                "html_url": absolute(request, row.url),
                "changes": _changes(request, row),
            }
        )
    return rows


def attachments(page, request) -> list[dict]:
    """§8 (and a reference's) attachments: title and file."""
    return [
        {
            "title": child.value.get("title") or "",
            "document": document_link(request, child.value.get("document")),
        }
        for child in page.attachments
    ]


def procedure_fields() -> list[APIField]:
    """§1–§8 of seed 000 (``purpose`` and the other rich-text sections are Wagtail's own fields)."""
    return [
        APIField("purpose"),
        APIField("scope"),
        APIField("definitions", serializer=Computed(definitions)),
        APIField("responsibility_execution"),
        APIField("responsibility_supervision"),
        APIField("activities", serializer=Computed(activities)),
        APIField("records_list", serializer=Computed(record_rows)),
        APIField("external_documents", serializer=Computed(external_rows)),
        APIField("attachments", serializer=Computed(attachments)),
    ]


# --- the service-level statement (seed 001) ---------------------------------------------------------


def _texts(field_name: str):
    def texts(page, request) -> list[str]:
        return [str(child.value) for child in getattr(page, field_name)]

    texts.__name__ = f"{field_name}_texts"
    return texts


def statement_fields() -> list[APIField]:
    return [
        APIField("introduction"),
        APIField("purpose"),
        APIField("responsibility"),
        APIField("service_steps", serializer=Computed(_texts("service_steps"))),
        APIField("commitments", serializer=Computed(_texts("commitments"))),
        APIField("costs"),
        APIField("validity"),
        APIField("termination"),
    ]


# --- external references ----------------------------------------------------------------------------


def reference_link(request, reference) -> dict:
    """Another reference as a citation: «title (number, date)» and where to read it."""
    return {
        **page_link(request, reference),
        "ref_type": reference.ref_type,
        "ref_type_label": reference.get_ref_type_display(),
        "number": reference.number,
        **dates("date", reference.date),
    }


def reference_status(page, request) -> str:
    if page.is_withdrawn:
        return "withdrawn"
    return "superseded" if page.superseded_by is not None else "in_force"


def _relation(request, relation, other) -> dict:
    return {
        "kind": relation.kind,
        "kind_label": relation.get_kind_display(),
        "reference": reference_link(request, other),
        **dates("effective_on", relation.effective_on),
    }


def superseded_by(page, request) -> dict | None:
    """The live reference that replaces or repeals this one (the earliest, as the page says)."""
    relation = page.superseding_relations().first()
    return _relation(request, relation, relation.source) if relation else None


def relations(page, request) -> dict:
    """What this reference does to others (replaces, amends, repeals) and what others did to it."""
    return {
        "outgoing": [_relation(request, r, r.target) for r in page.relations.select_related("target")],
        "superseded_by": [_relation(request, r, r.source) for r in page.superseding_relations()],
        "amended_by": [_relation(request, r, r.source) for r in page.amended_by()],
    }


def withdrawal(page, request) -> dict | None:
    found = page.withdrawal
    if found is None:
        return None
    return {"reason": found.reason, **dates("withdrawn_on", found.decided_at)}


def aliases(page, request) -> list[str]:
    return [line.strip() for line in page.number_aliases.splitlines() if line.strip()]


def reference_fields() -> list[APIField]:
    return [
        APIField("ref_type_label", serializer=Computed(lambda page, request: page.get_ref_type_display())),
        APIField("number_aliases", serializer=Computed(aliases)),
        APIField("body"),
        APIField("notes"),
        APIField("status", serializer=Computed(reference_status)),
        APIField("superseded_by", serializer=Computed(superseded_by)),
        APIField("relations", serializer=Computed(relations)),
        APIField("withdrawal", serializer=Computed(withdrawal)),
        APIField("attachments", serializer=Computed(attachments)),
    ]
