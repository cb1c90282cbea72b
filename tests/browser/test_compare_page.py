"""The comparison of two revisions in headless Chromium: reached from the history, right to left, marked."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def revised(live_server):
    from accounts.roles import Role
    from procedures.models import ProcedurePage
    from procedures.setup import ensure_signoff_workflow
    from tests.factories import person, site_tree
    from tests.procedures.revisions import first_issue, second_revision

    tree = site_tree()
    ensure_signoff_workflow(tree[0])
    people = {
        "preparer": person("preparer", Role.QUALITY_OFFICER, "کارشناس کیفیت"),
        "confirmer": person("confirmer", Role.CONFIRMER, "معاون توسعه مدیریت"),
        "approver": person("approver", Role.APPROVER, "رئیس سازمان"),
    }
    page = first_issue(tree, people)
    second_revision(page, tree, people)
    return ProcedurePage.objects.get(pk=page.pk)


def test_a_reader_opens_the_comparison_from_the_history(revised, browser_page, shoot):
    page = browser_page
    page.goto(page.base + revised.url + "revisions/")
    page.get_by_role("link", name="مقایسه با (۰۰)").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("چه تغییر کرد")
    expect(page.locator("del", has_text="سالانه").first).to_be_visible()
    expect(page.locator("ins", has_text="فصلی").first).to_be_visible()
    expect(page.locator("tr.row--added", has_text="بررسی مستندات و امتیازدهی")).to_be_visible()
    expect(page.locator("tr.row--removed", has_text="برگزاری جلسه توجیهی")).to_be_visible()
    # Right to left: the table's first column stands at the right.
    headers = page.locator(".compare-header thead th")
    assert headers.first.bounding_box()["x"] > headers.last.bounding_box()["x"]
    # The marks are coloured by the page's own stylesheet (not blocked by the content policy).
    # Waited for, not read once: under load the stylesheet may still be on its way when the marks show.
    added = page.locator("ins", has_text="فصلی").first
    expect(added).not_to_have_css("background-color", "rgba(0, 0, 0, 0)")
    shoot(page, "compare-00-01")
    assert page.console_errors == [], page.console_errors


def test_an_auditor_follows_the_link_to_wagtails_comparison_and_reads_it(revised, browser_page, shoot):
    from accounts.roles import Role
    from tests.factories import person

    person("auditor", Role.AUDITOR, "ممیز")  # password «pass» (tests.factories.UserFactory)
    page = browser_page
    page.goto(page.base + "/admin/login/")
    page.locator("#id_username").fill("auditor")
    page.locator("#id_password").fill("pass")
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/admin/")
    page.goto(page.base + revised.url + "revisions/compare/0/1/")
    page.get_by_role("link", name="مقایسه همه فیلدها در پیشخوان مدیریت").click()
    page.wait_for_url("**/revisions/compare/*...*/")
    expect(page.locator("main")).to_contain_text("فصلی")
    expect(page.get_by_role("link", name="ویرایش")).to_have_count(0)  # a reader gets no edit button
    shoot(page, "admin-compare-auditor")
