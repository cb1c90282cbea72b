"""Break it (issue 10 §3): published revisions, the register, sign-offs, controlled pages and the audit
trail refuse every write path, the database included; the legitimate paths still pass."""

import datetime as dt

import pytest
from django.apps import apps
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

from procedures import db_guards as procedure_guards
from procedures.models import ControlledRevision, ProcedurePage, RevisionStatus, SignOff
from procedures.models.controlled import ControlledDocumentPage
from records import db_guards as records_guards
from records.evaluation import db_guards as evaluation_guards
from sanad import dbguards
from tests.db_guard_attempts import Attempts, raw, try_every_path
from tests.procedures.signoff import edit_draft, sign_through

ALL_GUARDS = (
    procedure_guards.GUARDS
    + procedure_guards.COPY_GUARDS
    + procedure_guards.HISTORY_GUARDS
    + records_guards.GUARDS
    + evaluation_guards.GUARDS
)


@pytest.fixture
def revised(issued, people):
    """Revision 00 (paper) superseded by revision 01, signed by three people and published."""
    sign_through(
        issued,
        people["preparer"],
        people["confirmer"],
        people["approver"],
        change_reason="افزودن بند پایش",
        purpose="<p>هدف بازنگری‌شده</p>",
    )
    page = ProcedurePage.objects.get(pk=issued.pk)
    current = ControlledRevision.objects.get(page=page, status=RevisionStatus.IN_FORCE)
    assert current.number == 1 and page.live_revision_id == current.revision_id
    return page


def test_every_guard_trigger_is_installed_by_the_migrations(db):
    installed = dbguards.installed_triggers(connection)
    expected = {(g.table, g.trigger) for g in ALL_GUARDS}
    assert expected - installed == set()


def test_every_controlled_page_column_and_history_table_is_guarded(db):
    """A field added later to a controlled page, or a new history table, must be added to the guards."""
    for model in apps.get_models():
        if issubclass(model, ControlledDocumentPage) and not model._meta.abstract:
            own = {f.column for f in model._meta.local_concrete_fields} - {"page_ptr_id"}
            assert set(procedure_guards.CONTROLLED_PAGE_COLUMNS[model._meta.db_table]) == own
    guarded = {g.table for g in ALL_GUARDS}
    for label in ("procedures", "records", "evaluation"):
        for model in apps.get_app_config(label).get_models():
            if model._meta.db_table.split("_", 1)[1].startswith("historical"):
                assert model._meta.db_table in guarded


