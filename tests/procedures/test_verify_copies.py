"""Verifiable controlled copies (issue 13 §6): a code and a fixed PDF per copy, checked at /verify/<code>/."""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from wagtail.models import PageLogEntry

from procedures import copies, copy_rules
from procedures.copy_rules import CODE_ALPHABET, CODE_LENGTH, normalise_sha256, normalise_verification_code
from procedures.models import ControlledRevision, IssuedCopy
from procedures.models.copies import CopyRegisterError
from tests.procedures.test_copies import publish_revision_01, revision
from tests.procedures.test_pdf_render import needs_poppler, page_texts, plain, render

pytestmark = pytest.mark.django_db

CODE = "ABCDE23456"


def issue(page, people, number: int = 0, **recipient) -> IssuedCopy:
    recipient = recipient or {"recipient_name": "مریم احمدی", "recipient_unit": "اداره بودجه"}
    return copies.issue_controlled_copy(revision(page, number), issued_by=people["preparer"], **recipient)


@pytest.fixture
def fixed_code(monkeypatch):
    """The next copy issued gets ``CODE`` (codes are random; a test needs one it can type)."""
    codes = iter([CODE])
    monkeypatch.setattr(
        copies, "new_verification_code", lambda: next(codes, copy_rules.new_verification_code())
    )


# --- the code ------------------------------------------------------------------------------------


def test_a_new_code_has_ten_characters_without_look_alikes():
    codes = {copy_rules.new_verification_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET)
    assert not set("01ILO") & set(CODE_ALPHABET)


@pytest.mark.parametrize(
    "typed", ["ABCDE23456", "abcde23456", "abcde-۲۳۴۵۶", " ABCDE 23456 ", "ABCDE–٢٣٤٥٦", "abcde_23456"]
)
def test_a_typed_code_is_read_in_any_digit_script_case_or_grouping(typed):
    assert normalise_verification_code(typed) == "ABCDE23456"


@pytest.mark.parametrize("typed", ["", "ABCDE2345", "ABCDE234567", "ABCDE2345O", "ABCDE1234I", "<script>"])
def test_what_cannot_be_a_code_is_not_read_as_one(typed):
    assert normalise_verification_code(typed) is None


def test_a_pasted_hash_is_read_whatever_its_case_or_prefix():
    digest = hashlib.sha256(b"x").hexdigest()
    assert normalise_sha256(f"  SHA256:{digest.upper()} ") == digest
    assert normalise_sha256(digest[:-1]) is None
    assert normalise_sha256("z" * 64) is None


@pytest.mark.parametrize(
    ("status", "recalled", "valid", "label"),
    [
        ("in_force", False, True, "معتبر"),
        ("superseded", False, False, "منسوخ"),
        ("withdrawn", False, False, "ابطال‌شده"),
        ("approved", False, False, "جاری نیست"),
        ("in_force", True, False, "فراخوان‌شده"),  # a recalled copy is void whatever its revision
        ("superseded", True, False, "فراخوان‌شده"),
    ],
)
def test_a_copy_is_valid_only_while_its_revision_is_in_force_and_it_is_not_recalled(
    status, recalled, valid, label
):
    standing = copy_rules.copy_standing(
        revision_status=status, recalled=recalled, superseded_by="م پ-م-۱-۰۴/۰۱"
    )
    assert (standing.valid, standing.label) == (valid, label)
    if status == "superseded" and not recalled:
        assert "م پ-م-۱-۰۴/۰۱" in standing.detail and "برگردانده شود" in standing.detail


def test_each_issued_copy_gets_its_own_code_and_the_issue_is_audited_with_it(issued, people):
    first, second = issue(issued, people), issue(issued, people, recipient_name="واحد تشکیلات")

    assert first.verification_code != second.verification_code
    for copy in (first, second):
        assert normalise_verification_code(copy.verification_code) == copy.verification_code
    entry = PageLogEntry.objects.filter(page=issued, action="sanad.copy.issue").order_by("pk").first()
    assert entry.data["verification_code"] == first.verification_code
    assert first.verification_code_display == f"{first.verification_code[:5]}-{first.verification_code[5:]}"


def test_a_code_already_taken_is_drawn_again(issued, people, monkeypatch):
    drawn = itertools.chain([CODE, CODE], itertools.repeat("ZZZZZ22222"))
    monkeypatch.setattr(copies, "new_verification_code", lambda: next(drawn))

    first, second = issue(issued, people), issue(issued, people)

    assert (first.verification_code, second.verification_code) == (CODE, "ZZZZZ22222")


