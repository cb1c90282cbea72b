"""Admin: the subject autocomplete used by ``SubjectTagWidget`` and a list of subjects to rename or merge."""

from __future__ import annotations

from django.urls import path
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from subjects import views
from subjects.models import SubjectTag


@hooks.register("register_admin_urls")
def register_autocomplete():
    return [path("subjects/autocomplete/", views.autocomplete, name="subjects_admin_autocomplete")]


class SubjectTagViewSet(ModelViewSet):
    """Subjects in the admin: add, rename (the address stays), delete. A second spelling of an existing
    subject is refused with its name (``SubjectTag.clean``)."""

    model = SubjectTag
    icon = "tag"
    menu_label = "موضوعات"
    menu_order = 250
    add_to_admin_menu = True
    form_fields = ["name"]
    list_display = ["name", "slug"]


@hooks.register("register_admin_viewset")
def register_subject_viewset():
    return SubjectTagViewSet("subject_tags", url_prefix="subject-tags")
