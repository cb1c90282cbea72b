"""Self-assessment, review and objections: one submission per agency per cycle.

Who may write what and when is decided in ``records.evaluation.services`` (windows, roles, own
agency); the models keep their invariants — one row per agency, indicator and cycle, and nothing
changes once the cycle's final results are approved (``FrozenAfterFinal``) — and every version of a
score, narrative or decision is kept by django-simple-history with who and why.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from records.evaluation import rules
from records.evaluation.choices import ObjectionStatus, PhaseKind
from records.evaluation.models.guards import FrozenAfterFinal, FrozenAfterFinalQuerySet

User = settings.AUTH_USER_MODEL


class Submission(FrozenAfterFinal):
    """An agency's self-assessment in a cycle, and where its results stand."""

    cycle = models.ForeignKey(
        "evaluation.EvaluationCyclePage",
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name="دوره",
    )
    agency = models.ForeignKey(
        "evaluation.Agency", on_delete=models.PROTECT, related_name="submissions", verbose_name="دستگاه"
    )
    created_at = models.DateTimeField("زمان ایجاد", auto_now_add=True)
    finalised_at = models.DateTimeField("زمان ثبت نهایی", null=True, blank=True)
    finalised_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="ثبت نهایی توسط"
    )
    released_at = models.DateTimeField("زمان اعلام نتایج اولیه", null=True, blank=True)
    released_by = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="اعلام‌کننده نتایج",
    )
    accepted_at = models.DateTimeField("زمان پذیرش نتایج اولیه", null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="پذیرنده نتایج"
    )

    history = HistoricalRecords(verbose_name="تاریخچه خودارزیابی")
    objects = FrozenAfterFinalQuerySet.as_manager()

    class Meta:
        verbose_name = "خودارزیابی دستگاه"
        verbose_name_plural = "خودارزیابی دستگاه‌ها"
        ordering = ["cycle_id", "agency__code"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "agency"], name="evaluation_one_submission_per_agency")
        ]

    def __str__(self) -> str:
        return f"{self.cycle} — {self.agency}"

    def cycle_pk(self):
        return self.cycle_id


def check_self_assessment_open(submission_id: int, today) -> None:
    """The agency's self-assessment window is open today and it has not finalised (every path)."""
    submission = Submission.objects.select_related("cycle").get(pk=submission_id)
    window = submission.cycle.window(PhaseKind.SELF_ASSESSMENT, submission.agency_id)
    if window is None:
        raise rules.EvaluationRuleViolation(rules.Rule.WINDOW, "زمان خودارزیابی این دوره تعیین نشده است.")
    rules.check_window(today=today, start=window[0], end=window[1], what="خودارزیابی")
    rules.check_submission_open(
        finalised_on=timezone.localdate(submission.finalised_at) if submission.finalised_at else None
    )


class OnePerIndicator(FrozenAfterFinal):
    """Abstract base of ``Answer`` and ``Review``: one row per submission and indicator of the cycle."""

    CYCLE_LOOKUP = "submission__cycle"

    objects = FrozenAfterFinalQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "indicator"], name="%(app_label)s_one_%(class)s_per_indicator"
            )
        ]

    def __str__(self) -> str:
        return f"{self.submission.agency} — {self.indicator.code}"

    def cycle_pk(self):
        return Submission.objects.filter(pk=self.submission_id).values_list("cycle_id", flat=True).first()


