"""Demo step: the references the seeds cite, imported as a batch (issue 13 §1) from ``demo_data/``.

``references.csv`` lists 24 acts the five seeds cite, among them circulars ۱۶۷۳۹۳/۱۰۱ and ۲۸۲۱۶/۱۰۵ that
seed 002 cites and that no other step makes. It also lists the acts the core loader and the later steps
(evaluation letters, announcements) make, with the same number, date and authority: the import's
identity rule finds the ones already there, and the later steps find those made here by number, so
nothing is duplicated whichever runs first. The same file imports from the command line (README).
"""

from __future__ import annotations

from pathlib import Path

DEMO_DATA = Path(__file__).resolve().parent / "demo_data"
#: The demo's issued controlled copy (issue 13 §6): its code is printed in the PDF and checked at /verify/.
DEMO_COPY_RECIPIENT = ("حسین رضایی", "دفتر مدیریت عملکرد دستگاه")
DEMO_LIST = DEMO_DATA / "references.csv"
DEMO_FILES = DEMO_DATA / "files"


def load_demo(loader) -> None:
    from jalali.digits import to_persian_digits
    from procedures.reference_import import FileSource, plan_import
    from procedures.services import import_references

    plan = plan_import(DEMO_LIST.name, DEMO_LIST.read_bytes(), FileSource.from_directory(DEMO_FILES))
    if plan.problems:  # the demo's own file: a problem here is a bug, said loudly
        raise ValueError("؛ ".join(plan.problems))
    counts = import_references(
        plan, loader.references_folder, by=loader.users_by_name.get("officer"), source=DEMO_LIST.name
    )
    if counts["create"] or counts["update"]:
        created, updated, unchanged = (
            to_persian_digits(counts[k]) for k in ("create", "update", "unchanged")
        )
        loader.say(f"فهرست مستندات نمونه وارد شد: {created} افزوده، {updated} به‌روز، {unchanged} بدون تغییر")
    issue_demo_copy(loader)


def issue_demo_copy(loader) -> None:
    """A controlled copy of the procedure's revision in force, issued by the officer, its PDF fixed; once
    per revision. Run here (revision ۰۰, superseded later by the records step: a copy due for recall) and
    again by the subscriptions step, the last one (revision ۰۱: a copy in force)."""
    from urllib.parse import urlsplit

    from django.conf import settings
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from procedures.copies import fix_issued_file, issue_controlled_copy
    from procedures.models import ControlledRevision, IssuedCopy, RevisionStatus
    from procedures.pdf.render import render_revision_pdf

    officer = loader.users_by_name.get("officer")
    page = loader.procedure_page.specific_class.objects.get(
        pk=loader.procedure_page.pk
    )  # later steps revise it
    controlled = ControlledRevision.objects.filter(page_id=page.pk, status=RevisionStatus.IN_FORCE).first()
    if (
        controlled is None
        or officer is None
        or IssuedCopy.objects.filter(controlled_revision=controlled).exists()
    ):
        return
    name, unit = DEMO_COPY_RECIPIENT
    copy = issue_controlled_copy(controlled, issued_by=officer, recipient_name=name, recipient_unit=unit)
    # As the «صدور» screen does: render once and keep the file whose SHA-256 /verify/ shows.
    request = RequestFactory().get(
        "/", HTTP_HOST=urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc or "localhost"
    )
    request.user = AnonymousUser()
    fix_issued_file(copy, render_revision_pdf(request, page, controlled, copy=copy), by=officer)
    loader.say(f"نسخه کنترل‌شده {controlled.code} صادر شد؛ تصدیق: /verify/{copy.verification_code}/")
