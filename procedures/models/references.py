"""External documents (مستندات برون‌سازمانی): laws, regulations, circulars… and what replaces what."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from jalali.calendar import format_jalali
from procedures import api_fields as api_content
from procedures import blocks
from search.attachments import AttachmentTextMixin
from search.numbers import act_number_key
from subjects.widgets import tags_panel


class ReferenceType(models.TextChoices):
    LAW = "law", "قانون"
    REGULATION = "regulation", "آیین‌نامه"
    EXECUTIVE_REGULATION = "executive_regulation", "آیین‌نامه اجرایی"
    CIRCULAR = "circular", "بخشنامه"
    INSTRUCTION = "instruction", "دستورالعمل"
    NOTIFICATION = "notification", "ابلاغیه"
    RESOLUTION = "resolution", "تصویب‌نامه"
    GUIDELINE = "guideline", "راهنما"
    LETTER = "letter", "نامه"
    POLICY = "policy", "سیاست‌های کلی"
    OTHER = "other", "سایر"


class RelationKind(models.TextChoices):
    REPLACES = "replaces", "جایگزین"
    AMENDS = "amends", "اصلاح‌کننده"
    REPEALS = "repeals", "لغوکننده"


# A reference targeted by one of these is no longer in force.
ENDING_KINDS = (RelationKind.REPLACES, RelationKind.REPEALS)


class ExternalReferencePage(AttachmentTextMixin, Page):
    ref_type = models.CharField("نوع سند", max_length=30, choices=ReferenceType.choices)
    number = models.CharField(
        "شماره", max_length=100, blank=True, help_text="همان‌گونه که در سند نوشته شده است."
    )
    number_key = models.CharField("کلید شماره", max_length=120, blank=True, editable=False, db_index=True)
    number_aliases = models.TextField(
        "نگارش‌های دیگر شماره",
        blank=True,
        help_text="هر نگارش در یک سطر؛ مثلاً شماره‌ای که در سند دیگری متفاوت آمده است.",
    )
    date = models.DateField("تاریخ سند", null=True, blank=True)
    authority = models.ForeignKey(
        "procedures.IssuingAuthority",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="references",
        verbose_name="مرجع صدور",
    )
    summary = models.TextField("خلاصه", blank=True)
    body = RichTextField("متن", blank=True)
    notes = models.TextField("ملاحظات", blank=True)
    attachments = StreamField([("attachment", blocks.AttachmentBlock())], blank=True, verbose_name="پیوست‌ها")
    tags = ClusterTaggableManager(
        "موضوعات", through="procedures.TaggedReference", blank=True, related_name="references"
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("ref_type"),
                FieldPanel("number"),
                FieldPanel("number_aliases"),
                FieldPanel("date"),
                FieldPanel("authority"),
            ],
            heading="مشخصات",
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("notes"),
        FieldPanel("attachments"),
        tags_panel(),
        InlinePanel("relations", heading="ارتباط با اسناد دیگر", label="ارتباط"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("number"),
        index.SearchField("number_aliases"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("notes"),
        index.SearchField("attachments"),  # their titles
        index.SearchField("attachment_text"),  # the text inside attached files (search.attachments)
        index.FilterField("ref_type"),
        index.FilterField("date"),
        index.FilterField("number_key"),
        index.FilterField("authority"),
        index.RelatedFields("authority", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("ref_type"),
        APIField("number"),
        APIField("number_key"),
        APIField("date"),
        APIField("date_jalali"),
        APIField("authority_name"),
        APIField("summary"),
        APIField("in_force"),
        APIField("superseded_by_id"),
        *api_content.reference_fields(),  # body, status, supersession, attachments (procedures.api_fields)
    ]
    parent_page_types = ["home.SectionIndexPage"]
    subpage_types: list[str] = []
    template = "procedures/external_reference_page.html"

    class Meta:
        verbose_name = "مستند برون‌سازمانی"
        verbose_name_plural = "مستندات برون‌سازمانی"

    def save(self, *args, **kwargs):
        self.number_key = act_number_key(self.number)
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        """Cited by a published revision, never deleted (custody; querysets meet ``pre_delete``)."""
        from custody.guards import refuse_if_cited

        refuse_if_cited(self)
        return super().delete(*args, **kwargs)

    @property
    def date_jalali(self) -> str:
        return format_jalali(self.date)

    @property
    def authority_name(self) -> str:
        return self.authority.name if self.authority_id else ""

    @property
    def superseded_by_id(self) -> int | None:
        successor = self.superseded_by
        return successor.pk if successor else None

    @property
    def number_keys(self) -> set[str]:
        keys = {self.number_key} | {act_number_key(a) for a in self.number_aliases.splitlines()}
        return {k for k in keys if k}

    def superseding_relations(self):
        """Live references that replace or repeal this one."""
        return (
            ReferenceRelation.objects.filter(target=self, kind__in=ENDING_KINDS, source__live=True)
            .select_related("source")
            .order_by("source__date")
        )

    @property
    def superseded_by(self) -> ExternalReferencePage | None:
        relation = self.superseding_relations().first()
        return relation.source if relation else None

    @property
    def in_force(self) -> bool:
        return self.superseded_by is None and not self.is_withdrawn

    @property
    def withdrawal(self):
        """The approved withdrawal of this reference (custody.CitedWithdrawal), if withdrawn."""
        from custody.models import CitedWithdrawal

        return CitedWithdrawal.withdrawal_of(self.pk) if self.pk else None

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawal is not None

    def permissions_for_user(self, user):
        """Cited by a published revision, it is not deleted or unpublished (custody)."""
        from custody.permissions import CitedPagePermissionTester

        return CitedPagePermissionTester(user, self)

    def amended_by(self):
        return ReferenceRelation.objects.filter(
            target=self, kind=RelationKind.AMENDS, source__live=True
        ).select_related("source")


class ReferenceRelation(Orderable):
    """«This reference replaces / amends / repeals that one.»"""

    source = ParentalKey(ExternalReferencePage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField("نوع ارتباط", max_length=20, choices=RelationKind.choices)
    target = models.ForeignKey(
        ExternalReferencePage,
        on_delete=models.PROTECT,
        related_name="incoming_relations",
        verbose_name="سند مرتبط",
    )

    panels = [FieldPanel("kind"), FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = "ارتباط"
        verbose_name_plural = "ارتباط‌ها"

    def clean(self):
        if self.source_id and self.target_id == self.source_id:
            raise ValidationError({"target": "یک سند نمی‌تواند با خودش مرتبط باشد."})
