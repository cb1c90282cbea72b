"""Running a search: match the parsed query, keep what the visitor may see, filter, count facets, sort, page.

Matching works on sets of page ids, one set per query group, intersected:
- a group of words and phrases goes to the search backend (``Page.objects…search()``, whichever backend is
  configured) as one query; its order is the relevance order;
- a number matches pages whose own number has the same key (``SearchableType.numbered``: number, aliases,
  document codes) *or* whose text holds its digits; the first kind ranks first;
- a date matches pages dated that day (``SearchableType.dated``).
Excluded atoms («-word») remove their set. The matched pages are then described in bulk
(``SearchableType.describe``) — only those the visitor may see (``search.visibility``) — and filtered,
counted and sorted in Python, so facets and filters mean the same on every backend.

Subjects (``subjects.SubjectTag``) are a facet like the others, except that a document may carry several:
every facet key is therefore a set, and a document passes a filter when one of its keys is chosen.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import permutations

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.safestring import SafeString
from modelsearch.query import And, Or, Phrase, PlainText, SearchQuery
from wagtail.models import Page

from jalali.digits import to_persian_digits
from search.highlight import excerpt, find_spans, mark
from search.normalise import normalise
from search.numbers import act_number_parts
from search.params import SearchParams
from search.query import Atom, AtomKind, ParsedQuery
from search.registry import (
    STATUS_LABELS,
    Document,
    SearchableType,
    Status,
    authority_choices,
    hydrate,
    kind_labels,
    restate,
    searchable_types,
)
from search.rules import UNRANKED, Evidence, relevance_key
from search.visibility import restricted_for, visible_to

#: Relevance-ordered hits taken from the backend for one text query; beyond this the visitor is told to
#: narrow the search (facets then count the best this many).
MAX_TEXT_HITS = 2000
FACETS = ("type", "subject", "authority", "year", "status")


@dataclass(frozen=True)
class FacetValue:
    key: str
    label: str
    count: int
    selected: bool


@dataclass
class Hit:
    document: Document
    url: str
    title_html: SafeString
    number_html: SafeString
    excerpt_html: SafeString
    successor_url: str
    subjects: list[tuple[str, str]] = field(default_factory=list)  # (slug, name)
    # «یافته در پیوست»: the first attached file whose text holds a searched word, and the passage.
    attachment_name: str = ""
    attachment_html: SafeString | None = None


@dataclass
class Outcome:
    params: SearchParams
    total: int
    page: PaginatorPage
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    truncated: bool
    sort: str


def _atom_query(atom: Atom) -> SearchQuery:
    return Phrase(atom.text) if atom.kind == AtomKind.PHRASE else PlainText(atom.text, operator="and")


def text_query(groups: list[tuple[Atom, ...]]) -> SearchQuery:
    if all(len(g) == 1 and g[0].kind == AtomKind.WORD for g in groups):
        return PlainText(" ".join(g[0].text for g in groups), operator="and")
    parts = [_atom_query(g[0]) if len(g) == 1 else Or([_atom_query(a) for a in g]) for g in groups]
    return parts[0] if len(parts) == 1 else And(parts)


def _number_text_query(atom: Atom) -> SearchQuery:
    """A number cited in text: its digit runs anywhere, or the whole number in any order of its parts.

    Tokenisers differ: SQLite's FTS5 splits «36773/91/210» at the slashes, PostgreSQL's parser keeps it
    as one token; asking both ways finds it on either.
    """
    alternatives: list[SearchQuery] = [PlainText(" ".join(atom.digits), operator="and")]
    parts = act_number_parts(atom.written)
    if 2 <= len(parts) <= 4:
        alternatives += [PlainText("/".join(order), operator="and") for order in permutations(parts)]
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


class _Matcher:
    def __init__(
        self, types: list[SearchableType], request: HttpRequest | None, scope: QuerySet | None = None
    ) -> None:
        self.types = types
        # ``scope``: the pages to look in instead of the findable ones ``request``'s visitor may see (the
        # admin's page search looks in what its user may explore, drafts included).
        self.scope = scope
        self.visible = {
            t: restricted_for(t.findable(t.model.objects.all()), request)
            if scope is None
            else t.model.objects.filter(pk__in=scope.values("pk"))
            for t in types
        }
        self.truncated = False
        self.exact: set[int] = set()  # pages whose own number is the one asked for
        self.text_rank: dict[int, int] = {}
        self.number_rank: dict[int, int] = {}
        # Which registered type each matched page is, so each is described by its own type alone.
        self.type_of: dict[int, SearchableType] = {}
        self._by_content_type: dict[int, SearchableType | None] = {}

    def _type_for(self, content_type_id: int) -> SearchableType | None:
        if content_type_id not in self._by_content_type:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            self._by_content_type[content_type_id] = next(
                (t for t in self.types if model is not None and issubclass(model, t.model)), None
            )
        return self._by_content_type[content_type_id]

    def _note(self, searchable: SearchableType, ids: set[int]) -> set[int]:
        for pk in ids:
            self.type_of[pk] = searchable
        return ids

    def text_search(self, query: SearchQuery) -> list[int]:
        # Ids and types only: rows are described from column values afterwards (see ``documents``).
        if self.scope is None:
            findable = Q(live=True)
            for t in self.types:  # archived pages (ended announcements) are found too, though not live
                archived = t.archived(t.model.objects.all())
                if archived is not None:
                    findable |= Q(pk__in=archived.values("pk"))
            pages = Page.objects.filter(findable)
        else:
            pages = Page.objects.filter(pk__in=self.scope.values("pk"))
        base = pages.type(*[t.model for t in self.types]).only("id", "content_type_id")
        hits = list(base.search(query, order_by_relevance=True)[:MAX_TEXT_HITS])
        if len(hits) >= MAX_TEXT_HITS:
            self.truncated = True
        for hit in hits:
            searchable = self._type_for(hit.content_type_id)
            if searchable is not None:
                self.type_of[hit.pk] = searchable
        return [hit.pk for hit in hits]

    def atom_ids(self, atom: Atom) -> set[int]:
        if atom.is_textual:
            return set(self.text_search(_atom_query(atom)))
        if atom.kind == AtomKind.NUMBER:
            exact: set[int] = set()
            if atom.key:
                for t in self.types:
                    exact |= self._note(t, t.numbered(self.visible[t], {atom.key}))
            if not atom.negated:
                self.exact |= exact
            textual = self.text_search(_number_text_query(atom)) if atom.digits else []
            for rank, pk in enumerate(textual):
                self.number_rank.setdefault(pk, rank)
            return exact | set(textual)
        days = [atom.day] if atom.day else []
        found: set[int] = set()
        for t in self.types:
            found |= self._note(t, t.dated(self.visible[t], days))
        return found

    def match(self, parsed: ParsedQuery) -> set[int]:
        text_groups = [g for g in parsed.groups if all(a.is_textual for a in g)]
        sets: list[set[int]] = []
        if text_groups:
            order = self.text_search(text_query(text_groups))
            self.text_rank = {pk: rank for rank, pk in enumerate(order)}
            sets.append(set(order))
        for group in parsed.groups:
            if all(a.is_textual for a in group):
                continue
            sets.append(set().union(*(self.atom_ids(a) for a in group)))
        matched = set.intersection(*sets) if sets else set()
        for atom in parsed.excluded:
            if matched:
                matched -= self.atom_ids(atom)
        return matched

    def documents(self, matched: set[int] | None) -> list[Document]:
        if matched is None:  # no query: everything the visitor may see, filtered afterwards
            return [d for t in self.types for d in t.describe(self.visible[t])]
        by_type: dict[SearchableType, list[int]] = {}
        for pk in matched:
            if pk in self.type_of:
                by_type.setdefault(self.type_of[pk], []).append(pk)
        documents: list[Document] = []
        for t, ids in by_type.items():
            documents.extend(t.describe(self.visible[t].filter(pk__in=sorted(ids))))
        return documents


def _subject_slugs(documents: list[Document]) -> dict[int, frozenset[str]]:
    """Subject slugs of each document. Taggings are few beside documents, so each tagged type's are read
    whole (one query per type) rather than passing thousands of ids."""
    from subjects.lookup import through_for

    wanted: dict[type, set[int]] = {}
    for document in documents:
        wanted.setdefault(document.searchable.model, set()).add(document.pk)
    found: dict[int, set[str]] = {}
    for model, ids in wanted.items():
        through = through_for(model)
        if through is None:
            continue
        for pk, slug in through.objects.values_list("content_object_id", "tag__slug"):
            if pk in ids:
                found.setdefault(pk, set()).add(slug)
    return {pk: frozenset(slugs) for pk, slugs in found.items()}


def _facet_keys(document: Document, name: str, subjects: dict[int, frozenset[str]]) -> frozenset[str]:
    if name == "type":
        return frozenset({document.kind})
    if name == "subject":
        return subjects.get(document.pk, frozenset())
    if name == "authority":
        return frozenset({str(document.authority_id)}) if document.authority_id else frozenset()
    if name == "year":
        return frozenset({str(document.year)}) if document.year else frozenset()
    return frozenset({str(document.status)})


def _selected(params: SearchParams, name: str) -> set[str]:
    if name == "type":
        return set(params.kinds)
    if name == "subject":
        return set(params.subjects)
    value = {"authority": params.authority, "year": params.year, "status": params.status}[name]
    return {str(value)} if value else set()


class _Filters:
    """The chosen filters, applied to documents whose facet keys are worked out once."""

    def __init__(self, params: SearchParams, documents: list[Document]) -> None:
        self.selected = {name: _selected(params, name) for name in FACETS}
        self.subjects = _subject_slugs(documents)
        self.rows = [
            (d, {name: _facet_keys(d, name, self.subjects) for name in FACETS}, self._in_scope(d, params))
            for d in documents
        ]

    @staticmethod
    def _in_scope(document: Document, params: SearchParams) -> bool:
        if params.in_force_on and (document.status != Status.IN_FORCE or document.not_yet_issued):
            return False  # statuses were restated for that day (``run_search``)
        if not (params.date_from or params.date_to):
            return True
        if document.date is None:
            return False
        return not (
            (params.date_from and document.date < params.date_from)
            or (params.date_to and document.date > params.date_to)
        )

    def _passes(self, keys: dict[str, frozenset[str]], in_range: bool, skip: str = "") -> bool:
        if not in_range:
            return False
        return all(
            not chosen or keys[name] & chosen for name, chosen in self.selected.items() if name != skip
        )

    def kept(self) -> list[Document]:
        return [d for d, keys, in_range in self.rows if self._passes(keys, in_range)]

    def counts(self, name: str) -> Counter[str]:
        """Documents per value of facet ``name``, with every other filter applied."""
        counts: Counter[str] = Counter()
        for _, keys, in_range in self.rows:
            if keys[name] and self._passes(keys, in_range, skip=name):
                counts.update(keys[name])
        return counts


def _subject_labels(filters: _Filters) -> dict[str, str]:
    from subjects.models import SubjectTag

    slugs = set().union(*filters.subjects.values(), filters.selected["subject"])
    return dict(SubjectTag.objects.filter(slug__in=slugs).values_list("slug", "name")) if slugs else {}


def _facets(filters: _Filters) -> dict[str, list[FacetValue]]:
    labels = {
        "type": kind_labels(),
        "authority": {str(pk): name for pk, name in authority_choices()},
        "status": dict(STATUS_LABELS),
        "subject": _subject_labels(filters),
    }
    facets: dict[str, list[FacetValue]] = {}
    for name in FACETS:
        counts = filters.counts(name)
        selected = filters.selected[name]
        for key in selected - set(counts):  # a chosen filter stays in view, even at zero
            counts[key] = 0
        values = [
            FacetValue(
                key, labels.get(name, {}).get(key) or to_persian_digits(key), counts[key], key in selected
            )
            for key in counts
        ]
        if name == "year":
            values.sort(key=lambda v: -int(v.key))
        elif name == "status":
            order = list(STATUS_LABELS)
            values.sort(key=lambda v: order.index(v.key) if v.key in order else len(order))
        else:
            values.sort(key=lambda v: (-v.count, v.label))
        facets[name] = values
    return facets


def _words(text: str) -> list[str]:
    """A text's words as the index has them: normalised, punctuation left out."""
    return re.findall(r"\w+", normalise(text))


