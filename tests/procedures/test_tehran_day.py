"""The day a sign-off, an approval or a withdrawal is dated by is Tehran's, also between 00:00 and 03:30
in Tehran, when UTC's date is still yesterday's."""

from __future__ import annotations

import pytest

from procedures.models import ControlledRevision, SignOff
from tests.clock import after_midnight_in_tehran
from tests.procedures.signoff import sign_through

pytestmark = pytest.mark.django_db


def test_a_revision_signed_after_midnight_in_tehran_carries_tehrans_date_on_every_signature(issued, people):
    with after_midnight_in_tehran() as tehran:
        sign_through(
            issued, people["preparer"], people["confirmer"], people["approver"], change_reason="بازنگری"
        )
    revision = ControlledRevision.objects.get(page=issued, number=1)
    assert revision.approved_on == tehran and revision.effective_from == tehran
    signed = dict(SignOff.objects.filter(controlled_revision=revision).values_list("role", "signed_on"))
    assert signed == {"preparer": tehran, "confirmer": tehran, "approver": tehran}
