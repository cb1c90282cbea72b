"""The normaliser folds every way Persian is really written to one form."""

import pytest

from search.normalise import VERSION, normalise


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
    ],
)
def test_variants_fold_to_one_form(variants):
    assert len({normalise(v) for v in variants}) == 1


def test_words_are_not_stemmed_or_dropped():
    assert normalise("ماده ۵ و بند الف") == "ماده 5 و بند الف"
    assert normalise("وظایف") != normalise("وظیفه")


def test_latin_is_lowercased_and_spaces_collapse():
    assert normalise("  ISO   9001 ") == "iso 9001"


def test_normalise_is_idempotent():
    text = "بخشنامه شماره ۳۶۷۷۳/۹۱/۲۱۰ وظايف دفاتر مديريت عملكرد دستگاه هاي اجرايي"
    assert normalise(normalise(text)) == normalise(text)


def test_empty_input_gives_empty_text():
    assert normalise(None) == "" and normalise("") == ""


def test_version_names_the_table():
    assert VERSION.startswith("1-") and len(VERSION) == 14
