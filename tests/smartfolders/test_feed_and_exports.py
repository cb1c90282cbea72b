"""A collection's Atom feed and its CSV / XLSX exports: the collection's rows, Jalali dates, public only."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from openpyxl import load_workbook

from tests.factories import UserFactory
from tests.smartfolders.conftest import reference

ATOM = "{http://www.w3.org/2005/Atom}"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def feed(client, page, **params) -> ET.Element:
    response = client.get(page.url + "feed/", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def entry_links(root: ET.Element) -> list[str]:
    return [entry.find(f"{ATOM}link").get("href") for entry in root.findall(f"{ATOM}entry")]


def csv_rows(client, address: str) -> list[list[str]]:
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith("\ufeff".encode())  # Excel reads the Persian right
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def xlsx_sheet(client, address: str):
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    return load_workbook(io.BytesIO(response.content)).active


def test_the_feed_is_valid_atom_with_the_collections_items_only(client, corpus, collection_from):
    page = collection_from()
    root = feed(client, page)
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fa"
    assert root.findtext(f"{ATOM}title") == f"سند — {page.title}"
    assert root.findtext(f"{ATOM}id") and root.findtext(f"{ATOM}updated")
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"http://testserver{page.url}feed/"
    links = entry_links(root)
    assert links == [
        "http://testserver" + corpus.circular_761847.url,
        "http://testserver" + corpus.circular_712669.url,
    ]
    entry = root.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == f"بخشنامه ۷۶۱۸۴۷: {corpus.circular_761847.title}"
    assert "مورخ ۱۳۹۸/۱۲/۲۷" in entry.findtext(f"{ATOM}summary")
    assert entry.findtext(f"{ATOM}id").startswith("tag:testserver,")
    assert entry.findtext(f"{ATOM}published")


def test_the_feed_follows_new_publications(client, corpus, collection_from):
    page = collection_from()
    new = reference(
        corpus.references,
        "circular-feed-new",
        title="بخشنامه تازه برای خوراک",
        ref_type="circular",
        number="۴۴۴۵۵۵",
        date="01/09/1398",
        authority=corpus.aeo,
    )
    assert "http://testserver" + new.url in entry_links(feed(client, page))


def test_the_feed_never_lists_restricted_items_even_for_a_signed_in_reader(client, corpus, collection_from):
    page = collection_from("type=circular&year=1398", title="بخشنامه‌های ۱۳۹۸")
    client.force_login(UserFactory(username="feed-reader"))
    text = client.get(page.url + "feed/").content.decode()
    assert corpus.staff_circular.title not in text
    assert corpus.ministry_circular.title in text


def test_the_csv_has_persian_headers_and_a_row_per_item_with_jalali_dates(client, corpus, collection_from):
    page = collection_from()
    header, *rows = csv_rows(client, page.url + "export.csv")
    assert header[:6] == ["ردیف", "عنوان", "نوع سند", "شماره", "تاریخ (شمسی)", "تاریخ (میلادی)"]
    assert [row[1] for row in rows] == [corpus.circular_761847.title, corpus.circular_712669.title]
    first = rows[0]
    assert first[0] == "۱" and first[2] == "بخشنامه" and first[3] == "۷۶۱۸۴۷"
    assert first[4] == "۱۳۹۸/۱۲/۲۷" and first[5] == "2020-03-17"
    assert first[6] == corpus.aeo.name and first[7] == "نافذ"
    assert first[9] == "http://testserver" + corpus.circular_761847.url


def test_the_xlsx_is_a_right_to_left_sheet_with_the_same_rows(client, corpus, collection_from):
    page = collection_from()
    sheet = xlsx_sheet(client, page.url + "export.xlsx")
    assert sheet.sheet_view.rightToLeft
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:5] == ["ردیف", "عنوان", "نوع سند", "شماره", "تاریخ (شمسی)"]
    assert rows[0] == csv_rows(client, page.url + "export.csv")[0]
    assert [row[1] for row in rows[1:]] == [corpus.circular_761847.title, corpus.circular_712669.title]
    assert rows[2][4] == "۱۳۹۸/۱۲/۰۷"
    assert sheet.cell(row=1, column=1).font.bold


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_export_is_also_served_at_its_route_address(client, corpus, collection_from, kind):
    page = collection_from()
    response = client.get(f"{page.url}export/{kind}/")
    assert response.status_code == 200
    assert f".{kind}" in response["Content-Disposition"]


def test_exports_follow_the_visitors_narrowing(client, corpus, collection_from):
    page = collection_from("type=circular&year=1398", title="بخشنامه‌های ۱۳۹۸")
    _, *rows = csv_rows(client, f"{page.url}export.csv?authority={corpus.ministry.pk}")
    assert [row[1] for row in rows] == [corpus.ministry_circular.title]


def test_anonymous_exports_leave_out_non_public_items_signed_in_ones_include_them(
    client, corpus, collection_from
):
    page = collection_from("type=circular&year=1398", title="بخشنامه‌های ۱۳۹۸")
    titles = [row[1] for row in csv_rows(client, page.url + "export.csv")[1:]]
    assert corpus.staff_circular.title not in titles
    sheet_titles = [row[1].value for row in xlsx_sheet(client, page.url + "export.xlsx").iter_rows(min_row=2)]
    assert corpus.staff_circular.title not in sheet_titles
    assert sorted(titles) == sorted(sheet_titles)
    client.force_login(UserFactory(username="export-reader"))
    assert corpus.staff_circular.title in [row[1] for row in csv_rows(client, page.url + "export.csv")[1:]]


def test_an_export_of_a_page_that_is_not_a_collection_is_not_found(client, corpus):
    assert client.get(corpus.references.url + "export.csv").status_code == 404


def test_a_bad_narrowing_gets_a_persian_sentence_not_a_file(client, corpus, collection_from):
    page = collection_from()
    response = client.get(page.url + "export.csv", {"q": "-"})
    assert response.status_code == 400
    assert "علامت «-»" in response.content.decode()


def test_a_title_that_looks_like_a_formula_is_written_as_text(client, corpus, collection_from):
    reference(
        corpus.references,
        "formula",
        title='=HYPERLINK("http://bad.example")',
        ref_type="guideline",
        number="۱",
        date="01/01/1398",
    )
    page = collection_from("type=guideline", title="راهنماها")
    _, row = csv_rows(client, page.url + "export.csv")
    assert row[1].startswith("'=")
    sheet = xlsx_sheet(client, page.url + "export.xlsx")
    assert sheet.cell(row=2, column=2).data_type == "s"
