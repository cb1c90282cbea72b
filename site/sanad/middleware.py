"""Response headers for the whole site: a content security policy and its companions, and cache headers
for what anyone may read."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers


def policy_text(directives: dict[str, str]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(settings.SANAD_CSP_ADMIN_PREFIXES))


class SecurityHeadersMiddleware:
    """A strict policy for public pages, a looser one for the Wagtail admin (which runs inline
    scripts), and the headers that close the usual doors: sniffing, referrers, framing.

    A response that already carries a policy keeps it (Wagtail's document view sends
    "default-src 'none'" for downloaded files).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.public_policy = policy_text(settings.SANAD_CSP)
        self.admin_policy = policy_text(settings.SANAD_CSP_ADMIN)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            admin = is_admin_path(request.path)
            response["Content-Security-Policy"] = self.admin_policy if admin else self.public_policy
        response.setdefault("X-Content-Type-Options", "nosniff")
        # Referrer-Policy comes from Django's SecurityMiddleware (SECURE_REFERRER_POLICY, "same-origin").
        response.setdefault("Permissions-Policy", settings.SANAD_PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


class PublicCacheMiddleware:
    """Let browsers and proxies keep what anyone may read for a few minutes.

    Only anonymous GET/HEAD requests answered 200 that set no cookie and carry no cache headers of
    their own: a restricted page answers anonymous readers with a redirect, a form page sets the CSRF
    cookie, and Wagtail marks restricted pages never-cache — so none of those is ever stored.
    """

    SKIP_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/api/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.cacheable(request, response):
            patch_cache_control(response, public=True, max_age=settings.SANAD_PUBLIC_CACHE_SECONDS)
            # The same address may show more to a signed-in reader (agencies-only notices).
            patch_vary_headers(response, ["Cookie"])
        elif (
            request.method in ("GET", "HEAD")
            and not response.has_header("Cache-Control")
            and not request.path.startswith(("/static/", "/documents/"))
        ):
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def cacheable(self, request: HttpRequest, response: HttpResponse) -> bool:
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return False
        if request.path.startswith(self.SKIP_PREFIXES) or response.cookies:
            return False
        if response.has_header("Cache-Control") or response.has_header("Expires"):
            return False
        user = getattr(request, "user", None)
        return not (user is not None and user.is_authenticated)
