"""A procedure with two registered revisions for the comparison tests (issue 13 §4).

Revision ۰۰ is imported from paper; ۰۱ is signed in Sanad after its editor changed a word of §1, removed
activity row ۲, edited row ۳, added row ۴ and cited a second act in §7. Rows keep their block ids, as
they do when an editor edits the page."""

from __future__ import annotations

import datetime as dt

from procedures.models import ControlledRevision, ProcedurePage
from tests.procedures import citing
from tests.procedures.signoff import sign_through

OLD_PURPOSE = (
    "هدف این روش اجرایی ارزیابی سالانه عملکرد دستگاه‌های اجرایی استان است.",
    "بند دوم بدون تغییر می‌ماند.",
)
NEW_PURPOSE = ("هدف این روش اجرایی ارزیابی فصلی عملکرد دستگاه‌های اجرایی استان است.", OLD_PURPOSE[1])
ACTIVITY_ROWS = [
    {
        "number": "۱",
        "description": "ابلاغ شاخص‌های ارزیابی",
        "responsible": "سازمان مدیریت و برنامه ریزی استان",
    },
    {"number": "۲", "description": "برگزاری جلسه توجیهی", "responsible": '"'},
    {"number": "۳", "description": "خودارزیابی دستگاه‌ها", "responsible": "دستگاه اجرایی"},
]
NEW_ROW = {"number": "۴", "description": "بررسی مستندات و امتیازدهی", "responsible": "کارگروه ارزیابی"}
CHANGE_REASON = "بازنگری سالانه: ردیف ۴ افزوده و ردیف ۲ حذف شد"


def _paragraphs(texts) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def first_issue(tree, people) -> ProcedurePage:
    """Revision ۰۰, imported from paper, in force."""
    from procedures.services import PaperRevision, import_legacy_revision
    from tests.factories import new_procedure, paper_signers

    home, procedures, references = tree
    act = citing.circular(references)
    page = new_procedure(
        procedures,
        purpose=_paragraphs(OLD_PURPOSE),
        scope="<p>همه دستگاه‌های اجرایی استان</p>",
        activities=[("activity", row) for row in ACTIVITY_ROWS],
        records_list=[("record", {"series": citing.series(home)})],
        external_documents=[("external_document", {"reference": act, "title": "", "notes": ""})],
    )
    on = dt.date(2016, 12, 25)  # 1395/10/05
    signers = paper_signers(on)
    import_legacy_revision(
        page,
        PaperRevision(0, on, None, "", signers["preparer"], signers["confirmer"], signers["approver"]),
        imported_by=people["preparer"],
        note="نسخه کاغذی ۱۳۹۵",
    )
    return ProcedurePage.objects.get(pk=page.pk)


def second_revision(page, tree, people) -> None:
    """Revision ۰۱: the edits the module docstring lists, signed through the workflow."""
    _, _, references = tree
    draft = ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    activities = draft.activities
    del activities[1]
    activities[1] = (
        "activity",
        {**ACTIVITY_ROWS[2], "description": "خودارزیابی و بارگذاری مستندات"},
        activities[1].id,
    )
    activities.append(("activity", NEW_ROW))
    documents = draft.external_documents
    other = citing.circular(references, "circ-2", title="آیین‌نامه ارزیابی", number="۱۲۳/۴۵")
    documents.append(("external_document", {"reference": other, "title": "", "notes": "ماده ۲"}))
    sign_through(
        page,
        people["preparer"],
        people["confirmer"],
        people["approver"],
        purpose=_paragraphs(NEW_PURPOSE),
        activities=activities,
        external_documents=documents,
        change_reason=CHANGE_REASON,
    )


def registered(page) -> dict[str, ControlledRevision]:
    return {
        f"{c.number:02d}": c
        for c in ControlledRevision.objects.filter(page_id=page.pk).select_related("revision")
    }
