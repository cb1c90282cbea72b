"""The controlled procedure (روش اجرایی), modelled on seed 000."""

from __future__ import annotations

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from procedures import blocks
from procedures.models.controlled import ControlledDocumentPage, controlled_edit_handler
from procedures.views import ControlledPageRoutes
from search.attachments import AttachmentTextMixin
from subjects.widgets import tags_panel


class ProcedurePage(AttachmentTextMixin, ControlledPageRoutes, RoutablePageMixin, ControlledDocumentPage):
    purpose = RichTextField("۱- هدف", blank=True)
    scope = RichTextField("۲- دامنه کاربرد", blank=True)
    definitions = StreamField(
        [("definition", blocks.DefinitionBlock())], blank=True, verbose_name="۳- تعاریف و اصطلاحات"
    )
    responsibility_execution = RichTextField("۴-۱- مسئولیت اجرا", blank=True)
    responsibility_supervision = RichTextField("۴-۲- مسئولیت نظارت بر حسن اجرا", blank=True)
    activities = StreamField(
        [("activity", blocks.ActivityRowBlock())], blank=True, verbose_name="۵- شرح فعالیت‌ها"
    )
    records_list = StreamField(
        [("record", blocks.RecordRowBlock())], blank=True, verbose_name="۶- فهرست سوابق"
    )
    external_documents = StreamField(
        [("external_document", blocks.ExternalDocumentRowBlock())],
        blank=True,
        verbose_name="۷- فهرست مستندات برون‌سازمانی",
    )
    attachments = StreamField(
        [("attachment", blocks.AttachmentBlock())], blank=True, verbose_name="۸- پیوست‌ها"
    )
    demo_note = models.TextField("یادداشت نسخه نمایشی", blank=True)
    tags = ClusterTaggableManager(
        "موضوعات", through="procedures.TaggedProcedure", blank=True, related_name="procedures"
    )

    content_panels = ControlledDocumentPage.content_panels + [
        FieldPanel("purpose"),
        FieldPanel("scope"),
        FieldPanel("definitions"),
        MultiFieldPanel(
            [FieldPanel("responsibility_execution"), FieldPanel("responsibility_supervision")],
            heading="۴- مسئولیت‌ها",
        ),
        FieldPanel("activities"),
        FieldPanel("records_list"),
        FieldPanel("external_documents"),
        FieldPanel("attachments"),
        FieldPanel("demo_note"),
        tags_panel(),
    ]
    edit_handler = controlled_edit_handler(content_panels, "متن سند")
    search_fields = ControlledDocumentPage.search_fields + [
        index.SearchField("purpose"),
        index.SearchField("scope"),
        index.SearchField("activities"),
        index.SearchField("definitions"),
        index.SearchField("attachment_text"),  # the text inside attached files (search.attachments)
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["home.SectionIndexPage"]
    subpage_types: list[str] = []
    template = "procedures/procedure_page.html"

    class Meta:
        verbose_name = "روش اجرایی"
        verbose_name_plural = "روش‌های اجرایی"

    def activity_rows(self) -> list[dict]:
        rows = [dict(child.value) for child in self.activities]
        return blocks.resolve_ditto(rows, ("responsible", "collaborator"))
