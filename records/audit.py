"""Audit-log actions for records, holds and disposition, written to Wagtail's own audit log.

Field-level history (every version of a record's metadata, with who, when and why) is kept by
django-simple-history on each model; these entries say what was *done*: declared, held, disposed.
"""

from __future__ import annotations

from wagtail.log_actions import log

LOG_ACTIONS: dict[str, tuple[str, str]] = {
    "records.record.create": ("ثبت سابقه", "سابقه ثبت شد"),
    "records.record.declare": ("اعلام سابقه", "سابقه اعلام شد و تغییرناپذیر شد"),
    "records.record.correct": ("اصلاح مشخصات سابقه", "مشخصات سابقه با ذکر دلیل اصلاح شد"),
    "records.record.subjects": ("تعیین موضوعات سابقه", "موضوعات سابقه تغییر کرد"),
    "records.record.phase": ("تغییر مرحله نگهداری", "مرحله نگهداری سابقه تغییر کرد"),
    "records.file.attach": ("بارگذاری فایل سابقه", "فایل به سابقه افزوده شد"),
    "records.file.remove": ("برداشتن فایل سابقه", "فایل از پیش‌نویس سابقه برداشته شد"),
    "records.hold.place": ("توقیف", "توقیف گذاشته شد"),
    "records.hold.release_request": ("درخواست رفع توقیف", "رفع توقیف درخواست شد"),
    "records.hold.release": ("رفع توقیف", "توقیف با تایید شخص دوم رفع شد"),
    "records.hold.release_reject": ("رد درخواست رفع توقیف", "درخواست رفع توقیف رد شد"),
    "records.batch.prepare": ("تهیه فهرست تعیین تکلیف", "فهرست تعیین تکلیف تهیه شد"),
    "records.batch.approve": ("تایید فهرست تعیین تکلیف", "فهرست تعیین تکلیف تایید شد"),
    "records.batch.cancel": ("لغو فهرست تعیین تکلیف", "فهرست تعیین تکلیف لغو شد"),
    "records.batch.execute": ("اجرای تعیین تکلیف", "تعیین تکلیف اجرا شد"),
    "records.disposed": ("تعیین تکلیف سابقه", "سابقه تعیین تکلیف شد"),
    "records.register.import": ("ورود جدول نگهداری", "جدول نگهداری از فایل وارد شد"),
}


def record(instance, action: str, user=None, data: dict | None = None) -> None:
    log(instance=instance, action=action, user=user, data=data or {})
