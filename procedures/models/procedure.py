"""The controlled procedure (روش اجرایی), modelled on seed 000."""

from __future__ import annotations

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from procedures import api_fields as api_content
from procedures import blocks
from procedures.models.controlled import ControlledDocumentPage, controlled_edit_handler
from procedures.models.routes import ControlledPageRoutes
from search.attachments import AttachmentTextMixin
from subjects.widgets import tags_panel

# The cells procedure_page.html prints in §6 and §7 (the medium is a tick, not words).
PRINTED_RECORD_CELLS = ("name", "code", "archive_period", "active_period", "place", "custodian", "disposal")
PRINTED_EXTERNAL_CELLS = ("title", "ref_type_label", "number", "date_jalali", "authority")


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
    section_fields = (
        "purpose",
        "scope",
        "definitions",
        "responsibility_execution",
        "responsibility_supervision",
        "activities",
        "records_list",
        "external_documents",
        "attachments",
    )
    search_fields = ControlledDocumentPage.search_fields + [
        index.SearchField("purpose"),
        index.SearchField("scope"),
        index.SearchField("definitions"),
        index.SearchField("responsibility_execution"),
        index.SearchField("responsibility_supervision"),
        index.SearchField("activities"),
        index.SearchField("cited_rows_text"),  # §6 records and §7 external documents, as printed
        index.SearchField("attachments"),  # §8 titles
        index.SearchField("demo_note"),
        index.SearchField("attachment_text"),  # the text inside attached files (search.attachments)
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = ControlledDocumentPage.api_fields + api_content.procedure_fields()
    parent_page_types = ["home.SectionIndexPage"]
    subpage_types: list[str] = []
    template = "procedures/procedure_page.html"

    class Meta:
        verbose_name = "روش اجرایی"
        verbose_name_plural = "روش‌های اجرایی"

    def cited_rows_text(self) -> str:
        """The §6 and §7 rows as the live revision prints them (frozen at approval; ``procedures.citations``)."""
        from procedures.citations import FROZEN_KEY, citation_rows

        current = self.current_controlled_revision
        frozen = (current.revision.content or {}).get(FROZEN_KEY) if current is not None else None
        rows = citation_rows(self, frozen)
        lines = [
            " ".join(str(row.cells.get(c) or "") for c in PRINTED_RECORD_CELLS) for row in rows["record_rows"]
        ]
        lines += [
            " ".join([*(str(row.cells.get(c) or "") for c in PRINTED_EXTERNAL_CELLS), row.notes])
            for row in rows["external_rows"]
        ]
        return "\n".join(line for line in lines if line.strip())

    def activity_rows(self) -> list[dict]:
        rows = [dict(child.value) for child in self.activities]
        return blocks.resolve_ditto(rows, ("responsible", "collaborator"))
