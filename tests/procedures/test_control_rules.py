"""The pure rule functions, one behaviour each."""

import datetime as dt

import pytest

from procedures import rules
from procedures.rules import ControlRuleViolation, Rule, SignOffRole


def test_revision_code_carries_the_number_as_a_persian_suffix():
    assert rules.revision_code("م پ-م-۱-۰۴", 1) == "م پ-م-۱-۰۴/۰۱"
    assert rules.revision_code("م پ-م-۱-۰۴/۰۰", 12) == "م پ-م-۱-۰۴/۱۲"


def test_next_revision_number_starts_at_00_and_rises_by_one():
    assert rules.next_revision_number([]) == 0
    assert rules.next_revision_number([0, 1, 2]) == 3


def test_revision_number_that_skips_or_repeats_is_refused():
    with pytest.raises(ControlRuleViolation):
        rules.check_revision_sequence([0, 1], 3)
    with pytest.raises(ControlRuleViolation):
        rules.check_revision_sequence([0, 1], 1)
    rules.check_revision_sequence([0, 1], 2)


def test_preparer_cannot_sign_as_approver():
    with pytest.raises(ControlRuleViolation) as refused:
        rules.check_signer_may_sign(
            role=SignOffRole.APPROVER,
            signer_id=7,
            earlier_signer_ids={SignOffRole.PREPARER: 7, SignOffRole.CONFIRMER: 8},
            draft_editor_ids=[],
        )
    assert refused.value.rule == Rule.DISTINCT_SIGNERS
    assert "تهیه‌کننده" in str(refused.value)


def test_an_editor_of_the_draft_cannot_confirm():
    with pytest.raises(ControlRuleViolation) as refused:
        rules.check_signer_may_sign(
            role=SignOffRole.CONFIRMER,
            signer_id=9,
            earlier_signer_ids={SignOffRole.PREPARER: 7},
            draft_editor_ids=[7, 9],
        )
    assert refused.value.rule == Rule.EDITOR_CANNOT_SIGN


def test_an_independent_confirmer_may_sign():
    rules.check_signer_may_sign(
        role=SignOffRole.CONFIRMER,
        signer_id=9,
        earlier_signer_ids={SignOffRole.PREPARER: 7},
        draft_editor_ids=[7],
    )


def test_paper_signatures_need_three_different_names():
    with pytest.raises(ControlRuleViolation):
        rules.check_three_distinct_signers("الف", "ب", "الف ")
    with pytest.raises(ControlRuleViolation):
        rules.check_three_distinct_signers("الف", "", "ج")
    rules.check_three_distinct_signers("الف", "ب", "ج")


def test_change_reason_is_needed_after_00_only():
    rules.check_change_reason(0, "")
    with pytest.raises(ControlRuleViolation):
        rules.check_change_reason(1, "   ")
    rules.check_change_reason(1, "افزودن مرحله")


def test_in_force_on_a_date_is_the_revision_started_by_then_and_not_yet_ended():
    periods = [
        rules.InForcePeriod(0, dt.date(2016, 12, 25), dt.date(2020, 1, 1)),
        rules.InForcePeriod(1, dt.date(2020, 1, 1), None),
    ]
    assert rules.revision_in_force_on(periods, dt.date(2016, 12, 24)) is None
    assert rules.revision_in_force_on(periods, dt.date(2016, 12, 25)).number == 0
    assert rules.revision_in_force_on(periods, dt.date(2019, 12, 31)).number == 0
    assert rules.revision_in_force_on(periods, dt.date(2020, 1, 1)).number == 1


def test_review_falls_due_after_the_interval_in_jalali_months():
    last = dt.date(2016, 12, 25)  # 1395/10/05
    assert rules.review_due_on(last, 12) == dt.date(2017, 12, 26)  # 1396/10/05
    assert not rules.is_review_overdue(last, 12, dt.date(2017, 12, 26))
    assert rules.is_review_overdue(last, 12, dt.date(2017, 12, 27))


def test_withdrawal_needs_a_second_person():
    with pytest.raises(ControlRuleViolation):
        rules.check_withdrawal_approver(3, 3)
    rules.check_withdrawal_approver(3, 4)


def test_paper_import_is_refused_after_a_revision_made_in_sanad():
    existing = [
        rules.ExistingRevision(0, True, dt.date(2016, 12, 25)),
        rules.ExistingRevision(1, False, dt.date(2025, 1, 1)),
    ]
    with pytest.raises(ControlRuleViolation) as refused:
        rules.check_legacy_import(existing, 2, dt.date(2024, 1, 1), dt.date(2026, 1, 1))
    assert refused.value.rule == Rule.LEGACY_IMPORT


