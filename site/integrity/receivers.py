"""Seal every audit entry as it is written, in the same transaction; guard SQLite connections."""

from __future__ import annotations

from django.db.backends.signals import connection_created
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import ModelLogEntry, PageLogEntry

from integrity import chain, guard


def _seal(sender, instance, created, raw=False, using="default", **kwargs):
    # A fixture load (loaddata of a backup) brings its own seals; an update is not a new entry.
    if raw or not created:
        return
    chain.seal_entry(instance, using=using)


post_save.connect(_seal, sender=PageLogEntry, dispatch_uid="integrity_seal_page_log")
post_save.connect(_seal, sender=ModelLogEntry, dispatch_uid="integrity_seal_model_log")


@receiver(connection_created, dispatch_uid="integrity_sqlite_guard")
def _register_guard(sender, connection, **kwargs):
    guard.register_sqlite_function(connection)
