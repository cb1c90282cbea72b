"""Seed 004 as written: monitoring levels (راهبردی / عملیاتی / اجرایی) and supervisory checklists per
indicator, used by the bank, the cycle's snapshot, the scorecard and the API; seed 002's three levels."""

from decimal import Decimal

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from records.evaluation import scorecard, services
from records.evaluation.choices import ChecklistQuestionKind, IndicatorLevel, MonitoringLevel
from records.evaluation.models import ChecklistQuestion, Indicator
from tests.evaluation import factories as ef
from tests.evaluation.flow import review, self_assess

pytestmark = pytest.mark.django_db


def _with_checklist(indicator: Indicator, *questions: tuple[str, str]) -> Indicator:
    indicator.checklist = [ChecklistQuestion(kind=kind, question=text) for kind, text in questions]
    indicator.save()
    return indicator


def test_the_levels_are_named_as_seeds_002_and_004_name_them():
    assert IndicatorLevel.labels == ["سازمان", "مدیران", "کارمندان"]  # seed 002 clause 1
    assert MonitoringLevel.labels == ["راهبردی", "عملیاتی", "اجرایی"]  # seed 004
    assert ChecklistQuestionKind.labels == ["پرسش راهبردی", "پرسش اجرایی"]  # seed 004
    assert "002" in IndicatorLevel.__doc__ and "004" in MonitoringLevel.__doc__


def test_a_checklist_change_is_a_version_of_the_indicator_with_the_questions_in_it(bank):
    indicator = bank["g1"]
    versions = indicator.history.count()
    _with_checklist(indicator, (ChecklistQuestionKind.STRATEGIC, "آیا برنامه راهبردی مصوب است؟"))
    indicator.refresh_from_db()
    assert indicator.history.count() == versions + 1
    assert indicator.history.first().checklist_record == [
        {"kind": "strategic", "question": "آیا برنامه راهبردی مصوب است؟"}
    ]
    assert indicator.history.all()[1].checklist_record == []


def test_an_issued_cycle_keeps_the_level_and_checklist_it_was_issued_with(
    index, procedure, series, agencies, people
):
    indicator = ef.indicator("ع-۵۰", "10", monitoring_level=MonitoringLevel.STRATEGIC)
    _with_checklist(
        indicator,
        (ChecklistQuestionKind.STRATEGIC, "پرسش راهبردی نخست"),
        (ChecklistQuestionKind.EXECUTIVE, "پرسش اجرایی نخست"),
    )
    page = ef.cycle(index, procedure, year=ef.YEAR, agencies=[agencies["a"]], series=series)
    (issued,) = services.issue_indicators(page, [indicator], by=people["evaluator"], today=ef.day(-35))

    indicator.monitoring_level = MonitoringLevel.EXECUTIVE
    _with_checklist(indicator, (ChecklistQuestionKind.EXECUTIVE, "پرسشی که بعدها افزوده شد"))

    issued.refresh_from_db()
    assert issued.monitoring_level == "strategic" and issued.get_monitoring_level_display() == "راهبردی"
    assert [(q["kind_label"], q["question"]) for q in issued.checklist_questions()] == [
        ("پرسش راهبردی", "پرسش راهبردی نخست"),
        ("پرسش اجرایی", "پرسش اجرایی نخست"),
    ]


def test_the_scorecard_totals_each_monitoring_level_in_seed_004s_order(
    index, procedure, series, agencies, people
):
    strategic = ef.indicator("ع-۶۱", "10", monitoring_level=MonitoringLevel.STRATEGIC)
    executive_1 = ef.indicator("ع-۶۲", "20", monitoring_level=MonitoringLevel.EXECUTIVE)
    executive_2 = ef.indicator("ع-۶۳", "10", monitoring_level=MonitoringLevel.EXECUTIVE)
    page = ef.cycle(index, procedure, year=ef.YEAR, agencies=[agencies["a"]], series=series)
    services.issue_indicators(
        page, [executive_1, strategic, executive_2], by=people["evaluator"], today=ef.day(-35)
    )
    self_assess(page, agencies["a"], people["a_user"], {"ع-۶۱": "8", "ع-۶۲": "15", "ع-۶۳": "5"})
    review(page, agencies["a"], people["evaluator"], {"ع-۶۱": "7", "ع-۶۲": "12", "ع-۶۳": "6"})

    levels = scorecard.build(page, agencies["a"]).by_monitoring_level()
    assert [(lv.label, lv.indicators, lv.maximum, lv.total, lv.percent) for lv in levels] == [
        ("راهبردی", 1, Decimal("10.00"), Decimal("7.00"), Decimal("70.00")),
        ("اجرایی", 2, Decimal("30.00"), Decimal("18.00"), Decimal("60.00")),
    ]


