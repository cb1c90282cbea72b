"""The Atom feed of newly published circulars and references."""

import xml.etree.ElementTree as ET

from tests.search.search_corpus import reference

URL = "/search/feed/"
ATOM = "{http://www.w3.org/2005/Atom}"


def feed(client) -> ET.Element:
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def entries(root: ET.Element) -> list[ET.Element]:
    return root.findall(f"{ATOM}entry")


def test_the_feed_parses_as_atom_with_a_persian_title(client, corpus):
    root = feed(client)
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fa"
    assert root.findtext(f"{ATOM}title") == "سند — بخشنامه‌ها و مستندات تازه"
    assert root.findtext(f"{ATOM}id") and root.findtext(f"{ATOM}updated")
    for entry in entries(root):
        assert entry.findtext(f"{ATOM}id").startswith("tag:testserver,")
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/")


def test_the_circular_is_listed_with_its_number_and_jalali_date(client, corpus):
    entry = next(e for e in entries(feed(client)) if "۳۶۷۷۳/۹۱/۲۱۰" in e.findtext(f"{ATOM}title"))
    assert entry.findtext(f"{ATOM}title") == f"بخشنامه ۳۶۷۷۳/۹۱/۲۱۰: {corpus.circular.title}"
    summary = entry.findtext(f"{ATOM}summary")
    assert "مورخ ۱۳۹۱/۰۹/۱۳" in summary and corpus.vp.name in summary
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver" + corpus.circular.url
    assert entry.find(f"{ATOM}category").get("term") == "بخشنامه"


def test_a_replaced_circular_says_what_replaced_it(client, corpus):
    entry = next(e for e in entries(feed(client)) if "۳۵۶۶۵/۱۸۰۱" in e.findtext(f"{ATOM}title"))
    assert f"جایگزین‌شده با «{corpus.circular.title}»" in entry.findtext(f"{ATOM}summary")


def test_latest_publication_comes_first(client, corpus):
    newest = reference(corpus.references_section, "newest", title="دستورالعمل تازه", ref_type="instruction")
    first = entries(feed(client))[0]
    assert first.find(f"{ATOM}link").get("href").endswith(newest.url)
    published = [e.findtext(f"{ATOM}published") for e in entries(feed(client))]
    assert published == sorted(published, reverse=True)


def test_restricted_and_unpublished_references_are_not_in_the_feed(client, corpus):
    text = client.get(URL).content.decode()
    for hidden in (corpus.password_only, corpus.login_only, corpus.group_only, corpus.draft):
        assert hidden.title not in text
