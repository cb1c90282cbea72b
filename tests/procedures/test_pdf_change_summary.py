"""The PDF of a revision ends with «خلاصه تغییرات»: what it changed against the revision before (issue 13 §4)."""

from __future__ import annotations

import pytest

from procedures.models import ProcedurePage
from tests.procedures.revisions import first_issue, second_revision
from tests.procedures.test_pdf_render import has_value, needs_poppler, page_texts, plain, reads, render

pytestmark = [needs_poppler, pytest.mark.django_db]


@pytest.fixture
def page(tree, workflow, people):
    page = first_issue(tree, people)
    second_revision(page, tree, people)
    return ProcedurePage.objects.get(pk=page.pk)


def test_the_pdf_of_revision_01_ends_with_its_change_summary(page):
    # pdftotext rebuilds right-to-left lines with digits and brackets moved, ZWNJ dropped and «لا» as
    # «ال»: each line is checked for its words and digit groups (``has_value``), not as one string.
    pages = page_texts(render(page, 1))
    last = pages[-1]
    assert reads(last, "خلاصه تغییرات")
    assert has_value(last, "نسبت به بازنگری", "(۰۱) (۰۰) م پ-م-۱-۰۴/۰۰")
    assert has_value(last, "تغییر کرد", "بخش هدف ۱")
    assert has_value(last, "ردیف افزوده", "شرح فعالیت‌ها ۵ ۱ ۴ بررسی مستندات و امتیازدهی")
    assert has_value(last, "ردیف حذف", "شرح فعالیت‌ها ۵ ۱ ۲ برگزاری جلسه توجیهی")
    assert has_value(last, "ردیف تغییریافته", "شرح فعالیت‌ها ۳ خودارزیابی و بارگذاری مستندات")
    assert has_value(last, "ردیف افزوده", "فهرست مستندات ۷ آیین‌نامه ارزیابی ۱۲۳/۴۵")
    assert has_value(last, "شرح تغییرات", "ردیف ۴ افزوده و ردیف ۲ حذف شد")
    assert not any(reads(text, "خلاصه تغییرات") for text in pages[:-1])  # at the end, once
    assert not any(
        reads(text, "متن تغییرات نسبت به بازنگری") for text in pages
    )  # the page's link is not printed
    flat = " ".join(plain(last).split())
    assert flat.index("پیوستها") < flat.index("خالصه تغییرات")  # after the document's last section


def test_the_pdf_of_revision_00_says_it_is_the_first_issue(page):
    last = page_texts(render(page, 0))[-1]
    assert reads(last, "خلاصه تغییرات")
    assert reads(last, "این بازنگری صدور نخست سند است و بازنگری پیشینی ندارد.")
    assert "ردیف افزوده" not in last and "نسبت به بازنگری" not in last
