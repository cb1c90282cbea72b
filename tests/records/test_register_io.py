"""The register in and out of XLSX and CSV: row-by-row Persian messages, all or nothing."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from records import register_io
from records.choices import Disposal, Medium, PeriodUnit
from records.models import RetentionSeriesPage

pytestmark = pytest.mark.django_db

HEADER = [h for _, h in register_io.COLUMNS]


def row(code, title, active="۲", archive="۵", **extra):
    values = dict(zip(HEADER, [""] * len(HEADER), strict=True))
    values.update(
        {
            "کد سابقه": code,
            "نام سابقه": title,
            "مدت نگهداری جاری": active,
            "مدت نگهداری راکد": archive,
            "نوع سابقه": "کاغذی و کامپیوتری",
            "واحد مدت جاری": "سال",
            "واحد مدت راکد": "سال",
            "نحوه امحاء": "امحا",
            "مبدأ شمارش": "ایجاد سابقه",
        }
    )
    values.update(extra)
    return [values[h] for h in HEADER]


def xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for r in rows:
        sheet.append(r)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows) -> bytes:
    import csv

    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def test_a_good_xlsx_adds_series_as_published_pages(register, people):
    data = xlsx(
        [
            HEADER,
            row("س-ا-۰۱", "مستندات خودارزیابی"),
            row("س-ا-02", "برگه امتیاز", active="18", **{"واحد مدت جاری": "ماه"}),
        ]
    )
    result = register_io.import_register(register, "جدول.xlsx", data, by=people["records"])
    assert result.created == ["س-ا-۰۱", "س-ا-۰۲"]  # digits are stored Persian
    second = RetentionSeriesPage.objects.get(code="س-ا-۰۲")
    assert second.live and second.active_amount == 18 and second.active_unit == PeriodUnit.MONTHS
    assert second.medium == Medium.BOTH and second.disposal == Disposal.DESTROY


def test_a_file_with_one_bad_row_changes_nothing_and_lists_every_problem(register, people, series):
    before = RetentionSeriesPage.objects.count()
    title_before = series.title
    rows = [HEADER, row(series.code, "نام تازه")]  # an update that must not happen
    rows += [row("س-ا-۱۰", "خوب")] * 1
    rows += [row("س-ا-۱۱", "بد", active="دو")]  # row 4
    rows += [row("س-ا-۱۲", "بد", **{"نحوه امحاء": "سوزاندن"})]  # row 5
    rows += [row("س-ا-۱۰", "تکراری")]  # row 6: duplicate code
    with pytest.raises(register_io.RegisterImportRefused) as exc:
        register_io.import_register(register, "جدول.xlsx", xlsx(rows), by=people["records"])
    problems = exc.value.problems
    assert any(p.startswith("ردیف ۴:") and "مدت نگهداری جاری باید عدد" in p for p in problems)
    assert any(p.startswith("ردیف ۵:") and "سوزاندن" in p for p in problems)
    assert any(p.startswith("ردیف ۶:") and "ردیف ۳" in p for p in problems)
    assert RetentionSeriesPage.objects.count() == before
    series.refresh_from_db()
    assert series.title == title_before


def test_csv_import_updates_an_existing_series_by_code(register, people, series):
    data = csv_bytes([HEADER, row(series.code, series.title, active="۷")])
    result = register_io.import_register(register, "جدول.csv", data, by=people["records"])
    assert result.updated == [series.code]
    series.refresh_from_db()
    assert series.active_amount == 7


def test_csv_with_a_bad_row_changes_nothing(register, people):
    data = csv_bytes([HEADER, row("س-ب-۰۱", "خوب"), row("", "بی‌کد")])
    with pytest.raises(register_io.RegisterImportRefused) as exc:
        register_io.import_register(register, "جدول.csv", data, by=people["records"])
    assert any("ردیف ۳" in p and "کد سابقه" in p for p in exc.value.problems)
    assert not RetentionSeriesPage.objects.filter(code="س-ب-۰۱").exists()


def test_a_missing_header_and_a_non_utf8_csv_are_refused_in_persian(register, people):
    with pytest.raises(register_io.RegisterImportRefused) as exc:
        register_io.import_register(register, "x.csv", "کد,نام\n".encode(), by=people["records"])
    assert "سطر عنوان" in exc.value.problems[0]
    with pytest.raises(register_io.RegisterImportRefused) as exc:
        register_io.import_register(register, "x.csv", "کد سابقه".encode("cp1256"), by=people["records"])
    assert "UTF-8" in exc.value.problems[0]
    with pytest.raises(register_io.RegisterImportRefused):
        register_io.import_register(register, "x.xlsx", b"PK\x03\x04broken", by=people["records"])


def test_an_unknown_governing_procedure_code_is_a_row_problem(register, people):
    data = xlsx([HEADER, row("س-ج-۰۱", "الف", **{"کد روش اجرایی حاکم": "م پ-ن-۹-۹۹"})])
    with pytest.raises(register_io.RegisterImportRefused) as exc:
        register_io.import_register(register, "x.xlsx", data, by=people["records"])
    assert "ردیف ۲" in exc.value.problems[0] and "یافت نشد" in exc.value.problems[0]


def test_export_then_import_changes_nothing(register, people, series):
    data = register_io.export_xlsx()
    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[1]] == HEADER
    result = register_io.import_register(register, "export.xlsx", data, by=people["records"])
    assert result.unchanged == [series.code] and not result.created and not result.updated
    csv_data = register_io.export_csv()
    assert csv_data.startswith("\ufeff".encode()) and series.code.encode() in csv_data
