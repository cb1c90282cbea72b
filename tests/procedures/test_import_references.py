"""Bulk import of external references (issue 13 §1): the command, the rules of a row, the admin screen."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook
from wagtail.models import PageLogEntry

from accounts.roles import Role
from jalali.calendar import parse_jalali
from procedures.models import ExternalReferencePage, IssuingAuthority, ReferenceRelation, RelationKind
from procedures.reference_import import FileSource, plan_import, read_type
from tests.factories import person, site_tree

pytestmark = pytest.mark.django_db

ENGLISH = ["type", "number", "date", "authority", "title", "summary", "body", "file", "replaces"]
PERSIAN = ["نوع", "شماره", "تاریخ", "مرجع", "عنوان", "خلاصه", "متن", "پرونده", "جایگزین"]
VP = "معاونت توسعه مدیریت و سرمایه انسانی رئیس‌جمهور"

OLD = ["بخشنامه", "۳۵۶۶۵/۱۸۰۱", "4/3/1382", "", "وظایف دفاتر ارزیابی عملکرد", "", "", "", ""]
NEW = [
    "circular",
    "36773/91/210",
    "۱۳/۰۹/۱۳۹۱",
    VP,
    "وظایف و ضوابط سازماندهی دفاتر مدیریت عملکرد",
    "خلاصه بخشنامه",
    "سطر نخست\nسطر دوم <b>نه نشانه‌گذاری</b>",
    "",
    "۳۵۶۶۵/۱۸۰۱",
]


def csv_bytes(rows, bom=True) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


def xlsx_bytes(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def references(db):
    return site_tree()[2]


@pytest.fixture
def officer(db):
    return person("officer", Role.QUALITY_OFFICER, "کارشناس کیفیت")


def run(tmp_path, rows, *args, name="refs.csv", data=None, files=None):
    path = tmp_path / name
    path.write_bytes(data if data is not None else csv_bytes(rows))
    extra = []
    if files is not None:
        folder = tmp_path / "files"
        folder.mkdir(exist_ok=True)
        for file_name, content in files.items():
            (folder / file_name).write_bytes(content)
        extra = ["--files", str(folder)]
    out, err = io.StringIO(), io.StringIO()
    call_command("import_references", str(path), *extra, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused(tmp_path, rows, **kwargs) -> str:
    err = io.StringIO()
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes(rows))
    with pytest.raises(CommandError) as exc:
        call_command("import_references", str(path), stderr=err, stdout=io.StringIO(), **kwargs)
    return err.getvalue() + str(exc.value)


# --- headers and cells ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        ENGLISH,
        PERSIAN,
        ["Type", "NUMBER", "Date", "Authority", "Title", "Summary", "Body", "File", "Replaces"],
        ["نوع ", "شماره", "تاريخ", "مرجع", "عنوان", "خلاصه", "متن", "پرونده", "جايگزين"],  # Arabic yeh
    ],
)
def test_english_persian_and_arabic_letter_headers_are_all_read(references, tmp_path, header):
    run(tmp_path, [header, OLD, NEW], "--no-progress")
    new = ExternalReferencePage.objects.get(number_key="210/36773/91")
    assert new.live and new.title == NEW[4] and new.authority.name == VP
    assert new.date == parse_jalali("۱۳۹۱/۰۹/۱۳") and new.number == "36773/91/210"  # as written
    assert new.summary == "خلاصه بخشنامه"
    assert "<p>سطر دوم &lt;b&gt;نه نشانه‌گذاری&lt;/b&gt;</p>" in new.body


def test_columns_may_come_in_any_order_and_an_xlsx_is_read_like_a_csv(references, tmp_path):
    order = [8, 4, 0, 1, 2, 3, 5, 6, 7]
    rows = [[r[i] for i in order] for r in (ENGLISH, OLD, NEW)]
    run(tmp_path, None, "--no-progress", name="refs.xlsx", data=xlsx_bytes(rows))
    assert ExternalReferencePage.objects.filter(live=True).count() == 2


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("قانون", "law"),
        ("آئین نامه", "regulation"),
        ("آیين‌نامه اجرايي", "executive_regulation"),
        ("بخشنامه", "circular"),
        ("مصوبه", "resolution"),
        ("تصویب نامه", "resolution"),
        ("دستورالعمل", "instruction"),
        ("Circular", "circular"),
        ("executive_regulation", "executive_regulation"),
    ],
)
def test_types_are_read_in_persian_or_english_in_any_spelling(written, value):
    assert read_type(written) == value


def test_numbers_in_any_digit_script_are_one_act(references, tmp_path):
    row = ["بخشنامه", "٣٥٦٦٥/١٨٠١", "۴/۳/۱۳۸۲", "", "وظایف", "", "", "", ""]
    run(tmp_path, [ENGLISH, row], "--no-progress")
    run(
        tmp_path,
        [ENGLISH, ["بخشنامه", "1801/35665", "1382/03/04", "", "وظایف", "", "", "", ""]],
        "--no-progress",
    )
    page = ExternalReferencePage.objects.get()
    assert page.number == "٣٥٦٦٥/١٨٠١"  # as first written; the key matched the other spelling


# --- bad rows: reported with their row number, nothing written -------------------------------------


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (
            ["بخشنامه", "۱۲۳/۴", "۱۳۹۳/۰/۲۰", "", "عنوان", "", "", "", ""],
            "ردیف ۳: تاریخ «۱۳۹۳/۰/۲۰» پذیرفته نیست",
        ),
        (["بخشنامه", "بدون شماره", "", "", "عنوان", "", "", "", ""], "ردیف ۳: شماره «بدون شماره» رقمی ندارد"),
        (["نامعلوم", "۱۲۳/۴", "", "", "عنوان", "", "", "", ""], "ردیف ۳: نوع سند «نامعلوم» شناخته نیست"),
        (["بخشنامه", "۱۲۳/۴", "", "", "عنوان", "", "", "نیست.pdf", ""], "ردیف ۳: پرونده «نیست.pdf»"),
        (["بخشنامه", "۱۲۳/۴", "", "", "عنوان", "", "", "", "۹۹۹/۹"], "ردیف ۳: سندی با شماره «۹۹۹/۹»"),
        (["بخشنامه", "۱۲۳/۴", "", "", "", "", "", "", ""], "ردیف ۳: «عنوان» خالی است"),
    ],
)
def test_a_bad_row_is_reported_in_persian_with_its_row_number_and_nothing_is_written(
    references, tmp_path, bad, message
):
    before = (
        ExternalReferencePage.objects.count(),
        IssuingAuthority.objects.count(),
        PageLogEntry.objects.count(),
    )
    report = refused(tmp_path, [ENGLISH, OLD, bad, NEW])
    assert message in report
    assert "هیچ تغییری داده نشد" in report
    after = (
        ExternalReferencePage.objects.count(),
        IssuingAuthority.objects.count(),
        PageLogEntry.objects.count(),
    )
    assert after == before


def test_every_bad_row_is_reported_not_only_the_first(references, tmp_path):
    rows = [
        ENGLISH,
        ["x", "", "", "", "الف", "", "", "", ""],
        ["بخشنامه", "۱", "۱۳۹۹/۱۳/۰۱", "", "ب", "", "", "", ""],
    ]
    report = refused(tmp_path, rows)
    assert "ردیف ۲:" in report and "ردیف ۳:" in report


def test_a_file_that_is_not_a_spreadsheet_is_refused_in_persian(references, tmp_path):
    path = tmp_path / "refs.xlsx"
    path.write_bytes(b"not a workbook")
    with pytest.raises(CommandError):
        call_command("import_references", str(path), stderr=io.StringIO())
    plan = plan_import("refs.csv", "نوع,شماره".encode("cp1256"))
    assert plan.problems == ["فایل CSV باید با کدگذاری UTF-8 ذخیره شده باشد."]


def test_a_file_without_the_required_columns_names_them(references):
    plan = plan_import("refs.csv", csv_bytes([["number", "date"], ["۱", ""]]))
    assert "«نوع»، «عنوان»" in plan.problems[0] and plan.problems[0].startswith("ردیف ۱:")


# --- dry run, idempotency, supersession, files -----------------------------------------------------


def test_a_dry_run_reports_and_writes_nothing(references, tmp_path):
    before = (
        ExternalReferencePage.objects.count(),
        IssuingAuthority.objects.count(),
        PageLogEntry.objects.count(),
    )
    out, _ = run(tmp_path, [ENGLISH, OLD, NEW], "--dry-run", files={})
    assert "ردیف ۲: وظایف دفاتر ارزیابی عملکرد (۳۵۶۶۵/۱۸۰۱) — افزوده می‌شود" in out
    assert f"مرجع تازه «{VP}» ثبت می‌شود" in out
    assert "اجرای آزمایشی: افزوده: ۲، به‌روزشده: ۰، بدون تغییر: ۰؛ چیزی نوشته نشد." in out
    after = (
        ExternalReferencePage.objects.count(),
        IssuingAuthority.objects.count(),
        PageLogEntry.objects.count(),
    )
    assert after == before


def test_a_second_run_updates_the_same_act_instead_of_duplicating(references, tmp_path, officer):
    out, _ = run(tmp_path, [ENGLISH, OLD, NEW], "--by", "officer", "--no-progress")
    assert "افزوده: ۲، به‌روزشده: ۰، بدون تغییر: ۰" in out
    page = ExternalReferencePage.objects.get(number_key="210/36773/91")
    revisions = page.revisions.count()
    out, _ = run(tmp_path, [ENGLISH, OLD, NEW], "--by", "officer", "--no-progress")
    assert "افزوده: ۰، به‌روزشده: ۰، بدون تغییر: ۲" in out
    assert page.revisions.count() == revisions  # nothing changed, no new revision

    changed = list(NEW)
    changed[4] = "عنوان اصلاح‌شده"
    changed[1] = "۳۶۷۷۳ / ۹۱ / ۲۱۰"  # another spelling of the same number
    out, _ = run(tmp_path, [ENGLISH, OLD, changed], "--by", "officer", "--no-progress")
    assert "افزوده: ۰، به‌روزشده: ۱، بدون تغییر: ۱" in out
    assert ExternalReferencePage.objects.count() == 2
    page.refresh_from_db()
    assert page.title == "عنوان اصلاح‌شده" and page.revisions.count() == revisions + 1
    assert page.summary == "خلاصه بخشنامه"  # a blank cell would have kept it too
    entries = PageLogEntry.objects.filter(page=page, action="sanad.reference.import")
    assert entries.count() == 2 and entries.first().user == officer


def test_the_same_number_from_another_authority_or_date_is_another_act(references, tmp_path):
    other = ["بخشنامه", "۳۵۶۶۵/۱۸۰۱", "۱۳۹۰/۰۱/۰۱", "", "سند دیگر", "", "", "", ""]
    run(tmp_path, [ENGLISH, OLD, other], "--no-progress")
    assert ExternalReferencePage.objects.filter(number_key="1801/35665").count() == 2


def test_a_row_that_repeats_an_act_of_the_same_file_is_refused(references, tmp_path):
    report = refused(tmp_path, [ENGLISH, OLD, OLD])
    assert "ردیف ۳: همان سند ردیف ۲ است" in report


def test_replaces_creates_the_supersession_the_admin_creates(references, tmp_path):
    run(tmp_path, [ENGLISH, NEW, OLD], "--no-progress")  # the replaced act may come later in the file
    old = ExternalReferencePage.objects.get(number_key="1801/35665")
    new = ExternalReferencePage.objects.get(number_key="210/36773/91")
    relation = ReferenceRelation.objects.get()
    assert (relation.source_id, relation.kind, relation.target_id) == (new.pk, RelationKind.REPLACES, old.pk)
    assert old.superseded_by == new and not old.in_force and new.in_force
    assert new.get_latest_revision().content["relations"][0]["target"] == old.pk
    run(tmp_path, [ENGLISH, NEW, OLD], "--no-progress")
    assert ReferenceRelation.objects.count() == 1


def test_replaces_names_an_act_already_recorded_and_may_give_its_date(references, tmp_path):
    run(tmp_path, [ENGLISH, OLD], "--no-progress")
    precise = list(NEW)
    precise[8] = "35665/1801 مورخ ۱۳۸۲/۰۳/۰۴"
    run(tmp_path, [ENGLISH, precise], "--no-progress")
    old = ExternalReferencePage.objects.get(number_key="1801/35665")
    assert old.superseded_by.number == "36773/91/210"


def test_an_attached_file_is_stored_as_a_document_and_its_text_is_searchable(
    references, tmp_path, django_capture_on_commit_callbacks
):
    row = list(OLD)
    row[7] = "وظایف.txt"
    text = "استقرار نظام جامع مدیریت عملکرد در سطح دستگاه زنجیره‌بلوطی"
    with django_capture_on_commit_callbacks(execute=True):
        run(tmp_path, [ENGLISH, row], "--no-progress", files={"وظایف.txt": text.encode()})
    page = ExternalReferencePage.objects.get()
    [document] = page.attached_documents()
    assert document.file.read().decode() == text
    assert document.title == page.title  # what a search hit names in «یافته در پیوست: …»
    found = ExternalReferencePage.objects.live().search("زنجیره‌بلوطی")
    assert [p.pk for p in found] == [page.pk]
    with django_capture_on_commit_callbacks(execute=True):
        out, _ = run(tmp_path, [ENGLISH, row], "--no-progress", files={"وظایف.txt": text.encode()})
    assert "بدون تغییر: ۱" in out and len(ExternalReferencePage.objects.get().attached_documents()) == 1


def test_a_file_the_upload_policy_refuses_is_a_bad_row(references, tmp_path):
    row = list(OLD)
    row[7] = "page.pdf"
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes([ENGLISH, row]))
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "page.pdf").write_bytes(b"<html><script>alert(1)</script></html>")
    with pytest.raises(CommandError):
        call_command("import_references", str(path), "--files", str(folder), stderr=io.StringIO())
    assert not ExternalReferencePage.objects.exists()


def test_files_come_from_a_zip_too(references):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("pdfs/وظایف.txt", "متن بخشنامه")
    source = FileSource()
    source.add_upload("files.zip", buffer.getvalue())
    row = list(OLD)
    row[7] = "وظایف.txt"
    plan = plan_import("refs.csv", csv_bytes([ENGLISH, row]), source)
    assert not plan.problems and plan.rows[0].files[0].data == "متن بخشنامه".encode()


def test_an_unknown_user_or_one_without_permission_is_refused(references, tmp_path):
    person("agency", Role.AGENCY_USER, "کارشناس دستگاه")
    path = tmp_path / "refs.csv"
    path.write_bytes(csv_bytes([ENGLISH, OLD]))
    with pytest.raises(CommandError, match="یافت نشد"):
        call_command("import_references", str(path), "--by", "nobody")
    with pytest.raises(CommandError, match="اجازه"):
        call_command("import_references", str(path), "--by", "agency")
    assert not ExternalReferencePage.objects.exists()


def test_the_progress_bar_counts_the_rows(references, tmp_path):
    _, err = run(tmp_path, [ENGLISH, OLD, NEW])
    assert "2/2" in err and "#" in err


# --- the admin screen ------------------------------------------------------------------------------


def _link(html: str, text: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    anchor = next(a for a in soup.find_all("a") if text in a.get_text())
    return anchor["href"]


def _form_fields(html: str, button: str) -> dict:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    form = next(f for f in soup.find_all("form") if button in f.get_text())
    return {i["name"]: i.get("value", "") for i in form.find_all("input", type="hidden")}


def test_an_officer_checks_then_imports_from_the_admin_screen(client, references, officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(officer)
    listing = client.get(f"/admin/pages/{references.pk}/")
    assert listing.status_code == 200
    url = _link(listing.content.decode(), "ورود گروهی از فایل")
    screen = client.get(url)
    assert screen.status_code == 200 and "ورود گروهی مستندات برون‌سازمانی" in screen.content.decode()

    row = list(OLD)
    row[7] = "وظایف.txt"
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("وظایف.txt", "متن بخشنامه قدیم")
    fields = _form_fields(screen.content.decode(), "بررسی")
    checked = client.post(
        url,
        {
            **fields,
            "sheet": SimpleUploadedFile("فهرست.xlsx", xlsx_bytes([PERSIAN, row, NEW])),
            "files": [SimpleUploadedFile("پرونده‌ها.zip", archive.getvalue())],
        },
    )
    page = checked.content.decode()
    assert "گزارش بررسی (اجرای آزمایشی؛ چیزی نوشته نشده است)" in page
    assert "ردیف ۳: وظایف و ضوابط سازماندهی دفاتر مدیریت عملکرد (۳۶۷۷۳/۹۱/۲۱۰) — افزوده می‌شود" in page
    assert not ExternalReferencePage.objects.exists()  # the check wrote nothing

    done = client.post(url, _form_fields(page, "ورود"))
    assert "ورود انجام شد — افزوده: ۲، به‌روزشده: ۰، بدون تغییر: ۰" in done.content.decode()
    old = ExternalReferencePage.objects.get(number_key="1801/35665")
    assert old.superseded_by.number == "36773/91/210"
    assert old.attached_documents()[0].file.read().decode() == "متن بخشنامه قدیم"
    assert PageLogEntry.objects.filter(action="sanad.reference.import", user=officer).count() == 2
    again = client.post(url, _form_fields(page, "ورود"))  # the same confirmation twice imports once
    assert "کهنه شده است" in again.content.decode()
    assert ExternalReferencePage.objects.count() == 2


def test_bad_rows_are_shown_on_the_admin_screen_and_nothing_is_written(client, references, officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(officer)
    bad = ["بخشنامه", "۱۲۳", "۱۳۹۳/۰/۲۰", "", "عنوان", "", "", "", ""]
    response = client.post(
        "/admin/references/import/",
        {"sheet": SimpleUploadedFile("فهرست.csv", csv_bytes([ENGLISH, OLD, bad]))},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "فهرست وارد نشد؛ هیچ تغییری داده نشد." in page and "ردیف ۳: تاریخ «۱۳۹۳/۰/۲۰»" in page
    assert "ورود</button>" not in page
    assert not ExternalReferencePage.objects.exists()


def test_an_agency_user_may_not_import_and_sees_no_button(client, references):
    from django.core.files.uploadedfile import SimpleUploadedFile

    agency = person("agency", Role.AGENCY_USER, "کارشناس دستگاه")
    client.force_login(agency)
    refused = client.get("/admin/references/import/", follow=True)
    assert refused.redirect_chain == [("/admin/", 302)]  # Wagtail's admin answers PermissionDenied so
    assert "اجازه" in refused.content.decode() or "دسترسی" in refused.content.decode()
    response = client.post(
        "/admin/references/import/", {"sheet": SimpleUploadedFile("فهرست.csv", csv_bytes([ENGLISH, OLD]))}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not ExternalReferencePage.objects.exists()
    listing = client.get(f"/admin/pages/{references.pk}/")
    assert "ورود گروهی از فایل" not in listing.content.decode()


# --- the demo batch --------------------------------------------------------------------------------


def test_the_demo_batch_adds_the_acts_seed_002_cites_once_and_duplicates_nothing(
    django_capture_on_commit_callbacks,
):
    from collections import Counter

    from procedures.demo import DEMO_LIST

    rows = list(csv.reader(io.StringIO(DEMO_LIST.read_text(encoding="utf-8"))))
    assert len(rows) - 1 >= 20
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", quiet_users=True)
    pages = ExternalReferencePage.objects.all()
    keys = Counter(p.number_key for p in pages if p.number_key)
    assert [k for k, n in keys.items() if n > 1] == []
    titles = Counter((p.ref_type, p.title) for p in pages)
    assert [t for t, n in titles.items() if n > 1] == []
    circular = ExternalReferencePage.objects.get(number_key="101/167393")
    assert (
        circular.live
        and circular.date == parse_jalali("۱۳۸۱/۰۹/۱۳")
        and circular.slug == "circular-167393-101"
    )
    assert ExternalReferencePage.objects.get(number_key="105/28216").date == parse_jalali("۱۳۸۱/۰۲/۲۵")
    assert "مشاور رئیس مؤسسه" in circular.attachment_text()  # its file, extracted
    assert circular.pk in [p.pk for p in ExternalReferencePage.objects.live().search("مشاور رئیس مؤسسه")]
    assert len(rows) - 1 <= pages.count()
    before = (pages.count(), PageLogEntry.objects.count())
    out = io.StringIO()
    call_command("import_references", str(DEMO_LIST), "--files", str(DEMO_LIST.parent / "files"), stdout=out)
    assert (
        f"بدون تغییر: {len(rows) - 1}".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) in out.getvalue()
    )
    assert (ExternalReferencePage.objects.count(), PageLogEntry.objects.count()) == before


def test_a_user_who_may_publish_only_in_one_folder_may_not_update_an_act_kept_in_another(
    references, tmp_path
):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from home.models import SectionIndexPage

    run(tmp_path, [ENGLISH, OLD], "--no-progress")
    other = references.get_parent().add_child(
        instance=SectionIndexPage(title="مستندات دفتر", slug="office-refs")
    )
    group = Group.objects.create(name="دفتر")
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=other, permission=Permission.objects.get(codename=codename)
        )
    clerk = person("clerk", None, "کارشناس دفتر")
    clerk.groups.add(group)
    changed = list(OLD)
    changed[5] = "خلاصه تازه"
    path = tmp_path / "office.csv"
    path.write_bytes(csv_bytes([ENGLISH, changed]))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_references", str(path), "--by", "clerk", "--parent", str(other.pk), stderr=err)
    assert (
        "ردیف ۲: «وظایف دفاتر ارزیابی عملکرد» پیش‌تر ثبت شده و شما اجازه انتشار تغییر آن را ندارید"
        in err.getvalue()
    )
    assert ExternalReferencePage.objects.get().summary == ""


def test_the_bench_generator_writes_a_list_that_passes_the_check(references, tmp_path):
    from bench.import_references import generate

    path = generate(60, tmp_path)
    plan = plan_import(path.name, path.read_bytes(), FileSource.from_directory(tmp_path / "files"))
    assert plan.problems == [] and plan.count("create") == 60
    assert sum(1 for r in plan.rows if r.files) == 6 and sum(1 for r in plan.rows if r.replaces) == 12
