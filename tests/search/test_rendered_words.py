"""Every word a reader sees on a page finds that page (issue 11 §1).

Each searchable page type is built with the factories (``rendered_pages``) and rendered as a reader gets
it. The words of its main content — less the site's chrome, navigation, breadcrumbs, status banners,
links to other documents (``data-search="elsewhere"``: found on their own pages) and the words the same
template shows for a bare page of the type (headings, labels) — must each find the page through the
configured search backend and, for the types in the site search, through ``/api/search/`` and
``/search/``. A field added to a template but not to ``search_fields`` fails here.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from wagtail.search.backends import get_search_backend

from search.normalise import normalise
from tests.search import rendered_pages

pytestmark = pytest.mark.django_db

#: Function words too common to prove anything; every other word of the page must find it.
STOP_WORDS = frozenset(
    normalise(w).strip()
    for w in [
        "از",
        "به",
        "با",
        "در",
        "و",
        "که",
        "را",
        "این",
        "آن",
        "برای",
        "تا",
        "بر",
        "یا",
        "هر",
        "است",
        "شد",
        "شده",
        "شود",
        "می",
        "نیز",
        "پس",
        "پیش",
        "اگر",
        "هم",
        "همه",
    ]
)
#: Elements whose text is not the page's own: the site's frame, the document's status and tools, and
#: lists of other documents (each found by its own page).
SKIP_TAGS = frozenset({"script", "style", "nav", "form", "template", "button", "select", "label"})
SKIP_CLASSES = frozenset({"breadcrumb", "banner", "doc-tools", "visually-hidden", "print-only", "skip-link"})
VOID_TAGS = frozenset({"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area"})
WORD = re.compile(r"[^\W\d_]{2,}")


class _MainText(HTMLParser):
    """The text of ``<main>`` outside the skipped elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: is it (or an ancestor) skipped?
        self.in_main = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            return
        attrs = dict(attrs)
        if tag == "main":
            self.in_main += 1
        skipped = bool(self.stack and self.stack[-1]) or (
            tag in SKIP_TAGS
            or attrs.get("data-search") == "elsewhere"
            or bool(SKIP_CLASSES & set((attrs.get("class") or "").split()))
        )
        self.stack.append(skipped)

    def handle_endtag(self, tag):
        if tag in VOID_TAGS or not self.stack:
            return
        self.stack.pop()
        if tag == "main":
            self.in_main -= 1

    def handle_data(self, data):
        if self.in_main and not (self.stack and self.stack[-1]):
            self.parts.append(data)


def page_words(html: str) -> set[str]:
    parser = _MainText()
    parser.feed(html)
    text = normalise(" ".join(parser.parts))
    return {w for w in WORD.findall(text) if w not in STOP_WORDS}


def rendered(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# (builder, in the site search /search/ and /api/search/)
PAGE_TYPES = {
    "procedure": (rendered_pages.procedure, True),
    "service_statement": (rendered_pages.statement, True),
    "external_reference": (rendered_pages.reference, True),
    "announcement": (rendered_pages.announcement, True),
    "archived_announcement": (rendered_pages.archived_announcement, True),
    "news": (rendered_pages.news, True),
    "evaluation_cycle": (rendered_pages.cycle, False),
    "indicator": (rendered_pages.indicator, False),
    "retention_series": (rendered_pages.retention_series, False),
}


def distinctive_words(client: Client, build) -> tuple[rendered_pages.Built, set[str]]:
    bare = build(full=False)
    full = build(full=True)
    template_words = page_words(rendered(client, bare.url))
    words = page_words(rendered(client, full.url)) - template_words
    return full, words


def _api_ids(client: Client, word: str) -> set[int]:
    response = client.get("/api/search/", {"q": word, "page_size": 100})
    assert response.status_code == 200, (word, response.content[:300])
    return {hit["id"] for hit in response.json()["results"]}


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_every_rendered_word_finds_its_page(kind, settings):
    settings.SANAD_PUBLIC_CACHE_SECONDS = 0
    build, in_site_search = PAGE_TYPES[kind]
    client = Client()
    built, words = distinctive_words(client, build)
    page = built.page
    assert len(words) >= 8, f"{kind}: too few words rendered to prove anything: {sorted(words)}"

    backend = get_search_backend()
    own_entry = type(page).objects.filter(pk=page.pk)
    missing_backend = sorted(w for w in words if not list(backend.search(w, own_entry)))
    assert not missing_backend, f"{kind}: shown on the page but not in its index entry: {missing_backend}"

    if in_site_search:
        missing_api = sorted(w for w in words if page.pk not in _api_ids(client, w))
        assert not missing_api, f"{kind}: /api/search/ does not find the page by: {missing_api}"
        # The search page itself, for a few of them: the hit links to the page.
        for word in sorted(words)[:3]:
            assert f'href="{page.url or built.url}"' in rendered(client, f"/search/?q={word}&page_size=100")


def test_words_of_the_demo_report_find_their_pages(settings):
    """The three searches of issue 11 that found nothing on the demo."""
    settings.SANAD_PUBLIC_CACHE_SECONDS = 0
    client = Client()
    procedure = rendered_pages.procedure(full=True).page
    statement = rendered_pages.statement(full=True).page
    assert procedure.pk in _api_ids(client, "لرستان")
    assert procedure.pk in _api_ids(client, "مسئولیت نظارت بر حسن اجرا")
    assert statement.pk in _api_ids(client, "خاتمه توافقنامه")
    # Section headings are indexed with the sections they head: the heading as a phrase finds it.
    assert procedure.pk in _api_ids(client, '"مسئولیت نظارت بر حسن اجرا"')
    assert statement.pk in _api_ids(client, '"خاتمه توافق‌نامه"')


def test_the_word_extractor_keeps_content_and_drops_chrome():
    html = (
        '<header>سربرگ</header><main><p class="breadcrumb">تابلو</p><h1>عنوان‌ویژه</h1>'
        '<div class="banner">منسوخ</div><ul data-search="elsewhere"><li>دیگری</li></ul>'
        "<p>متن<br>اصلی و از</p><script>کد</script></main><footer>پانویس</footer>"
    )
    assert page_words(html) == set(normalise("عنوان‌ویژه متن اصلی").split())


def test_an_extension_granted_after_publication_reindexes_its_cycle(settings):
    """Extensions are written after the cycle is published; their letter and reason find it at once."""
    settings.SANAD_PUBLIC_CACHE_SECONDS = 0
    from records.evaluation.models import CycleExtension
    from tests.factories import person

    cycle = rendered_pages.cycle(full=True).page
    backend = get_search_backend()
    own_entry = type(cycle).objects.filter(pk=cycle.pk)
    assert not list(backend.search("کرونا", own_entry))
    phase = cycle.phases.get(kind="self_assessment")
    CycleExtension.objects.create(
        cycle=cycle,
        phase="self_assessment",
        previous_end=phase.ends_on,
        new_end=phase.ends_on + dt.timedelta(days=10),
        letter_number="۷۴۹۰۱۴",
        letter_date=phase.ends_on,
        reason="شیوع بیماری کرونا",
        granted_by=person("extension-officer", None),
    )
    assert list(backend.search("کرونا", own_entry))
    assert "کرونا" in Client().get(cycle.url).content.decode()
