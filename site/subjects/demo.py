"""Demo step for subjects (run after procedures, records and announcements, by app order): the seed
content tagged with the subjects the seeds themselves speak of. Idempotent: a page already carrying its
subjects is left alone.

How each kind is tagged, and why:
- external references (live, not controlled): through a published revision, the editor's own path;
- procedure 000 and the statement (controlled): their signed revisions are fingerprinted and never change,
  and a controlled page goes live only by sign-off. Subjects are classification, outside the signed content
  (the control gate compares content fields only), so the live page is tagged directly for readers now, and
  a draft revision by the quality officer carries the same subjects into the next signed revision;
- announcements (their windows are long past; they live in the archive, not live): tagged on the page
  and in a draft revision, not republished (publishing would reopen an ended notice);
- records: by retention series.
"""

from __future__ import annotations

from wagtail.models import Page

from subjects.names import subject_key
from subjects.signals import reindex

PERFORMANCE = "ارزیابی عملکرد"
CIRCULAR = "بخشنامه"
ADMIN_SYSTEM = "نظام اداری"
FESTIVAL = "جشنواره شهید رجایی"
CIVIL_SERVICE_LAW = "قانون مدیریت خدمات کشوری"
AGENCIES = "دستگاه‌های اجرایی"
INDICATORS = "شاخص‌های ارزیابی"
SELF_ASSESSMENT = "خودارزیابی"
SCHOOL_SAFETY = "ایمنی مدارس"
EXTENSION = "تمدید مهلت"
QUALITY = "سیستم مدیریت کیفیت"
PERFORMANCE_OFFICES = "دفاتر مدیریت عملکرد"

PROCEDURE_SUBJECTS = (PERFORMANCE, AGENCIES, ADMIN_SYSTEM, FESTIVAL, QUALITY, INDICATORS)
STATEMENT_SUBJECTS = (PERFORMANCE, AGENCIES, FESTIVAL, SELF_ASSESSMENT, "بیانیه سطح خدمت")

# Reference slug → subjects (circulars also get «بخشنامه» from their type).
REFERENCE_SUBJECTS: dict[str, tuple[str, ...]] = {
    "law-81": (CIVIL_SERVICE_LAW, PERFORMANCE),
    "policies": (ADMIN_SYSTEM,),
    "regulation-81-82": (CIVIL_SERVICE_LAW, PERFORMANCE),
    "roadmap": (ADMIN_SYSTEM, "نقشه راه اصلاح نظام اداری"),
    "indicators-circular": (PERFORMANCE, INDICATORS, AGENCIES),
    "programme": (ADMIN_SYSTEM, PERFORMANCE),
    "circular-35665-1801": (PERFORMANCE_OFFICES, PERFORMANCE),
    "circular-36773-91-210": (PERFORMANCE_OFFICES, PERFORMANCE, ADMIN_SYSTEM),
    "circular-24-189975-110": (PERFORMANCE, SELF_ASSESSMENT),
    "circular-761847": (PERFORMANCE,),
    "letter-749014": (PERFORMANCE, EXTENSION),
    "circular-712669": (PERFORMANCE, INDICATORS),
    "letter-237016-110": (PERFORMANCE, INDICATORS),
    "instruction-246412": (SCHOOL_SAFETY,),
}
TYPE_SUBJECTS = {"circular": (CIRCULAR,)}

ANNOUNCEMENT_SUBJECTS: dict[str, tuple[str, ...]] = {
    "evaluation-process-1398": (PERFORMANCE, SELF_ASSESSMENT, EXTENSION),
    "schools-not-participating-safety": (SCHOOL_SAFETY, SELF_ASSESSMENT),
    "safety-self-assessment-extended-again": (SCHOOL_SAFETY, SELF_ASSESSMENT, EXTENSION),
    "safety-self-assessment-extended": (SCHOOL_SAFETY, SELF_ASSESSMENT, EXTENSION),
    "school-safety-instruction-phase-1": (SCHOOL_SAFETY,),
    "general-indicators-scoring-1397": (PERFORMANCE, INDICATORS),
}

# Retention series code → subjects of its records.
RECORD_SUBJECTS: dict[str, tuple[str, ...]] = {
    "س-ا-۰۱": (PERFORMANCE, SELF_ASSESSMENT),
    "س-ا-۰۲": (PERFORMANCE, INDICATORS),
    "س-ا-۰۳": (PERFORMANCE, "اعتراض به نتایج"),
    "س-ا-۰۴": (PERFORMANCE, "شورای اداری استان"),
}


def _missing(obj, subjects: tuple[str, ...]) -> list[str]:
    have = {subject_key(name) for name in obj.tags.names()}
    return [s for s in subjects if subject_key(s) not in have]


def _tag_live_page(page: Page, subjects: tuple[str, ...]) -> bool:
    missing = _missing(page, subjects)
    if missing:
        page.tags.add(*missing)
        page.save_revision().publish()
    return bool(missing)


def _tag_without_publishing(page: Page, subjects: tuple[str, ...], user=None) -> bool:
    missing = _missing(page, subjects)
    if missing:
        page.tags.add(*missing)
        page.save()  # the tags' rows; no content field changes
        page.save_revision(user=user, log_action=False)  # the next revision carries them
        reindex(page)
    return bool(missing)


def load_demo(loader) -> None:
    from announcements.models import AnnouncementPage
    from procedures.models import ExternalReferencePage
    from records.models import Record

    officer = loader.users_by_name.get("officer")
    count = 0
    for page in ExternalReferencePage.objects.filter(slug__in=list(REFERENCE_SUBJECTS)).live():
        count += _tag_live_page(page, TYPE_SUBJECTS.get(page.ref_type, ()) + REFERENCE_SUBJECTS[page.slug])
    for page in ExternalReferencePage.objects.live().exclude(slug__in=list(REFERENCE_SUBJECTS)):
        if page.ref_type in TYPE_SUBJECTS:
            count += _tag_live_page(page, TYPE_SUBJECTS[page.ref_type])
    for page, subjects in (
        (loader.procedure_page, PROCEDURE_SUBJECTS),
        (loader.statement_page, STATEMENT_SUBJECTS),
    ):
        page = type(page).objects.get(pk=page.pk)
        count += _tag_without_publishing(page, subjects, user=officer)
    for page in AnnouncementPage.objects.filter(slug__in=list(ANNOUNCEMENT_SUBJECTS)):
        count += _tag_without_publishing(page, ANNOUNCEMENT_SUBJECTS[page.slug])
    for record in Record.objects.select_related("series").filter(series__code__in=list(RECORD_SUBJECTS)):
        missing = _missing(record, RECORD_SUBJECTS[record.series.code])
        if missing:
            record.tags.add(*missing)
            count += 1
    if count:
        loader.say(f"موضوع‌های {count} سند، اطلاعیه و سابقه ثبت شد")
