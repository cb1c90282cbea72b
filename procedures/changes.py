"""What changed between two controlled revisions: sections, table rows, cited documents, header.

Pure functions over plain data (``RevisionContent``, built from a Wagtail revision by
``procedures.revision_content``): no models, views or templates here. ISO 9001 §7.5.2 asks that
changes to documented information be identified; §7.5.3.2 c) that changes be controlled — a reader
of revision ۰۱ sees exactly what it changed against ۰۰, and every printed revision lists it.

Text is compared word by word inside paragraphs (``difflib``); paragraphs are first aligned with each
other, so a new paragraph is one added paragraph, not a run of inserted words. Rows are matched by
their stream block id (Wagtail keeps it while an editor edits the row), then by content.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from jalali.digits import to_persian_digits

Op = Literal["same", "ins", "del"]
Status = Literal["same", "added", "removed", "changed"]

#: Two paragraphs (or rows) at least this alike are one thing changed, not one removed and one added.
PAIRING_RATIO = 0.4

# --- what is compared ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """A section of the document's text as paragraphs (rich text split at blocks; list items)."""

    key: str
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class TableRow:
    key: str  # the stream block id; "" when the row has none
    cells: tuple[str, ...]
    label: str  # how the summary names the row («ردیف ۳: …», a record's name, an act's title)
    url: str = ""


@dataclass(frozen=True)
class Table:
    key: str  # "activities", "records", "citations", …
    heading: str
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]


@dataclass(frozen=True)
class HeaderField:
    key: str
    label: str
    value: str


@dataclass(frozen=True)
class RevisionContent:
    """One controlled revision, as a reader sees it."""

    number: int
    code: str
    change_reason: str
    header: tuple[HeaderField, ...]
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]


# --- what came out --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    op: Op
    text: str


@dataclass(frozen=True)
class ParagraphChange:
    status: Status
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class SectionChange:
    key: str
    heading: str
    status: Status
    paragraphs: tuple[ParagraphChange, ...]

    @property
    def changed(self) -> bool:
        return self.status != "same"


@dataclass(frozen=True)
class CellChange:
    column: str
    old: str
    new: str
    segments: tuple[Segment, ...]

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True)
class RowChange:
    status: Status
    key: str
    label: str
    cells: tuple[CellChange, ...]
    url: str = ""
    moved: bool = False


@dataclass(frozen=True)
class TableChange:
    key: str
    heading: str
    columns: tuple[str, ...]
    rows: tuple[RowChange, ...]

    def with_status(self, status: Status) -> list[RowChange]:
        return [r for r in self.rows if r.status == status]

    @property
    def changed(self) -> bool:
        return any(r.status != "same" or r.moved for r in self.rows)

    @property
    def unchanged(self) -> int:
        """How many rows stand as they were (shown as a count, not repeated)."""
        return sum(r.status == "same" and not r.moved for r in self.rows)


@dataclass(frozen=True)
class HeaderChange:
    key: str
    label: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True)
class Comparison:
    old: RevisionContent
    new: RevisionContent
    header: tuple[HeaderChange, ...]
    sections: tuple[SectionChange, ...]
    tables: tuple[TableChange, ...]

    @property
    def has_changes(self) -> bool:
        """Whether the document itself changed (the header always does: number, dates, signers)."""
        return any(s.changed for s in self.sections) or any(t.changed for t in self.tables)

    def table(self, key: str) -> TableChange | None:
        return next((t for t in self.tables if t.key == key), None)


# --- text ------------------------------------------------------------------------------------------------


