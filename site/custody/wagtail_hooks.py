"""Custody in the admin: delete becomes trash for what was published; trash and withdrawal screens."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from custody import admin_views

LOG_ACTIONS = {
    "sanad.trash": ("انتقال به سطل بازیافت", "به سطل بازیافت منتقل شد"),
    "sanad.restore": ("بازگردانی از سطل بازیافت", "از سطل بازیافت بازگردانده شد"),
    "sanad.cited_withdrawal.request": ("درخواست ابطال مستند", "ابطال درخواست شد"),
    "sanad.cited_withdrawal.approve": ("ابطال مستند", "ابطال شد"),
    "sanad.cited_withdrawal.reject": ("رد درخواست ابطال مستند", "درخواست ابطال رد شد"),
}


@hooks.register("register_log_actions")
def register_custody_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("before_delete_page")
def trash_published_pages(request, page):
    return admin_views.trash_instead_of_delete(request, page)


@hooks.register("before_bulk_action")
def trash_published_pages_in_bulk(request, action_type, objects, action_class_instance):
    """Bulk delete: published pages go to the trash, cited ones stay; only never-published drafts are deleted."""
    from django.contrib import messages
    from django.shortcuts import redirect
    from wagtail.actions.delete_page import DeletePageAction
    from wagtail.models import Page

    from custody import rules, services

    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    kept, trashed, deleted = [], 0, 0
    for page in objects:
        refusal = services.refusal_to_delete(page)
        if refusal is None:
            DeletePageAction(page, user=request.user).execute(skip_permission_checks=True)
            deleted += 1
            continue
        try:
            services.trash_page(page, user=request.user, reason="حذف گروهی")
            trashed += 1
        except rules.CustodyViolation as exc:
            kept.append(f"«{page.title}»: {exc}")
    if trashed or deleted:
        messages.success(request, f"{trashed} صفحه به سطل بازیافت رفت و {deleted} پیش‌نویس حذف شد.")
    for message in kept:
        messages.error(request, message)
    return redirect(request.GET.get("next") or "wagtailadmin_explore_root")


@hooks.register("construct_explorer_page_queryset")
def hide_trashed_pages(parent_page, pages, request):
    from custody.models import TrashedPage

    return pages.exclude(pk__in=TrashedPage.trashed_page_ids())


@hooks.register("register_admin_urls")
def custody_urls():
    return [
        path("trash/", admin_views.trash_list, name="custody_trash"),
        path("trash/<int:entry_id>/restore/", admin_views.restore, name="custody_restore"),
        path("cited-withdrawals/", admin_views.withdrawal_queue, name="custody_withdrawals"),
        path(
            "cited-withdrawals/request/<int:page_id>/",
            admin_views.request_withdrawal,
            name="custody_request_withdrawal",
        ),
        path(
            "cited-withdrawals/<int:request_id>/decide/",
            admin_views.decide_withdrawal,
            name="custody_decide_withdrawal",
        ),
    ]


@hooks.register("register_settings_menu_item")
def trash_menu_item():
    return MenuItem("سطل بازیافت", reverse("custody_trash"), icon_name="bin", order=900)


@hooks.register("register_page_header_buttons")
def custody_header_buttons(page, user, view_name, next_url=None):
    """Where Wagtail offers «حذف»: for a cited page, why it is kept, and the way to withdraw it."""
    from wagtail.admin.widgets import Button

    from procedures.citations import is_cited
    from procedures.models import ExternalReferencePage
    from records.models import RetentionSeriesPage

    specific = page.specific
    if not isinstance(specific, (ExternalReferencePage, RetentionSeriesPage)):
        return
    if is_cited(page.pk):
        yield Button(
            "حذف‌نشدنی: مورد استناد (چرا؟)",
            reverse("wagtailadmin_pages:delete", args=[page.pk]),
            icon_name="lock",
            priority=51,
        )
    if not specific.is_withdrawn:
        yield Button(
            "درخواست ابطال",
            reverse("custody_request_withdrawal", args=[page.pk]),
            icon_name="cross",
            priority=61,
        )
