"""Elasticsearch and OpenSearch without a server: index settings, mappings and query bodies.

That the generated chain gives the normaliser's words is checked against a real node, by the engine's
own ``_analyze``: tests/search/test_elasticsearch_contract.py (CI starts OpenSearch for it).
"""

import json
import re

import pytest
from modelsearch.query import Phrase, PlainText
from wagtail.models import Page

from procedures.models import ExternalReferencePage, ProcedurePage
from search import es_analysis
from search import normalise as normaliser
from search.backends.elasticsearch import SanadElasticsearchBackend, SanadElasticsearchMapping
from search.backends.opensearch import SanadOpenSearchMapping
from search.normalise import VERSION

ANALYZERS = (es_analysis.TEXT_ANALYZER, es_analysis.QUERY_ANALYZER, es_analysis.EDGENGRAM_ANALYZER)


@pytest.fixture(scope="module")
def backend():
    # Constructing the client opens no connection.
    return SanadElasticsearchBackend({"URLS": ["http://localhost:9200"], "INDEX_PREFIX": "test_"})


@pytest.fixture(scope="module")
def analysis(backend):
    return backend.settings["settings"]["analysis"]


def every_value(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from every_value(value)
    elif isinstance(node, list):
        for value in node:
            yield from every_value(value)
    else:
        yield node


def text_fields(properties, path=""):
    for name, field in properties.items():
        if field.get("type") == "text":
            yield path + name, field
        yield from text_fields(field.get("properties", {}), path + name + ".")


# --- index settings -------------------------------------------------------------------------------


def test_index_settings_define_the_sanad_analyzers_with_builtin_parts_only(analysis):
    for name in ANALYZERS:
        definition = analysis["analyzer"][name]
        assert definition["tokenizer"] == "standard"
        assert definition["char_filter"] == list(es_analysis.CHAR_FILTERS)
        assert definition["filter"][0] == "lowercase"
    assert {f["type"] for f in analysis["char_filter"].values()} == {"mapping", "pattern_replace"}
    assert analysis["filter"][es_analysis.EDGENGRAM_FILTER]["type"] == "edge_ngram"


def test_index_settings_have_no_persian_stemming_folding_or_plugin_analysis(backend):
    values = {str(v) for v in every_value(backend.settings)}
    assert not values & {"persian", "arabic", "asciifolding", "stemmer", "persian_normalization"}
    assert not any(v.startswith("icu_") for v in values)
    # modelsearch's own analyzers (asciifolding, standard search analyzer) are replaced, not kept beside.
    assert set(backend.settings["settings"]["analysis"]["analyzer"]) == {
        *ANALYZERS,
        "default",
        "default_search",
    }


def test_the_fold_char_filter_is_the_normaliser_table_after_nfkc(analysis):
    rules = analysis["char_filter"]["sanad_fold"]["mappings"]
    for source, replacement in [
        ("ي", "ی"),
        ("ك", "ک"),
        ("ة", "ه"),
        ("ۀ", "ه"),
        ("۳", "3"),
        ("٣", "3"),
        ("\u0640", ""),  # tatweel
        ("\u064f", ""),  # damma
        ("\u200f", ""),  # right-to-left mark
        ("\ufeed", "و"),  # presentation form, through NFKC
        ("\u00a0", " "),  # no-break space, through NFKC: a detached affix after it still joins
        ("ہ\u0654", "ۂ"),  # NFKC composes it; dropping the hamza alone would not
    ]:
        assert es_analysis.mapping_rule(source, replacement) in rules
    # Every entry of the normaliser's table is there, so a change to the table changes the analyzer.
    folded = {chr(cp) for cp, replacement in normaliser.TABLE.items() if replacement != chr(cp)}
    assert folded <= set(es_analysis.fold_rules())


def test_affix_char_filters_are_the_normaliser_regexes_in_its_order(analysis):
    suffixes = analysis["char_filter"]["sanad_join_suffixes"]
    prefixes = analysis["char_filter"]["sanad_join_prefixes"]
    assert suffixes["pattern"] == normaliser._SUFFIX_RE.pattern and suffixes["replacement"] == "$1"
    assert prefixes["pattern"] == normaliser._PREFIX_RE.pattern and prefixes["replacement"] == "$1"
    # then the ZWNJ left between compound parts becomes a space, escaped so Elasticsearch keeps it
    assert analysis["char_filter"]["sanad_zwnj_to_space"]["mappings"] == ["\\u200C=>\\u0020"]


def test_changing_the_normaliser_changes_the_generated_analyzer(monkeypatch):
    monkeypatch.setattr(normaliser, "_SUFFIX_RE", re.compile(r"(?<=[\u0600-\u06FF]) (ها)(?![\u0600-\u06FF])"))
    monkeypatch.setattr(normaliser, "TABLE", {**normaliser.TABLE, ord("ڭ"): "گ"})
    generated = es_analysis.analysis_settings()["char_filter"]
    assert generated["sanad_join_suffixes"]["pattern"] == normaliser._SUFFIX_RE.pattern
    assert es_analysis.mapping_rule("ڭ", "گ") in generated["sanad_fold"]["mappings"]


def test_a_normaliser_regex_java_would_read_differently_is_refused():
    with pytest.raises(ValueError, match="not portable"):
        es_analysis.java_regex(re.compile(r"\d+"))  # Unicode digits in Python, ASCII digits in Java
    with pytest.raises(ValueError, match="not portable"):
        es_analysis.java_regex(re.compile("ها", re.IGNORECASE))


# --- mappings -------------------------------------------------------------------------------------


@pytest.mark.parametrize("mapping_class", [SanadElasticsearchMapping, SanadOpenSearchMapping])
@pytest.mark.parametrize("model", [ExternalReferencePage, ProcedurePage])
def test_every_text_field_of_the_page_mapping_uses_the_sanad_analyzers(model, mapping_class):
    mapping = mapping_class(model).get_mapping()
    fields = dict(text_fields(mapping["properties"]))
    assert {"title", "_all_text", "_all_text_boost_2_0", "_edgengrams", "title_edgengrams"} <= set(fields)
    for name, field in fields.items():
        assert field["search_analyzer"] == es_analysis.QUERY_ANALYZER, name
        expected = (
            es_analysis.EDGENGRAM_ANALYZER if name.endswith("edgengrams") else es_analysis.TEXT_ANALYZER
        )
        assert field["analyzer"] == expected, name
    assert mapping["_meta"] == {"sanad_normaliser_version": VERSION}


def test_reference_mapping_covers_its_own_fields_and_the_nested_authority_name():
    fields = dict(text_fields(SanadElasticsearchMapping(ExternalReferencePage).get_mapping()["properties"]))
    prefix = "procedures_externalreferencepage__"
    for name in ("number", "number_aliases", "summary", "body", "authority.name"):
        assert fields[prefix + name]["analyzer"] == es_analysis.TEXT_ANALYZER


def test_procedure_mapping_covers_its_sections():
    fields = dict(text_fields(SanadElasticsearchMapping(ProcedurePage).get_mapping()["properties"]))
    for name in ("procedures_procedurepage__purpose", "procedures_procedurepage__activities"):
        assert fields[name]["analyzer"] == es_analysis.TEXT_ANALYZER
    assert fields["procedures_procedurepage__document_code"]["analyzer"] == es_analysis.TEXT_ANALYZER


@pytest.mark.django_db
def test_documents_are_sent_normalised_but_filter_values_untouched():
    page = ExternalReferencePage(
        title="بخشنامه وظايف دستگاه هاي اجرايي",
        number="۳۶۷۷۳/۹۱/۲۱۰",
        number_key="210/36773/91",
        summary="وظايف و ضوابط تشكيلاتي",
        ref_type="circular",
    )
    document = SanadElasticsearchMapping(ExternalReferencePage).get_document(page)
    assert document["title"] == [
        "بخشنامه وظایف دستگاههای اجرایی",
        "بخشنامهوظایف وظایفدستگاههای دستگاههایاجرایی",
    ]
    assert document["procedures_externalreferencepage__number"] == "36773/91/210"
    # «و» pairs with nothing; «ضوابط تشکیلاتی» are two words of two letters or more.
    assert document["procedures_externalreferencepage__summary"] == [
        "وظایف و ضوابط تشکیلاتی",
        "ضوابطتشکیلاتی",
    ]
    assert document["procedures_externalreferencepage__number_key_filter"] == "210/36773/91"
    assert document["title_filter"] == page.title  # filters compare with the database value
    assert document["_edgengrams"] == [
        "بخشنامه وظایف دستگاههای اجرایی",
        "بخشنامهوظایف وظایفدستگاههای دستگاههایاجرایی",
    ]


# --- query bodies ---------------------------------------------------------------------------------

REFERENCE_FILTER = {"match": {"_django_content_type": "procedures.ExternalReferencePage"}}
ALL_TEXT = ["_all_text", "_all_text_boost_2_0^2.0"]


def compiled(backend, query, model=ExternalReferencePage, **kwargs):
    return backend.query_compiler_class(model.objects.all(), query, **kwargs).get_query()


def test_a_persian_query_is_sent_normalised_with_its_words_also_joined(backend):
    # An «or» query (the engines' default) gains the joined pair, which meets «وظایفدستگاههای».
    assert compiled(backend, "وظايف دستگاه های") == {
        "bool": {
            "must": {"multi_match": {"query": "وظایف وظایفدستگاههای دستگاههای", "fields": ALL_TEXT}},
            "filter": REFERENCE_FILTER,
        }
    }


def test_spelling_variants_compile_to_one_query(backend):
    variants = ["دستگاه‌های اجرایی", "دستگاههای اجرایی", "دستگاه های اجرايي", "دستگـاه‌هاي اِجرايي"]
    assert len({json.dumps(compiled(backend, v)) for v in variants}) == 1


def test_number_queries_in_any_digits_compile_to_ascii(backend):
    for query in ("۳۶۷۷۳", "٣٦٧٧٣", "36773"):
        body = compiled(backend, query)
        assert body["bool"]["must"]["multi_match"]["query"] == "36773"


def test_field_restricted_and_phrase_queries_are_normalised_too(backend):
    restricted = compiled(backend, "وظايف", fields=["summary"], operator="and")
    assert restricted["bool"]["must"] == {
        "match": {"procedures_externalreferencepage__summary": {"query": "وظایف", "operator": "and"}}
    }
    phrase = json.dumps(compiled(backend, Phrase("دستگاه هاي اجرايي")), ensure_ascii=False)
    # The phrase as typed, or its two words written as one.
    assert '{"match_phrase": {"_all_text": "دستگاههای اجرایی"}}' in phrase
    assert '{"match_phrase": {"_all_text": "دستگاههایاجرایی"}}' in phrase
    boosted = compiled(backend, PlainText("كليه", operator="or") | PlainText("وظايف", operator="or"))
    assert "کلیه" in json.dumps(boosted, ensure_ascii=False) and "ك" not in json.dumps(boosted)


def test_autocomplete_queries_the_edge_ngrams_with_normalised_text(backend):
    compiler = backend.autocomplete_query_compiler_class(Page.objects.all(), "دستگاه هاي")
    assert compiler.get_query()["bool"]["must"] == {"match": {"_edgengrams": {"query": "دستگاههای"}}}


def test_a_query_of_marks_alone_searches_for_nothing(backend):
    assert list(backend.search("\u064e\u0640\u200c", ExternalReferencePage)) == []
