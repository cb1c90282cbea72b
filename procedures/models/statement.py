"""The service-level statement (بیانیه سطح توافق خدمت), seed 001 — also a controlled document."""

from __future__ import annotations

from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail import blocks as wagtail_blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from procedures import api_fields as api_content
from procedures.models.controlled import ControlledDocumentPage, controlled_edit_handler
from procedures.models.routes import ControlledPageRoutes
from subjects.widgets import tags_panel


class ServiceStatementPage(ControlledPageRoutes, RoutablePageMixin, ControlledDocumentPage):
    introduction = RichTextField("مقدمه", blank=True)
    purpose = RichTextField("هدف", blank=True)
    responsibility = RichTextField("مسئولیت", blank=True)
    service_steps = StreamField(
        [("step", wagtail_blocks.CharBlock(label="مرحله"))], blank=True, verbose_name="مراحل انجام خدمت"
    )
    commitments = StreamField(
        [("commitment", wagtail_blocks.CharBlock(label="تعهد"))], blank=True, verbose_name="تعهدات خدمت‌گیرنده"
    )
    costs = RichTextField("هزینه‌ها و پرداخت‌ها", blank=True)
    validity = RichTextField("دوره عملکرد", blank=True)
    termination = RichTextField("خاتمه توافق‌نامه", blank=True)
    tags = ClusterTaggableManager(
        "موضوعات", through="procedures.TaggedStatement", blank=True, related_name="statements"
    )

    content_panels = ControlledDocumentPage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("purpose"),
        FieldPanel("responsibility"),
        FieldPanel("service_steps"),
        FieldPanel("commitments"),
        FieldPanel("costs"),
        FieldPanel("validity"),
        FieldPanel("termination"),
        tags_panel(),
    ]
    edit_handler = controlled_edit_handler(content_panels, "متن بیانیه")
    section_fields = (
        "introduction",
        "purpose",
        "responsibility",
        "service_steps",
        "commitments",
        "costs",
        "validity",
        "termination",
    )
    search_fields = ControlledDocumentPage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("purpose"),
        index.SearchField("responsibility"),
        index.SearchField("service_steps"),
        index.SearchField("commitments"),
        index.SearchField("costs"),
        index.SearchField("validity"),
        index.SearchField("termination"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = ControlledDocumentPage.api_fields + api_content.statement_fields()
    parent_page_types = ["home.HomePage", "home.SectionIndexPage"]
    subpage_types: list[str] = []
    template = "procedures/service_statement_page.html"

    class Meta:
        verbose_name = "بیانیه سطح توافق خدمت"
        verbose_name_plural = "بیانیه‌های سطح توافق خدمت"
