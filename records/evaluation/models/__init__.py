"""Evaluation cycles. Split by concern; import from here."""

from records.evaluation.models.agencies import Agency, AgencyMember
from records.evaluation.models.assessment import (
    Answer,
    EvidenceFile,
    Objection,
    ObjectionFile,
    Review,
    Submission,
)
from records.evaluation.models.cycle import (
    CycleCircular,
    CycleExtension,
    CyclePhase,
    EvaluationCyclePage,
    EvaluationIndexPage,
)
from records.evaluation.models.indicators import ChecklistQuestion, Indicator
from records.evaluation.models.issued import CycleIndicator
from records.evaluation.models.notices import SentNotice
from records.evaluation.models.results import FinalApproval, FinalResult

__all__ = [
    "Agency",
    "AgencyMember",
    "Answer",
    "ChecklistQuestion",
    "CycleCircular",
    "CycleExtension",
    "CycleIndicator",
    "CyclePhase",
    "EvaluationCyclePage",
    "EvaluationIndexPage",
    "EvidenceFile",
    "FinalApproval",
    "FinalResult",
    "Indicator",
    "Objection",
    "ObjectionFile",
    "Review",
    "SentNotice",
    "Submission",
]
