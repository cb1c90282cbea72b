"""What the backend sends over HTTP, recorded by a stand-in node: no server, the real client and backend."""

import json

import pytest
from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node import NodeApiResponse

from procedures.models import ExternalReferencePage
from search.backends.elasticsearch import SanadElasticsearchBackend
from search.es_analysis import TEXT_ANALYZER, index_settings
from search.normalise import VERSION
from tests.factories import site_tree

pytestmark = pytest.mark.django_db
INDEX = "/rec_wagtailcore_page"


class RecordingNode(BaseNode):
    """Answers like a healthy Elasticsearch 8 node and keeps every request."""

    requests: list = []
    hits: list = []
    stored_meta: dict = {}

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        lines = [json.loads(line) for line in (body or b"").decode().splitlines() if line.strip()]
        RecordingNode.requests.append((method, target.split("?")[0], lines))
        if target.split("?")[0].endswith("/_bulk"):
            answer = {"errors": False, "items": [{"index": {"status": 201}} for _ in lines[::2]]}
        elif target.split("?")[0].endswith("/_search"):
            answer = {"hits": {"hits": RecordingNode.hits}}
        elif method == "GET" and target.split("?")[0].endswith("/_mapping"):
            answer = {target.split("/")[1]: {"mappings": {"_meta": RecordingNode.stored_meta}}}
        else:
            answer = {"acknowledged": True}
        meta = ApiResponseMeta(
            status=200,
            http_version="1.1",
            headers=HttpHeaders({"x-elastic-product": "Elasticsearch", "content-type": "application/json"}),
            duration=0.0,
            node=self.config,
        )
        return NodeApiResponse(meta, json.dumps(answer).encode())


@pytest.fixture
def backend():
    RecordingNode.requests, RecordingNode.hits, RecordingNode.stored_meta = [], [], {}
    return SanadElasticsearchBackend(
        {
            "URLS": ["http://search.invalid:9200"],
            "INDEX_PREFIX": "rec_",
            "ATOMIC_REBUILD": False,
            "OPTIONS": {"node_class": RecordingNode},
        }
    )


@pytest.fixture
def circular():
    _, _, references = site_tree()
    return references.add_child(
        instance=ExternalReferencePage(
            title="بخشنامه وظايف دفاتر مديريت عملكرد دستگاه هاي اجرايي",
            slug="circular-36773",
            ref_type="circular",
            number="۳۶۷۷۳/۹۱/۲۱۰",
        )
    )


def sent(method, target):
    return [body for m, t, body in RecordingNode.requests if (m, t) == (method, target)]


def test_rebuilding_creates_the_index_with_the_generated_analysis_and_mapping(backend, circular):
    index = backend.get_index_for_model(ExternalReferencePage)
    index.reset()
    index.add_model(ExternalReferencePage)

    [[created]] = sent("PUT", INDEX)
    assert created == index_settings()
    [[mapping]] = sent("PUT", INDEX + "/_mapping")
    assert mapping["_meta"] == {"sanad_normaliser_version": VERSION}
    assert mapping["properties"]["_all_text"]["analyzer"] == TEXT_ANALYZER


def test_indexed_documents_carry_normalised_text(backend, circular):
    backend.add_bulk(ExternalReferencePage, [circular])
    [[action, document]] = sent("PUT", INDEX + "/_bulk") or sent("POST", INDEX + "/_bulk")
    assert action == {"index": {"_id": str(circular.pk)}}
    # The normalised text, then its adjacent words joined (a second value: no phrase runs across).
    assert document["title"] == [
        "بخشنامه وظایف دفاتر مدیریت عملکرد دستگاههای اجرایی",
        "بخشنامهوظایف وظایفدفاتر دفاترمدیریت مدیریتعملکرد عملکرددستگاههای دستگاههایاجرایی",
    ]
    assert document["procedures_externalreferencepage__number"] == "36773/91/210"


def test_a_search_sends_the_normalised_query_and_maps_hits_back_to_pages(backend, circular):
    RecordingNode.hits = [{"fields": {"pk": [str(circular.pk)]}, "_score": 3.5}]
    results = list(backend.search("وظايف دستگاه هاي", ExternalReferencePage)[:10])

    [[body]] = sent("POST", INDEX + "/_search")
    # Normalised, and the adjacent words also joined («or», the engines' default operator).
    assert body["query"]["bool"]["must"]["multi_match"]["query"] == "وظایف وظایفدستگاههای دستگاههای"
    assert body["from"] == 0 and body["size"] == 10
    assert [page.pk for page in results] == [circular.pk]


def test_indexes_built_with_another_normaliser_version_are_reported_stale(backend):
    RecordingNode.stored_meta = {"sanad_normaliser_version": "0-old"}
    assert "rec_wagtailcore_page" in backend.stale_indexes()
    RecordingNode.stored_meta = {"sanad_normaliser_version": VERSION}
    assert backend.stale_indexes() == []
