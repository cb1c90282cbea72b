"""Generated queries and parameters thrown at every search path: none may answer with a server error.

Each path gets ``FUZZ_EXAMPLES`` requests (``SANAD_FUZZ_EXAMPLES`` overrides it) built from Persian
search words, operators, quotes and brackets, act numbers and Jalali dates in every digit script, digits
that are not decimal numbers («³», «①»), huge numbers, control characters, lone surrogates and bytes that
are not UTF-8 at all, under known parameter names and made-up ones. The examples are derived from a
fixed seed (``derandomize``), so a run repeats the one before it.
"""

from __future__ import annotations

import os
from urllib.parse import quote, quote_from_bytes

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search import params as search_params
from tests.search.search_corpus import corpus_for_module

FUZZ_EXAMPLES = int(os.environ.get("SANAD_FUZZ_EXAMPLES", "1000"))

WORDS = [
    "وظایف",
    "وظايف",
    "دفاتر",
    "مديريت",
    "عملکرد",
    "دستگاه‌های",
    "دستگاه های",
    "بخشنامه",
    "بخش‌نامه",
    "آیین‌نامه",
    "اجرایی",
    "نظام اداری",
    "لغو",
    "ارزیابی",
    "a",
    "Sanad",
]
OPERATORS = [
    "OR",
    "AND",
    "NOT",
    "-",
    "+",
    "|",
    "||",
    "&&",
    "(",
    ")",
    '"',
    "«",
    "»",
    "“",
    "”",
    "*",
    ":",
    "^",
    "~",
]
NUMBERS = [
    "۳۶۷۷۳/۹۱/۲۱۰",
    "36773/91/210",
    "٣٦٧٧٣/٩١/٢١٠",
    "۴۲۲۵/۴۴۳۲۷",
    "۱۲۷۶۷۵ / ت ۵۰۶۴۲ ه",
    "م پ-م-۱-۰۴/۰۰",
    "۷۴۹۰۱۴",
    "99999999999999999999",
    "-1",
    "0",
    "1e9",
    "1_000",
]
DATES = [
    "۱۳۹۱/۰۹/۱۳",
    "13/09/1391",
    "۱۳ آذر ۱۳۹۱",
    "1399/13/45",
    "۱۳۹۹/۰۰/۰۰",
    "0/0/0",
    "1391-9-13",
    "۳۱ اسفند ۱۴۰۳",
]
# Digits of many scripts: real decimal digits (Persian, Arabic-Indic, mathematical bold, Devanagari,
# N'Ko, fullwidth) and characters that are "digits" to ``str.isdigit`` without being decimal numbers.
DIGITS = "0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩𝟎𝟑𝟗०३߃３" + "²³¹①②⑩⁴₃⓪❸"
CONTROLS = (
    "".join(chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)]) + "\u200c\u200d\u200f\u202e\ufeff"
)
# Characters drawn one by one: sampling a fixed alphabet is many times cheaper than Hypothesis's whole
# Unicode, which keeps generation from costing more than the requests. Persian and Arabic letters,
# marks and tatweel, Latin, punctuation and the query syntax, whitespace of every kind, the replacement
# character and non-characters, astral symbols.
ALPHABET = (
    "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكةۀأإآؤئء"
    "\u064b\u064e\u0650\u0651\u0652\u0670\u0640"
    "aAzZéİß"
    " \t\n\r\u00a0\u2003\u3000"
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»“”،؛؟٪٫٬"
    "\ufffd\uffff\ufdd0😀𝕬\U0010ffff" + DIGITS + CONTROLS
)

PARAMETERS = [
    *search_params.PARAMETERS,
    "search",
    "search_operator",
    "offset",
    "limit",
    "fields",
    "order",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "locale",
    "site",
    "id",
    "title",
    "slug",
    "show_in_menus",
    "html_path",
    "rich_text_format",
    "format",
]
KNOWN_VALUES = [
    "circular",
    "procedure",
    "in_force",
    "superseded",
    "relevance",
    "newest",
    "wagtailcore.Page",
    "procedures.ExternalReferencePage",
    "title,-slug",
    "*",
    "_,title",
    "title(id)",
    "random",
    "-title",
    "root",
    "and",
    "or",
    "foo",
    "true",
    "json",
    "html",
    "fa",
    "localhost:80",
    "x:99999999999999999999",
    "/",
]

digits = st.text(alphabet=DIGITS, min_size=1, max_size=22)
numbers = st.one_of(
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    digits,
    st.sampled_from(NUMBERS),
)
tokens = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(OPERATORS),
    st.sampled_from(NUMBERS),
    st.sampled_from(DATES),
    digits,
    st.text(alphabet=CONTROLS, min_size=1, max_size=3),
    st.text(alphabet=ALPHABET, max_size=6),  # lone surrogates come as raw bytes, below
)
queries = st.one_of(
    st.lists(tokens, max_size=12).map(" ".join),
    st.lists(tokens, max_size=8).map("".join),
    st.text(alphabet=ALPHABET, max_size=40),
    st.sampled_from(["a" * 300, "وظایف " * 60, "(" * 50, '"' * 7, "-" * 30, "OR " * 20]),
)
values = st.one_of(queries, numbers, st.sampled_from(KNOWN_VALUES), st.sampled_from(DATES))
names = st.one_of(st.sampled_from(PARAMETERS), st.text(alphabet=ALPHABET, min_size=1, max_size=8))


