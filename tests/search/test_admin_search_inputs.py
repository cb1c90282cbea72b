"""The admin's searches read by the parser (search.admin_search, search.model_search) never answer a
generated query with a server error: the explorer's page search and the model listings, signed in."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given

from tests.factories import person
from tests.search.search_corpus import corpus_for_module
from tests.search.test_fuzz_inputs import FUZZ_EXAMPLES, FUZZ_SETTINGS, query_strings

ADMIN_PATHS = ["wagtailadmin_pages:search", "wagtailadmin_pages:search_results", "controlled_revisions:index"]


@pytest.fixture(scope="module")
def shared_corpus(django_db_setup, django_db_blocker):
    with corpus_for_module(django_db_blocker) as corpus:
        yield corpus


@pytest.fixture
def corpus(shared_corpus, db):
    return shared_corpus


@pytest.mark.parametrize("name", ADMIN_PATHS)
def test_no_generated_admin_search_gets_a_server_error(corpus, name):
    client = Client()
    client.force_login(person("fuzz-admin", None, is_superuser=True, is_staff=True))
    address = reverse(name)

    # Each admin page is heavy to render: a tenth of the public paths' examples.
    @FUZZ_SETTINGS.__class__(FUZZ_SETTINGS, max_examples=max(FUZZ_EXAMPLES // 10, 50))
    @given(query=query_strings(["q", "ordering", "p", "content_type"]))
    def check(query: str) -> None:
        response = client.get(f"{address}?{query}")
        assert response.status_code < 500, (address, query, response.status_code)

    check()
