"""Dublin Core in Wagtail API v2: a ``dublin_core`` field on every page's detail view (``/api/v2/pages/<id>/``)."""

from __future__ import annotations

from rest_framework.fields import Field
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.views import PagesAPIViewSet

from subjects.dublin_core import dublin_core


class DublinCoreField(Field):
    """The page's ``subjects.dublin_core.dublin_core`` dict."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return dublin_core(page, self.context.get("request"))


class DublinCorePageSerializer(PageSerializer):
    dublin_core = DublinCoreField(read_only=True)


class DublinCorePagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint plus ``dublin_core`` in detail views (not in listings: one page's worth
    of queries per item)."""

    base_serializer_class = DublinCorePageSerializer
    body_fields = PagesAPIViewSet.body_fields + ["dublin_core"]
    detail_only_fields = PagesAPIViewSet.detail_only_fields + ["dublin_core"]
