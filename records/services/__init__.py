"""The writes of records management, each atomic and audited. Every path (admin, command, shell) calls these.

One module per concern; this package re-exports the names callers use (``records.services.place_hold``):

- ``capture``: ``create_record``, ``attach_file``, ``remove_file``, ``declare_record``, ``correct_record``,
  ``set_record_subjects``; ``capture_record`` (the three first steps at once, without the role gate, for
  other services)
- ``holds``: ``place_hold``, ``request_release``, ``decide_release``
- ``schedule``: ``apply_retention``, ``refresh_series_dates``, ``due_records``
- ``disposition``: ``prepare_batch``, ``approve_batch``, ``cancel_batch``, ``execute_batch``
- ``collection``: the protected collection «سوابق»; ``gates``: roles and refusals; ``history``: who and why

The models refuse what breaks a rule on any path; these functions add the rules about people
(roles, two persons), write the audit log and keep history versions with who and why.
"""

from records.services.capture import (
    CaptureReasons,
    attach_file,
    capture_record,
    correct_record,
    create_record,
    declare_record,
    remove_file,
    set_record_subjects,
)
from records.services.collection import may_read_record_files, records_collection
from records.services.disposition import (
    approve_batch,
    cancel_batch,
    certificate_text,
    ensure_certificate_series,
    execute_batch,
    prepare_batch,
)
from records.services.gates import HOLD_PLACERS, RECORD_KEEPERS, SECOND_PERSONS
from records.services.history import HISTORY_REASON_LENGTH, clip_reason
from records.services.holds import decide_release, may_place_hold, place_hold, request_release
from records.services.schedule import (
    Move,
    RetentionReport,
    apply_retention,
    due_records,
    refresh_series_dates,
)

__all__ = [
    "HISTORY_REASON_LENGTH",
    "HOLD_PLACERS",
    "RECORD_KEEPERS",
    "SECOND_PERSONS",
    "CaptureReasons",
    "Move",
    "RetentionReport",
    "apply_retention",
    "approve_batch",
    "attach_file",
    "cancel_batch",
    "capture_record",
    "certificate_text",
    "clip_reason",
    "correct_record",
    "create_record",
    "decide_release",
    "declare_record",
    "due_records",
    "ensure_certificate_series",
    "execute_batch",
    "may_place_hold",
    "may_read_record_files",
    "place_hold",
    "prepare_batch",
    "records_collection",
    "refresh_series_dates",
    "remove_file",
    "request_release",
    "set_record_subjects",
]
