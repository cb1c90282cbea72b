"""Bulk import of external references (issue 13 §1): reading the file, checking every row, the plan.

A CSV or XLSX file with the columns ``type, number, date, authority, title, summary, body, file,
replaces`` (or their Persian headers) is read, each row checked and reported as «ردیف ۷: …» with the
spreadsheet's own row number (the header is row ۱). Nothing here writes: ``plan_import`` says what a run
would do (create, update, unchanged) and every problem; ``procedures.services.import_references`` carries
the plan out, one atomic, audited row at a time. A dry run is the plan alone.

Identity (ISO 9001 §7.5.3.2, external documents identified and controlled): an act is the same act when
its number (any spelling ``search.numbers.act_number_key`` folds together, aliases included), its date and
its issuing authority agree; a row without a number is known by its type, title and authority. The same
act updates instead of duplicating. A blank cell keeps what is already recorded.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from jalali.calendar import JalaliDateError, parse_jalali
from jalali.digits import to_ascii_digits, to_persian_digits
from jalali.textnorm import normalize_letters
from procedures.models.references import ExternalReferencePage, ReferenceType, RelationKind
from sanad import tables
from search.numbers import act_number_key

MAX_ROWS = 5000
MAX_BYTES = 10 * 1024 * 1024

# (field, English header, Persian header), in the order of the file.
COLUMNS: list[tuple[str, str, str]] = [
    ("type", "type", "نوع"),
    ("number", "number", "شماره"),
    ("date", "date", "تاریخ"),
    ("authority", "authority", "مرجع"),
    ("title", "title", "عنوان"),
    ("summary", "summary", "خلاصه"),
    ("body", "body", "متن"),
    ("file", "file", "پرونده"),
    ("replaces", "replaces", "جایگزین"),
    ("notes", "notes", "ملاحظات"),  # optional; seed 000 §7 lists external documents with «ملاحظات»
]
LABELS = {name: persian for name, _, persian in COLUMNS}
REQUIRED = ("type", "title")
# Cells that hold several values: «الف.pdf؛ ب.pdf», «۱۲۳/۴؛ ۵۶۷/۸».
_LIST_SEPARATORS = re.compile(r"[;؛\n]+")
# «۳۵۶۶۵/۱۸۰۱ مورخ ۴/۳/۱۳۸۲»: a number made precise by its date.
_NUMBER_AND_DATE = re.compile(r"^(.*?)\s+(?:مورخ|مورخه|تاریخ)\s+(.+)$")


class ImportRefused(ValueError):
    """The file as a whole cannot be read; ``problems`` are Persian sentences."""

    def __init__(self, problems: list[str]):
        super().__init__("؛ ".join(problems))
        self.problems = problems


def fold(text: str) -> str:
    """Spelling-independent key: Arabic letter forms, digits, spaces and the ZWNJ folded away."""
    folded = normalize_letters(str(text)).replace("ئ", "ی").replace("\u200c", "")
    return "".join(folded.split()).lower()


_TYPE_ALIASES = {
    "مصوبه": ReferenceType.RESOLUTION,
    "تصمیم‌نامه": ReferenceType.RESOLUTION,
    "شیوه‌نامه": ReferenceType.INSTRUCTION,
    "نظام‌نامه": ReferenceType.INSTRUCTION,
    "آیین‌نامه‌اجرایی": ReferenceType.EXECUTIVE_REGULATION,
    "سیاست‌ها": ReferenceType.POLICY,
    "سیاست‌کلی": ReferenceType.POLICY,
    "decree": ReferenceType.RESOLUTION,
    "executive regulation": ReferenceType.EXECUTIVE_REGULATION,
}
TYPES: dict[str, str] = (
    {fold(value): value for value, _ in ReferenceType.choices}
    | {fold(label): value for value, label in ReferenceType.choices}
    | {fold(alias): value for alias, value in _TYPE_ALIASES.items()}
)


def read_type(text: str) -> str | None:
    """«بخشنامه», «circular», «آئین نامه اجرایی» → the ``ReferenceType`` value; ``None`` if unknown."""
    return TYPES.get(fold(text))


def read_number(text: str) -> tuple[str, str]:
    """(number as stored — as written, spaces collapsed —, its key); the key is empty for no digits.

    The key folds every digit script and part order, so «٣٥٦٦٥/١٨٠١» and «1801/35665» are one act.
    """
    written = " ".join(str(text).split())
    return written, act_number_key(written)


def split_list(text: str) -> list[str]:
    return [part.strip() for part in _LIST_SEPARATORS.split(text or "") if part.strip()]


def body_html(text: str) -> str:
    """Plain text (a paragraph per line) as rich text; the file's text is never taken as markup."""
    return "".join(f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines() if line.strip())


