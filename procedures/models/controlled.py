"""The base of every controlled document page (procedures, the service statement).

Its ``save`` is the one gate every publication path in Wagtail passes through (the admin's publish
action, ``revision.publish()``, ``publish_scheduled``, workflow completion, unpublish, copy): a
controlled page becomes or stays live only as an approved ``ControlledRevision``.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from jalali.calendar import format_jalali
from procedures import api_fields as api_content
from procedures import rules, signals
from procedures.models.register import ControlledRevision, RevisionStatus
from procedures.panels import ControlStatusPanel

CONTROL_NOTICE = (
    "این سند که در اختیار شماست، تحت کنترل سیستم مدیریت کیفیت سازمان قرار دارد. "
    "خواهشمند است ضمن نگهداری، اجرا و استفاده مناسب از این سند از تهیه و توزیع هرگونه کپی از آن خودداری فرمایید. "
    "لطفا در صورت نیاز به هرگونه کپی یا تغییر در محتوای این سند با مدیریت/معاونت کیفیت هماهنگی نمایید."
)

# Wagtail bookkeeping that may change on a live page without changing what it says.
_BOOKKEEPING_FIELDS = {
    "path",
    "depth",
    "numchild",
    "url_path",
    "draft_title",
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
    "owner",
    "first_published_at",
    "last_published_at",
    "go_live_at",
    "expire_at",
    "expired",
    "translation_key",
    "locale",
    "content_type",
    "alias_of",
}
# Fields the approval service stamps; never typed by an editor.
STAMPED_FIELDS = ("revision_number", "document_code", "issue_date", "revision_date")
# Not what the document says (rules.content_changed): the page's address and search presentation, and
# what the service stamps. ``document_code`` is typed by the editor (the service only adds the suffix).
_NOT_SIGNED_CONTENT = {
    "slug",
    "seo_title",
    "search_description",
    "show_in_menus",
    "live",
    "live_revision",
} | (set(STAMPED_FIELDS) - {"document_code"})


def controlled_edit_handler(content_panels, content_heading: str) -> TabbedInterface:
    """The editor's tabs for a controlled document: header and control first, then the text."""
    return TabbedInterface(
        [
            ObjectList(ControlledDocumentPage.header_panels, heading="سربرگ و کنترل"),
            ObjectList(content_panels, heading=content_heading),
            ObjectList(ControlledDocumentPage.promote_panels, heading="نشانی و نمایش"),
            ObjectList(ControlledDocumentPage.settings_panels, heading="تنظیمات"),
        ]
    )


