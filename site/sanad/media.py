"""The only raw media route: image renditions and originals, which Wagtail keeps public.

Documents, record files and evaluation evidence live under MEDIA_ROOT too, but are reached only
through their permission-checked views (Wagtail's document view, records' file view); this route
refuses them whether DEBUG is on or not.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from django.views.static import serve

PUBLIC_MEDIA_PREFIXES = ("images/", "original_images/")


def public_media(request, path: str):
    if not path.startswith(PUBLIC_MEDIA_PREFIXES) or ".." in path.split("/"):
        raise Http404("این پرونده از این نشانی در دسترس نیست.")
    return serve(request, path, document_root=settings.MEDIA_ROOT)
