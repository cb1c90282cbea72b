"""Records: what the organisation keeps as evidence of its work, filed under a retention series.

A record starts as a draft (its files may still be added or removed). Once declared it is fixed:
its files (its content) never change again, and its metadata changes only as a correction with a
reason, each version kept by django-simple-history with who, when and why. After disposition only a
tombstone is left: the metadata and each file's name, size and SHA-256, but no content.

The guards live here, in ``save``/``delete`` and the queryset, so every path (admin, services,
commands, a shell) meets them; ``records.services`` does the writes people ask for.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from jalali.calendar import format_jalali
from records import rules
from records.choices import FINAL_PHASES, Medium, Phase, Trigger
from records.cycle_links import records_of_cycles_q
from records.rules import RecordsRuleViolation, Rule

# Recomputed from the series on every save; not the record's own metadata.
DERIVED_FIELDS = frozenset({"trigger_on", "active_until", "archive_until", "disposition_due_on"})
# Written once, at declaration, by the service.
DECLARATION_FIELDS = frozenset({"declared_at", "declared_by"})


def _refuse(instance, exc: RecordsRuleViolation, user=None):
    from procedures.audit import record_refusal

    record_refusal(instance, exc, user=user)
    raise exc


class RecordQuerySet(models.QuerySet):
    def declared(self):
        return self.exclude(phase=Phase.DRAFT)

    def on_hold(self):
        from records.models.holds import Hold

        held = Hold.objects.in_force()
        return self.filter(
            Q(pk__in=held.filter(record__isnull=False).values("record_id"))
            | Q(series_id__in=held.filter(series__isnull=False).values("series_id"))
            | records_of_cycles_q(held.filter(cycle__isnull=False).values("cycle_id"))
        )

    def not_on_hold(self):
        return self.exclude(pk__in=self.on_hold().values("pk"))

    def due_in_month(self, year: int, month: int):
        from jalali.calendar import jalali_month_bounds

        first, last = jalali_month_bounds(year, month)
        return self.filter(disposition_due_on__range=(first, last))

    def update(self, **kwargs):
        """A bulk update would skip the guards: refused when it touches a declared record."""
        if set(kwargs) - DERIVED_FIELDS and self.declared().exists():
            raise RecordsRuleViolation(
                Rule.DECLARED_IMMUTABLE,
                "سوابق اعلام‌شده با به‌روزرسانی گروهی تغییر نمی‌کنند؛ هر اصلاح با دلیل جداگانه ثبت می‌شود.",
            )
        return super().update(**kwargs)

    def delete(self):
        """Each record passes its own ``delete`` guard (declared and held records are never deleted)."""
        count = 0
        for record in self:
            record.delete()
            count += 1
        return count, {self.model._meta.label: count}


# What a person may set or correct on a record (the form's fields; corrections go through the service).
EDITABLE_FIELDS = (
    "series",
    "title",
    "reference_number",
    "record_date",
    "end_date",
    "medium",
    "physical_location",
    "trigger_date",
    "notes",
)


class Record(models.Model):
    series = models.ForeignKey(
        "records.RetentionSeriesPage",
        on_delete=models.PROTECT,
        related_name="records",
        verbose_name="ردیف جدول نگهداری",
    )
    title = models.CharField("عنوان سابقه", max_length=255)
    reference_number = models.CharField(
        "شماره سابقه", max_length=100, unique=True, help_text="شماره نامه، پرونده یا ثبت؛ در سازمان یکتا."
    )
    record_date = models.DateField("تاریخ سابقه")
    end_date = models.DateField(
        "تاریخ پایان", null=True, blank=True, help_text="برای پرونده‌ای که بازه‌ای را دربر دارد."
    )
    medium = models.CharField("نوع سابقه", max_length=20, choices=Medium.choices, default=Medium.ELECTRONIC)
    physical_location = models.CharField(
        "محل نگهداری فیزیکی", max_length=255, blank=True, help_text="برای سابقه کاغذی: بایگانی، قفسه، زونکن."
    )
    trigger_date = models.DateField(
        "تاریخ رویداد مبدأ",
        null=True,
        blank=True,
        help_text="خالی: برای «ایجاد سابقه» تاریخ سابقه و برای «منسوخ شدن بازنگری» تاریخ منسوخ شدن به کار می‌رود.",
    )
    notes = models.TextField("یادداشت", blank=True)
    # Subject keywords (issue #7 §1); classification, not content: not under the declared-record guard.
    tags = TaggableManager("موضوعات", through="records.TaggedRecord", blank=True, related_name="records")

    phase = models.CharField(
        "مرحله", max_length=20, choices=Phase.choices, default=Phase.DRAFT, db_index=True
    )
    declared_at = models.DateTimeField("زمان اعلام", null=True, blank=True, editable=False)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="اعلام‌کننده",
        editable=False,
    )
    created_at = models.DateTimeField("زمان ثبت", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ثبت‌کننده",
        editable=False,
    )
    # Derived from the series (see records.rules.retention_dates); refreshed on every save.
    trigger_on = models.DateField("مبدأ شمارش", null=True, blank=True, editable=False)
    active_until = models.DateField("پایان دوره جاری", null=True, blank=True, editable=False)
    archive_until = models.DateField("پایان دوره راکد", null=True, blank=True, editable=False)
    disposition_due_on = models.DateField(
        "موعد تعیین تکلیف", null=True, blank=True, editable=False, db_index=True
    )

    history = HistoricalRecords(verbose_name="تاریخچه سابقه")
    objects = RecordQuerySet.as_manager()

    class Meta:
        verbose_name = "سابقه"
        verbose_name_plural = "سوابق"
        ordering = ["-record_date", "reference_number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(phase="draft") | Q(declared_at__isnull=False),
                name="records_declared_record_has_declaration_time",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("record_date")),
                name="records_end_date_not_before_record_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference_number} — {self.title}"

    # --- the guards -------------------------------------------------------------------------------

    def save(self, *args, **kwargs):
        stored = type(self)._base_manager.filter(pk=self.pk).first() if self.pk else None
        if stored is None or stored.phase not in FINAL_PHASES:
            self.refresh_retention_dates()
        if stored is not None:
            self._check_write(stored)
        result = super().save(*args, **kwargs)
        # A reason answers for one change only (simple_history has read it by now).
        self.__dict__.pop("_change_reason", None)
        return result

    def _changed_fields(self, stored) -> list[str]:
        return [
            f.name
            for f in self._meta.concrete_fields
            if not f.primary_key
            and f.name not in DERIVED_FIELDS
            and f.value_from_object(self) != f.value_from_object(stored)
        ]

    def _check_write(self, stored: Record) -> None:
        changed = self._changed_fields(stored)
        declared = stored.phase != Phase.DRAFT
        try:
            rules.check_record_write(
                declared=declared,
                phase=stored.phase,
                changed=changed,
                reason=getattr(self, "_change_reason", "") or "",
            )
            if declared and DECLARATION_FIELDS & set(changed):
                raise RecordsRuleViolation(Rule.DECLARED_IMMUTABLE, "زمان و اعلام‌کننده سابقه تغییر نمی‌کند.")
            if declared and self.phase == Phase.DRAFT:
                raise RecordsRuleViolation(Rule.DECLARED_IMMUTABLE, "سابقه اعلام‌شده به پیش‌نویس برنمی‌گردد.")
            if self.phase in FINAL_PHASES and self.phase != stored.phase:
                rules.check_not_on_hold(self.hold_facts(), "تعیین تکلیف")
                rules.check_due(
                    phase=stored.phase, due_on=stored.disposition_due_on, today=timezone.localdate()
                )
        except RecordsRuleViolation as exc:
            _refuse(stored, exc, getattr(self, "_history_user", None))

    def delete(self, *args, **kwargs):
        try:
            if self.phase != Phase.DRAFT:
                raise RecordsRuleViolation(
                    Rule.KEEP_HISTORY,
                    "سابقه اعلام‌شده حذف نمی‌شود؛ پایان عمر آن فقط با تعیین تکلیف طبق جدول نگهداری است.",
                )
            rules.check_not_on_hold(self.hold_facts(), "حذف")
        except RecordsRuleViolation as exc:
            _refuse(self, exc)
        for record_file in self.files.all():
            record_file.delete()
        return super().delete(*args, **kwargs)

    # --- derived dates ----------------------------------------------------------------------------

    def superseded_on(self) -> dt.date | None:
        """When the revision of the governing procedure in force on the record's date stopped being in force."""
        from procedures.models import ControlledRevision

        procedure_id = self.series.governing_procedure_id if self.series_id else None
        if not procedure_id or not self.record_date:
            return None
        for revision in ControlledRevision.objects.filter(page_id=procedure_id).order_by("number"):
            if revision.in_force_on(self.record_date):
                return revision.effective_until
        return None

    def effective_trigger_date(self) -> dt.date | None:
        series = self.series
        return rules.trigger_date(
            series.trigger,
            record_date=self.record_date,
            explicit=self.trigger_date,
            superseded_on=self.superseded_on() if series.trigger == Trigger.SUPERSESSION else None,
        )

    def retention(self) -> rules.RetentionDates | None:
        start = self.effective_trigger_date()
        if start is None:
            return None
        series = self.series
        return rules.retention_dates(start, series.active_period, series.archive_period, series.disposal)

    def refresh_retention_dates(self) -> None:
        self.trigger_on = self.effective_trigger_date()
        dates = self.retention()
        self.active_until = dates.active_until if dates else None
        self.archive_until = dates.archive_until if dates else None
        self.disposition_due_on = dates.due_on if dates else None

    # --- holds ------------------------------------------------------------------------------------

    def holds_in_force(self):
        from records.models.holds import Hold

        return Hold.objects.in_force().covering(self)

    def hold_facts(self) -> list[rules.HoldFact]:
        return [
            rules.HoldFact(h.kind, h.reason, timezone.localdate(h.placed_at)) for h in self.holds_in_force()
        ]

    @property
    def is_on_hold(self) -> bool:
        return self.holds_in_force().exists()

    # --- what people read -------------------------------------------------------------------------

    @property
    def is_declared(self) -> bool:
        return self.phase != Phase.DRAFT

    @property
    def is_disposed(self) -> bool:
        return self.phase in FINAL_PHASES

    def phase_today(self, today: dt.date | None = None) -> Phase:
        """The phase the schedule puts the record in today (``phase`` is what ``apply_retention`` stored)."""
        if self.phase in FINAL_PHASES or self.phase in (Phase.DRAFT, Phase.PERMANENT):
            return Phase(self.phase)
        return rules.phase_on(self.retention(), today or timezone.localdate())

    @property
    def record_date_jalali(self) -> str:
        return format_jalali(self.record_date)

    @property
    def active_until_jalali(self) -> str:
        return format_jalali(self.active_until) or "در انتظار رویداد مبدأ"

    @property
    def archive_until_jalali(self) -> str:
        return format_jalali(self.archive_until) or "—"

    @property
    def disposition_due_jalali(self) -> str:
        if self.active_until and self.disposition_due_on is None:
            return "نگهداری دائم"
        return format_jalali(self.disposition_due_on) or "—"


