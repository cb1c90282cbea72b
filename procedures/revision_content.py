"""A registered controlled revision read as plain content for ``procedures.changes``.

The text comes from the revision's own Wagtail content (``ControlledRevision.revision``), the §6 and §7
rows from what the revision froze at approval (``procedures.citations``), the header from the register.
Every value is display text: Jalali dates, Persian digits, so a change of digit script alone is no change.
"""

from __future__ import annotations

from html.parser import HTMLParser

from wagtail.fields import RichTextField, StreamField

from jalali.digits import to_persian_digits
from jalali.formatting import format_jalali
from procedures import blocks
from procedures.changes import HeaderField, RevisionContent, Section, Table, TableRow, compare
from procedures.models.register import ControlledRevision
from procedures.rules import SignOffRole, format_revision_number

ACTIVITY_COLUMNS = ("ردیف", "شرح فعالیت", "مسئول انجام", "همکار", "مستندات/سوابق مرتبط", "فلوچارت")
ACTIVITY_FIELDS = (
    "number",
    "description",
    "responsible",
    "collaborator",
    "related_records",
    "flowchart_step",
)
RECORD_COLUMNS = (
    "نام سابقه",
    "کد سابقه",
    "نوع سابقه",
    "مدت نگهداری جاری",
    "مدت نگهداری راکد",
    "محل نگهداری",
    "مسئول نگهداری",
    "نحوه امحاء",
)
RECORD_FIELDS = (
    "name",
    "code",
    "medium",
    "active_period",
    "archive_period",
    "place",
    "custodian",
    "disposal",
)
MEDIUM_LABELS = {"paper": "کاغذی", "electronic": "کامپیوتری", "both": "کاغذی و کامپیوتری"}
CITATION_COLUMNS = ("عنوان سند", "نوع سند", "شماره سند", "تاریخ سند", "مرجع صدور", "ملاحظات")

