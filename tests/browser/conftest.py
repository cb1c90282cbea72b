"""Headless Chromium (Debian's, driven by Playwright) against pytest-django's live server.

Run with ``python -m pytest tests/browser -m browser``. Skipped, with the reason, when Chromium is not
installed. Screenshots go to $SANAD_SCREENSHOTS (default: a fresh temp folder), printed at the end.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("SANAD_CHROMIUM", "/usr/bin/chromium")

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make there
# are plain synchronous ones, so Django's guard against async contexts does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(
        reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set SANAD_CHROMIUM)"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    folder = Path(os.environ.get("SANAD_SCREENSHOTS") or tempfile.mkdtemp(prefix="sanad-screens-"))
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    print(f"\nscreenshots: {folder}")


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            # Containers and CI run as root, where Chromium's sandbox cannot start.
            args=["--no-sandbox", "--disable-dev-shm-usage", "--font-render-hinting=none"],
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium, live_server):
    """A fresh browser context (no cookies) with Persian locale; console errors are collected."""
    context = chromium.new_context(
        locale="fa-IR",
        timezone_id="Asia/Tehran",  # where its readers are; the date pickers take today from the server
        viewport={"width": 1280, "height": 900},
        accept_downloads=True,
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    # expect() retries until the page settles: a click that navigates returns before the new page paints.
    from playwright.sync_api import expect

    expect.set_options(timeout=20_000)
    page.console_errors = []
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    page.base = live_server.url
    yield page
    context.close()


@pytest.fixture
def shoot(screenshot_dir):
    def take(page, name: str, full_page: bool = True) -> Path:
        path = screenshot_dir / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


@pytest.fixture(autouse=True)
def wagtail_rows(request):
    """What Wagtail's migrations create and a live-server test's flush removes: the default locale,
    the root page and the root collection. Without them no page or document can be made."""
    if "live_server" not in request.fixturenames:
        return
    request.getfixturevalue("transactional_db")
    ensure_wagtail_rows()


def ensure_wagtail_rows() -> None:
    from django.conf import settings
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="ریشه", slug="root", content_type=_page_type()))
    if Collection.get_first_root_node() is None:
        Collection.add_root(instance=Collection(name="ریشه"))


def _page_type():
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    return ContentType.objects.get_for_model(Page)


@pytest.fixture
def demo(transactional_db, live_server):
    """The demo content in the live server's database (the same one the tests see)."""
    from home.demo.loader import DemoLoader

    DemoLoader().load()
    from django.core.cache import cache

    cache.clear()
