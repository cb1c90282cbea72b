"""The search page, its JSON twin and the Atom feed of newly published documents."""

from django.urls import path

from search import api, feeds, views

app_name = "sanad_search"

urlpatterns = [
    path("search/", views.search_page, name="page"),
    path("search/feed/", feeds.LatestDocumentsFeed(), name="feed"),
    path("api/search/", api.search_api, name="api"),
]
