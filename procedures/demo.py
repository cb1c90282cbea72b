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
