"""Wagtail API v2: read-only pages, documents and images, searchable."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from subjects.api import DublinCorePagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", DublinCorePagesAPIViewSet)  # + dublin_core (issue #7 §5)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
