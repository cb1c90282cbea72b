"""News (seed 004): read from the seed as published, shown with its Jalali date, number and source, found
by the site search and carried by API v2."""

import datetime as dt

import pytest

from home.demo import seed_text
from news.demo import body_html
from news.models import NewsIndexPage, NewsPage
from tests.factories import site_tree

pytestmark = pytest.mark.django_db


def test_seed_004_is_read_as_published_without_the_source_sites_comment_form():
    item = seed_text.news_item()
    assert (item.date, item.number) == ("22 شهریور 1393", "129153")
    assert item.title == "ضرورت های تدوین نظام جامع مدیریت عملکرد تبیین شد"
    assert item.source == "سپیدارآنلاین — گروه شهری"
    assert item.headings == {"اهداف عملیاتی کارگروه تبیین شد", "ایجاد بانک شاخص های عملکردی"}
    text = " ".join(item.paragraphs)
    assert "چک لیست های نظارتی" in text and "سطوح راهبردی، عملیاتی و اجرایی" in text
    assert item.title not in item.paragraphs  # printed twice in the source, once here
    assert not {"ارسال نظر", "کد امنیتی: *", "نام:*"} & set(item.paragraphs)
    html = body_html(item)
    assert html.count("<h2>") == 2 and html.count("<p>") == 4


def _news(**fields) -> NewsPage:
    home, _, _ = site_tree()
    index = home.add_child(instance=NewsIndexPage(title="اخبار", slug="news"))
    page = index.add_child(
        instance=NewsPage(
            slug=fields.pop("slug", "n1"),
            title=fields.pop("title", "ضرورت‌های تدوین نظام جامع مدیریت عملکرد"),
            published_on=fields.pop("published_on", dt.date(2014, 9, 13)),
            news_number="129153",
            source="سپیدارآنلاین — گروه شهری",
            body="<p>ایجاد بانک شاخص‌های عملکردی و چک‌لیست‌های نظارتی.</p>",
            **fields,
        )
    )
    page.save_revision().publish()
    return NewsPage.objects.get(pk=page.pk)


def test_a_news_page_shows_its_jalali_date_number_and_source(client, settings):
    settings.SANAD_PUBLIC_CACHE_SECONDS = 0
    page = _news()
    html = client.get(page.url).content.decode()
    assert "۲۲ شهریور ۱۳۹۳" in html and "۱۲۹۱۵۳" in html and "سپیدارآنلاین — گروه شهری" in html
    listing = client.get(page.get_parent().url).content.decode()
    assert page.url in listing and "۲۲ شهریور ۱۳۹۳" in listing


def test_news_is_found_by_the_site_search_with_its_spellings_folded(client, settings):
    settings.SANAD_PUBLIC_CACHE_SECONDS = 0
    page = _news()
    response = client.get("/api/search/", {"q": "چك ليست هاي نظارتي"})  # Arabic ي/ك, no ZWNJ
    assert response.status_code == 200
    hits = {hit["id"]: hit for hit in response.json()["results"]}
    assert page.pk in hits and hits[page.pk]["type_label"] == "خبر"


def test_the_api_carries_the_news_body_and_both_dates(client):
    page = _news()
    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert detail["published_on"] == "2014-09-13" and detail["published_on_jalali"] == "۱۳۹۳/۰۶/۲۲"
    assert detail["news_number"] == "129153" and "چک‌لیست‌های نظارتی" in detail["body"]
