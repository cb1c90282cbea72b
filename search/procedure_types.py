"""Search registrations of the procedures app: controlled procedures, the service statement, external references.

Imported by ``search.registry`` on first use (see ``BUILTIN_MODULES``).
"""

from __future__ import annotations

from wagtail.query import PageQuerySet

from custody.models import CitedWithdrawal
from procedures.models import (
    ExternalReferencePage,
    IssuingAuthority,
    ProcedurePage,
    ReferenceRelation,
    ReferenceType,
    RelationKind,
    RevisionStatus,
    ServiceStatementPage,
)
from procedures.models.controlled import ControlledDocumentPage
from procedures.models.references import ENDING_KINDS
from procedures.models.register import ControlledRevision
from procedures.rules import revision_code
from search.numbers import act_number_key
from search.registry import Document, SearchableType, Status, register


class ReferenceSearch(SearchableType):
    model = ExternalReferencePage
    date_fields = ("date",)
    text_fields = ("summary", "body", "notes")
    in_feed = True

    def kinds(self) -> list[tuple[str, str]]:
        return [(key, str(label)) for key, label in ReferenceType.choices]

    def authorities(self) -> list[tuple[int, str]]:
        return list(IssuingAuthority.objects.values_list("pk", "name"))

    def numbered(self, queryset: PageQuerySet, keys: set[str]) -> set[int]:
        found = set(queryset.filter(number_key__in=keys).values_list("pk", flat=True))
        # Other spellings of a number live one per line; few pages have any, so they are keyed here.
        for pk, aliases in queryset.exclude(number_aliases="").values_list("pk", "number_aliases"):
            if keys & {act_number_key(line) for line in aliases.splitlines()}:
                found.add(pk)
        return found

    def describe(self, queryset: PageQuerySet) -> list[Document]:
        labels = dict(self.kinds())
        # What ended each reference: the earliest live replacing or repealing one, as its own page says.
        # Such relations are few, so all are read rather than a long list of ids passed in.
        ending: dict[int, tuple[int, str]] = {}
        relations = (
            ReferenceRelation.objects.filter(kind__in=ENDING_KINDS, source__live=True)
            .order_by("source__date", "pk")
            .values_list("target_id", "source_id", "kind")
        )
        for target_id, source_id, kind in relations:
            ending.setdefault(target_id, (source_id, kind))
        # Withdrawn references (custody) are out of force too, though nothing replaces them.
        withdrawn = set(
            CitedWithdrawal.objects.filter(status=CitedWithdrawal.Status.APPROVED).values_list(
                "page_id", flat=True
            )
        )
        rows = queryset.values_list(
            "pk",
            "title",
            "ref_type",
            "number",
            "date",
            "authority_id",
            "authority__name",
            "first_published_at",
        )
        documents = []
        for pk, title, ref_type, number, date, authority_id, authority_name, published in rows:
            source_id, kind = ending.get(pk, (None, ""))
            documents.append(
                Document(
                    pk=pk,
                    title=title,
                    searchable=self,
                    kind=ref_type,
                    kind_label=labels.get(ref_type, ref_type),
                    number=number,
                    date=date,
                    authority_id=authority_id,
                    authority_name=authority_name or "",
                    status=Status.SUPERSEDED if source_id or pk in withdrawn else Status.IN_FORCE,
                    status_note=("لغوشده با" if kind == RelationKind.REPEALS else "جایگزین‌شده با")
                    if source_id
                    else ("ابطال‌شده" if pk in withdrawn else ""),
                    successor_id=source_id,
                    published_at=published,
                )
            )
        return documents


class ControlledDocumentSearch(SearchableType):
    """Procedures and statements: numbered by their document code, dated by issue and revision."""

    model: type[ControlledDocumentPage]
    kind_key: str
    date_fields = ("issue_date", "revision_date")

    def kinds(self) -> list[tuple[str, str]]:
        return [(self.kind_key, str(self.model._meta.verbose_name))]

    @staticmethod
    def _code(document_code: str, revision_number: int | None) -> str:
        # What ControlledDocumentPage.full_code shows, from the columns alone.
        return document_code if revision_number is None else revision_code(document_code, revision_number)

    def numbered(self, queryset: PageQuerySet, keys: set[str]) -> set[int]:
        # Controlled documents are few; their codes («م پ-م-۱-۰۴/۰۰») are keyed here rather than stored.
        return {
            pk
            for pk, code, revision in queryset.values_list("pk", "document_code", "revision_number")
            if keys & {act_number_key(code), act_number_key(self._code(code, revision))}
        }

    def describe(self, queryset: PageQuerySet) -> list[Document]:
        label = self.kinds()[0][1]
        withdrawn = set(
            ControlledRevision.objects.filter(status=RevisionStatus.WITHDRAWN).values_list(
                "revision_id", flat=True
            )
        )
        rows = queryset.values_list(
            "pk",
            "title",
            "document_code",
            "revision_number",
            "issue_date",
            "revision_date",
            "organisation",
            "live_revision_id",
            "first_published_at",
        )
        return [
            Document(
                pk=pk,
                title=title,
                searchable=self,
                kind=self.kind_key,
                kind_label=label,
                number=self._code(code, revision),
                date=revised or issued,
                authority_name=organisation,
                status=Status.SUPERSEDED if live_revision_id in withdrawn else Status.IN_FORCE,
                status_note="ابطال‌شده" if live_revision_id in withdrawn else "",
                published_at=published,
            )
            for pk, title, code, revision, issued, revised, organisation, live_revision_id, published in rows
        ]


class ProcedureSearch(ControlledDocumentSearch):
    model = ProcedurePage
    kind_key = "procedure"
    text_fields = (
        "purpose",
        "scope",
        "responsibility_execution",
        "responsibility_supervision",
        "activities",
        "change_reason",
    )


class StatementSearch(ControlledDocumentSearch):
    model = ServiceStatementPage
    kind_key = "statement"
    text_fields = ("introduction", "purpose", "responsibility", "service_steps", "commitments", "costs")


register(ProcedureSearch())
register(StatementSearch())
register(ReferenceSearch())
