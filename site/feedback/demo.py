"""Demo: the online forms seed 001 promises («complaints and suggestions through the online forms»)
and a short satisfaction survey, each under the home page."""

from __future__ import annotations

from .models import FeedbackFormField, FeedbackFormPage, FeedbackKind

_CONTACT = [
    ("نام و نام خانوادگی", "singleline", True, "", ""),
    ("دستگاه یا سازمان", "singleline", False, "", "اگر از طرف دستگاهی می‌نویسید."),
    ("رایانامه", "email", False, "", "برای پاسخ؛ اختیاری."),
]

FORMS = [
    (
        FeedbackKind.COMPLAINT,
        "complaints",
        "ثبت شکایت",
        "<p>اگر در دریافت خدمت ارزیابی عملکرد به مشکلی برخورده‌اید، آن را اینجا ثبت کنید. پس از ثبت، شماره پیگیری "
        "می‌گیرید.</p>",
        _CONTACT
        + [
            ("موضوع شکایت", "singleline", True, "", ""),
            ("شرح شکایت", "multiline", True, "", "آنچه رخ داده و آنچه انتظار داشتید."),
        ],
    ),
    (
        FeedbackKind.SUGGESTION,
        "suggestions",
        "ثبت پیشنهاد",
        "<p>پیشنهاد خود را برای بهبود فرایند ارزیابی عملکرد یا این سامانه بنویسید.</p>",
        _CONTACT + [("متن پیشنهاد", "multiline", True, "", "")],
    ),
    (
        FeedbackKind.SURVEY,
        "survey",
        "نظرسنجی رضایت از خدمت",
        "<p>نظر شما درباره خدمت ارزیابی عملکرد دستگاه‌های اجرایی به بهبود آن کمک می‌کند.</p>",
        [
            ("میزان رضایت کلی", "radio", True, "خیلی زیاد\nزیاد\nمتوسط\nکم\nخیلی کم", ""),
            ("اطلاع‌رسانی زمان‌بندی به موقع بود", "radio", True, "بله\nتا حدی\nخیر", ""),
            ("توضیحات", "multiline", False, "", ""),
        ],
    ),
]


def load_demo(loader) -> None:
    for kind, slug, title, intro, fields in FORMS:
        if FeedbackFormPage.objects.child_of(loader.home).filter(slug=slug).exists():
            continue
        page = FeedbackFormPage(
            title=title,
            slug=slug,
            kind=kind,
            intro=intro,
            thank_you_text="<p>از شما سپاسگزاریم. کارشناسان واحد پاسخگویی به شکایات درخواست را بررسی می‌کنند.</p>",
        )
        for label, field_type, required, choices, help_text in fields:
            page.form_fields.add(
                FeedbackFormField(
                    label=label,
                    field_type=field_type,
                    required=required,
                    choices=choices,
                    help_text=help_text,
                )
            )
        loader.home.add_child(instance=page)
        page.save_revision().publish()
        loader.say(f"فرم {title} ساخته شد")
