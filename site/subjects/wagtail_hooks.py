"""Admin: the subject autocomplete used by ``SubjectTagWidget`` and a list of subjects to rename or merge."""

from __future__ import annotations

from django.urls import path
from wagtail import hooks

from subjects import views


@hooks.register("register_admin_urls")
def register_autocomplete():
    return [path("subjects/autocomplete/", views.autocomplete, name="subjects_admin_autocomplete")]