def _fa(value) -> str:
    return to_persian_digits(value)


# --- reading the file ------------------------------------------------------------------------------


def read_rows(name: str, data: bytes) -> list[tuple[int, list[str]]]:
    """(row number, cells) of a CSV or XLSX list, header first; refuses what is neither, in Persian."""
    return tables.read_rows(name, data, max_bytes=MAX_BYTES, refuse=ImportRefused)


def header_columns(header: list[str]) -> dict[str, int]:
    """Which field each column holds; English and Persian headers, in any letter forms and case."""
    known = {fold(english): name for name, english, _ in COLUMNS} | {
        fold(persian): name for name, _, persian in COLUMNS
    }
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        name = known.get(fold(title))
        if name and name not in columns:
            columns[name] = index
    return columns


# --- the files a row names -------------------------------------------------------------------------


class FileSource:
    """Files by name: a folder (the command's ``--files``), uploads, or the members of ZIP archives."""

    def __init__(self, files: dict[str, Callable[[], bytes]] | None = None):
        self._files: dict[str, tuple[str, Callable[[], bytes]]] = {}
        for name, load in (files or {}).items():
            self.add(name, load)

    def add(self, name: str, load: Callable[[], bytes]) -> None:
        base = Path(name.replace("\\", "/")).name
        self._files.setdefault(fold(base), (base, load))

    @classmethod
    def from_directory(cls, directory: str | Path | None) -> FileSource:
        source = cls()
        if directory:
            for path in sorted(Path(directory).rglob("*")):
                if path.is_file():
                    source.add(path.name, path.read_bytes)
        return source

    def add_upload(self, name: str, data: bytes) -> None:
        """An uploaded file; a ZIP archive gives its members (read lazily, within the size limit)."""
        if name.lower().endswith(".zip") and data[:4] == b"PK\x03\x04":
            try:
                archive = zipfile.ZipFile(io.BytesIO(data))
            except zipfile.BadZipFile:
                raise ImportRefused([f"بایگانی ZIP «{name}» خوانا نیست."]) from None
            for info in archive.infolist():
                if not info.is_dir():
                    self.add(info.filename, lambda info=info: _read_member(archive, info))
            return
        self.add(name, lambda: data)

    def get(self, name: str) -> tuple[str, Callable[[], bytes]] | None:
        return self._files.get(fold(Path(name.replace("\\", "/")).name))


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    if info.file_size > settings.SANAD_DOCUMENT_MAX_BYTES:
        return b"\x00" * 0  # empty: the upload policy refuses it with its own message
    with archive.open(info) as handle:
        return handle.read(settings.SANAD_DOCUMENT_MAX_BYTES + 1)


# --- the plan --------------------------------------------------------------------------------------


@dataclass
class RowFile:
    name: str
    data: bytes
    sha1: str


@dataclass
class RowPlan:
    row: int
    action: str = "create"  # create | update | unchanged
    page_id: int | None = None
    fields: dict = field(default_factory=dict)  # model field -> value (only what the row sets)
    authority: str = ""  # the authority's name as written, folded to an existing one when known
    new_authority: bool = False
    files: list[RowFile] = field(default_factory=list)
    replaces: list[object] = field(default_factory=list)  # page ids, or RowPlan of rows in this file
    changed: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        number = to_persian_digits(self.fields.get("number") or "")
        return f"{self.fields.get('title', '')}{f' ({number})' if number else ''}"


@dataclass
class Plan:
    rows: list[RowPlan] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)


def _identity(number_key: str, date, authority: str, ref_type: str, title: str) -> tuple:
    if number_key:
        return ("n", number_key, date, fold(authority))
    return ("t", ref_type, fold(title), fold(authority))


