"""Two signers press «تایید» on the same step at the same moment: one signs, the other is told it is
already signed — never an unrelated rule, never "database is locked"."""

import threading

import pytest
from django.db import connection

from procedures.models import ControlledRevision
from procedures.rules import ControlRuleViolation, Rule
from tests.procedures.signoff import act, edit_draft, submit

pytestmark = pytest.mark.django_db(transaction=True)


def ensure_wagtail_rows():
    """What Wagtail's migrations create and a transactional test's flush removes: the default locale, the
    root page and the root collection (as tests/browser/conftest.py does for the live server)."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(
            instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page))
        )
    if Collection.get_first_root_node() is None:
        Collection.add_root(instance=Collection(name="Root"))


@pytest.fixture(scope="module", autouse=True)
def rows_kept_for_the_next_run(django_db_blocker):
    # Torn down after the last flush, so a reused test database (--reuse-db) still has its root rows.
    yield
    with django_db_blocker.unblock():
        ensure_wagtail_rows()


@pytest.fixture(autouse=True)
def wagtail_rows(transactional_db):
    ensure_wagtail_rows()


def approve_at_once(task_state, users) -> list[object]:
    """Each user approves ``task_state`` in their own thread and connection, released together."""
    barrier = threading.Barrier(len(users))
    outcomes: list[object] = [None] * len(users)

    def sign(index, user):
        from django.db import connection as thread_connection

        try:
            barrier.wait(timeout=10)
            task_state.task.specific.on_action(
                type(task_state).objects.get(pk=task_state.pk), user, "approve"
            )
            outcomes[index] = "signed"
        except ControlRuleViolation as exc:
            outcomes[index] = exc
        except Exception as exc:  # the failure this test exists to rule out
            outcomes[index] = exc
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=sign, args=(i, u)) for i, u in enumerate(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.mark.parametrize("step", ["confirm", "approve"])
def test_of_two_signers_at_once_one_signs_and_the_other_is_told_already_signed(issued, people, step):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        # The test database is SQLite's shared-cache memory database, whose table locks fail at once;
        # a real SQLite file queues the second writer (transaction_mode IMMEDIATE), as on PostgreSQL.
        pytest.skip("threads on in-memory SQLite meet shared-cache table locks, not the file's write lock")
    edit_draft(issued, people["preparer"], change_reason="افزودن مهلت اعتراض")
    state = submit(issued, people["preparer"])
    signers = [people["confirmer"], people["confirmer2"]]
    if step == "approve":
        act(state, people["confirmer"])
        signers = [people["approver"], people["approver2"]]
    state.refresh_from_db()

    outcomes = approve_at_once(state.current_task_state, signers)

    assert sorted(o == "signed" for o in outcomes) == [False, True], outcomes
    loser = next(o for o in outcomes if o != "signed")
    assert isinstance(loser, ControlRuleViolation), repr(loser)
    assert loser.rule == Rule.STEP_DECIDED and "پیش‌تر امضا شده است" in loser.message
    if step == "approve":
        assert list(ControlledRevision.objects.filter(page=issued).values_list("number", flat=True)) == [0, 1]
