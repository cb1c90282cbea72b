"""What changed between two controlled revisions (issue 13 §4): the diff built from the revisions' content."""

from __future__ import annotations

import datetime as dt

import pytest

from procedures.changes import (
    NO_CONTENT_CHANGE,
    RevisionContent,
    Section,
    Table,
    TableRow,
    compare,
    paragraph_diff,
    row_diff,
    summary_lines,
    word_diff,
)
from procedures.models import ControlledRevision
from procedures.revision_content import compare_revisions, read_revision
from tests.procedures.revisions import ACTIVITY_ROWS, NEW_PURPOSE, first_issue, registered, second_revision

# --- pure functions ---------------------------------------------------------------------------------


def test_word_diff_marks_the_removed_and_the_added_words_and_keeps_the_rest():
    segments = word_diff("ارزیابی سالانه دستگاه‌ها", "ارزیابی فصلی دستگاه‌ها")
    assert [(s.op, s.text) for s in segments] == [
        ("same", "ارزیابی"),
        ("del", "سالانه"),
        ("ins", "فصلی"),
        ("same", "دستگاه‌ها"),
    ]


def test_a_new_paragraph_is_one_added_paragraph_not_words_inserted_into_another():
    changes = paragraph_diff(("بند یک", "بند دو"), ("بند یک", "متن کاملا تازه‌ای برای شرح", "بند دو"))
    assert [c.status for c in changes] == ["same", "added", "same"]
    assert changes[1].segments[0].op == "ins"


def test_rows_without_shared_ids_are_matched_by_their_cells():
    columns = ("ردیف", "شرح")
    old = (TableRow("a", ("۱", "ابلاغ"), "۱"), TableRow("b", ("۲", "توجیه"), "۲"))
    new = (TableRow("x", ("۱", "ابلاغ"), "۱"), TableRow("y", ("۳", "خودارزیابی دستگاه"), "۳"))
    rows = row_diff(columns, old, new)
    assert [(r.status, r.label) for r in rows] == [("same", "۱"), ("removed", "۲"), ("added", "۳")]


def test_a_row_edited_under_its_id_is_changed_with_its_cells_diffed():
    columns = ("ردیف", "شرح")
    old = (TableRow("a", ("۱", "ابلاغ شاخص‌ها"), "۱"),)
    new = (TableRow("a", ("۱", "ابلاغ شاخص‌های عمومی"), "۱"),)
    (row,) = row_diff(columns, old, new)
    assert row.status == "changed"
    assert [c.changed for c in row.cells] == [False, True]
    assert ("ins", "شاخص‌های عمومی") in [(s.op, s.text) for s in row.cells[1].segments]


def test_a_row_moved_under_its_id_is_one_row_marked_moved():
    columns = ("شرح",)
    old = (TableRow("a", ("الف",), "الف"), TableRow("b", ("ب",), "ب"))
    new = (TableRow("b", ("ب",), "ب"), TableRow("a", ("الف",), "الف"))
    rows = row_diff(columns, old, new)
    assert len(rows) == 2 and sum(r.moved for r in rows) == 1
    assert {r.status for r in rows} == {"same"}


def test_rich_text_is_read_as_paragraphs_with_persian_digits():
    from procedures.revision_content import rich_text_paragraphs

    html = (
        '<p>بند <b>یک</b> &amp; ماده 12<br/>سطر دوم</p><ul><li>مورد <a href="/x">الف</a></li><li> </li></ul>'
    )
    assert rich_text_paragraphs(html) == ("بند یک & ماده ۱۲", "سطر دوم", "مورد الف")


def test_a_change_of_digit_script_alone_is_no_change():
    from procedures.revision_content import rich_text_paragraphs

    old, new = rich_text_paragraphs("<p>ماده 12</p>"), rich_text_paragraphs("<p>ماده ۱۲</p>")
    assert [p.status for p in paragraph_diff(old, new)] == ["same"]


