"""The retention register in and out of spreadsheets (XLSX and CSV), with seed 000 §6's columns.

Import is all-or-nothing: every row is checked first, each problem reported as «ردیف ۷: …» with the
spreadsheet's own row number (the header is row ۱); if any row is bad nothing changes. A good file
adds new series and updates existing ones (matched by code), each as a published page revision.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction

from accounts.roles import Role
from jalali.digits import to_ascii_digits, to_persian_digits
from jalali.textnorm import normalize_letters
from records.choices import Disposal, Medium, PeriodUnit, Trigger
from records.models import RetentionRegisterPage, RetentionSeriesPage
from records.rules import RecordsRuleViolation, Rule
from sanad import tables

MAX_ROWS = 2000
MAX_BYTES = 5 * 1024 * 1024

# (field, header) in the order of the file.
COLUMNS: list[tuple[str, str]] = [
    ("code", "کد سابقه"),
    ("title", "نام سابقه"),
    ("medium", "نوع سابقه"),
    ("active_amount", "مدت نگهداری جاری"),
    ("active_unit", "واحد مدت جاری"),
    ("archive_amount", "مدت نگهداری راکد"),
    ("archive_unit", "واحد مدت راکد"),
    ("trigger", "مبدأ شمارش"),
    ("active_place", "محل نگهداری جاری"),
    ("archive_place", "محل نگهداری راکد"),
    ("custodian_unit", "مسئول نگهداری (واحد)"),
    ("custodian_role", "مسئول نگهداری (نقش)"),
    ("disposal", "نحوه امحاء"),
    ("governing_procedure", "کد روش اجرایی حاکم"),
    ("description", "توضیحات"),
]
HEADERS = {header: name for name, header in COLUMNS}
REQUIRED = ("code", "title", "active_amount", "archive_amount")
LABELS = dict(COLUMNS)


class RegisterImportRefused(RecordsRuleViolation):
    def __init__(self, problems: list[str]):
        super().__init__(Rule.UPLOAD, "فایل جدول نگهداری وارد نشد؛ هیچ تغییری داده نشد.")
        self.problems = problems


def _key(text: str) -> str:
    return "".join(normalize_letters(str(text)).split()).replace("\u200c", "")


def _choice_lookup(choices) -> dict[str, str]:
    lookup = {}
    for value, label in choices:
        lookup[_key(value)] = value
        lookup[_key(label)] = value
    return lookup


_LOOKUPS = {
    "medium": _choice_lookup(Medium.choices)
    | {_key("کامپیوتری"): Medium.ELECTRONIC, _key("الکترونیکی"): Medium.ELECTRONIC},
    "active_unit": _choice_lookup(PeriodUnit.choices),
    "archive_unit": _choice_lookup(PeriodUnit.choices),
    "trigger": _choice_lookup(Trigger.choices),
    "disposal": _choice_lookup(Disposal.choices)
    | {_key("انتقال"): Disposal.TRANSFER, _key("دائم"): Disposal.KEEP},
    "custodian_role": _choice_lookup([(r.name, r.value) for r in Role]),
}
_DEFAULTS = {
    "medium": Medium.BOTH,
    "active_unit": PeriodUnit.YEARS,
    "archive_unit": PeriodUnit.YEARS,
    "trigger": Trigger.CREATION,
    "disposal": Disposal.DESTROY,
    "custodian_role": "",
}


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def read_rows(name: str, data: bytes) -> list[tuple[int, list[str]]]:
    """(row number, cells) of a CSV or XLSX register, header first; refuses what is neither, in Persian."""
    return tables.read_rows(name, data, max_bytes=MAX_BYTES, refuse=RegisterImportRefused)


def _number(text: str) -> int | None:
    text = to_ascii_digits(text).strip()
    return int(text) if text.isdigit() else None


def validate(rows: list[tuple[int, list[str]]]) -> tuple[list[dict], list[str]]:
    """Check every row; return the clean rows and every problem («ردیف ۷: …»)."""
    from procedures.models import ProcedurePage
    from procedures.rules import strip_revision_suffix

    problems: list[str] = []
    if not rows:
        return [], ["فایل خالی است."]
    header_number, header = rows[0]
    columns = {}
    for index, title in enumerate(header):
        name = HEADERS.get(title.strip()) or next(
            (n for h, n in HEADERS.items() if _key(h) == _key(title)), None
        )
        if name:
            columns[name] = index
    missing = [LABELS[name] for name in REQUIRED if name not in columns]
    if missing:
        return [], [
            f"ردیف {to_persian_digits(header_number)}: ستون(های) «{'»، «'.join(missing)}» در سطر عنوان نیست."
        ]
    body = [(n, cells) for n, cells in rows[1:] if any(c.strip() for c in cells)]
    if len(body) > MAX_ROWS:
        return [], [f"حداکثر {to_persian_digits(MAX_ROWS)} ردیف در هر فایل پذیرفته می‌شود."]
    procedures = {
        _key(strip_revision_suffix(p.document_code)): p
        for p in ProcedurePage.objects.all().only("id", "document_code")
    }
    seen: dict[str, int] = {}
    clean_rows = []
    for number, cells in body:
        where = f"ردیف {to_persian_digits(number)}"
        values = {name: (cells[i] if i < len(cells) else "") for name, i in columns.items()}
        row: dict = {"row": number}
        row_problems = []
        for name in REQUIRED:
            if not values.get(name):
                row_problems.append(f"{where}: «{LABELS[name]}» خالی است")
        code = to_persian_digits(" ".join(values.get("code", "").split()))
        if code:
            if _key(code) in seen:
                row_problems.append(
                    f"{where}: کد سابقه «{code}» در ردیف {to_persian_digits(seen[_key(code)])} هم آمده است"
                )
            seen.setdefault(_key(code), number)
        row["code"] = code
        row["title"] = values.get("title", "")[:255]
        for name in ("active_amount", "archive_amount"):
            raw = values.get(name, "")
            if raw:
                amount = _number(raw)
                if amount is None or amount > 1000:
                    row_problems.append(f"{where}: {LABELS[name]} باید عدد صحیح نامنفی باشد («{raw}»)")
                row[name] = amount
        for name, lookup in _LOOKUPS.items():
            raw = values.get(name, "")
            if not raw:
                row[name] = _DEFAULTS[name]
                continue
            value = lookup.get(_key(raw))
            if value is None:
                allowed = "، ".join(sorted({label for _, label in _choices_for(name)}))
                row_problems.append(f"{where}: «{raw}» برای {LABELS[name]} معتبر نیست (یکی از: {allowed})")
            row[name] = value
        for name in ("active_place", "archive_place", "custodian_unit", "description"):
            row[name] = values.get(name, "")
        procedure_code = values.get("governing_procedure", "")
        row["governing_procedure"] = None
        if procedure_code:
            procedure = procedures.get(_key(strip_revision_suffix(to_persian_digits(procedure_code))))
            if procedure is None:
                row_problems.append(f"{where}: روش اجرایی با کد «{procedure_code}» یافت نشد")
            row["governing_procedure"] = procedure
        problems.extend(row_problems)
        if not row_problems:
            clean_rows.append(row)
    return clean_rows, problems


def _choices_for(name: str):
    return {
        "medium": Medium.choices,
        "active_unit": PeriodUnit.choices,
        "archive_unit": PeriodUnit.choices,
        "trigger": Trigger.choices,
        "disposal": Disposal.choices,
        "custodian_role": [(r.name, r.value) for r in Role],
    }[name]


_FIELDS = [name for name, _ in COLUMNS if name != "code"]


@transaction.atomic
def import_register(register: RetentionRegisterPage, name: str, data: bytes, *, by) -> ImportResult:
    """Add or update series from a file; any bad row refuses the whole file (nothing changes)."""
    from records.audit import record as audit

    rows, problems = validate(read_rows(name, data))
    if problems:
        raise RegisterImportRefused(problems)
    result = ImportResult()
    existing = {_key(to_persian_digits(s.code)): s for s in RetentionSeriesPage.objects.all()}
    for row in rows:
        series = existing.get(_key(row["code"]))
        if series is None:
            series = RetentionSeriesPage(code=row["code"], slug=_slug(row["code"]))
            for name_ in _FIELDS:
                setattr(series, name_, row[name_])
            register.add_child(instance=series)
            series.save_revision(user=by, log_action=True).publish(user=by)
            result.created.append(series.code)
            continue
        changed = [n for n in _FIELDS if _comparable(getattr(series, n)) != _comparable(row[n])]
        if not changed:
            result.unchanged.append(series.code)
            continue
        for name_ in changed:
            setattr(series, name_, row[name_])
        series.save_revision(user=by, log_action=True).publish(user=by)
        result.updated.append(series.code)
    audit(
        register,
        "records.register.import",
        user=by,
        data={"file": name, "created": result.created, "updated": result.updated},
    )
    return result


def _comparable(value):
    return getattr(value, "pk", value)


def _slug(code: str) -> str:
    from django.utils.text import slugify

    base = slugify(to_ascii_digits(code), allow_unicode=True) or "series"
    slug, n = base, 1
    while RetentionSeriesPage.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _export_row(series: RetentionSeriesPage) -> list[str]:
    procedure = series.governing_procedure
    return [
        series.code,
        series.title,
        series.get_medium_display(),
        str(series.active_amount),
        series.get_active_unit_display(),
        str(series.archive_amount),
        series.get_archive_unit_display(),
        series.get_trigger_display(),
        series.active_place,
        series.archive_place,
        series.custodian_unit,
        series.get_custodian_role_display() if series.custodian_role else "",
        series.get_disposal_display(),
        procedure.document_code if procedure else "",
        series.description,
    ]


def export_rows(register: RetentionRegisterPage | None = None) -> list[list[str]]:
    pages = (
        RetentionSeriesPage.objects.all()
        if register is None
        else RetentionSeriesPage.objects.child_of(register)
    )
    rows = [[header for _, header in COLUMNS]]
    rows += [_export_row(s) for s in pages.select_related("governing_procedure").order_by("code")]
    return rows


def export_csv(register=None) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(export_rows(register))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel opens Persian CSV right


def export_xlsx(register=None) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "جدول نگهداری"
    sheet.sheet_view.rightToLeft = True
    for row in export_rows(register):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