def test_published_revision_register_signoffs_page_and_audit_refuse_every_write_path(revised, people):
    page = revised
    current = ControlledRevision.objects.get(page=page, number=1)
    old = ControlledRevision.objects.get(page=page, number=0)
    revision = Revision.objects.get(pk=current.revision_id)
    attempts = Attempts()

    # the published revision's content
    forged = {**revision.content, "purpose": "<p>جعلی</p>"}
    try_every_path(
        attempts,
        Revision,
        revision.pk,
        changes={"content": forged},
        raw_set="object_str = %s",
        raw_params=["جعلی"],
    )
    attempts(
        "wagtailcore_revision",
        "raw UPDATE of the superseded revision's content",
        raw("UPDATE wagtailcore_revision SET content = '{}' WHERE id = %s", [old.revision_id]),
    )

    # the register: frozen columns, backward or unsupported status moves, dates out of turn
    try_every_path(
        attempts,
        ControlledRevision,
        current.pk,
        changes={"code": "م پ-م-۱-۰۴/۰۹"},
        raw_set="change_reason = %s",
        raw_params=["جعلی"],
    )
    register = ControlledRevision._base_manager.filter
    today = timezone.localdate()
    for label, pk, changes in (
        ("content hash", current.pk, {"content_sha256": "0" * 64}),
        ("number", current.pk, {"number": 7}),
        ("in force -> approved", current.pk, {"status": RevisionStatus.APPROVED}),
        ("superseded -> in force", old.pk, {"status": RevisionStatus.IN_FORCE}),
        (
            "superseded with no later approved revision",
            current.pk,
            {"status": RevisionStatus.SUPERSEDED, "effective_until": today},
        ),
        (
            "withdrawn with no approved withdrawal",
            current.pk,
            {
                "status": RevisionStatus.WITHDRAWN,
                "withdrawn_on": today,
                "effective_until": today,
                "withdrawal_reason": "جعلی",
            },
        ),
        ("effective_from moved", current.pk, {"effective_from": dt.date(2000, 1, 1)}),
        ("effective_until moved", old.pk, {"effective_until": dt.date(2000, 1, 1)}),
        ("withdrawal reason without withdrawal", current.pk, {"withdrawal_reason": "جعلی"}),
    ):
        attempts(
            ControlledRevision._meta.db_table, label, lambda pk=pk, c=changes: register(pk=pk).update(**c)
        )
    attempts(
        ControlledRevision._meta.db_table,
        "raw UPDATE status",
        raw("UPDATE procedures_controlledrevision SET status = 'approved' WHERE id = %s", [current.pk]),
    )

    # sign-offs
    signoff = current.signoffs.get(role="approver")
    try_every_path(
        attempts,
        SignOff,
        signoff.pk,
        changes={"name": "امضاکننده جعلی"},
        raw_set="user_id = NULL, name = %s",
        raw_params=["جعلی"],
    )

    # the live page: Wagtail's table and the procedure's own
    draft_revision = edit_draft(page, people["preparer"], purpose="<p>پیش‌نویس امضانشده</p>")
    try_every_path(
        attempts,
        Page,
        page.pk,
        changes={"title": "عنوان جعلی"},
        raw_set="slug = %s",
        raw_params=["forged"],
    )
    try_every_path(
        attempts,
        ProcedurePage,
        page.pk,
        changes={"purpose": "<p>جعلی</p>"},
        raw_set="purpose = %s",
        raw_params=["<p>جعلی</p>"],
        raw_table="procedures_procedurepage",
        raw_key="page_ptr_id",
        delete=False,
    )
    pages = Page._base_manager.filter
    for label, changes in (
        ("live revision -> an unsigned draft", {"live_revision_id": draft_revision.pk}),
        ("unpublish", {"live": False, "live_revision_id": None}),
        ("slug", {"slug": "forged"}),
    ):
        attempts("wagtailcore_page", label, lambda c=changes: pages(pk=page.pk).update(**c))
    for label, sql, params in (
        (
            "raw UPDATE of the procedure's code",
            "UPDATE procedures_procedurepage SET document_code = %s WHERE page_ptr_id = %s",
            ["جعلی", page.pk],
        ),
        (
            "raw UPDATE of the live revision",
            "UPDATE wagtailcore_page SET live_revision_id = %s WHERE id = %s",
            [draft_revision.pk, page.pk],
        ),
        (
            "raw DELETE of the procedure row",
            "DELETE FROM procedures_procedurepage WHERE page_ptr_id = %s",
            [page.pk],
        ),
    ):
        table = sql.split()[1] if sql.startswith("UPDATE") else sql.split()[2]
        attempts(table, label, raw(sql, params))

    # "an approved register row plus revision.publish()": the forged row has no signatures
    def forge_and_publish():
        ControlledRevision.objects.create(
            page_id=page.pk,
            revision=draft_revision,
            number=2,
            code="م پ-م-۱-۰۴/۰۲",
            title=page.title,
            issue_date=current.issue_date,
            status=RevisionStatus.APPROVED,
            approved_on=today,
            content_sha256="0" * 64,
        )
        draft_revision.publish(user=people["superuser"], skip_permission_checks=True)

    detail = attempts(
        "wagtailcore_page", "forged approved register row + revision.publish()", forge_and_publish
    )
    assert "سه امضا" in detail

    # the audit trail
    entry = PageLogEntry.objects.filter(page=page).order_by("-pk").first()
    try_every_path(
        attempts,
        PageLogEntry,
        entry.pk,
        changes={"data": {"forged": True}},
        bulk_field="data",
        raw_set="action = %s",
        raw_params=["wagtail.edit"],
    )

    attempts.assert_all_refused()
    page.refresh_from_db()
    assert page.live_revision_id == current.revision_id and page.title == revised.title
    assert ControlledRevision.objects.get(pk=current.pk).status == RevisionStatus.IN_FORCE
    assert Revision.objects.get(pk=revision.pk).content == revision.content


def test_withdrawal_and_a_new_signed_revision_pass_the_guards(revised, people):
    from procedures.services import decide_withdrawal, request_withdrawal

    sign_through(
        revised,
        people["preparer2"],
        people["confirmer2"],
        people["approver2"],
        change_reason="بازنگری دوم",
        purpose="<p>بازنگری دوم</p>",
    )
    page = ProcedurePage.objects.get(pk=revised.pk)
    statuses = dict(ControlledRevision.objects.filter(page=page).values_list("number", "status"))
    assert statuses == {0: "superseded", 1: "superseded", 2: "in_force"}
    request = request_withdrawal(page, requested_by=people["preparer"], reason="ادغام با روش دیگر")
    decide_withdrawal(request, decided_by=people["approver"], approve=True)
    withdrawn = ControlledRevision.objects.get(page=page, number=2)
    assert withdrawn.status == RevisionStatus.WITHDRAWN and withdrawn.withdrawal_reason == "ادغام با روش دیگر"


