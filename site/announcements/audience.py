"""Who may read an announcement, kept as Wagtail page privacy so every path (pages, search, sitemap,
API, feeds) honours it the same way."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import models
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from accounts.roles import Role, ensure_role_groups


class Audience(models.TextChoices):
    PUBLIC = "public", "عموم مردم"
    AGENCIES = "agencies", "فقط دستگاه‌های اجرایی"


#: Who reads an agencies-only notice: the agencies it is addressed to, and the staff who write,
#: evaluate against and audit it. Superusers pass every Wagtail restriction anyway.
AGENCY_AUDIENCE_ROLES = (Role.AGENCY_USER, Role.QUALITY_OFFICER, Role.EVALUATOR, Role.AUDITOR)


def agency_audience_groups() -> list[Group]:
    groups = ensure_role_groups()
    return [groups[role] for role in AGENCY_AUDIENCE_ROLES]


def sync_view_restriction(page: Page, audience: str) -> None:
    """Make the page's own view restriction match its audience; restrictions set by hand on other
    kinds (password, login) are left alone, because an editor chose them on purpose."""
    own = PageViewRestriction.objects.filter(page=page, restriction_type=PageViewRestriction.GROUPS)
    if audience == Audience.AGENCIES:
        restriction = own.first() or PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(agency_audience_groups())
    else:
        own.delete()


#: Where the files of agencies-only notices go: a collection only the same groups may download from.
AGENCY_COLLECTION_NAME = "پیوست‌های ویژه دستگاه‌ها"
PUBLIC_COLLECTION_NAME = "پیوست‌های اطلاعیه‌ها"


def is_private(document) -> bool:
    """True when the document's collection, or one above it, restricts who may download."""
    return document.collection.get_view_restrictions().exists()


def ensure_attachment_collections() -> tuple[Collection, Collection]:
    """The public and the agencies-only collections for notice attachments, made once."""
    root = Collection.get_first_root_node()
    collections = []
    for name in (PUBLIC_COLLECTION_NAME, AGENCY_COLLECTION_NAME):
        existing = root.get_children().filter(name=name).first()
        collections.append(existing or root.add_child(instance=Collection(name=name)))
    public, private = collections
    restriction = CollectionViewRestriction.objects.filter(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    ).first() or CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(agency_audience_groups())
    return public, private
