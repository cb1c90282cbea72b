"""An agency's evidence becomes a record whose number one reads aloud and types (issue 14)."""

import re

import pytest

from records.models import Record
from tests.evaluation.flow import self_assess

pytestmark = pytest.mark.django_db


def test_evidence_records_are_numbered_by_a_running_number_in_persian_digits(cycle, agencies, people):
    self_assess(cycle, agencies["a"], people["a_user"], {"ع-۱": "8", "ع-۲": "15", "خ-الف-۱": "4"})
    numbers = sorted(Record.objects.values_list("reference_number", flat=True))
    assert len(numbers) == 3
    for number in numbers:
        assert re.fullmatch(r"ارزیابی-[۰-۹]{4}-\S+-[۰-۹]{4}", number), number
        # no Latin digit and no random fragment (the fixtures' agency code «A01» keeps its letter)
        assert not re.search(r"[0-9]|[0-9a-f]{6}", number), number
    assert {n[-4:] for n in numbers} == {"۰۰۰۱", "۰۰۰۲", "۰۰۰۳"}  # one series, one year: counted together