def _in_words(atom: Atom, words: list[str]) -> bool:
    wanted = _words(atom.text)
    if not wanted:
        return False
    if len(wanted) == 1:
        return wanted[0] in words
    return any(words[i : i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1))


class _TitleEvidence:
    """What a query's words say about a title (``search.rules``: exact title, all words in the title)."""

    def __init__(self, parsed: ParsedQuery | None) -> None:
        groups = parsed.groups if parsed is not None else []
        self.textual = [[a for a in g if a.is_textual] for g in groups]
        self.textual = [g for g in self.textual if g]
        self.whole = (
            [w for g in groups for w in _words(g[0].text)]
            if groups and all(len(g) == 1 and g[0].is_textual for g in groups)
            else []
        )

    def of(self, title: str) -> tuple[bool, bool]:
        if not self.textual:
            return False, False
        words = _words(title)
        exact = bool(self.whole) and words == self.whole
        return exact, all(any(_in_words(a, words) for a in g) for g in self.textual)


def _evidence(document: Document, matcher: _Matcher, titles: _TitleEvidence) -> Evidence:
    exact, has_all = titles.of(document.title)
    return Evidence(
        own_number=document.pk in matcher.exact,
        title_exact=exact,
        title_has_all=has_all,
        in_force=document.status == Status.IN_FORCE,
        text_rank=matcher.text_rank.get(document.pk, UNRANKED),
        number_rank=matcher.number_rank.get(document.pk, UNRANKED),
        date_ordinal=document.date.toordinal() if document.date else 0,
        title=document.title,
    )


