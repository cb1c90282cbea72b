"""Public PDF URLs, included from ``sanad/urls.py`` before Wagtail's catch-all page route."""

from django.urls import path

from procedures.pdf import views

app_name = "procedures_pdf"

urlpatterns = [
    path("<int:page_id>/", views.current_pdf, name="current"),
    path("<int:page_id>/revisions/<int:number>/", views.revision_pdf, name="revision"),
]
