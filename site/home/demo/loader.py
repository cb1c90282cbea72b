"""The one place demo content comes from. Idempotent: every step finds what it made last time.

Decisions on the seed's real-world flaws (also shown on the pages as notes):
- seed 000 §7 dates the road-map resolution «۱۳۹۳/۰/۲۰» (month 0); seed 001 gives the same act as
  «۲۰ / ۰۱ / ۱۳۹۳», so it is stored as 1393/01/20 with a note.
- the programme resolution is «۵۵۰۶۴۲ ت/۱۲۷۶۷۵» in seed 000 and «۱۲۷۶۷۵ / ت ۵۰۶۴۲ ه» in seed 001; it is one
  act. The number is stored as «۱۲۷۶۷۵/ت۵۰۶۴۲ه» (seed 001's reading, the government's own form) and seed
  000's spelling is kept as an alias, so either finds it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Page, Site

from accounts.models import StaffProfile
from accounts.roles import Role, ensure_role_groups
from home.demo import seed_text
from home.models import HomePage, SectionIndexPage
from jalali.calendar import parse_jalali
from procedures.models import (
    ExternalReferencePage,
    IssuingAuthority,
    ProcedurePage,
    ReferenceRelation,
    RelationKind,
    ServiceStatementPage,
)
from procedures.services import PaperRevision, Signer, import_legacy_revision
from procedures.setup import ensure_signoff_workflow

DEMO_PASSWORD = "sanad-demo"  # noqa: S105 - printed for the demo, documented in the README


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    position: str
    role: Role | None
    superuser: bool = False


DEMO_USERS = [
    DemoUser("admin", "مدیر", "سامانه", "مدیر فناوری اطلاعات", None, superuser=True),
    DemoUser("officer", "مریم", "احمدی", "کارشناس مسئول تضمین کیفیت", Role.QUALITY_OFFICER),
    DemoUser("officer2", "حسین", "کریمی", "کارشناس تضمین کیفیت", Role.QUALITY_OFFICER),
    DemoUser("confirmer", "سارا", "رضایی", "معاون توسعه مدیریت و سرمایه انسانی", Role.CONFIRMER),
    DemoUser("approver", "محمد", "موسوی", "رئیس سازمان", Role.APPROVER),
    DemoUser("agency", "رضا", "نوری", "کارشناس دفتر مدیریت عملکرد دستگاه", Role.AGENCY_USER),
    DemoUser("evaluator", "لیلا", "صادقی", "کارشناس ارزیاب", Role.EVALUATOR),
    DemoUser("records", "علی", "جعفری", "مسئول بایگانی", Role.RECORDS_MANAGER),
    DemoUser("auditor", "نرگس", "حیدری", "ممیز داخلی", Role.AUDITOR),
    # The second unit, «دفتر مدیریت عملکرد» (units/demo.py), with its own three signers.
    DemoUser("perf_officer", "امیر", "رحیمی", "کارشناس کیفیت دفتر مدیریت عملکرد", Role.QUALITY_OFFICER),
    DemoUser("perf_confirmer", "زهرا", "محمدی", "معاون دفتر مدیریت عملکرد", Role.CONFIRMER),
    DemoUser("perf_approver", "مهدی", "کاظمی", "مدیر دفتر مدیریت عملکرد", Role.APPROVER),
]

AUTHORITIES = {
    "majlis": "مجلس شورای اسلامی",
    "leader": "مقام معظم رهبری",
    "cabinet": "هیأت وزیران",
    "council": "شورای عالی اداری",
    "vp": "معاونت توسعه مدیریت و سرمایه انسانی رئیس‌جمهور",
    "aeo": "سازمان اداری و استخدامی کشور",
}

# Seed 000 §7, in the seed's order; (key, title, type, number, aliases, date, authority, notes)
SEED_000_REFERENCES = [
    (
        "law-81",
        "فصل یازدهم قانون مدیریت خدمات کشوری - ارزیابی عملکرد",
        "law",
        "",
        "",
        None,
        "majlis",
        "شماره و تاریخ در فهرست مستندات روش اجرایی درج نشده است.",
    ),
    (
        "policies",
        "سیاست‌های کلی نظام اداری ابلاغی مقام معظم رهبری (مدظله العالی)",
        "policy",
        "",
        "",
        None,
        "leader",
        "شماره و تاریخ در فهرست مستندات روش اجرایی درج نشده است.",
    ),
    (
        "regulation-81-82",
        "آیین‌نامه اجرایی مواد ۸۱ و ۸۲ قانون مدیریت خدمات کشوری",
        "executive_regulation",
        "۴۲۲۵/۴۴۳۲۷",
        "۴۴۳۲۷ / ۴۲۲۵",
        "۱۳۸۹/۰۱/۱۴",
        "cabinet",
        "",
    ),
    (
        "roadmap",
        "تصویب‌نامه شورای عالی اداری در مورد نقشه راه اصلاح نظام اداری",
        "resolution",
        "۵۶۰/۹۳/۲۰۶",
        "",
        "۱۳۹۳/۰۱/۲۰",
        "council",
        "در فهرست مستندات روش اجرایی تاریخ «۱۳۹۳/۰/۲۰» (ماه صفر) آمده است؛ بیانیه سطح خدمت همین مصوبه را "
        "«۲۰ / ۰۱ / ۱۳۹۳» ثبت کرده و همان مبنا قرار گرفت. عنوان نیز در آن فهرست «نقشه راه اطلاع نظام اداری» تایپ شده است.",
    ),
    (
        "indicators-circular",
        "بخشنامه ابلاغ شاخص‌های عمومی ارزیابی عملکرد دستگاه‌های اجرایی استان و فرآیند اجرای آن",
        "circular",
        "۹۴۰۱۲۱",
        "",
        "۱۳۹۵/۱۰/۱۴",
        None,
        "مرجع صدور در فهرست مستندات روش اجرایی درج نشده است.",
    ),
    (
        "programme",
        "برنامه جامع اصلاح نظام اداری",
        "resolution",
        "۱۲۷۶۷۵/ت۵۰۶۴۲ه",
        "۵۵۰۶۴۲ ت/۱۲۷۶۷۵",
        "۱۳۹۳/۱۰/۲۸",
        "cabinet",
        "در روش اجرایی شماره به صورت «۵۵۰۶۴۲ ت/۱۲۷۶۷۵» و در بیانیه سطح خدمت «۱۲۷۶۷۵ / ت ۵۰۶۴۲ ه» آمده است؛ "
        "هر دو نگارش یک مصوبه‌اند و هر دو جستجوپذیرند.",
    ),
]


def app_demo_steps():
    """Each app may add demo content in ``<app>/demo.py: load_demo(loader)``, run after the core, in app order.

    The loader gives them ``say()``, ``users_by_name``, ``home``, ``procedures_folder``,
    ``references_folder``, ``refs`` (seed 000's references by key, plus "circular-002"),
    ``procedure_page`` and ``statement_page``. Every step must be idempotent.
    """
    from importlib import import_module
    from importlib.util import find_spec

    from django.apps import apps

    steps = []
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if config.name != "home" and find_spec(config.name) and find_spec(name):
            steps.append(import_module(name).load_demo)
    return steps


def _date(text: str | None) -> dt.date | None:
    return parse_jalali(text) if text else None


class DemoLoader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.made: list[str] = []

    def say(self, message: str) -> None:
        self.made.append(message)
        if self.stdout is not None:
            self.stdout.write(message)

    @transaction.atomic
    def load(self) -> list[str]:
        ensure_role_groups()
        self.users_by_name = users = self.users()
        self.home, self.procedures_folder, self.references_folder = self.tree()
        ensure_signoff_workflow(self.home)
        self.refs = self.references(self.references_folder)
        self.procedure_page = self.procedure(self.procedures_folder, self.refs, users)
        self.statement_page = self.statement(self.home, users)
        for step in app_demo_steps():
            step(self)
        return self.made

    # --- people -----------------------------------------------------------------------------------

    def users(self) -> dict[str, object]:
        User = get_user_model()
        groups = ensure_role_groups()
        users = {}
        for spec in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=spec.username,
                defaults={
                    "first_name": spec.first_name,
                    "last_name": spec.last_name,
                    "email": f"{spec.username}@sanad.example",
                    "is_superuser": spec.superuser,
                    "is_staff": spec.superuser,
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
                self.say(f"کاربر {spec.username} ساخته شد")
            if spec.role is not None:
                user.groups.add(groups[spec.role])
            StaffProfile.objects.get_or_create(user=user, defaults={"position": spec.position})
            users[spec.username] = user
        return users

    # --- the tree ---------------------------------------------------------------------------------

    def tree(self):
        root = Page.get_first_root_node()
        # Wagtail's own welcome page, made by its migrations, has no place in Sanad.
        for stray in root.get_children().filter(depth=2):
            if stray.specific_class is Page:
                stray.delete()
        home = HomePage.objects.first()
        if home is None:
            home = root.add_child(
                instance=HomePage(
                    title="سند",
                    slug="home",
                    intro="<p>سامانه مدیریت اسناد و سوابق سازمان: روش‌های اجرایی کنترل‌شده، مستندات برون‌سازمانی "
                    "و بیانیه سطح توافق خدمت.</p>",
                )
            )
            self.say("صفحه اصلی ساخته شد")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="127.0.0.1", port=8000, root_page=home, is_default_site=True, site_name="سند"
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        procedures = self.section(
            home, "procedures", "روش‌های اجرایی", "<p>روش‌های اجرایی کنترل‌شده در سیستم مدیریت کیفیت.</p>"
        )
        references = self.section(
            home, "references", "مستندات برون‌سازمانی", "<p>قوانین، آیین‌نامه‌ها، بخشنامه‌ها و مصوبات مرجع.</p>"
        )
        return home, procedures, references

    def section(self, home, slug, title, intro):
        existing = SectionIndexPage.objects.child_of(home).filter(slug=slug).first()
        if existing:
            return existing
        self.say(f"بخش {title} ساخته شد")
        return home.add_child(instance=SectionIndexPage(title=title, slug=slug, intro=intro))

    # --- external references ----------------------------------------------------------------------

    def authority(self, key: str | None):
        if key is None:
            return None
        authority, _ = IssuingAuthority.objects.get_or_create(name=AUTHORITIES[key])
        return authority

    def reference(self, parent, slug, **fields) -> ExternalReferencePage:
        existing = ExternalReferencePage.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing
        page = parent.add_child(instance=ExternalReferencePage(slug=slug, **fields))
        page.save_revision().publish()
        self.say(f"مستند {fields['title']} ساخته شد")
        return page

    def references(self, parent) -> dict[str, ExternalReferencePage]:
        refs = {}
        for key, title, ref_type, number, aliases, date, authority, notes in SEED_000_REFERENCES:
            refs[key] = self.reference(
                parent,
                key,
                title=title,
                ref_type=ref_type,
                number=number,
                number_aliases=aliases,
                date=_date(date),
                authority=self.authority(authority),
                notes=notes,
            )
        old = self.reference(
            parent,
            "circular-35665-1801",
            title="وظایف و ضوابط سازماندهی دفاتر ارزیابی عملکرد و پاسخگویی به شکایات",
            ref_type="circular",
            number="۳۵۶۶۵/۱۸۰۱",
            date=_date("4/3/1382"),
            authority=None,
            notes="متن این بخشنامه در دست نیست؛ مشخصات آن از بخشنامه جایگزین (۳۶۷۷۳/۹۱/۲۱۰) برداشته شده است.",
        )
        title, body = seed_text.circular_text()
        paragraphs = "".join(f"<p>{line.strip()}</p>" for line in body.splitlines() if line.strip())
        circular = self.reference(
            parent,
            "circular-36773-91-210",
            title=title,
            ref_type="circular",
            number="۳۶۷۷۳/۹۱/۲۱۰",
            date=_date("13/09/1391"),
            authority=self.authority("vp"),
            body=paragraphs,
            summary="وظایف و ضوابط سازماندهی دفاتر مدیریت عملکرد دستگاه‌های مشمول ماده (۵) قانون مدیریت خدمات کشوری.",
        )
        if not circular.relations.exists():
            # Seed 002 names no other day: «این بخشنامه جایگزین بخشنامه شماره ۳۵۶۶۵/۱۸۰۱ ... میگردد» takes
            # effect with the circular itself, ۱۳۹۱/۰۹/۱۳; until then ۳۵۶۶۵/۱۸۰۱ was in force.
            ReferenceRelation.objects.create(
                source=circular, kind=RelationKind.REPLACES, target=old, effective_date=_date("13/09/1391")
            )
            circular.save_revision().publish()
        refs["circular-002"] = circular
        return refs

    # --- seed 000: the controlled procedure --------------------------------------------------------

    def procedure(self, parent, refs, users) -> ProcedurePage:
        existing = ProcedurePage.objects.child_of(parent).filter(slug="performance-evaluation").first()
        if existing and existing.controlled_revisions.exists():
            return existing
        sections = seed_text.procedure_sections()
        page = existing or ProcedurePage(
            title="روش اجرایی ارزیابی عملکرد دستگاه‌های اجرایی استان",
            slug="performance-evaluation",
            live=False,
            form_code="م ک-ف-۰۱/۰۰",
            document_code="م پ-م-۱-۰۴",
            organisation="سازمان مدیریت و برنامه ریزی استان لرستان",
            organisation_unit="معاونت توسعه مدیریت و سرمایه انسانی",
            control_notice=(
                "این سند که در اختیار شماست، تحت کنترل سیستم مدیریت کیفیت سازمان مدیریت و برنامه ریزی استان لرستان "
                "(معاونت توسعه مدیریت و سرمایه انسانی) قرار دارد. خواهشمند است ضمن نگهداری، اجرا و استفاده مناسب از "
                "این سند از تهیه و توزیع هرگونه کپی از آن خودداری فرمایید. لطفا در صورت نیاز به هرگونه کپی یا تغییر در "
                "محتوای این سند با مدیریت/معاونت کیفیت هماهنگی نمایید."
            ),
            purpose=f"<p>{sections['purpose']}</p>",
            scope=f"<p>{sections['scope']}</p>",
            definitions=[("definition", {"term": "بهره بردار", "definition": ""})],
            responsibility_execution=f"<p>{sections['execution']}</p>",
            responsibility_supervision=f"<p>{sections['supervision']}</p>",
            activities=[("activity", row) for row in seed_text.procedure_activity_rows()],
            external_documents=[
                ("external_document", {"reference": refs[key], "title": "", "notes": ""})
                for key, *_ in SEED_000_REFERENCES
            ],
            demo_note=(
                "این روش اجرایی از سند کاغذی بازنگری (۰۰) مورخ ۱۳۹۵/۱۰/۰۵ وارد شده است؛ امضاها همان‌گونه که روی کاغذ "
                "آمده ثبت شده‌اند. ردیف ۱۱ در سند اصلی دو بار آمده و همان‌گونه نگه داشته شده است."
            ),
        )
        if existing is None:
            parent.add_child(instance=page)
        issued = parse_jalali("۱۳۹۵/۱۰/۰۵")
        import_legacy_revision(
            page,
            PaperRevision(
                number=0,
                issue_date=issued,
                revision_date=None,
                change_reason="",
                preparer=Signer("زینب گودرزی", "رئیس اداره بودجه و تشکیلات", issued),
                confirmer=Signer("فریده بیرانوند", "معاون توسعه مدیریت و سرمایه انسانی", issued),
                approver=Signer("علی هادی چگنی", "رئیس سازمان مدیریت و برنامه ریزی استان لرستان", issued),
            ),
            imported_by=users["officer"],
            note="ورود نسخه کاغذی امضاشده روش اجرایی م پ-م-۱-۰۴/۰۰ (صادره ۱۳۹۵/۱۰/۰۵) از بایگانی واحد کیفیت.",
        )
        self.say("روش اجرایی ارزیابی عملکرد (بازنگری ۰۰) وارد شد")
        return page

    # --- seed 001: the service-level statement, signed in Sanad ------------------------------------

    def statement(self, home, users) -> ServiceStatementPage:
        existing = ServiceStatementPage.objects.child_of(home).filter(slug="service-statement").first()
        if existing and existing.live:
            return existing
        s = seed_text.statement_sections()
        page = existing or home.add_child(
            instance=ServiceStatementPage(
                title=s["title"],
                slug="service-statement",
                live=False,
                document_code="ب س-ا-۰۱",
                organisation="سازمان مدیریت و برنامه ریزی استان اصفهان",
                organisation_unit="معاونت توسعه مدیریت و سرمایه انسانی",
                introduction=f"<p>{s['introduction']}</p>",
                purpose="".join(f"<p>{p}</p>" for p in str(s["purpose"]).split("\n\n")),
                responsibility=f"<p>{s['responsibility']}</p>",
                service_steps=[("step", step) for step in s["steps"]],
                commitments=[("commitment", c) for c in s["commitments"]],
                costs=f"<p>{s['costs']}</p>",
                validity=f"<p>{s['validity']}</p>",
                termination=f"<p>{s['termination']}</p>",
            )
        )
        # Signed through the real workflow: officer prepares, confirmer confirms, approver approves.
        page.save_revision(user=users["officer"])
        state = page.get_workflow().start(page, users["officer"])
        for signer in ("confirmer", "approver"):
            state.refresh_from_db()
            task_state = state.current_task_state
            task_state.task.specific.on_action(task_state, users[signer], "approve")
        self.say("بیانیه سطح توافق خدمت با گردش امضا منتشر شد")
        return page
