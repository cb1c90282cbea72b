"""Permission names in Persian (issue 14). Django names each model's permissions «Can add user», «Can change
قاعده محتوا» when it migrates, and Wagtail's group editor lists them so. After every migrate the standard
ones are renamed «افزودن کاربر», «ویرایش قاعده محتوا»; a name someone has changed is left alone."""

from __future__ import annotations

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Permission
from django.utils import translation

VERBS = {"add": "افزودن", "change": "ویرایش", "delete": "حذف", "view": "مشاهده"}
# Wagtail's own permissions beyond the standard four.
OTHERS = {
    ("wagtailadmin", "access_admin"): "دسترسی به پیشخوان مدیریت",
    ("wagtaildocs", "choose_document"): "انتخاب سند",
    ("wagtailimages", "choose_image"): "انتخاب تصویر",
}


def persian_name(action: str, verbose_name: str) -> str:
    return f"{VERBS[action]} {verbose_name}"


def rename_permissions(app_config=None, using="default", apps=None, **kwargs) -> None:
    """post_migrate receiver: the standard permissions still carrying Django's English name get Persian.

    Sanad's apps come before django.contrib.auth in INSTALLED_APPS, so this receiver runs before auth's
    own for each app: it has auth make the app's permissions first (that step does nothing twice)."""
    if app_config is not None:
        # A flush sends the signal without `apps`; the permissions must still exist before renaming.
        create_permissions(app_config, verbosity=0, using=using, apps=apps or global_apps)
    changed = []
    with translation.override("fa"):
        found = Permission.objects.using(using).select_related("content_type").filter(name__startswith="Can ")
        if app_config is not None:
            # Only the app just migrated: each app's signal renames its own (not every app's, ~40 times over).
            found = found.filter(content_type__app_label=app_config.label)
        for permission in found:
            other = OTHERS.get((permission.content_type.app_label, permission.codename))
            if other:
                permission.name = other
                changed.append(permission)
                continue
            action = permission.codename.split("_", 1)[0]
            model = permission.content_type.model_class()
            if action not in VERBS or model is None:
                continue
            if permission.codename != f"{action}_{model._meta.model_name}":
                continue
            permission.name = persian_name(action, str(model._meta.verbose_name))[:255]
            changed.append(permission)
    Permission.objects.using(using).bulk_update(changed, ["name"])
