"""Admin wiring: the rule editor, the firing log (filters, Jalali dates), retry, dashboard panel, audit."""

from __future__ import annotations

import django_filters
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.roles import Role, has_role
from contentrules import admin_views
from contentrules.choices import Action, Event, Status
from contentrules.forms import ContentRuleForm
from contentrules.models import ContentRule, Firing
from contentrules.services import LOG_ACTIONS
from jalali.calendar import format_jalali, format_jalali_datetime
from jalali.digits import to_persian_digits
from jalali.forms import JalaliDateField
from jalali.inspect import JalaliInspectView


def may_read(user) -> bool:
    """Site administrators and auditors read the rules and every firing."""
    return bool(user and user.is_active and (user.is_superuser or has_role(user, Role.AUDITOR)))


class RulePolicy(ModelPermissionPolicy):
    """Rules are edited by site administrators (or whoever is given the model permissions); auditors read."""

    def user_has_permission(self, user, action):
        if action == "view" and may_read(user):
            return True
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class FiringPolicy(RulePolicy):
    """Firings are written only by ``contentrules.services``; nobody adds, edits or deletes one here."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)


register_permission_policy(ContentRule, RulePolicy(ContentRule), exact_class=True)
register_permission_policy(Firing, FiringPolicy(Firing), exact_class=True)


class ContentRuleViewSet(ModelViewSet):
    model = ContentRule
    icon = "cogs"
    menu_label = "قواعد"
    list_display = [
        "title",
        Column("summary", label="وقتی ← چه کنیم", accessor="summary"),
        Column("folder", label="پوشه", accessor=lambda r: r.folder.title if r.folder_id else "همه سایت"),
        Column("group", label="گروه", accessor=lambda r: r.group.name if r.group_id else "—"),
        Column("enabled", label="فعال", accessor=lambda r: "بله" if r.enabled else "خیر"),
    ]
    list_filter = ["event", "action", "enabled"]
    search_fields = ["title", "note"]
    edit_handler = ObjectList(ContentRule.panels, base_form_class=ContentRuleForm)


class JalaliDateFilter(django_filters.DateFilter):
    field_class = JalaliDateField


class FiringFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="وضعیت", choices=Status.choices)
    event = django_filters.ChoiceFilter(label="رویداد", choices=Event.choices)
    action = django_filters.ChoiceFilter(label="اقدام", choices=Action.choices)
    rule = django_filters.ModelChoiceFilter(label="قاعده", queryset=ContentRule.objects.order_by("title"))
    happened_from = JalaliDateFilter(label="از تاریخ", field_name="happened_at", lookup_expr="date__gte")
    happened_to = JalaliDateFilter(label="تا تاریخ", field_name="happened_at", lookup_expr="date__lte")

    class Meta:
        model = Firing
        fields = ["status", "event", "action", "rule"]


def _retry_link(firing: Firing) -> str:
    from django.utils.html import format_html

    if firing.status not in (Status.FAILED, Status.GIVEN_UP):
        return ""
    return format_html('<a href="{}">تلاش دوباره</a>', reverse("contentrules_retry_firing", args=[firing.pk]))


class FiringViewSet(ModelViewSet):
    model = Firing
    icon = "history"
    menu_label = "اجرای قواعد"
    list_display = [
        "rule_title",
        Column("object_title", label="موضوع"),
        Column("event", label="رویداد", accessor="get_event_display"),
        Column("happened_at", label="زمان", accessor=lambda f: format_jalali_datetime(f.happened_at)),
        Column("due_on", label="مهلت/موعد", accessor=lambda f: format_jalali(f.due_on) or "—"),
        Column("status", label="وضعیت", accessor="get_status_display"),
        Column("attempts", label="تلاش", accessor=lambda f: to_persian_digits(f.attempts)),
        Column(
            "next_attempt_at",
            label="تلاش بعدی",
            accessor=lambda f: (
                format_jalali_datetime(f.next_attempt_at)
                if f.status == Status.FAILED and f.next_attempt_at
                else "—"
            ),
        ),
        Column("last_error", label="آخرین خطا / نتیجه", accessor=lambda f: (f.last_error or f.result)[:120]),
        Column("retry", label="", accessor=_retry_link),
    ]
    filterset_class = FiringFilterSet
    search_fields = ["rule_title", "object_title", "subject", "last_error"]
    inspect_view_enabled = True
    inspect_view_class = JalaliInspectView
    inspect_view_fields = [
        "rule_title",
        "event",
        "action",
        "group",
        "object_title",
        "happened_at",
        "due_on",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "result",
        "subject",
        "body",
        "link",
    ]
    form_fields: list[str] = []


class ContentRulesGroup(ViewSetGroup):
    menu_label = "قواعد محتوا"
    menu_icon = "cogs"
    menu_order = 260
    items = (ContentRuleViewSet("contentrules_rules"), FiringViewSet("contentrules_firings"))


@hooks.register("register_admin_viewset")
def register_content_rules_viewsets():
    return ContentRulesGroup()


@hooks.register("register_admin_urls")
def content_rules_urls():
    return [
        path(
            "contentrules/firings/<int:firing_id>/retry/",
            admin_views.retry_firing,
            name="contentrules_retry_firing",
        )
    ]


@hooks.register("register_log_actions")
def register_content_rules_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("register_permissions")
def content_rules_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="contentrules",
        codename__in=[
            "add_contentrule",
            "change_contentrule",
            "delete_contentrule",
            "view_contentrule",
            "view_firing",
        ],
    )


class GivenUpFiringsPanel(Component):
    """Dashboard: firings that failed for good (and how many still wait for a retry)."""

    name = "sanad_contentrules_given_up"
    order = 60
    template_name = "contentrules/given_up_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {
            "given_up": Firing.objects.filter(status=Status.GIVEN_UP).order_by("-happened_at")[:20],
            "failing": Firing.objects.filter(status=Status.FAILED).count(),
            "can_retry": self.user.is_superuser,
        }


@hooks.register("construct_homepage_panels")
def add_given_up_panel(request, panels):
    if not may_read(request.user):
        return
    if Firing.objects.filter(status__in=[Status.GIVEN_UP, Status.FAILED]).exists():
        panels.append(GivenUpFiringsPanel(request.user))
