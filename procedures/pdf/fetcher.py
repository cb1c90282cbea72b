"""Where WeasyPrint may read from while rendering: the site's static files and uploaded media, nothing else.

Rich text can hold any URL; rendering must never reach the network or the rest of the disk.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Pages are rendered as if they lived here; only this origin's /static/ and /media/ are served.
BASE_URL = "http://sanad.pdf/"


def static_url(path: str) -> str:
    return f"{BASE_URL}static/{path}"


def _local_file(url: str) -> Path | None:
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}/" != BASE_URL:
        return None
    path = unquote(parts.path)
    static_prefix, media_prefix = settings.STATIC_URL, settings.MEDIA_URL
    try:
        if path.startswith(static_prefix):
            found = finders.find(path[len(static_prefix) :])
            return Path(found) if found else None
        if path.startswith(media_prefix):
            root = Path(settings.MEDIA_ROOT).resolve()
            candidate = (root / path[len(media_prefix) :]).resolve()
            return candidate if candidate.is_relative_to(root) and candidate.is_file() else None
    except (SuspiciousFileOperation, ValueError, OSError):
        return None
    return None


class LocalFilesFetcher(URLFetcher):
    """Serves BASE_URL/static/… and BASE_URL/media/… from disk; refuses every other URL."""

    def fetch(self, url, headers=None):
        local = _local_file(url)
        if local is None:
            raise ValueError(f"not fetched while rendering a PDF: {url}")
        content_type = mimetypes.guess_type(local.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, local.read_bytes(), {"Content-Type": content_type})
