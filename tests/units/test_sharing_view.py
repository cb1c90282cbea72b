"""The sharing view: who may do what on a page, inherited or local; granting a role, audited."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupCollectionPermission, GroupPagePermission, PageLogEntry

from accounts.roles import Role

pytestmark = pytest.mark.django_db


def _url(page):
    return reverse("units_sharing", args=[page.pk])


def _rows(html: str, table: str) -> str:
    start = html.index(f'data-sharing="{table}"')
    return html[start : html.index("</table>", start)]


def test_sharing_view_shows_local_rows_on_a_unit_root_and_inherited_rows_below(client, units, people, page_b):
    client.force_login(people["superuser"])
    at_root = client.get(_url(units["office"])).content.decode()
    pages = _rows(at_root, "pages")
    assert "مسئول کیفیت (تهیه‌کننده) — دفتر ب" in pages
    assert 'data-local="1"' in pages and "محلی — همین صفحه" in pages
    assert "ویرایش صفحه" in pages and "انتشار" in pages  # Persian labels, not codenames
    assert "change_page" not in pages
    # The organisation's groups hold their rows on the home page: inherited here.
    assert "به ارث رسیده از «سند»" in pages

    below = client.get(_url(page_b)).content.decode()
    rows = _rows(below, "pages")
    assert 'data-local="1"' not in rows
    assert "به ارث رسیده از «دفتر مدیریت عملکرد»" in rows
    assert "دفتر ب" in below and "معاونت الف" not in _rows(below, "pages")


def test_sharing_view_shows_the_units_roles_and_collection(client, units, people, page_b):
    client.force_login(people["superuser"])
    html = client.get(_url(page_b)).content.decode()
    roles = _rows(html, "roles")
    assert "تاییدکننده — دفتر ب" in roles and "واحد همین صفحه" in roles
    assert "واحد بالادستی" in roles  # the organisation's own groups
    collections = _rows(html, "collections")
    assert "دفتر ب" in collections and "افزودن سند" in collections


def test_sharing_view_is_reachable_from_the_page_header(client, units, people):
    client.force_login(people["superuser"])
    html = client.get(reverse("wagtailadmin_explore", args=[units["office"].pk])).content.decode()
    assert _url(units["office"]) in html


def test_unit_officer_sees_sharing_of_own_unit_but_not_the_grant_form(client, units, people):
    client.force_login(people["b_officer"])
    response = client.get(_url(units["office"]))
    assert response.status_code == 200
    assert "اعطای نقش" not in response.content.decode()


def test_people_without_a_role_on_the_page_may_not_see_its_sharing(client, units, people):
    from tests.factories import person

    nobody = person("nobody", Role.EVALUATOR, "ارزیاب")
    client.force_login(nobody)
    response = client.get(_url(units["office"]))
    assert response.status_code == 403
    assert "شما به اطلاعات دسترسی این صفحه دسترسی ندارید." in response.content.decode()


def test_non_superuser_cannot_grant_and_nothing_changes(client, units, people):
    group = Group.objects.create(name="گروه تازه")
    client.force_login(people["b_officer"])
    response = client.post(_url(units["office"]), {"group": group.pk, "role": "QUALITY_OFFICER"})
    assert response.status_code == 403
    assert "فقط مدیر سامانه می‌تواند نقش و دسترسی واحدها را تعیین کند." in response.content.decode()
    assert not GroupPagePermission.objects.filter(group=group).exists()


def test_granting_through_the_view_creates_wagtail_rows_and_is_audited(client, units, people):
    group = Group.objects.create(name="کارشناسان کیفیت تازه")
    client.force_login(people["superuser"])
    response = client.post(_url(units["office"]), {"group": group.pk, "role": "QUALITY_OFFICER"})
    assert response.status_code == 302
    codenames = set(
        GroupPagePermission.objects.filter(group=group, page=units["office"]).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
    assert not GroupPagePermission.objects.filter(group=group).exclude(page=units["office"]).exists()
    assert GroupCollectionPermission.objects.filter(group=group, collection=units["b"].collection).exists()
    entry = PageLogEntry.objects.get(page=units["office"], action="sanad.units.grant")
    assert entry.user == people["superuser"] and entry.data["group"] == group.name

    from tests.factories import person

    newcomer = person("newcomer", None)
    newcomer.groups.add(group)
    assert units["office"].permissions_for_user(newcomer).can_edit()
    assert not units["procedures"].permissions_for_user(newcomer).can_edit()


def test_bad_grant_input_gets_a_persian_message_and_changes_nothing(client, units, people):
    client.force_login(people["superuser"])
    before = GroupPagePermission.objects.count()
    response = client.post(_url(units["office"]), {"group": "999999", "role": "AUDITOR"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "گروه انتخاب‌شده وجود ندارد." in html and "نقش انتخاب‌شده معتبر نیست." in html
    assert GroupPagePermission.objects.count() == before


def test_service_refuses_a_grant_by_a_non_superuser_and_outside_units(units, people):
    from wagtail.models import Page

    from units.rules import SharingRefused
    from units.services import grant_unit_role

    group = Group.objects.create(name="گروه")
    with pytest.raises(SharingRefused):
        grant_unit_role(units["office"], group, Role.QUALITY_OFFICER, by=people["b_officer"])
    with pytest.raises(SharingRefused):
        grant_unit_role(units["office"], group, Role.AUDITOR, by=people["superuser"])
    with pytest.raises(SharingRefused, match="هیچ واحد"):
        grant_unit_role(Page.get_first_root_node(), group, Role.CONFIRMER, by=people["superuser"])
    assert not GroupPagePermission.objects.filter(group=group).exists()


def test_granting_a_signing_role_lets_the_group_sign_in_that_unit_only(units, people, page_a, page_b):
    from procedures.rules import ControlRuleViolation
    from tests.factories import person
    from tests.procedures.signoff import act, edit_draft, submit
    from units.services import grant_unit_role

    group = Group.objects.create(name="تاییدکنندگان تازه")
    grant_unit_role(units["office"], group, "CONFIRMER", by=people["superuser"])
    signer = person("new_confirmer", None)
    signer.groups.add(group)

    edit_draft(page_a, people["a_officer"], title="روش اجرایی واحد الف")
    state_a = submit(page_a, people["a_officer"])
    with pytest.raises(ControlRuleViolation):
        act(state_a, signer)

    edit_draft(page_b, people["b_officer"], title="روش اجرایی واحد ب")
    state_b = submit(page_b, people["b_officer"])
    act(state_b, signer)
    assert state_b.current_task_state.task.specific.role == "approver"
