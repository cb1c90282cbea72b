"""«Notify the distribution list»: the rule hands the message to ``distribution.services``."""

import datetime as dt

from django.core import mail

from contentrules.choices import Action, Event, Status
from contentrules.models import Firing
from tests.contentrules.conftest import import_paper
from tests.factories import content_rule


def test_a_revision_in_force_notifies_the_documents_distribution_list(
    draft_procedure, people, django_capture_on_commit_callbacks
):
    from distribution.models import DistributionList

    DistributionList.objects.create(page=draft_procedure).users.add(people["evaluator"])
    content_rule("به فهرست توزیع اطلاع بده", event=Event.IN_FORCE, action=Action.DISTRIBUTION)

    with django_capture_on_commit_callbacks(execute=True):
        import_paper(draft_procedure, 0, dt.date(2016, 12, 25))

    firing = Firing.objects.get()
    assert firing.status == Status.SUCCEEDED, firing.last_error
    assert firing.result == "اطلاع به ۱ گیرنده فهرست توزیع"
    notice = [m for m in mail.outbox if m.subject.startswith("لازم‌الاجرا شد:")]
    assert [m.to for m in notice] == [["evaluator1@example.org"]]