class _Existing:
    """The references already recorded, by identity and by number (for «replaces»)."""

    def __init__(self):
        pages = ExternalReferencePage.objects.select_related("authority").order_by("pk")
        self.by_identity: dict[tuple, ExternalReferencePage] = {}
        self.by_number: dict[str, list[ExternalReferencePage]] = {}
        for page in pages:
            authority = page.authority.name if page.authority_id else ""
            keys = page.number_keys or {""}
            for key in keys:
                ident = _identity(key, page.date, authority, page.ref_type, page.title)
                self.by_identity.setdefault(ident, page)
                if key:
                    self.by_number.setdefault(key, []).append(page)

    @staticmethod
    def authorities() -> dict[str, str]:
        from procedures.models.authorities import IssuingAuthority

        names: dict[str, str] = {}
        for authority in IssuingAuthority.objects.all():
            names.setdefault(fold(authority.name), authority.name)
            if authority.short_name:
                names.setdefault(fold(authority.short_name), authority.name)
        return names


def plan_import(name: str, data: bytes, files: FileSource | None = None) -> Plan:
    """Check every row of the file; the plan of what a run would do, and every problem. Writes nothing."""
    from records.uploads import UploadRefused, check_upload

    files = files or FileSource()
    plan = Plan()
    try:
        rows = read_rows(name, data)
    except ImportRefused as exc:
        plan.problems = exc.problems
        return plan
    if not rows:
        plan.problems = ["فایل خالی است."]
        return plan
    header_number, header = rows[0]
    columns = header_columns(header)
    missing = [LABELS[n] for n in REQUIRED if n not in columns]
    if missing:
        plan.problems = [
            f"ردیف {_fa(header_number)}: ستون(های) «{'»، «'.join(missing)}» در سطر عنوان نیست "
            f"(ستون‌ها: {'، '.join(e for _, e, _ in COLUMNS)} یا {'، '.join(p for _, _, p in COLUMNS)})."
        ]
        return plan
    body = [(n, cells) for n, cells in rows[1:] if any(c.strip() for c in cells)]
    if not body:
        plan.problems = ["فایل جز سطر عنوان ردیفی ندارد."]
        return plan
    if len(body) > MAX_ROWS:
        plan.problems = [f"حداکثر {_fa(MAX_ROWS)} ردیف در هر فایل پذیرفته می‌شود."]
        return plan

    existing = _Existing()
    authorities = existing.authorities()
    seen: dict[tuple, RowPlan] = {}
    in_file_numbers: dict[str, list[RowPlan]] = {}
    pending_replaces: list[tuple[RowPlan, str, list[str]]] = []
    for number, cells in body:
        where = f"ردیف {_fa(number)}"
        values = {n: (cells[i].strip() if i < len(cells) else "") for n, i in columns.items()}
        row = RowPlan(row=number)
        problems: list[str] = []
        for n in REQUIRED:
            if not values.get(n):
                problems.append(f"{where}: «{LABELS[n]}» خالی است")
        ref_type = ""
        if values.get("type"):
            ref_type = read_type(values["type"]) or ""
            if not ref_type:
                allowed = "، ".join(label for _, label in ReferenceType.choices)
                problems.append(f"{where}: نوع سند «{values['type']}» شناخته نیست (یکی از: {allowed})")
        written, key = read_number(values.get("number", ""))
        if written and not key:
            problems.append(f"{where}: شماره «{values['number']}» رقمی ندارد و شماره سند نیست")
        elif len(written) > 100:
            problems.append(f"{where}: شماره بیش از ۱۰۰ نویسه است")
        date = None
        if values.get("date"):
            try:
                date = parse_jalali(values["date"])
            except JalaliDateError as exc:
                problems.append(f"{where}: تاریخ «{values['date']}» پذیرفته نیست: {exc.message}")
        title = " ".join(values.get("title", "").split())
        if len(title) > 255:
            problems.append(f"{where}: عنوان بیش از ۲۵۵ نویسه است")
        authority = " ".join(values.get("authority", "").split())
        if authority:
            known = authorities.get(fold(authority))
            row.new_authority = known is None
            authority = known or authority[:255]
        row.authority = authority
        for file_name in split_list(values.get("file", "")):
            found = files.get(file_name)
            if found is None:
                problems.append(f"{where}: پرونده «{file_name}» در پرونده‌های همراه فهرست نیست")
                continue
            stored_name, load = found
            content = load()
            try:
                checked = check_upload(
                    stored_name,
                    content,
                    allowed=settings.SANAD_DOCUMENT_TYPES,
                    limit=settings.SANAD_DOCUMENT_MAX_BYTES,
                    purpose="اسناد",
                )
            except UploadRefused as exc:
                problems.append(f"{where}: پرونده «{file_name}»: {exc.message}")
                continue
            row.files.append(RowFile(checked.name, content, hashlib.sha1(content).hexdigest()))  # noqa: S324 - Wagtail's own file hash
        row.fields = {"ref_type": ref_type, "title": title[:255], "number": written, "date": date}
        if values.get("summary"):
            row.fields["summary"] = values["summary"]
        if values.get("body"):
            row.fields["body"] = body_html(values["body"])
        if values.get("notes"):
            row.fields["notes"] = values["notes"]
        ident = _identity(key, date, authority, ref_type, title)
        if ident in seen and not problems:
            problems.append(f"{where}: همان سند ردیف {_fa(seen[ident].row)} است (شماره، تاریخ و مرجع یکسان)")
        replaces = split_list(values.get("replaces", ""))
        if replaces:
            pending_replaces.append((row, where, replaces))
        if problems:
            plan.problems.extend(problems)
            continue
        seen[ident] = row
        if key:
            in_file_numbers.setdefault(key, []).append(row)
        page = existing.by_identity.get(ident)
        if page is not None:
            row.page_id = page.pk
            row.changed = _changes(page, row)
            row.action = "update" if row.changed else "unchanged"
        plan.rows.append(row)

    good = {id(r) for r in plan.rows}
    for row, where, targets in pending_replaces:
        for target in targets:
            resolved, problem = _resolve_target(target, existing, in_file_numbers)
            if problem:
                plan.problems.append(f"{where}: {problem}")
            elif resolved is row or (row.page_id and resolved == row.page_id):
                plan.problems.append(f"{where}: سند نمی‌تواند جایگزین خودش باشد («{target}»)")
            elif id(row) in good:
                row.replaces.append(resolved)
    for row in plan.rows:
        if row.replaces and row.page_id:
            have = set(
                ExternalReferencePage.objects.get(pk=row.page_id)
                .relations.filter(kind=RelationKind.REPLACES)
                .values_list("target_id", flat=True)
            )
            if any(not isinstance(t, int) or t not in have for t in row.replaces):
                row.changed.append("replaces")
                row.action = "update"
        elif row.replaces and "replaces" not in row.changed:
            row.changed.append("replaces")
    if not plan.problems:
        plan.rows = _order(plan.rows, plan.problems)
    return plan


