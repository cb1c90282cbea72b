"""Admin wiring for units: the sharing view, its button on every page, audit-log actions."""

from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from units import views
from units.services import LOG_ACTIONS


@hooks.register("register_admin_urls")
def sharing_urls():
    return [path("units/sharing/<int:page_id>/", views.sharing, name="units_sharing")]


@hooks.register("register_page_header_buttons")
def sharing_header_button(page, user, view_name, next_url=None):
    if page.pk and views.may_view_sharing(user, page):
        yield Button(
            "اشتراک و دسترسی", reverse("units_sharing", args=[page.pk]), icon_name="group", priority=90
        )


@hooks.register("register_page_listing_more_buttons")
def sharing_listing_button(page, user, next_url=None):
    if page.pk and views.may_view_sharing(user, page):
        yield Button(
            "اشتراک و دسترسی", reverse("units_sharing", args=[page.pk]), icon_name="group", priority=90
        )


@hooks.register("register_log_actions")
def register_unit_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)
