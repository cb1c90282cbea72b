"""Brute-force protection on the admin login: a Persian lockout, shared through the database, lifted by an
administrator with an audit entry."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Permission
from wagtail.models import ModelLogEntry

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def attempt(client, username, password, address="10.9.8.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_user_name_even_for_the_right_password(client):
    UserFactory(username="officer", password="right-password")
    for _ in range(4):
        assert attempt(client, "officer", "wrong").status_code == 200
    assert attempt(client, "officer", "wrong").status_code == 429  # the fifth failure locks
    response = attempt(client, "officer", "right-password", address="10.9.8.8")
    assert response.status_code == 429
    assert "ورود موقتاً بسته شد" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_from_one_address_lock_that_address_for_every_user_name(client):
    UserFactory(username="agency", password="right-password")
    for n in range(5):
        attempt(client, f"guess{n}", "wrong", address="10.1.1.1")
    assert attempt(client, "agency", "right-password", address="10.1.1.1").status_code == 429
    assert attempt(client, "agency", "right-password", address="10.1.1.2").status_code == 302


def test_an_administrator_unlocks_and_the_unlock_is_audited(client):
    user = UserFactory(username="officer", password="right-password")
    for _ in range(5):
        attempt(client, "officer", "wrong")
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    listing = client.get("/admin/accounts/locks/")
    assert "officer" in listing.content.decode()
    lock = AccessAttempt.objects.get(username="officer")
    response = client.post(f"/admin/accounts/locks/{lock.pk}/unlock/")
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="officer").exists()
    entry = ModelLogEntry.objects.get(action="sanad.login.unlock")
    assert entry.user_id == admin.pk and entry.object_id == str(user.pk)
    client.logout()
    assert attempt(client, "officer", "right-password").status_code == 302


def test_only_a_site_administrator_sees_or_lifts_locks(client):
    UserFactory(username="officer", password="right-password")
    for _ in range(5):
        attempt(client, "officer", "wrong")
    staff = UserFactory(username="clerk", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    lock = AccessAttempt.objects.get(username="officer")
    assert client.post(f"/admin/accounts/locks/{lock.pk}/unlock/").status_code in (302, 403)
    assert AccessAttempt.objects.filter(pk=lock.pk).exists()
