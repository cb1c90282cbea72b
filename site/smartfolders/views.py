"""«ذخیره به‌عنوان مجموعه»: from /search/'s address to a draft collection page, and the exports' file-like
addresses (``…/export.csv``, ``…/export.xlsx``), which Wagtail's page routing cannot take (no dots)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail import views as wagtail_views
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.models import Page

from jalali.digits import to_persian_digits

from .filters import prefill_from_query
from .forms import SaveSearchForm
from .listing import saved_summary
from .models import SavedSearchPage

#: Slug of the folder the demo makes for collections; preferred as the parent when it exists.
COLLECTIONS_FOLDER_SLUG = "collections"
DEFAULT_TITLE = "مجموعه جست‌وجو"


def allowed_parents(user) -> list[Page]:
    """Pages under which ``user`` may add a collection, the collections folder first."""
    from home.models import HomePage, SectionIndexPage

    candidates: list[Page] = [
        *SectionIndexPage.objects.filter(slug=COLLECTIONS_FOLDER_SLUG),
        *HomePage.objects.order_by("path"),
        *SectionIndexPage.objects.exclude(slug=COLLECTIONS_FOLDER_SLUG).order_by("path"),
    ]
    return [
        page
        for page in candidates
        if SavedSearchPage.can_create_at(page) and page.permissions_for_user(user).can_add_subpage()
    ]


def save_search_url(query: QueryDict) -> str:
    """The admin address that turns a /search/ query string into a collection (the page number dropped)."""
    query = query.copy()
    for name in ("page", "page_size"):
        query.pop(name, None)
    text = query.urlencode()
    return reverse("smartfolders_save_search") + (f"?{text}" if text else "")


class SaveSearchView(WagtailAdminTemplateMixin, FormView):
    """Asks for a title and a parent, makes the collection as a draft and opens it in the editor."""

    template_name = "smartfolders/admin/save_search.html"
    form_class = SaveSearchForm
    page_title = "ذخیره به‌عنوان مجموعه"
    header_icon = "search"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.parents = allowed_parents(request.user)
        if not self.parents:
            raise PermissionDenied("اجازهٔ ساختن مجموعهٔ جست‌وجو در هیچ بخشی از سایت را ندارید.")
        self.values, self.filter_errors = prefill_from_query(request.GET)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict:
        kwargs = super().get_form_kwargs()
        kwargs["parents"] = self.parents
        return kwargs

    def get_initial(self) -> dict:
        query = str(self.values.get("query") or "").strip()
        return {"title": query or DEFAULT_TITLE, "parent": self.parents[0].pk}

    def _draft(self) -> SavedSearchPage:
        return SavedSearchPage(**self.values)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "filter_errors": self.filter_errors,
                "summary": [] if self.filter_errors else saved_summary(self._draft()),
                "action_url": self.request.get_full_path(),
                "search_url": reverse("sanad_search:page") + "?" + self.request.GET.urlencode(),
                "submit_button_label": "ساختن پیش‌نویس مجموعه",
                "submit_button_active_label": "در حال ساختن…",
            }
        )
        return context

    def form_valid(self, form: SaveSearchForm) -> HttpResponse:
        if self.filter_errors:
            form.add_error(None, "پالایه‌های این جست‌وجو درست نیستند؛ آن‌ها را در صفحهٔ جست‌وجو اصلاح کنید.")
            return self.form_invalid(form)
        parent = next(p for p in self.parents if p.pk == form.cleaned_data["parent"])
        page = self._draft()
        page.title = form.cleaned_data["title"].strip()
        page.live = False
        page.owner = self.request.user
        try:
            # ``Page.save`` runs ``full_clean``: the filters are checked again, with the same messages.
            parent.add_child(instance=page)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        revision = page.save_revision(user=self.request.user, log_action=False)
        log(instance=page, action="wagtail.create", user=self.request.user, revision=revision)
        messages.success(
            self.request,
            f"پیش‌نویس مجموعهٔ «{page.title}» با {to_persian_digits(len(saved_summary(page)))} پالایه ساخته شد؛ "
            "بازبینی و منتشر کنید.",
        )
        return redirect("wagtailadmin_pages:edit", page.pk)


def export_file(request: HttpRequest, base: str, kind: str) -> HttpResponse:
    """``<collection>/export.csv`` served as ``<collection>/export/csv/``, through Wagtail's own page serving
    (so view restrictions and every ``before_serve_page`` hook apply)."""
    return wagtail_views.serve(request, f"{base}export/{kind}/")
