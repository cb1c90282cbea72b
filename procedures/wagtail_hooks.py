"""Admin wiring for controlled documents: menus, viewsets, dashboard panels, audit-log actions."""

from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.roles import Role, has_role
from jalali.calendar import format_jalali
from jalali.inspect import JalaliInspectView
from procedures import admin_views, screen_access
from procedures.audit import LOG_ACTIONS
from procedures.models import (
    ControlledDocumentPage,
    ControlledRevision,
    IssuingAuthority,
    ProcedurePage,
    ServiceStatementPage,
    WithdrawalRequest,
)
from search.model_search import ParsedSearchIndexMixin


class IssuingAuthorityViewSet(SnippetViewSet):
    model = IssuingAuthority
    icon = "group"
    menu_label = "مراجع صدور"
    list_display = ["name", "short_name", "parent"]
    search_fields = ["name", "short_name"]


register_snippet(IssuingAuthorityViewSet)


class ControlledRevisionIndexView(ParsedSearchIndexMixin, generic.IndexView):
    """Searched as the search box reads queries: «م پ-م-1-04/00» finds «م پ-م-۱-۰۴/۰۰», dates its revisions."""

    search_number_fields = ("code",)
    search_date_fields = ("issue_date", "revision_date")


class ControlledRevisionViewSet(ModelViewSet):
    """The register of every controlled revision: read-only, written only by the services."""

    model = ControlledRevision
    index_view_class = ControlledRevisionIndexView
    icon = "history"
    menu_label = "دفتر بازنگری‌ها"
    add_to_admin_menu = True
    menu_order = 210
    list_display = [
        "title",
        "code",
        Column("status", label="وضعیت", accessor="get_status_display"),
        Column("effective_from", label="اجرا از", accessor=lambda r: format_jalali(r.effective_from)),
        Column(
            "effective_until", label="اجرا تا", accessor=lambda r: format_jalali(r.effective_until) or "—"
        ),
        Column("imported", label="کاغذی", accessor=lambda r: "بله" if r.imported else "خیر"),
    ]
    list_filter = ["status", "imported"]
    search_fields = ["title", "code", "change_reason"]
    inspect_view_enabled = True
    inspect_view_class = JalaliInspectView
    # What a reader of the register needs; not the row's id or Wagtail's revision row.
    inspect_view_fields = [
        "title",
        "code",
        "number",
        "status",
        "issue_date",
        "revision_date",
        "approved_on",
        "effective_from",
        "effective_until",
        "change_reason",
        "withdrawn_on",
        "withdrawal_reason",
        "imported",
        "import_note",
        "content_sha256",
        "created_at",
    ]
    form_fields = []


controlled_revision_viewset = ControlledRevisionViewSet("controlled_revisions")


@hooks.register("register_admin_viewset")
def register_controlled_revision_viewset():
    return controlled_revision_viewset


@hooks.register("register_permissions")
def controlled_revision_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="procedures",
        codename__in=[
            "view_controlledrevision",
            "view_withdrawalrequest",
            "add_withdrawalrequest",
            "change_withdrawalrequest",
        ],
    )


@hooks.register("register_admin_viewset")
def register_controlled_page_viewsets():
    # The sign-off's editor and workflow-action views (procedures/signoff_views.py) for every controlled type.
    from procedures.signoff_views import ControlledPageViewSet

    return [
        ControlledPageViewSet(f"controlled_{model._meta.model_name}", model=model)
        for model in (ProcedurePage, ServiceStatementPage)
    ]


@hooks.register("register_log_actions")
def register_sanad_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("construct_page_action_menu")
def hide_direct_publish_for_controlled_pages(menu_items, request, context):
    page = context.get("page")
    page_class = type(page) if page is not None else context.get("page_class")
    if page_class is None and context.get("content_type") is not None:
        page_class = context["content_type"].model_class()
    if page_class and issubclass(page_class, ControlledDocumentPage):
        menu_items[:] = [
            item for item in menu_items if item.name not in {"action-publish", "action-unpublish"}
        ]


@hooks.register("register_page_header_buttons")
def withdrawal_button(page, user, view_name, next_url=None):
    specific_class = page.specific_class
    if (
        specific_class
        and issubclass(specific_class, ControlledDocumentPage)
        and page.live
        and has_role(user, Role.QUALITY_OFFICER)
    ):
        yield Button(
            "درخواست ابطال",
            reverse("procedures_request_withdrawal", args=[page.id]),
            icon_name="cross",
            priority=80,
        )


