"""The protected collection «سوابق», where the files of records are stored, and who may read them."""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Collection, CollectionViewRestriction

from accounts.roles import Role, ensure_role_groups


def records_collection() -> Collection:
    """«سوابق»: where record files live; only records staff and auditors may open its documents."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=settings.RECORDS_COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(name=settings.RECORDS_COLLECTION_NAME)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        groups = ensure_role_groups()
        restriction.groups.set(
            [groups[Role.RECORDS_MANAGER], groups[Role.AUDITOR], groups[Role.QUALITY_OFFICER]]
        )
    return collection


def may_read_record_files(user) -> bool:
    return bool(
        user and user.is_authenticated and (user.is_superuser or user.has_perm("records.view_record"))
    )