_TABLE_BLOCKS = (blocks.ActivityRowBlock, blocks.RecordRowBlock, blocks.ExternalDocumentRowBlock)
_BREAKS = {"p", "li", "br", "div", "blockquote", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul"}
_LABEL_WORDS = 8


def _text(value) -> str:
    return to_persian_digits(" ".join(str(value or "").split()))


class _Paragraphs(HTMLParser):
    """Rich text to its paragraphs: a block element or a line break ends one."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.current: list[str] = []

    def _end(self) -> None:
        text = _text("".join(self.current))
        if text:
            self.parts.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in _BREAKS:
            self._end()

    def handle_endtag(self, tag):
        if tag in _BREAKS:
            self._end()

    def handle_data(self, data):
        self.current.append(data)


def rich_text_paragraphs(html: str) -> tuple[str, ...]:
    parser = _Paragraphs()
    parser.feed(html or "")
    parser.close()
    parser._end()
    return tuple(parser.parts)


def _stream_items(stream) -> tuple[str, ...]:
    items = []
    for child in stream:
        value = child.value
        if isinstance(child.block, blocks.DefinitionBlock):
            term, definition = _text(value.get("term")), _text(value.get("definition"))
            text = f"{term}: {definition}" if definition else term
        elif isinstance(child.block, blocks.AttachmentBlock):
            text = _text(value.get("title"))
        else:
            text = _text(value)
        if text:
            items.append(text)
    return tuple(items)


def _is_table(field) -> bool:
    return isinstance(field, StreamField) and any(
        isinstance(b, _TABLE_BLOCKS) for b in field.stream_block.child_blocks.values()
    )


def _sections(page) -> tuple[Section, ...]:
    sections = []
    for name in page.section_fields:
        field = page._meta.get_field(name)
        if _is_table(field):
            continue
        value = getattr(page, name)
        if isinstance(field, RichTextField):
            paragraphs = rich_text_paragraphs(str(value or ""))
        elif isinstance(field, StreamField):
            paragraphs = _stream_items(value)
        else:
            paragraphs = tuple(p for p in (_text(line) for line in str(value or "").splitlines()) if p)
        sections.append(Section(name, str(field.verbose_name), paragraphs))
    return tuple(sections)


def _shorten(text: str) -> str:
    words = text.split()
    return " ".join(words[:_LABEL_WORDS]) + (" …" if len(words) > _LABEL_WORDS else "")


def _activities(page) -> Table | None:
    stream = getattr(page, "activities", None)
    if stream is None:
        return None
    rows = []
    for child in stream:
        cells = tuple(_text(child.value.get(f)) for f in ACTIVITY_FIELDS)
        number, description = cells[0], cells[1]
        label = f"ردیف {number}: {_shorten(description)}" if number else _shorten(description or cells[5])
        rows.append(TableRow(child.id or "", cells, label))
    return Table("activities", _verbose(page, "activities"), ACTIVITY_COLUMNS, tuple(rows))


def _verbose(page, name: str) -> str:
    return str(page._meta.get_field(name).verbose_name)


def _cited_tables(page, frozen: dict | None) -> list[Table]:
    from procedures.citations import citation_rows

    rows = citation_rows(page, frozen)
    tables = []
    if hasattr(page, "records_list"):
        records = []
        for row in rows["record_rows"]:
            cells = tuple(
                MEDIUM_LABELS.get(row.cells.get(f) or "", "") if f == "medium" else _text(row.cells.get(f))
                for f in RECORD_FIELDS
            )
            records.append(TableRow(row.key, cells, cells[0] or cells[1], row.url))
        tables.append(Table("records", _verbose(page, "records_list"), RECORD_COLUMNS, tuple(records)))
    if hasattr(page, "external_documents"):
        cited = []
        for row in rows["external_rows"]:
            c = row.cells
            cells = (
                _text(c.get("title")),
                _text(c.get("ref_type_label")),
                _text(c.get("number")),
                _text(c.get("date_jalali")),
                _text(c.get("authority")),
                _text(row.notes),
            )
            label = f"{cells[0]} ({cells[2]})" if cells[2] else cells[0]
            cited.append(TableRow(row.key, cells, label, row.url))
        tables.append(
            Table("citations", _verbose(page, "external_documents"), CITATION_COLUMNS, tuple(cited))
        )
    return tables


def _signer(controlled: ControlledRevision, role: SignOffRole) -> str:
    signoff = controlled.signoff(role)
    if signoff is None:
        return ""
    paper = "، امضای کاغذی" if signoff.on_paper else ""
    position = f"، {signoff.position}" if signoff.position else ""
    return f"{signoff.name}{position} ({format_jalali(signoff.signed_on)}{paper})"


def _header(controlled: ControlledRevision) -> tuple[HeaderField, ...]:
    fields = [
        ("number", "شماره بازنگری", f"({format_revision_number(controlled.number)})"),
        ("code", "کد سند", _text(controlled.code)),
        ("title", "عنوان", _text(controlled.title)),
        ("status", "وضعیت", controlled.get_status_display()),
        ("issue_date", "تاریخ صدور", format_jalali(controlled.issue_date)),
        ("revision_date", "تاریخ بازنگری", format_jalali(controlled.revision_date) or "--"),
        ("approved_on", "تاریخ تصویب", format_jalali(controlled.approved_on)),
        ("effective_from", "معتبر از", format_jalali(controlled.effective_from) or "--"),
        ("effective_until", "معتبر تا", format_jalali(controlled.effective_until) or "--"),
        (
            "change_reason",
            "شرح تغییرات",
            _text(controlled.change_reason) if controlled.number else "صدور نخست",
        ),
    ]
    fields += [(f"signoff_{role.value}", role.label, _signer(controlled, role)) for role in SignOffRole]
    return tuple(HeaderField(key, label, value) for key, label, value in fields)


def read_revision(controlled: ControlledRevision) -> RevisionContent:
    """What ``controlled`` says, from its Wagtail revision and its frozen citations."""
    from procedures.citations import FROZEN_KEY

    page = controlled.revision.as_object()
    tables = [t for t in [_activities(page)] if t is not None]
    tables += _cited_tables(page, (controlled.revision.content or {}).get(FROZEN_KEY))
    return RevisionContent(
        number=controlled.number,
        code=_text(controlled.code),
        change_reason=_text(controlled.change_reason),
        header=_header(controlled),
        sections=_sections(page),
        tables=tuple(tables),
    )


def previous_revision(controlled: ControlledRevision) -> ControlledRevision | None:
    """The registered revision just before ``controlled`` (the highest lower number), if any."""
    return (
        ControlledRevision.objects.filter(page_id=controlled.page_id, number__lt=controlled.number)
        .select_related("revision")
        .prefetch_related("signoffs")
        .order_by("-number")
        .first()
    )


def compare_revisions(old: ControlledRevision, new: ControlledRevision):
    return compare(read_revision(old), read_revision(new))
