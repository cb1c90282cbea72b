"""Records and the retention schedule. Split by concern; import from here."""

from records.models.disposition import DispositionBatch, DispositionItem
from records.models.holds import Hold
from records.models.numbering import RecordNumberSequence
from records.models.record import Record, RecordFile
from records.models.schedule import RetentionRegisterPage, RetentionSeriesPage
from records.models.subjects import TaggedRecord

__all__ = [
    "DispositionBatch",
    "DispositionItem",
    "Hold",
    "Record",
    "RecordFile",
    "RecordNumberSequence",
    "RetentionRegisterPage",
    "RetentionSeriesPage",
    "TaggedRecord",
]