def test_the_printed_scorecard_shows_the_per_level_table(client, cycle, agencies, people):
    client.force_login(people["evaluator"])
    response = client.get(f"/admin/evaluation/cycles/{cycle.pk}/agencies/{agencies['a'].pk}/scorecard/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "به تفکیک سطح پایش" in html and "عملیاتی" in html  # the fixtures' bank is operational by default


def test_an_officer_adds_checklist_questions_in_the_indicator_editor(client, bank, people):
    indicator = bank["g1"]
    client.force_login(people["evaluator"])
    url = f"/admin/snippets/evaluation/indicator/edit/{indicator.pk}/"
    assert "چک‌لیست نظارتی" in client.get(url).content.decode()
    data = nested_form_data(
        {
            "code": indicator.code,
            "title": indicator.title,
            "kind": indicator.kind,
            "level": IndicatorLevel.MANAGERS,
            "monitoring_level": MonitoringLevel.STRATEGIC,
            "max_score": "10",
            "evidence_required": indicator.evidence_required,
            "description": "",
            "active": "on",
            "checklist": inline_formset(
                [
                    {"kind": "strategic", "question": "آیا هدف‌ها با برنامه راهبردی هم‌راستاست؟"},
                    {"kind": "executive", "question": "آیا گزارش فصلی در موعد رسیده است؟"},
                ]
            ),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    indicator.refresh_from_db()
    assert indicator.monitoring_level == "strategic" and indicator.level == "managers"
    assert [q.question for q in indicator.checklist.all()] == [
        "آیا هدف‌ها با برنامه راهبردی هم‌راستاست؟",
        "آیا گزارش فصلی در موعد رسیده است؟",
    ]
    assert len(indicator.history.first().checklist_record) == 2


def test_the_public_bank_page_and_api_show_level_and_checklist(client, index, bank):
    _with_checklist(bank["g2"], (ChecklistQuestionKind.EXECUTIVE, "آیا صورت‌جلسه کمیته امضا شده است؟"))
    html = client.get(f"{index.url}indicators/{bank['g2'].pk}/").content.decode()
    assert "سطح پایش" in html and "عملیاتی" in html
    assert "پرسش اجرایی:" in html and "آیا صورت‌جلسه کمیته امضا شده است؟" in html
    changes = html.split("<h2>تغییرات</h2>")[1]
    assert "چک‌لیست نظارتی" in changes  # the checklist's change is a change of the indicator
    assert "سطح پایش" in client.get(f"{index.url}indicators/").content.decode()

    detail = client.get(f"/api/v2/pages/{index.pk}/").json()
    by_code = {row["code"]: row for row in detail["indicator_bank"]}
    assert by_code["ع-۲"]["monitoring_level"] == "operational"
    assert by_code["ع-۲"]["monitoring_level_label"] == "عملیاتی"
    assert by_code["ع-۲"]["checklist"] == [
        {"kind": "executive", "kind_label": "پرسش اجرایی", "question": "آیا صورت‌جلسه کمیته امضا شده است؟"}
    ]


def test_the_cycle_api_carries_each_indicators_checklist_as_issued(
    client, index, procedure, series, agencies, people
):
    indicator = _with_checklist(
        ef.indicator("ع-۷۰", "10"), (ChecklistQuestionKind.STRATEGIC, "پرسش ابلاغ‌شده")
    )
    page = ef.cycle(index, procedure, year=ef.YEAR, agencies=[agencies["a"]], series=series)
    services.issue_indicators(page, [indicator], by=people["evaluator"], today=ef.day(-35))
    _with_checklist(indicator, (ChecklistQuestionKind.STRATEGIC, "پرسش بعدی"))
    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    (row,) = detail["indicators"]
    assert [q["question"] for q in row["checklist"]] == ["پرسش ابلاغ‌شده"]