class RecordFile(models.Model):
    """One file of a record: a Wagtail document in the protected «سوابق» collection, with its SHA-256.

    After destruction the row stays as the file's tombstone (name, size, checksum) without the document.
    """

    record = models.ForeignKey(Record, on_delete=models.PROTECT, related_name="files", verbose_name="سابقه")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,  # deleting a record's document is refused (records.signals)
        related_name="record_files",
        verbose_name="سند",
    )
    name = models.CharField("نام فایل", max_length=255)
    original_name = models.CharField("نام فایل ارسالی", max_length=255)
    kind = models.CharField("نوع (از محتوا)", max_length=20)
    mime = models.CharField("نوع MIME", max_length=100)
    size = models.PositiveBigIntegerField("اندازه (بایت)")
    sha256 = models.CharField("چکیده SHA-256", max_length=64)
    uploaded_at = models.DateTimeField("زمان بارگذاری", auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="بارگذاری‌کننده",
    )
    removed_at = models.DateTimeField("زمان حذف محتوا (امحا یا انتقال)", null=True, blank=True)

    history = HistoricalRecords(verbose_name="تاریخچه فایل سابقه")

    class Meta:
        verbose_name = "فایل سابقه"
        verbose_name_plural = "فایل‌های سابقه"
        ordering = ["record_id", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(document__isnull=False) | Q(removed_at__isnull=False),
                name="records_file_has_document_or_tombstone",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        record = Record._base_manager.get(pk=self.record_id)
        stored = type(self)._base_manager.filter(pk=self.pk).first() if self.pk else None
        try:
            if stored is None:
                rules.check_files_frozen(declared=record.phase != Phase.DRAFT)
            elif record.phase != Phase.DRAFT:
                self._check_tombstone(stored, record)
        except RecordsRuleViolation as exc:
            _refuse(record, exc)
        return super().save(*args, **kwargs)

    def _check_tombstone(self, stored: RecordFile, record: Record) -> None:
        """On a declared record the only change is disposition removing the content."""
        changed = {
            f.name
            for f in self._meta.concrete_fields
            if f.value_from_object(self) != f.value_from_object(stored)
        }
        if not changed:
            return
        removing = (
            changed <= {"document", "removed_at"}
            and stored.removed_at is None
            and self.removed_at is not None
            and self.document_id is None
        )
        if not removing:
            rules.check_files_frozen(declared=True)
        rules.check_not_on_hold(record.hold_facts(), "امحای محتوا")
        rules.check_due(phase=record.phase, due_on=record.disposition_due_on, today=timezone.localdate())

    def delete(self, *args, **kwargs):
        record = Record._base_manager.get(pk=self.record_id)
        try:
            rules.check_files_frozen(declared=record.phase != Phase.DRAFT)
        except RecordsRuleViolation as exc:
            _refuse(record, exc)
        document = self.document
        result = super().delete(*args, **kwargs)
        if document is not None:
            document.file.delete(save=False)
            document.delete()
        return result

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None
