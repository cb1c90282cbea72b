"""The admin's own dates (Wagtail's «human readable date» with its tooltip) are Jalali with Persian digits,
and every admin tab is titled with the system's name, not Wagtail's (issue 14)."""

import json
import re

import pytest
from django.contrib.auth import get_user_model

from tests.factories import site_tree

pytestmark = pytest.mark.django_db

GREGORIAN_MONTHS = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر)\b"
)
TOOLTIP = re.compile(r'data-w-tooltip-content-value="([^"]*)"')


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("root", "root@example.com", "x")
    client.force_login(user)
    return client


def test_the_page_explorer_dates_and_their_tooltips_are_jalali(admin_client):
    home, procedures, _ = site_tree()
    procedures.save_revision().publish()
    html = admin_client.get(f"/admin/pages/{home.pk}/").content.decode()
    tooltips = [t for t in TOOLTIP.findall(html) if "ساعت" in t or re.search(r"\d", t)]
    assert tooltips, "the explorer shows no dated row"
    for tip in tooltips:
        assert not GREGORIAN_MONTHS.search(tip), tip
        assert not re.search(r"[0-9]", tip), f"Latin digits in {tip!r}"
        assert re.search(r"[۰-۹]{4}", tip), tip  # a Jalali year, «۱۴۰۵»


def test_admin_tabs_are_titled_with_the_systems_name(admin_client):
    html = admin_client.get("/admin/").content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title.strip().endswith("- سند") and "Wagtail" not in title


def test_boolean_columns_say_yes_and_no_in_persian(admin_client):
    from tests.evaluation import factories as ef

    ef.agency("A01", "اداره کل الف")
    ef.agency("B01", "اداره کل ب", active=False)
    html = admin_client.get("/admin/snippets/evaluation/agency/").content.decode()
    assert re.search(r">\s*بله\s*<", html) and re.search(r">\s*خیر\s*<", html)
    visible = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    assert not re.search(r">\s*(True|False)\s*<", visible)


def test_the_dashboard_counts_pages_documents_and_images_in_persian_digits(admin_client):
    site_tree()
    html = admin_client.get("/admin/").content.decode()
    summary = html[html.index('class="w-summary') : html.index("</section>", html.index('class="w-summary'))]
    counts = re.findall(r"<a [^>]*>\s*([^<]+?)\s*<", summary)
    assert len(counts) == 3, counts
    for text in counts:
        assert re.match(r"[۰-۹]+ ", text) and not re.search(r"[0-9]", text), text


def test_listing_cells_show_codes_and_scores_in_persian_digits(admin_client):
    from tests.evaluation import factories as ef

    owner = ef.agency("301", "اداره کل بهزیستی")
    ef.indicator("خ-۳۰۱", "12.5", kind="specific", owner=owner)
    agencies = admin_client.get("/admin/snippets/evaluation/agency/").content.decode()
    assert re.search(r'<span id="snippet_\d+_title">۳۰۱</span>', agencies)  # the id stays Latin
    bank = admin_client.get("/admin/snippets/evaluation/indicator/").content.decode()
    assert "۱۲٫۵۰" in bank or "۱۲.۵۰" in bank
    assert "12.50" not in bank


def test_the_help_menu_names_neither_wagtail_nor_its_version(admin_client):
    html = admin_client.get("/admin/").content.decode()
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    shown = []

    def collect(node):
        if isinstance(node, dict):
            shown.extend(str(node[k]) for k in ("label", "footer_text") if node.get(k))
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(json.loads(props.group(1)))
    labels = " | ".join(shown)
    assert "راهنمای ویرایش صفحه‌ها (به انگلیسی)" in labels
    assert "واگتیل" not in labels and "Wagtail" not in labels and "8.0" not in labels
