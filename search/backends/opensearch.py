"""OpenSearch 2 backend (``opensearch-py``): modelsearch's, with the same analyzers as Elasticsearch's.

Configure it as ``"BACKEND": "search.backends.opensearch"`` (``sanad.settings.production`` does when
``OPENSEARCH_URL`` is set). The ``elasticsearch`` client refuses a server that does not present itself
as Elasticsearch, hence a backend of its own over modelsearch's OpenSearch 2 classes; everything Sanad
adds — the analysis chain generated from the normaliser, normalised documents and queries, the
normaliser version in each mapping — is ``search.backends.elasticsearch_common``, shared with
``search.backends.elasticsearch``. CI runs it against a real OpenSearch 2.19 node
(``search/opensearch-node/``).
"""

from __future__ import annotations

from modelsearch.backends.opensearch2 import (
    OpenSearch2AutocompleteQueryCompiler,
    OpenSearch2Index,
    OpenSearch2Mapping,
    OpenSearch2SearchBackend,
    OpenSearch2SearchQueryCompiler,
    OpenSearch2SearchResults,
)

from search.backends.elasticsearch_common import (
    NormalisedQueryMixin,
    SanadBackendMixin,
    SanadIndexMixin,
    SanadMappingMixin,
)


class SanadOpenSearchMapping(SanadMappingMixin, OpenSearch2Mapping):
    pass


class SanadOpenSearchQueryCompiler(NormalisedQueryMixin, OpenSearch2SearchQueryCompiler):
    mapping_class = SanadOpenSearchMapping


class SanadOpenSearchAutocompleteQueryCompiler(NormalisedQueryMixin, OpenSearch2AutocompleteQueryCompiler):
    mapping_class = SanadOpenSearchMapping


class SanadOpenSearchIndex(SanadIndexMixin, OpenSearch2Index):
    pass


class SanadOpenSearchBackend(SanadBackendMixin, OpenSearch2SearchBackend):
    mapping_class = SanadOpenSearchMapping
    index_class = SanadOpenSearchIndex
    query_compiler_class = SanadOpenSearchQueryCompiler
    autocomplete_query_compiler_class = SanadOpenSearchAutocompleteQueryCompiler
    results_class = OpenSearch2SearchResults


SearchBackend = SanadOpenSearchBackend
