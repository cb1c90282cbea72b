"""«در تاریخ D معتبر بود؟» for an external reference (issue 13 §3): the rule, the relation's effective
date (admin, migration default), and the question on the reference's own page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from jalali.calendar import parse_jalali
from jalali.forms import JalaliDateField
from procedures.models import ExternalReferencePage, ReferenceRelation, RelationKind
from procedures.reference_rules import (
    Act,
    ActKind,
    ReferenceFacts,
    Standing,
    effective_date_error,
    in_force_on,
    status_on,
)
from tests.factories import person, site_tree
from tests.search.search_corpus import publish, reference

J = parse_jalali
OWN = J("1382/03/04")  # circular ۳۵۶۶۵/۱۸۰۱
REPLACED = J("1391/09/13")  # circular ۳۶۷۷۳/۹۱/۲۱۰ takes effect


def replaced_on(day: dt.date | None, kind: ActKind = ActKind.REPLACES, source_id: int = 2) -> Act:
    return Act(kind=kind, effective_on=day, source_id=source_id, source_title="بخشنامه جدید")


# --- the rule ---------------------------------------------------------------------------------------


def test_a_reference_without_later_acts_is_in_force_from_its_own_date_on():
    facts = ReferenceFacts(date=OWN)
    assert in_force_on(facts, OWN)
    assert in_force_on(facts, J("1403/01/01"))


def test_the_day_before_its_own_date_it_was_not_yet_issued():
    status = status_on(ReferenceFacts(date=OWN), OWN - dt.timedelta(days=1))
    assert status.standing == Standing.NOT_YET_ISSUED
    assert not status.in_force


def test_a_reference_without_a_date_is_in_force_on_any_day_until_something_ends_it():
    assert in_force_on(ReferenceFacts(date=None), J("1300/01/01"))
    assert not in_force_on(ReferenceFacts(date=None, acts=(replaced_on(REPLACED),)), REPLACED)


def test_a_replaced_reference_is_in_force_the_day_before_the_replacement_takes_effect():
    facts = ReferenceFacts(date=OWN, acts=(replaced_on(REPLACED),))
    day_before = status_on(facts, REPLACED - dt.timedelta(days=1))
    assert day_before.in_force
    assert day_before.later_ending == replaced_on(REPLACED)  # the page says until when


def test_on_the_effective_day_the_replacement_governs():
    status = status_on(ReferenceFacts(date=OWN, acts=(replaced_on(REPLACED),)), REPLACED)
    assert status.standing == Standing.ENDED
    assert status.ending == replaced_on(REPLACED)
    assert not in_force_on(ReferenceFacts(date=OWN, acts=(replaced_on(REPLACED),)), J("1403/01/01"))


def test_the_issue_example_1385_was_in_force():
    assert in_force_on(ReferenceFacts(date=OWN, acts=(replaced_on(REPLACED),)), J("1385/01/01"))


def test_a_repeal_and_a_withdrawal_end_force_and_an_amendment_does_not():
    day = J("1395/01/01")
    for kind in (ActKind.REPEALS, ActKind.WITHDRAWN):
        assert not in_force_on(ReferenceFacts(date=OWN, acts=(replaced_on(day, kind),)), day)
    amended = ReferenceFacts(date=OWN, acts=(replaced_on(day, ActKind.AMENDS),))
    status = status_on(amended, day)
    assert status.in_force and status.amendments == (replaced_on(day, ActKind.AMENDS),)
    assert status_on(amended, day - dt.timedelta(days=1)).amendments == ()


def test_the_earliest_ending_in_effect_is_the_reason():
    repeal = replaced_on(J("1390/01/01"), ActKind.REPEALS, source_id=3)
    replacement = replaced_on(REPLACED)
    facts = ReferenceFacts(date=OWN, acts=(replacement, repeal))
    assert status_on(facts, J("1392/01/01")).ending == repeal
    assert status_on(facts, J("1389/12/29")).later_ending == repeal


def test_an_ending_of_unknown_date_counts_on_every_day_after_issue():
    facts = ReferenceFacts(date=OWN, acts=(replaced_on(None),))
    assert not in_force_on(facts, OWN)
    assert status_on(facts, OWN).ending.effective_on is None


def test_an_effective_date_before_the_target_was_issued_is_refused_in_persian():
    assert "نمی‌تواند پیش از تاریخ خود سند مرتبط" in effective_date_error(J("1380/01/01"), OWN)
    assert effective_date_error(OWN, OWN) == ""
    assert effective_date_error(None, OWN) == ""
    assert effective_date_error(J("1380/01/01"), None) == ""


# --- the relation's effective date ------------------------------------------------------------------


@pytest.fixture
def pair(db):
    """Circular ۳۵۶۶۵/۱۸۰۱ of ۱۳۸۲/۰۳/۰۴ and ۳۶۷۷۳/۹۱/۲۱۰ of ۱۳۹۱/۰۹/۱۳, which replaces it."""
    _, _, references = site_tree()
    old = reference(
        references,
        "old-35665",
        title="وظایف و ضوابط سازماندهی دفاتر ارزیابی عملکرد",
        ref_type="circular",
        number="۳۵۶۶۵/۱۸۰۱",
        date="4/3/1382",
    )
    new = reference(
        references,
        "new-36773",
        title="وظایف و ضوابط سازماندهی دفاتر مدیریت عملکرد",
        ref_type="circular",
        number="۳۶۷۷۳/۹۱/۲۱۰",
        date="13/09/1391",
    )
    relation = ReferenceRelation.objects.create(source=new, kind=RelationKind.REPLACES, target=old)
    return old, publish(new), relation


def test_a_relation_without_an_effective_date_takes_effect_on_the_acting_references_date(pair):
    old, new, relation = pair
    assert relation.effective_date is None and relation.effective_on == new.date
    assert old.status_on(J("1391/09/12")).in_force
    assert not old.status_on(J("1391/09/13")).in_force


def test_the_migration_gives_existing_relations_the_acting_references_own_date(pair):
    from importlib import import_module

    migration = import_module("procedures.migrations.0007_relation_effective_date")
    _, new, relation = pair
    migration.from_source_date(django_apps, None)
    relation.refresh_from_db()
    assert relation.effective_date == new.date == REPLACED


def test_an_entered_effective_date_moves_the_end_of_force(pair):
    old, _, relation = pair
    relation.effective_date = J("1392/01/01")
    relation.save()
    assert old.status_on(J("1391/12/29")).in_force
    assert old.status_on(J("1392/01/01")).ending.effective_on == J("1392/01/01")


def test_a_replacement_taking_effect_later_leaves_the_reference_in_force_today(pair):
    old, new, relation = pair
    relation.effective_date = timezone.localdate() + dt.timedelta(days=30)
    relation.save()
    assert old.in_force and old.superseded_by is None
    relation.effective_date = None
    relation.save()
    assert not old.in_force and old.superseded_by == new


def test_a_relation_taking_effect_before_its_target_was_issued_is_refused(pair):
    _, _, relation = pair
    relation.effective_date = J("1380/01/01")
    with pytest.raises(ValidationError) as refused:
        relation.full_clean()
    assert "نمی‌تواند پیش از تاریخ خود سند مرتبط" in " ".join(refused.value.message_dict["effective_date"])


def test_the_admin_takes_the_effective_date_in_jalali_and_stores_it_gregorian(pair, client):
    old, new, relation = pair
    form_class = ExternalReferencePage.get_edit_handler().get_form_class()
    assert isinstance(
        form_class(instance=new).formsets["relations"].empty_form.fields["effective_date"], JalaliDateField
    )
    client.force_login(person("ref-admin", None, is_superuser=True, is_staff=True))
    data = nested_form_data(
        {
            "title": new.title,
            "slug": new.slug,
            "ref_type": "circular",
            "number": new.number,
            "number_aliases": "",
            "date": "۱۳۹۱/۰۹/۱۳",
            "authority": "",
            "summary": "",
            "body": rich_text(""),
            "notes": "",
            "attachments": streamfield([]),
            "tags": "",
            "relations": inline_formset(
                [{"id": relation.pk, "kind": "replaces", "target": old.pk, "effective_date": "۱۳۹۲/۰۱/۰۱"}],
                initial=1,
            ),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/{new.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    relation.refresh_from_db()
    assert relation.effective_date == dt.date(2013, 3, 21)  # ۱۳۹۲/۰۱/۰۱


# --- the question on the reference's page -----------------------------------------------------------


def ask(client, page, day: str):
    response = client.get(page.url, {"in_force_on": day})
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_answers_yes_for_1385_and_says_until_when(pair, client):
    old, new, _ = pair
    html = ask(client, old, "1385/01/01")
    assert 'data-in-force="yes"' in html and "<strong>بله.</strong>" in html
    assert "اعتبار آن از ۱۳۹۱/۰۹/۱۳ پایان یافت" in html and new.title in html


def test_the_page_answers_no_from_the_effective_day_and_names_the_replacement(pair, client):
    old, new, _ = pair
    html = ask(client, old, "۱۳۹۱/۰۹/۱۳")
    assert 'data-in-force="no"' in html and "<strong>خیر.</strong>" in html
    assert "از ۱۳۹۱/۰۹/۱۳ جایگزین شده بود با" in html and new.title in html
    assert 'data-in-force="yes"' in ask(client, old, "12/09/1391")  # the day before, day first


def test_the_page_says_a_reference_was_not_yet_issued(pair, client):
    _, new, _ = pair
    html = ask(client, new, "1385/01/01")
    assert "هنوز صادر نشده بود" in html and 'data-in-force="no"' in html


def test_the_relations_list_shows_the_effective_date(pair, client):
    old, _, _ = pair
    assert "اجرا از ۱۳۹۱/۰۹/۱۳" in client.get(old.url).content.decode()


@pytest.mark.parametrize("bad", ["1399/13/45", "۱۴۰۲/۱۲/۳۰", "فردا", "0/0/0", "1391/09/13/1", "9" * 60])
def test_a_bad_date_gets_a_persian_message_and_no_answer(pair, client, bad):
    old, _, _ = pair
    html = ask(client, old, bad)
    assert 'role="alert"' in html and "درست نیست" in html
    assert "data-in-force" not in html


@pytest.mark.parametrize(
    "raw, shown",
    [("%ED%A0%80", "message"), ("%FF%FE", "message"), ("%00", "nothing"), ("1391%2F09%2F13%00%01", "answer")],
)
def test_bytes_that_are_no_date_or_not_utf8_never_give_a_server_error(pair, client, raw, shown):
    old, _, _ = pair
    response = client.get(f"{old.url}?in_force_on={raw}")
    assert response.status_code == 200
    html = response.content.decode()
    # Control characters are dropped as everywhere in search (``search.params.clean_text``).
    assert ('role="alert"' in html, "data-in-force" in html) == {
        "message": (True, False),
        "nothing": (False, False),
        "answer": (False, True),
    }[shown]
