"""README.txt of a bag, in Persian and English, with the counts of what it holds."""

from __future__ import annotations

from jalali.calendar import format_jalali_datetime
from jalali.digits import to_persian_digits

PERSIAN = """\
بایگانی کامل سند (برون‌بری)
============================

این پوشه یک بستهٔ BagIt است (RFC 8493). درستی آن با این فرمان وارسی می‌شود:
    python -m bagit --validate <پوشهٔ بسته>
و با این فرمان در پایگاه دادهٔ خالیِ سند (پس از migrate) بازگردانده می‌شود:
    python manage.py import_archive <پوشهٔ بسته>

چینش پوشهٔ data/:
  manifest.json   قالب، منبع، مهاجرت‌های اعمال‌شده، شمار ردیف‌های هر جدول، شمارهای خلاصه و چکیدهٔ SHA-256 هر پرونده
  db/             همهٔ ردیف‌های پایگاه داده، هر جدول یک پروندهٔ JSON Lines (قالب Django، با شناسه‌های اصلی) به ترتیب بارگذاری
  files/          همهٔ پرونده‌های ذخیره‌شده (سندها، تصویرها، پرونده‌های سوابق و مستندات ارزیابی، بسته‌های امحا) با نام ذخیره‌شده
  media/          فهرست سندها و تصویرها: عنوان، مجموعه (مسیر نام‌ها)، پرونده در files/
  pages/          هر صفحه با مسیر درختی، نوع، فیلدها و همهٔ نسخه‌هایش (محتوای هر نسخه و ردیف دفتر بازنگری آن)؛ فهرست در index.json
  pdf/            چاپ (کنترل‌نشدهٔ) هر بازنگری ثبت‌شدهٔ سندهای کنترل‌شده: <شناسهٔ صفحه>-<شماره بازنگری>.pdf
  register/       دفتر بازنگری‌های کنترل‌شده با امضاها، و نسخه‌های کنترل‌شدهٔ صادرشده
  records/        همهٔ سوابق با دورهٔ نگهداری، تاریخ‌ها، پرونده‌ها و توقیف‌ها؛ همهٔ توقیف‌ها
  audit/          رویدادهای ممیزی (صفحه و مدل) همان‌گونه که زنجیره چکیده می‌گیرد، حلقه‌های زنجیره، و verify_chain.py
                  برای وارسی زنجیره فقط با پایتون:  python3 data/audit/verify_chain.py
"""

ENGLISH = """\
Sanad whole-archive export
==========================

This folder is a BagIt bag (RFC 8493). Check it with:
    python -m bagit --validate <bag folder>
Restore it into an empty, migrated Sanad database with:
    python manage.py import_archive <bag folder>

Layout of data/:
  manifest.json   format, source, applied migrations, rows per table, summary counts, SHA-256 of every file
  db/             every database row, one JSON Lines file per table (Django serialisation, primary keys kept;
                  content types and permissions by natural key), numbered in load order
  files/          every stored file (documents, images, record and evaluation-evidence files, disposition
                  packages) under its storage name
  media/          documents and images listed: title, collection (a path of names), file under files/
  pages/          each page with its tree path, type, fields and every revision (content and register row);
                  index.json lists them
  pdf/            an (uncontrolled) print of every registered revision of a controlled document:
                  <page id>-<revision number>.pdf
  register/       the controlled-revision register with its sign-offs, and the issued controlled copies
  records/        every record with its retention period, dates, files and holds; every hold
  audit/          the audit entries (page and model logs) as the hash chain hashes them, the chain's links, and
                  verify_chain.py, which rechecks the chain with Python alone: python3 data/audit/verify_chain.py
"""


def text(manifest: dict) -> str:
    counts = manifest["counts"]
    rows = sum(item["rows"] for item in manifest["order"])
    files = sum(1 for f in manifest["files"] if not f.get("missing"))
    head = manifest.get("chain_head") or {}
    facts_fa = (
        f"ساخته‌شده در {format_jalali_datetime(manifest['created_at'])} (به وقت تهران)؛ "
        f"{to_persian_digits(counts['pages'])} صفحه، {to_persian_digits(counts['revisions'])} نسخه، "
        f"{to_persian_digits(counts['documents'])} سند، {to_persian_digits(counts['images'])} تصویر، "
        f"{to_persian_digits(counts['records'])} سابقه، {to_persian_digits(counts['holds'])} توقیف، "
        f"{to_persian_digits(counts['audit_seals'])} حلقهٔ زنجیره، {to_persian_digits(files)} پرونده، "
        f"{to_persian_digits(rows)} ردیف.\n"
    )
    facts_en = (
        f"Made {manifest['created_at']:%Y-%m-%d %H:%M} UTC: {counts['pages']} pages, {counts['revisions']} "
        f"revisions, {counts['documents']} documents, {counts['images']} images, {counts['records']} records, "
        f"{counts['holds']} holds, {counts['audit_seals']} chain links (head {head.get('sha256', '-')}), "
        f"{files} files, {rows} rows.\n"
    )
    return PERSIAN + "\n" + facts_fa + "\n\n" + ENGLISH + "\n" + facts_en
