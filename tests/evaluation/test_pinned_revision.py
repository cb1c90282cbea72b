"""A cycle pins the procedure revision in force on its opening day; a later publication changes nothing pinned."""

import datetime as dt

import pytest

from procedures.models import RevisionStatus
from records.evaluation.models import EvaluationCyclePage
from records.evaluation.rules import EvaluationRuleViolation
from tests.evaluation import factories as ef
from tests.procedures.signoff import sign_through

pytestmark = pytest.mark.django_db


def test_opening_a_cycle_pins_the_revision_in_force_on_its_opening_day(cycle, procedure):
    """GIVEN procedure revision 00 in force since 1395/10/05 WHEN a cycle opened 40 days ago is published
    THEN revision 00 is pinned on the cycle."""
    assert cycle.pinned_revision is not None
    assert cycle.pinned_revision.number == 0
    assert cycle.pinned_revision == procedure.revision_in_force_on(cycle.opened_on)


def test_a_revision_published_mid_cycle_changes_nothing_pinned(cycle, procedure, people):
    """GIVEN an open cycle pinned to revision 00 WHEN revision 01 is signed through and published
    THEN the cycle still points at 00 (now superseded) and a cycle opened afterwards pins 01."""
    sign_through(
        procedure, people["preparer"], people["confirmer"], people["signer"], change_reason="بازنگری ۱۴۰۳"
    )
    procedure.refresh_from_db()
    assert procedure.current_controlled_revision.number == 1
    cycle = EvaluationCyclePage.objects.get(pk=cycle.pk)
    assert cycle.pinned_revision.number == 0
    assert cycle.pinned_revision.status == RevisionStatus.SUPERSEDED
    # republishing the cycle page (a stale revision, an edit) does not re-pin it
    cycle.intro = "<p>ویرایش پس از بازنگری</p>"
    cycle.save_revision().publish()
    assert EvaluationCyclePage.objects.get(pk=cycle.pk).pinned_revision.number == 0

    later = ef.cycle(cycle.get_parent(), procedure, year=ef.YEAR + 1, opened_on=ef.day(0), slug="later")
    assert later.pinned_revision.number == 1


def test_an_opened_cycle_keeps_its_year_procedure_and_opening_day(cycle):
    page = EvaluationCyclePage.objects.get(pk=cycle.pk)
    page.opened_on = page.opened_on - dt.timedelta(days=400)
    with pytest.raises(EvaluationRuleViolation, match="تغییر نمی‌کند"):
        page.save()
    assert EvaluationCyclePage.objects.get(pk=cycle.pk).opened_on == cycle.opened_on


def test_no_cycle_opens_on_a_day_no_revision_was_in_force(index, procedure):
    with pytest.raises(EvaluationRuleViolation, match="هیچ بازنگری"):
        ef.cycle(index, procedure, year=1390, opened_on=dt.date(2012, 1, 1), slug="too-early")
    assert not EvaluationCyclePage.objects.filter(year=1390).exists()


def test_from_a_procedure_the_cycles_each_revision_governed(client, cycle, procedure, people):
    sign_through(
        procedure, people["preparer"], people["confirmer"], people["signer"], change_reason="بازنگری تازه"
    )
    later = ef.cycle(cycle.get_parent(), procedure, year=ef.YEAR + 1, opened_on=ef.day(0), slug="later")
    client.force_login(people["auditor"])
    html = client.get(f"/admin/evaluation/procedures/{procedure.pk}/cycles/").content.decode()
    row_00 = html[html.index("م پ-م-۱-۰۴/۰۰") :]
    row_01 = html[html.index("م پ-م-۱-۰۴/۰۱") : html.index("م پ-م-۱-۰۴/۰۰")]
    assert cycle.title in row_00 and later.title not in row_00
    assert later.title in row_01 and cycle.title not in row_01
    client.force_login(people["a_user"])
    assert client.get(f"/admin/evaluation/procedures/{procedure.pk}/cycles/").status_code in (302, 403)


def test_the_editor_says_when_no_revision_was_in_force_on_the_opening_day(index, procedure, people):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    form_class = EvaluationCyclePage.get_edit_handler().get_form_class()
    data = nested_form_data(
        {
            "title": "ارزیابی ۱۳۹۰",
            "slug": "c1390",
            "year": 1390,
            "opened_on": "۱۳۹۰/۱۰/۱۱",
            "procedure": procedure.pk,
            "intro": rich_text(""),
            "circulars": inline_formset([]),
            "phases": inline_formset([]),
        }
    )
    form = form_class(data, instance=EvaluationCyclePage(), parent_page=index, for_user=people["evaluator"])
    assert not form.is_valid() and "هیچ بازنگری" in " ".join(form.errors["opened_on"])
