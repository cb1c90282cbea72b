"""Admin wiring for distribution: the lists' viewset, the document header button, the registers,
the dashboard panel «اسناد منتظر تأیید مطالعه شما» and the audit-log actions."""

from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permissions import register_permission_policy

from distribution import admin_views, queries
from distribution.models import DistributionList
from distribution.permissions import DistributionListPolicy, may_read_registers
from distribution.services import LOG_ACTIONS
from jalali.digits import to_persian_digits
from jalali.inspect import JalaliInspectView
from procedures.models import ControlledDocumentPage

register_permission_policy(DistributionList, DistributionListPolicy(DistributionList))


class DistributionListViewSet(ModelViewSet):
    model = DistributionList
    icon = "group"
    menu_label = "فهرست‌های توزیع"
    add_to_admin_menu = True
    menu_order = 226
    add_view_class = admin_views.DistributionListCreateView
    edit_view_class = admin_views.DistributionListEditView
    inspect_view_enabled = True
    inspect_view_class = JalaliInspectView
    list_display = [
        Column("page", label="سند", accessor=lambda d: d.page.title),
        Column(
            "acknowledgement_days",
            label="مهلت (روز)",
            accessor=lambda d: to_persian_digits(d.acknowledgement_days),
        ),
        Column("recipients", label="گیرندگان", accessor=lambda d: to_persian_digits(_recipient_count(d))),
    ]
    search_fields = ["page__title"]


def _recipient_count(distribution_list) -> int:
    from distribution.recipients import expand

    return len(expand(distribution_list))


distribution_list_viewset = DistributionListViewSet("distribution_lists")


@hooks.register("register_admin_viewset")
def register_distribution_list_viewset():
    return distribution_list_viewset


@hooks.register("register_log_actions")
def register_distribution_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("register_page_header_buttons")
def distribution_list_button(page, user, view_name, next_url=None):
    specific_class = page.specific_class
    if specific_class and issubclass(specific_class, ControlledDocumentPage) and may_read_registers(user):
        yield Button(
            "فهرست توزیع",
            reverse("distribution_for_page", args=[page.id]),
            icon_name="group",
            priority=75,
        )


@hooks.register("register_admin_urls")
def distribution_urls():
    return [
        path("distribution/overdue/", admin_views.overdue, name="distribution_overdue"),
        path("distribution/mine/", admin_views.my_acknowledgements, name="distribution_mine"),
        path(
            "distribution/acknowledge/<int:request_id>/",
            admin_views.acknowledge,
            name="distribution_acknowledge",
        ),
        path(
            "distribution/document/<int:page_id>/",
            admin_views.distribution_for_page,
            name="distribution_for_page",
        ),
    ]


class RegisterMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_registers(request.user)


@hooks.register("register_admin_menu_item")
def overdue_menu_item():
    return RegisterMenuItem(
        "تأییدهای مطالعه معوق", reverse("distribution_overdue"), icon_name="warning", order=227
    )


class PendingAcknowledgementsPanel(Component):
    """Dashboard: the user's own documents waiting for «خواندم و فهمیدم»."""

    name = "sanad_pending_acknowledgements"
    order = 40
    template_name = "distribution/admin/pending_panel.html"

    def __init__(self, pending):
        self.pending = pending

    def get_context_data(self, parent_context=None):
        return {"pending": self.pending, "today": parent_context and parent_context.get("today")}


@hooks.register("construct_homepage_panels")
def add_pending_acknowledgements_panel(request, panels):
    pending = list(queries.pending_for(request.user))
    if pending:
        panels.insert(0, PendingAcknowledgementsPanel(pending))
