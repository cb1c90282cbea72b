"""Admin: the «ذخیره به‌عنوان مجموعه» view that /search/ links to."""

from django.urls import path
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_save_search_url():
    return [path("smartfolders/save/", views.SaveSearchView.as_view(), name="smartfolders_save_search")]