SEARCH_PARAMETERS = list(search_params.PARAMETERS)
V2_PARAMETERS = [name for name in PARAMETERS if name not in SEARCH_PARAMETERS or name == "type"]


@st.composite
def query_strings(draw, known: list[str] | None = None) -> str:
    """A query string: a few parameters, percent-encoded, now and then one as raw (often invalid) bytes.

    Most names are ones the path reads (``known``), so most requests get past the check for unknown
    parameters and reach the search; the rest are any name at all.
    """
    known = known or PARAMETERS
    own = st.sampled_from(known)
    chosen = st.integers(0, 9).flatmap(lambda i: names if i == 7 else own)  # one name in ten: any name
    pairs = draw(st.lists(st.tuples(chosen, values), min_size=1, max_size=4))
    if draw(st.booleans()):  # a query, as people send one, with or without filters
        pairs.insert(0, ("search" if "search" in known else "q", draw(queries)))
    parts = [f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in pairs]
    if draw(st.integers(0, 9)) == 0:
        raw = draw(
            st.binary(max_size=12) | st.sampled_from([b"\xed\xa0\x80", b"\xff\xfe", b"\xc0\x80", b"%"])
        )
        parts.append(
            f"{draw(st.sampled_from(['q', 'search', 'page', 'type']))}={quote_from_bytes(raw, safe='')}"
        )
    return "&".join(parts)


@pytest.fixture(scope="module")
def shared_corpus(django_db_setup, django_db_blocker):
    with corpus_for_module(django_db_blocker) as corpus:
        with django_db_blocker.unblock():
            corpus.collection = saved_collection(corpus)
        yield corpus


def saved_collection(corpus):
    from smartfolders.models import SavedSearchPage
    from tests.search.search_corpus import publish

    page = SavedSearchPage(
        title="بخشنامه‌های نافذ", slug="circulars-in-force", kinds=["circular"], status="in_force"
    )
    corpus.home.add_child(instance=page)
    return publish(page)


def paths(corpus) -> dict[str, list[str]]:
    collection = corpus.collection.url
    return {
        "search_page": ["/search/"],
        "search_api": ["/api/search/"],
        "feed": ["/search/feed/"],
        "api_v2": [
            "/api/v2/pages/",
            f"/api/v2/pages/{corpus.circular.pk}/",
            "/api/v2/pages/find/",
            "/api/v2/documents/",
            "/api/v2/images/",
        ],
        "collection": [collection, f"{collection}feed/", f"{collection}export/csv/"],
    }


FUZZ_SETTINGS = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@pytest.mark.parametrize("path", ["search_page", "search_api", "feed", "api_v2", "collection"])
def test_no_generated_query_or_parameter_gets_a_server_error(corpus, path):
    client = Client()  # raises what a view raises, so a failure shows its traceback
    addresses = paths(corpus)[path]
    known = V2_PARAMETERS if path == "api_v2" else SEARCH_PARAMETERS

    @FUZZ_SETTINGS
    @given(address=st.sampled_from(addresses), query=query_strings(known))
    def check(address: str, query: str) -> None:
        response = client.get(f"{address}?{query}")
        assert response.status_code < 500, (address, query, response.status_code)

    check()


# --- the readers themselves, without the HTTP stack: many more examples in the same time ---------------

READER_EXAMPLES = int(os.environ.get("SANAD_FUZZ_READER_EXAMPLES", "10000"))


@pytest.mark.django_db
def test_the_parameter_readers_answer_every_generated_query_string_with_values_or_persian_errors():
    from django.http import QueryDict
    from wagtail.api.v2.utils import BadRequestError

    from sanad.api import check_common_parameters
    from search.backends.folding import fold_query
    from search.backends.fts5_query import compile_query
    from search.params import read_params
    from search.results import text_query

    @settings(FUZZ_SETTINGS, max_examples=READER_EXAMPLES)
    @given(query=query_strings())
    def check(query: str) -> None:
        data = QueryDict(query)
        for api in (False, True):
            params = read_params(data, api=api)
            assert all(any("\u0600" <= ch <= "\u06ff" for ch in e.message) for e in params.errors)
            if not params.errors and params.parsed.groups:
                text_groups = [g for g in params.parsed.groups if all(a.is_textual for a in g)]
                if text_groups:
                    compiled = compile_query(fold_query(text_query(text_groups)))
                    assert "\x00" not in compiled.expr
        try:
            check_common_parameters(data)
        except BadRequestError as error:
            assert any("\u0600" <= ch <= "\u06ff" for ch in str(error))

    check()
