"""The rule editor validates in Persian; the firing log is for site administrators and auditors."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from contentrules.choices import Action, DeadlineSource, Event
from contentrules.models import ContentRule


def _form(**overrides):
    data = {
        "title": "۷ روز مانده به خودارزیابی",
        "enabled": "on",
        "event": Event.DEADLINE,
        "deadline_source": DeadlineSource.CYCLE_PHASE,
        "phase": "self_assessment",
        "days_before": "7",
        "folder": "",
        "action": Action.EMAIL_GROUP,
        "group": "",
        "note": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def admin_client(client, people):
    client.force_login(people["admin"])
    return client


def test_a_deadline_rule_needs_between_one_and_365_days(admin_client, watchers):
    url = reverse("contentrules_rules:add")
    for days in ("0", "400"):
        response = admin_client.post(url, _form(days_before=days, group=str(watchers.pk)))
        assert response.status_code == 200
        assert "تعداد روز باید از ۱ تا ۳۶۵ باشد." in response.content.decode()
    response = admin_client.post(url, _form(days_before="", group=str(watchers.pk)))
    assert (
        "برای رویداد «نزدیک شدن مهلت» تعداد روز مانده (۱ تا ۳۶۵) را وارد کنید." in response.content.decode()
    )
    assert not ContentRule.objects.exists()


def test_an_email_rule_needs_a_group(admin_client):
    response = admin_client.post(reverse("contentrules_rules:add"), _form())
    assert "برای اقدام «ایمیل به گروه» گروه گیرندگان را انتخاب کنید." in response.content.decode()
    assert not ContentRule.objects.exists()


def test_a_valid_rule_is_saved_from_the_admin(admin_client, watchers):
    from django.contrib.contenttypes.models import ContentType

    from procedures.models import ProcedurePage

    ct = ContentType.objects.get_for_model(ProcedurePage)
    response = admin_client.post(
        reverse("contentrules_rules:add"),
        _form(
            event=Event.IN_FORCE,
            deadline_source="",
            phase="",
            days_before="",
            group=str(watchers.pk),
            content_types=[ct.pk],
        ),
    )
    assert response.status_code == 302
    rule = ContentRule.objects.get()
    assert rule.event == Event.IN_FORCE and list(rule.content_types.all()) == [ct]
    form = admin_client.get(reverse("contentrules_rules:edit", args=[rule.pk])).content.decode()
    assert "روش اجرایی" in form  # content types listed by their Persian names


def test_days_are_refused_on_an_event_that_is_not_a_deadline(watchers):
    from django.core.exceptions import ValidationError

    rule = ContentRule(
        title="انتشار", event=Event.PUBLISHED, days_before=3, action=Action.EMAIL_GROUP, group=watchers
    )
    with pytest.raises(ValidationError) as caught:
        rule.full_clean()
    assert "فقط برای رویداد «نزدیک شدن مهلت»" in str(caught.value.message_dict["days_before"])


def test_the_firing_log_is_for_administrators_and_auditors_only(client, people):
    url = reverse("contentrules_firings:index")
    client.force_login(people["auditor"])
    assert client.get(url).status_code == 200
    assert client.get(url, {"happened_from": "۱۴۰۳/۰۱/۰۱", "status": "failed"}).status_code == 200
    client.force_login(people["officer"])
    assert client.get(url).status_code in (302, 403)
    assert client.get(reverse("contentrules_rules:add")).status_code in (302, 403)
    client.force_login(people["auditor"])
    assert client.get(reverse("contentrules_rules:add")).status_code in (302, 403)
    assert Group.objects.exists()


def test_a_firing_is_inspected_with_jalali_dates(client, people):
    import datetime as dt

    from django.utils import timezone

    from contentrules.models import Firing

    firing = Firing.objects.create(
        rule_title="بازنگری معوق",
        key="demo:1",
        event=Event.REVIEW_OVERDUE,
        action=Action.DIGEST,
        object_title="روش اجرایی ارزیابی عملکرد",
        due_on=dt.date(2017, 12, 26),
        subject="بازنگری معوق: روش اجرایی ارزیابی عملکرد",
        body="موعد بازنگری گذشته است.",
        happened_at=timezone.now(),
    )
    client.force_login(people["auditor"])
    page = client.get(reverse("contentrules_firings:inspect", args=[firing.pk])).content.decode()
    listing = client.get(reverse("contentrules_firings:index")).content.decode()

    assert "۱۳۹۶/۱۰/۰۵" in page and "در انتظار اجرا" in page
    assert "۱۳۹۶/۱۰/۰۵" in listing
