"""The rules of sharing per unit, one small typed function each. Pure: callers pass the facts.

A breach raises ``SharingRefused`` (a ``PermissionDenied``) whose message is Persian and shown as is.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied

from accounts.role_names import Role

#: The roles a unit holds through its own groups (ISO 9001 §5.3: responsibilities assigned per unit).
UNIT_ROLES: tuple[Role, ...] = (Role.QUALITY_OFFICER, Role.CONFIRMER, Role.APPROVER)

#: Persian labels for Wagtail's page and collection permission codenames, shown in the sharing view.
PERMISSION_LABELS: dict[str, str] = {
    "add_page": "افزودن صفحه (و ویرایش صفحه‌های خود)",
    "change_page": "ویرایش صفحه",
    "publish_page": "انتشار",
    "lock_page": "قفل کردن",
    "unlock_page": "باز کردن قفل",
    "bulk_delete_page": "حذف گروهی",
    "view_page": "مشاهده",
    "add_document": "افزودن سند",
    "change_document": "ویرایش سند",
    "delete_document": "حذف سند",
    "choose_document": "انتخاب سند",
    "add_image": "افزودن تصویر",
    "change_image": "ویرایش تصویر",
    "delete_image": "حذف تصویر",
    "choose_image": "انتخاب تصویر",
    "add_collection": "افزودن مجموعه",
    "change_collection": "ویرایش مجموعه",
    "delete_collection": "حذف مجموعه",
}


class SharingRefused(PermissionDenied):
    """A refused grant; ``str(exc)`` is the Persian message."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def permission_label(codename: str) -> str:
    """The Persian name of a Wagtail permission codename (the codename itself when unknown)."""
    return PERMISSION_LABELS.get(codename, codename)


def check_may_grant(*, is_superuser: bool) -> None:
    """Only a site administrator assigns roles and authorities on a unit's subtree.

    Source: ISO 9001 §5.3 (top management assigns responsibilities and authorities);
    §7.5.3.1 (access control of documented information).
    """
    if not is_superuser:
        raise SharingRefused("فقط مدیر سامانه می‌تواند نقش و دسترسی واحدها را تعیین کند.")


def check_unit_role(role_name: str) -> Role:
    """A unit's groups hold only the document-control roles: quality officer, confirmer, approver.

    Source: ISO 9001 §5.3; seed 000 header (تهیه‌کننده، تاییدکننده، تصویب‌کننده).
    """
    role = Role.__members__.get(role_name)
    if role not in UNIT_ROLES:
        raise SharingRefused("نقش انتخاب‌شده از نقش‌های واحد (مسئول کیفیت، تاییدکننده، تصویب‌کننده) نیست.")
    return role


def check_page_in_unit(unit_name: str | None) -> str:
    """A role is granted on a unit's subtree, so the page must lie in some unit.

    Source: ISO 9001 §5.3 (responsibilities are assigned within the organisation's units).
    """
    if not unit_name:
        raise SharingRefused("این صفحه در زیرشاخه هیچ واحد سازمانی نیست؛ ابتدا واحد آن را تعیین کنید.")
    return unit_name


def holds_role_in_scope(
    *, units_covering_page: Iterable[int], units_where_user_holds_role: Iterable[int]
) -> bool:
    """A unit's officers, confirmers and approvers act only on pages in a subtree of their unit.

    Source: ISO 9001 §5.3 (authorities per unit); §7.5.3.1 c (access control). ``units_covering_page``
    are the units with a root at the page or above it (an organisation covers its deputies' pages).
    """
    return bool(set(units_covering_page) & set(units_where_user_holds_role))
