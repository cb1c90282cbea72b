"""Admin wiring of the evaluation cycle: screens, menu, snippets, permissions, audit-log actions."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from records.evaluation import access, views
from records.evaluation.audit import LOG_ACTIONS
from records.evaluation.models import Agency, AgencyMember, EvaluationCyclePage, Indicator
from search.model_search import parsed_index_view


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    menu_label = "دستگاه‌های اجرایی"
    list_display = ["code", "name", "kind", "parent", BooleanColumn("active", label="فعال")]
    list_filter = ["kind", "active"]
    search_fields = ["name", "code"]
    index_view_class = parsed_index_view(SnippetIndexView, number_fields=("code",))


class AgencyMemberViewSet(SnippetViewSet):
    model = AgencyMember
    icon = "user"
    menu_label = "کاربران دستگاه‌ها"
    # The person by name; the log-in name beside it as the code it is (issue 14).
    list_display = [
        "person_name",
        Column("username", label="نام کاربری", accessor="user.username", classname="username"),
        "agency",
    ]
    search_fields = ["user__username", "agency__name"]


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "list-ul"
    menu_label = "بانک شاخص‌ها"
    list_display = [
        "code",
        "title",
        "kind",
        "level",
        "monitoring_level",
        "max_score",
        "owner",
        BooleanColumn("active", label="فعال در بانک"),
    ]
    list_filter = ["kind", "level", "monitoring_level", "active"]
    search_fields = ["code", "title"]
    index_view_class = parsed_index_view(SnippetIndexView, number_fields=("code",))


class EvaluationSnippets(SnippetViewSetGroup):
    items = (AgencyViewSet, AgencyMemberViewSet, IndicatorViewSet)
    menu_icon = "table"
    menu_label = "دستگاه‌ها و شاخص‌ها"
    menu_order = 245


register_snippet(EvaluationSnippets)


@hooks.register("register_admin_urls")
def evaluation_urls():
    return [
        path("evaluation/", views.home, name="evaluation_home"),
        path("evaluation/cycles/<int:cycle_id>/", views.dashboard, name="evaluation_dashboard"),
        path(
            "evaluation/cycles/<int:cycle_id>/extensions/",
            views.extension_add,
            name="evaluation_extension_add",
        ),
        path("evaluation/cycles/<int:cycle_id>/indicators/", views.indicators, name="evaluation_indicators"),
        path("evaluation/cycles/<int:cycle_id>/final/", views.final, name="evaluation_final"),
        path(
            "evaluation/cycles/<int:cycle_id>/agencies/<int:agency_id>/",
            views.submission,
            name="evaluation_submission",
        ),
        path(
            "evaluation/cycles/<int:cycle_id>/agencies/<int:agency_id>/indicators/<int:indicator_id>/",
            views.indicator,
            name="evaluation_indicator",
        ),
        path(
            "evaluation/cycles/<int:cycle_id>/agencies/<int:agency_id>/finalise/",
            views.finalise,
            name="evaluation_finalise",
        ),
        path(
            "evaluation/cycles/<int:cycle_id>/agencies/<int:agency_id>/release/",
            views.release,
            name="evaluation_release",
        ),
        path(
            "evaluation/cycles/<int:cycle_id>/agencies/<int:agency_id>/accept/",
            views.accept,
            name="evaluation_accept",
        ),
        path(
            "evaluation/cycles/<int:cycle_id>/agencies/<int:agency_id>/objections/",
            views.objection_add,
            name="evaluation_objection_add",
        ),
        path(
            "evaluation/cycles/<int:cycle_id>/agencies/<int:agency_id>/scorecard/",
            views.scorecard_view,
            name="evaluation_scorecard",
        ),
        path(
            "evaluation/objections/<int:objection_id>/", views.objection_decide, name="evaluation_objection"
        ),
        path("evaluation/evidence/<int:evidence_id>/", views.evidence_detail, name="evaluation_evidence"),
        path(
            "evaluation/evidence/<int:evidence_id>/file/",
            views.evidence_download,
            name="evaluation_evidence_file",
        ),
        path(
            "evaluation/evidence/<int:evidence_id>/withdraw/",
            views.withdraw_evidence,
            name="evaluation_evidence_withdraw",
        ),
        path(
            "evaluation/objection-files/<int:file_id>/",
            views.objection_file_download,
            name="evaluation_objection_file",
        ),
        path(
            "evaluation/procedures/<int:page_id>/cycles/",
            views.procedure_cycles,
            name="evaluation_procedure_cycles",
        ),
    ]


class EvaluationMenuItem(MenuItem):
    def is_shown(self, request):
        return access.may_use_evaluation(request.user)


@hooks.register("register_admin_menu_item")
def evaluation_menu_item():
    return EvaluationMenuItem("ارزیابی عملکرد", reverse("evaluation_home"), icon_name="tasks", order=240)


@hooks.register("register_permissions")
def evaluation_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="evaluation",
        codename__regex=r"^(add|change|view|delete)_(agency|agencymember|indicator)$",
    )


@hooks.register("register_log_actions")
def register_evaluation_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("before_delete_page")
def refuse_deleting_cycles_with_work(request, page):
    from django.contrib import messages
    from django.shortcuts import redirect

    if page.specific_class is EvaluationCyclePage and (
        page.specific.pinned_revision_id
        or page.specific.indicators.exists()
        or page.specific.submissions.exists()
        or page.specific.holds.exists()
    ):
        messages.error(
            request,
            "دوره‌ای که گشوده شده، شاخص و خودارزیابی یا توقیف دارد حذف نمی‌شود؛ سوابق آن باید بماند.",
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("register_page_header_buttons")
def evaluation_page_buttons(page, user, view_name, next_url=None):
    from procedures.models import ProcedurePage

    specific_class = page.specific_class
    if not access.is_staff_reader(user) or specific_class is None:
        return
    if issubclass(specific_class, ProcedurePage):
        yield Button(
            "دوره‌های ارزیابی تحت این روش",
            reverse("evaluation_procedure_cycles", args=[page.id]),
            icon_name="tasks",
            priority=75,
        )
    if issubclass(specific_class, EvaluationCyclePage) and page.live:
        yield Button(
            "پیشخوان دوره", reverse("evaluation_dashboard", args=[page.id]), icon_name="tasks", priority=75
        )


class AgencyTasksPanel(Component):
    """Dashboard: an agency user's open self-assessments and objection windows, with days left."""

    name = "evaluation_agency_tasks"
    order = 40
    template_name = "evaluation/admin/agency_tasks_panel.html"

    def __init__(self, agency):
        self.agency = agency

    def get_context_data(self, parent_context=None):
        from records.evaluation import services
        from records.evaluation.choices import PhaseKind, Progress

        today = timezone.localdate()
        rows = []
        for cycle in (
            EvaluationCyclePage.objects.live()
            .filter(agencies=self.agency, pinned_revision__isnull=False)
            .order_by("-year")
        ):
            if cycle.is_final:
                continue
            submission = services.submission_for(cycle, self.agency, create=False)
            objections_open = bool(submission and submission.released_at and not submission.accepted_at)
            for kind in (PhaseKind.SELF_ASSESSMENT, PhaseKind.OBJECTIONS):
                if kind == PhaseKind.OBJECTIONS and not objections_open:
                    continue
                if kind == PhaseKind.SELF_ASSESSMENT and submission and submission.finalised_at:
                    continue
                window = cycle.window(kind, self.agency.pk)
                if window and window[0] <= today <= window[1]:
                    rows.append(
                        {
                            "cycle": cycle,
                            "label": PhaseKind(kind).label,
                            "end": window[1],
                            "days_left": (window[1] - today).days,
                            "progress": Progress(services.progress(cycle, self.agency, today)).label,
                            "url": reverse("evaluation_submission", args=[cycle.pk, self.agency.pk]),
                        }
                    )
        return {"agency": self.agency, "rows": rows}


@hooks.register("construct_homepage_panels")
def add_agency_tasks_panel(request, panels):
    if access.is_agency_user(request.user):
        panels.insert(0, AgencyTasksPanel(access.agency_of(request.user)))
