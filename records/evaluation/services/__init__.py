"""The writes of the evaluation cycle, each atomic and audited. Every path (admin views, the API,
management commands, the demo, a shell) calls these; the rules are in ``records.evaluation.rules``.

One module per concern; this package re-exports the names callers use (``services.save_answer``):

- ``cycle``: indicators (``issue_indicators``, ``withdraw_indicator``) and deadlines (``grant_extension``)
- ``submissions``, the self-assessment (the agency): ``save_answer``, ``attach_evidence``,
  ``withdraw_evidence``, ``finalise_submission``
- ``review``, the evaluators' review: ``score_indicator``, ``release_results``; objections:
  ``file_objection`` (the agency), ``accept_results`` (the agency), ``decide_objection`` (evaluators)
- ``results``, final results: ``propose_final_results`` (an evaluator), ``approve_final_results`` /
  ``return_final_results`` (an approver, a second person)
- ``guards``: what every write checks first and how it refuses

What they read (``progress``, ``submission_for``, ``applicable_indicators``, …) is in
``records.evaluation.queries``, re-exported here for the callers that ask the services.

Each takes ``today`` (default: today in Tehran) so the demo can replay 1398 and tests can stand on any day.
"""

from records.evaluation.queries import (
    applicable_indicators,
    assessment_closed,
    assessment_window,
    final_problems,
    progress,
    submission_for,
    totals,
)
from records.evaluation.services.cycle import grant_extension, issue_indicators, withdraw_indicator
from records.evaluation.services.results import (
    approve_final_results,
    propose_final_results,
    return_final_results,
)
from records.evaluation.services.review import (
    accept_results,
    decide_objection,
    file_objection,
    release_results,
    score_indicator,
)
from records.evaluation.services.submissions import (
    attach_evidence,
    finalise_submission,
    save_answer,
    withdraw_evidence,
)

__all__ = [
    "accept_results",
    "applicable_indicators",
    "approve_final_results",
    "assessment_closed",
    "assessment_window",
    "attach_evidence",
    "decide_objection",
    "file_objection",
    "final_problems",
    "finalise_submission",
    "grant_extension",
    "issue_indicators",
    "progress",
    "propose_final_results",
    "release_results",
    "return_final_results",
    "save_answer",
    "score_indicator",
    "submission_for",
    "totals",
    "withdraw_evidence",
    "withdraw_indicator",
]
