"""The organisation's roles by name: plain vocabulary, free of the database, so the units' models and the
role groups' provisioning (``accounts.roles``) can both name a role without importing each other."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    QUALITY_OFFICER = "مسئول کیفیت (تهیه‌کننده)"
    CONFIRMER = "تاییدکننده"
    APPROVER = "تصویب‌کننده"
    AGENCY_USER = "کاربر دستگاه اجرایی"
    EVALUATOR = "ارزیاب"
    RECORDS_MANAGER = "مدیر سوابق"
    AUDITOR = "ممیز (فقط خواندنی)"