def _sort_key(sort: str, matcher: _Matcher, parsed: ParsedQuery | None = None):
    def date_value(document: Document) -> int:
        return document.date.toordinal() if document.date else 0

    if sort == "relevance":
        titles = _TitleEvidence(parsed)
        return lambda d: relevance_key(_evidence(d, matcher, titles))
    if sort == "oldest":
        return lambda d: (d.date is None, date_value(d), d.title)
    return lambda d: (d.date is None, -date_value(d), d.title)


def ranked_matches(
    parsed: ParsedQuery, request: HttpRequest | None, scope: QuerySet | None = None
) -> list[int]:
    """The ids of the documents ``parsed`` matches that ``request``'s visitor may see (or, given ``scope``,
    among those pages), in /search/'s relevance order (``search.rules``)."""
    matcher = _Matcher(searchable_types(), request, scope)
    documents = matcher.documents(matcher.match(parsed))
    documents.sort(key=_sort_key("relevance", matcher, parsed))
    return [document.pk for document in documents]


def matching_ids(params: SearchParams, request: HttpRequest | None) -> set[int]:
    """The ids of every document ``run_search`` would list for ``params`` (no paging, no page loading):
    whether a reference belongs to a saved collection (``subscriptions``). ``params`` must have no errors."""
    matcher = _Matcher(searchable_types(), request)
    documents = matcher.documents(matcher.match(params.parsed) if params.parsed.groups else None)
    if params.status_day:
        restate(documents, params.status_day)
    return {document.pk for document in _Filters(params, documents).kept()}


