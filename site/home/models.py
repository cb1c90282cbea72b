"""The site's root page and plain public pages."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class HomePage(Page):
    """The organisation's front page: its services, statements and latest notices."""

    intro = RichTextField("معرفی", blank=True)
    services_intro = RichTextField(
        "معرفی خدمات",
        blank=True,
        help_text="چند جمله درباره خدماتی که سازمان به دستگاه‌ها و مردم می‌دهد.",
    )
    latest_announcements_count = models.PositiveSmallIntegerField("تعداد اطلاعیه‌های تازه", default=5)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("services_intro"),
        FieldPanel("latest_announcements_count"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("services_intro")]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from home.front import front_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(front_page_context(self, request))
        return context

    class Meta:
        verbose_name = "صفحه اصلی"
        verbose_name_plural = "صفحه‌های اصلی"


class SectionIndexPage(Page):
    """A folder in the content tree (procedures, external references, …) that lists its children."""

    intro = RichTextField("معرفی", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = "صفحه فهرست بخش"
        verbose_name_plural = "صفحه‌های فهرست بخش"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific().order_by("title")
        return context


__all__ = ["HomePage", "SectionIndexPage", "models"]
