"""The sharing view («اشتراک و دسترسی»): who may do what on a page, inherited or set there, and — for
site administrators — a form to give a group a role on the page's unit."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.models import Group
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from accounts.roles import Role, has_role
from units import rules, services
from units.models import UnitRole
from units.scope import unit_for_page, units_covering


@dataclass
class Row:
    group: str
    permissions: list[str] = field(default_factory=list)
    local: bool = True
    source: str = ""


def may_view_sharing(user, page: Page) -> bool:
    """Site administrators and auditors see every page's sharing; others that of pages they work on."""
    if not (user and user.is_authenticated):
        return False
    if user.is_superuser or has_role(user, Role.AUDITOR):
        return True
    ancestors = Page.objects.ancestor_of(page, inclusive=True)
    if GroupPagePermission.objects.filter(group__user=user, page__in=ancestors).exists():
        return True
    return UnitRole.objects.filter(group__user=user, unit__in=units_covering(page)).exists()


def page_rows(page: Page) -> list[Row]:
    """Per group and per page where they are set, the page permissions that apply on ``page``."""
    ancestors = list(Page.objects.ancestor_of(page, inclusive=True))
    grants = (
        GroupPagePermission.objects.filter(page__in=ancestors)
        .select_related("group", "permission", "page")
        .order_by("group__name", "page__depth", "permission__codename")
    )
    rows: dict[tuple[int, int], Row] = {}
    for grant in grants:
        local = grant.page_id == page.pk
        row = rows.setdefault(
            (grant.group_id, grant.page_id),
            Row(
                group=grant.group.name,
                local=local,
                source="همین صفحه" if local else f"به ارث رسیده از «{grant.page.title}»",
            ),
        )
        row.permissions.append(rules.permission_label(grant.permission.codename))
    return list(rows.values())


def collection_rows(collection) -> list[Row]:
    """Per group, the collection permissions that apply on the unit's collection (set there or above)."""
    if collection is None:
        return []
    ancestors = list(collection.get_ancestors(inclusive=True))
    grants = (
        GroupCollectionPermission.objects.filter(collection__in=ancestors)
        .select_related("group", "permission", "collection")
        .order_by("group__name", "collection__depth", "permission__codename")
    )
    rows: dict[tuple[int, int], Row] = {}
    for grant in grants:
        local = grant.collection_id == collection.pk
        row = rows.setdefault(
            (grant.group_id, grant.collection_id),
            Row(
                group=grant.group.name,
                local=local,
                source="همین مجموعه" if local else f"به ارث رسیده از «{grant.collection.name}»",
            ),
        )
        row.permissions.append(rules.permission_label(grant.permission.codename))
    return list(rows.values())


def unit_role_rows(page: Page) -> list[Row]:
    """Which groups hold which unit role over ``page``: in its own unit, or in a unit above."""
    own = unit_for_page(page)
    rows = []
    for unit in units_covering(page):
        for unit_role in unit.roles.select_related("group").order_by("role", "group__name"):
            rows.append(
                Row(
                    group=unit_role.group.name,
                    permissions=[Role[unit_role.role].value],
                    local=own is not None and unit.pk == own.pk,
                    source=f"واحد «{unit.name}»",
                )
            )
    return rows


class GrantForm(forms.Form):
    group = forms.ModelChoiceField(
        label="گروه",
        queryset=Group.objects.order_by("name"),
        error_messages={"required": "گروه را انتخاب کنید.", "invalid_choice": "گروه انتخاب‌شده وجود ندارد."},
    )
    role = forms.ChoiceField(
        label="نقش",
        choices=[(role.name, role.value) for role in rules.UNIT_ROLES],
        error_messages={"required": "نقش را انتخاب کنید.", "invalid_choice": "نقش انتخاب‌شده معتبر نیست."},
    )


def _refused(request, page, message: str):
    """A refusal with its own Persian message (Wagtail's generic redirect would hide the reason)."""
    return TemplateResponse(request, "units/refused.html", {"page": page, "message": message}, status=403)


def sharing(request, page_id: int):
    page = get_object_or_404(Page, id=page_id)
    if not may_view_sharing(request.user, page):
        return _refused(request, page, "شما به اطلاعات دسترسی این صفحه دسترسی ندارید.")
    can_grant = request.user.is_superuser
    form = GrantForm(request.POST or None) if can_grant else None
    if request.method == "POST":
        if not can_grant:
            try:
                rules.check_may_grant(is_superuser=False)
            except rules.SharingRefused as exc:
                return _refused(request, page, exc.message)
        if form.is_valid():
            try:
                unit = services.grant_unit_role(
                    page, form.cleaned_data["group"], form.cleaned_data["role"], by=request.user
                )
            except rules.SharingRefused as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    f"نقش «{Role[form.cleaned_data['role']].value}» در واحد «{unit.name}» به گروه "
                    f"«{form.cleaned_data['group'].name}» داده شد.",
                )
                return redirect("units_sharing", page.pk)
    unit = unit_for_page(page)
    context = {
        "page": page,
        "unit": unit,
        "page_rows": page_rows(page),
        "unit_role_rows": unit_role_rows(page),
        "collection": unit.collection if unit else None,
        "collection_rows": collection_rows(unit.collection if unit else None),
        "form": form,
    }
    return TemplateResponse(request, "units/sharing.html", context)