@hooks.register("before_delete_page")
def refuse_deleting_controlled_documents(request, page):
    from django.contrib import messages
    from django.shortcuts import redirect

    if ControlledRevision.objects.filter(page_id=page.pk).exists():
        messages.error(
            request, "سند کنترل‌شده‌ای که بازنگری منتشرشده دارد حذف نمی‌شود؛ از «درخواست ابطال» استفاده کنید."
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("register_admin_urls")
def withdrawal_urls():
    return [
        path("withdrawals/", admin_views.withdrawal_queue, name="procedures_withdrawals"),
        path("control-log/", admin_views.control_log, name="procedures_control_log"),
        path(
            "withdrawals/<int:request_id>/decide/",
            admin_views.decide_withdrawal,
            name="procedures_decide_withdrawal",
        ),
        path(
            "withdrawals/request/<int:page_id>/",
            admin_views.request_withdrawal,
            name="procedures_request_withdrawal",
        ),
    ]


@hooks.register("register_admin_urls")
def signoff_report_urls():
    from procedures.signoff_views import SignOffReportView

    return [
        path("signoff/report/", SignOffReportView.as_view(), name="procedures_signoff_report"),
        path(
            "signoff/report/results/",
            SignOffReportView.as_view(results_only=True),
            name="procedures_signoff_report_results",
        ),
    ]


class SignOffReportMenuItem(MenuItem):
    def is_shown(self, request):
        return any(has_role(request.user, r) for r in (Role.CONFIRMER, Role.APPROVER, Role.QUALITY_OFFICER))


@hooks.register("register_admin_menu_item")
def signoff_report_menu_item():
    return SignOffReportMenuItem(
        "گزارش گردش امضا", reverse("procedures_signoff_report"), icon_name="tasks", order=215
    )


class ScreenMenuItem(MenuItem):
    """A menu item shown only to those its screen lets in."""

    def __init__(self, label, url, may_open, **kwargs):
        super().__init__(label, url, **kwargs)
        self.may_open = may_open

    def is_shown(self, request):
        return self.may_open(request.user)


@hooks.register("register_admin_menu_item")
def withdrawal_menu_item():
    return ScreenMenuItem(
        "درخواست‌های ابطال",
        reverse("procedures_withdrawals"),
        screen_access.may_see_withdrawals,
        icon_name="cross",
        order=220,
    )


@hooks.register("register_admin_menu_item")
def control_log_menu_item():
    return ScreenMenuItem(
        "تاریخچه کنترل اسناد",
        reverse("procedures_control_log"),
        screen_access.may_read_control_log,
        icon_name="history",
        order=230,
    )


class OverdueReviewsPanel(Component):
    """Dashboard: controlled documents whose periodic review is overdue, and pending withdrawals."""

    name = "sanad_overdue_reviews"
    order = 50
    template_name = "procedures/admin/overdue_reviews_panel.html"

    def get_context_data(self, parent_context=None):
        overdue = []
        for model in (ProcedurePage, ServiceStatementPage):
            for page in model.objects.live().order_by("title"):
                if page.review_overdue():
                    overdue.append(page)
        pending = WithdrawalRequest.objects.filter(status=WithdrawalRequest.Status.PENDING).select_related(
            "page"
        )
        return {"overdue": overdue, "pending_withdrawals": pending}


@hooks.register("construct_homepage_panels")
def add_overdue_reviews_panel(request, panels):
    panels.insert(0, OverdueReviewsPanel())


# --- controlled copies (issue 6 §4): issue, print, recall. Views in procedures/pdf/admin_views.py. ---


@hooks.register("register_admin_urls")
def controlled_copy_urls():
    from procedures.pdf import admin_views as copy_views

    return [
        path("copies/recall/", copy_views.recall_list, name="procedures_recall_list"),
        path("copies/<int:copy_id>/recall/", copy_views.recall_copy, name="procedures_recall_copy"),
        path("copies/<int:copy_id>/pdf/", copy_views.copy_pdf, name="procedures_copy_pdf"),
        path("copies/document/<int:page_id>/", copy_views.page_copies, name="procedures_page_copies"),
        path("copies/issue/<int:revision_id>/", copy_views.issue_copy, name="procedures_issue_copy"),
    ]


class RecallMenuItem(MenuItem):
    def is_shown(self, request):
        from procedures.pdf.admin_views import may_read_register

        return may_read_register(request.user)


@hooks.register("register_admin_menu_item")
def recall_list_menu_item():
    return RecallMenuItem(
        "فهرست فراخوان نسخه‌ها", reverse("procedures_recall_list"), icon_name="undo", order=225
    )


@hooks.register("register_page_header_buttons")
def controlled_copies_button(page, user, view_name, next_url=None):
    from procedures.pdf.admin_views import may_read_register

    specific_class = page.specific_class
    if (
        specific_class
        and issubclass(specific_class, ControlledDocumentPage)
        and ControlledRevision.objects.filter(page_id=page.pk).exists()
        and may_read_register(user)
    ):
        yield Button(
            "صدور نسخه کنترل‌شده",
            reverse("procedures_page_copies", args=[page.id]),
            icon_name="doc-full",
            priority=70,
        )


# --- end of controlled copies ----------------------------------------------------------------


# --- bulk import of external references (issue 13 §1). Views in procedures/reference_import_views.py. ---


@hooks.register("register_admin_urls")
def reference_import_urls():
    from procedures.reference_import_views import reference_import_view

    return [path("references/import/", reference_import_view, name="procedures_reference_import")]


class ReferenceImportMenuItem(MenuItem):
    def is_shown(self, request):
        from procedures.reference_import import default_parent, may_import

        return may_import(request.user, default_parent())


@hooks.register("register_admin_menu_item")
def reference_import_menu_item():
    return ReferenceImportMenuItem(
        "ورود گروهی مستندات", reverse("procedures_reference_import"), icon_name="upload", order=226
    )


@hooks.register("register_page_header_buttons")
def reference_import_button(page, user, view_name, next_url=None):
    """On the references folder (its listing and editor): «ورود گروهی از فایل»."""
    from home.models import SectionIndexPage
    from procedures.models import ExternalReferencePage
    from procedures.reference_import import may_import

    if page.specific_class is not SectionIndexPage:
        return
    holds_references = page.slug == "references" or ExternalReferencePage.objects.child_of(page).exists()
    if holds_references and may_import(user, page):
        yield Button(
            "ورود گروهی از فایل",
            f"{reverse('procedures_reference_import')}?parent={page.pk}",
            icon_name="upload",
            priority=60,
        )
