"""The README's «Taking a procedure through a new revision», click by click in Chromium on the demo:
the quality officer submits from the editor with a change reason, the confirmer approves in the editor,
the approver from the dashboard's «در انتظار بررسی شما» menu; and the other way round for the
service statement. Every success shows a success message and no error banner; the public page then
shows the new revision, its code and number, at the same address."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from jalali.digits import to_persian_digits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The labels as the admin shows them (README, «Taking a procedure through a new revision»).
SUBMIT = "ثبت کردن در امضای سند کنترل‌شده"  # Wagtail's «Submit to <workflow>», in Persian
AWAITING = "در انتظار بررسی شما"
APPROVE = "تایید"
DASHBOARD_ACTIONS = "اعمال"
PROCEDURE = "روش اجرایی ارزیابی عملکرد دستگاه‌های اجرایی استان"


def log_in(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto(page.base + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("sanad-demo")
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def expect_success_only(page, text: str) -> None:
    """The success message is shown, and no error banner with it."""
    expect(page.locator(".messages .success").filter(has_text=text).first).to_be_visible()
    expect(page.locator(".messages .error")).to_have_count(0)


def open_action_menu(page) -> None:
    page.locator("footer .w-dropdown__toggle").first.click()  # «اعمال بیشتر» beside «ذخیره پیش‌نویس»


def submit_from_editor(page, document, change_reason: str, shoot, shot: str) -> None:
    """The officer opens the document in its folder, writes the change reason and submits it."""
    page.goto(f"{page.base}/admin/pages/{document.get_parent().pk}/")
    page.locator("table").get_by_role("link", name=document.title).first.click()
    expect(page.locator("#id_change_reason")).to_be_visible()
    page.locator("#id_change_reason").fill(change_reason)
    open_action_menu(page)
    shoot(page, shot, full_page=False)
    page.get_by_role("button", name=SUBMIT).click()
    expect_success_only(page, "برای بررسی ارسال شد")


def approve_in_editor(page, title: str, shoot, shot: str) -> None:
    """«در انتظار بررسی شما» › the title opens the editor › the action menu › «تایید»."""
    expect(page.get_by_role("heading", name=AWAITING)).to_be_visible()
    row = (
        page.locator("tr")
        .filter(has=page.get_by_role("button", name=DASHBOARD_ACTIONS))
        .filter(has_text=title)
    )
    expect(row).to_have_count(1)
    row.get_by_role("link", name=title).first.click()
    expect(page.locator("#id_change_reason")).to_be_visible()
    open_action_menu(page)
    shoot(page, shot, full_page=False)
    page.get_by_role("button", name=APPROVE, exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def approve_from_dashboard(page, title: str, shoot, shot: str) -> None:
    """«در انتظار بررسی شما» › the row's «اعمال» › «تایید»."""
    expect(page.get_by_role("heading", name=AWAITING)).to_be_visible()
    row = (
        page.locator("tr")
        .filter(has=page.get_by_role("button", name=DASHBOARD_ACTIONS))
        .filter(has_text=title)
    )
    expect(row).to_have_count(1)
    row.get_by_role("button", name=DASHBOARD_ACTIONS).click()
    shoot(page, shot, full_page=False)
    row.get_by_role("button", name=APPROVE, exact=True).click()


def public_page_shows(page, path: str, code: str, number: str, reason: str, shoot, shot: str) -> None:
    page.context.clear_cookies()
    page.goto(page.base + path)
    main = page.locator("main")
    expect(main).to_contain_text(f"({number})")
    expect(main).to_contain_text(code)
    expect(main).to_contain_text(reason)
    expect(main).to_contain_text(re.compile(r"معتبر از ۱۴[۰-۹]{2}/[۰-۹]{2}/[۰-۹]{2}"))
    shoot(page, shot)


def test_readme_walkthrough_confirmer_in_the_editor_approver_on_the_dashboard(demo, browser_page, shoot):
    from procedures.models import ProcedurePage

    procedure = ProcedurePage.objects.get(slug="performance-evaluation")
    number = procedure.revision_number + 1
    expected = to_persian_digits(f"{number:02d}")
    assert expected == "۰۲"  # the number the README names
    reason = "افزودن مهلت اعتراض به نتایج اولیه"
    page = browser_page

    log_in(page, "officer")
    submit_from_editor(page, procedure, reason, shoot, "21-officer-submits")
    shoot(page, "22-officer-submitted")

    log_in(page, "confirmer")
    approve_in_editor(page, PROCEDURE, shoot, "23-confirmer-editor-menu")
    expect_success_only(page, "به عنوان تاییدکننده امضا کردید")
    shoot(page, "24-confirmer-signed")
    assert ProcedurePage.objects.get(pk=procedure.pk).revision_number == number - 1  # not yet

    log_in(page, "approver")
    approve_from_dashboard(page, PROCEDURE, shoot, "25-approver-dashboard-menu")
    expect_success_only(page, f"بازنگری م پ-م-۱-۰۴/{expected} منتشر شد")
    shoot(page, "26-approver-signed")

    procedure = ProcedurePage.objects.get(pk=procedure.pk)
    assert procedure.revision_number == number
    signers = {s.role: s.user.username for s in procedure.current_controlled_revision.signoffs.all()}
    assert signers == {"preparer": "officer", "confirmer": "confirmer", "approver": "approver"}
    public_page_shows(
        page,
        "/procedures/performance-evaluation/",
        f"م پ-م-۱-۰۴/{expected}",
        expected,
        reason,
        shoot,
        "27-procedure-revision-02",
    )


def test_the_other_way_round_confirmer_on_the_dashboard_approver_in_the_editor(demo, browser_page, shoot):
    from procedures.models import ServiceStatementPage

    statement = ServiceStatementPage.objects.get(slug="service-statement")
    number = statement.revision_number + 1
    expected = to_persian_digits(f"{number:02d}")
    reason = "افزودن مهلت اعتراض به نتایج اولیه"
    page = browser_page

    log_in(page, "officer")
    submit_from_editor(page, statement, reason, shoot, "31-officer-submits-statement")

    log_in(page, "confirmer")
    approve_from_dashboard(page, statement.title, shoot, "32-confirmer-dashboard-menu")
    expect_success_only(page, "به عنوان تاییدکننده امضا کردید")

    log_in(page, "approver")
    approve_in_editor(page, statement.title, shoot, "33-approver-editor-menu")
    expect_success_only(page, f"بازنگری ب س-ا-۰۱/{expected} منتشر شد")
    shoot(page, "34-approver-signed")

    statement = ServiceStatementPage.objects.get(pk=statement.pk)
    assert statement.revision_number == number
    public_page_shows(
        page,
        "/service-statement/",
        f"ب س-ا-۰۱/{expected}",
        expected,
        reason,
        shoot,
        "35-statement-revision-01",
    )
    # The admin ran under its own policy, the public page under the strict one: nothing was blocked.
    blocked = [e for e in page.console_errors if "Content Security Policy" in e]
    assert blocked == []
