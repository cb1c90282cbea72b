"""Controlled copies: numbered per revision, issued only by quality officers, recalled when superseded."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from accounts.roles import Role
from procedures import copies
from procedures.models import ControlledRevision, IssuedCopy, RevisionStatus
from procedures.models.copies import CopyRegisterError
from tests.factories import person
from tests.procedures.signoff import sign_through
from tests.procedures.test_pdf_render import (
    has_value,
    make_long_procedure,
    needs_poppler,
    page_texts,
    reads,
    render,
    rotated_text,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def long_procedure(tree, people, workflow):
    return make_long_procedure(tree, people)


def revision(page, number: int) -> ControlledRevision:
    return ControlledRevision.objects.get(page_id=page.pk, number=number)


def publish_revision_01(page, people) -> None:
    sign_through(
        page, people["preparer"], people["confirmer"], people["approver"], change_reason="اصلاح مرحله ۵"
    )
    page.refresh_from_db()


def test_copy_numbers_rise_per_revision_and_start_again_at_one(issued, people):
    officer = people["preparer"]
    first = copies.issue_controlled_copy(revision(issued, 0), issued_by=officer, recipient_name="واحد بودجه")
    second = copies.issue_controlled_copy(
        revision(issued, 0), issued_by=officer, recipient_user=people["auditor"]
    )
    publish_revision_01(issued, people)
    next_rev = copies.issue_controlled_copy(
        revision(issued, 1), issued_by=officer, recipient_name="واحد بودجه"
    )

    assert (first.number, second.number, next_rev.number) == (1, 2, 1)
    assert second.recipient_display.endswith("(ممیز)")  # a user's position comes from their profile
    assert first.issued_by == officer


def test_issuing_is_audited_with_copy_number_and_recipient(issued, people):
    copy = copies.issue_controlled_copy(
        revision(issued, 0),
        issued_by=people["preparer"],
        recipient_name="مریم احمدی",
        recipient_unit="اداره بودجه",
    )

    entry = PageLogEntry.objects.get(page=issued, action="sanad.copy.issue")
    assert entry.user == people["preparer"]
    assert entry.data["copy_number"] == copy.number == 1
    assert entry.data["recipient"] == "مریم احمدی (اداره بودجه)"


@pytest.mark.parametrize("who", ["confirmer", "approver", "auditor", "superuser"])
def test_only_quality_officers_issue_controlled_copies(issued, people, who):
    with pytest.raises(CopyRegisterError) as refused:
        copies.issue_controlled_copy(revision(issued, 0), issued_by=people[who], recipient_name="واحد بودجه")

    assert "مسئول کیفیت" in refused.value.message
    assert not IssuedCopy.objects.exists()
    assert PageLogEntry.objects.filter(page=issued, action="sanad.refused", user=people[who]).exists()


def test_no_controlled_copy_of_a_superseded_revision_nor_without_recipient(issued, people):
    with pytest.raises(CopyRegisterError, match="گیرنده"):
        copies.issue_controlled_copy(revision(issued, 0), issued_by=people["preparer"], recipient_name="  ")
    publish_revision_01(issued, people)
    with pytest.raises(CopyRegisterError, match="فقط از بازنگری جاری"):
        copies.issue_controlled_copy(
            revision(issued, 0), issued_by=people["preparer"], recipient_name="واحد بودجه"
        )
    assert not IssuedCopy.objects.exists()


def test_publishing_revision_01_puts_the_copies_of_00_on_the_recall_list(issued, people):
    officer = people["preparer"]
    old = [
        copies.issue_controlled_copy(revision(issued, 0), issued_by=officer, recipient_name=name)
        for name in ("واحد بودجه", "واحد تشکیلات")
    ]
    assert not copies.recall_list().exists()  # nothing to recall while 00 is in force

    publish_revision_01(issued, people)
    current = copies.issue_controlled_copy(
        revision(issued, 1), issued_by=officer, recipient_name="واحد بودجه"
    )

    assert list(copies.recall_list()) == old
    assert current not in copies.recall_list()


def test_recall_records_date_and_who_and_leaves_the_list(issued, people):
    from django.utils import timezone

    copy = copies.issue_controlled_copy(
        revision(issued, 0), issued_by=people["preparer"], recipient_name="واحد بودجه"
    )
    publish_revision_01(issued, people)

    copies.recall_copy(copy, recalled_by=people["preparer2"], note="نسخه کاغذی تحویل و امحا شد")

    copy.refresh_from_db()
    assert copy.recalled_on == timezone.localdate() and copy.recalled_by == people["preparer2"]
    assert not copies.recall_list().exists()
    assert PageLogEntry.objects.filter(page=issued, action="sanad.copy.recall").count() == 1
    with pytest.raises(CopyRegisterError, match="پیش‌تر"):
        copies.recall_copy(copy, recalled_by=people["preparer"])


def test_copies_of_a_withdrawn_document_are_due_for_recall(issued, people):
    from procedures import services

    copy = copies.issue_controlled_copy(
        revision(issued, 0), issued_by=people["preparer"], recipient_name="واحد بودجه"
    )
    request = services.request_withdrawal(issued, requested_by=people["preparer"], reason="ادغام در روش دیگر")
    services.decide_withdrawal(request, decided_by=people["approver"], approve=True)

    assert revision(issued, 0).status == RevisionStatus.WITHDRAWN
    assert list(copies.recall_list()) == [copy]


def test_the_register_is_never_rewritten_or_deleted(issued, people):
    copy = copies.issue_controlled_copy(
        revision(issued, 0), issued_by=people["preparer"], recipient_name="واحد بودجه"
    )

    copy.recipient_name = "کس دیگر"
    with pytest.raises(CopyRegisterError, match="تغییرناپذیر"):
        copy.save()
    with pytest.raises(CopyRegisterError, match="حذف نمی‌شوند"):
        IssuedCopy.objects.get(pk=copy.pk).delete()


@needs_poppler
def test_controlled_pdf_shows_copy_number_and_recipient_on_every_page_and_no_watermark(
    long_procedure, people
):
    copy = copies.issue_controlled_copy(
        revision(long_procedure, 0),
        issued_by=people["preparer"],
        recipient_name="مریم احمدی",
        recipient_unit="اداره بودجه",
    )

    pdf = render(long_procedure, copy=copy)

    pages = page_texts(pdf)
    assert len(pages) >= 3
    for text in pages:
        assert reads(text, "نسخه کنترل‌شده شماره ۱")
        assert has_value(text, "گیرنده سند", "مریم احمدی (اداره بودجه)")
        assert has_value(text, "کد روش اجرایی", "م پ-م-۱-۰۴/۰۰")
        assert not reads(text, "کنترل‌نشده")
    assert rotated_text(pdf) == [""] * len(pages)


# --- over HTTP -----------------------------------------------------------------------------------


def test_public_pdf_is_an_uncontrolled_copy_for_anyone(client, issued):
    response = client.get(reverse("procedures_pdf:current", args=[issued.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith("inline; filename*=utf-8''")
    assert quote("م پ-م-۱-۰۴-۰۰ نسخه کنترل‌نشده.pdf") in response["Content-Disposition"]


@pytest.mark.parametrize("number", ["1", "7", "40000", "99999999999999999999999"])
def test_a_revision_number_that_does_not_exist_is_404(client, issued, number):
    response = client.get(f"/pdf/{issued.pk}/revisions/{number}/")
    assert response.status_code == 404


def test_pdf_of_a_draft_or_a_page_that_is_not_controlled_is_404(client, draft, tree):
    home, _, _ = tree
    assert client.get(reverse("procedures_pdf:current", args=[draft.pk])).status_code == 404
    assert client.get(reverse("procedures_pdf:current", args=[home.pk])).status_code == 404
    assert client.get("/pdf/999999/").status_code == 404


def test_public_pdf_of_a_private_page_is_404(client, issued):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=issued, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(reverse("procedures_pdf:current", args=[issued.pk])).status_code == 404


def test_officer_issues_a_copy_in_the_admin_and_downloads_its_pdf(client, issued, people):
    client.force_login(people["preparer"])
    listing = client.get(reverse("procedures_page_copies", args=[issued.pk]))
    assert "صدور نسخه کنترل‌شده" in listing.content.decode()

    response = client.post(
        reverse("procedures_issue_copy", args=[revision(issued, 0).pk]),
        {"recipient_user": "", "recipient_name": "واحد بودجه", "recipient_unit": ""},
    )

    assert response.status_code == 302
    copy = IssuedCopy.objects.get()
    assert copy.number == 1 and copy.recipient_name == "واحد بودجه"
    pdf = client.get(reverse("procedures_copy_pdf", args=[copy.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert quote("نسخه کنترل‌شده ۱.pdf") in pdf["Content-Disposition"]


def test_admin_refuses_an_issue_without_recipient_with_a_persian_message(client, issued, people):
    client.force_login(people["preparer"])
    response = client.post(
        reverse("procedures_issue_copy", args=[revision(issued, 0).pk]),
        {"recipient_user": "", "recipient_name": "", "recipient_unit": ""},
    )
    assert response.status_code == 400
    assert "گیرنده نسخه را مشخص کنید" in response.content.decode()
    assert not IssuedCopy.objects.exists()


@pytest.mark.parametrize("who", ["confirmer", "auditor"])
def test_admin_refuses_issuing_to_anyone_but_a_quality_officer(client, issued, people, who):
    client.force_login(people[who])

    response = client.post(
        reverse("procedures_issue_copy", args=[revision(issued, 0).pk]), {"recipient_name": "واحد بودجه"}
    )

    assert response.status_code == 403
    assert "صدور نسخه کنترل‌شده فقط با مسئول کیفیت است" in response.content.decode()
    assert not IssuedCopy.objects.exists()
    assert client.get(reverse("procedures_issue_copy", args=[revision(issued, 0).pk])).status_code == 403


def test_controlled_pdf_is_not_for_other_users(client, issued, people):
    copy = copies.issue_controlled_copy(
        revision(issued, 0), issued_by=people["preparer"], recipient_name="واحد بودجه"
    )
    client.force_login(people["confirmer"])
    response = client.get(reverse("procedures_copy_pdf", args=[copy.pk]))
    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")


def test_recall_list_in_the_admin_lists_and_marks_the_old_copies(client, issued, people):
    copy = copies.issue_controlled_copy(
        revision(issued, 0), issued_by=people["preparer"], recipient_name="واحد تشکیلات"
    )
    publish_revision_01(issued, people)

    client.force_login(people["auditor"])
    listing = client.get(reverse("procedures_recall_list")).content.decode()
    assert "فهرست فراخوان نسخه‌ها" in listing and "واحد تشکیلات" in listing
    assert (
        client.post(reverse("procedures_recall_copy", args=[copy.pk])).status_code == 403
    )  # auditors only read

    client.force_login(people["preparer"])
    response = client.post(reverse("procedures_recall_copy", args=[copy.pk]), {"note": "تحویل شد"})
    assert response.status_code == 302
    copy.refresh_from_db()
    assert copy.recalled_by == people["preparer"] and copy.recall_note == "تحویل شد"


def test_agency_users_do_not_see_the_copy_register(client, issued):
    client.force_login(person("agency1", Role.AGENCY_USER))
    assert client.get(reverse("procedures_recall_list")).status_code == 403
    assert client.get(reverse("procedures_page_copies", args=[issued.pk])).status_code == 403


def test_the_page_editor_offers_controlled_copies_and_the_control_log_names_the_issue(client, issued, people):
    copies.issue_controlled_copy(
        revision(issued, 0), issued_by=people["preparer"], recipient_name="واحد بودجه"
    )
    client.force_login(people["preparer"])

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[issued.pk])).content.decode()
    assert "صدور نسخه کنترل‌شده" in edit
    assert reverse("procedures_page_copies", args=[issued.pk]) in edit
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    client.force_login(people["auditor"])
    log = client.get(reverse("procedures_control_log")).content.decode()
    assert "نسخه کنترل‌شده صادر شد" in log


def test_pdf_link_include_points_at_the_revision_shown(issued):
    from django.template.loader import render_to_string

    html = render_to_string(
        "procedures/_pdf_links.html", {"controlled": revision(issued, 0), "live_page": issued}
    )
    assert "دریافت نسخه PDF (کنترل‌نشده)" in html
    assert f'href="/pdf/{issued.pk}/revisions/0/"' in html
