"""A procedure whose §6 row cites a retention series and whose §7 rows cite a circular, for custody tests."""

from __future__ import annotations

import datetime as dt

from procedures.models import ExternalReferencePage, IssuingAuthority, ProcedurePage, ReferenceRelation
from tests.records import factories as records_factories


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def circular(references, slug="circ-x", *, title="بخشنامه ارزیابی عملکرد", number="۳۵۶۶۵/۱۸۰۱", **fields):
    authority, _ = IssuingAuthority.objects.get_or_create(name="سازمان امور اداری و استخدامی")
    page = ExternalReferencePage(
        title=title,
        slug=slug,
        ref_type="circular",
        number=number,
        date=dt.date(2003, 5, 25),
        authority=authority,
        **fields,
    )
    references.add_child(instance=page)
    return publish(page)


def replacement(references, old, slug="circ-y", title="بخشنامه جایگزین", number="۳۶۷۷۳/۹۱/۲۱۰"):
    page = ExternalReferencePage(
        title=title, slug=slug, ref_type="circular", number=number, date=dt.date(2012, 12, 3)
    )
    page.relations.add(ReferenceRelation(kind="replaces", target=old))
    references.add_child(instance=page)
    return publish(page)


def series(home, **fields):
    register = records_factories.register_page(home)
    return records_factories.series(register, code="س-ا-۰۱", title="مستندات خودارزیابی", **fields)


def citing_procedure(procedures, circular_page, series_page) -> ProcedurePage:
    from tests.factories import new_procedure

    return new_procedure(
        procedures,
        records_list=[("record", {"series": series_page})],
        external_documents=[
            ("external_document", {"reference": circular_page, "title": "", "notes": "بند ۳"}),
            ("external_document", {"reference": None, "title": "قانون مدیریت خدمات کشوری", "notes": ""}),
        ],
    )