def test_two_copies_cannot_share_a_code_even_below_the_models(issued, people):
    first, second = issue(issued, people), issue(issued, people)
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO procedures_issuedcopy (controlled_revision_id, number, recipient_name, recipient_unit,"
            " issued_on, issued_at, issued_by_id, recall_note, verification_code, issued_file, issued_sha256)"
            " SELECT controlled_revision_id, 99, 'x', '', issued_on, issued_at, issued_by_id, '', %s, '', ''"
            " FROM procedures_issuedcopy WHERE id = %s",
            [first.verification_code, second.pk],
        )


# --- the issued file -------------------------------------------------------------------------------


def test_the_officer_issues_a_copy_and_every_download_is_the_file_fixed_at_issue(client, issued, people):
    client.force_login(people["preparer"])
    client.post(
        reverse("procedures_issue_copy", args=[revision(issued, 0).pk]),
        {"recipient_user": "", "recipient_name": "واحد بودجه", "recipient_unit": ""},
    )
    copy = IssuedCopy.objects.get()
    assert copy.issued_file and len(copy.issued_sha256) == 64

    first = client.get(reverse("procedures_copy_pdf", args=[copy.pk]))
    second = client.get(reverse("procedures_copy_pdf", args=[copy.pk]))

    assert first.content.startswith(b"%PDF-")
    assert first.content == second.content
    assert hashlib.sha256(first.content).hexdigest() == copy.issued_sha256
    entry = PageLogEntry.objects.get(page=issued, action="sanad.copy.file")
    assert entry.data["sha256"] == copy.issued_sha256 and entry.user == people["preparer"]


def test_a_copy_issued_before_files_were_kept_gets_its_file_at_its_first_download(client, issued, people):
    copy = issue(issued, people)  # the service alone, as before issue 13: no file
    assert not copy.issued_sha256
    client.force_login(people["preparer"])

    first = client.get(reverse("procedures_copy_pdf", args=[copy.pk]))
    copy.refresh_from_db()
    second = client.get(reverse("procedures_copy_pdf", args=[copy.pk]))

    assert hashlib.sha256(first.content).hexdigest() == copy.issued_sha256
    assert second.content == first.content
    assert PageLogEntry.objects.filter(page=issued, action="sanad.copy.file").count() == 1


def test_the_issued_file_and_its_hash_are_written_once(issued, people):
    copy = issue(issued, people)
    fixed = copies.fix_issued_file(copy, b"%PDF-1.7 first", by=people["preparer"])
    again = copies.fix_issued_file(copy, b"%PDF-1.7 second", by=people["preparer"])

    assert again.issued_sha256 == fixed.issued_sha256 == hashlib.sha256(b"%PDF-1.7 first").hexdigest()
    fixed.issued_sha256 = "0" * 64
    with pytest.raises(CopyRegisterError, match="تغییرناپذیر"):
        fixed.save()
    with pytest.raises(IntegrityError, match="یک بار ثبت"), transaction.atomic():
        IssuedCopy.objects.filter(pk=copy.pk).update(issued_sha256="0" * 64)
    with pytest.raises(IntegrityError, match="تغییرناپذیر"), transaction.atomic():
        IssuedCopy.objects.filter(pk=copy.pk).update(verification_code="ZZZZZ22222")
    with pytest.raises(IntegrityError, match="حذف نمی‌شوند"), transaction.atomic():
        IssuedCopy.objects.filter(pk=copy.pk).delete()


def test_the_database_refuses_a_second_recall_and_a_rewritten_recipient(issued, people):
    copy = issue(issued, people)
    publish_revision_01(issued, people)
    copies.recall_copy(copy, recalled_by=people["preparer"])

    with pytest.raises(IntegrityError, match="پیش‌تر"), transaction.atomic():
        IssuedCopy.objects.filter(pk=copy.pk).update(recall_note="دوباره")
    with pytest.raises(IntegrityError, match="تغییرناپذیر"), transaction.atomic():
        IssuedCopy.objects.filter(pk=copy.pk).update(recipient_name="کس دیگر")


