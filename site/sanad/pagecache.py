"""A server-side cache of what anonymous readers get: public pages, references, the statement,
announcements and search results, served without rendering.

Correctness first: every stored page is keyed by a *content version* that moves, after the commit, on
anything that can change what a reader sees — a page published, unpublished, moved or deleted; a
controlled revision in force, superseded or withdrawn (``bump_on_commit``) — and by the local date, so
announcement windows (whole Tehran days) turn over at midnight. A reader never gets a stale controlled
revision; old entries simply age out. Only anonymous GETs (no session cookie) answered 200 that set
no cookie, used no CSRF token and carry no cache headers of their own are stored.

The cache must be shared by every worker process (Redis, or the file cache production sets up).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

VERSION_KEY = "sanad:pagecache:version"
_STORED_HEADERS = ("Content-Type", "Content-Language", "Link")


def _cache():
    return caches[getattr(settings, "SANAD_PAGE_CACHE_ALIAS", "default")]


def content_version() -> str:
    version = _cache().get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        _cache().add(VERSION_KEY, version, timeout=None)
        version = _cache().get(VERSION_KEY) or version
    return version


def bump() -> None:
    """Every stored page is stale from now on."""
    _cache().set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def bump_on_commit(*args, **kwargs) -> None:
    """A signal receiver: invalidate once the change is visible to other connections."""
    transaction.on_commit(bump, robust=True)


def page_key(request: HttpRequest, version: str) -> str:
    day = timezone.localdate().isoformat()
    raw = f"{version}|{day}|{request.get_host()}|{request.get_full_path()}"
    return "sanad:page:" + hashlib.sha256(raw.encode()).hexdigest()


class ServerPageCacheMiddleware:
    SKIP_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/api/", "/static/", "/media/", "/pdf/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.may_serve(request):
            return self.get_response(request)
        key = page_key(request, content_version())
        stored = _cache().get(key)
        if stored is not None:
            response = HttpResponse(stored["content"], status=200)
            for name, value in stored["headers"].items():
                response[name] = value
            response["X-Sanad-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self.may_store(request, response):
            headers = {h: response[h] for h in _STORED_HEADERS if response.has_header(h)}
            _cache().set(
                key, {"content": response.content, "headers": headers}, settings.SANAD_PAGE_CACHE_SECONDS
            )
            response["X-Sanad-Cache"] = "miss"
        return response

    def may_serve(self, request: HttpRequest) -> bool:
        return (
            settings.SANAD_PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.SKIP_PREFIXES)
        )

    def may_store(self, request: HttpRequest, response: HttpResponse) -> bool:
        if request.method != "GET" or response.status_code != 200 or response.streaming:
            return False
        if response.cookies or request.META.get("CSRF_COOKIE_USED"):
            return False
        if response.has_header("Cache-Control") or response.has_header("Expires"):
            return False
        if response.has_header("Vary") and "Cookie" not in response["Vary"]:
            return False  # varies on something the key does not hold
        user = getattr(request, "user", None)
        return not (user is not None and user.is_authenticated)


def connect() -> None:
    """Wire the invalidation to every event that changes what a reader sees."""
    from django.db.models.signals import post_delete
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from procedures import signals as procedure_signals

    page_published.connect(bump_on_commit, dispatch_uid="pagecache.published")
    page_unpublished.connect(bump_on_commit, dispatch_uid="pagecache.unpublished")
    post_page_move.connect(bump_on_commit, dispatch_uid="pagecache.moved")
    post_delete.connect(
        lambda sender, **kw: bump_on_commit() if issubclass(sender, Page) else None,
        weak=False,
        dispatch_uid="pagecache.deleted",
    )
    for signal in (
        procedure_signals.revision_in_force,
        procedure_signals.revision_superseded,
        procedure_signals.revision_withdrawn,
    ):
        signal.connect(bump_on_commit, dispatch_uid=f"pagecache.{id(signal)}")
