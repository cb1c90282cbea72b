"""The organisation's roles, as Wagtail groups, and the permissions each one holds.

Roles are data (groups), so a site administrator can add people to them in the admin; this module
only makes sure each group exists with its baseline permissions. Idempotent.

Page and collection scope: until the tree is split into organisational units (``units.OrgUnit``), the
role groups hold their page and collection permissions over the whole tree, as one implicit unit.
Once units exist, those tree-wide rows are retired (``units.services.retire_tree_wide_grants``) and each
unit's own groups hold them on the unit's subtrees and collection; the role groups keep only what is
not tied to a place (model permissions, admin access, audiences). ISO 9001 §5.3, §7.5.3.1.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from accounts.role_names import Role
from units.models import OrgUnit

__all__ = ["Role", "collection_permissions", "ensure_role_groups", "has_role", "model_permissions"]


# Page permissions on the whole tree; controlled pages refuse "publish" for everyone regardless
# (procedures.permissions), so granting it here only lets officers publish external references.
_PAGE_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.QUALITY_OFFICER: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    Role.CONFIRMER: (),
    Role.APPROVER: (),
    Role.AGENCY_USER: (),
    Role.EVALUATOR: (),
    Role.RECORDS_MANAGER: (),
    Role.AUDITOR: (),
}

_COLLECTION_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.QUALITY_OFFICER: ("add_document", "change_document", "choose_document", "add_image", "choose_image"),
    Role.RECORDS_MANAGER: ("add_document", "change_document", "choose_document"),
}

_MODEL_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.QUALITY_OFFICER: (
        "procedures.add_issuingauthority",
        "procedures.change_issuingauthority",
        "procedures.view_issuingauthority",
        "procedures.add_withdrawalrequest",
        "procedures.view_withdrawalrequest",
        "procedures.view_controlledrevision",
        "feedback.view_feedbacksubmission",
        "feedback.change_feedbacksubmission",
        "records.view_record",
        "records.add_record",
        "records.change_record",
        "records.view_recordfile",
        "records.view_hold",
        "records.add_hold",
    ),
    Role.RECORDS_MANAGER: (
        "records.view_record",
        "records.add_record",
        "records.change_record",
        "records.delete_record",
        "records.view_recordfile",
        "records.view_hold",
        "records.add_hold",
        "records.change_hold",
        "records.view_dispositionbatch",
        "records.add_dispositionbatch",
        "records.change_dispositionbatch",
        "records.view_dispositionitem",
    ),
    Role.CONFIRMER: ("procedures.view_controlledrevision",),
    Role.APPROVER: (
        "procedures.view_controlledrevision",
        "procedures.view_withdrawalrequest",
        "procedures.change_withdrawalrequest",
        "evaluation.view_agency",
        "evaluation.view_indicator",
    ),
    Role.EVALUATOR: (
        "evaluation.add_agency",
        "evaluation.change_agency",
        "evaluation.view_agency",
        "evaluation.add_agencymember",
        "evaluation.change_agencymember",
        "evaluation.delete_agencymember",
        "evaluation.view_agencymember",
        "evaluation.add_indicator",
        "evaluation.change_indicator",
        "evaluation.view_indicator",
    ),
    Role.AUDITOR: (
        "procedures.view_controlledrevision",
        "procedures.view_withdrawalrequest",
        "procedures.view_issuingauthority",
        "accounts.view_staffprofile",
        "records.view_record",
        "records.view_recordfile",
        "records.view_hold",
        "records.view_dispositionbatch",
        "records.view_dispositionitem",
        "evaluation.view_agency",
        "evaluation.view_agencymember",
        "evaluation.view_indicator",
    ),
}

_EVERYONE = ("wagtailadmin.access_admin",)


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission_codenames(role: Role) -> tuple[str, ...]:
    """Wagtail page permissions the role holds on its scope (the whole tree, or its unit's subtrees)."""
    return _PAGE_PERMISSIONS.get(role, ())


def collection_permissions(role: Role) -> tuple[str, ...]:
    """``app.codename`` of the collection permissions the role holds on its scope's collection."""
    return tuple(
        f"{'wagtaildocs' if codename.endswith('document') else 'wagtailimages'}.{codename}"
        for codename in _COLLECTION_PERMISSIONS.get(role, ())
    )


def model_permissions(role: Role) -> list[Permission]:
    """The role's permissions that are not tied to a place: admin access and model permissions."""
    return [_permission(dotted) for dotted in _EVERYONE + _MODEL_PERMISSIONS.get(role, ())]


def _units_in_use() -> bool:
    return OrgUnit.objects.exists()


def ensure_role_groups() -> dict[Role, Group]:
    """Create every role group with its baseline permissions; return them by role.

    Page and collection permissions go on the whole tree only while no organisational unit exists.
    """
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    tree_wide = not _units_in_use()
    groups: dict[Role, Group] = {}
    for role in Role:
        group, _ = Group.objects.get_or_create(name=role.value)
        group.permissions.add(*model_permissions(role))
        groups[role] = group
        if not tree_wide:
            continue
        for codename in _PAGE_PERMISSIONS.get(role, ()):
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=_permission(f"wagtailcore.{codename}")
            )
        for codename in _COLLECTION_PERMISSIONS.get(role, ()):
            app = "wagtaildocs" if codename.endswith("document") else "wagtailimages"
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(f"{app}.{codename}")
            )
    return groups


def has_role(user, role: Role) -> bool:
    """The user is in the role's group, or in a group holding the role in some organisational unit."""
    if not (user and user.is_authenticated):
        return False
    return user.groups.filter(Q(name=role.value) | Q(unit_roles__role=role.name)).exists()