def test_a_refused_write_in_the_admin_is_shown_as_its_persian_message_not_a_500(issued, people):
    from django.contrib.messages import get_messages
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.signed_cookies import SessionStore
    from django.db import IntegrityError, transaction

    from sanad.refusals import GuardRefusalMiddleware

    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        SignOff._base_manager.filter(controlled_revision__page=issued).update(name="جعلی")
    middleware = GuardRefusalMiddleware(lambda request: None)

    request = RequestFactory().post(
        f"/admin/pages/{issued.pk}/edit/", HTTP_REFERER=f"http://testserver/admin/pages/{issued.pk}/"
    )
    request.user, request.session = people["superuser"], SessionStore()
    request._messages = FallbackStorage(request)
    response = middleware.process_exception(request, refused.value)
    assert (
        response.status_code == 302 and response["Location"] == f"http://testserver/admin/pages/{issued.pk}/"
    )
    assert [str(m) for m in get_messages(request)] == ["امضای ثبت‌شده تغییرناپذیر است."]

    public = middleware.process_exception(RequestFactory().get("/api/v2/pages/"), refused.value)
    assert public.status_code == 409 and "امضای ثبت‌شده تغییرناپذیر است." in public.content.decode()
    assert middleware.process_exception(request, IntegrityError("UNIQUE constraint failed")) is None


def _wagtail_rows():
    """What Wagtail's migrations create and an earlier transactional test's flush may have removed."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(
            instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page))
        )
    if Collection.get_first_root_node() is None:
        Collection.add_root(instance=Collection(name="Root"))


@pytest.mark.django_db(transaction=True)
def test_deleting_a_signer_in_the_admin_shows_the_guard_message_and_keeps_the_user(client):
    """Autocommit, as in production: the user delete view's SET NULL on the sign-off meets the trigger."""
    from django.contrib.auth import get_user_model
    from django.contrib.messages import get_messages
    from django.urls import reverse

    from accounts.roles import Role
    from procedures.setup import ensure_signoff_workflow
    from tests.factories import new_procedure, person, site_tree

    _wagtail_rows()
    home, procedures, _ = site_tree()
    ensure_signoff_workflow(home)
    preparer = person("preparer", Role.QUALITY_OFFICER, "کارشناس کیفیت")
    confirmer = person("confirmer", Role.CONFIRMER, "معاون توسعه مدیریت")
    approver = person("approver", Role.APPROVER, "رئیس سازمان")
    admin = person("root", None, "مدیر سامانه", is_superuser=True, is_staff=True)
    page = new_procedure(procedures)
    sign_through(page, preparer, confirmer, approver, purpose="<p>هدف</p>")
    assert SignOff.objects.filter(user=confirmer).exists()

    client.force_login(admin)
    url = reverse("wagtailusers_users:delete", args=[confirmer.pk])
    response = client.post(url, HTTP_REFERER=f"http://testserver{url}")
    assert response.status_code == 302 and response["Location"] == f"http://testserver{url}"
    assert "امضای ثبت‌شده تغییرناپذیر است." in [str(m) for m in get_messages(response.wsgi_request)]
    assert get_user_model().objects.filter(pk=confirmer.pk).exists()
    assert SignOff.objects.filter(user=confirmer).count() == 1


@pytest.mark.django_db(transaction=True)
def test_flush_empties_guarded_tables_and_keeps_the_guards():
    """The test runner's flush (DELETE on SQLite, TRUNCATE on PostgreSQL) passes; the guards stay."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from wagtail.models import ModelLogEntry

    _wagtail_rows()
    ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Page),
        label="x",
        action="wagtail.create",
        timestamp=timezone.now(),
        object_id="1",
    )
    PageLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Page),
        label="x",
        action="wagtail.create",
        timestamp=timezone.now(),
        page_id=Page.get_first_root_node().pk,
    )
    before = dbguards.installed_triggers(connection)
    call_command("flush", interactive=False, verbosity=0)
    assert not ModelLogEntry.objects.exists() and not PageLogEntry.objects.exists()
    assert dbguards.installed_triggers(connection) == before
    assert {(g.table, g.trigger) for g in ALL_GUARDS} <= before
