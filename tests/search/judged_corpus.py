"""The judged set's corpus: the seeds' documents, made with the factories (not the demo database).

Seed 000's list of external documents (§7), circular 002 with its full text (Arabic ي/ك as published)
replacing circular ۳۵۶۶۵/۱۸۰۱, the acts seed 003's notices cite, procedure 000 with its sections and
activity table, and the service statement 001. Titles, numbers and dates are taken from the same
constants and seed readers the demo uses, so the judged queries and the demo agree; the pages are made
here, in a test database.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.db import transaction
from wagtail.models import Page

from jalali.calendar import parse_jalali
from tests.factories import new_procedure, paper_signers, person, site_tree
from tests.search.search_corpus import publish, reference


def _legacy_import(page, issued: str, imported_by) -> Page:
    from procedures.services import PaperRevision, import_legacy_revision

    day = parse_jalali(issued)
    signers = paper_signers(day)
    import_legacy_revision(
        page,
        PaperRevision(0, day, None, "", signers["preparer"], signers["confirmer"], signers["approver"]),
        imported_by=imported_by,
        note="نسخه کاغذی برای مجموعهٔ داوری جستجو",
    )
    page.refresh_from_db()
    return page


def build_judged_corpus() -> dict[str, Page]:
    """Every document of the judged set, by key (``SEED_000_REFERENCES`` keys, the announcements' acts,
    ``circular-35665``, ``circular-002``, ``procedure``, ``statement``)."""
    from announcements.demo import REFERENCES as NOTICE_ACTS
    from home.demo import seed_text
    from home.demo.loader import AUTHORITIES, SEED_000_REFERENCES
    from procedures.models import IssuingAuthority, ReferenceRelation, RelationKind, ServiceStatementPage

    home, procedures, references = site_tree()

    def authority(name: str | None):
        return IssuingAuthority.objects.get_or_create(name=name)[0] if name else None

    docs: dict[str, Page] = {}
    for key, title, ref_type, number, aliases, date, who, notes in SEED_000_REFERENCES:
        docs[key] = reference(
            references,
            key,
            title=title,
            ref_type=ref_type,
            number=number,
            number_aliases=aliases,
            date=date,
            authority=authority(AUTHORITIES.get(who or "")),
            notes=notes,
        )
    for key, (title, ref_type, number, date, who, notes) in NOTICE_ACTS.items():
        docs[key] = reference(
            references,
            key,
            title=title,
            ref_type=ref_type,
            number=number,
            date=date,
            authority=authority(who),
            notes=notes,
        )
    docs["circular-35665"] = reference(
        references,
        "circular-35665",
        title="وظایف و ضوابط سازماندهی دفاتر ارزیابی عملکرد و پاسخگویی به شکایات",
        ref_type="circular",
        number="۳۵۶۶۵/۱۸۰۱",
        date="4/3/1382",
        notes="متن این بخشنامه در دست نیست؛ مشخصات آن از بخشنامه جایگزین (۳۶۷۷۳/۹۱/۲۱۰) برداشته شده است.",
    )
    title, body = seed_text.circular_text()
    circular = reference(
        references,
        "circular-002",
        title=title,
        ref_type="circular",
        number="۳۶۷۷۳/۹۱/۲۱۰",
        date="13/09/1391",
        authority=authority(AUTHORITIES["vp"]),
        body="".join(f"<p>{line.strip()}</p>" for line in body.splitlines() if line.strip()),
        summary="وظایف و ضوابط سازماندهی دفاتر مدیریت عملکرد دستگاه‌های مشمول ماده (۵) قانون مدیریت خدمات کشوری.",
    )
    ReferenceRelation.objects.create(
        source=circular, kind=RelationKind.REPLACES, target=docs["circular-35665"]
    )
    docs["circular-002"] = publish(circular)

    officer = person("judged-officer", None)
    sections = seed_text.procedure_sections()
    procedure = new_procedure(
        procedures,
        title="روش اجرایی ارزیابی عملکرد دستگاه‌های اجرایی استان",
        form_code="م ک-ف-۰۱/۰۰",
        organisation="سازمان مدیریت و برنامه ریزی استان لرستان",
        organisation_unit="معاونت توسعه مدیریت و سرمایه انسانی",
        purpose=f"<p>{sections['purpose']}</p>",
        scope=f"<p>{sections['scope']}</p>",
        responsibility_execution=f"<p>{sections['execution']}</p>",
        responsibility_supervision=f"<p>{sections['supervision']}</p>",
        activities=[("activity", row) for row in seed_text.procedure_activity_rows()],
    )
    docs["procedure"] = _legacy_import(procedure, "۱۳۹۵/۱۰/۰۵", officer)

    s = seed_text.statement_sections()
    statement = home.add_child(
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
    docs["statement"] = _legacy_import(statement, "۱۳۹۵/۰۱/۱۵", officer)
    return docs


@contextmanager
def judged_corpus_for_module(django_db_blocker):
    """The corpus built once for a test module, rolled back at its end (as ``corpus_for_module``)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_judged_corpus()
        transaction.set_rollback(True)
