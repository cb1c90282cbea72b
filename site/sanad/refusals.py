"""A write the database refused (a guard trigger, ``sanad.dbguards``) is shown as its Persian message.

The trigger raises ``IntegrityError`` carrying ``dbguards.TAG``; without this middleware it would be a
500. In the admin the message comes back as an error banner on the page the user came from; elsewhere
as a short page with status 409. Either way the refusal goes to the server log with the user and path.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from sanad.dbguards import refusal_message
from sanad.middleware import is_admin_path

logger = logging.getLogger("sanad.guards")


class GuardRefusalMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, IntegrityError):
            return None
        message = refusal_message(exception)
        if message is None:
            return None
        user = getattr(request, "user", None)
        logger.warning("database refused a write by %s at %s: %s", user, request.path, message)
        if is_admin_path(request.path):
            messages.error(request, message)
            back = request.META.get("HTTP_REFERER", "")
            if not url_has_allowed_host_and_scheme(
                back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                back = "/admin/"
            return HttpResponseRedirect(back)
        return render(request, "refused.html", {"message": message}, status=409)
