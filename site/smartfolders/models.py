"""«مجموعه جست‌وجو» (SavedSearchPage): a search saved as a page — a live list with facets, an Atom feed and
CSV/XLSX exports.

Named «مجموعه جست‌وجو», not «مجموعه» alone: Wagtail already calls its media folders «collections».
Nothing is stored but the filters; every visit, feed and export searches again, so the list follows the
content as it is published, superseded or withdrawn.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from sanad.route_registry import RouteViews
from search.params import MAX_PAGE_SIZE, SORTS
from search.registry import STATUS_LABELS

from .filters import field_errors, saved_query

DEFAULT_PER_PAGE = 20


class SavedSearchPage(RoutablePageMixin, Page):
    """A saved search shown as a page: the same filters as /search/, results always current."""

    intro = RichTextField(
        "معرفی", blank=True, help_text="چند جمله دربارهٔ این‌که این مجموعه چه اسنادی را گرد می‌آورد."
    )
    query = models.CharField(
        "عبارت جست‌وجو",
        max_length=256,
        blank=True,
        help_text="همان عبارتی که در صفحهٔ جست‌وجو می‌نویسید: واژه، «عبارت دقیق»، شماره، تاریخ، -واژه، OR.",
    )
    kinds = models.JSONField("نوع سند", default=list, blank=True)
    authority = models.ForeignKey(
        "procedures.IssuingAuthority",
        null=True,
        blank=True,
        on_delete=models.PROTECT,  # a collection must not silently widen when its authority goes away
        related_name="+",
        verbose_name="مرجع صدور",
    )
    year = models.PositiveSmallIntegerField(
        "سال (شمسی)", null=True, blank=True, help_text="سال تاریخ سند، چهاررقمی، مانند ۱۳۹۸."
    )
    status = models.CharField("وضعیت", max_length=20, blank=True, choices=list(STATUS_LABELS.items()))
    date_from = models.DateField("از تاریخ", null=True, blank=True)
    date_to = models.DateField("تا تاریخ", null=True, blank=True)
    in_force_on = models.DateField(
        "معتبر در تاریخ",
        null=True,
        blank=True,
        help_text="فقط اسنادی که در این روز معتبر بودند، با وضعیت همان روز؛ مانند ۱۳۸۵/۰۱/۰۱.",
    )
    other_filters = models.CharField(
        "پالایه‌های دیگر",
        max_length=500,
        blank=True,
        help_text="پالایه‌هایی از صفحهٔ جست‌وجو که در این فرم فیلد ندارند، به شکل نشانی، مانند subject=ارزیابی-عملکرد (موضوع).",
    )
    sort = models.CharField("ترتیب", max_length=20, blank=True, choices=list(SORTS.items()))
    per_page = models.PositiveSmallIntegerField(
        "تعداد در هر صفحه",
        default=DEFAULT_PER_PAGE,
        validators=[
            MinValueValidator(1, "دست‌کم یک سند در هر صفحه."),
            MaxValueValidator(MAX_PAGE_SIZE, f"حداکثر {MAX_PAGE_SIZE} سند در هر صفحه."),
        ],
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                HelpPanel(
                    "<p>همان پالایه‌های صفحهٔ جست‌وجو. فهرست این صفحه هر بار از نو جست‌وجو می‌شود و با انتشار، "
                    "جایگزینی یا لغو اسناد به‌روز می‌ماند. پیش‌نمایش، نتیجهٔ همین پالایه‌ها را نشان می‌دهد.</p>"
                ),
                FieldPanel("query"),
                FieldPanel("kinds"),
                FieldRowPanel([FieldPanel("authority"), FieldPanel("year"), FieldPanel("status")]),
                FieldRowPanel([FieldPanel("date_from"), FieldPanel("date_to"), FieldPanel("in_force_on")]),
                FieldPanel("other_filters"),
                FieldRowPanel([FieldPanel("sort"), FieldPanel("per_page")]),
            ],
            heading="پالایه‌های جست‌وجو",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    # base_form_class: SavedSearchPageForm (smartfolders.forms), and the views of the routes below
    # (smartfolders.listing, feeds, exports): set in SmartfoldersConfig.ready; they import this model.
    route_views = RouteViews("SavedSearchPage")
    parent_page_types = ["home.HomePage", "home.SectionIndexPage"]
    subpage_types: list[str] = []
    template = "smartfolders/saved_search_page.html"

    class Meta:
        verbose_name = "مجموعه جست‌وجو"
        verbose_name_plural = "مجموعه‌های جست‌وجو"

    # --- the saved filters ---------------------------------------------------------------------------

    def clean(self) -> None:
        """Refuse filters the search would refuse, with its own Persian messages; on every save path
        (Wagtail's ``Page.save`` runs ``full_clean``)."""
        super().clean()
        errors = field_errors(self)
        if errors:
            raise ValidationError(errors)

    def search_query_string(self) -> str:
        """The saved filters as a /search/ query string («همین جست‌وجو در صفحهٔ جست‌وجو»)."""
        return saved_query(self).urlencode()

    # --- routes --------------------------------------------------------------------------------------

    @path("")
    def listing(self, request: HttpRequest) -> TemplateResponse:
        return self.route_views.serve("listing", request, self)

    @path("feed/")
    def feed(self, request: HttpRequest) -> HttpResponse:
        return self.route_views.serve("feed", request, self)

    @path("export/<str:kind>/")
    def export(self, request: HttpRequest, kind: str) -> HttpResponse:
        return self.route_views.serve("export", request, self, kind)
