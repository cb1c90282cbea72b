"""Every screen of every demo role's admin menu, in Chromium, reads Persian to the last digit and date
(issue 14): no Latin word outside codes and file names, no Latin digit outside inputs, machine fields
and addresses, no Gregorian month; and no menu item leads to a refusal.

The demo is loaded once for the module into the live server's database. The screen tests carry no
database marker, so pytest-django runs them after every database test, and the module leaves the
database as those tests found it (flushed, Wagtail's root rows back). Screenshots go to
$SANAD_SCREENSHOTS/screens/.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.admin_menu import menu_urls
from tests.browser.persian_screen import SCREEN_TEXT, screen_offences

pytestmark = [pytest.mark.browser]

# The demo's log-ins, one per role (README, «Demo log-ins»); perf_* repeat three of these roles.
ROLES = ["admin", "officer", "confirmer", "approver", "agency", "evaluator", "records", "auditor"]
SIDEBAR = "#wagtail-sidebar-props"
REFUSALS = ("مجوز لازم برای دسترسی به این بخش را ندارید", "اجازه ندارید")


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The live server's address, with the demo loaded in its database for this module's tests."""
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.core.management import call_command
    from pytest_django.live_server_helper import LiveServer

    from tests.browser.conftest import ensure_wagtail_rows

    with django_db_blocker.unblock():
        # A server of the module's own: pytest-django's live_server fixture would make every test of the
        # module a transactional one, whose flush would take the demo away after the first role.
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        try:
            call_command("flush", interactive=False, verbosity=0)
            ensure_wagtail_rows()
            call_command("load_demo", quiet_users=True)
            cache.clear()
            yield server.url, frozenset(get_user_model().objects.values_list("username", flat=True))
        finally:
            call_command("flush", interactive=False, verbosity=0)
            ensure_wagtail_rows()
            cache.clear()
            server._live_server_modified_settings.disable()
            server.stop()


@pytest.mark.django_db
def test_the_screen_test_logs_in_as_every_role_of_the_demo():
    """A new role gets its screens checked too. (Being a database test, this also has pytest-django set
    the test database up when the module runs on its own.)"""
    from accounts.roles import Role
    from home.demo.loader import DEMO_USERS

    covered = {user.role for user in DEMO_USERS if user.username in ROLES and user.role}
    assert covered == set(Role)
    assert any(user.superuser and user.username in ROLES for user in DEMO_USERS)


def log_in(page, base: str, username: str) -> list[str]:
    """Log in through the form; what the log-in page itself shows that it should not."""
    page.goto(base + "/admin/login/")
    found = screen_offences(page.evaluate(SCREEN_TEXT))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("sanad-demo")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    return found


@pytest.mark.parametrize("username", ROLES)
def test_every_screen_of_the_roles_menu_reads_persian(
    demo_site, chromium, screenshot_dir, django_db_blocker, username
):
    base, logins = demo_site
    # The live server's thread reads the database for this test too (no database marker unblocks it).
    with django_db_blocker.unblock():
        check_every_screen(chromium, base, logins, screenshot_dir, username)


# What a first-row link may do that a look must not: only screens that show something are opened.
ACTIONS = re.compile(
    r"delete|unpublish|download|/file/|export|lock|revert|retry|copy|move|convert|approve|reject|release"
    r"|cancel|execute|recall|remove|logout"
)
FIRST_ROW_LINKS = 'main table tbody tr:first-child a[href^="/admin/"]'


def check_every_screen(chromium, base, logins, screenshot_dir, username):
    """The role's menu screens, then the first row of each of their lists (an item's edit, inspect or
    detail screen), each checked and photographed."""
    context = chromium.new_context(locale="fa-IR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    folder = screenshot_dir / "screens"
    folder.mkdir(exist_ok=True)

    def visit(number: int, url: str) -> list[str]:
        response = page.goto(base + url)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(folder / f"{username}-{number:02d}.png"), full_page=True)
        found = screen_offences(page.evaluate(SCREEN_TEXT), logins)
        if response is None or response.status >= 400:
            found.insert(0, f"پاسخ {response.status if response else '—'}")
        body = page.locator("body").inner_text()
        return found + [f"رد دسترسی: «{words}»" for words in REFUSALS if words in body]

    try:
        on_login = log_in(page, base, username)
        props = json.loads(page.locator(SIDEBAR).text_content())
        menu = ["/admin/", *sorted(set(menu_urls(props, [])) - {"/admin/"})]
        problems: dict[str, list[str]] = {"/admin/login/": on_login} if on_login else {}
        items: list[str] = []
        for number, url in enumerate(menu):
            if found := visit(number, url):
                problems[url] = found
            for link in page.eval_on_selector_all(
                FIRST_ROW_LINKS, "els => els.map(e => e.getAttribute('href'))"
            )[:1]:
                if link not in menu and link not in items and not ACTIONS.search(link):
                    items.append(link)
        for number, url in enumerate(items, start=len(menu)):
            if found := visit(number, url):
                problems[url] = found
        print(
            f"\n{username}: {len(menu)} menu screens and {len(items)} item screens, {len(problems)} with problems"
        )
        assert len(menu) >= 5, menu
        assert not problems, "\n".join(
            f"{url}:\n  " + "\n  ".join(found[:15]) for url, found in problems.items()
        )
    finally:
        context.close()
