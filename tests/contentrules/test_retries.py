"""A failing action is retried with backoff and, after the last attempt, reported — never dropped."""

import datetime as dt
import smtplib

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from contentrules import actions
from contentrules.choices import Action, Event, Status
from contentrules.models import Firing
from contentrules.running import max_attempts
from contentrules.services import retry_due
from tests.factories import content_rule


def _publish(parent, slug="guide"):
    from home.models import SectionIndexPage

    page = parent.add_child(instance=SectionIndexPage(title="راهنمای فرم‌ها", slug=slug, live=False))
    page.save_revision().publish()
    return page


@pytest.fixture
def broken_mail(monkeypatch):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("سرور ایمیل پاسخ نداد")

    monkeypatch.setattr(actions, "send_mail", refuse)
    return monkeypatch


def test_a_failing_action_is_marked_failed_with_its_error_and_a_later_attempt(
    tree, watchers, broken_mail, django_capture_on_commit_callbacks
):
    content_rule("انتشار", event=Event.PUBLISHED, action=Action.EMAIL_GROUP, group=watchers)
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        _publish(tree[1])

    firing = Firing.objects.get()
    assert firing.status == Status.FAILED and firing.attempts == 1
    assert "سرور ایمیل پاسخ نداد" in firing.last_error
    assert firing.next_attempt_at >= before + dt.timedelta(minutes=15)
    assert retry_due() == []  # not due yet: backoff


def test_a_failed_action_succeeds_on_retry_once_the_cause_is_gone(
    tree, watchers, broken_mail, django_capture_on_commit_callbacks
):
    content_rule("انتشار", event=Event.PUBLISHED, action=Action.EMAIL_GROUP, group=watchers)
    with django_capture_on_commit_callbacks(execute=True):
        _publish(tree[1])
    broken_mail.undo()

    with django_capture_on_commit_callbacks(execute=True):
        retried = retry_due(timezone.now() + dt.timedelta(hours=1))

    firing = Firing.objects.get()
    assert retried == [firing.pk]
    assert firing.status == Status.SUCCEEDED and firing.attempts == 2 and firing.last_error == ""
    assert len(mail.outbox) == 1


def test_after_the_last_attempt_the_firing_is_given_up_reported_and_shown(
    tree, watchers, people, broken_mail, client, django_capture_on_commit_callbacks
):
    content_rule("انتشار", event=Event.PUBLISHED, action=Action.EMAIL_GROUP, group=watchers)
    with django_capture_on_commit_callbacks(execute=True):
        _publish(tree[1])
        later = timezone.now()
        for _ in range(max_attempts() + 2):
            later += dt.timedelta(days=1)
            retry_due(later)

    firing = Firing.objects.get()
    assert firing.status == Status.GIVEN_UP and firing.attempts == max_attempts()
    assert firing.next_attempt_at is None
    (report,) = mail.outbox  # to the administrators, the only mail that went out
    assert report.to == ["root@example.org"]
    assert report.subject == "اقدام قاعده محتوا ناموفق ماند: انتشار"
    assert "سرور ایمیل پاسخ نداد" in report.body

    client.force_login(people["admin"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "اقدام‌های ناموفق قواعد محتوا" in dashboard and "سرور ایمیل پاسخ نداد" in dashboard
    client.force_login(people["auditor"])
    listing = client.get(reverse("contentrules_firings:index"), {"status": "given_up"}).content.decode()
    assert "ناموفق نهایی" in listing and "راهنمای فرم‌ها" in listing


def test_an_administrator_can_try_a_given_up_firing_again(
    tree, watchers, people, broken_mail, client, django_capture_on_commit_callbacks
):
    content_rule("انتشار", event=Event.PUBLISHED, action=Action.EMAIL_GROUP, group=watchers)
    with django_capture_on_commit_callbacks(execute=True):
        _publish(tree[1])
    Firing.objects.update(status=Status.GIVEN_UP, attempts=max_attempts())
    broken_mail.undo()
    firing = Firing.objects.get()

    client.force_login(people["auditor"])
    client.post(reverse("contentrules_retry_firing", args=[firing.pk]))  # refused: not an administrator
    firing.refresh_from_db()
    assert firing.status == Status.GIVEN_UP
    client.force_login(people["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("contentrules_retry_firing", args=[firing.pk]))

    assert response.status_code == 302
    firing.refresh_from_db()
    assert firing.status == Status.SUCCEEDED and firing.attempts == 1
    assert len(mail.outbox) == 1


def test_a_group_without_addresses_fails_with_a_persian_reason(tree, django_capture_on_commit_callbacks):
    from django.contrib.auth.models import Group

    empty = Group.objects.create(name="گروه خالی")
    content_rule("انتشار", event=Event.PUBLISHED, action=Action.EMAIL_GROUP, group=empty)
    with django_capture_on_commit_callbacks(execute=True):
        _publish(tree[1])

    firing = Firing.objects.get()
    assert firing.status == Status.FAILED
    assert firing.last_error == "گروه «گروه خالی» هیچ عضو فعالی با نشانی ایمیل ندارد."


def test_an_unreachable_task_backend_leaves_the_firing_failed_for_the_next_run(
    tree, watchers, monkeypatch, django_capture_on_commit_callbacks
):
    from types import SimpleNamespace

    from contentrules import tasks

    def down(*args, **kwargs):
        raise ConnectionError("صف در دسترس نیست")

    monkeypatch.setattr(tasks, "run_firing_task", SimpleNamespace(enqueue=down))
    content_rule("انتشار", event=Event.PUBLISHED, action=Action.EMAIL_GROUP, group=watchers)
    with django_capture_on_commit_callbacks(execute=True):
        _publish(tree[1])

    firing = Firing.objects.get()
    assert firing.status == Status.FAILED and firing.attempts == 1
    assert firing.last_error.startswith("صف کارها در دسترس نبود")
