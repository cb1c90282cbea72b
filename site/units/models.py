"""Organisational units (سازمان، معاونت، دفتر): each owns one or more subtrees of the content tree, a
collection, and the groups that hold its roles. Permissions themselves stay Wagtail's own
GroupPagePermission and GroupCollectionPermission rows; a unit only says which rows belong together.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import models
from wagtail.models import Collection, Page

from accounts.role_names import Role


class UnitKind(models.TextChoices):
    ORGANISATION = "organisation", "سازمان"
    DEPUTY = "deputy", "معاونت"
    OFFICE = "office", "دفتر / اداره"


class OrgUnit(models.Model):
    """A unit of the organisation and the parts of the content tree and media it is responsible for."""

    name = models.CharField("نام واحد", max_length=255, unique=True)
    kind = models.CharField("نوع واحد", max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="واحد بالادستی",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    root_pages = models.ManyToManyField(
        Page,
        verbose_name="ریشه‌های واحد در درخت محتوا",
        related_name="org_units",
        blank=True,
    )
    collection = models.ForeignKey(
        Collection,
        verbose_name="مجموعه اسناد و تصاویر واحد",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="org_units",
    )

    class Meta:
        verbose_name = "واحد سازمانی"
        verbose_name_plural = "واحدهای سازمانی"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class UnitRole(models.Model):
    """``group`` holds ``role`` (a ``accounts.roles.Role`` name) in ``unit``: its members work in the
    unit's subtrees and collection with that role's permissions."""

    unit = models.ForeignKey(OrgUnit, verbose_name="واحد", on_delete=models.CASCADE, related_name="roles")
    role = models.CharField("نقش", max_length=40)
    group = models.ForeignKey(Group, verbose_name="گروه", on_delete=models.CASCADE, related_name="unit_roles")

    class Meta:
        verbose_name = "نقش در واحد"
        verbose_name_plural = "نقش‌ها در واحدها"
        constraints = [
            models.UniqueConstraint(fields=["unit", "role", "group"], name="units_unique_unit_role")
        ]

    def __str__(self) -> str:
        return f"{Role[self.role].value} — {self.unit.name} ({self.group.name})"
