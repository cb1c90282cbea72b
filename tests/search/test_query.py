"""Reading the search box: numbers, Jalali dates, words, operators — and every malformed input reported in Persian."""

import datetime as dt

import pytest

from search.numbers import act_number_key
from search.query import MAX_QUERY_LENGTH, AtomKind, parse_query

CIRCULAR_DAY = dt.date(2012, 12, 3)  # 1391/09/13


def only_atom(query: str):
    parsed = parse_query(query)
    assert not parsed.errors, parsed.errors
    assert len(parsed.groups) == 1 and len(parsed.groups[0]) == 1, parsed.groups
    return parsed.groups[0][0]


@pytest.mark.parametrize("query", ["۳۶۷۷۳/۹۱/۲۱۰", "36773/91/210", "٣٦٧٧٣/٩١/٢١٠", " ۳۶۷۷۳ / ۹۱ / ۲۱۰ "])
def test_an_act_number_in_any_digits_is_one_number_with_one_key(query):
    atom = only_atom(query)
    assert atom.kind == AtomKind.NUMBER
    assert atom.key == act_number_key("۳۶۷۷۳/۹۱/۲۱۰")


def test_the_parts_of_a_number_in_either_order_give_the_same_key():
    assert only_atom("۴۲۲۵/۴۴۳۲۷").key == only_atom("44327/4225").key == act_number_key("۴۲۲۵/۴۴۳۲۷")


@pytest.mark.parametrize("query", ["۱۲۷۶۷۵/ت۵۰۶۴۲ه", "۱۲۷۶۷۵ / ت ۵۰۶۴۲ ه", "127675/ت50642هـ"])
def test_a_number_with_letters_inside_is_read_whole(query):
    atom = only_atom(query)
    assert atom.kind == AtomKind.NUMBER
    assert atom.key == act_number_key("۱۲۷۶۷۵/ت۵۰۶۴۲ه")


def test_a_letter_standing_before_the_slash_belongs_to_the_number():
    assert only_atom("۵۵۰۶۴۲ ت/۱۲۷۶۷۵").key == act_number_key("۵۵۰۶۴۲ ت/۱۲۷۶۷۵")


def test_a_document_code_with_hyphens_is_one_number():
    atom = only_atom("م پ-م-۱-۰۴/۰۰")
    assert atom.kind == AtomKind.NUMBER and atom.key == act_number_key("م پ-م-۱-۰۴/۰۰")


@pytest.mark.parametrize("query", ["۵۶۰/۹۳/۲۰۶", "24/189975/110", "749014"])
def test_act_numbers_are_not_taken_for_dates(query):
    assert only_atom(query).kind == AtomKind.NUMBER


def test_the_conjunction_before_a_number_stays_a_word():
    parsed = parse_query("و ۳۶۷۷۳/۹۱/۲۱۰")
    assert [(a.kind, a.text) for a in parsed.atoms] == [
        (AtomKind.WORD, "و"),
        (AtomKind.NUMBER, "36773/91/210"),
    ]


@pytest.mark.parametrize(
    "query", ["۱۳۹۱/۰۹/۱۳", "13/09/1391", "۱۳ آذر ۱۳۹۱", "13 اذر 1391", "۱۳۹۱-۰۹-۱۳", "91/09/13"]
)
def test_a_jalali_date_in_any_accepted_form_is_a_date(query):
    atom = only_atom(query)
    assert atom.kind == AtomKind.DATE and atom.day == CIRCULAR_DAY


def test_words_and_a_date_together():
    parsed = parse_query("بخشنامه ۱۳ آذر ۱۳۹۱ وظايف")
    assert [(a.kind, a.text or a.day) for a in parsed.atoms] == [
        (AtomKind.WORD, "بخشنامه"),
        (AtomKind.DATE, CIRCULAR_DAY),
        (AtomKind.WORD, "وظایف"),
    ]


@pytest.mark.parametrize("query", ["دستگاه های اجرایی", "دستگاه‌های اجرایی", "دستگاههای اجرايي"])
def test_words_are_normalised_together_so_a_detached_affix_joins_its_word(query):
    assert [a.text for a in parse_query(query).atoms] == ["دستگاههای", "اجرایی"]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        # the parser keeps the ZWNJ; the normaliser makes it a word break between compound parts
        ("مستندات برون‌سازمانی", ["مستندات", "برون", "سازمانی"]),
        ("دستگاه‌های، اجرایی", ["دستگاههای", "اجرایی"]),
        ("مُدیریت عملكرد", ["مدیریت", "عملکرد"]),
        ("مــدیریت، عملکرد!", ["مدیریت", "عملکرد"]),
        ("(وظایف) دفاتر؟", ["وظایف", "دفاتر"]),
    ],
)
def test_a_zero_width_non_joiner_or_a_diacritic_inside_a_word_is_read_as_the_normaliser_reads_it(
    query, words
):
    assert [a.text for a in parse_query(query).atoms] == words


