"""Tampering that the database could not refuse (raw SQL with triggers off, files edited on disk) is
found by ``verify_integrity`` and named in Persian. Each case starts from a world that verifies clean."""

from __future__ import annotations

import hashlib
import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from wagtail.models import ModelLogEntry, PageLogEntry, Revision

from integrity import chain, verify
from integrity.digest import current
from integrity.models import AuditSeal
from jalali.digits import to_persian_digits as fa
from procedures.services import content_sha256
from tests.integrity.conftest import attacker, json_param

pytestmark = pytest.mark.django_db


def _approve_entry(world):
    return PageLogEntry.objects.get(page_id=world["page"].pk, action="sanad.revision.approve")


def _attach_entry(world):
    return ModelLogEntry.objects.get(object_id=str(world["record"].pk), action="records.file.attach")


def delete_audit_row(world):
    entry = _attach_entry(world)
    with attacker("wagtailcore_modellogentry") as cursor:
        cursor.execute("DELETE FROM wagtailcore_modellogentry WHERE id = %s", [entry.pk])
    return "chain", f"رویداد {fa(entry.pk)} (حلقه"


def edit_audit_row_data(world):
    entry = _approve_entry(world)
    data = {**entry.data, "code": "م پ-م-۱-۰۴/۰۹"}
    with attacker("wagtailcore_pagelogentry") as cursor:
        cursor.execute(
            f"UPDATE wagtailcore_pagelogentry SET data = {json_param()} WHERE id = %s",
            [json.dumps(data, ensure_ascii=False), entry.pk],
        )
    return "chain", f"رویداد صفحه {fa(entry.pk)} («sanad.revision.approve») پس از ثبت تغییر کرده است"


def backdate_audit_row(world):
    entry = _attach_entry(world)
    with attacker("wagtailcore_modellogentry") as cursor:
        cursor.execute(
            "UPDATE wagtailcore_modellogentry SET timestamp = %s WHERE id = %s",
            [entry.timestamp.replace(year=2019), entry.pk],
        )
    return "chain", f"رویداد {fa(entry.pk)} («records.file.attach») پس از ثبت تغییر کرده است"


def forge_audit_row(world):
    """An entry slipped in without a seal (bulk_create sends no signal; raw INSERT would be the same)."""
    entry = _attach_entry(world)
    entry.pk = None
    entry.data = {**entry.data, "name": "جعلی.pdf"}
    [forged] = ModelLogEntry.objects.bulk_create([entry])
    forged_id = forged.pk or ModelLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    return "chain", f"رویداد {fa(forged_id)} («records.file.attach») مهر زنجیره ندارد"


def _rewrite_content(world, cursor):
    revision = Revision.objects.get(pk=world["revision"].revision_id)
    content = {**revision.content, "purpose": "<p>هدفی که هرگز تصویب نشد</p>"}
    cursor.execute(
        f"UPDATE wagtailcore_revision SET content = {json_param()} WHERE id = %s",
        [json.dumps(content, ensure_ascii=False, cls=DjangoJSONEncoder), revision.pk],
    )
    return Revision.objects.get(pk=revision.pk).content


def rewrite_revision_content(world):
    with attacker("wagtailcore_revision") as cursor:
        _rewrite_content(world, cursor)
    return "revision", f"بازنگری «{world['revision'].code}»: محتوا پس از ثبت تغییر کرده است"


def rewrite_revision_content_and_hash(world):
    with attacker("wagtailcore_revision", "procedures_controlledrevision") as cursor:
        content = _rewrite_content(world, cursor)
        cursor.execute(
            "UPDATE procedures_controlledrevision SET content_sha256 = %s WHERE id = %s",
            [content_sha256(content), world["revision"].pk],
        )
    return "revision", f"بازنگری «{world['revision'].code}»: چکیده محتوا با آنچه هنگام تصویب"


def change_file_with_hash(world):
    data = b"%PDF-1.4\n% forged\n%%EOF\n"
    with open(world["file"].document.file.path, "wb") as handle:
        handle.write(data)
    with attacker("records_recordfile") as cursor:
        cursor.execute(
            "UPDATE records_recordfile SET sha256 = %s WHERE id = %s",
            [hashlib.sha256(data).hexdigest(), world["file"].pk],
        )
    return "file", f"سابقه {world['record'].reference_number}: چکیده ثبت‌شده با آنچه هنگام بارگذاری در زنجیره"


def change_file_bytes(world):
    with open(world["file"].document.file.path, "ab") as handle:
        handle.write(b"\n% appended\n")
    return "file", f"سابقه {world['record'].reference_number}: چکیده فایل با چکیده ثبت‌شده"


def delete_file_row(world):
    with attacker("records_recordfile") as cursor:
        cursor.execute("DELETE FROM records_recordfile WHERE id = %s", [world["file"].pk])
    return "file", f"فایل سابقه {fa(world['file'].pk)}: ردیف آن از پایگاه داده حذف شده است"


def drop_signoff(world):
    with attacker("procedures_signoff") as cursor:
        cursor.execute(
            "DELETE FROM procedures_signoff WHERE controlled_revision_id = %s AND role = 'confirmer'",
            [world["revision"].pk],
        )
    return (
        "signoff",
        f"بازنگری «{world['revision'].code}»: امضاها با آنچه هنگام تصویب در زنجیره ممیزی ثبت شد یکسان نیستند (اکنون ۲ امضا)",
    )


