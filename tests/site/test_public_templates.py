"""The public templates: Persian and right to left, nothing fetched from another host, the paper layout."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string

URL_ATTRIBUTES = {"href", "src", "srcset", "action", "poster", "data", "formaction"}
EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)  # http://, https://, //host


class _Urls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value:
                self.urls.extend(part.strip().split(" ")[0] for part in value.split(","))
            if name == "style" and value:
                self.urls.extend(re.findall(r"url\(\s*['\"]?([^'\")]+)", value))


def parse(html: str) -> _Urls:
    parser = _Urls()
    parser.feed(html)
    return parser


# Dublin Core names its vocabularies by URI (``<link rel="schema.DC" href="http://purl.org/…">``) and may give
# a page's own address as its identifier: names, never fetched by a browser (issue #7 §5).
DUBLIN_CORE = re.compile(
    r'<link rel="schema\.[A-Z]+" href="[^"]*">|<meta name="DC\.[a-z]+" content="[^"]*"[^>]*>'
)


def assert_local(html: str) -> None:
    html = DUBLIN_CORE.sub("", html)
    external = [u for u in parse(html).urls if EXTERNAL.match(u)]
    assert not external, f"requests to other hosts: {external}"
    assert not re.search(r"https?://", html), "an absolute http(s) URL is in the page"


def assert_persian_rtl(html: str) -> None:
    assert re.search(r'<html[^>]*\blang="fa"', html)
    assert re.search(r'<html[^>]*\bdir="rtl"', html)


# --- 500 and 404 --------------------------------------------------------------------------------


def test_500_renders_without_context_or_database():
    """Django's server_error renders 500.html with an empty context; no DB access is allowed here."""
    html = render_to_string("500.html")
    assert_persian_rtl(html)
    assert "خطای سرور" in html
    assert 'href="#main"' in html and 'id="main"' in html
    assert_local(html)


@pytest.mark.django_db
def test_404_is_persian_with_the_site_landmarks(client):
    from tests.factories import site_tree

    site_tree()
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert_persian_rtl(html)
    assert "صفحه پیدا نشد" in html
    tags = parse(html).tags
    assert {"header", "nav", "main", "footer"} <= tags
    assert 'class="skip-link" href="#main"' in html
    assert "روش‌های اجرایی" in html  # the nav lists the home page's live children
    assert_local(html)


# --- only local assets ----------------------------------------------------------------------------


def test_base_template_links_only_local_static_assets():
    source = (Path(settings.SITE_DIR) / "templates" / "base.html").read_text(encoding="utf-8")
    assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", source, re.IGNORECASE)
    assert "{% static 'css/fonts.css' %}" in source and "{% static 'css/sanad.css' %}" in source


@pytest.mark.parametrize("name", ["fonts.css", "sanad.css"])
def test_stylesheets_load_nothing_from_other_hosts(name):
    css = (Path(settings.SITE_DIR) / "static" / "css" / name).read_text(encoding="utf-8")
    assert "@import" not in css
    for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css):
        assert not EXTERNAL.match(url), url
        if name == "fonts.css":
            assert (Path(settings.SITE_DIR) / "static" / "css" / url).resolve().is_file(), url


# --- a controlled procedure laid out as seed 000 ------------------------------------------------------


@pytest.fixture
def seed_procedure(db):
    """Revision 00 of seed 000, imported from paper, with a ditto cell, step ۱۱ twice and linked references."""
    from procedures.models import ExternalReferencePage, IssuingAuthority, ReferenceRelation
    from procedures.services import PaperRevision, import_legacy_revision
    from tests.factories import new_procedure, paper_signers, person, site_tree

    _, procedures, references = site_tree()
    cabinet = IssuingAuthority.objects.create(name="هیأت وزیران")
    regulation = references.add_child(
        instance=ExternalReferencePage(
            title="آیین‌نامه اجرایی مواد ۸۱ و ۸۲ قانون مدیریت خدمات کشوری",
            slug="aeen",
            ref_type="executive_regulation",
            number="۴۲۲۵/۴۴۳۲۷",
            number_aliases="۴۴۳۲۷ / ۴۲۲۵",
            date=dt.date(2010, 4, 3),
            authority=cabinet,
        )
    )
    old_circular = references.add_child(
        instance=ExternalReferencePage(
            title="بخشنامه ۱۳۸۲",
            slug="circ-1382",
            ref_type="circular",
            number="35665/1801",
            date=dt.date(2003, 5, 25),
        )
    )
    new_circular = ExternalReferencePage(
        title="بخشنامه وظایف دفاتر مدیریت عملکرد",
        slug="circ-1391",
        ref_type="circular",
        number="۳۶۷۷۳/۹۱/۲۱۰",
        date=dt.date(2012, 12, 3),
    )
    new_circular.relations.add(ReferenceRelation(kind="replaces", target=old_circular))
    references.add_child(instance=new_circular)

    row = {"collaborator": "", "related_records": "", "flowchart_step": ""}
    page = new_procedure(
        procedures,
        title="ارزیابی عملکرد دستگاه‌های اجرایی استان",
        activities=[
            (
                "activity",
                {
                    **row,
                    "number": "۱",
                    "description": "ابلاغ بخشنامه",
                    "responsible": "سازمان اداری و استخدامی",
                    "flowchart_step": "شروع",
                },
            ),
            ("activity", {**row, "number": "۲", "description": "بررسی برش استانی", "responsible": '"'}),
            ("activity", {**row, "number": "۱۱", "description": "بررسی و امتیاز دهی", "responsible": "ستاد"}),
            ("activity", {**row, "number": "۱۱", "description": "انتقال اطلاعات", "responsible": '"'}),
        ],
        external_documents=[
            (
                "external_document",
                {"reference": None, "title": "فصل یازدهم قانون مدیریت خدمات کشوری", "notes": ""},
            ),
            ("external_document", {"reference": regulation, "title": "", "notes": ""}),
            ("external_document", {"reference": old_circular, "title": "", "notes": ""}),
        ],
    )
    on = dt.date(2016, 12, 25)  # 1395/10/05
    signers = paper_signers(on)
    import_legacy_revision(
        page,
        PaperRevision(0, on, None, "", signers["preparer"], signers["confirmer"], signers["approver"]),
        imported_by=person("quality", None),
        note="نسخه کاغذی ۱۳۹۵",
    )
    page.refresh_from_db()
    return page


