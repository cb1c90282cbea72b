"""Django's JSON Lines serialiser, with foreign keys kept as ids except to content types and permissions.

Content types and permissions are rebuilt by ``migrate`` with ids of their own, so they are named by
natural key («app_label.model», codename). Every other reference keeps its id, as the rows keep
theirs — including references that point nowhere by design (an audit entry about a deleted page).
Datetimes keep their microseconds (``layout.PreciseJSONEncoder``).
"""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.serializers import jsonl

from archive.layout import PreciseJSONEncoder

BY_NATURAL_KEY = (ContentType, Permission)


class Serializer(jsonl.Serializer):
    def _natural_for(self, field) -> bool:
        return field.remote_field.model in BY_NATURAL_KEY

    def handle_fk_field(self, obj, field):
        if field.remote_field.model is ContentType:
            # From the content-type cache: fetching each row's content type would cost a query per row.
            value = getattr(obj, field.attname)
            self._current[field.name] = (
                None if value is None else list(ContentType.objects.get_for_id(value).natural_key())
            )
            return
        self.use_natural_foreign_keys = self._natural_for(field)
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = self._natural_for(field)
        super().handle_m2m_field(obj, field)
        values = self._current.get(field.name)
        if values and all(isinstance(v, int) for v in values):
            values.sort()  # the database returns them in no set order; a bag should not depend on it


def serialize(objects, stream) -> None:
    Serializer().serialize(objects, stream=stream, cls=PreciseJSONEncoder)


Deserializer = jsonl.Deserializer
