"""Public-side URLs of the evaluation cycle: the JSON API (login required). Included at /api/evaluation/."""

from django.urls import path

from records.evaluation import api

app_name = "evaluation_api"

urlpatterns = [
    path("submissions/", api.submissions, name="submissions"),
    path("submissions/<int:submission_id>/", api.submission_detail, name="submission"),
]
