"""Driving a cycle through its phases with the services, the way the roles do in the admin."""

from decimal import Decimal

from records.evaluation import services
from tests.evaluation import factories as ef
from tests.evaluation.conftest import pdf


def self_assess(cycle, agency, user, scores: dict[str, str], *, today=None, finalise=True, evidence=True):
    today = today or ef.day(0)
    for code, score in scores.items():
        indicator = cycle.indicators.get(code=code)
        answer = services.save_answer(
            cycle, agency, indicator, by=user, self_score=score, narrative=f"شرح {code}", today=today
        )
        if evidence:
            services.attach_evidence(answer, by=user, name=f"{code}.pdf", data=pdf(code), today=today)
    submission = services.submission_for(cycle, agency)
    if finalise:
        services.finalise_submission(submission, by=user, today=today)
    return submission


def review(cycle, agency, evaluator, scores: dict[str, str], *, today=None, release=True):
    today = today or ef.day(12)
    submission = services.submission_for(cycle, agency)
    for code, score in scores.items():
        services.score_indicator(
            submission,
            cycle.indicators.get(code=code),
            by=evaluator,
            score=score,
            comment=f"نظر {code}",
            today=today,
        )
    if release:
        services.release_results(submission, by=evaluator, today=today)
    submission.refresh_from_db()
    return submission


A_SCORES = {"ع-۱": "8", "ع-۲": "15", "خ-الف-۱": "5"}
B_SCORES = {"ع-۱": "9", "ع-۲": "18"}


def run_to_released(cycle, agencies, people):
    """Both agencies self-assessed and finalised; both reviewed and told their initial results."""
    a = self_assess(cycle, agencies["a"], people["a_user"], A_SCORES)
    b = self_assess(cycle, agencies["b"], people["b_user"], B_SCORES)
    review(cycle, agencies["a"], people["evaluator"], {"ع-۱": "7", "ع-۲": "14", "خ-الف-۱": "4"})
    review(cycle, agencies["b"], people["evaluator"], {"ع-۱": "9", "ع-۲": "16"})
    a.refresh_from_db()
    b.refresh_from_db()
    return a, b


def run_to_final(cycle, agencies, people, *, today=None):
    today = today or ef.day(36)
    a, b = run_to_released(cycle, agencies, people)
    approval = services.propose_final_results(cycle, by=people["evaluator"], today=today)
    services.approve_final_results(
        approval, by=people["approver"], council_reference="ص-۱۲", council_date=today, today=today
    )
    return a, b


def total(values) -> Decimal:
    return sum((Decimal(v) for v in values), Decimal(0))