class ControlledDocumentPage(Page):
    """Fields of seed 000's header block, shared by every controlled document."""

    form_code = models.CharField("کد فرم", max_length=50, default="م ک-ف-۰۱/۰۰")
    document_code = models.CharField(
        "کد سند",
        max_length=100,
        help_text="بدون پسوند بازنگری؛ پسوند «/۰۰»، «/۰۱» … هنگام تصویب افزوده می‌شود.",
    )
    organisation = models.CharField("سازمان", max_length=255, default=settings.SANAD_ORGANISATION)
    organisation_unit = models.CharField("واحد مسئول", max_length=255, blank=True)
    control_notice = models.TextField("متن کنترل سند", default=CONTROL_NOTICE)
    change_reason = models.TextField(
        "شرح تغییرات",
        blank=True,
        help_text="برای هر بازنگری پس از ۰۰ الزامی است و در تاریخچه بازنگری‌ها نمایش داده می‌شود.",
    )
    review_interval_months = models.PositiveSmallIntegerField(
        "دوره بازنگری (ماه)", default=12, help_text="سند باید حداکثر پس از این مدت بازبینی شود."
    )
    # Stamped by procedures.services at approval; read-only in the editor.
    revision_number = models.PositiveSmallIntegerField("شماره بازنگری", null=True, blank=True, editable=False)
    issue_date = models.DateField("تاریخ صدور", null=True, blank=True, editable=False)
    revision_date = models.DateField("تاریخ بازنگری", null=True, blank=True, editable=False)

    header_panels = [
        ControlStatusPanel(heading="وضعیت بازنگری"),
        HelpPanel(
            "<p>این سند کنترل‌شده است: انتشار فقط با امضای تهیه‌کننده، تاییدکننده و تصویب‌کننده (سه نفر متفاوت) "
            "از طریق «ثبت کردن در امضای سند کنترل‌شده» (منوی کنار «ذخیره پیش‌نویس») انجام می‌شود. شماره و تاریخ بازنگری هنگام تصویب درج می‌شود.</p>",
            heading="کنترل سند",
        ),
        MultiFieldPanel(
            [
                FieldPanel("form_code"),
                FieldPanel("document_code"),
                FieldPanel("organisation"),
                FieldPanel("organisation_unit"),
                FieldPanel("review_interval_months"),
                FieldPanel("change_reason"),
                FieldPanel("control_notice"),
            ],
            heading="سربرگ سند",
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("document_code"),
        index.SearchField("change_reason"),
        # The header block and the sign-offs every reader sees above the text (seed 000).
        index.SearchField("organisation"),
        index.SearchField("organisation_unit"),
        index.SearchField("control_notice"),
        index.SearchField("signers_text"),
        index.SearchField("section_headings"),
        index.FilterField("revision_number"),
        index.FilterField("issue_date"),
    ]

    api_fields = [
        APIField("form_code"),
        APIField("full_code"),
        APIField("document_code"),
        APIField("revision_number"),
        APIField("issue_date"),
        APIField("issue_date_jalali"),
        APIField("revision_date"),
        APIField("revision_date_jalali"),
        APIField("change_reason"),
        APIField("control_status"),
        APIField("signoffs"),
        APIField("organisation"),
        *api_content.controlled_fields(),  # sections, revision history (procedures.api_fields)
    ]

    class Meta:
        abstract = True

    # --- the control gate ---------------------------------------------------------------------

    def save(self, *args, **kwargs):
        approved = self._enforce_control(kwargs.get("update_fields"))
        result = super().save(*args, **kwargs)
        if approved is not None and approved.status == RevisionStatus.APPROVED:
            signals.send_approved_revision_live(approved)  # procedures.services.activate_revision
        return result

    def _enforce_control(self, update_fields=None) -> ControlledRevision | None:
        """Refuse a write that would change live content or go live without approval."""
        stored = type(self)._base_manager.filter(pk=self.pk).first() if self.pk else None
        fields = self._content_fields()
        if update_fields is not None:  # only what is written counts
            written = set(update_fields)
            fields = [f for f in fields if f.name in written or f.attname in written]
        written_names = {f.name for f in fields}
        was_live = bool(stored and stored.live)
        going_live = (
            bool(self.live)
            and bool(written_names & {"live", "live_revision"})
            and (stored is None or not stored.live or stored.live_revision_id != self.live_revision_id)
        )
        content_changed = stored is not None and any(
            field.value_to_string(self) != field.value_to_string(stored) for field in fields
        )
        approved = None
        if going_live and self.live_revision_id:
            approved = ControlledRevision.objects.filter(
                revision_id=self.live_revision_id, status=RevisionStatus.APPROVED
            ).first()
        try:
            rules.check_live_write(
                was_live=was_live,
                content_changed=content_changed,
                going_live=going_live,
                approved=approved is not None,
            )
        except rules.ControlRuleViolation as exc:
            from procedures.audit import record_refusal

            record_refusal(stored or self, exc, user=None)
            raise
        return approved

    @classmethod
    def _content_fields(cls):
        return [
            f
            for f in cls._meta.concrete_fields
            if f.name not in _BOOKKEEPING_FIELDS and not f.primary_key and f.name != "page_ptr"
        ]

    @classmethod
    def signed_content_fields(cls) -> tuple[str, ...]:
        """The fields whose change makes the saver an editor of the draft (``rules.content_changed``):
        every field of the document except bookkeeping, address, search presentation and stamped values.
        New section fields count as content without being listed here."""
        return tuple(f.name for f in cls._content_fields() if f.name not in _NOT_SIGNED_CONTENT)

    def publish(self, revision, user=None, *args, **kwargs):
        """``page.publish()`` / ``revision.publish()``: only an approved revision goes live."""
        if not ControlledRevision.objects.filter(
            revision_id=revision.pk, status__in=[RevisionStatus.APPROVED, RevisionStatus.IN_FORCE]
        ).exists():
            from procedures.audit import record_refusal

            exc = rules.ControlRuleViolation(
                rules.Rule.PUBLISH_THROUGH_SIGNOFF,
                "سند کنترل‌شده فقط با تکمیل گردش امضا (تهیه، تایید و تصویب) منتشر می‌شود؛ انتشار مستقیم مجاز نیست.",
            )
            record_refusal(self, exc, user=user)
            raise exc
        return super().publish(revision, user, *args, **kwargs)

    def permissions_for_user(self, user):
        from procedures.permissions import ControlledPagePermissionTester

        return ControlledPagePermissionTester(user, self)

    # --- what readers see ------------------------------------------------------------------------

    @property
    def controlled_history(self):
        return (
            ControlledRevision.objects.filter(page_id=self.pk)
            .prefetch_related("signoffs")
            .order_by("-number")
        )

    @property
    def current_controlled_revision(self) -> ControlledRevision | None:
        if not self.live_revision_id:
            return None
        return (
            ControlledRevision.objects.filter(revision_id=self.live_revision_id)
            .prefetch_related("signoffs")
            .first()
        )

    #: The document's sections in reading order; each heading is its field's verbose name (seed 000 §1–8).
    section_fields: tuple[str, ...] = ()

    def section_headings(self) -> str:
        """The headings of the sections that have text, as printed above them («۴-۲- مسئولیت نظارت بر حسن اجرا»)."""
        return "\n".join(
            str(self._meta.get_field(n).verbose_name) for n in self.section_fields if getattr(self, n)
        )

    def signers_text(self) -> str:
        """Names and positions of the live revision's signers, as the header shows them."""
        current = self.current_controlled_revision
        if current is None:
            return ""
        return "\n".join(f"{s.name} {s.position}" for s in current.signoffs_in_order)

    @property
    def full_code(self) -> str:
        if self.revision_number is None:
            return self.document_code
        return rules.revision_code(self.document_code, self.revision_number)

    @property
    def revision_number_display(self) -> str:
        return "" if self.revision_number is None else rules.format_revision_number(self.revision_number)

    @property
    def issue_date_jalali(self) -> str:
        return format_jalali(self.issue_date)

    @property
    def revision_date_jalali(self) -> str:
        return format_jalali(self.revision_date)

    @property
    def control_status(self) -> str:
        current = self.current_controlled_revision
        return current.status if current else "draft"

    @property
    def signoffs(self) -> list[dict]:
        """The sign-offs of the live revision, for the API."""
        current = self.current_controlled_revision
        if current is None:
            return []
        return [
            {
                "role": s.role,
                "name": s.name,
                "position": s.position,
                "signed_on": s.signed_on.isoformat(),
                "signed_on_jalali": format_jalali(s.signed_on),
                "on_paper": s.on_paper,
            }
            for s in current.signoffs_in_order
        ]

    @property
    def is_withdrawn(self) -> bool:
        current = self.current_controlled_revision
        return bool(current and current.status == RevisionStatus.WITHDRAWN)

    def review_due_on(self) -> dt.date | None:
        last = self.revision_date or self.issue_date
        return rules.review_due_on(last, self.review_interval_months) if last else None

    def review_overdue(self, today: dt.date | None = None) -> bool:
        last = self.revision_date or self.issue_date
        if not last or not rules.is_review_overdue(
            last, self.review_interval_months, today or timezone.localdate()
        ):
            return False
        return not self.is_withdrawn  # a withdrawn document is not reviewed any more

    def revision_in_force_on(self, day: dt.date) -> ControlledRevision | None:
        history = list(self.controlled_history)
        periods = [
            rules.InForcePeriod(number=r.number, start=r.effective_from, end=r.effective_until)
            for r in history
            if r.effective_from
        ]
        found = rules.revision_in_force_on(periods, day)
        return next((r for r in history if found and r.number == found.number), None)
