"""The normaliser folds every way Persian is really written to one form."""

import pytest

from search.normalise import VERSION, ZWNJ, index_text, join_alternatives, joined_pairs, normalise


@pytest.mark.parametrize(
    "variants",
    [
        ("دستگاههای", "دستگاه‌های", "دستگاه های", "دستگاه  ‌های"),
        ("وظايف", "وظایف"),
        ("كليه", "کلیه", "كلية"),
        ("۳۶۷۷۳/۹۱/۲۱۰", "36773/91/210", "٣٦٧٧٣/٩١/٢١٠"),
        ("مدیریت", "مُدیریت", "مـــدیریت", "مدیریت\u200f"),
        ("می‌باشد", "می باشد", "میباشد"),
        ("آیین نامه", "آئین نامه", "ایین نامه"),
        ("بخشنامههای", "بخشنامه‌های", "بخشنامه های"),
        ("آیین‌نامه", "آیین نامه", "آئین‌نامه", "ایین  نامه"),
        ("بخش‌نامه", "بخش نامه", "بخش \u200cنامه"),
        ("شیوه‌نامه", "شیوه نامه"),
        ("آیین‌نامه‌های", "آیین نامه های", "آیین نامههای"),
    ],
)
def test_variants_fold_to_one_form(variants):
    assert len({normalise(v) for v in variants}) == 1


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("آیین‌نامه", ["ایین", "نامه"]),
        ("بخش‌نامه", ["بخش", "نامه"]),
        ("شیوه‌نامه", ["شیوه", "نامه"]),
        ("رئیس‌جمهور", ["رییس", "جمهور"]),
    ],
)
def test_a_zwnj_between_compound_parts_is_a_word_break_like_a_space(written, words):
    assert normalise(written).split() == words
    assert normalise(written) == normalise(written.replace(ZWNJ, " "))


@pytest.mark.parametrize(
    ("written", "word"),
    [
        ("دستگاه‌های", "دستگاههای"),
        ("وظایف دستگاه‌های اجرایی", "دستگاههای"),
        ("می‌باشد", "میباشد"),
        ("نمی‌توان", "نمیتوان"),
        ("بزرگ‌ترین", "بزرگترین"),
        ("شده‌اند", "شدهاند"),
    ],
)
def test_a_detached_affix_joins_its_word_before_any_zwnj_becomes_a_space(written, word):
    assert word in normalise(written).split()


@pytest.mark.parametrize("mark", ["،", "؛", "؟", ".", "!", "٪"])
def test_a_detached_affix_before_punctuation_still_joins(mark):
    # «،» and «؛» are in the Arabic block but end a word, as «.» does.
    assert normalise(f"دستگاه‌های{mark} اجرایی") == normalise(f"دستگاه های{mark} اجرایی")
    assert normalise(f"دستگاه های{mark}").startswith("دستگاههای")


def test_a_compound_written_as_one_word_stays_one_word():
    # Known limit: without a dictionary «بخشنامه» cannot be told to be «بخش» + «نامه».
    assert normalise("بخشنامه") == "بخشنامه" != normalise("بخش‌نامه")


def test_no_zwnj_survives_normalising():
    assert ZWNJ not in normalise(f"{ZWNJ}آیین{ZWNJ}{ZWNJ}نامه{ZWNJ}ها {ZWNJ} می{ZWNJ}شود{ZWNJ}")
    assert normalise(ZWNJ * 3) == ""


def test_words_are_not_stemmed_or_dropped():
    assert normalise("ماده ۵ و بند الف") == "ماده 5 و بند الف"
    assert normalise("وظایف") != normalise("وظیفه")


def test_latin_is_lowercased_and_spaces_collapse():
    assert normalise("  ISO   9001 ") == "iso 9001"


def test_normalise_is_idempotent():
    for text in (
        "بخشنامه شماره ۳۶۷۷۳/۹۱/۲۱۰ وظايف دفاتر مديريت عملكرد دستگاه هاي اجرايي",
        "آیین‌نامه‌های اجرایی رئیس‌جمهور می‌باشد",
        "کار‌می‌کند دستگاه‌ها‌ی ۵‌ها",
    ):
        assert normalise(normalise(text)) == normalise(text)


def test_empty_input_gives_empty_text():
    assert normalise(None) == "" and normalise("") == ""


def test_version_names_the_table_the_zwnj_rule_and_the_joined_pairs():
    # 3-: adjacent words are also indexed joined; 2-: a ZWNJ between compound parts became a space.
    # Indexes built by an earlier version are reported stale.
    assert VERSION.startswith("3-") and len(VERSION) == 14


# --- joined pairs (issue 11 §2) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("بخش‌نامه", ["بخشنامه"]),
        ("بهره وری", ["بهرهوری"]),
        ("آیین‌نامه‌های اجرایی", ["اییننامههای", "نامههایاجرایی"]),
        ("توافق نامه، خاتمه", ["توافقنامه"]),  # punctuation ends the run of pairs
        ("ماده ۵ و بند الف", ["بندالف"]),  # numbers and one-letter words pair with nothing
        ("ISO 9001 نامه", []),
        ("بخشنامه", []),
    ],
)
def test_adjacent_persian_words_are_also_given_joined(text, pairs):
    assert joined_pairs(normalise(text)) == pairs
    assert index_text(text) == " ".join([normalise(text), *pairs])


def test_the_query_joins_the_same_pairs_the_index_holds():
    text = normalise("ارتقای بهره‌وری، آیین نامه و توافق نامه ۱۲ بخش نامه")
    from_query = {w for alt in join_alternatives(text.split(" ")) for w in alt} - set(text.split(" "))
    assert {w.rstrip("،") for w in from_query} == set(joined_pairs(text))


def test_join_alternatives_keep_the_typed_words_first_and_stay_few():
    assert join_alternatives(["بخش", "نامه"]) == [["بخش", "نامه"], ["بخشنامه"]]
    assert join_alternatives(["ماده", "5"]) == [["ماده", "5"]]
    long_query = ["واژه"] * 12
    alternatives = join_alternatives(long_query)
    assert alternatives[0] == long_query and len(alternatives) <= 16
