"""Demo step: the tree split into units (runs after the core and the apps before ``units``).

- «سازمان مدیریت و برنامه ریزی استان» (organisation): the whole site, from the home page.
- «معاونت توسعه مدیریت و سرمایه انسانی» (deputy): the procedures, the external references, the
  service-level statement and the announcements board; ``officer``, ``officer2``, ``confirmer``,
  ``approver``.
- «دفتر مدیریت عملکرد» (office): its own folder at /performance-office/ with one procedure made from
  seed 002, signed by its own ``perf_officer``, ``perf_confirmer``, ``perf_approver``.
"""

from __future__ import annotations

from accounts.models import StaffProfile
from accounts.roles import Role
from home.demo import seed_text
from home.models import SectionIndexPage
from procedures.models import ProcedurePage
from units.models import UnitKind
from units.services import add_member, ensure_unit

ORGANISATION = "سازمان مدیریت و برنامه ریزی استان"
DEPUTY = "معاونت توسعه مدیریت و سرمایه انسانی"
OFFICE = "دفتر مدیریت عملکرد"

MEMBERS = {
    DEPUTY: [
        ("officer", Role.QUALITY_OFFICER),
        ("officer2", Role.QUALITY_OFFICER),
        ("confirmer", Role.CONFIRMER),
        ("approver", Role.APPROVER),
    ],
    OFFICE: [
        ("perf_officer", Role.QUALITY_OFFICER),
        ("perf_confirmer", Role.CONFIRMER),
        ("perf_approver", Role.APPROVER),
    ],
}


def office_folder(loader) -> SectionIndexPage:
    existing = SectionIndexPage.objects.child_of(loader.home).filter(slug="performance-office").first()
    if existing:
        return existing
    folder = loader.home.add_child(
        instance=SectionIndexPage(
            title=OFFICE,
            slug="performance-office",
            intro="<p>اسناد کنترل‌شده دفتر مدیریت عملکرد، که مسئول کیفیت و امضاکنندگان خود را دارد.</p>",
        )
    )
    folder.save_revision().publish()
    loader.say(f"بخش {OFFICE} ساخته شد")
    return folder


def office_procedure(loader, folder, users) -> ProcedurePage:
    """A first-issue procedure of the office, from seed 002's duties, signed by the office's own people."""
    existing = ProcedurePage.objects.child_of(folder).filter(slug="office-duties").first()
    if existing and existing.live:
        return existing
    title, body = seed_text.circular_text()
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    duties = [line for line in lines if line[:2].rstrip(".").strip("۰۱۲۳۴۵۶۷۸۹").strip() == ""][:6]
    page = existing or folder.add_child(
        instance=ProcedurePage(
            title="روش اجرایی استقرار نظام مدیریت عملکرد",
            slug="office-duties",
            live=False,
            form_code="م ک-ف-۰۱/۰۰",
            document_code="م پ-د-۲-۰۱",
            organisation=ORGANISATION,
            organisation_unit=OFFICE,
            purpose=f"<p>اجرای وظایف دفتر مدیریت عملکرد بر پایه بخشنامه ۳۶۷۷۳/۹۱/۲۱۰: {title}.</p>",
            scope="<p>" + lines[1] + "</p>",
            responsibility_execution="<p>دفتر مدیریت عملکرد</p>",
            responsibility_supervision="<p>معاونت توسعه مدیریت و سرمایه انسانی</p>",
            activities=[
                (
                    "activity",
                    {
                        "number": str(n),
                        "description": duty,
                        "responsible": OFFICE,
                        "collaborator": "",
                        "related_records": "",
                        "flowchart_step": "",
                    },
                )
                for n, duty in enumerate(duties, start=1)
            ],
            demo_note="نمونه سند واحد دوم: تهیه، تایید و تصویب آن با کارکنان همین دفتر است.",
        )
    )
    page.save_revision(user=users["perf_officer"])
    state = page.get_workflow().start(page, users["perf_officer"])
    for signer in ("perf_confirmer", "perf_approver"):
        state.refresh_from_db()
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, users[signer], "approve")
    loader.say("روش اجرایی دفتر مدیریت عملکرد با گردش امضای همان دفتر منتشر شد")
    return page


def load_demo(loader) -> None:
    users = loader.users_by_name
    home = loader.home
    organisation = ensure_unit(ORGANISATION, UnitKind.ORGANISATION, roots=[home])
    deputy_roots = [loader.procedures_folder, loader.references_folder, loader.statement_page]
    deputy_roots += list(home.get_children().filter(slug="announcements"))
    units = {
        DEPUTY: ensure_unit(DEPUTY, UnitKind.DEPUTY, parent=organisation, roots=deputy_roots),
        OFFICE: ensure_unit(OFFICE, UnitKind.OFFICE, parent=organisation, roots=[office_folder(loader)]),
    }
    for unit_name, members in MEMBERS.items():
        for username, role in members:
            add_member(units[unit_name], users[username], role)
            StaffProfile.objects.filter(user=users[username], unit="").update(unit=unit_name)
    office_procedure(loader, units[OFFICE].root_pages.first(), users)
    loader.say("درخت محتوا به واحدهای سازمانی تقسیم شد")
