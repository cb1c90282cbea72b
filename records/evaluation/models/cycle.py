"""The evaluation cycle, one page per Jalali year, under the «ارزیابی عملکرد» index page.

A cycle page pins the revision of its governing procedure that was in force on the day it opened
(``procedure.revision_in_force_on(opened_on)``, stamped on first publication and never again) and
links the circulars that govern it. Its timetable is the twelve phases of procedure 000 §5 and
statement 001; once a phase has started its dates move only by an extension event
(``CycleExtension``: whole cycle or one agency, with the authorising letter and the reason).
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, Panel
from wagtail.admin.panels.page_chooser_panel import PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from jalali.calendar import format_jalali, jalali_year_of
from records.evaluation import api_fields as api_content
from records.evaluation import rules
from records.evaluation.choices import PHASE_ORDER, PHASE_SOURCES, CircularRole, PhaseKind
from records.evaluation.models.guards import FrozenAfterFinal, cycle_is_final
from records.evaluation.models.results import FinalApproval, FinalResult
from sanad.route_registry import RouteViews

FROZEN_ON_OPEN = ("year", "procedure", "opened_on")


class PinnedRevisionPanel(Panel):
    """Editor panel: the revision pinned on opening (stamped by the system, never typed) and the links
    to the cycle's dashboard."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "evaluation/admin/pinned_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["cycle"] = self.instance
            return context


