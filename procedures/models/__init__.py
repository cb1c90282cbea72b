"""Controlled documents. Split by concern; import from here."""

from procedures.models.authorities import IssuingAuthority
from procedures.models.controlled import ControlledDocumentPage
from procedures.models.copies import IssuedCopy
from procedures.models.procedure import ProcedurePage
from procedures.models.references import ExternalReferencePage, ReferenceRelation, ReferenceType, RelationKind
from procedures.models.register import ControlledRevision, RevisionStatus, SignOff, WithdrawalRequest
from procedures.models.signoff import SignOffTask
from procedures.models.statement import ServiceStatementPage
from procedures.models.subjects import TaggedProcedure, TaggedReference, TaggedStatement

__all__ = [
    "ControlledDocumentPage",
    "ControlledRevision",
    "ExternalReferencePage",
    "IssuedCopy",
    "IssuingAuthority",
    "ProcedurePage",
    "ReferenceRelation",
    "ReferenceType",
    "RelationKind",
    "RevisionStatus",
    "ServiceStatementPage",
    "SignOff",
    "SignOffTask",
    "TaggedProcedure",
    "TaggedReference",
    "TaggedStatement",
    "WithdrawalRequest",
]
