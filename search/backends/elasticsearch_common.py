"""What Sanad adds to modelsearch's Elasticsearch and OpenSearch backends, written once for both engines.

``search.backends.elasticsearch`` (Elasticsearch 8, the ``elasticsearch`` client) and
``search.backends.opensearch`` (OpenSearch 2, ``opensearch-py``) are these mixins over modelsearch's
classes for each engine; the analysis chain is the one of ``search.es_analysis``.

Same matches as the database path, twice over:
- every text field is mapped with the ``sanad_*`` analyzers of ``search.es_analysis`` (char filters that
  reproduce ``normalise``; never the built-in ``persian`` analyzer, which folds to Arabic forms and stems);
- documents and queries are also passed through ``normalise`` in Python before they are sent, so where a
  char filter cannot say exactly what the normaliser does, Sanad's own traffic still agrees with it;
- compounds as on the database path: each text value is sent with its joined word pairs
  (``search.normalise.joined_pairs``) as a second value of the field, which the engine keeps apart by its
  position gap, so phrases never run from the text into the pairs; a query's adjacent words may also stand
  for one joined word (``search.backends.folding.expand_compounds``).
The normaliser's ``VERSION`` is stored in each index mapping's ``_meta``; ``stale_indexes()`` lists the
indexes built with another version (run ``update_index`` for them).
"""

from __future__ import annotations

from typing import Any

from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import And, Boost, Fuzzy, Not, Or, Phrase, PlainText, SearchQuery

from search.backends.folding import expand_compounds
from search.es_analysis import EDGENGRAM_ANALYZER, QUERY_ANALYZER, TEXT_ANALYZER, index_settings
from search.normalise import VERSION, joined_pairs, normalise

VERSION_META_KEY = "sanad_normaliser_version"
EDGENGRAM_ANALYZER_CONFIG = {"analyzer": EDGENGRAM_ANALYZER, "search_analyzer": QUERY_ANALYZER}
TEXT_ANALYZER_CONFIG = {"analyzer": TEXT_ANALYZER, "search_analyzer": QUERY_ANALYZER}


def _normalised_value(value: Any) -> Any:
    """Text (or a list of texts, as rich text and stream fields give) normalised; anything else as is."""
    if isinstance(value, str):
        return normalise(value)
    if isinstance(value, list):
        return [_normalised_value(item) for item in value]
    return value


def _with_pairs(value: Any) -> Any:
    """A normalised text value and its joined word pairs, as the values of one field."""
    if isinstance(value, str):
        pairs = joined_pairs(value)
        return [value, " ".join(pairs)] if pairs else value
    if isinstance(value, list):
        pairs = [pair for item in value if isinstance(item, str) for pair in joined_pairs(item)]
        return [*value, " ".join(pairs)] if pairs else value
    return value


def normalise_query(query: str | SearchQuery) -> str | SearchQuery:
    """The same query with every query string normalised (modelsearch query objects, recursively)."""
    if isinstance(query, str):
        return normalise(query)
    if isinstance(query, PlainText):
        return PlainText(normalise(query.query_string), operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        return Phrase(normalise(query.query_string))
    if isinstance(query, Fuzzy):
        return Fuzzy(normalise(query.query_string), operator=query.operator, unaccent=query.unaccent)
    if isinstance(query, (And, Or)):
        return type(query)([normalise_query(sub) for sub in query.subqueries])
    if isinstance(query, Not):
        return Not(normalise_query(query.subquery))
    if isinstance(query, Boost):
        return Boost(normalise_query(query.subquery), query.boost)
    return query  # MatchAll and anything without text


def _set_text_analyzers(properties: dict[str, Any]) -> None:
    for field_mapping in properties.values():
        if field_mapping.get("type") == "text" and "analyzer" not in field_mapping:
            field_mapping.update(TEXT_ANALYZER_CONFIG)
        if "properties" in field_mapping:
            _set_text_analyzers(field_mapping["properties"])


class SanadMappingMixin:
    edgengram_analyzer_config = EDGENGRAM_ANALYZER_CONFIG
    text_analyzer_config = TEXT_ANALYZER_CONFIG

    def get_mapping(self) -> dict[str, Any]:
        mapping = super().get_mapping()
        # Including _all_text and the _all_text_boost_* fields: copy_to targets analyse with their own analyzer.
        _set_text_analyzers(mapping["properties"])
        mapping["_meta"] = {VERSION_META_KEY: VERSION}
        return mapping

    def _get_document_field_data(self, field, obj):
        name, value, edgengrams = super()._get_document_field_data(field, obj)
        if isinstance(field, (SearchField, AutocompleteField)):
            value = _with_pairs(_normalised_value(value))
            edgengrams = _with_pairs(_normalised_value(edgengrams))
        return name, value, edgengrams


class NormalisedQueryMixin:
    # modelsearch's engine autocomplete compiles a PlainText only: it is not expanded.
    expands_compounds = True

    def __init__(self, queryset, query, *args, **kwargs):
        super().__init__(queryset, normalise_query(query), *args, **kwargs)
        # After the stock __init__ has made a string a PlainText with the caller's operator.
        if self.expands_compounds:
            self.query = expand_compounds(self.query)


class SanadIndexMixin:
    def normaliser_version(self) -> str | None:
        """The normaliser version this index was built with; ``None`` when unknown or absent."""
        if not self.es.indices.exists(index=self.name):
            return None
        for body in self.es.indices.get_mapping(index=self.name).values():
            return body.get("mappings", {}).get("_meta", {}).get(VERSION_META_KEY)
        return None


class SanadBackendMixin:
    # Replaces modelsearch's analysis block (asciifolding + standard analyzers) as a whole.
    settings = index_settings()

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        # Before modelsearch's empty-query check: a query of marks and tatweel alone searches for nothing.
        return super()._search(query_compiler_class, normalise_query(query), model_or_queryset, **kwargs)

    def stale_indexes(self) -> list[str]:
        """Names of the indexes whose stored normaliser version is not the running one."""
        return [index.name for index in self.all_indexes() if index.normaliser_version() != VERSION]
