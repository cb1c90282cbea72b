"""What the admin prints of people, apps and Wagtail's own defaults is Persian (issue 14): full names in
place of log-in names, app names in place of codes, Jalali times in the workflow reports, Persian names
for the root page, groups and workflow Wagtail's migrations create, and column labels made from fields."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Collection, Page, Workflow

from accounts.roles import Role
from tests.factories import person, site_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("root", "root@example.com", "x", first_name="مدیر")
    client.force_login(user)
    return client


def test_wagtails_default_root_groups_and_workflow_carry_persian_names():
    assert Page.objects.get(depth=1).get_admin_display_title() == "ریشه"
    assert Collection.objects.get(depth=1).name == "ریشه"
    names = set(Group.objects.values_list("name", flat=True))
    assert {"ناظران", "ویرایشگران"} <= names and not {"Moderators", "Editors"} & names
    assert Workflow.objects.filter(name="تأیید ناظران").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()


def test_the_aging_pages_report_names_the_publisher_not_their_log_in(admin_client):
    _home, procedures, _ = site_tree()
    officer = person("officer_x", Role.QUALITY_OFFICER, "کارشناس")
    officer.first_name, officer.last_name = "مریم", "احمدی"
    officer.save()
    procedures.save_revision(user=officer).publish(user=officer)
    html = admin_client.get("/admin/reports/aging-pages/").content.decode()
    assert "مریم احمدی" in html
    assert not re.search(r">\s*officer_x\s*<", html)


def test_the_aging_pages_report_asks_once_per_person_not_once_per_row(admin_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from home.models import SectionIndexPage

    _home, procedures, _ = site_tree()
    officer = person("officer_y", Role.QUALITY_OFFICER, "کارشناس", first_name="رضا", last_name="کریمی")

    def user_lookups() -> int:
        with CaptureQueriesContext(connection) as queries:
            html = admin_client.get("/admin/reports/aging-pages/").content.decode()
        assert html.count("رضا کریمی") == SectionIndexPage.objects.filter(owner=officer).count()
        return sum('FROM "auth_user"' in q["sql"] for q in queries.captured_queries)

    for number in range(2):
        page = procedures.add_child(
            instance=SectionIndexPage(title=f"بخش {number}", slug=f"s{number}", owner=officer)
        )
        page.save_revision(user=officer).publish(user=officer)
    few = user_lookups()
    for number in range(2, 8):
        page = procedures.add_child(
            instance=SectionIndexPage(title=f"بخش {number}", slug=f"s{number}", owner=officer)
        )
        page.save_revision(user=officer).publish(user=officer)
    assert user_lookups() == few


def test_the_page_types_report_names_apps_in_persian_not_by_code(admin_client):
    site_tree()
    html = admin_client.get("/admin/reports/page-types-usage/").content.decode()
    assert "اسناد کنترل‌شده" in html
    assert "procedures.procedurepage" not in html


def test_the_sites_list_labels_its_columns_in_persian(admin_client):
    site_tree()
    html = admin_client.get("/admin/sites/").content.decode()
    for label in ("درگاه", "نام سایت", "صفحه ریشه"):
        assert label in html
    assert not re.search(r">\s*(Port|Site name|Root page)\s*<", html)
    assert "Sort by" not in html and "«Port»" not in html


def test_the_workflow_reports_show_jalali_times(admin_client):
    _home, procedures, _ = site_tree()
    # Wagtail's default workflow (its migrations' «Moderators approval», renamed) on a plain section page.
    procedures.save_revision()
    Workflow.objects.get(name="تأیید ناظران").start(procedures, get_user_model().objects.get(username="root"))
    for url in ("/admin/reports/workflow/", "/admin/reports/workflow_tasks/"):
        html = admin_client.get(url).content.decode()
        cells = re.findall(r"<td>\s*([^<]*ساعت[^<]*|[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2}[^<]*)\s*</td>", html)
        assert cells, url
        assert not re.search(r"ژانویه|فوریه|مارس|آوریل|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر", html), url


def test_the_editor_titles_its_page_as_editing_not_a_sentence(admin_client):
    _home, procedures, _ = site_tree()
    html = admin_client.get(f"/admin/pages/{procedures.pk}/edit/").content.decode()
    assert "در حال ویرایش می باشد" not in html
    assert "پیشخوان مدیریت" in admin_client.get("/admin/").content.decode()


def test_the_log_in_page_names_the_system_and_labels_every_field_in_persian(client):
    html = client.get("/admin/login/").content.decode()
    assert "ورود به سند" in html and "وگتیل" not in html
    assert re.search(r"<label[^>]*>\s*رمز عبور", html)
    assert not re.search(r">\s*Password", html)


def test_permissions_are_named_in_persian_after_migrate():
    from django.contrib.auth.models import Permission

    assert not Permission.objects.filter(name__startswith="Can ").exists()
    assert Permission.objects.get(codename="add_user").name == "افزودن کاربر"
    assert Permission.objects.get(codename="access_admin").name == "دسترسی به پیشخوان مدیریت"


@pytest.mark.django_db(transaction=True)
def test_permissions_are_named_in_persian_after_a_flush_too():
    """A flush (every transactional test, the screen test's reset) sends post_migrate without `apps`:
    the permissions are made again and must come back Persian, the last app's included."""
    from django.contrib.auth.models import Permission
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)

    assert Permission.objects.exists()
    assert list(Permission.objects.filter(name__startswith="Can ").values_list("codename", flat=True)) == []
    assert Permission.objects.get(codename="change_group").name == "ویرایش گروه"


def test_the_account_page_offers_no_list_of_english_time_zones(admin_client):
    """Everyone works on the organisation's clock (Asia/Tehran); the page lists no zone names."""
    html = admin_client.get("/admin/account/").content.decode()
    assert "current_time_zone" not in html
    assert "Africa/Abidjan" not in html and "localtime" not in html