def attachment_match(page, terms: list[str]) -> tuple[str, SafeString] | None:
    """The name and a marked passage of the first file attached to ``page`` whose text holds a term.

    Only files the page may show (``AttachmentTextMixin.attachment_hits`` keeps a restricted collection's
    files off public pages), so the passage never shows more than the page's own readers may read.
    """
    if not terms or not hasattr(page, "attachment_hits"):
        return None
    for document, row in page.attachment_hits():
        if find_spans(row.text, terms):
            return (getattr(document, "title", "") or row.name, excerpt(row.text, terms))
    return None


def run_search(params: SearchParams, request: HttpRequest | None) -> Outcome:
    """The search ``params`` ask for, as ``request``'s visitor may see it. ``params`` must have no errors."""
    types = searchable_types()
    matcher = _Matcher(types, request)
    matched = matcher.match(params.parsed) if params.parsed.groups else None
    documents = matcher.documents(matched)
    if params.status_day:  # labels, the status filter and ranking as things stood that day
        restate(documents, params.status_day)
    filters = _Filters(params, documents)
    facets = _facets(filters)
    kept = filters.kept()
    sort = params.effective_sort
    kept.sort(key=_sort_key(sort, matcher, params.parsed))

    paginator = Paginator(kept, params.page_size)
    page = paginator.page(min(params.page, paginator.num_pages))
    terms = params.parsed.highlight_terms()
    hydrate(page.object_list, lambda queryset: visible_to(queryset, request))
    # Every subject of a shown document is counted in the subject facet (it passes every filter).
    subject_names = {value.key: value.label for value in facets["subject"]}
    hits = []
    for document in page.object_list:
        shown = document.page
        hits.append(
            Hit(
                document=document,
                url=(shown.get_url(request) or "") if shown else "",
                title_html=mark(document.title, terms),
                number_html=mark(to_persian_digits(document.number), terms),
                excerpt_html=excerpt(document.searchable.excerpt_source(shown), terms)
                if shown
                else mark("", []),
                successor_url=(document.successor.get_url(request) or "") if document.successor else "",
                subjects=sorted(
                    ((slug, subject_names.get(slug, slug)) for slug in filters.subjects.get(document.pk, ())),
                    key=lambda item: item[1],
                ),
            )
        )
        found_in_file = attachment_match(shown, terms) if shown else None
        if found_in_file:
            hits[-1].attachment_name, hits[-1].attachment_html = found_in_file
    return Outcome(
        params=params,
        total=paginator.count,
        page=page,
        hits=hits,
        facets=facets,
        truncated=matcher.truncated,
        sort=sort,
    )
