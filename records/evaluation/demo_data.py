"""The evaluation demo's material (``records.evaluation.demo`` builds it): seed 003's letters, the
province's agencies and their users, the indicator bank, the three timetables and the 1398 and 1399
scores. What the seeds give and what is illustrative is said in ``records.evaluation.demo``."""

from __future__ import annotations

from records.evaluation.choices import AgencyKind, IndicatorKind, IndicatorLevel, PhaseKind

MINISTRY = "وزارت آموزش و پرورش"
AEO = "سازمان اداری و استخدامی کشور"

# slug: (title, type, number, date, authority, summary)
LETTERS = {
    "circular-24-189975-110": (
        "بخشنامه فرایند ارزیابی عملکرد سال ۱۳۹۸ دستگاه آموزش و پرورش",
        "circular",
        "24/189975/110",
        "23/10/1398",
        MINISTRY,
        "آغاز فرایند ارزیابی عملکرد سال ۱۳۹۸ برای ادارات کل و واحدهای ستادی (نمونه ۰۰۳).",
    ),
    "letter-749014": (
        "موافقت با تمدید فرایندهای ارزیابی عملکرد به سبب شیوع کرونا",
        "letter",
        "749014",
        "24/12/1398",
        AEO,
        "به سبب شیوع کرونا و تأثیر آن در عملکرد واحدها و کارکنان، زمان ارزیابی سال ۱۳۹۸ تمدید و جدول زمان‌بندی جدید ابلاغ شد.",
    ),
    "circular-761847": (
        "بخشنامه ارزیابی عملکرد سال ۱۳۹۸",
        "circular",
        "761847",
        "27/12/1398",
        AEO,
        "تهیه مستندات لازم و قابل دفاع براساس زمان‌بندی اعلام‌شده (نمونه ۰۰۳).",
    ),
    "circular-712669": (
        "بخشنامه به‌روزرسانی شاخص‌های اختصاصی سال ۱۳۹۹",
        "circular",
        "712669",
        "07/12/1398",
        AEO,
        "با وصول این بخشنامه ارزیابی عملکرد سال ۱۳۹۹ آغاز شد (نمونه ۰۰۳).",
    ),
    "letter-237016-110": (
        "ابلاغ شاخص‌های اختصاصی سال ۱۳۹۹ به واحدهای ستادی",
        "letter",
        "237016/110",
        "25/12/1398",
        MINISTRY,
        "ابلاغ بخشنامه ۷۱۲۶۶۹ به واحدهای ذی‌ربط حوزه ستادی (نمونه ۰۰۳).",
    ),
}

# code, name, kind, parent code, contacts
AGENCIES = [
    ("100", "وزارت آموزش و پرورش", AgencyKind.NATIONAL, None, "arzyabi@medu.example"),
    ("200", "وزارت راه و شهرسازی", AgencyKind.NATIONAL, None, "arzyabi@mrud.example"),
    ("101", "اداره کل آموزش و پرورش استان", AgencyKind.PROVINCIAL, "100", "arzyabi@lorestan-edu.example"),
    ("201", "اداره کل راه و شهرسازی استان", AgencyKind.PROVINCIAL, "200", "arzyabi@lorestan-rah.example"),
    ("301", "اداره کل بهزیستی استان", AgencyKind.PROVINCIAL, None, "arzyabi@lorestan-behzisti.example"),
    (
        "401",
        "اداره کل منابع طبیعی و آبخیزداری استان",
        AgencyKind.PROVINCIAL,
        None,
        "arzyabi@lorestan-manabe.example",
    ),
]
PROVINCIAL = ["101", "201", "301", "401"]

# username, first, last, agency code (the core loader made «agency»; the other two are made here)
AGENCY_USERS = [
    ("agency", None, None, "101"),
    ("agency2", "زهرا", "کاظمی", "201"),
    ("agency3", "کامران", "رحیمی", "301"),
]

# code, title, kind, level, max, evidence, owner code
INDICATORS = [
    (
        "ع-۰۱",
        "استقرار نظام مدیریت عملکرد",
        IndicatorKind.GENERAL,
        IndicatorLevel.ORGANISATION,
        "20",
        "برنامه عملیاتی سالانه، گزارش پایش فصلی و صورت‌جلسه کمیته مدیریت عملکرد",
        None,
    ),
    (
        "ع-۰۲",
        "توسعه دولت الکترونیک و هوشمندسازی خدمات",
        IndicatorKind.GENERAL,
        IndicatorLevel.ORGANISATION,
        "15",
        "فهرست خدمات الکترونیکی، آمار استفاده از درگاه و گزارش یکپارچگی سامانه‌ها",
        None,
    ),
    (
        "ع-۰۳",
        "مدیریت سرمایه انسانی و آموزش کارکنان",
        IndicatorKind.GENERAL,
        IndicatorLevel.STAFF,
        "15",
        "شناسنامه آموزشی کارکنان، سرانه ساعت آموزش و نتایج ارزیابی اثربخشی",
        None,
    ),
    (
        "ع-۰۴",
        "ارتقای سلامت اداری و صیانت از حقوق مردم",
        IndicatorKind.GENERAL,
        IndicatorLevel.MANAGERS,
        "10",
        "گزارش رسیدگی به شکایات، نتایج نظرسنجی مردم و اقدامات اصلاحی",
        None,
    ),
    (
        "ت-۰۱",
        "مشارکت در طرح‌های توسعه‌ای استان",
        IndicatorKind.DEVELOPMENT,
        IndicatorLevel.ORGANISATION,
        "10",
        "گزارش پیشرفت طرح‌های مصوب کمیته راهبری استان",
        None,
    ),
    (
        "خ-۱۰۱",
        "پوشش تحصیلی دانش‌آموزان لازم‌التعلیم",
        IndicatorKind.SPECIFIC,
        IndicatorLevel.ORGANISATION,
        "15",
        "آمار ثبت‌نام سامانه سناد و گزارش بازماندگان از تحصیل",
        "101",
    ),
    (
        "خ-۲۰۱",
        "نگهداری و ایمن‌سازی راه‌های روستایی",
        IndicatorKind.SPECIFIC,
        IndicatorLevel.ORGANISATION,
        "15",
        "گزارش کیلومتر راه نگهداری‌شده و نقاط حادثه‌خیز ایمن‌شده",
        "201",
    ),
    (
        "خ-۳۰۱",
        "توانمندسازی مددجویان و اشتغال",
        IndicatorKind.SPECIFIC,
        IndicatorLevel.ORGANISATION,
        "15",
        "فهرست طرح‌های اشتغال و آمار مددجویان توانمندشده",
        "301",
    ),
]

