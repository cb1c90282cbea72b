"""The public page of a cycle names one stage as under way, even when phases' windows overlap (issue 14)."""

import pytest

from records.evaluation.choices import PhaseKind
from tests.evaluation import factories as ef

pytestmark = pytest.mark.django_db

# Evidence is reviewed as it arrives: review, initial results and objections open with the self-assessment.
OVERLAPPING = [
    (PhaseKind.INDICATORS, -40, -31),
    (PhaseKind.BRIEFING, -35, -31),
    (PhaseKind.SELF_ASSESSMENT, -30, 10),
    (PhaseKind.REVIEW, -30, 20),
    (PhaseKind.INITIAL_RESULTS, -30, 22),
    (PhaseKind.OBJECTIONS, -30, 30),
    (PhaseKind.RESCORING, 31, 35),
    (PhaseKind.COUNCIL, 36, 37),
    (PhaseKind.FINAL_RESULTS, 38, 40),
]


def test_overlapping_open_phases_show_one_stage_under_way_and_the_rest_open_alongside(
    client, index, procedure, series, agencies
):
    page = ef.cycle(index, procedure, year=ef.YEAR, series=series, timetable=OVERLAPPING, slug="overlap")
    html = client.get(page.url).content.decode()
    assert html.count("در جریان</span>") == 1
    assert html.count("هم‌زمان باز</span>") == 3
    under_way = html.split("در جریان</span>")[0].rsplit("<th", 1)[1]
    assert "خودارزیابی" in under_way