class EvaluationIndexPage(RoutablePageMixin, Page):
    """«ارزیابی عملکرد»: the cycles, newest first, and the indicator bank (seed 004)."""

    intro = RichTextField("معرفی", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = api_content.index_fields()  # intro and the indicator bank
    # The indicator bank's pages (records.evaluation.views_public), registered in EvaluationConfig.ready.
    route_views = RouteViews("EvaluationIndexPage")
    parent_page_types = ["home.HomePage"]
    subpage_types = ["evaluation.EvaluationCyclePage"]
    template = "evaluation/evaluation_index_page.html"
    max_count = 1

    class Meta:
        verbose_name = "صفحه ارزیابی عملکرد"
        verbose_name_plural = "صفحه‌های ارزیابی عملکرد"

    def cycles(self):
        return EvaluationCyclePage.objects.child_of(self).live().public().order_by("-year")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cycles"] = self.cycles().select_related("pinned_revision", "procedure")
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("indicators/")
    def indicator_bank(self, request):
        return self.route_views.serve("indicator_bank", request, self)

    @path("indicators/<int:indicator_id>/")
    def indicator_detail(self, request, indicator_id: int):
        return self.route_views.serve("indicator_detail", request, self, indicator_id)


class EvaluationCyclePage(Page):
    year = models.PositiveSmallIntegerField(
        "سال ارزیابی (هجری شمسی)",
        unique=True,
        validators=[MinValueValidator(1300), MaxValueValidator(1500)],
        help_text="سالی که عملکرد آن ارزیابی می‌شود، مانند ۱۳۹۸.",
    )
    procedure = models.ForeignKey(
        "procedures.ProcedurePage",
        on_delete=models.PROTECT,
        related_name="evaluation_cycles",
        verbose_name="روش اجرایی حاکم",
    )
    opened_on = models.DateField(
        "تاریخ آغاز دوره",
        help_text="معمولاً تاریخ بخشنامه آغاز دوره؛ بازنگری روش اجرایی که در این تاریخ جاری بوده به دوره پیوند می‌خورد.",
    )
    pinned_revision = models.ForeignKey(
        "procedures.ControlledRevision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evaluation_cycles",
        verbose_name="بازنگری جاری هنگام آغاز دوره",
        editable=False,
    )
    evidence_series = models.ForeignKey(
        "records.RetentionSeriesPage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ردیف جدول نگهداری مستندات",
        help_text="مستندات خودارزیابی و اعتراض‌ها به عنوان سابقه در این ردیف ثبت می‌شوند.",
    )
    objection_series = models.ForeignKey(
        "records.RetentionSeriesPage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ردیف جدول نگهداری پیوست‌های اعتراض",
        help_text="خالی: پیوست‌های اعتراض هم در ردیف مستندات ثبت می‌شوند. برای ردیفی با مبدأ «بسته شدن پرونده»، "
        "تاریخ بررسی اعتراض مبدأ شمارش می‌شود.",
    )
    agencies = ParentalManyToManyField(
        "evaluation.Agency", blank=True, related_name="cycles", verbose_name="دستگاه‌های مشمول"
    )
    intro = RichTextField("معرفی", blank=True)
    note = models.TextField("یادداشت", blank=True)

    content_panels = Page.content_panels + [
        HelpPanel(
            "<p>با نخستین انتشار، بازنگری روش اجرایی که در «تاریخ آغاز دوره» جاری بوده به این دوره پیوند می‌خورد "
            "و دیگر تغییر نمی‌کند. تاریخ‌های هر مرحله پس از آغاز آن فقط با «ثبت تمدید» (با نامه مجوز) جابه‌جا می‌شود.</p>",
            heading="راهنما",
        ),
        PinnedRevisionPanel(heading="بازنگری حاکم بر دوره"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("opened_on")]),
        PageChooserPanel("procedure", "procedures.ProcedurePage"),
        PageChooserPanel("evidence_series", "records.RetentionSeriesPage"),
        PageChooserPanel("objection_series", "records.RetentionSeriesPage"),
        FieldPanel("intro"),
        InlinePanel("circulars", heading="بخشنامه‌ها و نامه‌های حاکم", label="بخشنامه"),
        InlinePanel("phases", heading="زمان‌بندی مراحل", label="مرحله"),
        FieldPanel("agencies", widget=forms.CheckboxSelectMultiple),
        FieldPanel("note"),
    ]
    search_fields = Page.search_fields + [
        *(index.SearchField(name) for name in ("intro", "note", "shown_text")),
        index.FilterField("year"),
    ]
    api_fields = [
        APIField("year"),
        APIField("opened_on"),
        APIField("opened_on_jalali"),
        APIField("pinned_revision_code"),
        APIField("timetable"),
        APIField("cycle_extensions"),
        *api_content.cycle_fields(),  # procedure, circulars, indicators, results (evaluation.api_fields)
    ]
    parent_page_types = ["evaluation.EvaluationIndexPage"]
    subpage_types: list[str] = []
    template = "evaluation/evaluation_cycle_page.html"
    # base_form_class: EvaluationCyclePageForm (records.evaluation.forms), set in EvaluationConfig.ready

    class Meta:
        verbose_name = "دوره ارزیابی عملکرد"
        verbose_name_plural = "دوره‌های ارزیابی عملکرد"

    def __str__(self) -> str:
        return self.title

    def shown_text(self) -> str:
        """What the public page shows beyond its own fields, one of its search fields (issue 11 §1): the
        timetable (phase names and where each comes from), the extensions granted to every agency (letter
        and reason) and, once final, the ranked agencies with their tiers (re-indexed on their saves,
        ``records.evaluation.indexed_text``)."""
        if not self.pk:
            return ""
        lines = [
            f"{phase.get_kind_display()} {PHASE_SOURCES.get(phase.kind, '')}" for phase in self.phases.all()
        ]
        extensions = CycleExtension.objects.filter(cycle_id=self.pk, agency__isnull=True)
        lines += [f"{e.get_phase_display()} {e.letter_number} {e.reason}" for e in extensions]
        if self.is_final:
            results = FinalResult.objects.filter(cycle_id=self.pk).select_related("agency")
            lines += [f"{r.agency.name} {r.tier}" for r in results]
        return "\n".join(lines)

    # --- the gate every save passes ----------------------------------------------------------------

    def clean(self):
        super().clean()
        if self.opened_on and self.year and abs(jalali_year_of(self.opened_on) - self.year) > 1:
            raise ValidationError({"opened_on": "تاریخ آغاز دوره با سال ارزیابی نمی‌خواند."})

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        stored = type(self)._base_manager.filter(pk=self.pk).first() if self.pk else None
        if stored is not None:
            # Stamped once by the system; a stale draft revision cannot carry another value back.
            self.pinned_revision_id = stored.pinned_revision_id
            if stored.pinned_revision_id:
                changed = [
                    str(self._meta.get_field(name).verbose_name)
                    for name in FROZEN_ON_OPEN
                    if getattr(self, self._meta.get_field(name).attname)
                    != getattr(stored, self._meta.get_field(name).attname)
                ]
                self._guard(rules.check_pinned_unchanged, pinned=True, changed=changed)
        if update_fields is None or "phases" in update_fields:
            self._check_timetable(stored)
        if update_fields is None or "agencies" in update_fields:
            self._check_agencies(stored)
        pinning = bool(self.live and self.pinned_revision_id is None and self.procedure_id)
        if pinning:
            self.pinned_revision = self._revision_to_pin()
            if update_fields is not None:
                kwargs["update_fields"] = list({*update_fields, "pinned_revision"})
        result = super().save(*args, **kwargs)
        if pinning:
            from records.evaluation.audit import record

            record(
                self,
                "evaluation.cycle.open",
                data={"revision": self.pinned_revision.code, "opened_on": self.opened_on.isoformat()},
            )
        return result

    def _guard(self, check, **facts):
        try:
            check(**facts)
        except rules.EvaluationRuleViolation as exc:
            from procedures.audit import record_refusal

            record_refusal(self, exc)
            raise

    def _revision_to_pin(self):
        from procedures.models import ProcedurePage

        procedure = ProcedurePage.objects.get(pk=self.procedure_id)
        revision = procedure.revision_in_force_on(self.opened_on)
        if revision is None:
            exc = rules.EvaluationRuleViolation(
                rules.Rule.PINNED,
                f"در تاریخ آغاز دوره ({format_jalali(self.opened_on)}) هیچ بازنگری از «{procedure.title}» جاری نبوده است؛ "
                "دوره بدون روش اجرایی حاکم گشوده نمی‌شود.",
            )
            from procedures.audit import record_refusal

            record_refusal(self, exc)
            raise exc
        return revision

    def stored_timetable(self) -> dict[str, tuple[dt.date, dt.date]]:
        if not self.pk:
            return {}
        return {p.kind: (p.starts_on, p.ends_on) for p in CyclePhase.objects.filter(page_id=self.pk)}

    def _check_timetable(self, stored) -> None:
        new = {}
        for phase in self.phases.all():
            label = PhaseKind(phase.kind).label if phase.kind in PHASE_ORDER else phase.kind
            if phase.kind in new:
                self._guard(_raise, message=f"مرحله «{label}» دو بار آمده است.")
            self._guard(rules.check_phase_dates, start=phase.starts_on, end=phase.ends_on, label=label)
            new[phase.kind] = (phase.starts_on, phase.ends_on)
        if stored is None:
            return
        old = stored.stored_timetable()
        if old == new:
            return
        self._guard(rules.check_not_final, final=cycle_is_final(self.pk), what="تغییر زمان‌بندی")
        today = timezone.localdate()
        for kind in set(old) | set(new):
            self._guard(
                rules.check_started_phase_unchanged,
                today=today,
                label=PhaseKind(kind).label,
                stored=old.get(kind),
                new=new.get(kind),
            )

    def _check_agencies(self, stored) -> None:
        if stored is None:
            return
        old = set(stored.agencies.values_list("pk", flat=True))
        new = {a.pk for a in self.agencies.all()}
        if old == new:
            return
        self._guard(rules.check_not_final, final=cycle_is_final(self.pk), what="تغییر دستگاه‌های مشمول")
        from records.evaluation.models.assessment import Submission

        removed = Submission.objects.filter(cycle_id=self.pk, agency_id__in=old - new).select_related(
            "agency"
        )
        if removed.exists():
            names = "، ".join(s.agency.name for s in removed)
            self._guard(
                _raise,
                message=f"این دستگاه‌ها در این دوره خودارزیابی دارند و از دوره برداشته نمی‌شوند: {names}",
            )

    # --- what people read --------------------------------------------------------------------------

    @property
    def opened_on_jalali(self) -> str:
        return format_jalali(self.opened_on)

    @property
    def pinned_revision_code(self) -> str:
        return self.pinned_revision.code if self.pinned_revision_id else ""

    @property
    def is_final(self) -> bool:
        return cycle_is_final(self.pk)

    def phase(self, kind: str) -> CyclePhase | None:
        return next((p for p in self.ordered_phases() if p.kind == kind), None)

    def ordered_phases(self) -> list[CyclePhase]:
        if not hasattr(self, "_phases_cache"):
            self._phases_cache = sorted(
                CyclePhase.objects.filter(page_id=self.pk), key=lambda p: PHASE_ORDER.get(p.kind, 99)
            )
        return self._phases_cache

    def extensions_for(self, kind: str, agency_id: int | None = None):
        """Extensions in force for ``agency_id`` (whole-cycle ones and its own), oldest first."""
        qs = CycleExtension.objects.filter(cycle_id=self.pk, phase=kind)
        if agency_id is None:
            qs = qs.filter(agency__isnull=True)
        else:
            qs = qs.filter(models.Q(agency__isnull=True) | models.Q(agency_id=agency_id))
        return qs.order_by("granted_at", "pk")

    def window(self, kind: str, agency_id: int | None = None) -> tuple[dt.date, dt.date] | None:
        """(start, effective end) of a phase for one agency, or for the whole cycle when ``agency_id`` is None."""
        phase = self.phase(kind)
        if phase is None:
            return None
        cycle_ends, agency_ends = [], []
        for extension in self.extensions_for(kind, agency_id):
            (agency_ends if extension.agency_id else cycle_ends).append(extension.new_end)
        return phase.starts_on, rules.effective_end(phase.ends_on, cycle_ends, agency_ends)

    def final_results_date(self) -> dt.date | None:
        """The trigger of the evidence series («پایان دوره ارزیابی»): the day final results were approved,
        or until then the (extended) end of the final-results phase."""
        approved = FinalApproval.objects.filter(cycle_id=self.pk, status="approved").first()
        if approved is not None:
            return timezone.localdate(approved.decided_at)
        window = self.window(PhaseKind.FINAL_RESULTS)
        return window[1] if window else None

    @property
    def timetable(self) -> list[dict]:
        rows = []
        for phase in self.ordered_phases():
            window = self.window(phase.kind)
            rows.append(
                {
                    "kind": phase.kind,
                    "label": phase.get_kind_display(),
                    "starts_on": phase.starts_on.isoformat(),
                    "ends_on": phase.ends_on.isoformat(),
                    "effective_end": window[1].isoformat(),
                    "starts_on_jalali": format_jalali(phase.starts_on),
                    "ends_on_jalali": format_jalali(phase.ends_on),
                    "effective_end_jalali": format_jalali(window[1]),
                }
            )
        return rows

    @property
    def cycle_extensions(self) -> list[dict]:
        """Whole-cycle extensions (public); an agency's own extensions are shown only to staff and to it."""
        return [
            {
                "phase": e.phase,
                "previous_end": e.previous_end.isoformat(),
                "new_end": e.new_end.isoformat(),
                "letter_number": e.letter_number,
                "letter_date": e.letter_date.isoformat(),
                "letter_date_jalali": format_jalali(e.letter_date),
                "reason": e.reason,
            }
            for e in CycleExtension.objects.filter(cycle_id=self.pk, agency__isnull=True).order_by(
                "granted_at", "pk"
            )
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        phases = []
        for phase in self.ordered_phases():
            start, end = self.window(phase.kind)
            is_open = start <= today <= end
            phases.append(
                {
                    "phase": phase,
                    "start": start,
                    "end": end,
                    "extended": end != phase.ends_on,
                    "source": PHASE_SOURCES.get(phase.kind, ""),
                    # Phases overlap (evidence is reviewed as it arrives): the cycle's stage is the first
                    # open one; the others are open alongside it (issue 14: not five stages at once).
                    "current": is_open and not any(p["open"] for p in phases),
                    "open": is_open,
                }
            )
        context.update(
            {
                "phases": phases,
                "circulars": self.circulars.select_related("reference").all(),
                "extensions": CycleExtension.objects.filter(cycle_id=self.pk, agency__isnull=True)
                .select_related("letter")
                .order_by("granted_at", "pk"),
                "final": self.is_final,
                "results": FinalResult.objects.filter(cycle_id=self.pk)
                .select_related("agency")
                .order_by("rank", "agency__code")
                if self.is_final
                else [],
                "agency_count": self.agencies.count(),
            }
        )
        return context


def _raise(message: str) -> None:
    raise rules.EvaluationRuleViolation(rules.Rule.TIMETABLE, message)


class CyclePhase(Orderable):
    """One phase of the timetable as planned; extensions move its effective end, never this row."""

    page = ParentalKey(EvaluationCyclePage, on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField("مرحله", max_length=30, choices=PhaseKind.choices)
    starts_on = models.DateField("آغاز")
    ends_on = models.DateField("پایان")

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("starts_on"), FieldPanel("ends_on")])]

    class Meta(Orderable.Meta):
        verbose_name = "مرحله"
        verbose_name_plural = "مراحل"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({format_jalali(self.starts_on)} تا {format_jalali(self.ends_on)})"


