"""Records set-up as data: who edits the retention register, and the protected «سوابق» collection. Idempotent."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from wagtail.models import Collection, GroupPagePermission

from accounts.roles import Role, ensure_role_groups

REGISTER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")


def ensure_records_setup(register) -> Collection:
    """Records managers keep the register's series (page permissions on its subtree only)."""
    from records.services import records_collection

    groups = ensure_role_groups()
    for codename in REGISTER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=groups[Role.RECORDS_MANAGER],
            page=register,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    return records_collection()
