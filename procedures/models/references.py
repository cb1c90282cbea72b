"""External documents (مستندات برون‌سازمانی): laws, regulations, circulars… and what replaces what."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.timezone import localdate
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from jalali.calendar import JalaliDateError, format_jalali, parse_jalali
from procedures import api_fields as api_content
from procedures import blocks
from procedures import reference_rules as rules
from search.attachments import AttachmentTextMixin
from search.numbers import act_number_key
from search.params import clean_text
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
            .order_by(Coalesce("effective_date", "source__date").asc(nulls_first=True), "pk")
        )

    @property
    def ending_relation(self) -> ReferenceRelation | None:
        """The replacement or repeal in effect today (one taking effect later ends nothing yet)."""
        today = localdate()
        return next(
            (r for r in self.superseding_relations() if r.effective_on is None or r.effective_on <= today),
            None,
        )

    @property
    def superseded_by(self) -> ExternalReferencePage | None:
        relation = self.ending_relation
        return relation.source if relation else None

    @property
    def in_force(self) -> bool:
        """No replacement, repeal or withdrawal in effect today (``reference_rules.status_on``)."""
        return self.status_on(localdate()).ending is None

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

    def reference_facts(self) -> rules.ReferenceFacts:
        """This reference's date and every live act bearing on it, each from the day it took effect."""
        acts = [
            rules.Act(
                kind=rules.ActKind(relation.kind),
                effective_on=relation.effective_on,
                source_id=relation.source_id,
                source_title=relation.source.title,
                source_number=relation.source.number,
            )
            for relation in ReferenceRelation.objects.filter(target=self, source__live=True).select_related(
                "source"
            )
        ]
        withdrawal = self.withdrawal
        if withdrawal is not None:
            acts.append(
                rules.Act(
                    kind=rules.ActKind.WITHDRAWN,
                    effective_on=localdate(withdrawal.decided_at) if withdrawal.decided_at else None,
                )
            )
        return rules.ReferenceFacts(date=self.date, acts=tuple(acts))

    def status_on(self, day: dt.date) -> rules.StatusOn:
        """«در تاریخ D معتبر بود؟» (``procedures.reference_rules.status_on``)."""
        return rules.status_on(self.reference_facts(), day)

    def get_context(self, request, *args, **kwargs):
        """The page answers «در تاریخ D معتبر بود؟» for ``?in_force_on=D``; a bad date gets a Persian message."""
        context = super().get_context(request, *args, **kwargs)
        context["in_force_question"] = self.in_force_answer(request.GET.get("in_force_on", ""))
        return context

    def in_force_answer(self, text: str) -> InForceAnswer:
        """The question as typed, and its answer with the acting references' pages (or the date's error)."""
        text = clean_text(text).strip()[:40]
        if not text:
            return InForceAnswer(query="")
        try:
            day = parse_jalali(text)
        except JalaliDateError as error:
            return InForceAnswer(query=text, error=f"تاریخ «{text}» درست نیست: {error.message}")
        status = self.status_on(day)
        acts = [a for a in (status.ending, status.later_ending, *status.amendments) if a and a.source_id]
        pages = ExternalReferencePage.objects.in_bulk([a.source_id for a in acts])
        return InForceAnswer(
            query=text,
            day=day,
            status=status,
            ending_page=pages.get(status.ending.source_id) if status.ending else None,
            later_page=pages.get(status.later_ending.source_id) if status.later_ending else None,
            amendments=[(a, pages.get(a.source_id)) for a in status.amendments],
        )


@dataclass
class InForceAnswer:
    """What the reference page shows for «در تاریخ D معتبر بود؟» (``ExternalReferencePage.in_force_answer``)."""

    query: str
    error: str = ""
    day: dt.date | None = None
    status: rules.StatusOn | None = None
    ending_page: ExternalReferencePage | None = None
    later_page: ExternalReferencePage | None = None
    amendments: list = field(default_factory=list)  # (Act, page or None)


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

    effective_date = models.DateField(
        "تاریخ اجرا",
        null=True,
        blank=True,
        help_text="روزی که جایگزینی، لغو یا اصلاح اجرا شد؛ خالی: تاریخ همین سند.",
    )

    panels = [FieldPanel("kind"), FieldPanel("target"), FieldPanel("effective_date")]

    class Meta(Orderable.Meta):
        verbose_name = "ارتباط"
        verbose_name_plural = "ارتباط‌ها"

    @property
    def effective_on(self) -> dt.date | None:
        """The day the act took effect: as entered, else the acting reference's own date."""
        return self.effective_date or self.source.date

    def clean(self):
        if self.source_id and self.target_id == self.source_id:
            raise ValidationError({"target": "یک سند نمی‌تواند با خودش مرتبط باشد."})
        if self.target_id:
            message = rules.effective_date_error(self.effective_date, self.target.date)
            if message:
                raise ValidationError({"effective_date": message})