P = PhaseKind
TIMETABLE_1398 = [
    (P.INDICATORS, "1398/10/23", "1398/10/30"),
    (P.BRIEFING, "1398/11/01", "1398/11/15"),
    (P.SELF_ASSESSMENT, "1398/11/01", "1398/12/25"),
    (P.REVIEW, "1399/03/01", "1399/03/31"),
    (P.INITIAL_RESULTS, "1399/04/01", "1399/04/05"),
    (P.OBJECTIONS, "1399/04/05", "1399/04/20"),
    (P.RESCORING, "1399/04/21", "1399/05/10"),
    (P.COUNCIL, "1399/05/15", "1399/05/20"),
    (P.FINAL_RESULTS, "1399/05/25", "1399/05/31"),
    (P.LEVELLING, "1399/06/01", "1399/06/15"),
    (P.AWARD, "1399/06/20", "1399/06/31"),
    (P.ANALYSIS, "1399/07/01", "1399/08/30"),
]
TIMETABLE_1399 = [
    (P.INDICATORS, "1398/12/07", "1399/01/31"),
    (P.BRIEFING, "1399/02/01", "1399/02/15"),
    (P.SELF_ASSESSMENT, "1399/10/01", "1399/12/20"),
    (P.REVIEW, "1399/12/21", "1400/01/31"),
    (P.INITIAL_RESULTS, "1400/02/01", "1400/02/05"),
    (P.OBJECTIONS, "1400/02/05", "1400/02/20"),
    (P.RESCORING, "1400/02/21", "1400/03/10"),
    (P.COUNCIL, "1400/03/15", "1400/03/20"),
    (P.FINAL_RESULTS, "1400/03/25", "1400/03/31"),
    (P.LEVELLING, "1400/04/01", "1400/04/15"),
    (P.AWARD, "1400/04/20", "1400/04/31"),
    (P.ANALYSIS, "1400/05/01", "1400/06/31"),
]
# The current-year cycle, in days from the load date: self-assessment open, results and objections
# possible as soon as an agency finalises (its results can be released at once).
TIMETABLE_NOW = [
    (P.INDICATORS, -45, -31),
    (P.BRIEFING, -35, -30),
    (P.SELF_ASSESSMENT, -30, 14),
    (P.REVIEW, -30, 30),
    (P.INITIAL_RESULTS, -30, 30),
    (P.OBJECTIONS, -30, 35),
    (P.RESCORING, -30, 40),
    (P.COUNCIL, 41, 45),
    (P.FINAL_RESULTS, 46, 50),
    (P.LEVELLING, 51, 60),
    (P.AWARD, 61, 70),
    (P.ANALYSIS, 71, 100),
]

# 1398 scores by agency: {indicator: (self, evaluator)}
SCORES_1398 = {
    "101": {
        "ع-۰۱": ("18", "16"),
        "ع-۰۲": ("13", "12"),
        "ع-۰۳": ("14", "11"),
        "ع-۰۴": ("9", "8"),
        "ت-۰۱": ("8", "7"),
        "خ-۱۰۱": ("15", "13"),
    },
    "201": {
        "ع-۰۱": ("17", "17"),
        "ع-۰۲": ("12", "13"),
        "ع-۰۳": ("12", "12"),
        "ع-۰۴": ("8", "8"),
        "ت-۰۱": ("9", "9"),
        "خ-۲۰۱": ("14", "13"),
    },
    "301": {
        "ع-۰۱": ("15", "12"),
        "ع-۰۲": ("10", "9"),
        "ع-۰۳": ("13", "10"),
        "ع-۰۴": ("7", "6"),
        "ت-۰۱": ("6", "5"),
        "خ-۳۰۱": ("12", "11"),
    },
    "401": {
        "ع-۰۱": ("12", "10"),
        "ع-۰۲": ("9", "7"),
        "ع-۰۳": ("10", "9"),
        "ع-۰۴": ("6", "6"),
        "ت-۰۱": ("7", "6"),
    },
}
# 1399 (in progress when the seed was written): education complete, roads partial, the others missing.
SCORES_1399 = {
    "101": {"ع-۰۱": "18", "ع-۰۲": "22", "ع-۰۳": "13", "ع-۰۴": "9", "ت-۰۱": "8", "ع-۰۵": "8", "خ-۱۰۱": "14"},
    "201": {"ع-۰۱": "16", "ع-۰۲": "20"},
}