def test_controlled_html_carries_the_code_and_a_qr_code_of_the_verify_address(issued, people, fixed_code):
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory
    from django.utils import timezone

    from procedures.pdf.render import CopyMarking, render_revision_html

    copy = issue(issued, people)
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    marking = CopyMarking(printed_at=timezone.localtime(), copy=copy)

    html = render_revision_html(request, issued, copy.controlled_revision, marking)

    assert marking.verify_url.startswith("http") and marking.verify_url.endswith(f"/verify/{CODE}/")
    assert "ABCDE-23456" in html
    assert 'class="verify-qr"' in html and "<path" in html
    uncontrolled = render_revision_html(
        request, issued, copy.controlled_revision, CopyMarking(printed_at=timezone.localtime())
    )
    assert "verify-qr" not in uncontrolled


@needs_poppler
def test_controlled_pdf_prints_the_verification_code_on_every_page(issued, people, fixed_code):
    copy = issue(issued, people)

    pages = page_texts(render(issued, copy=copy))

    for text in pages:
        assert "ABCDE-23456" in plain(text)


@needs_poppler
@pytest.mark.skipif(
    shutil.which("zbarimg") is None and not os.environ.get("CI"), reason="needs Debian zbar-tools"
)
def test_the_qr_code_printed_on_the_copy_reads_as_its_verify_address(issued, people, fixed_code, tmp_path):
    copy = issue(issued, people)
    (tmp_path / "copy.pdf").write_bytes(render(issued, copy=copy))
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", "copy.pdf", "page"], cwd=tmp_path, check=True
    )
    image = next(tmp_path.glob("page*.png"))

    read = subprocess.run(
        ["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True
    ).stdout.split()

    assert len(read) == 1 and read[0].startswith("http") and read[0].endswith(f"/verify/{CODE}/")


# --- /verify/ --------------------------------------------------------------------------------------


def verify(client, code: str = CODE, **kwargs):
    return client.get(reverse("verify_copy", args=[code]), **kwargs)


def test_anyone_sees_which_revision_copy_and_recipient_a_code_names_and_that_it_is_in_force(
    client, issued, people, fixed_code
):
    copy = copies.fix_issued_file(issue(issued, people), b"%PDF-1.7 issued")

    response = verify(client)

    assert response.status_code == 200
    text = response.content.decode()
    assert 'data-standing="معتبر"' in text
    assert issued.title in text
    assert "م پ-م-۱-۰۴/۰۰" in text and "نسخه کنترل‌شده شماره ۱" in text
    assert "مریم احمدی (اداره بودجه)" in text
    assert copy.issued_sha256 in text
    assert "فراخوان نشده است" in text
    assert "۱۴" in text  # the issue time is Jalali (۱۴۰۵…), not 2026
    assert "2026" not in text.split("زمان صدور", 1)[1].split("</dd>", 1)[0]


def test_a_copy_of_a_superseded_revision_is_shown_obsolete_with_the_revision_that_replaced_it(
    client, issued, people, fixed_code
):
    issue(issued, people)
    publish_revision_01(issued, people)

    text = verify(client).content.decode()

    assert 'data-standing="منسوخ"' in text
    assert "دیگر نباید به کار رود" in text
    current = ControlledRevision.objects.get(page_id=issued.pk, number=1)
    assert "جایگزین" in text and current.code in text


def test_a_recalled_copy_is_shown_recalled(client, issued, people, fixed_code):
    copy = issue(issued, people)
    publish_revision_01(issued, people)
    copies.recall_copy(copy, recalled_by=people["preparer"])

    text = verify(client).content.decode()

    assert 'data-standing="فراخوان‌شده"' in text and "فراخوان‌شده در" in text


def test_a_copy_of_a_withdrawn_document_is_shown_withdrawn_with_the_reason(
    client, issued, people, fixed_code
):
    from procedures import services

    issue(issued, people)
    request = services.request_withdrawal(issued, requested_by=people["preparer"], reason="ادغام در روش دیگر")
    services.decide_withdrawal(request, decided_by=people["approver"], approve=True)

    text = verify(client).content.decode()

    assert 'data-standing="ابطال‌شده"' in text and "ادغام در روش دیگر" in text


def test_the_file_one_holds_is_checked_against_the_issued_file(client, issued, people, fixed_code):
    copies.fix_issued_file(issue(issued, people), b"%PDF-1.7 issued")
    url = reverse("verify_copy", args=[CODE])

    same = client.post(url, {"file": SimpleUploadedFile("copy.pdf", b"%PDF-1.7 issued")})
    other = client.post(url, {"file": SimpleUploadedFile("copy.pdf", b"%PDF-1.7 altered")})

    assert 'data-check="match"' in same.content.decode()
    assert 'data-check="mismatch"' in other.content.decode()
    assert hashlib.sha256(b"%PDF-1.7 altered").hexdigest() in other.content.decode()


def test_a_pasted_hash_is_checked_and_a_malformed_one_refused_in_persian(client, issued, people, fixed_code):
    copy = copies.fix_issued_file(issue(issued, people), b"%PDF-1.7 issued")
    url = reverse("verify_copy", args=[CODE])

    pasted = client.post(url, {"sha256": copy.issued_sha256.upper()})
    wrong = client.post(url, {"sha256": "ab" * 32})
    bad = client.post(url, {"sha256": "not a hash"})
    empty = client.post(url, {})

    assert 'data-check="match"' in pasted.content.decode()
    assert 'data-check="mismatch"' in wrong.content.decode()
    assert bad.status_code == 400 and "شصت‌وچهار نویسه" in bad.content.decode()
    assert empty.status_code == 400 and "بارگذاری کنید" in empty.content.decode()


def test_nothing_matches_while_no_file_was_kept_for_the_copy(client, issued, people, fixed_code):
    issue(issued, people)

    response = client.post(reverse("verify_copy", args=[CODE]), {"sha256": "ab" * 32})

    assert 'data-check="mismatch"' in response.content.decode()
    assert "هنوز ثبت نشده است" in response.content.decode()


@pytest.mark.parametrize("code", ["ZZZZZ22222", "not-a-code", "ABCDE2345"])
def test_an_unknown_code_is_a_persian_404(client, issued, people, fixed_code, code):
    issue(issued, people)

    response = verify(client, code)

    assert response.status_code == 404
    assert "نسخه‌ای با این کد تصدیق در دفتر نسخه‌های کنترل‌شده ثبت نشده است" in response.content.decode()


@pytest.mark.parametrize("typed", ["abcde23456", "ABCDE-۲۳۴۵۶"])
def test_a_code_typed_in_persian_digits_or_lowercase_leads_to_the_copy(
    client, issued, people, fixed_code, typed
):
    issue(issued, people)

    response = verify(client, typed)
    typed_in_form = client.get(reverse("verify_index"), {"code": typed})

    assert response.status_code == 302 and response["Location"] == reverse("verify_copy", args=[CODE])
    assert typed_in_form.status_code == 302 and typed_in_form["Location"] == reverse(
        "verify_copy", args=[CODE]
    )


def test_the_verify_form_asks_for_a_code_and_refuses_a_malformed_one_in_persian(client):
    empty = client.get(reverse("verify_index"))
    bad = client.get(reverse("verify_index"), {"code": "12"})

    assert empty.status_code == 200 and "کد تصدیق" in empty.content.decode()
    assert bad.status_code == 400 and "ده نویسه" in bad.content.decode()


def test_the_api_gives_the_same_facts_as_json_with_jalali_and_iso_dates(client, issued, people, fixed_code):
    copy = copies.fix_issued_file(issue(issued, people), b"%PDF-1.7 issued")
    publish_revision_01(issued, people)

    found = client.get(reverse("verify_copy_api", args=["abcde-۲۳۴۵۶"])).json()
    missing = client.get(reverse("verify_copy_api", args=["ZZZZZ22222"]))

    assert found["found"] and found["copy_number"] == 1 and found["revision"] == 0
    assert (found["valid"], found["standing"]) == (False, "منسوخ")
    assert found["superseded_by"] == ControlledRevision.objects.get(page_id=issued.pk, number=1).code
    assert found["sha256"] == copy.issued_sha256 and found["recipient"] == "مریم احمدی (اداره بودجه)"
    assert found["issued_at"].startswith("20") and found["issued_on_jalali"].startswith("۱۴")
    assert missing.status_code == 404 and "ثبت نشده است" in missing.json()["message"]


def test_the_copy_register_in_the_admin_links_each_copy_to_its_verify_page(
    client, issued, people, fixed_code
):
    issue(issued, people)
    client.force_login(people["preparer"])

    listing = client.get(reverse("procedures_page_copies", args=[issued.pk])).content.decode()

    assert reverse("verify_copy", args=[CODE]) in listing and "ABCDE-23456" in listing
