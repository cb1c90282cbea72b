"""The admin's model listings (the revision register, records) searched with the search box's parser.

Wagtail's index views search a model that is not in the search index with one ``icontains`` over the
whole query: «44327/4225» never meets «۴۲۲۵/۴۴۳۲۷», «وظايف» never meets «وظایف», a date or an exclusion
means nothing. ``ParsedSearchIndexMixin`` (on the view, not a rewrite of it) reads the query with
``search.query`` instead and matches it as /search/ does: words and phrases against the normalised
text of ``search_fields``, act numbers by their key (``search.numbers``) against ``search_number_fields``
and by their digits in the text, Jalali dates against ``search_date_fields``, ``OR`` within a group,
exclusions. The row whose own number was asked for is listed first (``search.rules.own_number_first``);
the rest keep the listing's order.

The rows of the listing (after its filters) are read once, column values only, and matched in Python:
the admin's registers hold thousands of rows, not millions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from django.contrib import messages
from django.db.models import Case, IntegerField, QuerySet, Value, When

from search.normalise import normalise
from search.numbers import act_number_key
from search.params import clean_text
from search.query import Atom, AtomKind, ParsedQuery, parse_query
from search.rules import Evidence, own_number_first


class _Row:
    def __init__(self, texts: list[str], numbers: list[str], dates: list) -> None:
        self.text = " ".join(normalise(t) for t in texts + numbers if t)
        self.words = self.text.split()
        self.keys = {act_number_key(n) for n in numbers if n}
        self.dates = {d for d in dates if d is not None}

    def owns(self, atom: Atom) -> bool:
        return atom.kind == AtomKind.NUMBER and bool(atom.key) and atom.key in self.keys

    def has(self, atom: Atom) -> bool:
        if atom.kind == AtomKind.DATE:
            return atom.day in self.dates
        if atom.kind == AtomKind.NUMBER:
            return self.owns(atom) or all(digits in self.text for digits in atom.digits)
        if atom.kind == AtomKind.PHRASE:
            return f" {atom.text} " in f" {self.text} "
        return any(word.startswith(atom.text) for word in self.words)  # as the admin's autocomplete


def parsed_model_search(
    queryset: QuerySet,
    parsed: ParsedQuery,
    text_fields: Sequence[str],
    number_fields: Sequence[str] = (),
    date_fields: Sequence[str] = (),
    extra_texts: Callable[[QuerySet], Mapping] | None = None,
) -> QuerySet:
    """The rows of ``queryset`` ``parsed`` matches, own numbers first, then in ``queryset``'s order.

    ``extra_texts(queryset)`` gives more text for some rows, by pk (a record's files, ``search.attachments``): it is
    matched as the row's own.
    """
    text_fields = [f for f in text_fields if f not in number_fields]
    fields = [*text_fields, *number_fields, *date_fields]
    rows = list(queryset.values_list("pk", *fields))
    extra = extra_texts(queryset) if extra_texts and rows else {}
    matched: list[int] = []
    own: list[int] = []
    for pk, *values in rows:
        texts = [str(v or "") for v in values[: len(text_fields)]] + [extra.get(pk, "")]
        numbers = [str(v or "") for v in values[len(text_fields) : len(text_fields) + len(number_fields)]]
        row = _Row(texts, numbers, list(values[len(text_fields) + len(number_fields) :]))
        if all(any(row.has(a) for a in group) for group in parsed.groups) and not any(
            row.has(a) for a in parsed.excluded
        ):
            matched.append(pk)
            if own_number_first(Evidence(own_number=any(row.owns(a) for a in parsed.numbers))) == 0:
                own.append(pk)
    ordering = list(queryset.query.order_by or queryset.model._meta.ordering or ["pk"])
    found = queryset.filter(pk__in=matched)
    if not own:  # (a CASE without a WHEN is a constant, which PostgreSQL would read as «ORDER BY 1»)
        return found.order_by(*ordering)
    first = Case(When(pk__in=own, then=Value(0)), default=Value(1), output_field=IntegerField())
    return found.order_by(first, *ordering)


class ParsedSearchIndexMixin:
    """For a ``ModelViewSet``'s index view: its search box read by the search box's parser."""

    #: Fields holding a number or code matched by its key (in any digits, parts in any order).
    search_number_fields: Sequence[str] = ()
    #: Date fields a Jalali date in the query is matched against.
    search_date_fields: Sequence[str] = ()

    def search_extra_texts(self, queryset: QuerySet) -> Mapping:
        """More text to match for rows of ``queryset``, by pk (none unless a view adds it)."""
        return {}

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        parsed = parse_query(clean_text(self.search_query))
        if parsed.errors:
            messages.error(self.request, " ".join(parsed.errors))
            return queryset.none()
        if parsed.is_blank:
            return queryset
        return parsed_model_search(
            queryset,
            parsed,
            self.search_fields or [],
            self.search_number_fields,
            self.search_date_fields,
            self.search_extra_texts,
        )


def parsed_index_view(base: type, number_fields: Sequence[str] = (), date_fields: Sequence[str] = ()) -> type:
    """``base`` (an index view class, e.g. a snippet viewset's) with its search read by the parser."""
    return type(
        f"Parsed{base.__name__}",
        (ParsedSearchIndexMixin, base),
        {"search_number_fields": tuple(number_fields), "search_date_fields": tuple(date_fields)},
    )
