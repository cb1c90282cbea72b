"""The indicator bank (seed 004): kinds and owners, carried from year to year with its changes kept."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from records.evaluation import services
from records.evaluation.choices import IndicatorKind
from records.evaluation.models import Indicator
from records.evaluation.rules import EvaluationRuleViolation
from tests.evaluation import factories as ef

pytestmark = pytest.mark.django_db


def test_a_specific_indicator_belongs_to_one_agency_and_a_general_one_to_none(agencies):
    orphan = Indicator(
        code="خ-۹",
        title="اختصاصی بی‌صاحب",
        kind=IndicatorKind.SPECIFIC,
        max_score=Decimal(5),
        evidence_required="x",
    )
    with pytest.raises(ValidationError, match="دستگاه صاحب"):
        orphan.full_clean()
    owned_general = Indicator(
        code="ع-۹",
        title="عمومی",
        kind=IndicatorKind.GENERAL,
        max_score=Decimal(5),
        evidence_required="x",
        owner=agencies["a"],
    )
    with pytest.raises(ValidationError, match="فقط شاخص اختصاصی"):
        owned_general.full_clean()


def test_indicators_are_issued_before_self_assessment_and_stay_once_answered(cycle, agencies, people, bank):
    extra = ef.indicator("ع-۳", "5")
    with pytest.raises(EvaluationRuleViolation, match="آغاز شده است"):
        services.issue_indicators(cycle, [extra], by=people["evaluator"], today=ef.day(0))
    services.save_answer(
        cycle,
        agencies["a"],
        cycle.indicators.get(code="ع-۱"),
        by=people["a_user"],
        self_score="1",
        today=ef.day(0),
    )
    with pytest.raises(EvaluationRuleViolation, match="پاسخ یا امتیاز"):
        services.withdraw_indicator(
            cycle.indicators.get(code="ع-۱"), by=people["evaluator"], today=ef.day(-40)
        )
    with pytest.raises(EvaluationRuleViolation, match="ارزیابان"):
        services.issue_indicators(cycle, [extra], by=people["a_user"], today=ef.day(-40))


def test_the_bank_keeps_every_change_and_the_public_pages_show_them(client, cycle, bank, people):
    g2 = bank["g2"]
    g2.max_score = Decimal("25")
    g2._change_reason = "وزن بیشتر در سال بعد"
    g2.save()
    assert [h.max_score for h in g2.history.order_by("history_date")] == [Decimal("20.00"), Decimal("25.00")]
    assert cycle.indicators.get(code="ع-۲").max_score == Decimal("20.00")  # the issued snapshot stays
    index = cycle.get_parent().specific
    bank_page = client.get(f"{index.url}indicators/")
    assert bank_page.status_code == 200 and "ع-۲" in bank_page.content.decode()
    detail = client.get(f"{index.url}indicators/{g2.pk}/").content.decode()
    assert "حداکثر امتیاز" in detail and cycle.title in detail and "۲۵" in detail
    assert client.get(f"{index.url}indicators/999999/").status_code == 404