class Answer(OnePerIndicator):
    """The agency's own score and narrative for one indicator (its evidence files hang off it)."""

    submission = models.ForeignKey(
        Submission, on_delete=models.PROTECT, related_name="answers", verbose_name="خودارزیابی"
    )
    indicator = models.ForeignKey(
        "evaluation.CycleIndicator", on_delete=models.PROTECT, related_name="answers", verbose_name="شاخص"
    )
    self_score = models.DecimalField("امتیاز خودارزیابی", max_digits=6, decimal_places=2)
    narrative = models.TextField("شرح اقدامات", blank=True)
    updated_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name="آخرین ویرایش توسط"
    )
    updated_at = models.DateTimeField("زمان آخرین ویرایش", auto_now=True)

    history = HistoricalRecords(verbose_name="تاریخچه پاسخ شاخص")

    class Meta(OnePerIndicator.Meta):
        verbose_name = "پاسخ شاخص"
        verbose_name_plural = "پاسخ‌های شاخص"

    def current_files(self):
        return self.evidence.filter(withdrawn_at__isnull=True).select_related("record")

    def check_write(self, today) -> None:
        check_self_assessment_open(self.submission_id, today)
        from records.evaluation.models.issued import CycleIndicator

        indicator = CycleIndicator.objects.get(pk=self.indicator_id)
        agency_id = (
            Submission.objects.filter(pk=self.submission_id).values_list("agency_id", flat=True).first()
        )
        if not indicator.applies_to(agency_id):
            raise rules.EvaluationRuleViolation(
                rules.Rule.INDICATOR, "این شاخص برای این دستگاه در این دوره نیست."
            )
        rules.check_score(self.self_score, indicator.max_score, indicator.code)


class EvidenceFile(FrozenAfterFinal):
    """One evidence file, kept as a declared record (with its SHA-256) in the cycle's evidence series.

    Withdrawing a file from an answer before the deadline keeps the record: what was submitted stays.
    """

    CYCLE_LOOKUP = "answer__submission__cycle"

    answer = models.ForeignKey(
        Answer, on_delete=models.PROTECT, related_name="evidence", verbose_name="پاسخ شاخص"
    )
    record = models.OneToOneField(
        "records.Record", on_delete=models.PROTECT, related_name="evaluation_evidence", verbose_name="سابقه"
    )
    uploaded_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name="بارگذاری‌کننده"
    )
    uploaded_at = models.DateTimeField("زمان بارگذاری", default=timezone.now)
    withdrawn_at = models.DateTimeField("زمان کنار گذاشتن", null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="کنار گذاشته توسط",
    )

    history = HistoricalRecords(verbose_name="تاریخچه مستند")
    objects = FrozenAfterFinalQuerySet.as_manager()

    class Meta:
        verbose_name = "مستند خودارزیابی"
        verbose_name_plural = "مستندات خودارزیابی"
        ordering = ["answer_id", "uploaded_at", "pk"]

    def __str__(self) -> str:
        first = self.record.files.first()
        return first.name if first else str(self.record)

    def cycle_pk(self):
        return Answer.objects.filter(pk=self.answer_id).values_list("submission__cycle_id", flat=True).first()

    @property
    def file(self):
        return self.record.files.first()

    def check_write(self, today) -> None:
        submission_id = (
            Answer.objects.filter(pk=self.answer_id).values_list("submission_id", flat=True).first()
        )
        check_self_assessment_open(submission_id, today)


class Review(OnePerIndicator):
    """The evaluators' score and comment on one indicator; re-scored after an objection."""

    submission = models.ForeignKey(
        Submission, on_delete=models.PROTECT, related_name="reviews", verbose_name="خودارزیابی"
    )
    indicator = models.ForeignKey(
        "evaluation.CycleIndicator", on_delete=models.PROTECT, related_name="reviews", verbose_name="شاخص"
    )
    score = models.DecimalField("امتیاز ارزیاب", max_digits=6, decimal_places=2)
    comment = models.TextField("نظر ارزیاب", blank=True)
    initial_score = models.DecimalField(
        "امتیاز اولیه (هنگام اعلام)", max_digits=6, decimal_places=2, null=True, blank=True, editable=False
    )
    scored_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name="ارزیاب")
    scored_at = models.DateTimeField("زمان امتیازدهی", auto_now=True)

    history = HistoricalRecords(verbose_name="تاریخچه امتیاز")

    class Meta(OnePerIndicator.Meta):
        verbose_name = "امتیاز ارزیاب"
        verbose_name_plural = "امتیازهای ارزیاب"

    def __str__(self) -> str:
        return f"{super().__str__()}: {self.score}"

    def check_write(self, today) -> None:
        """Scored once the self-assessment has closed; after release only by answering an objection."""
        from records.evaluation.models.issued import CycleIndicator

        submission = Submission.objects.select_related("cycle").get(pk=self.submission_id)
        stored = type(self)._base_manager.filter(pk=self.pk).first() if self.pk else None
        if submission.released_at:
            if (stored is None or stored.score != self.score) and not getattr(self, "_rescoring", False):
                rules.check_review_open(assessment_closed=True, released=True)
        else:
            window = submission.cycle.window(PhaseKind.SELF_ASSESSMENT, submission.agency_id)
            closed = bool(submission.finalised_at) or bool(window and today > window[1])
            rules.check_review_open(assessment_closed=closed, released=False)
        indicator = CycleIndicator.objects.get(pk=self.indicator_id)
        rules.check_score(self.score, indicator.max_score, indicator.code)


