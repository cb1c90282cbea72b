"""A run names what it skipped and why, in one line (issue 15): no skip is silent."""

from types import SimpleNamespace

from tests.conftest import skipped_summary


def skipped(reason: str):
    return SimpleNamespace(longrepr=("tests/x.py", 1, f"Skipped: {reason}"))


def test_the_summary_counts_each_reason_most_frequent_first():
    reports = [skipped("needs Debian poppler-utils")] + [skipped("PostgreSQL's search backend")] * 3
    assert skipped_summary(reports) == (
        "skipped 4: 3 × PostgreSQL's search backend; 1 × needs Debian poppler-utils"
    )


def test_a_run_that_skipped_nothing_says_nothing():
    assert skipped_summary([]) == ""
