"""Every upload path judges the bytes: Wagtail documents and images meet the same policy as record files."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from records.uploads import UploadRefused, check_size, format_megabytes
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    return client


def add_document(client, name, data):
    return client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, data), "collection": 1},
    )


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("بخشنامه.pdf", b"MZ\x90\x00" + b"\x00" * 200, "اجرایی"),
        ("یادداشت.txt", b"<html><body><script>alert(1)</script></body></html>", "HTML"),
        ("نقشه.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "SVG"),
        ("گزارش.pdf", png_bytes(), "پسوند"),
    ],
)
def test_a_hostile_or_mislabelled_document_is_refused_in_persian_and_not_stored(
    admin_client, name, data, says
):
    response = add_document(admin_client, name, data)
    assert response.status_code == 200  # the form again, with its error
    assert says in response.content.decode()
    assert not Document.objects.exists()


def test_a_real_pdf_document_is_accepted(admin_client):
    response = add_document(admin_client, "بخشنامه.pdf", PDF)
    assert response.status_code == 302
    assert Document.objects.get().title == "بخشنامه.pdf"


def test_an_svg_named_png_image_is_refused(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
    response = admin_client.post(
        "/admin/images/add/", {"title": "x", "file": SimpleUploadedFile("x.png", svg), "collection": 1}
    )
    assert response.status_code == 200
    assert not Image.objects.exists()


def test_a_real_png_image_is_accepted(admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "نشان", "file": SimpleUploadedFile("logo.png", png_bytes()), "collection": 1},
    )
    assert response.status_code == 302
    assert Image.objects.get().title == "نشان"


def test_a_file_just_over_the_limit_is_not_reported_as_the_limit():
    with pytest.raises(UploadRefused) as exc:
        check_size(21_000_000, 20 * 1024 * 1024)
    assert "۲۰٫۰۳ مگابایت" in exc.value.message and "(۲۰ مگابایت)" in exc.value.message
    assert format_megabytes(21 * 1024 * 1024) == "۲۱ مگابایت"


def test_documents_are_downloaded_as_attachments_never_sniffed(admin_client):
    add_document(admin_client, "بخشنامه.pdf", PDF)
    document = Document.objects.get()
    response = admin_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
