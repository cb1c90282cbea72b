"""Levelling and ranking numbers, and the scorecard with the previous year beside it."""

from decimal import Decimal

import pytest

from jalali.digits import to_persian_digits
from records.evaluation import rules, scorecard, services
from records.evaluation.models import FinalResult
from tests.evaluation import factories as ef
from tests.evaluation.flow import review, run_to_final, self_assess

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("total", "maximum", "percent"),
    [
        ("26", "35", "74.29"),
        ("25", "30", "83.33"),
        ("0", "35", "0.00"),
        ("35", "35", "100.00"),
        ("1", "0", "0.00"),
        ("2", "3", "66.67"),
    ],
)
def test_percentage_is_rounded_half_up_to_two_decimals(total, maximum, percent):
    assert rules.percentage(Decimal(total), Decimal(maximum)) == Decimal(percent)


@pytest.mark.parametrize(
    ("percent", "tier"),
    [
        ("100", "عالی"),
        ("90.00", "عالی"),
        ("89.99", "خیلی خوب"),
        ("75", "خیلی خوب"),
        ("74.99", "خوب"),
        ("60", "خوب"),
        ("45", "متوسط"),
        ("44.99", "ضعیف"),
        ("0", "ضعیف"),
    ],
)
def test_tier_thresholds(percent, tier):
    assert rules.tier_for(Decimal(percent)) == tier


def test_equal_percentages_share_a_rank_and_the_next_rank_skips():
    values = [Decimal("80"), Decimal("95"), Decimal("80"), Decimal("60")]
    assert rules.competition_ranks(values) == [2, 1, 2, 4]


def test_standings_from_totals_are_ordered_by_rank():
    rows = rules.standings(
        {
            7: (Decimal("26"), Decimal("35")),
            3: (Decimal("25"), Decimal("30")),
            9: (Decimal("50"), Decimal("60")),
        }
    )
    assert [(s.agency_id, s.rank, s.percent, s.tier) for s in rows] == [
        (3, 1, Decimal("83.33"), "خیلی خوب"),
        (9, 1, Decimal("83.33"), "خیلی خوب"),
        (7, 3, Decimal("74.29"), "خوب"),
    ]


def test_final_results_are_computed_from_the_scores(cycle, agencies, people):
    """A: 7 + 14 + 4 = 25 of 35 (its own specific indicator counts) → 71.43٪ «خوب», rank 2;
    B: 9 + 16 = 25 of 30 → 83.33٪ «خیلی خوب», rank 1."""
    run_to_final(cycle, agencies, people)
    rows = {r.agency.code: r for r in FinalResult.objects.filter(cycle=cycle).select_related("agency")}
    assert (
        rows["A01"].total,
        rows["A01"].maximum,
        rows["A01"].percent,
        rows["A01"].tier,
        rows["A01"].rank,
    ) == (
        Decimal("25.00"),
        Decimal("35.00"),
        Decimal("71.43"),
        "خوب",
        2,
    )
    assert (
        rows["B01"].total,
        rows["B01"].maximum,
        rows["B01"].percent,
        rows["B01"].tier,
        rows["B01"].rank,
    ) == (
        Decimal("25.00"),
        Decimal("30.00"),
        Decimal("83.33"),
        "خیلی خوب",
        1,
    )


def test_scorecard_puts_the_previous_year_beside_each_indicator(
    index, procedure, series, agencies, bank, people
):
    """GIVEN a final previous-year cycle and this year's cycle using the same bank indicators
    WHEN A's scorecard is built THEN each row carries last year's score of the same indicator."""
    previous = ef.cycle(
        index,
        procedure,
        year=ef.YEAR - 1,
        opened_on=ef.day(-380),
        agencies=agencies.values(),
        series=series,
        slug="previous",
    )
    services.issue_indicators(previous, bank.values(), by=people["evaluator"], today=ef.day(-35))
    run_to_final(previous, agencies, people)
    # the bank changes between the years: g2's maximum doubles; the old cycle keeps its snapshot
    bank["g2"].max_score = Decimal("40")
    bank["g2"].save()
    current = ef.cycle(
        index,
        procedure,
        year=ef.YEAR,
        opened_on=ef.day(-40),
        agencies=agencies.values(),
        series=series,
        slug="current",
    )
    services.issue_indicators(current, [bank["g1"], bank["g2"]], by=people["evaluator"], today=ef.day(-35))
    self_assess(current, agencies["a"], people["a_user"], {"ع-۱": "9", "ع-۲": "30"})
    review(current, agencies["a"], people["evaluator"], {"ع-۱": "9", "ع-۲": "28"})

    card = scorecard.build(current, agencies["a"])
    rows = {r.indicator.code: r for r in card.rows}
    assert set(rows) == {"ع-۱", "ع-۲"}
    assert (rows["ع-۱"].score, rows["ع-۱"].previous, rows["ع-۱"].maximum) == (
        Decimal("9.00"),
        Decimal("7.00"),
        Decimal("10.00"),
    )
    assert (rows["ع-۲"].maximum, rows["ع-۲"].previous, rows["ع-۲"].previous_maximum) == (
        Decimal("40.00"),
        Decimal("14.00"),
        Decimal("20.00"),
    )
    assert (card.total, card.maximum, card.percent, card.tier, card.rank) == (
        Decimal("37.00"),
        Decimal("50.00"),
        Decimal("74.00"),
        "خوب",
        None,
    )
    assert card.previous_result.percent == Decimal("71.43") and card.previous_result.rank == 2
    assert previous.indicators.get(code="ع-۲").max_score == Decimal("20.00")
    svg = str(card.chart())
    assert svg.startswith("<svg") and "<script" not in svg
    assert svg.count("<rect") >= 2 * 3 and f"سال {to_persian_digits(ef.YEAR - 1)}" in svg


def test_the_printable_scorecard_renders_table_chart_and_formula(client, cycle, agencies, people):
    run_to_final(cycle, agencies, people)
    client.force_login(people["a_user"])
    response = client.get(f"/admin/evaluation/cycles/{cycle.pk}/agencies/{agencies['a'].pk}/scorecard/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "کارنامه عملکرد" in html and "<svg" in html and "@page" not in html
    assert "۷۱٫۴۳" in html or "۷۱.۴۳" in html
    assert "رتبه" in html and "روش محاسبه" in html and "window.print()" in html
