"""Subscribers hear of new or changed references: at once, or once in a daily digest; unsubscribing by link."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from subscriptions import services
from subscriptions.models import Delivery, Notice, Subscription
from subscriptions.rules import SubscriptionError

pytestmark = pytest.mark.django_db


def circular(world, publish, slug="circular-1", **fields):
    values = {
        "title": "بخشنامه ارزیابی عملکرد سال ۱۳۹۸",
        "slug": slug,
        "ref_type": "circular",
        "number": "761847",
        "date": "27/12/1398",
        "authority": world.aeo,
    }
    return publish(world.references, **{**values, **fields})


def html_of(message) -> str:
    return next(content for content, mime in message.alternatives if mime == "text/html")


def unsubscribe_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/subscriptions/unsubscribe/[^\s]+/)", message.body).group(1)


# --- subscribing ---------------------------------------------------------------------------------


def test_subscribing_is_audited_and_the_same_subscription_twice_is_refused(world):
    subscription = services.subscribe(world.agency, ref_type="circular", authority=world.aeo)

    entry = ModelLogEntry.objects.get(action="sanad.subscription.add")
    assert entry.object_id == str(subscription.pk) and entry.user == world.agency
    assert entry.data["follows"] == "بخشنامه · مرجع: سازمان اداری و استخدامی کشور"
    with pytest.raises(SubscriptionError, match="پیش‌تر ثبت"):
        services.subscribe(world.agency, ref_type="circular", authority=world.aeo)
    assert Subscription.objects.count() == 1


def test_a_subscription_naming_nothing_or_for_a_user_without_email_is_refused(world):
    with pytest.raises(SubscriptionError, match="دست‌کم یکی"):
        services.subscribe(world.agency)
    world.colleague.email = ""
    world.colleague.save()
    with pytest.raises(SubscriptionError, match="رایانامه"):
        services.subscribe(world.colleague, ref_type="law")
    assert not Subscription.objects.exists()


def test_one_user_cannot_remove_or_pause_anothers_subscription(world):
    subscription = services.subscribe(world.agency, ref_type="circular")

    with pytest.raises(SubscriptionError, match="از آن شما نیست"):
        services.remove(subscription, by=world.colleague)
    with pytest.raises(SubscriptionError, match="از آن شما نیست"):
        services.set_paused(subscription, True, by=world.colleague)
    subscription.refresh_from_db()
    assert not subscription.paused


# --- immediate mail ------------------------------------------------------------------------------


def test_a_subscriber_to_circulars_is_mailed_at_once_when_one_is_published(world, publish, mailoutbox):
    services.subscribe(world.agency, ref_type="circular")

    page = circular(world, publish)

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [world.agency.email]
    assert "مستند تازه" in message.subject and page.title in message.subject
    assert page.title in message.body and "۷۶۱۸۴۷" in message.body and "۱۳۹۸/۱۲/۲۷" in message.body
    html = html_of(message)
    assert 'dir="rtl"' in html and 'lang="fa"' in html
    assert re.search(r'href="https?://[^"]+/references/circular-1/"', html)
    assert "/subscriptions/unsubscribe/" in html and message.extra_headers["List-Unsubscribe"].startswith(
        "<http"
    )
    assert Notice.objects.get().sent_at is not None
    assert ModelLogEntry.objects.filter(action="sanad.subscription.sent").count() == 1


def test_a_reference_matching_two_of_ones_subscriptions_comes_in_one_mail_listed_once(
    world, publish, mailoutbox
):
    services.subscribe(world.agency, ref_type="circular")
    services.subscribe(world.agency, authority=world.aeo)

    page = circular(world, publish)

    assert len(mailoutbox) == 1
    assert mailoutbox[0].body.count(page.title) == 1
    assert mailoutbox[0].body.count("/subscriptions/unsubscribe/") == 2  # each subscription can be ended


@pytest.mark.parametrize(
    ("follows", "hears"),
    [
        ({"ref_type": "circular"}, True),
        ({"ref_type": "law"}, False),
        ({"authority": "aeo"}, True),
        ({"authority": "ministry"}, False),
        ({"subject": "subject"}, True),
    ],
)
def test_each_criterion_decides_who_hears_of_a_publication(world, publish, mailoutbox, follows, hears):
    follows = {key: getattr(world, value) if key != "ref_type" else value for key, value in follows.items()}
    services.subscribe(world.agency, **follows)

    circular(world, publish, subjects=[world.subject])

    assert len(mailoutbox) == (1 if hears else 0)


def test_a_subscriber_to_a_subject_does_not_hear_of_references_without_it(world, publish, mailoutbox):
    services.subscribe(world.agency, subject=world.subject)

    circular(world, publish)

    assert mailoutbox == []


def test_a_subscriber_to_a_collection_hears_of_what_the_collection_lists_only(world, publish, mailoutbox):
    from smartfolders.models import SavedSearchPage

    home = world.references.get_parent()
    collection = SavedSearchPage(
        title="بخشنامه‌های سازمان اداری و استخدامی", kinds=["circular"], authority=world.aeo
    )
    home.add_child(instance=collection)
    collection.save_revision().publish()
    services.subscribe(world.agency, collection=collection)

    circular(world, publish, slug="in-collection")
    circular(world, publish, slug="other-authority", authority=world.ministry, number="24/189975")
    circular(world, publish, slug="a-letter", ref_type="letter", number="749014")

    assert len(mailoutbox) == 1
    assert "/references/in-collection/" in mailoutbox[0].body


def test_a_changed_reference_is_announced_as_changed_and_each_publication_once(world, publish, mailoutbox):
    services.subscribe(world.agency, ref_type="circular")
    page = circular(world, publish)

    publish(page=page, summary="خلاصه افزوده شد")

    assert len(mailoutbox) == 2
    assert "مستند تغییریافته" in mailoutbox[1].subject
    assert Notice.objects.count() == 2
    # The same publication recorded again (a retried task) owes nothing more.
    assert services.record_publication(page, page.live_revision) == []
    assert services.send_immediate(page.live_revision_id) == 0


def test_a_paused_subscription_hears_nothing_and_a_resumed_one_hears_again(world, publish, mailoutbox):
    subscription = services.subscribe(world.agency, ref_type="circular")
    services.set_paused(subscription, True, by=world.agency)

    page = circular(world, publish)
    assert mailoutbox == []

    services.set_paused(subscription, False, by=world.agency)
    publish(page=page, summary="خلاصه تازه")
    assert len(mailoutbox) == 1
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(subscription.pk)).values_list("action", flat=True)
    )
    assert "sanad.subscription.pause" in actions and "sanad.subscription.resume" in actions


def test_a_reference_the_subscriber_may_not_read_is_not_announced_to_them(world, publish, mailoutbox):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    from home.models import SectionIndexPage

    home = world.references.get_parent()
    staff = home.add_child(instance=SectionIndexPage(title="داخلی", slug="staff"))
    restriction = PageViewRestriction.objects.create(page=staff, restriction_type=PageViewRestriction.GROUPS)
    insiders = Group.objects.create(name="کارکنان ستاد")
    restriction.groups.add(insiders)
    world.colleague.groups.add(insiders)
    services.subscribe(world.agency, ref_type="circular")
    services.subscribe(world.colleague, ref_type="circular")

    publish(staff, title="بخشنامه داخلی", slug="internal", ref_type="circular", authority=world.aeo)

    assert [m.to for m in mailoutbox] == [[world.colleague.email]]


# --- the daily digest ----------------------------------------------------------------------------


def test_the_daily_digest_collects_a_days_publications_once(world, publish, mailoutbox):
    services.subscribe(world.agency, ref_type="circular", delivery=Delivery.DAILY)
    first = circular(world, publish, slug="first")
    circular(world, publish, slug="second", title="بخشنامه به‌روزرسانی شاخص‌ها", number="712669")
    assert mailoutbox == []  # nothing at once for a digest subscription

    report = services.send_digests()
    again = services.send_digests()

    assert report.sent == {"agency": 2} and again.sent == {}
    assert len(mailoutbox) == 1
    digest = mailoutbox[0]
    assert "خلاصه روزانه" in digest.subject and "۲ مورد" in digest.subject
    assert "/references/first/" in digest.body and "/references/second/" in digest.body

    publish(page=first, summary="اصلاح شد")
    call_command("send_subscription_digests")

    assert len(mailoutbox) == 2
    assert "/references/first/" in mailoutbox[1].body and "/references/second/" not in mailoutbox[1].body


def test_a_failing_mail_server_keeps_the_digest_for_the_next_run(world, publish, mailoutbox, monkeypatch):
    from django.core.mail import EmailMultiAlternatives

    services.subscribe(world.agency, ref_type="circular", delivery=Delivery.DAILY)
    circular(world, publish)

    def refuse(self, fail_silently=False):
        raise OSError("mail server down")

    with monkeypatch.context() as patched:
        patched.setattr(EmailMultiAlternatives, "send", refuse)
        report = services.send_digests()
    assert report.failed and not Notice.objects.filter(sent_at__isnull=False).exists()

    assert services.send_digests().sent == {"agency": 1}
    assert len(mailoutbox) == 1


# --- unsubscribing by the e-mail's link ----------------------------------------------------------


def test_the_unsubscribe_link_works_without_logging_in_and_one_click_confirms(
    world, publish, mailoutbox, client
):
    subscription = services.subscribe(world.agency, ref_type="circular")
    circular(world, publish)
    path = unsubscribe_path(mailoutbox[0])

    shown = client.get(path)
    assert shown.status_code == 200 and "بخشنامه" in shown.content.decode()
    assert Subscription.objects.filter(pk=subscription.pk).exists()  # opening the link changes nothing

    done = client.post(path)

    assert 'data-unsubscribed="1"' in done.content.decode()
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
    entry = ModelLogEntry.objects.get(action="sanad.subscription.remove")
    assert entry.data["via"] == "email" and entry.user == world.agency
    assert "پیش‌تر لغو شده" in client.get(path).content.decode()


def test_a_tampered_unsubscribe_link_is_refused_and_changes_nothing(world, publish, mailoutbox, client):
    services.subscribe(world.agency, ref_type="circular")
    services.subscribe(world.colleague, ref_type="law")
    circular(world, publish)
    path = unsubscribe_path(mailoutbox[0])
    token = path.rstrip("/").rsplit("/", 1)[1]
    tampered = path.replace(token, token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb"))

    for bad in (tampered, "/subscriptions/unsubscribe/not-a-token/"):
        response = client.post(bad)
        assert response.status_code == 400, bad
        assert "پیوند لغو اشتراک معتبر نیست" in response.content.decode()
    assert Subscription.objects.count() == 2
