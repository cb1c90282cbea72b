"""Audit-log actions of the evaluation cycle, written to Wagtail's own audit log."""

from __future__ import annotations

from wagtail.log_actions import log

LOG_ACTIONS: dict[str, tuple[str, str]] = {
    "evaluation.cycle.open": (
        "آغاز دوره ارزیابی",
        "دوره گشوده شد و بازنگری جاری روش اجرایی به آن پیوند خورد",
    ),
    "evaluation.indicators.issue": ("ابلاغ شاخص‌ها", "شاخص‌های دوره ابلاغ شد"),
    "evaluation.indicators.withdraw": ("برداشتن شاخص از دوره", "شاخص از دوره برداشته شد"),
    "evaluation.extension.grant": ("تمدید مهلت", "مهلت با نامه مجوز تمدید شد"),
    "evaluation.answer.save": ("ثبت پاسخ شاخص", "پاسخ خودارزیابی ثبت شد"),
    "evaluation.evidence.attach": ("بارگذاری مستند", "مستند به عنوان سابقه ثبت شد"),
    "evaluation.evidence.withdraw": ("کنار گذاشتن مستند", "مستند از پاسخ کنار گذاشته شد (سابقه می‌ماند)"),
    "evaluation.submission.finalise": ("ثبت نهایی خودارزیابی", "خودارزیابی ثبت نهایی شد"),
    "evaluation.review.score": ("امتیازدهی", "امتیاز ارزیاب ثبت شد"),
    "evaluation.results.release": ("اعلام نتایج اولیه", "نتایج اولیه به دستگاه اعلام شد"),
    "evaluation.results.accept": ("پذیرش نتایج اولیه", "دستگاه نتایج اولیه را پذیرفت"),
    "evaluation.objection.file": ("ثبت اعتراض", "اعتراض ثبت شد"),
    "evaluation.objection.decide": ("بررسی اعتراض", "اعتراض بررسی و امتیاز بازبینی شد"),
    "evaluation.final.propose": ("پیشنهاد نتایج نهایی", "نتایج نهایی برای تصویب پیشنهاد شد"),
    "evaluation.final.approve": ("تصویب نتایج نهایی", "نتایج نهایی تصویب شد و تغییرناپذیر شد"),
    "evaluation.final.return": ("بازگشت نتایج نهایی", "پیشنهاد نتایج نهایی برای اصلاح بازگشت"),
    "evaluation.notice.sent": ("ارسال اعلان", "اعلان دوره فرستاده شد"),
}


def record(instance, action: str, user=None, data: dict | None = None) -> None:
    log(instance=instance, action=action, user=user, data=data or {})
