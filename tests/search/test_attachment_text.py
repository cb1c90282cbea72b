"""Text inside attached files: every format read, scans recognised in Persian, bad files given a status
and never an error, and a word inside a scanned circular finds the circular."""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from bench.scans import page_image, scanned_pdf
from search import extraction
from search.attachments import AttachmentText

needs_ocr = pytest.mark.skipif(
    not (shutil.which("tesseract") and shutil.which("pdftoppm")),
    reason="Tesseract (tesseract-ocr, tesseract-ocr-fas) and Poppler are not installed",
)

CIRCULAR = (
    "وظایف و ضوابط سازماندهی دفاتر مدیریت عملکرد دستگاه‌های مشمول ماده پنج قانون مدیریت خدمات کشوری "
    "استقرار نظام جامع مدیریت عملکرد در سطح دستگاه بر اساس فصل یازدهم قانون"
)


def text_pdf(text: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=f'<html lang="fa" dir="rtl"><body><p>{text}</p></body></html>').write_pdf()


def docx(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


def odt(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
            f"<text:p>{text}</text:p></office:text></office:body></office:document-content>",
        )
    return buffer.getvalue()


def xlsx(rows) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("بخشنامه.pdf", lambda: text_pdf(CIRCULAR)),
        ("بخشنامه.docx", lambda: docx(CIRCULAR)),
        ("بخشنامه.odt", lambda: odt(CIRCULAR)),
        ("شاخص‌ها.xlsx", lambda: xlsx([["شاخص", "امتیاز"], [CIRCULAR, 10]])),
        ("بخشنامه.txt", lambda: CIRCULAR.encode()),
        ("فهرست.csv", lambda: f"عنوان,شماره\n{CIRCULAR},12\n".encode()),
    ],
)
def test_every_text_format_gives_its_words(name, make):
    result = extraction.extract(name, make())
    assert result.status == "ok", result.error
    assert "یازدهم" in result.text and "سازماندهی" in result.text


@needs_ocr
def test_a_scanned_pdf_is_read_by_persian_ocr():
    result = extraction.extract("اسکن.pdf", scanned_pdf([page_image(CIRCULAR, size=30)]))
    assert result.status == "ocr" and result.method == "ocr" and result.pages == 1
    assert "یازدهم" in result.text and "عملکرد" in result.text


def test_an_encrypted_pdf_gets_its_status():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(text_pdf(CIRCULAR))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert extraction.extract("رمزدار.pdf", buffer.getvalue()).status == "encrypted"


@pytest.mark.parametrize(
    ("name", "data", "status"),
    [
        (
            "خراب.pdf",
            b"%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 9 0 R>>endobj\ntrailer<</Root 1 0 R>>\n",
            "corrupt",
        ),
        ("خراب.docx", b"PK\x03\x04" + b"\x00" * 40, "corrupt"),
        ("برنامه.exe", b"MZ\x90\x00" + b"\x00" * 100, "unsupported"),
        ("خالی.txt", b"   \n\t  ", "empty"),
    ],
)
def test_a_broken_or_foreign_file_gets_a_status_and_no_error(name, data, status):
    assert extraction.extract(name, data).status == status


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document>" + " " * 5_000_000 + "</w:document>")
    limits = extraction.Limits(max_inflated_bytes=1_000_000)
    result = extraction.extract("بمب.docx", bomb.getvalue(), limits)
    assert result.status == "too_large"


def test_a_file_over_the_byte_limit_is_not_read():
    result = extraction.extract("بزرگ.txt", b"x" * 2000, extraction.Limits(max_bytes=1000))
    assert result.status == "too_large"


@needs_ocr
def test_ocr_stops_at_the_time_limit():
    scan = scanned_pdf([page_image(CIRCULAR, size=30)])
    assert extraction.extract("اسکن.pdf", scan, extraction.Limits(max_seconds=0.01)).status == "timeout"


@needs_ocr
@pytest.mark.django_db
def test_a_scanned_circular_is_found_by_a_word_of_its_body(django_capture_on_commit_callbacks):
    from procedures.models import ExternalReferencePage, ReferenceType
    from tests.factories import site_tree
    from tests.search.search_corpus import publish

    _, _, references = site_tree()
    with django_capture_on_commit_callbacks(execute=True):
        scan = Document(title="بخشنامه اسکن‌شده")
        scan.file.save("scan.pdf", ContentFile(scanned_pdf([page_image(CIRCULAR, size=30)])), save=False)
        scan.save()
    row = AttachmentText.objects.get(object_id=str(scan.pk))
    assert row.status == "ocr" and row.seconds > 0
    page = ExternalReferencePage(
        title="بخشنامه سازماندهی", slug="scanned", ref_type=ReferenceType.CIRCULAR, number="۱۲۳/۴۵"
    )
    page.attachments = [("attachment", {"title": "متن اسکن‌شده", "document": scan})]
    references.add_child(instance=page)
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    found = ExternalReferencePage.objects.live().search("یازدهم")
    assert [p.pk for p in found] == [page.pk]


@pytest.mark.django_db
def test_the_command_extracts_every_document_again(django_capture_on_commit_callbacks):
    from django.core.management import call_command

    document = Document(title="یادداشت")
    document.file.save("note.txt", ContentFile(CIRCULAR.encode()), save=False)
    document.save()  # no commit callbacks run: nothing extracted yet
    assert not AttachmentText.objects.filter(object_id=str(document.pk)).exists()
    out = io.StringIO()
    call_command("extract_attachments", "--missing", stdout=out)
    assert AttachmentText.objects.get(object_id=str(document.pk)).status == "ok"
    assert "متن استخراج شد: 1" in out.getvalue()
