"""«اشتراک‌های من» on the dashboard and its screen: one's own subscriptions only, added, paused, removed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from subscriptions import services
from subscriptions.models import Delivery, Subscription

pytestmark = pytest.mark.django_db


def test_the_dashboard_panel_lists_the_users_own_subscriptions_only(world, client):
    services.subscribe(world.agency, ref_type="circular", authority=world.aeo)
    services.subscribe(world.colleague, subject=world.subject)
    client.force_login(world.agency)

    text = client.get(reverse("wagtailadmin_home")).content.decode()

    assert 'id="sanad-subscriptions"' in text
    assert "بخشنامه · مرجع: سازمان اداری و استخدامی کشور" in text
    assert "موضوع: ارزیابی عملکرد" not in text


def test_a_user_without_subscriptions_is_offered_to_add_one_on_the_dashboard(world, client):
    client.force_login(world.agency)

    text = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "هنوز مشترک هیچ مستندی نشده‌اید" in text and reverse("subscriptions_mine") in text


def test_a_user_subscribes_in_the_admin_by_subject_with_a_daily_digest(world, client):
    client.force_login(world.agency)

    response = client.post(
        reverse("subscriptions_mine"),
        {"ref_type": "", "authority": "", "subject": world.subject.pk, "collection": "", "delivery": "daily"},
    )

    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert (subscription.user, subscription.subject, subscription.delivery) == (
        world.agency,
        world.subject,
        Delivery.DAILY,
    )


def test_a_subscription_naming_nothing_is_refused_in_persian_and_nothing_is_saved(world, client):
    client.force_login(world.agency)

    response = client.post(reverse("subscriptions_mine"), {"delivery": "immediate"})

    assert response.status_code == 400
    assert "دست‌کم یکی را برگزینید" in response.content.decode()
    assert not Subscription.objects.exists()


def test_a_user_pauses_resumes_and_removes_their_own_subscription(world, client):
    subscription = services.subscribe(world.agency, ref_type="circular")
    client.force_login(world.agency)

    client.post(reverse("subscriptions_pause", args=[subscription.pk]), {"paused": "1"})
    subscription.refresh_from_db()
    assert subscription.paused
    assert "ازسرگیری" in client.get(reverse("subscriptions_mine")).content.decode()

    client.post(reverse("subscriptions_pause", args=[subscription.pk]), {"paused": "0"})
    subscription.refresh_from_db()
    assert not subscription.paused

    response = client.post(reverse("subscriptions_remove", args=[subscription.pk]))
    assert response.status_code == 302
    assert not Subscription.objects.exists()


def test_a_user_can_neither_see_nor_pause_nor_remove_anothers_subscription(world, client):
    theirs = services.subscribe(world.colleague, ref_type="law")
    client.force_login(world.agency)

    listing = client.get(reverse("subscriptions_mine")).content.decode()
    paused = client.post(reverse("subscriptions_pause", args=[theirs.pk]), {"paused": "1"})
    removed = client.post(reverse("subscriptions_remove", args=[theirs.pk]))

    assert f'data-subscription="{theirs.pk}"' not in listing
    assert paused.status_code == removed.status_code == 404
    theirs.refresh_from_db()
    assert not theirs.paused


def test_removing_or_pausing_needs_a_post(world, client):
    subscription = services.subscribe(world.agency, ref_type="circular")
    client.force_login(world.agency)

    assert client.get(reverse("subscriptions_remove", args=[subscription.pk])).status_code == 405
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_a_collection_page_offers_to_subscribe_and_the_form_comes_prefilled_with_it(world, client):
    from smartfolders.models import SavedSearchPage

    collection = SavedSearchPage(
        title="بخشنامه‌های سازمان اداری و استخدامی", kinds=["circular"], authority=world.aeo
    )
    world.references.get_parent().add_child(instance=collection)
    collection.save_revision().publish()
    link = f"{reverse('subscriptions_mine')}?collection={collection.pk}"

    assert link in client.get(collection.url).content.decode()
    client.force_login(world.agency)
    form = client.get(link).context["form"]
    assert str(form["collection"].value()) == str(collection.pk)
