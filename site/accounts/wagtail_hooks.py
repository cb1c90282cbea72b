"""Admin wiring for accounts: the login-lockout screen for site administrators and its audit action."""

from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts import lockout, views


@hooks.register("register_admin_urls")
def lockout_urls():
    return [
        path("accounts/locks/", views.locks, name="accounts_locks"),
        path("accounts/locks/<int:attempt_id>/unlock/", views.unlock, name="accounts_unlock"),
    ]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def lockout_menu_item():
    return SuperuserMenuItem("قفل‌های ورود", reverse("accounts_locks"), icon_name="lock", order=900)


@hooks.register("register_log_actions")
def register_lockout_log_actions(actions):
    for action, (label, message) in lockout.LOG_ACTIONS.items():
        actions.register_action(action, label, message)