def _merge(segments: list[Segment]) -> tuple[Segment, ...]:
    merged: list[Segment] = []
    for seg in segments:
        if merged and merged[-1].op == seg.op:
            merged[-1] = Segment(seg.op, f"{merged[-1].text} {seg.text}")
        else:
            merged.append(seg)
    return tuple(merged)


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """``new`` against ``old`` word by word: kept words ``same``, removed ``del``, added ``ins``."""
    a, b = old.split(), new.split()
    out: list[Segment] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(Segment("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(Segment("del", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(Segment("ins", " ".join(b[j1:j2])))
    return _merge(out)


def _alike(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio() >= PAIRING_RATIO


def _whole(op: Op, text: str) -> tuple[Segment, ...]:
    return (Segment(op, text),) if text else ()


def paragraph_diff(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[ParagraphChange, ...]:
    """Align paragraphs, then diff the words of each pair that was edited."""
    out: list[ParagraphChange] = []
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += [ParagraphChange("same", _whole("same", p)) for p in old[i1:i2]]
            continue
        removed, added = list(old[i1:i2]), list(new[j1:j2])
        while removed or added:
            if removed and added and _alike(removed[0], added[0]):
                out.append(ParagraphChange("changed", word_diff(removed.pop(0), added.pop(0))))
            elif removed and (not added or len(removed) >= len(added)):
                out.append(ParagraphChange("removed", _whole("del", removed.pop(0))))
            else:
                out.append(ParagraphChange("added", _whole("ins", added.pop(0))))
    return tuple(out)


def section_diff(old: Section | None, new: Section | None) -> SectionChange:
    source = new or old
    assert source is not None
    before = old.paragraphs if old else ()
    after = new.paragraphs if new else ()
    paragraphs = paragraph_diff(before, after)
    if before == after:
        status: Status = "same"
    elif not before:
        status = "added"
    elif not after:
        status = "removed"
    else:
        status = "changed"
    return SectionChange(source.key, source.heading, status, paragraphs)


# --- rows ------------------------------------------------------------------------------------------------


def _row_text(row: TableRow) -> str:
    return " ".join(row.cells)


def _cells(columns: tuple[str, ...], old: TableRow | None, new: TableRow | None) -> tuple[CellChange, ...]:
    out = []
    for index, column in enumerate(columns):
        before = old.cells[index] if old and index < len(old.cells) else ""
        after = new.cells[index] if new and index < len(new.cells) else ""
        if old is None:
            segments = _whole("ins", after)
        elif new is None:
            segments = _whole("del", before)
        else:
            segments = word_diff(before, after) if before != after else _whole("same", after)
        out.append(CellChange(column, before, after, segments))
    return tuple(out)


def _row_change(columns, old: TableRow | None, new: TableRow | None, moved: bool = False) -> RowChange:
    if old is None:
        status: Status = "added"
    elif new is None:
        status = "removed"
    else:
        status = "same" if old.cells == new.cells else "changed"
    shown = new or old
    assert shown is not None
    return RowChange(status, shown.key, shown.label, _cells(columns, old, new), shown.url, moved)


def _match_key(row: TableRow, shared_ids: set[str]) -> tuple[str, ...]:
    return ("id", row.key) if row.key in shared_ids else ("cells", *row.cells)


def row_diff(
    columns: tuple[str, ...], old: tuple[TableRow, ...], new: tuple[TableRow, ...]
) -> tuple[RowChange, ...]:
    """Rows of ``new`` against ``old``, in reading order, removed rows where they stood.

    A row keeps its identity by block id when both revisions carry it; rows without a shared id are
    matched by their cells, and an edited row is paired with the removed row it most resembles."""
    shared = {r.key for r in old if r.key} & {r.key for r in new if r.key}
    a = [_match_key(r, shared) for r in old]
    b = [_match_key(r, shared) for r in new]
    out: list[RowChange] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out += [_row_change(columns, o, n) for o, n in zip(old[i1:i2], new[j1:j2], strict=True)]
            continue
        removed, added = list(old[i1:i2]), list(new[j1:j2])
        while removed or added:
            if (
                removed
                and added
                and removed[0].key not in shared
                and added[0].key not in shared
                and _alike(_row_text(removed[0]), _row_text(added[0]))
            ):
                out.append(_row_change(columns, removed.pop(0), added.pop(0)))
            elif removed and (not added or len(removed) >= len(added)):
                out.append(_row_change(columns, removed.pop(0), None))
            else:
                out.append(_row_change(columns, None, added.pop(0)))
    return _join_moved(
        columns, out, {r.key: r for r in old if r.key in shared}, {r.key: r for r in new if r.key in shared}
    )


def _join_moved(columns, rows: list[RowChange], old_by_id: dict, new_by_id: dict) -> tuple[RowChange, ...]:
    """A row with the same id both removed and added was moved: one row, at its new place."""
    added_ids = {r.key for r in rows if r.status == "added" and r.key in new_by_id}
    out = []
    for row in rows:
        if row.status == "removed" and row.key in added_ids:
            continue
        if row.status == "added" and row.key in old_by_id:
            row = _row_change(columns, old_by_id[row.key], new_by_id[row.key], moved=True)
        out.append(row)
    return tuple(out)


def table_diff(old: Table | None, new: Table | None) -> TableChange:
    source = new or old
    assert source is not None
    return TableChange(
        source.key,
        source.heading,
        source.columns,
        row_diff(source.columns, old.rows if old else (), new.rows if new else ()),
    )


# --- the whole ------------------------------------------------------------------------------------------


def _by_key(items) -> dict:
    return {item.key: item for item in items}


def _union_keys(old_items, new_items) -> list[str]:
    keys = [item.key for item in new_items]
    for item in old_items:
        if item.key not in keys:
            keys.append(item.key)
    return keys


def compare(old: RevisionContent, new: RevisionContent) -> Comparison:
    """``new`` against ``old`` (usually the revision just before it, but any two)."""
    old_header, new_header = _by_key(old.header), _by_key(new.header)
    header = tuple(
        HeaderChange(
            key,
            (new_header.get(key) or old_header[key]).label,
            old_header[key].value if key in old_header else "",
            new_header[key].value if key in new_header else "",
        )
        for key in _union_keys(old.header, new.header)
    )
    old_sections, new_sections = _by_key(old.sections), _by_key(new.sections)
    sections = tuple(
        section_diff(old_sections.get(key), new_sections.get(key))
        for key in _union_keys(old.sections, new.sections)
    )
    old_tables, new_tables = _by_key(old.tables), _by_key(new.tables)
    tables = tuple(
        table_diff(old_tables.get(key), new_tables.get(key)) for key in _union_keys(old.tables, new.tables)
    )
    return Comparison(old, new, header, sections, tables)


# --- the summary printed at the end of a revision -----------------------------------------------------


FIRST_ISSUE = "این بازنگری صدور نخست سند است و بازنگری پیشینی ندارد."
NO_CONTENT_CHANGE = "متن سند، جدول‌ها و مستندات استنادشده تغییری نکرده‌اند."


def _count(n: int, noun: str) -> str:
    return f"{to_persian_digits(n)} {noun}"


def _names(rows: list[RowChange]) -> str:
    return "؛ ".join(to_persian_digits(r.label) for r in rows if r.label)


def summary_lines(comparison: Comparison) -> list[str]:
    """What changed, one Persian line per kind of change (ISO 9001 §7.5.2: changes identified)."""
    lines: list[str] = []
    for status, verb in (("added", "افزوده شد"), ("removed", "حذف شد"), ("changed", "تغییر کرد")):
        headings = [s.heading for s in comparison.sections if s.status == status]
        if headings:
            noun = "بخش" if len(headings) == 1 else "بخش‌های"
            lines.append(f"{noun} {'، '.join(f'«{h}»' for h in headings)} {verb}.")
    for table in comparison.tables:
        for status, verb in (("added", "افزوده"), ("removed", "حذف‌شده"), ("changed", "تغییریافته")):
            rows = table.with_status(status)
            if rows:
                names = _names(rows)
                line = f"{table.heading}: {_count(len(rows), 'ردیف')} {verb}"
                lines.append(f"{line} ({names})." if names else f"{line}.")
        moved = [r for r in table.rows if r.moved]
        if moved:
            lines.append(f"{table.heading}: {_count(len(moved), 'ردیف')} جابه‌جا شد.")
    return lines or [NO_CONTENT_CHANGE]
