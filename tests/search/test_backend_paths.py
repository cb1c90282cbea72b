"""The normaliser on the search paths Sanad does not own: Wagtail API v2 and the Wagtail admin.

On the demo content: circular 002 is typed with Arabic ي/ك («كميسيون», «شكايات», «دستگاههاي», and its
title «… مديريت عملكرد»), and a query typed with Persian letters, ZWNJ or a space must still find it.
"""

from __future__ import annotations

import pytest

from procedures.models import ExternalReferencePage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CIRCULAR_002 = "circular-36773-91-210"


@pytest.fixture
def demo(shared_demo, db):
    return ExternalReferencePage.objects.get(slug=CIRCULAR_002)


def api_titles(client, query: str) -> list[str]:
    response = client.get("/api/v2/pages/", {"search": query, "fields": "title"})
    assert response.status_code == 200, response.content[:500]
    return [item["title"] for item in response.json()["items"]]


# load_demo takes a while, so the module shares one demo (tests/conftest.py) and each test walks several
# queries over it.


def test_api_v2_search_finds_the_arabic_typed_circular_with_persian_queries(client, demo):
    for query in ["وظایف", "کمیسیون", "شکایات", "دستگاه‌های مشمول", "دستگاه های مشمول", "دستگاههای مشمول"]:
        assert demo.title in api_titles(client, query), query
    # words found together only in the circular find only the circular (the demo's constitution
    # names another «کمیسیون»)
    assert api_titles(client, "کمیسیون امور اجتماعی") == [demo.title]
    assert api_titles(client, "کمیسیونهای‌ناموجود") == []


def test_admin_page_search_finds_the_circular_by_its_arabic_typed_title(client, demo):
    client.force_login(UserFactory(username="search-admin", is_staff=True, is_superuser=True))

    def listed(query: str) -> bool:
        response = client.get("/admin/pages/search/", {"q": query})
        assert response.status_code == 200
        return demo.title in response.content.decode()

    # The admin's page search gives /search/'s answer (search.admin_search), then titles a typed prefix
    # begins; this title is typed with Arabic ي/ك.
    for query in ["مدیریت عملکرد", "دفاتر مدیریت عملک", "وظایف", "مُدیریت"]:
        assert listed(query), query
    assert listed("کمیسیون")  # a word of its text, as on /search/
    assert not listed("کمیسیونهای‌ناموجود")
