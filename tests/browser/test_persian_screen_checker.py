"""The screen checker of the per-role browser test finds what a Persian reader should not meet and lets
codes, file names, addresses, hashes and log-in names pass (issue 14)."""

from tests.browser.persian_screen import offences


def test_latin_digits_words_and_gregorian_months_are_each_named():
    found = offences("صفحه 1 از 3 — Actions — ۳ دسامبر ۱۴۰۵ — 2 December")
    assert "رقم لاتین «1»" in found and "رقم لاتین «3»" in found
    assert "واژه لاتین «Actions»" in found
    assert "ماه میلادی «دسامبر»" in found and "ماه میلادی «December»" in found


def test_persian_text_with_persian_digits_passes():
    assert offences("صفحه ۱ از ۳؛ بازنگری م پ-م-۱-۰۴/۰۲ در ۱۴۰۵/۰۹/۱۲ ساعت ۱۴:۳۰") == []
    # «اوت» (August) inside «متفاوت» is no month
    assert offences("نسخه‌ای متفاوت از بازنگری پیشین") == []


def test_codes_file_names_addresses_hashes_and_log_ins_pass():
    text = (
        "چکیده SHA-256 ثبت شد؛ پرونده report_2019.pdf در https://example.org/a/1 و /admin/pages/12/ "
        "با چکیده 3f9a0c1d2e4b5a6c؛ ZIP و PDF و ISO 9001؛ گزینه‌های بیشتر برای «agency-401»"
    )
    assert offences(text, frozenset({"agency-401"})) == []
    assert "واژه لاتین «agency»" in offences("«agency-401»")
