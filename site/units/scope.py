"""Which unit a page belongs to, and whether a user holds a role there. Read-only queries."""

from __future__ import annotations

from django.db.models import Max
from wagtail.models import Page

from accounts.roles import Role
from units import rules
from units.models import OrgUnit, UnitRole


def units_in_use() -> bool:
    """True once the tree has been split into organisational units."""
    return OrgUnit.objects.exists()


def units_covering(page: Page):
    """Every unit with a root at ``page`` or above it, deepest root first."""
    ancestors = Page.objects.ancestor_of(page, inclusive=True)
    return (
        OrgUnit.objects.filter(root_pages__in=ancestors)
        .annotate(root_depth=Max("root_pages__depth"))
        .order_by("-root_depth", "name")
    )


def unit_for_page(page: Page) -> OrgUnit | None:
    """The unit responsible for ``page``: the one whose root is nearest above it."""
    return units_covering(page).first()


def unit_ids_where_user_holds(user, role: Role) -> set[int]:
    if not (user and user.is_authenticated):
        return set()
    return set(
        UnitRole.objects.filter(role=role.name, group__in=user.groups.all()).values_list("unit_id", flat=True)
    )


def may_act_in_scope(user, role: Role, page: Page) -> bool:
    """Whether ``user`` holds ``role`` in a unit covering ``page`` (always, before units exist or for a
    page no unit covers: then the organisation-wide role groups decide alone)."""
    if not units_in_use():
        return True
    covering = [unit.pk for unit in units_covering(page)]
    if not covering:
        return True
    return rules.holds_role_in_scope(
        units_covering_page=covering, units_where_user_holds_role=unit_ids_where_user_holds(user, role)
    )
