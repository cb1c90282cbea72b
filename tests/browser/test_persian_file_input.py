"""A file field reads Persian whatever the browser's own language (issue 14): a Persian button and a
line naming what was chosen stand in for the browser's «Choose File / No file chosen», and the form sends
the chosen file as before. On the public verify page (no log-in) and on an admin upload form."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from procedures import copies
from tests.procedures import conftest as procedure_fixtures
from tests.procedures import test_verify_copies
from tests.procedures.test_verify_copies import CODE, issue

# The procedure tests' fixtures (a revision in force, its people, a copy code one can type), here too.
tree, workflow, draft = procedure_fixtures.tree, procedure_fixtures.workflow, procedure_fixtures.draft
people, issued, fixed_code = (
    procedure_fixtures.people,
    procedure_fixtures.issued,
    test_verify_copies.fixed_code,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_public_verify_page_chooses_a_file_in_persian_and_checks_it(
    browser_page, issued, people, fixed_code, shoot, tmp_path
):
    copies.fix_issued_file(issue(issued, people), b"%PDF-1.7 issued")
    held = tmp_path / "نسخه-من.pdf"
    held.write_bytes(b"%PDF-1.7 issued")
    page = browser_page
    page.goto(f"{page.base}/verify/{CODE}/")

    field = page.locator(".persian-file")
    expect(field.get_by_role("button", name="انتخاب پرونده")).to_be_visible()
    expect(field.locator(".persian-file__chosen")).to_have_text("پرونده‌ای انتخاب نشده")
    assert page.locator("#id_file").bounding_box()["width"] <= 1  # the browser's own words are out of sight

    with page.expect_file_chooser() as chooser:
        field.get_by_role("button", name="انتخاب پرونده").click()
    chooser.value.set_files(str(held))
    expect(field.locator(".persian-file__chosen")).to_have_text("نسخه-من.pdf")
    shoot(page, "verify-file-chosen", full_page=False)

    page.get_by_role("button", name="بررسی").click()
    expect(page.locator('[data-check="match"]')).to_be_visible()
    assert page.console_errors == []


def test_an_admin_upload_form_names_every_chosen_file_in_persian(browser_page, tree, people, shoot, tmp_path):
    page = browser_page
    page.goto(f"{page.base}/admin/login/")
    page.locator("#id_username").fill("root")
    page.locator("#id_password").fill("pass")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")
    page.goto(f"{page.base}/admin/references/import/")

    files = page.locator(".persian-file").filter(has=page.locator("input[multiple]"))
    expect(files.get_by_role("button", name="انتخاب پرونده‌ها")).to_be_visible()
    names = []
    for name in ("بخشنامه-۱.pdf", "بخشنامه-۲.pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.7")
        names.append(str(tmp_path / name))
    with page.expect_file_chooser() as chooser:
        files.get_by_role("button", name="انتخاب پرونده‌ها").click()
    chooser.value.set_files(names)
    expect(files.locator(".persian-file__chosen")).to_have_text("۲ پرونده: بخشنامه-۱.pdf، بخشنامه-۲.pdf")
    shoot(page, "admin-files-chosen", full_page=False)
    assert page.console_errors == []
