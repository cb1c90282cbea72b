"""Who a controlled document reaches: users, role groups and agencies, each person once."""

from accounts.roles import Role
from distribution.recipients import recipients_for
from tests.factories import agency, distribution_list, person


def test_recipients_are_expanded_from_users_groups_and_agencies(dlist, draft, people):
    """GIVEN a list naming the evaluator, the quality officers' group and an agency
    THEN the recipients are the evaluator, every quality officer and the agency's users."""
    names = [u.username for u in recipients_for(draft)]
    assert names == ["agency_user", "evaluator", "preparer"]


def test_a_person_named_by_several_entries_is_a_recipient_once(dlist, draft, people, roles, health_agency):
    """GIVEN the evaluator named directly, by the evaluators' group and as an agency member
    THEN they appear once."""
    dlist.groups.add(roles[Role.EVALUATOR])
    agency("A-01", members=[people["evaluator"]])
    names = [u.username for u in recipients_for(draft)]
    assert names.count("evaluator") == 1


def test_inactive_users_and_inactive_agencies_receive_nothing(dlist, draft, people, health_agency):
    people["evaluator"].is_active = False
    people["evaluator"].save()
    idle = person("idle_officer", Role.QUALITY_OFFICER, is_active=False)
    health_agency.active = False
    health_agency.save()
    names = [u.username for u in recipients_for(draft)]
    assert names == ["preparer"]
    assert idle.username not in names


def test_a_document_without_a_list_has_no_recipients(draft):
    assert recipients_for(draft) == []


def test_lists_are_per_document(tree, dlist, draft, people):
    from tests.factories import new_procedure

    other = new_procedure(tree[1], title="روش اجرایی دیگر", code="م پ-م-۱-۰۵")
    distribution_list(other, users=[people["outsider"]])
    assert [u.username for u in recipients_for(other)] == ["outsider"]
