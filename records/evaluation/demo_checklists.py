"""The demo bank's monitoring levels and supervisory checklists (seed 004).

Seed 004 names the levels («سطوح راهبردی، عملیاتی و اجرایی») and says the checklists hold «سوالات راهبردی
و اجرایی در پایش و نظارت», but gives no question. The questions here are written for the demo from
each indicator's own evidence list, one or two of each kind.
"""

from __future__ import annotations

from records.evaluation.choices import ChecklistQuestionKind as Q
from records.evaluation.choices import MonitoringLevel as L

#: indicator code -> (monitoring level, [(question kind, question)])
CHECKLISTS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "ع-۰۱": (
        L.STRATEGIC,
        [
            (
                Q.STRATEGIC,
                "آیا برنامه عملیاتی سالانه با برنامه راهبردی دستگاه هم‌راستاست و به تصویب رسیده است؟",
            ),
            (Q.EXECUTIVE, "آیا گزارش پایش فصلی در موعد تهیه و در کمیته مدیریت عملکرد بررسی شده است؟"),
            (Q.EXECUTIVE, "آیا صورت‌جلسات کمیته مدیریت عملکرد با امضای اعضا نگهداری می‌شود؟"),
        ],
    ),
    "ع-۰۲": (
        L.OPERATIONAL,
        [
            (Q.STRATEGIC, "آیا فهرست خدمات الکترونیکی دستگاه با سند دولت الکترونیک کشور تطبیق داده شده است؟"),
            (Q.EXECUTIVE, "آیا آمار استفاده از درگاه خدمات برای هر فصل ثبت و منتشر شده است؟"),
        ],
    ),
    "ع-۰۳": (
        L.EXECUTIVE,
        [
            (Q.STRATEGIC, "آیا نیازسنجی آموزشی بر پایه شایستگی‌های شغلی انجام شده است؟"),
            (Q.EXECUTIVE, "آیا شناسنامه آموزشی همه کارمندان کامل و به‌روز است؟"),
            (Q.EXECUTIVE, "آیا اثربخشی دوره‌های آموزشی پس از برگزاری سنجیده شده است؟"),
        ],
    ),
    "ع-۰۴": (
        L.OPERATIONAL,
        [
            (Q.STRATEGIC, "آیا برنامه ارتقای سلامت اداری با مسئول و زمان‌بندی مشخص ابلاغ شده است؟"),
            (Q.EXECUTIVE, "آیا به شکایات مردم در مهلت مقرر رسیدگی و نتیجه به شاکی اعلام شده است؟"),
        ],
    ),
    "ع-۰۵": (
        L.STRATEGIC,
        [
            (Q.STRATEGIC, "آیا برنامه تداوم خدمات در شرایط بحران تدوین و ابلاغ شده است؟"),
            (Q.EXECUTIVE, "آیا خدمات غیرحضوری دوران همه‌گیری فهرست و آمار آن‌ها ثبت شده است؟"),
        ],
    ),
    "ت-۰۱": (
        L.STRATEGIC,
        [
            (Q.STRATEGIC, "آیا طرح‌های توسعه‌ای دستگاه در کمیته راهبری استان مصوب شده است؟"),
            (Q.EXECUTIVE, "آیا گزارش پیشرفت فیزیکی و مالی هر طرح در موعد ارسال شده است؟"),
        ],
    ),
    "خ-۱۰۱": (
        L.EXECUTIVE,
        [(Q.EXECUTIVE, "آیا آمار ثبت‌نام سامانه سناد با فهرست لازم‌التعلیم‌های منطقه تطبیق داده شده است؟")],
    ),
    "خ-۲۰۱": (
        L.EXECUTIVE,
        [(Q.EXECUTIVE, "آیا نقاط حادثه‌خیز شناسایی‌شده با مستندات ایمن‌سازی و تاریخ انجام ثبت شده‌اند؟")],
    ),
    "خ-۳۰۱": (
        L.OPERATIONAL,
        [(Q.EXECUTIVE, "آیا فهرست مددجویان توانمندشده با شغل ایجادشده و مدت پایداری آن ثبت شده است؟")],
    ),
}


def apply(indicator, loader=None) -> bool:
    """Give a demo indicator its level and checklist once (a later run leaves an edited one alone)."""
    found = CHECKLISTS.get(indicator.code)
    if found is None or indicator.checklist.exists():
        return False
    from records.evaluation.models import ChecklistQuestion

    level, questions = found
    indicator.monitoring_level = level
    indicator.checklist = [ChecklistQuestion(kind=kind, question=text) for kind, text in questions]
    indicator._change_reason = "سند ۰۰۴: سطح پایش و چک‌لیست نظارتی"
    indicator.save()
    if loader is not None:
        loader.say(f"شاخص {indicator.code}: سطح پایش و چک‌لیست نظارتی ثبت شد")
    return True
