"""Elasticsearch 8 backend: modelsearch's, with analyzers generated from the Persian normaliser.

Configure it as ``"BACKEND": "search.backends.elasticsearch"`` (``sanad.settings.production`` does when
``ELASTICSEARCH_URL`` is set). The Python client must match the server's major version: the project pins
``elasticsearch==8.*`` for an Elasticsearch 8 server. For an Elasticsearch 9 server, install the 9.x
client (``pip install "elasticsearch>=9,<10"``) and change the base classes below from
``modelsearch.backends.elasticsearch8`` to ``modelsearch.backends.elasticsearch9`` (same class names with
``9``); nothing else here depends on the version. What Sanad adds is in ``elasticsearch_common``, shared
with the OpenSearch backend (``search.backends.opensearch``).
"""

from __future__ import annotations

from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Index,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
    Elasticsearch8SearchResults,
)

from search.backends.elasticsearch_common import (
    VERSION_META_KEY,
    NormalisedQueryMixin,
    SanadBackendMixin,
    SanadIndexMixin,
    SanadMappingMixin,
    normalise_query,
)

__all__ = ["VERSION_META_KEY", "SanadElasticsearchBackend", "SearchBackend", "normalise_query"]


class SanadElasticsearchMapping(SanadMappingMixin, Elasticsearch8Mapping):
    pass


class SanadElasticsearchQueryCompiler(NormalisedQueryMixin, Elasticsearch8SearchQueryCompiler):
    mapping_class = SanadElasticsearchMapping


class SanadElasticsearchAutocompleteQueryCompiler(
    NormalisedQueryMixin, Elasticsearch8AutocompleteQueryCompiler
):
    mapping_class = SanadElasticsearchMapping
    expands_compounds = False


class SanadElasticsearchIndex(SanadIndexMixin, Elasticsearch8Index):
    pass


class SanadElasticsearchBackend(SanadBackendMixin, Elasticsearch8SearchBackend):
    mapping_class = SanadElasticsearchMapping
    index_class = SanadElasticsearchIndex
    query_compiler_class = SanadElasticsearchQueryCompiler
    autocomplete_query_compiler_class = SanadElasticsearchAutocompleteQueryCompiler
    results_class = Elasticsearch8SearchResults


SearchBackend = SanadElasticsearchBackend
