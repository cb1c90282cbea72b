"""Wagtail's own tag widget, pointed at an autocomplete that matches subjects however they are typed."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.widgets import AdminTagWidget


class SubjectTagWidget(AdminTagWidget):
    """``AdminTagWidget`` for ``SubjectTag``; suggestions come from ``subjects:autocomplete``, which folds
    «ي/ی», «ك/ک», ZWNJ and digits like the search does (Wagtail's own view matches the raw prefix only)."""

    def __init__(self, *args, **kwargs):
        from subjects.models import SubjectTag

        kwargs.setdefault("tag_model", SubjectTag)
        super().__init__(*args, **kwargs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-w-tag-url-value"] = reverse("subjects_admin_autocomplete")
        context["widget"]["help_text"] = (
            "موضوع‌ها را با ویرگول یا کلید «اینتر» جدا کنید؛ «ي/ی»، «ك/ک»، نیم‌فاصله و رقم‌ها یکسان شمرده می‌شوند."
        )
        return context


def tags_panel():
    """The admin panel for a model's ``tags`` field."""
    from wagtail.admin.panels import FieldPanel

    return FieldPanel("tags", widget=SubjectTagWidget, heading="موضوعات")