@pytest.mark.parametrize("query", ['"دفاتر مديريت عملكرد"', "«دفاتر مدیریت عملکرد»"])
def test_a_quoted_phrase_is_one_normalised_phrase(query):
    atom = only_atom(query)
    assert atom.kind == AtomKind.PHRASE and atom.text == "دفاتر مدیریت عملکرد"


def test_or_joins_alternatives_and_minus_excludes():
    parsed = parse_query("بخشنامه OR دستورالعمل وظایف -شکایات")
    assert [[a.text for a in g] for g in parsed.groups] == [["بخشنامه", "دستورالعمل"], ["وظایف"]]
    assert [a.text for a in parsed.excluded] == ["شکایات"]


def test_not_excludes_the_atom_after_it():
    parsed = parse_query("وظایف NOT ۳۵۶۶۵/۱۸۰۱")
    assert [a.text for a in parsed.atoms] == ["وظایف"]
    assert [(a.kind, a.negated) for a in parsed.excluded] == [(AtomKind.NUMBER, True)]


def test_only_a_number_is_recognised_as_such():
    assert parse_query("۳۶۷۷۳/۹۱/۲۱۰").only_numbers
    assert not parse_query("بخشنامه ۳۶۷۷۳/۹۱/۲۱۰").only_numbers


def test_terms_to_highlight_are_normalised_and_include_number_parts():
    terms = parse_query("وظايف 44327/4225").highlight_terms()
    assert "وظایف" in terms and "44327/4225" in terms and {"44327", "4225"} <= set(terms)


def test_an_empty_box_is_blank_not_an_error():
    parsed = parse_query("   ")
    assert parsed.is_blank and not parsed.errors and not parsed.groups


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"دفاتر مدیریت', "گیومه"),
        ("«دفاتر مدیریت", "گیومه"),
        ("OR", "«OR» باید میان دو واژه"),
        ("وظایف OR", "«OR» باید میان دو واژه"),
        ("OR وظایف", "«OR» باید میان دو واژه"),
        ("وظایف OR OR دفاتر", "«OR» باید میان دو واژه"),
        ("AND وظایف", "«AND» باید میان دو واژه"),
        ("-", "«-» باید پیش از واژه"),
        ("وظایف -", "«-» باید پیش از واژه"),
        ("وظایف NOT", "«NOT» باید پیش از واژه"),
        ("-وظایف", "کنار گذاشته شده"),
        ("وظایف -لغو OR دفاتر", "OR"),
        ("۱۳۹۳/۰/۲۰", "ماه ۰ وجود ندارد"),
        ("بخشنامه ۱۳۹۱/۱۳/۰۱", "ماه ۱۳ وجود ندارد"),
        ("۳۲ آذر ۱۳۹۱", "روز ۳۲ وجود ندارد"),
        ("2020/11/05", "سال ۲۰۲۰ پذیرفته نیست"),
        ("؟!", "واژه، شماره یا تاریخی ندارد"),
        ("و" * (MAX_QUERY_LENGTH + 1), "کوتاه‌تر"),
        (" ".join(["واژه"] * 30), "واژه‌های کمتر"),
    ],
)
def test_malformed_input_is_reported_in_persian_and_nothing_is_searched(query, expected):
    parsed = parse_query(query)
    assert parsed.errors, f"no error for {query!r}"
    assert any(expected in message for message in parsed.errors), parsed.errors
    assert parsed.groups == [] and parsed.excluded == []


def test_an_impossible_date_shows_it_as_written():
    (message,) = parse_query("۱۳۹۳/۰/۲۰").errors
    assert "«۱۳۹۳/۰/۲۰»" in message


def test_the_parser_never_raises_on_odd_input():
    for query in [
        '"',
        "«»",
        "- - -",
        "||",
        "/ / /",
        "ـــ",
        "\u200c\u200c",
        '-""',
        "((وظایف)",
        "۱۳۹۱/",
        "/۹۱/",
    ]:
        parse_query(query)  # reports or reads; never an exception
