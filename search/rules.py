"""The ranking rules: in which order a query's matches are listed, on every search path.

One place for the order of relevance. /search/, /api/search/, collections, Wagtail API v2 ``?search=`` and
the admin's page search all list their matches by ``relevance_key`` (through
``search.results.ranked_matches`` / ``run_search``). Each rule is a small pure function of what the matcher
found out about one document (``Evidence``); ``relevance_key`` applies them in order, each one deciding only
between documents the rules before it found equal.

Source of every rule: issue 11 §3 («A query that is an act number puts that act first; an exact title
first; among equals, in force before superseded»), and ISO 9001 §7.5.3.2 (d): obsolete documented
information must not be used unintentionally, so a superseded document never outranks its equal in force.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Rank given to a document that a ranking signal did not list at all.
UNRANKED = 10**9


@dataclass(frozen=True)
class Evidence:
    """What the search learned about one matched document, in plain values."""

    own_number: bool = False  # its own number (or another spelling of it) is an act number in the query
    title_exact: bool = False  # its normalised title is the query's text, word for word
    title_has_all: bool = False  # every word group of the query is in its title
    in_force: bool = True
    text_rank: int = UNRANKED  # position in the backend's relevance order for the query's words
    number_rank: int = UNRANKED  # position among documents citing the query's act number in their text
    date_ordinal: int = 0  # its date (``date.toordinal()``), 0 when it has none
    title: str = ""


def own_number_first(evidence: Evidence) -> int:
    """A query for an act number lists that act above the documents that only cite it (issue 11 §3)."""
    return 0 if evidence.own_number else 1


def exact_title_first(evidence: Evidence) -> int:
    """A query that is a document's title, as normalised, lists that document first (issue 11 §3)."""
    return 0 if evidence.title_exact else 1


def title_match_first(evidence: Evidence) -> int:
    """A document whose title holds every word asked for is what the query names: above documents that
    hold them only in their text. This tier is what «equals» means for the next rule."""
    return 0 if evidence.title_has_all else 1


def in_force_first(evidence: Evidence) -> int:
    """Among equals, the document in force before the superseded one (issue 11 §3; ISO 9001 §7.5.3.2 d):
    «دفاتر مدیریت عملکرد» lists circular ۳۶۷۷۳/۹۱/۲۱۰ above circular ۳۵۶۶۵/۱۸۰۱ it replaced."""
    return 0 if evidence.in_force else 1


def relevance_key(evidence: Evidence) -> tuple:
    """The sort key of relevance order: the rules above, then the backend's text rank, the rank among
    citing documents, newer before older, and the title to break ties the same way on every database."""
    return (
        own_number_first(evidence),
        exact_title_first(evidence),
        title_match_first(evidence),
        in_force_first(evidence),
        evidence.text_rank,
        evidence.number_rank,
        -evidence.date_ordinal,
        evidence.title,
    )