class CycleCircular(Orderable):
    """A circular or letter that governs the cycle (seed 003: 24/189975/110, 712669, 237016/110 …)."""

    page = ParentalKey(EvaluationCyclePage, on_delete=models.CASCADE, related_name="circulars")
    reference = models.ForeignKey(
        "procedures.ExternalReferencePage", on_delete=models.PROTECT, related_name="+", verbose_name="مستند"
    )
    role = models.CharField(
        "نقش در دوره", max_length=20, choices=CircularRole.choices, default=CircularRole.OPENING
    )

    panels = [
        FieldRowPanel([PageChooserPanel("reference", "procedures.ExternalReferencePage"), FieldPanel("role")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = "بخشنامه حاکم"
        verbose_name_plural = "بخشنامه‌های حاکم"


class CycleExtension(FrozenAfterFinal):
    """A deadline extension: an event, never an edit. Whole cycle (``agency`` empty) or one agency."""

    cycle = models.ForeignKey(
        EvaluationCyclePage, on_delete=models.PROTECT, related_name="extensions", verbose_name="دوره"
    )
    agency = models.ForeignKey(
        "evaluation.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="extensions",
        verbose_name="دستگاه (خالی: همه دستگاه‌ها)",
    )
    phase = models.CharField(
        "مرحله", max_length=30, choices=PhaseKind.choices, default=PhaseKind.SELF_ASSESSMENT
    )
    previous_end = models.DateField("مهلت پیشین")
    new_end = models.DateField("مهلت جدید")
    letter = models.ForeignKey(
        "procedures.ExternalReferencePage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="نامه مجوز (در مستندات برون‌سازمانی)",
    )
    letter_number = models.CharField("شماره نامه مجوز", max_length=100)
    letter_date = models.DateField("تاریخ نامه مجوز")
    reason = models.TextField("دلیل تمدید")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="ثبت‌کننده"
    )
    granted_at = models.DateTimeField("زمان ثبت", default=timezone.now)

    class Meta:
        verbose_name = "تمدید مهلت"
        verbose_name_plural = "تمدیدهای مهلت"
        ordering = ["cycle_id", "granted_at", "pk"]

    def __str__(self) -> str:
        who = self.agency.name if self.agency_id else "همه دستگاه‌ها"
        return f"تمدید {self.get_phase_display()} تا {format_jalali(self.new_end)} ({who})"

    def cycle_pk(self):
        return self.cycle_id

    def save(self, *args, **kwargs):
        if self.pk is not None:
            from records.evaluation.models.guards import refuse

            refuse(
                self,
                rules.EvaluationRuleViolation(
                    rules.Rule.EXTENSION, "تمدید ثبت‌شده تغییر نمی‌کند؛ تمدید تازه‌ای ثبت کنید."
                ),
            )
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        from records.evaluation.models.guards import refuse

        refuse(
            self,
            rules.EvaluationRuleViolation(
                rules.Rule.EXTENSION, "تمدیدها در تاریخچه دوره می‌مانند و حذف نمی‌شوند."
            ),
        )
