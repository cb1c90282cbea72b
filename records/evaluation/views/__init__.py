"""Admin screens of the evaluation cycle (under /admin/evaluation/), one module per screen family.

Every view first asks ``records.evaluation.access`` (``boundary``): an agency user reaches only their own
agency (any other agency id is a 404, so guessing URLs confirms nothing); evaluators, approvers and
auditors read everything. Writes go through ``records.evaluation.services``, reads through
``records.evaluation.queries``; a refused write comes back as a Persian message on the same screen, never
as an error page. The URLs (``records.evaluation.wagtail_hooks``) name the views re-exported here.
"""

from records.evaluation.views.cycle import extension_add, indicators
from records.evaluation.views.evidence import evidence_detail, evidence_download, objection_file_download
from records.evaluation.views.objections import objection_add, objection_decide
from records.evaluation.views.overview import dashboard, home, procedure_cycles
from records.evaluation.views.results import final, scorecard_view
from records.evaluation.views.submissions import (
    accept,
    finalise,
    indicator,
    release,
    submission,
    withdraw_evidence,
)

__all__ = [
    "accept",
    "dashboard",
    "evidence_detail",
    "evidence_download",
    "extension_add",
    "final",
    "finalise",
    "home",
    "indicator",
    "indicators",
    "objection_add",
    "objection_decide",
    "objection_file_download",
    "procedure_cycles",
    "release",
    "scorecard_view",
    "submission",
    "withdraw_evidence",
]
