"""Public subject pages."""

from django.urls import path

from subjects import views

app_name = "subjects"

urlpatterns = [
    path("", views.subject_index, name="index"),
    path("<str:slug>/", views.subject_detail, name="detail"),
]