class Objection(FrozenAfterFinal):
    """An agency's objection to an initial score, with its reason and files, and the evaluators' answer."""

    CYCLE_LOOKUP = "submission__cycle"

    submission = models.ForeignKey(
        Submission, on_delete=models.PROTECT, related_name="objections", verbose_name="خودارزیابی"
    )
    indicator = models.ForeignKey(
        "evaluation.CycleIndicator", on_delete=models.PROTECT, related_name="objections", verbose_name="شاخص"
    )
    reason = models.TextField("دلیل اعتراض")
    filed_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name="معترض")
    filed_at = models.DateTimeField("زمان ثبت", default=timezone.now)
    status = models.CharField(
        "وضعیت", max_length=20, choices=ObjectionStatus.choices, default=ObjectionStatus.OPEN
    )
    response = models.TextField("پاسخ ارزیاب", blank=True)
    score_before = models.DecimalField(
        "امتیاز پیش از بررسی", max_digits=6, decimal_places=2, null=True, blank=True
    )
    score_after = models.DecimalField(
        "امتیاز پس از بررسی", max_digits=6, decimal_places=2, null=True, blank=True
    )
    decided_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="بررسی‌کننده"
    )
    decided_at = models.DateTimeField("زمان بررسی", null=True, blank=True)

    history = HistoricalRecords(verbose_name="تاریخچه اعتراض")
    objects = FrozenAfterFinalQuerySet.as_manager()

    class Meta:
        verbose_name = "اعتراض"
        verbose_name_plural = "اعتراض‌ها"
        ordering = ["-filed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "indicator"], name="evaluation_one_objection_per_indicator"
            )
        ]

    def __str__(self) -> str:
        return f"اعتراض {self.submission.agency} — {self.indicator.code}"

    def cycle_pk(self):
        return Submission.objects.filter(pk=self.submission_id).values_list("cycle_id", flat=True).first()

    @property
    def is_open(self) -> bool:
        return self.status == ObjectionStatus.OPEN

    def check_write(self, today) -> None:
        """Filed on released results within the agency's (extended) objection window."""
        if self.pk is not None:
            return
        submission = Submission.objects.select_related("cycle").get(pk=self.submission_id)
        rules.check_objection(
            released=bool(submission.released_at),
            accepted=bool(submission.accepted_at),
            already=Objection.objects.filter(
                submission_id=self.submission_id, indicator_id=self.indicator_id
            ).exists(),
            reason=self.reason,
        )
        window = submission.cycle.window(PhaseKind.OBJECTIONS, submission.agency_id)
        if window is None:
            raise rules.EvaluationRuleViolation(rules.Rule.WINDOW, "مهلت اعتراض این دوره تعیین نشده است.")
        rules.check_window(today=today, start=window[0], end=window[1], what="ثبت اعتراض")


class ObjectionFile(FrozenAfterFinal):
    CYCLE_LOOKUP = "objection__submission__cycle"

    objection = models.ForeignKey(
        Objection, on_delete=models.PROTECT, related_name="files", verbose_name="اعتراض"
    )
    record = models.OneToOneField(
        "records.Record", on_delete=models.PROTECT, related_name="evaluation_objection", verbose_name="سابقه"
    )
    uploaded_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name="بارگذاری‌کننده"
    )
    uploaded_at = models.DateTimeField("زمان بارگذاری", default=timezone.now)

    objects = FrozenAfterFinalQuerySet.as_manager()

    class Meta:
        verbose_name = "پیوست اعتراض"
        verbose_name_plural = "پیوست‌های اعتراض"

    def cycle_pk(self):
        return (
            Objection.objects.filter(pk=self.objection_id)
            .values_list("submission__cycle_id", flat=True)
            .first()
        )

    @property
    def file(self):
        return self.record.files.first()