def edit_signoff_name(world):
    with attacker("procedures_signoff") as cursor:
        cursor.execute(
            "UPDATE procedures_signoff SET name = %s WHERE controlled_revision_id = %s AND role = 'approver'",
            ["کسی دیگر", world["paper_revision"].pk],
        )
    return "signoff", f"بازنگری «{world['paper_revision'].code}»: امضاها با آنچه"


def delete_registered_revision(world):
    controlled = world["revision"]
    with attacker("procedures_signoff", "procedures_controlledrevision") as cursor:
        cursor.execute("DELETE FROM procedures_signoff WHERE controlled_revision_id = %s", [controlled.pk])
        cursor.execute("DELETE FROM procedures_controlledrevision WHERE id = %s", [controlled.pk])
    return "revision", f"بازنگری «{controlled.code}»: از دفتر ثبت حذف شده است"


def _middle_seal() -> AuditSeal:
    return AuditSeal.objects.get(sequence=AuditSeal.objects.count() // 2)


def delete_seal(world):
    seal = _middle_seal()
    with attacker("integrity_auditseal") as cursor:
        cursor.execute("DELETE FROM integrity_auditseal WHERE sequence = %s", [seal.sequence])
    return "chain", f"حلقه {fa(seal.sequence)} از زنجیره حذف شده است"


def edit_seal(world):
    seal = _middle_seal()
    with attacker("integrity_auditseal") as cursor:
        cursor.execute(
            "UPDATE integrity_auditseal SET content_sha256 = %s WHERE sequence = %s",
            ["0" * 64, seal.sequence],
        )
    return "chain", f"حلقه {fa(seal.sequence)} پس از ثبت دست‌کاری شده است"


CASES = [
    delete_audit_row,
    edit_audit_row_data,
    backdate_audit_row,
    forge_audit_row,
    rewrite_revision_content,
    rewrite_revision_content_and_hash,
    change_file_with_hash,
    change_file_bytes,
    delete_file_row,
    drop_signoff,
    edit_signoff_name,
    delete_registered_revision,
    delete_seal,
    edit_seal,
]


@pytest.mark.parametrize("tamper", CASES, ids=[case.__name__ for case in CASES])
def test_each_tampering_is_detected_and_named(world, tamper):
    assert verify.verify().ok, [str(f) for f in verify.verify().findings]
    area, expected = tamper(world)
    report = verify.verify()
    assert not report.ok
    assert any(f.area == area and expected in f.message for f in report.findings), [
        f.message for f in report.findings
    ]


def _reseal_from(sequence: int, cursor) -> None:
    """What an attacker who understands the chain does: recompute every link from ``sequence`` on."""
    previous = AuditSeal.objects.get(sequence=sequence - 1).sha256
    for seal in AuditSeal.objects.filter(sequence__gte=sequence).order_by("sequence"):
        model = PageLogEntry if seal.log_model == "page" else ModelLogEntry
        entry = model.objects.get(pk=seal.log_id)
        content = chain.entry_sha256(entry, seal.log_model, chain.content_type_key(entry.content_type_id))
        sha = chain.link_sha256(previous, content)
        cursor.execute(
            "UPDATE integrity_auditseal SET content_sha256 = %s, previous_sha256 = %s, sha256 = %s WHERE sequence = %s",
            [content, previous, sha, seal.sequence],
        )
        previous = sha


def test_a_chain_rewritten_from_an_edited_entry_on_is_caught_by_the_daily_digest(world):
    kept = current()  # yesterday's digest, printed and kept by the operator
    entry = _approve_entry(world)
    seal = AuditSeal.objects.get(log_model="page", log_id=entry.pk)
    with attacker("wagtailcore_pagelogentry", "integrity_auditseal") as cursor:
        cursor.execute(
            f"UPDATE wagtailcore_pagelogentry SET data = {json_param()} WHERE id = %s",
            [json.dumps({**entry.data, "code": "جعلی"}, ensure_ascii=False), entry.pk],
        )
        _reseal_from(seal.sequence, cursor)

    assert not any(f.area == "chain" for f in verify.verify().findings)  # the chain alone is consistent again
    findings = verify.verify([kept]).findings
    assert any(
        f.area == "digest" and f"زنجیره از حلقه {fa(kept.sequence)} نمی‌گذرد" in f.message for f in findings
    ), [f.message for f in findings]


def test_a_chain_cut_short_is_caught_by_the_daily_digest(world):
    kept = current()
    last = AuditSeal.objects.get(sequence=kept.sequence)
    table = f"wagtailcore_{last.log_model}logentry"
    with attacker(table, "integrity_auditseal") as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE id = %s", [last.log_id])
        cursor.execute("DELETE FROM integrity_auditseal WHERE sequence = %s", [last.sequence])

    assert not any(f.area == "chain" for f in verify.verify().findings)
    findings = verify.verify([kept]).findings
    assert any(f.area == "digest" and "کوتاه شده است" in f.message for f in findings), [
        f.message for f in findings
    ]
