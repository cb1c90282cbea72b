"""Events sent by signals: a page published, a controlled revision in force, superseded, withdrawn."""

import datetime as dt

from django.core import mail

from contentrules.choices import Action, Event, Status
from contentrules.models import Firing
from procedures.models import ExternalReferencePage, ProcedurePage
from tests.contentrules.conftest import import_paper
from tests.factories import content_rule


def _publish_section(parent, title: str, slug: str):
    from home.models import SectionIndexPage

    page = parent.add_child(instance=SectionIndexPage(title=title, slug=slug, live=False))
    page.save_revision().publish()
    return page


def test_publishing_a_page_fires_only_rules_whose_folder_and_type_match(
    tree, watchers, django_capture_on_commit_callbacks
):
    _home, procedures, references = tree
    in_folder = content_rule(
        "انتشار در روش‌های اجرایی",
        event=Event.PUBLISHED,
        folder=procedures,
        action=Action.EMAIL_GROUP,
        group=watchers,
    )
    content_rule(
        "انتشار در مستندات",
        event=Event.PUBLISHED,
        folder=references,
        action=Action.EMAIL_GROUP,
        group=watchers,
    )
    content_rule(
        "انتشار بخشنامه",
        event=Event.PUBLISHED,
        content_types=[ExternalReferencePage],
        action=Action.EMAIL_GROUP,
        group=watchers,
    )
    content_rule("غیرفعال", event=Event.PUBLISHED, action=Action.EMAIL_GROUP, group=watchers, enabled=False)

    with django_capture_on_commit_callbacks(execute=True):
        page = _publish_section(procedures, "راهنمای فرم‌ها", "forms-guide")

    firing = Firing.objects.get()
    assert firing.rule == in_folder
    assert firing.status == Status.SUCCEEDED and firing.attempts == 1
    assert firing.page_id == page.pk and firing.event == Event.PUBLISHED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "منتشر شد: راهنمای فرم‌ها"
    assert sorted(message.to) == ["watch1@example.org", "watch2@example.org"]
    assert "منتشر شد" in message.body and "/procedures/forms-guide/" in message.body
    assert "انتشار در روش‌های اجرایی" in message.body


def test_a_revision_coming_into_force_fires_with_its_code_and_jalali_date(
    draft_procedure, watchers, django_capture_on_commit_callbacks
):
    content_rule(
        "روش اجرایی لازم‌الاجرا شد",
        event=Event.IN_FORCE,
        content_types=[ProcedurePage],
        action=Action.EMAIL_GROUP,
        group=watchers,
    )
    content_rule(
        "انتشار هر صفحه",
        event=Event.PUBLISHED,
        content_types=[ExternalReferencePage],
        action=Action.EMAIL_GROUP,
        group=watchers,
    )

    with django_capture_on_commit_callbacks(execute=True):
        import_paper(draft_procedure, 0, dt.date(2016, 12, 25))

    firing = Firing.objects.get()
    assert firing.event == Event.IN_FORCE and firing.status == Status.SUCCEEDED
    (message,) = mail.outbox
    assert message.subject == "لازم‌الاجرا شد: م پ-م-۱-۰۴/۰۰ — روش اجرایی ارزیابی عملکرد"
    assert "۱۳۹۵/۱۰/۰۵" in message.body  # 2016-12-25, in Jalali


def test_a_superseded_revision_fires_superseded_rules_once_per_revision(
    draft_procedure, watchers, django_capture_on_commit_callbacks
):
    content_rule("منسوخ شد", event=Event.SUPERSEDED, action=Action.EMAIL_GROUP, group=watchers)
    with django_capture_on_commit_callbacks(execute=True):
        import_paper(draft_procedure, 0, dt.date(2016, 12, 25))
    assert Firing.objects.count() == 0  # nothing superseded yet

    with django_capture_on_commit_callbacks(execute=True):
        import_paper(draft_procedure, 1, dt.date(2018, 3, 1), reason="به‌روزرسانی شاخص‌ها")

    firing = Firing.objects.get()
    assert firing.event == Event.SUPERSEDED
    (message,) = mail.outbox
    assert message.subject.startswith("منسوخ شد: م پ-م-۱-۰۴/۰۰")
    assert "بازنگری ۰۱" in message.body


def test_a_withdrawal_fires_withdrawn_rules_with_the_reason(
    draft_procedure, watchers, people, django_capture_on_commit_callbacks
):
    from procedures import services

    content_rule("ابطال شد", event=Event.WITHDRAWN, action=Action.EMAIL_GROUP, group=watchers)
    with django_capture_on_commit_callbacks(execute=True):
        import_paper(draft_procedure, 0, dt.date(2016, 12, 25))
        draft_procedure.refresh_from_db()
        request = services.request_withdrawal(
            draft_procedure, requested_by=people["officer"], reason="ادغام با روش دیگر"
        )
        services.decide_withdrawal(request, decided_by=people["approver"], approve=True)

    firing = Firing.objects.get()
    assert firing.event == Event.WITHDRAWN and firing.status == Status.SUCCEEDED
    (message,) = mail.outbox
    assert message.subject.startswith("ابطال شد:")
    assert "ادغام با روش دیگر" in message.body


def test_a_broken_rule_never_breaks_publishing(
    tree, watchers, django_capture_on_commit_callbacks, monkeypatch
):
    from contentrules import services

    _home, procedures, _ = tree
    content_rule("انتشار", event=Event.PUBLISHED, action=Action.EMAIL_GROUP, group=watchers)
    monkeypatch.setattr(services, "matches", lambda rule, occ: 1 / 0)

    with django_capture_on_commit_callbacks(execute=True):
        page = _publish_section(procedures, "راهنما", "guide")

    page.refresh_from_db()
    assert page.live
