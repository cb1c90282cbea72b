"""The demo has verifiable copies (one in force, one of the superseded revision) and a subscribed agency user."""

from __future__ import annotations

import hashlib

import pytest
from django.urls import reverse

from procedures.models import IssuedCopy, RevisionStatus
from subscriptions.models import Delivery, Subscription

pytestmark = pytest.mark.django_db


def test_the_demo_copies_carry_codes_and_fixed_files_and_verify_as_in_force_or_obsolete(shared_demo, client):
    copies = {
        copy.controlled_revision.status: copy
        for copy in IssuedCopy.objects.select_related("controlled_revision")
    }

    assert set(copies) == {RevisionStatus.IN_FORCE, RevisionStatus.SUPERSEDED}
    for copy in copies.values():
        with copy.issued_file.open("rb") as stored:
            assert hashlib.sha256(stored.read()).hexdigest() == copy.issued_sha256
    current = client.get(reverse("verify_copy", args=[copies[RevisionStatus.IN_FORCE].verification_code]))
    old = client.get(reverse("verify_copy", args=[copies[RevisionStatus.SUPERSEDED].verification_code]))
    assert 'data-standing="معتبر"' in current.content.decode()
    assert 'data-standing="منسوخ"' in old.content.decode()


def test_the_demo_agency_user_follows_circulars_at_once_and_a_collection_daily(shared_demo, client):
    from django.contrib.auth import get_user_model

    agency = get_user_model().objects.get(username="agency")
    subscriptions = {s.delivery: s for s in Subscription.objects.filter(user=agency)}

    assert subscriptions[Delivery.IMMEDIATE].ref_type == "circular"
    assert subscriptions[Delivery.IMMEDIATE].authority.name == "سازمان اداری و استخدامی کشور"
    assert subscriptions[Delivery.DAILY].collection.slug == "performance-evaluation-laws"
    client.force_login(agency)
    panel = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "مجموعه: قوانین و مقررات ارزیابی عملکرد" in panel