def test_procedure_page_follows_the_paper_header(seed_procedure, client):
    response = client.get(seed_procedure.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert_persian_rtl(html)
    assert_local(html)

    # the header block of seed 000
    for text in (
        "کد فرم",
        "م ک-ف-۰۱/۰۰",
        "روش اجرایی",
        "شماره بازنگری",
        "(۰۰)",
        "کد روش اجرایی",
        "م پ-م-۱-۰۴/۰۰",
        "گیرنده سند",
        "تاریخ صدور",
        "۱۳۹۵/۱۰/۰۵",
        "محل کنترل سند",
        "همکار گرامی",
    ):
        assert text in html, text
    assert re.search(r"تاریخ بازنگری</dt>\s*<dd>--</dd>", html)  # a first issue has no revision date
    # the three sign-offs, right to left, as signed on paper
    approver, confirmer, preparer = (
        html.index(n) for n in ("علی هادی چگنی", "فریده بیرانوند", "زینب گودرزی")
    )
    assert approver < confirmer < preparer
    assert html.count("امضای کاغذی") == 3

    # section 5: «"» resolved, marked; step ۱۱ kept twice as stored
    assert html.count('title="همانند ردیف بالا"') == 2
    assert html.count('<td class="num">۱۱</td>') == 2
    # section 7: linked references with their badge, a plain row by title
    assert "فصل یازدهم قانون مدیریت خدمات کشوری" in html
    assert "۴۲۲۵/۴۴۳۲۷" in html and "۱۳۸۹/۰۱/۱۴" in html and "هیأت وزیران" in html
    assert "معتبر" in html and "منسوخ — جایگزین" in html

    # the ways to other revisions
    assert 'action="' + seed_procedure.url + 'in-force/"' in html
    assert 'name="date"' in html and 'placeholder="۱۳۹۶/۰۱/۰۱"' in html
    assert seed_procedure.url + "revisions/" in html


def test_revision_history_and_in_force_pages_render(seed_procedure, client):
    history = client.get(seed_procedure.url + "revisions/").content.decode()
    assert "تاریخچه بازنگری‌ها" in history and "(۰۰)" in history and "صدور نخست" in history

    found = client.get(seed_procedure.url + "in-force/?date=۱۳۹۶/۰۱/۰۱").content.decode()
    assert "۱۳۹۶/۰۱/۰۱" in found and "م پ-م-۱-۰۴/۰۰" in found
    refused = client.get(seed_procedure.url + "in-force/?date=1393/0/20").content.decode()
    assert 'role="alert"' in refused and 'aria-invalid="true"' in refused


def test_external_reference_shows_aliases_and_both_directions(seed_procedure, client):
    from procedures.models import ExternalReferencePage

    regulation = ExternalReferencePage.objects.get(slug="aeen")
    html = client.get(regulation.url).content.decode()
    assert "نگارش دیگر" in html and "۴۴۳۲۷ / ۴۲۲۵" in html and "۱۴ فروردین ۱۳۸۹" in html

    old = client.get(ExternalReferencePage.objects.get(slug="circ-1382").url).content.decode()
    assert "منسوخ — جایگزین" in old and "جایگزین‌شده با" in old
    new = client.get(ExternalReferencePage.objects.get(slug="circ-1391").url).content.decode()
    assert "این سند جایگزین" in new and "۳۵۶۶۵/۱۸۰۱" in new


def test_superseded_revision_is_marked_obsolete_and_links_to_the_current_one(seed_procedure, client):
    from accounts.roles import Role
    from procedures.setup import ensure_signoff_workflow
    from tests.factories import person, site_tree
    from tests.procedures.signoff import sign_through

    home, _, _ = site_tree()
    ensure_signoff_workflow(home)
    sign_through(
        seed_procedure,
        person("preparer", Role.QUALITY_OFFICER, "کارشناس کیفیت"),
        person("confirmer", Role.CONFIRMER, "معاون توسعه مدیریت"),
        person("approver", Role.APPROVER, "رئیس سازمان"),
        change_reason="افزودن فهرست سوابق",
    )

    current = client.get(seed_procedure.url).content.decode()
    assert "(۰۱)" in current and "م پ-م-۱-۰۴/۰۱" in current
    assert "شرح تغییرات" in current and "افزودن فهرست سوابق" in current

    old = client.get(seed_procedure.url + "revisions/0/").content.decode()
    assert "این بازنگری منسوخ است" in old and "معتبر از ۱۳۹۵/۱۰/۰۵ تا" in old
    assert f'href="{seed_procedure.url}"' in old
    assert "افزودن فهرست سوابق" not in old  # revision 00 has no change reason
