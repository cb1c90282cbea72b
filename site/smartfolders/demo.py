"""Demo step for collections (run by ``load_demo`` after the references, records, evaluation and announcements
steps, which make the documents they list): a «مجموعه‌ها» folder with two saved searches. Idempotent.

- «بخشنامه‌های سال ۱۳۹۸ سازمان اداری و استخدامی کشور، معتبر»: the circulars seed 003 cites (۷۶۱۸۴۷ and
  ۷۱۲۶۶۹, made by the evaluation and announcements steps), in force;
- «قوانین و مقررات ارزیابی عملکرد»: the laws, regulations, resolutions and policies of seed 000 §7, the
  legal basis of the evaluation procedure.
"""

from __future__ import annotations

from procedures.models import IssuingAuthority

from .models import SavedSearchPage

FOLDER_SLUG = "collections"
AEO = "سازمان اداری و استخدامی کشور"


def _collection(loader, folder, slug: str, **fields) -> SavedSearchPage:
    existing = SavedSearchPage.objects.child_of(folder).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = folder.add_child(instance=SavedSearchPage(slug=slug, **fields))
    page.save_revision().publish()
    loader.say(f"مجموعه جست‌وجو «{page.title}» ساخته شد")
    return page


def load_demo(loader) -> None:
    folder = loader.section(
        loader.home,
        FOLDER_SLUG,
        "مجموعه‌ها",
        "<p>جست‌وجوهای ذخیره‌شده: هر مجموعه فهرستی زنده از اسناد است که با انتشار یا جایگزینی اسناد به‌روز می‌ماند، "
        "با خوراک Atom و خروجی CSV و اکسل.</p>",
    )
    aeo, _ = IssuingAuthority.objects.get_or_create(name=AEO)
    _collection(
        loader,
        folder,
        "aeo-circulars-1398-in-force",
        title="بخشنامه‌های سال ۱۳۹۸ سازمان اداری و استخدامی کشور، معتبر",
        intro="<p>بخشنامه‌های نافذ سازمان اداری و استخدامی کشور با تاریخ سال ۱۳۹۸، از جمله بخشنامه‌های "
        "فرایند ارزیابی عملکرد سال‌های ۱۳۹۸ و ۱۳۹۹. بخشنامه‌ای که جایگزین شود، خودبه‌خود از این فهرست بیرون می‌رود.</p>",
        kinds=["circular"],
        authority=aeo,
        year=1398,
        status="in_force",
    )
    _collection(
        loader,
        folder,
        "performance-evaluation-laws",
        title="قوانین و مقررات ارزیابی عملکرد",
        intro="<p>قوانین، آیین‌نامه‌ها، تصویب‌نامه‌ها و سیاست‌های کلی که مبنای ارزیابی عملکرد دستگاه‌های اجرایی‌اند "
        "(فهرست مستندات برون‌سازمانی روش اجرایی م پ-م-۱-۰۴).</p>",
        kinds=["law", "policy", "regulation", "executive_regulation", "resolution"],
        sort="oldest",
    )
