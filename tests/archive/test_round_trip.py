"""Whole-archive export → BagIt validation → import into an emptied database: the same counts, the same
file hashes, and the integrity verification passes on what was imported."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from wagtail.models import ModelLogEntry

from archive import layout
from archive.export import export_archive
from archive.importer import ImportRefused, import_archive
from integrity import verify
from integrity.models import AuditSeal
from procedures.models import SignOff
from sanad.dbguards import installed_triggers
from tests.archive.conftest import stored_files, with_the_import_entry

pytestmark = pytest.mark.django_db


def emptied_database():
    """Every table emptied as ``manage.py flush`` does it (TRUNCATE on PostgreSQL; on SQLite DELETE with the
    guard triggers lifted for that batch only, see sanad.db.sqlite3), inside the test's transaction."""
    if connection.vendor == "postgresql":
        # TRUNCATE refuses tables with deferred foreign-key checks pending in the transaction: run them now.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


def install_defaults():
    """What ``migrate`` writes by itself and an import replaces: Wagtail's root and welcome page, the
    default site, locale, root collection and a moderators group."""
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page, Site

    from feedback.tracking import TrackingCounter

    locale = Locale.objects.create(language_code=settings.LANGUAGE_CODE)
    common = {"content_type": ContentType.objects.get_for_model(Page), "locale": locale}
    # As Wagtail's own data migration writes them: rows, no audit entries.
    _root, welcome = Page.objects.bulk_create(
        [
            Page(title="Root", slug="root", path="0001", depth=1, numchild=1, url_path="/", **common),
            Page(title="Welcome!", slug="home", path="00010001", depth=2, url_path="/home/", **common),
        ]
    )
    Site.objects.create(hostname="localhost", root_page=welcome, is_default_site=True)
    Collection.add_root(instance=Collection(name="Root"))
    Group.objects.create(name="Moderators")
    TrackingCounter.objects.create(kind="seeded", year=1403)  # as an app's data migration might fill a table


