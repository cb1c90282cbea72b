"""``…/export.csv`` and ``…/export.xlsx`` under any collection page (Wagtail's page URLs allow no dots)."""

from django.urls import re_path

from . import views

urlpatterns = [
    re_path(
        r"^(?P<base>(?:[\w\-]+/)*)export\.(?P<kind>csv|xlsx)$", views.export_file, name="smartfolders_export"
    ),
]
