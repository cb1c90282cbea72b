"""Admin wiring: «اشتراک‌های من» (screen, menu item, dashboard panel) and the audit-log actions."""

from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from subscriptions import views
from subscriptions.services import LOG_ACTIONS


@hooks.register("register_admin_urls")
def subscription_urls():
    return [
        path("subscriptions/", views.my_subscriptions, name="subscriptions_mine"),
        path(
            "subscriptions/<int:subscription_id>/remove/",
            views.remove_subscription,
            name="subscriptions_remove",
        ),
        path(
            "subscriptions/<int:subscription_id>/pause/", views.pause_subscription, name="subscriptions_pause"
        ),
    ]


@hooks.register("register_admin_menu_item")
def subscriptions_menu_item():
    return MenuItem("اشتراک‌های من", reverse("subscriptions_mine"), icon_name="mail", order=950)


@hooks.register("register_log_actions")
def register_subscription_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


class SubscriptionsPanel(Component):
    """Dashboard: the user's own subscriptions, with pause/resume and remove, and a link to add one."""

    name = "sanad_subscriptions"
    order = 60
    template_name = "subscriptions/admin/panel.html"

    def __init__(self, subscriptions):
        self.subscriptions = subscriptions

    def get_context_data(self, parent_context=None):
        return {"subscriptions": self.subscriptions, "next": reverse("wagtailadmin_home")}


@hooks.register("construct_homepage_panels")
def add_subscriptions_panel(request, panels):
    panels.append(SubscriptionsPanel(list(views.own_subscriptions(request.user))))
