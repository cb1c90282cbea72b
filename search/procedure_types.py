"""Search registrations of the procedures app: controlled procedures, the service statement, external references.

Imported by ``search.registry`` on first use (see ``BUILTIN_MODULES``).
"""

from __future__ import annotations

import datetime as dt

from django.utils.timezone import localdate
from wagtail.query import PageQuerySet

from custody.models import CitedWithdrawal
from procedures.models import (
    ExternalReferencePage,
    IssuingAuthority,
    ProcedurePage,
    ReferenceRelation,
    ReferenceType,
    RevisionStatus,
    ServiceStatementPage,
)
from procedures.models.controlled import ControlledDocumentPage
from procedures.models.references import ENDING_KINDS
from procedures.models.register import ControlledRevision
from procedures.reference_rules import Act, ActKind, ReferenceFacts, Standing, status_on
from procedures.rules import InForcePeriod, revision_code, revision_in_force_on
from search.numbers import act_number_key
from search.registry import Document, SearchableType, Status, register

#: How a result names what ended a reference (``search.registry.Document.status_note``).
ENDING_NOTES = {
    ActKind.REPLACES: "جایگزین‌شده با",
    ActKind.REPEALS: "لغوشده با",
    ActKind.WITHDRAWN: "ابطال‌شده",
}


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

    @staticmethod
    def _acts() -> dict[int, list[Act]]:
        """The acts that replaced, repealed or withdrew each reference, from the day each took effect.
        Such acts are few, so all are read rather than a long list of ids passed in."""
        acts: dict[int, list[Act]] = {}
        relations = ReferenceRelation.objects.filter(kind__in=ENDING_KINDS, source__live=True).values_list(
            "target_id", "kind", "effective_date", "source__date", "source_id"
        )
        for target_id, kind, effective, source_date, source_id in relations:
            acts.setdefault(target_id, []).append(
                Act(kind=ActKind(kind), effective_on=effective or source_date, source_id=source_id)
            )
        # Withdrawn references (custody) are out of force too, though nothing replaces them.
        withdrawals = CitedWithdrawal.objects.filter(status=CitedWithdrawal.Status.APPROVED).values_list(
            "page_id", "decided_at"
        )
        for page_id, decided_at in withdrawals:
            acts.setdefault(page_id, []).append(
                Act(kind=ActKind.WITHDRAWN, effective_on=localdate(decided_at) if decided_at else None)
            )
        return acts

    def restate(self, documents: list[Document], day: dt.date) -> None:
        acts = self._acts()
        for document in documents:
            standing = status_on(ReferenceFacts(document.date, tuple(acts.get(document.pk, ()))), day)
            ending = standing.ending
            document.status = Status.SUPERSEDED if ending else Status.IN_FORCE
            document.status_note = ENDING_NOTES[ending.kind] if ending else ""
            document.successor_id = ending.source_id if ending else None
            document.not_yet_issued = standing.standing == Standing.NOT_YET_ISSUED

    def describe(self, queryset: PageQuerySet) -> list[Document]:
        labels = dict(self.kinds())
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
        documents = [
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
                published_at=published,
            )
            for pk, title, ref_type, number, date, authority_id, authority_name, published in rows
        ]
        # Today's standing, by the same rule as any other day (an act taking effect later ends nothing yet).
        self.restate(documents, localdate())
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

    def restate(self, documents: list[Document], day: dt.date) -> None:
        """In force on ``day`` if one of its registered revisions was (``procedures.rules.revision_in_force_on``);
        ended if all that started before it had ended (withdrawn); else not yet issued."""
        periods: dict[int, list[InForcePeriod]] = {}
        rows = ControlledRevision.objects.filter(
            page_id__in=[d.pk for d in documents], effective_from__isnull=False
        ).values_list("page_id", "number", "effective_from", "effective_until", "withdrawn_on")
        for page_id, number, start, until, withdrawn in rows:
            periods.setdefault(page_id, []).append(InForcePeriod(number, start, until or withdrawn))
        for document in documents:
            own = periods.get(document.pk, [])
            if not own:  # nothing registered (not expected of a live page): judged by its date alone
                document.not_yet_issued = document.date is not None and document.date > day
                continue
            started = any(p.start <= day for p in own)
            in_force = revision_in_force_on(own, day) is not None
            document.status = Status.IN_FORCE if in_force or not started else Status.SUPERSEDED
            document.status_note = "" if in_force or not started else "ابطال‌شده"
            document.not_yet_issued = not started

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
