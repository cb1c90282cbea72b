"""A subject typed in any of its real-world spellings is one subject."""

import pytest

from subjects.models import SubjectTag
from subjects.names import display_name, subject_key
from tests.factories import site_tree


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("آیین‌نامه", "آيين‌نامه"),  # ی / ي
        ("آیین‌نامه", "آیین نامه"),  # ZWNJ / space
        ("آیین‌نامه", "آییننامه"),  # ZWNJ / joined
        ("نظام اداری", "نظام اداري"),
        ("کارنامه عملکرد", "كارنامه عملكرد"),  # ک / ك
        ("شاخص‌های ۱۳۹۹", "شاخص‌های 1399"),  # Persian / ASCII digits
        ("شاخص‌های ۱۳۹۹", "شاخص‌های ١٣٩٩"),  # Persian / Arabic-Indic digits
        ("ارزیابی عملکرد", "  ارزیابی   عملکرد "),
    ],
)
def test_spelling_variants_of_a_subject_share_one_key(first, second):
    assert subject_key(first) == subject_key(second) != ""


def test_display_name_is_persian_and_tidy():
    assert display_name(" آيين‌نامه  اجرايي 1399 ") == "آیین‌نامه اجرایی ۱۳۹۹"


@pytest.mark.django_db
def test_variants_added_to_one_page_collapse_to_one_tag():
    _, _, references = site_tree()
    from procedures.models import ExternalReferencePage

    page = references.add_child(
        instance=ExternalReferencePage(title="بخشنامه نمونه", slug="sample", ref_type="circular")
    )
    page.tags.add("آیین‌نامه", "آيين نامه", "آییننامه", "نظام اداری")
    page.save()
    assert SubjectTag.objects.count() == 2
    assert sorted(page.tags.names()) == ["آیین‌نامه", "نظام اداری"]


@pytest.mark.django_db
def test_variants_on_different_models_reuse_the_first_spelling():
    first, created = SubjectTag.objects.get_or_create(name="كارنامه عملكرد 1399")
    again, created_again = SubjectTag.objects.get_or_create(name="کارنامه‌عملکرد ۱۳۹۹")
    assert created and not created_again
    assert again.pk == first.pk
    assert first.name == "کارنامه عملکرد ۱۳۹۹"
    assert first.slug == "کارنامه-عملکرد-۱۳۹۹"


@pytest.mark.django_db
def test_a_twin_typed_in_the_admin_form_is_refused_in_persian():
    from django.core.exceptions import ValidationError

    SubjectTag.objects.create(name="بخشنامه")
    with pytest.raises(ValidationError) as raised:
        SubjectTag(name="بخش‌نامه").full_clean()
    assert "ثبت شده است" in str(raised.value)


@pytest.mark.django_db
def test_lookup_by_any_spelling_or_slug():
    tag = SubjectTag.objects.create(name="جشنواره شهید رجایی")
    assert list(SubjectTag.objects.for_typed("جشنواره شهيد رجائي")) == [tag]
    assert list(SubjectTag.objects.for_typed(tag.slug)) == [tag]
    assert not SubjectTag.objects.for_typed("ـ").exists()
