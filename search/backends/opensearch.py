"""OpenSearch 2 backend (``opensearch-py``): modelsearch's, with the same analyzers as Elasticsearch's.

Configure it as ``"BACKEND": "search.backends.opensearch"`` (``sanad.settings.production`` does when
``OPENSEARCH_URL`` is set). The ``elasticsearch`` client refuses a server that does not present itself
as Elasticsearch, hence a backend of its own over modelsearch's OpenSearch 2 classes; everything Sanad
adds — the analysis chain generated from the normaliser, normalised documents and queries, the
normaliser version in each mapping — is ``search.backends.elasticsearch_common``, shared with
``search.backends.elasticsearch``. CI runs it against a real OpenSearch 2.19 node
(``search/opensearch-node/``).

modelsearch has a backend per ``opensearch-py`` major version (2.x takes positional arguments, 3.x only
keywords); both clients speak to an OpenSearch 2 server, so the classes follow the installed client.
"""

from __future__ import annotations

from modelsearch.backends import opensearch2, opensearch3
from opensearchpy import VERSION as CLIENT_VERSION

from search.backends.elasticsearch_common import (
    NormalisedQueryMixin,
    SanadBackendMixin,
    SanadIndexMixin,
    SanadMappingMixin,
)

_stock = opensearch3 if CLIENT_VERSION[0] >= 3 else opensearch2
_name = "OpenSearch3" if CLIENT_VERSION[0] >= 3 else "OpenSearch2"
OpenSearchMapping = getattr(_stock, f"{_name}Mapping")
OpenSearchIndex = getattr(_stock, f"{_name}Index")
OpenSearchSearchBackend = getattr(_stock, f"{_name}SearchBackend")
OpenSearchSearchQueryCompiler = getattr(_stock, f"{_name}SearchQueryCompiler")
OpenSearchAutocompleteQueryCompiler = getattr(_stock, f"{_name}AutocompleteQueryCompiler")
OpenSearchSearchResults = getattr(_stock, f"{_name}SearchResults")


class SanadOpenSearchMapping(SanadMappingMixin, OpenSearchMapping):
    pass


class SanadOpenSearchQueryCompiler(NormalisedQueryMixin, OpenSearchSearchQueryCompiler):
    mapping_class = SanadOpenSearchMapping


class SanadOpenSearchAutocompleteQueryCompiler(NormalisedQueryMixin, OpenSearchAutocompleteQueryCompiler):
    mapping_class = SanadOpenSearchMapping
    expands_compounds = False


class SanadOpenSearchIndex(SanadIndexMixin, OpenSearchIndex):
    pass


class SanadOpenSearchBackend(SanadBackendMixin, OpenSearchSearchBackend):
    mapping_class = SanadOpenSearchMapping
    index_class = SanadOpenSearchIndex
    query_compiler_class = SanadOpenSearchQueryCompiler
    autocomplete_query_compiler_class = SanadOpenSearchAutocompleteQueryCompiler
    results_class = OpenSearchSearchResults


SearchBackend = SanadOpenSearchBackend
