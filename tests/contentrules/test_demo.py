"""The demo's rules: made once, valid, and the deadline rule works on a cycle like the demo's."""

import datetime as dt
from types import SimpleNamespace

from django.core import mail

from accounts.roles import ensure_role_groups
from contentrules import demo
from contentrules.choices import Action, Event, Status
from contentrules.models import ContentRule, Firing
from contentrules.services import run_periodic


def _loader(tree):
    home, procedures, _ = tree
    said = []
    return SimpleNamespace(home=home, procedures_folder=procedures, say=said.append, said=said)


def test_the_demo_makes_its_rules_once(tree):
    ensure_role_groups()
    loader = _loader(tree)
    demo.load_demo(loader)
    demo.load_demo(loader)

    assert ContentRule.objects.count() == 3
    assert len(loader.said) == 3
    in_force = ContentRule.objects.get(title=demo.IN_FORCE_TITLE)
    assert in_force.event == Event.IN_FORCE and in_force.action == Action.DISTRIBUTION
    assert in_force.folder_id == tree[1].pk


def test_the_demo_deadline_rule_emails_the_evaluators_a_week_before_self_assessment_ends(
    tree, people, draft_procedure, django_capture_on_commit_callbacks
):
    from records.evaluation.setup import ensure_evaluation_index
    from tests.contentrules.conftest import import_paper
    from tests.evaluation import factories as ef

    with django_capture_on_commit_callbacks(execute=True):
        import_paper(draft_procedure, 0, dt.date(2016, 12, 25))
    draft_procedure.refresh_from_db()
    ef.cycle(ensure_evaluation_index(tree[0]), draft_procedure, year=ef.YEAR)  # self-assessment ends T+10
    demo.load_demo(_loader(tree))

    with django_capture_on_commit_callbacks(execute=True):
        run_periodic(ef.day(3))

    firing = Firing.objects.get(rule__title=demo.DEADLINE_TITLE)
    assert firing.status == Status.SUCCEEDED
    assert [m.to for m in mail.outbox if m.subject == firing.subject] == [["evaluator1@example.org"]]
