"""On the demo content, the compound queries of issue 11 §2 find what the seeds write in another way.

The circular (seed 002) writes «بهرهوري» and «آييننامهها و دستورالعملهاي مربوط» joined, the procedure and
the announcements write «بخشنامه»; a reader types them with ZWNJ or a space.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

CIRCULAR = "۳۶۷۷۳/۹۱/۲۱۰"


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", quiet_users=True)


def numbers(client, q: str) -> list[str]:
    response = client.get("/api/search/", {"q": q, "page_size": 100})
    assert response.status_code == 200, response.content.decode()
    return [result["number"] for result in response.json()["results"]]


def count(client, q: str) -> int:
    return client.get("/api/search/", {"q": q}).json()["count"]


def test_the_issues_compound_queries_find_the_demo_documents_in_every_writing(client, demo):
    for q in ("ارتقای بهره‌وری", "ارتقای بهره وری", "ارتقای بهرهوری"):
        assert CIRCULAR in numbers(client, q), q
    for q in ("آیین‌نامه‌ها و دستورالعمل‌های مربوط", "آیین نامه ها و دستورالعمل های مربوط"):
        assert CIRCULAR in numbers(client, q), q
    circulars = {w: count(client, w) for w in ("بخشنامه", "بخش‌نامه", "بخش نامه")}
    assert len(set(circulars.values())) == 1 and circulars["بخشنامه"] > 0, circulars
    assert count(client, "بخشنامه ارزیابی") == count(client, "بخش نامه ارزیابی") > 0
    agreements = {w: count(client, w) for w in ("توافقنامه", "توافق‌نامه", "توافق نامه")}
    assert agreements["توافقنامه"] == agreements["توافق‌نامه"] > 0, agreements
