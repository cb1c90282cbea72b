"""Content rules (what to watch, what to do), their firings (one row per rule, object and occurrence)
and the daily-digest entries some firings add."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel, PageChooserPanel

from contentrules.choices import GROUP_ACTIONS, Action, DeadlineSource, Event, Status
from records.evaluation.choices import PhaseKind

DAYS_MESSAGE = "تعداد روز باید از ۱ تا ۳۶۵ باشد."


class ContentRule(models.Model):
    """When ``event`` happens in ``folder`` (a page subtree) to one of ``content_types``, do ``action``."""

    title = models.CharField("عنوان قاعده", max_length=255)
    enabled = models.BooleanField("فعال", default=True)
    event = models.CharField("رویداد", max_length=30, choices=Event.choices)
    deadline_source = models.CharField(
        "نوع مهلت",
        max_length=30,
        choices=DeadlineSource.choices,
        blank=True,
        help_text="فقط برای رویداد «نزدیک شدن مهلت».",
    )
    phase = models.CharField(
        "مرحله دوره ارزیابی",
        max_length=30,
        choices=PhaseKind.choices,
        blank=True,
        help_text="فقط برای مهلت مراحل دوره ارزیابی؛ خالی یعنی همه مراحل.",
    )
    days_before = models.PositiveSmallIntegerField(
        "چند روز مانده به مهلت",
        null=True,
        blank=True,
        validators=[MinValueValidator(1, DAYS_MESSAGE), MaxValueValidator(365, DAYS_MESSAGE)],
        help_text="از ۱ تا ۳۶۵ روز؛ قاعده از این روز تا خود مهلت یک بار برای هر مهلت اجرا می‌شود.",
    )
    # Deleting the folder deletes the rule: a rule scoped to a folder that no longer exists must not
    # silently widen to the whole site. Its firings stay (``Firing.rule`` is SET_NULL).
    folder = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="پوشه",
        help_text="خالی یعنی همه سایت؛ در غیر این صورت خود این صفحه و همه زیرصفحه‌های آن.",
    )
    content_types = models.ManyToManyField(
        ContentType,
        blank=True,
        related_name="+",
        verbose_name="نوع محتوا",
        help_text="خالی یعنی همه انواع.",
    )
    action = models.CharField("اقدام", max_length=30, choices=Action.choices)
    group = models.ForeignKey(
        Group,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="گروه گیرندگان",
        help_text="برای «ایمیل به گروه» و «گزارش روزانه» الزامی است.",
    )
    note = models.TextField("توضیح", blank=True)
    created_at = models.DateTimeField("زمان ایجاد", auto_now_add=True)
    updated_at = models.DateTimeField("آخرین ویرایش", auto_now=True)

    panels = [
        HelpPanel(
            "<p>هر قاعده می‌گوید «وقتی این رویداد در این پوشه یا برای این نوع محتوا رخ داد، این کار را بکن». "
            "هر اجرا در «اجرای قواعد محتوا» ثبت می‌شود و اقدام ناموفق دوباره تلاش و در صورت شکست نهایی گزارش می‌شود.</p>",
            heading="راهنما",
        ),
        FieldRowPanel([FieldPanel("title"), FieldPanel("enabled")]),
        MultiFieldPanel(
            [
                FieldPanel("event"),
                FieldRowPanel(
                    [FieldPanel("deadline_source"), FieldPanel("phase"), FieldPanel("days_before")]
                ),
            ],
            heading="وقتی",
        ),
        MultiFieldPanel(
            [PageChooserPanel("folder"), FieldPanel("content_types")],
            heading="در کجا",
        ),
        MultiFieldPanel([FieldPanel("action"), FieldPanel("group")], heading="چه کنیم"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = "قاعده محتوا"
        verbose_name_plural = "قواعد محتوا"
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        """Refuse a rule that could never run, with a Persian message on the field to fix."""
        super().clean()
        errors: dict[str, str] = {}
        if self.event == Event.DEADLINE:
            if self.days_before is None:
                errors["days_before"] = (
                    "برای رویداد «نزدیک شدن مهلت» تعداد روز مانده (۱ تا ۳۶۵) را وارد کنید."
                )
            elif not 1 <= self.days_before <= 365:
                errors["days_before"] = DAYS_MESSAGE
            if not self.deadline_source:
                errors["deadline_source"] = "برای رویداد «نزدیک شدن مهلت» نوع مهلت را انتخاب کنید."
            if self.phase and self.deadline_source and self.deadline_source != DeadlineSource.CYCLE_PHASE:
                errors["phase"] = "مرحله فقط برای مهلت مراحل دوره ارزیابی معنا دارد."
        else:
            if self.days_before is not None:
                errors["days_before"] = (
                    "تعداد روز مانده فقط برای رویداد «نزدیک شدن مهلت» است؛ آن را خالی بگذارید."
                )
            if self.deadline_source:
                errors["deadline_source"] = "نوع مهلت فقط برای رویداد «نزدیک شدن مهلت» است."
            if self.phase:
                errors["phase"] = "مرحله فقط برای رویداد «نزدیک شدن مهلت» است."
        if self.action in GROUP_ACTIONS and not self.group_id:
            errors["group"] = f"برای اقدام «{Action(self.action).label}» گروه گیرندگان را انتخاب کنید."
        if self.action == Action.DISTRIBUTION and self.deadline_source == DeadlineSource.DISPOSITION:
            errors["action"] = (
                "سوابق فهرست توزیع ندارند؛ برای موعد تعیین تکلیف سابقه «ایمیل به گروه» یا «گزارش روزانه» را برگزینید."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def summary(self) -> str:
        """One Persian sentence: «وقتی … ← …»."""
        when = Event(self.event).label if self.event else "—"
        if self.event == Event.DEADLINE and self.days_before:
            when = f"{self.days_before} روز مانده به {DeadlineSource(self.deadline_source).label}"
        what = Action(self.action).label if self.action else "—"
        return f"{when} ← {what}"


class Firing(models.Model):
    """One firing of one rule for one object and occurrence; ``key`` is unique, so it happens once."""

    rule = models.ForeignKey(
        ContentRule,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="firings",
        verbose_name="قاعده",
    )
    rule_title = models.CharField("عنوان قاعده", max_length=255)
    key = models.CharField("کلید یکتا", max_length=255, unique=True)
    event = models.CharField("رویداد", max_length=30, choices=Event.choices, db_index=True)
    action = models.CharField("اقدام", max_length=30, choices=Action.choices)
    group = models.ForeignKey(
        Group,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="گروه گیرندگان",
    )
    content_type = models.ForeignKey(
        ContentType, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name="نوع محتوا"
    )
    object_id = models.PositiveBigIntegerField("شناسه موضوع", null=True)
    object_title = models.CharField("موضوع", max_length=255)
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="صفحه",
    )
    due_on = models.DateField("تاریخ مهلت یا موعد", null=True, blank=True)
    subject = models.CharField("موضوع پیام", max_length=255)
    body = models.TextField("متن پیام")
    link = models.CharField("پیوند", max_length=500, blank=True)
    happened_at = models.DateTimeField("زمان رخداد", default=timezone.now, db_index=True)
    status = models.CharField(
        "وضعیت", max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField("تعداد تلاش", default=0)
    last_error = models.TextField("آخرین خطا", blank=True)
    next_attempt_at = models.DateTimeField("تلاش بعدی", null=True, blank=True, db_index=True)
    started_at = models.DateTimeField("آغاز آخرین تلاش", null=True, blank=True)
    finished_at = models.DateTimeField("پایان", null=True, blank=True)
    result = models.CharField("نتیجه", max_length=255, blank=True)

    class Meta:
        verbose_name = "اجرای قاعده محتوا"
        verbose_name_plural = "اجرای قواعد محتوا"
        ordering = ["-happened_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.rule_title} — {self.object_title}"


class DigestEntry(models.Model):
    """A line waiting for its group's next daily digest; ``sent_at`` is set when the digest goes out."""

    firing = models.OneToOneField(
        Firing, on_delete=models.CASCADE, related_name="digest_entry", verbose_name="اجرا"
    )
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+", verbose_name="گروه")
    subject = models.CharField("موضوع", max_length=255)
    link = models.CharField("پیوند", max_length=500, blank=True)
    created_at = models.DateTimeField("زمان افزودن", default=timezone.now)
    sent_at = models.DateTimeField("زمان ارسال", null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = "بند گزارش روزانه"
        verbose_name_plural = "بندهای گزارش روزانه"
        ordering = ["group_id", "created_at", "pk"]

    def __str__(self) -> str:
        return self.subject
