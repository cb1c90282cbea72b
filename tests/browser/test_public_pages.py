"""The public site in headless Chromium: the demo's pages, an announcement inside and outside its
window, a complaint answered with a tracking number."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from announcements.audience import Audience

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_clean_console(page):
    """No CSP violations, missing files or script errors on the way."""
    assert page.console_errors == [], page.console_errors


def test_home_procedure_statement_and_board_of_the_demo(demo, browser_page, shoot):
    page = browser_page
    page.goto(page.base + "/")
    assert page.locator("html").get_attribute("lang") == "fa"
    assert page.locator("html").get_attribute("dir") == "rtl"
    for landmark in ("banner", "navigation", "main", "contentinfo", "search"):
        assert page.get_by_role(landmark).count() >= 1, landmark
    expect(page.get_by_role("heading", name="خدمات سازمان")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("بیانیه سطح توافق خدمت")).first).to_be_visible()
    expect(page.get_by_role("heading", name="اطلاعیه‌ها", exact=True)).to_be_visible()
    # Every seed-003 window is past: the board says so and offers the latest archived notices.
    expect(page.get_by_text("آخرین اطلاعیه‌های بایگانی‌شده")).to_be_visible()
    expect(page.get_by_role("link", name="فرایند ارزیابی عملکرد سال ۱۳۹۸", exact=True)).to_be_visible()
    shoot(page, "01-home")

    # Keyboard: the first Tab reaches the skip link, which shows itself and leads to <main>.
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"

    # Small screens: nothing wider than the viewport.
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(page.base + "/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    shoot(page, "02-home-mobile")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto(page.base + "/procedures/performance-evaluation/")
    expect(
        page.get_by_role("heading", name="روش اجرایی ارزیابی عملکرد دستگاه‌های اجرایی استان")
    ).to_be_visible()
    main_text = page.locator("main").inner_text()
    # Other demo steps may take the procedure past revision 00; its code and issue date stay.
    assert re.search(r"م پ-م-۱-۰۴/۰[۰-۹]", main_text) and "تاریخ صدور ۱۳۹۵/۱۰/۰۵" in main_text
    shoot(page, "03-procedure")

    page.goto(page.base + "/service-statement/")
    main_text = page.locator("main").inner_text()
    assert "(۰۰)" in main_text and re.search("معتبر از ۱۴[۰-۹]{2}/", main_text)
    shoot(page, "04-statement")

    page.goto(page.base + "/announcements/")
    expect(page.get_by_text("در حال حاضر اطلاعیه‌ای در دوره نمایش نیست")).to_be_visible()
    page.get_by_role("link", name="همه اطلاعیه‌های گذشته").click()
    expect(page.get_by_role("link", name="فرایند ارزیابی عملکرد سال ۱۳۹۸", exact=True)).to_be_visible()
    # Agencies-only notices stay out of the public archive.
    expect(page.get_by_text("دریافت کد و رمز سامانه همگام")).to_have_count(0)
    shoot(page, "05-archive")
    page.get_by_role("link", name="فرایند ارزیابی عملکرد سال ۱۳۹۸", exact=True).click()
    expect(page.get_by_text("دوره نمایش این اطلاعیه پایان یافته است")).to_be_visible()
    expect(page.get_by_text("تاریخ نمایش از ۱۳۹۹/۰۱/۰۶ تا ۱۳۹۹/۰۵/۳۱")).to_be_visible()
    shoot(page, "06-announcement-ended")
    assert_clean_console(page)


def test_an_announcement_shows_inside_its_window_and_not_before_it(browser_page, shoot):
    from tests.site.test_announcements import make_announcement, make_board

    board = make_board()
    current = make_announcement(
        board, slug="extended", title="تمدید خود ارزیابی ایمنی مدارس تا تاریخ ۹۸/۰۲/۱۰", files=["pdf", "xlsx"]
    )
    make_announcement(board, slug="coming", title="فرایند ارزیابی عملکرد سال ۱۴۰۶", starts=3, ends=20)
    make_announcement(board, slug="private", title="دریافت کد و رمز سامانه همگام", audience=Audience.AGENCIES)

    page = browser_page
    page.goto(page.base + "/announcements/")
    expect(page.get_by_role("link", name=current.title)).to_be_visible()
    expect(page.get_by_text("فرایند ارزیابی عملکرد سال ۱۴۰۶")).to_have_count(0)
    expect(page.get_by_text("دریافت کد و رمز سامانه همگام")).to_have_count(0)
    shoot(page, "07-board-current")

    page.get_by_role("link", name=current.title).click()
    expect(page.get_by_role("heading", name=current.title)).to_be_visible()
    expect(page.get_by_text("دوره نمایش این اطلاعیه پایان یافته است")).to_have_count(0)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="پیوست pdf").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    shoot(page, "08-announcement-current")

    response = page.goto(page.base + "/announcements/coming/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="صفحه پیدا نشد")).to_be_visible()
    page.console_errors.clear()  # the browser logs the 404 itself

    response = page.goto(page.base + "/announcements/private/")
    assert "/login/" in page.url  # agencies only: asked to log in
    assert_clean_console(page)


def test_a_complaint_is_answered_with_a_tracking_number_that_finds_its_status(browser_page, shoot):
    from tests.site.test_feedback import make_form

    make_form()
    page = browser_page
    page.goto(page.base + "/complaints/")
    # The honeypot is out of sight (off the page) and out of the tab order.
    box = page.locator("input[name=website]").bounding_box()
    assert box["x"] + box["width"] <= 0 or box["x"] >= 1280, box
    assert page.locator("input[name=website]").get_attribute("tabindex") == "-1"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    # Submitting empty shows Persian errors beside the fields.
    page.get_by_role("button", name="ثبت و دریافت شماره پیگیری").click()
    expect(page.get_by_text("لطفاً خطاهای مشخص‌شده در فرم را برطرف کنید.")).to_be_visible()
    page.get_by_label("نام و نام خانوادگی").fill("مریم احمدی")
    page.get_by_label("شرح شکایت").fill("پاسخ نامه شماره ۱۲۳ پس از دو ماه نیامده است.")
    page.get_by_role("button", name="ثبت و دریافت شماره پیگیری").click()
    number = page.locator(".tracking-number").inner_text()
    assert re.fullmatch(r"ش-۱۴\d\d-۰۰۰۰۰۱", number), number
    shoot(page, "09-complaint-tracking-number")

    page.get_by_role("link", name="پیگیری وضعیت").click()
    expect(page.get_by_text("دریافت شد")).to_be_visible()
    page.get_by_label("شماره پیگیری", exact=True).fill("ش-۱۴۰۵-abc")
    page.get_by_role("button", name="پیگیری", exact=True).click()
    assert page.get_by_role("alert").inner_text().startswith("شماره پیگیری باید به شکل")
    page.console_errors.clear()  # the browser logs the 400 answer itself
    page.get_by_label("شماره پیگیری", exact=True).fill(number)
    page.get_by_role("button", name="پیگیری", exact=True).click()
    expect(page.get_by_text("دریافت شد")).to_be_visible()
    shoot(page, "10-tracking")
    assert_clean_console(page)


def test_search_from_the_home_page_finds_the_circular_written_with_arabic_letters(demo, browser_page, shoot):
    page = browser_page
    page.goto(page.base + "/")
    page.get_by_role("searchbox").first.fill("وظایف")
    page.get_by_role("searchbox").first.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    # Seed 002 writes «وظايف» with the Arabic yeh; the Persian query must find it.
    result = page.locator("main a[href*='circular-36773-91-210']").first
    expect(result).to_be_visible()
    shoot(page, "15-search")
    assert_clean_console(page)
