"""The writes of sharing per unit, each atomic and audited in Wagtail's audit log.

- ``ensure_unit``: a unit with its subtrees, collection and one group per role. Idempotent.
- ``grant_unit_role``: a group gets a role on a unit's subtrees and collection (Wagtail's
  GroupPagePermission and GroupCollectionPermission rows).
- ``retire_tree_wide_grants``: once units exist, the role groups' rows on the whole tree go.
"""

from __future__ import annotations

import logging

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from accounts.roles import Role, collection_permissions, model_permissions, page_permission_codenames
from units import rules
from units.models import OrgUnit, UnitKind, UnitRole
from units.scope import unit_for_page

logger = logging.getLogger("sanad.units")

LOG_ACTIONS: dict[str, tuple[str, str]] = {
    "sanad.units.create": ("ایجاد واحد سازمانی", "واحد سازمانی ایجاد شد"),
    "sanad.units.grant": ("اعطای نقش در واحد", "نقش در واحد به گروه داده شد"),
    "sanad.units.retire": ("پایان دسترسی سراسری نقش‌ها", "دسترسی سراسری گروه‌های نقش برداشته شد"),
}


def unit_group_name(role: Role, unit_name: str) -> str:
    return f"{role.value} — {unit_name}"


def _perm(dotted: str) -> Permission:
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _audit(unit: OrgUnit, action: str, user, data: dict) -> None:
    logger.info("%s on %s by %s: %s", action, unit, user, data)
    log(instance=unit, action=action, user=user, data=data)
    for root in unit.root_pages.all():
        log(instance=root.specific, action=action, user=user, data=data)


def _apply(unit: OrgUnit, group: Group, role: Role) -> dict[str, int]:
    """Write the rows that give ``group`` the role on ``unit``; return how many were new."""
    made = {"page": 0, "collection": 0}
    UnitRole.objects.get_or_create(unit=unit, role=role.name, group=group)
    group.permissions.add(*model_permissions(role))
    for root in unit.root_pages.all():
        for codename in page_permission_codenames(role):
            _, created = GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=_perm(f"wagtailcore.{codename}")
            )
            made["page"] += created
    if unit.collection_id:
        for dotted in collection_permissions(role):
            _, created = GroupCollectionPermission.objects.get_or_create(
                group=group, collection=unit.collection, permission=_perm(dotted)
            )
            made["collection"] += created
    return made


@transaction.atomic
def retire_tree_wide_grants(*, by=None) -> int:
    """The role groups stop holding page and collection permissions on the whole tree.

    Source: ISO 9001 §5.3, §7.5.3.1 — once units exist, authority comes from one's unit.
    """
    role_groups = Group.objects.filter(name__in=[role.value for role in Role])
    pages = GroupPagePermission.objects.filter(group__in=role_groups, page=Page.get_first_root_node())
    collections = GroupCollectionPermission.objects.filter(
        group__in=role_groups, collection=Collection.get_first_root_node()
    )
    removed = pages.count() + collections.count()
    if removed:
        pages.delete()
        collections.delete()
        logger.info("retired %s tree-wide role grants (by %s)", removed, by)
        for unit in OrgUnit.objects.filter(parent=None):
            log(instance=unit, action="sanad.units.retire", user=by, data={"rows": removed})
    return removed


def _unit_collection(name: str, kind: str, parent: OrgUnit | None) -> Collection:
    root = Collection.get_first_root_node()
    if parent is None and kind == UnitKind.ORGANISATION:
        return root
    above = (parent.collection if parent and parent.collection_id else None) or root
    existing = above.get_children().filter(name=name).first()
    return existing or above.add_child(instance=Collection(name=name))


@transaction.atomic
def ensure_unit(name: str, kind: str, *, parent: OrgUnit | None = None, roots=(), by=None) -> OrgUnit:
    """A unit with its subtrees (``roots``), its collection, and its own group for each unit role."""
    unit = OrgUnit.objects.filter(name=name).first()
    created = unit is None
    if created:
        unit = OrgUnit.objects.create(
            name=name, kind=kind, parent=parent, collection=_unit_collection(name, kind, parent)
        )
    unit.root_pages.add(*roots)
    for role in rules.UNIT_ROLES:
        group, _ = Group.objects.get_or_create(name=unit_group_name(role, name))
        _apply(unit, group, role)
    retire_tree_wide_grants(by=by)
    if created:
        _audit(unit, "sanad.units.create", by, {"unit": name, "kind": kind, "roots": [p.pk for p in roots]})
    return unit


def groups_for(unit: OrgUnit, role: Role) -> list[Group]:
    return [r.group for r in unit.roles.filter(role=role.name).select_related("group")]


@transaction.atomic
def grant_unit_role(target: OrgUnit | Page, group: Group, role: Role | str, *, by) -> OrgUnit:
    """Give ``group`` the role on the unit of ``target`` (a unit, or a page in one of its subtrees):
    Wagtail page permissions on the unit's roots, collection permissions on its collection. Audited.

    Refused, changing nothing, unless ``by`` is a site administrator and the role is a unit role.
    """
    rules.check_may_grant(is_superuser=bool(by and by.is_superuser))
    role = rules.check_unit_role(role.name if isinstance(role, Role) else str(role))
    unit = target if isinstance(target, OrgUnit) else unit_for_page(target)
    rules.check_page_in_unit(unit.name if unit else None)
    made = _apply(unit, group, role)
    _audit(
        unit,
        "sanad.units.grant",
        by,
        {
            "unit": unit.name,
            "group": group.name,
            "role": role.name,
            "page": getattr(target, "pk", None) if isinstance(target, Page) else None,
            "new_page_permissions": made["page"],
            "new_collection_permissions": made["collection"],
        },
    )
    return unit


def add_member(unit: OrgUnit, user, role: Role) -> None:
    """Put ``user`` in the unit's own group for ``role`` (used by the demo and by tests)."""
    group = Group.objects.get(name=unit_group_name(role, unit.name))
    user.groups.add(group)
