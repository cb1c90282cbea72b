"""Sanad's own Persian catalogue fills the gaps in Wagtail's and Django's fa translations.

The strings checked here are ones the upstream fa catalogues of Wagtail 8.0.1 / Django 5.2 do not
translate (see site/locale/missing_wagtail_fa.py); they come out in Persian only because of
site/locale/fa/LC_MESSAGES/*.mo, which is on LOCALE_PATHS.
"""

import json
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext, ngettext
from django.views.i18n import JSONCatalog

LC_MESSAGES = Path(settings.LOCALE_PATHS[0]) / "fa" / "LC_MESSAGES"
DOMAINS = ["django", "djangojs"]
PLACEHOLDER = re.compile(r"%\([A-Za-z0-9_]+\)[sdr]|%[sd]|\{[A-Za-z0-9_]*\}|</?[A-Za-z][^>]*>")


@pytest.mark.parametrize(
    ("msgid", "persian"),
    [
        # Workflow report and history, locking, scheduling: all English upstream.
        ("Workflow history", "تاریخچهٔ گردش کار"),
        ("Locked pages", "صفحه‌های قفل‌شده"),
        ("Request changes", "درخواست اصلاح"),
        ("Schedule to publish", "زمان‌بندی برای انتشار"),
        ("Approve with comment", "تایید همراه با نظر"),
        ("Workflow: reject task", "گردش کار: رد وظیفه"),
    ],
)
def test_admin_strings_missing_upstream_are_persian(msgid, persian):
    with translation.override("fa"):
        assert gettext(msgid) == persian


@pytest.mark.parametrize(
    ("msgid", "persian"),
    [
        # Upstream says «دستورالعمل ها» -- in Sanad a دستورالعمل is a controlled document, not a task.
        ("Tasks", "وظیفه‌ها"),
        ("Cancel workflow ", "لغو گردش کار"),
        # Upstream's Persian says the page *is* awaiting moderation.
        (
            "The page '%(page_title)s' is not currently awaiting moderation.",
            "صفحهٔ «%(page_title)s» در حال حاضر در انتظار بررسی نیست.",
        ),
    ],
)
def test_project_catalogue_overrides_inconsistent_upstream_terms(msgid, persian):
    with translation.override("fa"):
        assert gettext(msgid) == persian


def test_simple_history_strings_are_persian():
    # django-simple-history ships no fa catalogue at all.
    with translation.override("fa"):
        assert gettext("Change reason") == "دلیل تغییر"
        assert gettext("Revert %(verbose_name)s") % {"verbose_name": "مرجع"} == "بازگردانی مرجع"


def test_placeholders_survive_translation():
    with translation.override("fa"):
        message = gettext('The page "%(title)s" has been approved in workflow "%(workflow)s".') % {
            "title": "دستورالعمل بایگانی",
            "workflow": "تایید مدیر کیفیت",
        }
    assert message == "صفحهٔ «دستورالعمل بایگانی» در گردش کار «تایید مدیر کیفیت» تایید شد."


def test_plural_forms():
    with translation.override("fa"):
        one = ngettext("Delete 1 page", "Delete %(counter)s pages", 1) % {"counter": 1}
        many = ngettext("Delete 1 page", "Delete %(counter)s pages", 3) % {"counter": 3}
        users = ngettext(
            "%(num_parent_objects)d user has been deleted",
            "%(num_parent_objects)d users have been deleted",
            2,
        ) % {"num_parent_objects": 2}
    assert one == "حذف 1 صفحه"
    assert many == "حذف 3 صفحه"
    assert users == "2 کاربر حذف شدند"


def js_catalog(package):
    """What the admin's jsi18n view serves for ``package`` in Persian, as JSON."""
    view = JSONCatalog.as_view(packages=[package])
    with translation.override("fa"):
        response = view(RequestFactory().get("/jsi18n/"))
    return json.loads(response.content)


def test_wagtail_js_strings_are_persian():
    data = js_catalog("wagtail.admin")  # the catalogue wagtail.admin.views.i18n serves
    catalog = data["catalog"]
    assert catalog["Autosave in progress…"] == "ذخیرهٔ خودکار در حال انجام است…"
    assert catalog["Write something or type ‘/’ to insert a block"] == (
        "چیزی بنویسید یا برای درج بلوک «/» را تایپ کنید"
    )
    assert catalog["%(num)s error"] == ["%(num)s خطا", "%(num)s خطا"]
    assert data["plural"] == "(n > 1)"


def test_js_string_with_context():
    view = JSONCatalog(packages=["django.contrib.admin"])
    with translation.override("fa"):
        view.get(RequestFactory().get("/jsi18n/"))
    assert view.translation.pgettext("abbrev. day Sunday", "Sun") == "یکشنبه"
    assert view.translation.pgettext("abbrev. day Saturday", "Sat") == "شنبه"
    # The context matters: the one-letter calendar heading keeps Django's own translation.
    assert view.translation.pgettext("one letter Sunday", "S") == "ی"


def entries(po_or_mo):
    found = {}
    for entry in po_or_mo:
        if not entry.msgid:  # the header
            continue
        value = dict(entry.msgstr_plural) if entry.msgid_plural else entry.msgstr
        found[(entry.msgctxt, entry.msgid, entry.msgid_plural or None)] = value
    return found


@pytest.mark.parametrize("domain", DOMAINS)
def test_mo_files_are_compiled_from_po(domain):
    po = polib.pofile(str(LC_MESSAGES / f"{domain}.po"))
    mo = polib.mofile(str(LC_MESSAGES / f"{domain}.mo"))
    assert entries(po) == entries(mo), f"{domain}.mo is stale; recompile it (see site/locale/README.md)"
    assert mo.metadata["Plural-Forms"] == po.metadata["Plural-Forms"]


@pytest.mark.parametrize("domain", DOMAINS)
def test_po_files_are_clean(domain):
    po = polib.pofile(str(LC_MESSAGES / f"{domain}.po"))
    assert po.metadata["Language"] == "fa"
    assert "charset=UTF-8" in po.metadata["Content-Type"]
    # The same plural rule as Wagtail's and Django's own fa catalogues.
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"
    assert len(po) > 0
    for entry in po:
        assert "fuzzy" not in entry.flags, entry.msgid
        assert not entry.obsolete, entry.msgid
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == [0, 1], entry.msgid
            assert all(entry.msgstr_plural.values()), entry.msgid
            source = set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(entry.msgid_plural))
            assert set(PLACEHOLDER.findall(entry.msgstr_plural[0])) <= source, entry.msgid
            assert sorted(PLACEHOLDER.findall(entry.msgstr_plural[1])) == sorted(
                PLACEHOLDER.findall(entry.msgid_plural)
            ), entry.msgid
        else:
            assert entry.msgstr, entry.msgid
            assert sorted(PLACEHOLDER.findall(entry.msgstr)) == sorted(PLACEHOLDER.findall(entry.msgid)), (
                entry.msgid
            )


def test_file_sizes_are_written_in_persian_units():
    # Django's fa catalogue keeps "KB"/"MB": attachment sizes on the public board read «کیلوبایت».
    from django.template.defaultfilters import filesizeformat

    with translation.override("fa"):
        assert filesizeformat(5000).endswith("کیلوبایت")
        assert filesizeformat(3 * 1024 * 1024).endswith("مگابایت")
