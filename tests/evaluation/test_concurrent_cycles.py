"""Two cycles at once (seed 003): last year's in its objection window while this year's self-assessment runs."""

import pytest

from procedures.models import ExternalReferencePage
from records.evaluation import services
from records.evaluation.choices import PhaseKind
from records.evaluation.models import Answer
from records.evaluation.rules import EvaluationRuleViolation
from records.models import Record
from tests.evaluation import factories as ef
from tests.evaluation.flow import review, self_assess

pytestmark = pytest.mark.django_db

# Last year's cycle, shifted: self-assessment closed 20 days ago, objections open until T+5.
PREVIOUS = [
    (PhaseKind.INDICATORS, -120, -110),
    (PhaseKind.SELF_ASSESSMENT, -100, -20),
    (PhaseKind.REVIEW, -19, -10),
    (PhaseKind.INITIAL_RESULTS, -9, -8),
    (PhaseKind.OBJECTIONS, -8, 5),
    (PhaseKind.FINAL_RESULTS, 20, 25),
]


@pytest.fixture
def two_cycles(index, procedure, series, agencies, bank, people):
    older = ef.cycle(
        index,
        procedure,
        year=ef.YEAR - 1,
        opened_on=ef.day(-300),
        agencies=agencies.values(),
        series=series,
        timetable=PREVIOUS,
        slug="older",
    )
    services.issue_indicators(older, [bank["g1"], bank["g2"]], by=people["evaluator"], today=ef.day(-125))
    self_assess(older, agencies["a"], people["a_user"], {"ع-۱": "8", "ع-۲": "12"}, today=ef.day(-50))
    review(older, agencies["a"], people["evaluator"], {"ع-۱": "6", "ع-۲": "10"}, today=ef.day(-15))
    newer = ef.cycle(
        index,
        procedure,
        year=ef.YEAR,
        opened_on=ef.day(-40),
        agencies=agencies.values(),
        series=series,
        slug="newer",
    )
    services.issue_indicators(newer, bank.values(), by=people["evaluator"], today=ef.day(-35))
    return older, newer


def test_both_cycles_run_on_the_same_day_each_by_its_own_timetable(two_cycles, agencies, people):
    older, newer = two_cycles
    a, user = agencies["a"], people["a_user"]
    today = ef.day(0)
    # this year's self-assessment is open; last year's is closed with its own closing date
    services.save_answer(newer, a, newer.indicators.get(code="ع-۱"), by=user, self_score="9", today=today)
    with pytest.raises(EvaluationRuleViolation, match="پایان رسیده"):
        services.save_answer(older, a, older.indicators.get(code="ع-۱"), by=user, self_score="9", today=today)
    # last year's objection window is open the same day
    objection = services.file_objection(
        services.submission_for(older, a),
        older.indicators.get(code="ع-۲"),
        by=user,
        reason="مستند دیده نشد",
        today=today,
    )
    assert objection.submission.cycle_id == older.pk
    assert Answer.objects.get(submission__cycle=older, indicator__code="ع-۱").self_score == 8


def test_an_extension_in_one_cycle_leaves_the_other_alone(two_cycles, people):
    older, newer = two_cycles
    services.grant_extension(
        older,
        by=people["evaluator"],
        phase=PhaseKind.OBJECTIONS,
        new_end=ef.day(12),
        reason="نامه",
        letter_number="237016/110",
        letter_date=ef.day(0),
        today=ef.day(0),
    )
    assert older.window(PhaseKind.OBJECTIONS)[1] == ef.day(12)
    assert newer.window(PhaseKind.OBJECTIONS)[1] == ef.day(30)
    assert newer.window(PhaseKind.SELF_ASSESSMENT)[1] == ef.day(10)


def test_each_cycles_evidence_is_filed_under_its_own_cycle_end(two_cycles, agencies, people):
    older, newer = two_cycles
    answer = services.save_answer(
        newer,
        agencies["a"],
        newer.indicators.get(code="ع-۱"),
        by=people["a_user"],
        self_score="9",
        today=ef.day(0),
    )
    item = services.attach_evidence(
        answer, by=people["a_user"], name="۱۴۰۰.pdf", data=b"%PDF-1.4\n%%EOF\n", today=ef.day(0)
    )
    new_record = Record.objects.get(pk=item.record_id)
    old_records = Record.objects.filter(evaluation_evidence__answer__submission__cycle=older)
    assert new_record.trigger_date == ef.day(40)
    assert old_records.count() == 2 and {r.trigger_date for r in old_records} == {ef.day(25)}


def test_the_dashboards_show_each_cycle_with_its_governing_circulars(client, two_cycles, people, tree):
    older, newer = two_cycles
    _, _, references = tree
    letter = references.add_child(
        instance=ExternalReferencePage(
            title="بخشنامه ۷۱۲۶۶۹", slug="c712669", ref_type="circular", number="712669", date=ef.day(-41)
        )
    )
    from records.evaluation.models import CycleCircular

    page = newer.get_latest_revision_as_object() if newer.latest_revision_id else newer
    page.circulars = [CycleCircular(reference=letter, role="opening")]
    page.save_revision().publish()
    client.force_login(people["evaluator"])
    listing = client.get("/admin/evaluation/").content.decode()
    assert older.title in listing and newer.title in listing
    public = client.get(newer.url).content.decode()
    assert "۷۱۲۶۶۹" in public and "م پ-م-۱-۰۴/۰۰" in public
    for cycle in two_cycles:
        assert client.get(f"/admin/evaluation/cycles/{cycle.pk}/").status_code == 200
