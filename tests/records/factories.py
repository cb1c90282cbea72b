"""Builders for records tests: a register, series, records with files. Never the demo content."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from records.choices import Disposal, Medium, PeriodUnit, Trigger
from records.models import RetentionRegisterPage, RetentionSeriesPage

# Small, real files of each kind (magic bytes are what counts).
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000000000500010d0a2db40000000049454e44ae426082"
)
TEXT = "صورت‌جلسه شورای ارزیابی\n".encode()


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def register_page(home) -> RetentionRegisterPage:
    from records.setup import ensure_records_setup

    page = RetentionRegisterPage.objects.first()
    if page is None:
        page = home.add_child(instance=RetentionRegisterPage(title="جدول نگهداری سوابق", slug="retention"))
        page.save_revision().publish()
    ensure_records_setup(page)
    return page


_counter = {"n": 0}


def series(
    register,
    *,
    code=None,
    title=None,
    active=(2, PeriodUnit.YEARS),
    archive=(3, PeriodUnit.YEARS),
    disposal=Disposal.DESTROY,
    trigger=Trigger.CREATION,
    medium=Medium.BOTH,
    **extra,
) -> RetentionSeriesPage:
    _counter["n"] += 1
    n = _counter["n"]
    page = RetentionSeriesPage(
        title=title or f"سری آزمایشی {n}",
        slug=f"series-{n}",
        code=code or f"س-آ-{n:02d}",
        active_amount=active[0],
        active_unit=active[1],
        archive_amount=archive[0],
        archive_unit=archive[1],
        disposal=disposal,
        trigger=trigger,
        medium=medium,
        active_place="واحد ارزیابی عملکرد",
        archive_place="بایگانی مرکزی",
        custodian_unit="دبیرخانه",
        **extra,
    )
    register.add_child(instance=page)
    page.save_revision().publish()
    return page


def draft_record(series_page, by, *, ref=None, when=dt.date(2018, 3, 21), medium=Medium.ELECTRONIC, **fields):
    from records import services

    _counter["n"] += 1
    return services.create_record(
        series_page,
        by=by,
        title=fields.pop("title", "مستندات خودارزیابی"),
        reference_number=ref or f"ش-{_counter['n']}",
        record_date=when,
        medium=medium,
        **fields,
    )


def declared_record(series_page, by, *, data=PDF, name="گزارش.pdf", **kwargs):
    from records import services

    record = draft_record(series_page, by, **kwargs)
    services.attach_file(record, name=name, data=data, by=by)
    return services.declare_record(record, by=by)