def _resolve_target(text: str, existing: _Existing, in_file: dict[str, list[RowPlan]]):
    """The act a «replaces» cell names: a recorded reference's id or a row of this file."""
    date = None
    match = _NUMBER_AND_DATE.match(text)
    number = text
    if match:
        number = match.group(1)
        try:
            date = parse_jalali(match.group(2))
        except JalaliDateError as exc:
            return None, f"تاریخ سند جایگزین‌شده «{text}» پذیرفته نیست: {exc.message}"
    _, key = read_number(number)
    if not key:
        return None, f"«{text}» در ستون «{LABELS['replaces']}» شماره سند نیست"
    candidates: list[object] = [p for p in existing.by_number.get(key, []) if date is None or p.date == date]
    pages = {p.pk for p in candidates}
    candidates = [p.pk for p in candidates]
    rows = [
        r
        for r in in_file.get(key, [])
        if (date is None or r.fields.get("date") == date) and r.page_id not in pages
    ]
    candidates += rows
    if not candidates:
        return None, f"سندی با شماره «{to_persian_digits(text)}» (ستون «{LABELS['replaces']}») یافت نشد"
    if len(candidates) > 1:
        return None, (
            f"بیش از یک سند با شماره «{to_persian_digits(text)}» هست؛ تاریخ را هم بنویسید، "
            f"مثلاً «{to_persian_digits(number.strip())} مورخ ۱۳۸۲/۰۳/۰۴»"
        )
    return candidates[0], ""


