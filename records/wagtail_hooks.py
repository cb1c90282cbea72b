"""Admin wiring for records: audit-log actions, permissions, protected serving; viewsets in ``records.admin``."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from wagtail import hooks

from records.audit import LOG_ACTIONS


@hooks.register("register_log_actions")
def register_records_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("before_serve_document")
def serve_record_files_only_to_permitted_users(document, request):
    """A record's file is served only to people who may read records (the collection is private too)."""
    from records.models import RecordFile
    from records.services import may_read_record_files

    if RecordFile.objects.filter(document_id=document.pk).exists() and not may_read_record_files(
        request.user
    ):
        raise PermissionDenied("فایل سوابق فقط برای کارکنان مجاز قابل مشاهده است.")
    return None


@hooks.register("register_admin_viewset")
def register_records_viewsets():
    from records.viewsets import RecordsGroup

    return RecordsGroup()


@hooks.register("register_admin_urls")
def records_admin_urls():
    from django.urls import path

    from records import views

    return [
        path("records/item/<int:pk>/", views.record_detail, name="records_record_detail"),
        path("records/item/<int:pk>/upload/", views.record_upload, name="records_record_upload"),
        path("records/item/<int:pk>/declare/", views.record_declare, name="records_record_declare"),
        path("records/item/<int:pk>/hold/", views.record_hold, name="records_record_hold"),
        path("records/item/<int:pk>/history/", views.record_history, name="records_record_history"),
        path("records/file/<int:pk>/", views.record_file_download, name="records_file_download"),
        path("records/file/<int:pk>/remove/", views.record_file_remove, name="records_file_remove"),
        path("records/series/<int:page_id>/hold/", views.series_hold, name="records_series_hold"),
        path("records/holds/", views.holds_queue, name="records_holds"),
        path("records/holds/new/", views.hold_new, name="records_hold_new"),
        path("records/holds/<int:pk>/release/", views.hold_request_release, name="records_hold_release"),
        path("records/holds/<int:pk>/decide/", views.hold_decide, name="records_hold_decide"),
        path("records/due/", views.due_list, name="records_due"),
        path("records/batches/", views.batches, name="records_batches"),
        path("records/batches/prepare/", views.batch_prepare, name="records_batch_prepare"),
        path("records/batches/<int:pk>/", views.batch_detail, name="records_batch_detail"),
        path("records/batches/<int:pk>/package/", views.batch_package, name="records_batch_package"),
        path("records/batches/<int:pk>/<str:action>/", views.batch_action, name="records_batch_action"),
        path("records/register/import/", views.register_import, name="records_register_import"),
        path("records/register/export/", views.register_export, name="records_register_export"),
    ]


class _RoleMenuItem:
    """A menu item shown to records staff, auditors and (for the queues) approvers."""

    @staticmethod
    def build(label, url_name, icon, order, *, approvers=False):
        from django.urls import reverse
        from wagtail.admin.menu import MenuItem

        class Item(MenuItem):
            def is_shown(self, request):
                from accounts.roles import Role, has_role
                from records.services import may_read_record_files

                user = request.user
                return may_read_record_files(user) or (approvers and has_role(user, Role.APPROVER))

        return Item(label, reverse(url_name), icon_name=icon, order=order)


@hooks.register("register_admin_menu_item")
def due_list_menu_item():
    return _RoleMenuItem.build("موعد تعیین تکلیف", "records_due", "date", 241)


@hooks.register("register_admin_menu_item")
def holds_queue_menu_item():
    return _RoleMenuItem.build("توقیف‌ها و رفع آنها", "records_holds", "lock", 242, approvers=True)


@hooks.register("register_admin_menu_item")
def batches_menu_item():
    return _RoleMenuItem.build("فهرست‌های تعیین تکلیف", "records_batches", "bin", 243, approvers=True)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return _RoleMenuItem.build("ورود و خروج جدول نگهداری", "records_register_import", "table", 244)


@hooks.register("before_delete_page")
def refuse_deleting_series_in_use(request, page):
    """A series (or the register) whose records or holds exist is never deleted; the admin says why."""
    from django.contrib import messages
    from django.shortcuts import redirect

    from records.models import Hold, Record, RetentionRegisterPage, RetentionSeriesPage

    specific = page.specific_class
    if specific is None or not issubclass(specific, (RetentionSeriesPage, RetentionRegisterPage)):
        return None
    series_ids = (
        [page.pk]
        if issubclass(specific, RetentionSeriesPage)
        else list(RetentionSeriesPage.objects.descendant_of(page).values_list("pk", flat=True))
    )
    if (
        Record.objects.filter(series_id__in=series_ids).exists()
        or Hold.objects.filter(series_id__in=series_ids).exists()
    ):
        messages.error(request, "این ردیف جدول نگهداری سابقه یا توقیف دارد و حذف نمی‌شود.")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("register_permissions")
def records_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="records",
        codename__in=[
            "view_record",
            "add_record",
            "change_record",
            "delete_record",
            "view_recordfile",
            "view_hold",
            "add_hold",
            "change_hold",
            "view_dispositionbatch",
            "add_dispositionbatch",
            "change_dispositionbatch",
            "view_dispositionitem",
        ],
    )


class RecordsDashboardPanel:
    """Dashboard: what waits on records staff and second persons (due records, pending approvals)."""

    @staticmethod
    def build():
        from wagtail.admin.ui.components import Component

        class Panel(Component):
            name = "sanad_records"
            order = 60
            template_name = "records/admin/dashboard_panel.html"

            def get_context_data(self, parent_context=None):
                from records.choices import BatchStatus, HoldStatus
                from records.models import DispositionBatch, Hold
                from records.services import due_records

                due = due_records()
                return {
                    "due": due.count(),
                    "due_held": due.on_hold().count(),
                    "batches": DispositionBatch.objects.filter(status=BatchStatus.PREPARED).count(),
                    "approved": DispositionBatch.objects.filter(status=BatchStatus.APPROVED).count(),
                    "releases": Hold.objects.filter(status=HoldStatus.RELEASE_REQUESTED).count(),
                }

        return Panel()


@hooks.register("construct_homepage_panels")
def add_records_panel(request, panels):
    from accounts.roles import Role, has_role
    from records.services import may_read_record_files

    if may_read_record_files(request.user) or has_role(request.user, Role.APPROVER):
        panels.append(RecordsDashboardPanel.build())
