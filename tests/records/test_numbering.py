"""Record numbers a person reads aloud and types (issue 14): a running number per series and Solar Hijri
year, every digit Persian, never reused."""

import pytest

from records import numbering
from tests.records import factories as rf

pytestmark = pytest.mark.django_db


def test_each_series_counts_its_own_numbers_per_year_in_persian_digits(register):
    first = rf.series(register, code="س-۱")
    second = rf.series(register, code="س-۲")
    taken = [
        numbering.next_reference(first, 1405, "ارزیابی-1405-101"),
        numbering.next_reference(first, 1405, "ارزیابی-1405-101"),
        numbering.next_reference(first, 1406, "ارزیابی-1406-101"),
        numbering.next_reference(second, 1405, "اعتراض-1405-101"),
    ]
    assert taken == [
        "ارزیابی-۱۴۰۵-۱۰۱-۰۰۰۱",
        "ارزیابی-۱۴۰۵-۱۰۱-۰۰۰۲",
        "ارزیابی-۱۴۰۶-۱۰۱-۰۰۰۱",
        "اعتراض-۱۴۰۵-۱۰۱-۰۰۰۱",
    ]
