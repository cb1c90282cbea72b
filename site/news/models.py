"""News (seed 004: a dated, numbered news item from its source), listed newest first.

Unlike an announcement (seed 003), a news item has no display window: it stays where it was published,
dated by the day its source ran it, with the source's own number.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from jalali.calendar import format_jalali
from sanad.api_fields import Computed


class NewsIndexPage(Page):
    """«اخبار»: the news items under it, newest first."""

    intro = RichTextField("معرفی", blank=True)
    per_page = models.PositiveSmallIntegerField("تعداد در هر صفحه", default=10)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("per_page")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]
    subpage_types = ["news.NewsPage"]
    parent_page_types = ["home.HomePage", "home.SectionIndexPage"]

    class Meta:
        verbose_name = "فهرست اخبار"
        verbose_name_plural = "فهرست‌های اخبار"

    def items(self, request):
        return (
            NewsPage.objects.child_of(self).live().public().order_by("-published_on", "-first_published_at")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.items(request), self.per_page or 10)
        context["items"] = paginator.get_page(request.GET.get("page"))
        return context


class NewsPage(Page):
    published_on = models.DateField("تاریخ خبر", help_text="روزی که منبع خبر را منتشر کرد (شمسی).")
    news_number = models.CharField("شماره خبر", max_length=40, blank=True)
    source = models.CharField(
        "منبع", max_length=255, blank=True, help_text="رسانه و گروه خبری، مثلاً «سپیدارآنلاین — گروه شهری»."
    )
    summary = models.TextField("خلاصه", blank=True, help_text="یک یا دو جمله برای فهرست‌ها.")
    body = RichTextField("متن خبر")

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("published_on"), FieldPanel("news_number")]),
        FieldPanel("source"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("source"),
        index.SearchField("news_number"),
        index.FilterField("published_on"),
    ]
    api_fields = [
        APIField("published_on"),
        APIField(
            "published_on_jalali", serializer=Computed(lambda page, request: format_jalali(page.published_on))
        ),
        APIField("news_number"),
        APIField("source"),
        APIField("summary"),
        APIField("body"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "خبر"
        verbose_name_plural = "اخبار"
