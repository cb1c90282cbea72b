"""The sign-off of a controlled revision in the real admin, by three different people, in Chromium:
the quality officer submits from the editor, the confirmer approves from the dashboard, the approver
from the editor; the public page then shows the new revision at the same address."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from jalali.digits import to_persian_digits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUBMIT = "ثبت کردن در امضای سند کنترل‌شده"  # Wagtail's «Submit to <workflow>», in Persian


def log_in(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto(page.base + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("sanad-demo")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def submit_for_signoff(page, page_id: int, change_reason: str) -> None:
    page.goto(f"{page.base}/admin/pages/{page_id}/edit/")
    page.locator("#id_change_reason").fill(change_reason)
    page.locator("footer .w-dropdown__toggle").first.click()  # the action menu beside «ذخیره پیش‌نویس»
    page.get_by_role("button", name=SUBMIT).click()
    page.wait_for_load_state()


def approve_from_dashboard(page, title: str, shoot, shot: str) -> None:
    """«تایید» in the dashboard's «در انتظار بررسی شما» panel. (The editor offers no approve button:
    SignOffTask locks the draft for everyone while it is being signed.)"""
    expect(page.get_by_role("heading", name="در انتظار بررسی شما")).to_be_visible()
    row = page.locator("tr").filter(has_text=title)
    assert row.count() == 1
    shoot(page, shot)
    row.get_by_role("button", name="اعمال").click()
    row.get_by_role("button", name="تایید", exact=True).click()
    page.wait_for_load_state()


def test_three_people_sign_revision_01_of_the_statement_in_the_admin(demo, browser_page, shoot):
    from procedures.models import ServiceStatementPage

    statement = ServiceStatementPage.objects.get(slug="service-statement")
    before = statement.revision_number
    expected = to_persian_digits(f"{before + 1:02d}")
    page = browser_page

    log_in(page, "officer")
    submit_for_signoff(page, statement.pk, "افزودن مهلت اعتراض به نتایج اولیه")
    expect(page.get_by_text("برای بررسی ارسال شد").first).to_be_visible()
    shoot(page, "11-admin-submitted")

    log_in(page, "confirmer")
    approve_from_dashboard(page, statement.title, shoot, "12-admin-dashboard-awaiting-review")
    assert ServiceStatementPage.objects.get(pk=statement.pk).revision_number == before  # not yet

    log_in(page, "approver")
    approve_from_dashboard(page, statement.title, shoot, "13-admin-dashboard-approver")

    statement = ServiceStatementPage.objects.get(pk=statement.pk)
    assert statement.revision_number == before + 1
    signers = {s.role: s.user.username for s in statement.current_controlled_revision.signoffs.all()}
    assert signers == {"preparer": "officer", "confirmer": "confirmer", "approver": "approver"}

    page.context.clear_cookies()
    page.goto(page.base + "/service-statement/")
    main_text = page.locator("main").inner_text()
    assert f"({expected})" in main_text
    assert f"ب س-ا-۰۱/{expected}" in main_text
    assert "افزودن مهلت اعتراض به نتایج اولیه" in main_text
    assert re.search(r"معتبر از ۱۴[۰-۹]{2}/[۰-۹]{2}/[۰-۹]{2}", main_text)
    shoot(page, "14-statement-revision-01")
    # The admin ran under its own policy, the public page under the strict one: nothing was blocked.
    blocked = [e for e in page.console_errors if "Content Security Policy" in e]
    assert blocked == []