def _content(number, sections=(), rows=()):
    return RevisionContent(
        number=number,
        code="ک",
        change_reason="",
        header=(),
        sections=tuple(Section(k, h, p) for k, h, p in sections),
        tables=(Table("activities", "۵- شرح فعالیت‌ها", ("ردیف", "شرح"), tuple(rows)),),
    )


def test_the_same_content_twice_has_no_changes_and_the_summary_says_so():
    content = _content(1, [("purpose", "۱- هدف", ("متن",))], [TableRow("a", ("۱", "ابلاغ"), "ردیف ۱")])
    comparison = compare(content, content)
    assert not comparison.has_changes
    assert summary_lines(comparison) == [NO_CONTENT_CHANGE]


def test_a_section_empty_before_is_added_and_one_emptied_is_removed():
    old = _content(0, [("purpose", "۱- هدف", ()), ("scope", "۲- دامنه کاربرد", ("همه دستگاه‌ها",))])
    new = _content(1, [("purpose", "۱- هدف", ("هدف تازه",)), ("scope", "۲- دامنه کاربرد", ())])
    statuses = {s.key: s.status for s in compare(old, new).sections}
    assert statuses == {"purpose": "added", "scope": "removed"}
    lines = summary_lines(compare(old, new))
    assert "بخش «۱- هدف» افزوده شد." in lines and "بخش «۲- دامنه کاربرد» حذف شد." in lines


# --- from real revisions ---------------------------------------------------------------------------


@pytest.fixture
def revisions(tree, workflow, people):
    page = first_issue(tree, people)
    second_revision(page, tree, people)
    return registered(page)


@pytest.fixture
def comparison(revisions):
    old, new = revisions["00"], revisions["01"]
    return compare_revisions(old, new)


@pytest.mark.django_db
def test_the_edited_purpose_is_changed_word_by_word(comparison):
    purpose = next(s for s in comparison.sections if s.key == "purpose")
    assert purpose.status == "changed"
    first, second = purpose.paragraphs
    assert first.status == "changed" and second.status == "same"
    ops = [(s.op, s.text) for s in first.segments]
    assert ("del", "سالانه") in ops and ("ins", "فصلی") in ops
    assert " ".join(s.text for s in first.segments if s.op != "del").split() == NEW_PURPOSE[0].split()


@pytest.mark.django_db
def test_unchanged_sections_are_same(comparison):
    assert next(s for s in comparison.sections if s.key == "scope").status == "same"


@pytest.mark.django_db
def test_an_activity_row_added_one_removed_and_one_edited(comparison):
    table = comparison.table("activities")
    by_status = {
        status: [r.cells[0].new or r.cells[0].old for r in table.with_status(status)]
        for status in ("same", "added", "removed", "changed")
    }
    assert by_status == {"same": ["۱"], "added": ["۴"], "removed": ["۲"], "changed": ["۳"]}
    (edited,) = table.with_status("changed")
    description = edited.cells[1]
    assert (
        description.old == ACTIVITY_ROWS[2]["description"]
        and "خودارزیابی و بارگذاری مستندات" in description.new
    )


@pytest.mark.django_db
def test_a_cited_document_added_and_the_frozen_values_of_the_kept_one(comparison, revisions):
    table = comparison.table("citations")
    (added,) = table.with_status("added")
    assert added.cells[2].new == "۱۲۳/۴۵" and added.cells[0].new == "آیین‌نامه ارزیابی"
    (kept,) = table.with_status("same")
    assert kept.cells[2].new == "۳۵۶۶۵/۱۸۰۱" and kept.cells[3].new == "۱۳۸۲/۰۳/۰۴"  # frozen at approval


@pytest.mark.django_db
def test_the_records_row_linked_to_a_series_is_unchanged(comparison):
    table = comparison.table("records")
    (row,) = table.rows
    assert row.status == "same" and row.cells[1].new == "س-ا-۰۱"