def _changes(page: ExternalReferencePage, row: RowPlan) -> list[str]:
    changed = [
        name
        for name, value in row.fields.items()
        if value not in ("", None) and getattr(page, name) != value and name != "number"
    ]
    authority = page.authority.name if page.authority_id else ""
    if row.authority and fold(authority) != fold(row.authority):
        changed.append("authority")
    if row.files:
        have = {d.file_hash for d in page.attached_documents() if d.file_hash}
        if any(f.sha1 not in have for f in row.files):
            changed.append("attachments")
    return changed


def _order(rows: list[RowPlan], problems: list[str]) -> list[RowPlan]:
    """Rows in file order, except that an act replaced by a row of the same file is written first."""
    done: list[RowPlan] = []
    placed: set[int] = set()
    visiting: set[int] = set()

    def place(row: RowPlan) -> None:
        if id(row) in placed:
            return
        if id(row) in visiting:
            problems.append(f"ردیف {_fa(row.row)}: جایگزینی‌ها دور می‌زنند (سندی جایگزین خودش می‌شود)")
            return
        visiting.add(id(row))
        for target in row.replaces:
            if isinstance(target, RowPlan):
                place(target)
        visiting.discard(id(row))
        placed.add(id(row))
        done.append(row)

    for row in rows:
        place(row)
    return done


FIELD_LABELS = {
    "ref_type": "نوع",
    "title": "عنوان",
    "date": "تاریخ",
    "summary": "خلاصه",
    "body": "متن",
    "authority": "مرجع",
    "attachments": "پرونده",
    "replaces": "جایگزین",
    "notes": "ملاحظات",
}


def describe(row: RowPlan) -> str:
    """One line of the report, in Persian: «ردیف ۳: افزوده می‌شود — …»."""
    what = {
        "create": "افزوده می‌شود",
        "update": "به‌روز می‌شود",
        "unchanged": "بدون تغییر",
    }[row.action]
    extra = ""
    if row.action == "update":
        extra = f" ({'، '.join(FIELD_LABELS.get(c, c) for c in row.changed)})"
    if row.new_authority and row.authority:
        extra += f"؛ مرجع تازه «{row.authority}» ثبت می‌شود"
    return f"ردیف {_fa(row.row)}: {row.label} — {what}{extra}"


def ascii_slug_base(row: RowPlan) -> str:
    """The slug a new reference gets: «circular-36773-91-210» (type and number), else its title."""
    from django.utils.text import slugify

    number = slugify(to_ascii_digits(row.fields.get("number") or "").replace("/", "-"), allow_unicode=True)
    if number:
        return f"{row.fields.get('ref_type') or 'reference'}-{number}"[:70]
    return slugify(row.fields.get("title", ""), allow_unicode=True)[:70] or "reference"


# --- where and by whom ----------------------------------------------------------------------------


def default_parent():
    """The folder new references go into: the «references» folder, else the one holding most of them."""
    from wagtail.models import Page

    from home.models import SectionIndexPage

    folder = SectionIndexPage.objects.filter(slug="references").order_by("path").first()
    if folder is not None:
        return folder
    counts: dict[str, int] = {}
    for path in ExternalReferencePage.objects.order_by().values_list("path", flat=True):
        counts[path[: -Page.steplen]] = counts.get(path[: -Page.steplen], 0) + 1
    if counts:
        folder = Page.objects.filter(path=max(counts, key=counts.get)).first()
        return folder.specific if folder is not None else None
    return None


def may_import(user, parent) -> bool:
    """Wagtail's own page permissions: whoever may add and publish references in the folder."""
    if user is None or parent is None or not user.is_authenticated:
        return False
    permissions = parent.permissions_for_user(user)
    return permissions.can_add_subpage() and permissions.can_publish_subpage()


def permission_problems(plan: Plan, user) -> list[str]:
    """Rows that would update a reference ``user`` may not publish (it may sit in another unit's folder)."""
    ids = [r.page_id for r in plan.rows if r.action == "update" and r.page_id]
    pages = {p.pk: p for p in ExternalReferencePage.objects.filter(pk__in=ids)}
    return [
        f"ردیف {_fa(r.row)}: «{pages[r.page_id].title}» پیش‌تر ثبت شده و شما اجازه انتشار تغییر آن را ندارید"
        for r in plan.rows
        if r.page_id in pages
        and r.action == "update"
        and not pages[r.page_id].permissions_for_user(user).can_publish()
    ]
