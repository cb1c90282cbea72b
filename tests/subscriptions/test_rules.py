"""What a subscription matches: each criterion alone, together, and never nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from subscriptions.rules import (
    Criteria,
    ReferenceFacts,
    SubscriptionError,
    change_kind,
    check_criteria,
    matches,
)

CIRCULAR_OF_AEO = ReferenceFacts(
    page_id=10,
    ref_type="circular",
    authority_id=1,
    subject_ids=frozenset({7}),
    collection_ids=frozenset({30}),
)


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        (Criteria(ref_type="circular"), True),
        (Criteria(ref_type="law"), False),
        (Criteria(authority_id=1), True),
        (Criteria(authority_id=2), False),
        (Criteria(subject_id=7), True),
        (Criteria(subject_id=8), False),
        (Criteria(collection_id=30), True),
        (Criteria(collection_id=31), False),
        (Criteria(ref_type="circular", authority_id=1, subject_id=7), True),
        (Criteria(ref_type="circular", authority_id=2), False),  # every condition named must hold
    ],
)
def test_a_subscription_matches_a_reference_on_every_criterion_it_names(criteria, expected):
    assert matches(criteria, CIRCULAR_OF_AEO) is expected


def test_a_subscription_naming_nothing_matches_nothing_and_is_refused():
    assert matches(Criteria(), CIRCULAR_OF_AEO) is False
    with pytest.raises(SubscriptionError, match="دست‌کم یکی"):
        check_criteria(Criteria())


def test_a_reference_outside_every_collection_matches_no_collection_subscription():
    outside = ReferenceFacts(page_id=11, ref_type="circular", authority_id=1)
    assert matches(Criteria(collection_id=30), outside) is False


def test_first_publication_is_new_and_a_later_one_is_a_change():
    first = dt.datetime(2026, 12, 3, 8, 0, tzinfo=dt.UTC)
    assert change_kind(first, first) == "new"
    assert change_kind(first, first + dt.timedelta(days=1)) == "changed"
    assert change_kind(None, None) == "new"
