"""The vocabularies of the evaluation cycle (procedure 000 §5, statement 001, seed 004)."""

from __future__ import annotations

from django.db import models


class AgencyKind(models.TextChoices):
    """Seed 000 rows 9–11: national headquarters (ستاد) and their provincial units."""

    NATIONAL = "national", "ستاد ملی"
    PROVINCIAL = "provincial", "واحد استانی"
    OTHER = "other", "سایر"


class IndicatorKind(models.TextChoices):
    """Seed 000 §1 and rows 1–7: general, specific and the province's development indicators."""

    GENERAL = "general", "عمومی"
    SPECIFIC = "specific", "اختصاصی"
    DEVELOPMENT = "development", "توسعه‌ای استان"


class IndicatorLevel(models.TextChoices):
    """Whose performance an indicator measures. Seed 002 clauses 1, 3 and 4: the performance-management
    system works «در سه سطح؛ سازمان، مدیران و کارمندان» (the organisation, its managers, its employees)."""

    ORGANISATION = "organisation", "سازمان"
    MANAGERS = "managers", "مدیران"
    STAFF = "staff", "کارمندان"


class MonitoringLevel(models.TextChoices):
    """At which level an indicator is monitored. Seed 004: «پایش و ارزیابی در سطوح راهبردی، عملیاتی و
    اجرایی … انجام می گیرد»; the scorecard totals each level apart."""

    STRATEGIC = "strategic", "راهبردی"
    OPERATIONAL = "operational", "عملیاتی"
    EXECUTIVE = "executive", "اجرایی"


class ChecklistQuestionKind(models.TextChoices):
    """Seed 004: «چک لیست های نظارتی شامل سوالات راهبردی و اجرایی در پایش و نظارت» — the supervisory
    checklists hold strategic and executive questions."""

    STRATEGIC = "strategic", "پرسش راهبردی"
    EXECUTIVE = "executive", "پرسش اجرایی"


class PhaseKind(models.TextChoices):
    """The phases of a cycle, in order: procedure 000 §5 rows 1–22 and statement 001 steps 1–10."""

    INDICATORS = "indicators", "ابلاغ شاخص‌ها"
    BRIEFING = "briefing", "جلسه توجیهی و آموزشی"
    SELF_ASSESSMENT = "self_assessment", "خودارزیابی و بارگذاری مستندات"
    REVIEW = "review", "بررسی و امتیازدهی کارشناسان"
    INITIAL_RESULTS = "initial_results", "اعلام نتایج اولیه"
    OBJECTIONS = "objections", "مهلت ثبت اعتراض"
    RESCORING = "rescoring", "بررسی اعتراض‌ها و امتیازدهی مجدد"
    COUNCIL = "council", "تایید نتایج در شورای توسعه مدیریت"
    FINAL_RESULTS = "final_results", "اعلام نتایج نهایی"
    LEVELLING = "levelling", "سطح‌بندی و رتبه‌بندی"
    AWARD = "award", "جشنواره شهید رجایی و تقدیر"
    ANALYSIS = "analysis", "تحلیل نتایج و ارسال گزارش تحلیل"


PHASE_ORDER: dict[str, int] = {kind.value: n for n, kind in enumerate(PhaseKind)}

#: Where each phase comes from, shown beside it on the cycle page.
PHASE_SOURCES: dict[str, str] = {
    PhaseKind.INDICATORS: "روش اجرایی ۰۰۰ ردیف‌های ۱ تا ۳ و ۷؛ بیانیه ۰۰۱ گام ۱",
    PhaseKind.BRIEFING: "روش اجرایی ۰۰۰ ردیف ۴؛ بیانیه ۰۰۱ گام ۲",
    PhaseKind.SELF_ASSESSMENT: "روش اجرایی ۰۰۰ ردیف‌های ۸ و ۱۰؛ بیانیه ۰۰۱ گام ۳",
    PhaseKind.REVIEW: "روش اجرایی ۰۰۰ ردیف‌های ۹، ۱۱ و ۱۳؛ بیانیه ۰۰۱ گام ۴",
    PhaseKind.INITIAL_RESULTS: "روش اجرایی ۰۰۰ ردیف ۱۴",
    PhaseKind.OBJECTIONS: "روش اجرایی ۰۰۰ ردیف ۱۴",
    PhaseKind.RESCORING: "روش اجرایی ۰۰۰ ردیف ۱۵",
    PhaseKind.COUNCIL: "روش اجرایی ۰۰۰ ردیف‌های ۱۵ و ۱۶؛ بیانیه ۰۰۱ گام‌های ۵ و ۶",
    PhaseKind.FINAL_RESULTS: "روش اجرایی ۰۰۰ ردیف ۱۶؛ بیانیه ۰۰۱ گام ۷",
    PhaseKind.LEVELLING: "روش اجرایی ۰۰۰ ردیف‌های ۱۷ و ۱۸",
    PhaseKind.AWARD: "روش اجرایی ۰۰۰ ردیف‌های ۱۹ تا ۲۱؛ بیانیه ۰۰۱ گام ۸",
    PhaseKind.ANALYSIS: "روش اجرایی ۰۰۰ ردیف ۲۲؛ بیانیه ۰۰۱ گام‌های ۹ و ۱۰",
}

#: Phases whose end is a deadline for agencies: reminders go out 7 days and 1 day before it.
AGENCY_DEADLINES = (PhaseKind.SELF_ASSESSMENT, PhaseKind.OBJECTIONS)


class CircularRole(models.TextChoices):
    OPENING = "opening", "بخشنامه آغاز دوره"
    INDICATORS = "indicators", "ابلاغ شاخص‌ها"
    TIMETABLE = "timetable", "زمان‌بندی"
    OTHER = "other", "سایر"


class Progress(models.TextChoices):
    """Where an agency's self-assessment stands (the dashboard's four groups)."""

    COMPLETE = "complete", "کامل"
    PARTIAL = "partial", "ناقص (در جریان)"
    MISSING = "missing", "ثبت‌نشده"
    LATE = "late", "دیرکرد (مهلت گذشت و ناقص ماند)"


class ObjectionStatus(models.TextChoices):
    OPEN = "open", "در انتظار بررسی"
    ACCEPTED = "accepted", "پذیرفته شد"
    PARTLY = "partly", "بخشی پذیرفته شد"
    REJECTED = "rejected", "رد شد"


class ApprovalStatus(models.TextChoices):
    PROPOSED = "proposed", "پیشنهادشده (در انتظار تصویب)"
    APPROVED = "approved", "تصویب‌شده (نهایی)"
    RETURNED = "returned", "بازگشت برای اصلاح"


class NoticeKind(models.TextChoices):
    PHASE_OPENS = "phase_opens", "آغاز مرحله"
    REMIND_7 = "remind_7", "یادآوری ۷ روز مانده به مهلت"
    REMIND_1 = "remind_1", "یادآوری ۱ روز مانده به مهلت"
    EXTENSION = "extension", "تمدید مهلت"
    INITIAL_RESULTS = "initial_results", "اعلام نتایج اولیه"
    FINAL_RESULTS = "final_results", "اعلام نتایج نهایی"