def test_paper_import_dated_in_the_future_is_refused():
    with pytest.raises(ControlRuleViolation):
        rules.check_legacy_import([], 0, dt.date(2030, 1, 1), dt.date(2026, 1, 1))


def test_live_write_rules():
    rules.check_live_write(was_live=True, content_changed=False, going_live=False, approved=False)
    rules.check_live_write(was_live=False, content_changed=True, going_live=False, approved=False)
    rules.check_live_write(was_live=True, content_changed=True, going_live=True, approved=True)
    with pytest.raises(ControlRuleViolation):
        rules.check_live_write(was_live=True, content_changed=True, going_live=False, approved=False)
    with pytest.raises(ControlRuleViolation):
        rules.check_live_write(was_live=False, content_changed=False, going_live=True, approved=False)


# --- what counts as a change of content (only that makes a reviewer an editor) ----------------------

FIELDS = ("title", "change_reason", "purpose", "activities", "review_interval_months")
BASE = {
    "title": "روش اجرایی",
    "change_reason": "افزودن مهلت",
    "purpose": '<p data-block-key="a1b2c">هدف</p>',
    "activities": '[{"type": "activity", "value": {"description": "ارسال"}, "id": "1111"}]',
    "review_interval_months": 12,
    "slug": "procedure",
    "latest_revision": 7,
    "draft_title": "روش اجرایی",
    "locked": False,
    "tagged_items": [{"pk": 1, "tag": 2}],
}


def test_a_save_with_the_same_content_is_not_a_change():
    assert not rules.content_changed(BASE, dict(BASE), FIELDS)


def test_bookkeeping_address_and_tags_are_not_content():
    after = dict(
        BASE, slug="other", latest_revision=8, locked=True, draft_title="x", tagged_items=[], seo_title="t"
    )
    assert not rules.content_changed(BASE, after, FIELDS)


def test_the_editor_s_paragraph_keys_and_block_ids_are_not_content():
    after = dict(
        BASE,
        purpose='<p data-block-key="zz9">هدف</p>',
        activities='[{"type": "activity", "value": {"description": "ارسال"}, "id": "2222"}]',
    )
    assert not rules.content_changed(BASE, after, FIELDS)


def test_empty_values_of_any_kind_are_alike():
    assert not rules.content_changed({"purpose": None}, {"purpose": ""}, ["purpose"])
    assert not rules.content_changed({"activities": "[]"}, {}, ["activities"])
    assert not rules.content_changed(
        {"purpose": None}, {"purpose": '<p data-block-key="k"></p>'}, ["purpose"]
    )


@pytest.mark.parametrize(
    "change",
    [
        {"title": "روش اجرایی تازه"},
        {"change_reason": "شرح دیگر"},
        {"purpose": '<p data-block-key="a1b2c">هدف دیگر</p>'},
        {"activities": '[{"type": "activity", "value": {"description": "دریافت"}, "id": "1111"}]'},
        {"activities": "[]"},
        {"review_interval_months": 6},
    ],
)
def test_a_change_a_reader_would_see_is_a_change_of_content(change):
    assert rules.content_changed(BASE, dict(BASE, **change), FIELDS)


def test_a_first_revision_with_content_is_a_change():
    assert rules.content_changed({}, BASE, FIELDS)


def test_a_step_is_decided_once():
    rules.check_step_open("in_progress")
    with pytest.raises(ControlRuleViolation) as refused:
        rules.check_step_open("approved")
    assert refused.value.rule == Rule.STEP_DECIDED
    assert "پیش‌تر امضا شده است" in refused.value.message
    with pytest.raises(ControlRuleViolation):
        rules.check_step_open("cancelled")


def test_the_signed_content_fields_are_the_document_s_not_its_bookkeeping():
    from procedures.models import ProcedurePage, ServiceStatementPage

    fields = set(ProcedurePage.signed_content_fields())
    assert {
        "title",
        "document_code",
        "change_reason",
        "purpose",
        "activities",
        "external_documents",
    } <= fields
    assert not fields & {"slug", "latest_revision", "draft_title", "owner", "locked", "go_live_at"}
    assert not fields & {"revision_number", "issue_date", "revision_date", "live", "live_revision"}
    assert {"introduction", "service_steps"} <= set(ServiceStatementPage.signed_content_fields())
