"""The views a routable page hands its routes to, registered in the app's ``ready()``.

A page model names its routes (Wagtail's ``RoutablePageMixin``), but the functions that render them live
in a view module that imports the model; the model does not import its views (models know nothing of
views, issue 15). So the page class holds a ``RouteViews`` registry (``route_views``), each route calls
``self.route_views.serve(name, request, self, …)``, and the app config fills the registry in.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured


class RouteViews:
    def __init__(self, owner: str) -> None:
        self.owner = owner
        self._views: dict[str, Callable] = {}

    def register(self, **views: Callable) -> None:
        self._views.update(views)

    def serve(self, name: str, request, page, *args, **kwargs):
        view = self._views.get(name)
        if view is None:
            raise ImproperlyConfigured(f"{self.owner}: no view registered for the route «{name}»")
        return view(request, page, *args, **kwargs)
