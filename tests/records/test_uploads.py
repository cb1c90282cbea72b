"""Uploads are judged from their bytes: hostile files are refused with a reason in Persian and change nothing."""

import pytest

from records import services
from records.models import RecordFile
from records.rules import RecordsRuleViolation
from records.uploads import check_upload, sanitise_filename
from tests.records import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(series, people):
    return factories.draft_record(series, people["records"])


def refused(draft, people, name, data):
    with pytest.raises(RecordsRuleViolation) as exc:
        services.attach_file(draft, name=name, data=data, by=people["records"])
    assert RecordFile.objects.filter(record=draft).count() == 0
    return str(exc.value)


def test_html_renamed_pdf_is_refused(draft, people):
    message = refused(draft, people, "نتایج.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>")
    assert "HTML" in message


def test_svg_is_refused_even_with_a_png_name(draft, people):
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert "SVG" in refused(draft, people, "نمودار.png", svg)


def test_a_windows_executable_is_refused(draft, people):
    exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64 + b"PE\x00\x00"
    assert "اجرایی" in refused(draft, people, "گزارش.pdf", exe)


def test_an_elf_binary_and_a_shell_script_are_refused(draft, people):
    assert "اجرایی" in refused(draft, people, "a.txt", b"\x7fELF\x02\x01\x01" + b"\x00" * 60)
    assert "اجرایی" in refused(draft, people, "run.txt", b"#!/bin/sh\nrm -rf /\n")


def test_an_oversize_file_is_refused_with_the_limit(draft, people, settings):
    settings.RECORDS_MAX_UPLOAD_BYTES = 1024
    message = refused(draft, people, "بزرگ.pdf", factories.PDF + b"0" * 2048)
    assert "سقف" in message


def test_a_pdf_named_docx_is_refused_for_the_mismatch(draft, people):
    assert "نمی‌خواند" in refused(draft, people, "نامه.docx", factories.PDF)


def test_path_traversal_name_is_reduced_to_its_last_part(draft, people):
    record_file = services.attach_file(
        draft, name="../../etc/گزارش نهایی.pdf", data=factories.PDF, by=people["records"]
    )
    assert record_file.name == "گزارش نهایی.pdf"
    assert ".." not in record_file.document.file.name and "/etc" not in record_file.document.file.name


def test_names_keep_persian_and_zwnj_and_lose_control_and_direction_characters():
    assert sanitise_filename("C:\\temp\\صورت\u200cجلسه.pdf") == "صورت\u200cجلسه.pdf"
    assert sanitise_filename("فایل\u202egpj.exe") == "فایلgpj.exe"
    assert sanitise_filename("a\x00b\nc.pdf") == "abc.pdf"
    assert sanitise_filename("../../..") == "پرونده"


def test_good_files_are_accepted_with_type_from_content_and_sha256(draft, people):
    import hashlib

    png = services.attach_file(draft, name="تصویر", data=factories.PNG, by=people["records"])
    assert png.kind == "png" and png.name == "تصویر.png"
    docx = services.attach_file(draft, name="نامه.docx", data=factories.docx_bytes(), by=people["records"])
    assert docx.kind in {"docx", "zip"}
    text = services.attach_file(draft, name="یادداشت.txt", data=factories.TEXT, by=people["records"])
    assert text.sha256 == hashlib.sha256(factories.TEXT).hexdigest()
    assert text.document.collection.name == "سوابق"


def test_check_upload_refuses_an_empty_file():
    with pytest.raises(RecordsRuleViolation):
        check_upload("x.pdf", b"")
