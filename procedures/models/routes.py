"""Public routes of a controlled document: its revision history, each old revision, the comparison of any
two, and «in force on D».

Routes are part of the page class (Wagtail's ``RoutablePageMixin``), so they live with the models; the
comparison's views (``procedures.compare_views``) are registered in ``ProceduresConfig.ready``.
"""

from __future__ import annotations

from django.http import Http404
from django.template.response import TemplateResponse
from wagtail.contrib.routable_page.models import path

from jalali.calendar import JalaliDateError, parse_jalali
from sanad.route_registry import RouteViews


class ControlledPageRoutes:
    """Mixed into controlled page classes together with ``RoutablePageMixin``."""

    route_views = RouteViews("ControlledPageRoutes")

    @path("")
    def current(self, request):
        return self.serve_controlled(request, controlled=self.current_controlled_revision, page=self)

    @path("revisions/")
    def revision_history(self, request):
        history = list(self.controlled_history)
        for current, previous in zip(history, [*history[1:], None], strict=True):
            current.previous = previous  # newest first: the next row is the revision before
        return TemplateResponse(
            request,
            "procedures/revision_history.html",
            {"page": self, "self": self, "history": history},
        )

    @path("revisions/compare/")
    def revision_compare_choice(self, request):
        return self.route_views.serve("compare_choice", request, self)

    @path("revisions/compare/<int:old>/<int:new>/")
    def revision_compare(self, request, old: int, new: int):
        return self.route_views.serve("compare", request, self, old, new)

    @path("revisions/<int:number>/")
    def revision_detail(self, request, number: int):
        controlled = self.controlled_history.filter(number=number).first()
        if controlled is None:
            raise Http404("بازنگری یافت نشد")
        page = controlled.revision.as_object()
        return self.serve_controlled(request, controlled=controlled, page=page)

    @path("in-force/")
    def in_force_on(self, request):
        text = request.GET.get("date", "").strip()
        context = {"page": self, "self": self, "query": text, "error": "", "found": None, "day": None}
        if text:
            try:
                day = parse_jalali(text)
            except JalaliDateError as exc:
                context["error"] = str(exc)
            else:
                context["day"] = day
                context["found"] = self.revision_in_force_on(day)
        return TemplateResponse(request, "procedures/in_force_on.html", context)

    def serve_controlled(self, request, *, controlled, page):
        from procedures.citations import citation_rows, frozen_for

        context = page.get_context(request)
        context.update({"page": page, "self": page, "controlled": controlled, "live_page": self})
        context.update(citation_rows(page, frozen_for(request, controlled)))
        return TemplateResponse(request, page.get_template(request), context)