@pytest.mark.django_db
def test_the_header_shows_the_new_number_reason_and_signers(comparison):
    header = {h.key: h for h in comparison.header}
    assert (header["number"].old, header["number"].new) == ("(۰۰)", "(۰۱)")
    assert header["code"].new == "م پ-م-۱-۰۴/۰۱" and header["code"].changed
    assert header["change_reason"].old == "صدور نخست"
    assert header["change_reason"].new == "بازنگری سالانه: ردیف ۴ افزوده و ردیف ۲ حذف شد"
    assert "زینب گودرزی" in header["signoff_preparer"].old and "امضای کاغذی" in header["signoff_preparer"].old
    assert "رئیس سازمان" in header["signoff_approver"].new and header["signoff_approver"].changed
    assert header["status"].old == "منسوخ" and header["status"].new == "جاری"


@pytest.mark.django_db
def test_the_summary_names_each_kind_of_change(comparison):
    lines = summary_lines(comparison)
    assert "بخش «۱- هدف» تغییر کرد." in lines
    assert any(line.startswith("۵- شرح فعالیت‌ها: ۱ ردیف افزوده (ردیف ۴:") for line in lines)
    assert any(line.startswith("۵- شرح فعالیت‌ها: ۱ ردیف حذف‌شده (ردیف ۲:") for line in lines)
    assert "۷- فهرست مستندات برون‌سازمانی: ۱ ردیف افزوده (آیین‌نامه ارزیابی (۱۲۳/۴۵))." in lines
    assert not any("۶- فهرست سوابق" in line for line in lines)


@pytest.mark.django_db
def test_a_revision_read_twice_is_the_same_content(revisions):
    controlled = ControlledRevision.objects.get(pk=revisions["01"].pk)
    assert read_revision(controlled) == read_revision(revisions["01"])
    assert not compare(read_revision(controlled), read_revision(controlled)).has_changes


@pytest.mark.django_db
def test_the_service_statement_compares_its_steps_and_text(tree, workflow, people):
    from procedures.models import ServiceStatementPage
    from procedures.services import PaperRevision, import_legacy_revision
    from tests.factories import paper_signers
    from tests.procedures.signoff import act

    home, _, _ = tree
    statement = ServiceStatementPage(
        title="بیانیه سطح توافق خدمت ارزیابی عملکرد",
        document_code="ب س-۱",
        live=False,
        costs="<p>این خدمت رایگان است.</p>",
        service_steps=[("step", "ارسال شاخص‌ها"), ("step", "برگزاری جلسه توجیهی")],
    )
    home.add_child(instance=statement)
    on = dt.date(2016, 12, 25)
    signers = paper_signers(on)
    import_legacy_revision(
        statement,
        PaperRevision(0, on, None, "", signers["preparer"], signers["confirmer"], signers["approver"]),
        imported_by=people["preparer"],
        note="نسخه کاغذی",
    )
    draft = ServiceStatementPage.objects.get(pk=statement.pk).get_latest_revision_as_object()
    draft.service_steps.append(("step", "ارسال نتایج به سازمان ملی"))
    draft.validity = "<p>تا ابلاغ اصلاحیه معتبر است.</p>"
    draft.change_reason = "مرحله ارسال نتایج افزوده شد"
    draft.save_revision(user=people["preparer"])
    state = ServiceStatementPage.objects.get(pk=statement.pk).get_workflow().start(draft, people["preparer"])
    act(state, people["confirmer"])
    act(state, people["approver"])

    revisions = {c.number: c for c in ControlledRevision.objects.filter(page_id=statement.pk)}
    comparison = compare_revisions(revisions[0], revisions[1])
    sections = {s.key: s for s in comparison.sections}
    assert [p.status for p in sections["service_steps"].paragraphs] == ["same", "same", "added"]
    assert sections["validity"].status == "added" and sections["costs"].status == "same"
    assert comparison.tables == ()  # a statement has no activity, records or cited-document tables
    assert "بخش «دوره عملکرد» افزوده شد." in summary_lines(comparison)
