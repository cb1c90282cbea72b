"""A small corpus for collections: circulars of 1397–1398 from two authorities, a letter, a law, one circular
behind a log-in restriction, and a draft. Built once per module; each test runs in its own savepoint."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.db import transaction
from django.http import QueryDict
from wagtail.models import Page, PageViewRestriction

from jalali.calendar import parse_jalali
from tests.factories import site_tree
from tests.search.search_corpus import publish, reference

AEO = "سازمان اداری و استخدامی کشور"
MINISTRY = "وزارت آموزش و پرورش"
#: «circulars of 1398 from the national administrative and employment organisation, in force»
IN_FORCE_QUERY = "type=circular&authority={aeo}&year=۱۳۹۸&status=in_force"


@dataclass
class Corpus:
    home: Page
    references: Page
    aeo: object
    ministry: object
    circular_761847: Page
    circular_712669: Page
    ministry_circular: Page
    circular_1397: Page
    letter: Page
    law: Page
    staff_circular: Page
    draft: Page

    def query(self, text: str = IN_FORCE_QUERY) -> QueryDict:
        return QueryDict(text.format(aeo=self.aeo.pk, ministry=self.ministry.pk))


def build_corpus() -> Corpus:
    from home.models import SectionIndexPage
    from procedures.models import ExternalReferencePage, IssuingAuthority

    home, _, references = site_tree()
    aeo, _ = IssuingAuthority.objects.get_or_create(name=AEO)
    ministry, _ = IssuingAuthority.objects.get_or_create(name=MINISTRY)
    circular_761847 = reference(
        references,
        "circular-761847",
        title="بخشنامه ارزیابی عملکرد سال ۱۳۹۸",
        ref_type="circular",
        number="761847",
        date="27/12/1398",
        authority=aeo,
        summary="تهیه مستندات لازم و قابل دفاع براساس زمان‌بندی اعلام‌شده.",
    )
    circular_712669 = reference(
        references,
        "circular-712669",
        title="بخشنامه به‌روزرسانی شاخص‌های اختصاصی سال ۱۳۹۹",
        ref_type="circular",
        number="712669",
        date="07/12/1398",
        authority=aeo,
    )
    ministry_circular = reference(
        references,
        "circular-24-189975-110",
        title="بخشنامه فرایند ارزیابی عملکرد سال ۱۳۹۸ دستگاه آموزش و پرورش",
        ref_type="circular",
        number="24/189975/110",
        date="23/10/1398",
        authority=ministry,
    )
    circular_1397 = reference(
        references,
        "circular-1397",
        title="بخشنامه ارزیابی عملکرد سال ۱۳۹۷",
        ref_type="circular",
        number="۱۱۱۲۲۲",
        date="15/11/1397",
        authority=aeo,
    )
    letter = reference(
        references,
        "letter-749014",
        title="موافقت با تمدید فرایندهای ارزیابی عملکرد به سبب شیوع کرونا",
        ref_type="letter",
        number="749014",
        date="24/12/1398",
        authority=aeo,
    )
    law = reference(
        references,
        "law-81",
        title="فصل یازدهم قانون مدیریت خدمات کشوری - ارزیابی عملکرد",
        ref_type="law",
    )
    staff = home.add_child(instance=SectionIndexPage(title="داخلی", slug="staff"))
    PageViewRestriction.objects.create(page=staff, restriction_type=PageViewRestriction.LOGIN)
    staff_circular = reference(
        staff,
        "staff-circular",
        title="بخشنامه داخلی ارزیابی عملکرد کارکنان",
        ref_type="circular",
        number="۳۳۳۴۴۴",
        date="01/06/1398",
        authority=aeo,
    )
    draft = ExternalReferencePage(
        slug="draft-circular",
        title="پیش‌نویس بخشنامه ارزیابی",
        ref_type="circular",
        number="۵۵۵/۴۴",
        date=parse_jalali("01/02/1398"),
        authority=aeo,
        live=False,
    )
    references.add_child(instance=draft)
    draft.save_revision()
    return Corpus(
        home=home,
        references=references,
        aeo=aeo,
        ministry=ministry,
        circular_761847=circular_761847,
        circular_712669=circular_712669,
        ministry_circular=ministry_circular,
        circular_1397=circular_1397,
        letter=letter,
        law=law,
        staff_circular=staff_circular,
        draft=draft,
    )


@pytest.fixture(scope="module")
def shared_corpus(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_corpus()
        transaction.set_rollback(True)


@pytest.fixture
def corpus(shared_corpus, db):
    return shared_corpus


@pytest.fixture
def collection_from(corpus):
    """``collection_from("type=circular&…", title=…)``: a published collection under home, made the way the
    «ذخیره به‌عنوان مجموعه» view makes it (the query string read by the search's parser)."""
    from smartfolders.filters import prefill_from_query
    from smartfolders.models import SavedSearchPage

    def make(text: str = IN_FORCE_QUERY, title: str = "بخشنامه‌های ۱۳۹۸ سازمان اداری و استخدامی", **fields):
        values, errors = prefill_from_query(corpus.query(text))
        assert not errors, [e.message for e in errors]
        page = SavedSearchPage(title=title, **{**values, **fields})
        corpus.home.add_child(instance=page)
        return publish(page)

    return make