def test_an_archive_exported_and_imported_into_an_empty_database_has_the_same_counts_files_and_chain(
    archive_world, tmp_path
):
    before_counts = layout.summary_counts()
    before_rows = layout.row_counts(layout.carried_models())
    before_files = stored_files()
    assert before_counts["controlled_revisions"] == 2 and before_counts["holds"] == 1
    assert before_counts["documents"] >= 2 and before_counts["images"] == 1
    assert before_counts["issued_copies"] == 1 and before_counts["audit_seals"] > 0
    assert verify.verify().ok
    guards = installed_triggers(connection)
    assert len(guards) > 20

    bag = tmp_path / "bag"
    result = export_archive(bag)
    assert result.pdfs == 2 and not result.pdf_failures and not result.missing_files
    checked = subprocess.run(
        [sys.executable, "-m", "bagit", "--validate", str(bag)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    chain_check = subprocess.run(
        [sys.executable, str(bag / "data" / "audit" / "verify_chain.py")], capture_output=True, text=True
    )
    assert chain_check.returncode == 0, chain_check.stdout
    assert (bag / "data" / "pdf" / f"{archive_world['page'].pk}-01.pdf").read_bytes().startswith(b"%PDF")
    readme = (bag / "data" / "README.txt").read_text(encoding="utf-8")
    assert "بایگانی کامل سند" in readme and "Layout of data/" in readme

    shutil.rmtree(settings.MEDIA_ROOT)  # the files must come back from the bag
    emptied_database()
    install_defaults()
    assert layout.summary_counts()["pages"] == 2

    imported = import_archive(bag)

    assert imported.replaced["wagtailcore.page"] == 2 and imported.replaced["feedback.trackingcounter"] == 1
    assert imported.rows == sum(before_rows.values())
    after_counts, after_rows = with_the_import_entry(before_counts, before_rows)
    assert layout.summary_counts() == after_counts
    assert layout.row_counts(layout.carried_models()) == after_rows
    assert stored_files() == before_files
    report = verify.verify()
    assert report.ok, [f.message for f in report.findings]
    assert report.counts["files"] >= 1 and report.counts["entries"] == after_counts["audit_seals"]
    bag_head = json.loads((bag / "data" / "manifest.json").read_text(encoding="utf-8"))["chain_head"]
    last = AuditSeal.objects.order_by("-sequence").first()
    assert last.previous_sha256 == bag_head["sha256"]  # the import's entry follows the bag's last link
    assert ModelLogEntry.objects.get(pk=last.log_id).action == "sanad.archive.import"
    assert installed_triggers(connection) == guards  # the guards stayed on, and still refuse
    with pytest.raises(IntegrityError, match="sanad-guard"), transaction.atomic():
        SignOff.objects.filter(controlled_revision__page_id=archive_world["page"].pk).update(name="دیگری")


def test_the_page_view_of_the_bag_holds_every_revision_with_its_register_row(archive_world, tmp_path):
    from wagtail.models import Revision

    bag = tmp_path / "bag"
    export_archive(bag, with_pdfs=False)
    page = archive_world["page"]
    view = json.loads((bag / "data" / "pages" / f"{page.pk}.json").read_text(encoding="utf-8"))
    assert view["type"] == "procedures.procedurepage" and view["url_path"] == page.url_path
    assert len(view["revisions"]) == Revision.page_revisions.filter(object_id=str(page.pk)).count()
    numbers = sorted(r["register"]["number"] for r in view["revisions"] if r["register"])
    assert numbers == [0, 1]
    records = [
        json.loads(line)
        for line in (bag / "data" / "records" / "records.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert records[0]["holds"] == [archive_world["hold"].pk]
    assert records[0]["files"][0]["sha256"] == archive_world["file"].sha256
    documents = {
        row["id"]: row
        for row in map(
            json.loads, (bag / "data" / "media" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
        )
    }
    listed = documents[archive_world["document"].pk]
    assert listed["collection"] == [archive_world["document"].collection.name]
    assert (bag / "data" / listed["file"]).is_file()


def test_a_bag_with_one_changed_byte_is_refused_and_nothing_changes(archive_world, tmp_path):
    bag = tmp_path / "bag"
    export_archive(bag, with_pdfs=False)
    payload = bag / "data" / "files" / archive_world["document"].file.name
    data = bytearray(payload.read_bytes())
    data[0] ^= 0x01
    payload.write_bytes(bytes(data))
    emptied_database()

    with pytest.raises(ImportRefused, match="چکیده") as refused:
        import_archive(bag)

    assert archive_world["document"].file.name in str(refused.value)
    assert layout.summary_counts()["pages"] == 0


def test_importing_into_a_database_with_content_is_refused_and_nothing_changes(archive_world, tmp_path):
    bag = tmp_path / "bag"
    export_archive(bag, with_pdfs=False)
    before = layout.row_counts(layout.carried_models())

    with pytest.raises(ImportRefused, match="پایگاه داده خالی"):
        import_archive(bag)

    assert layout.row_counts(layout.carried_models()) == before


def test_a_bag_from_another_schema_is_refused(archive_world, tmp_path):
    bag = tmp_path / "bag"
    export_archive(bag, with_pdfs=False)
    manifest_path = bag / "data" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["migrations"]["procedures"].append("9999_from_the_future")
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    import bagit

    bagit.Bag(str(bag)).save(manifests=True)  # a well-formed bag, only from another version
    emptied_database()

    with pytest.raises(ImportRefused, match="9999_from_the_future"):
        import_archive(bag)


def test_export_refuses_a_folder_that_is_not_empty(archive_world, tmp_path):
    from archive.export import ExportRefused

    (tmp_path / "keep.txt").write_text("x")
    with pytest.raises(ExportRefused, match="خالی نیست"):
        export_archive(tmp_path, with_pdfs=False)
    assert (tmp_path / "keep.txt").exists()
    assert connection.vendor in ("sqlite", "postgresql")


def test_the_commands_export_and_import_and_report_in_persian(archive_world, tmp_path):
    from io import StringIO

    from django.core.management.base import CommandError

    bag = tmp_path / "bag"
    out = StringIO()
    call_command("export_archive", str(bag), "--no-pdf", "--no-progress", stdout=out, stderr=StringIO())
    assert "بسته در" in out.getvalue() and (bag / "bagit.txt").exists()
    with pytest.raises(CommandError, match="پایگاه داده خالی"):
        call_command("import_archive", str(bag), "--no-progress", stdout=StringIO(), stderr=StringIO())

    emptied_database()
    out = StringIO()
    call_command("import_archive", str(bag), "--no-progress", "--no-index", stdout=out, stderr=StringIO())
    assert "بایگانی بازگردانده شد" in out.getvalue()
    with pytest.raises(CommandError, match="بسته BagIt نیست"):
        call_command("import_archive", str(tmp_path), "--no-progress", stdout=StringIO(), stderr=StringIO())


def test_an_import_that_does_not_reproduce_the_manifest_is_undone_files_and_all(archive_world, tmp_path):
    bag = tmp_path / "bag"
    export_archive(bag, with_pdfs=False)
    manifest_path = bag / "data" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["counts"]["holds"] += 1  # a bag whose rows and counts disagree (a faulty exporter)
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    import bagit

    bagit.Bag(str(bag)).save(manifests=True)
    shutil.rmtree(settings.MEDIA_ROOT)
    emptied_database()

    with pytest.raises(ImportRefused, match="holds"):
        import_archive(bag)

    assert layout.summary_counts()["pages"] == 0 and layout.summary_counts()["records"] == 0
    restored = [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]
    assert restored == []


def test_a_bag_naming_a_file_outside_the_media_folder_is_refused(archive_world, tmp_path):
    bag = tmp_path / "bag"
    export_archive(bag, with_pdfs=False)
    manifest_path = bag / "data" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["files"][0]["name"] = "../../outside.txt"
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    import bagit

    bagit.Bag(str(bag)).save(manifests=True)
    emptied_database()

    with pytest.raises(ImportRefused, match="پذیرفتنی نیست"):
        import_archive(bag)
    assert layout.summary_counts()["pages"] == 0


def test_a_row_the_database_refuses_undoes_the_whole_import(archive_world, tmp_path):
    bag = tmp_path / "bag"
    export_archive(bag, with_pdfs=False)
    holds = next((bag / "data" / "db").glob("*-records.hold.jsonl"))
    row = json.loads(holds.read_text(encoding="utf-8"))
    row["fields"]["record"] = 999999  # a hold on a record the bag does not hold
    holds.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    import bagit

    bagit.Bag(str(bag)).save(manifests=True)
    emptied_database()

    with pytest.raises(ImportRefused, match="نپذیرفت"):
        import_archive(bag)
    assert layout.summary_counts()["pages"] == 0 and layout.summary_counts()["holds"] == 0
