"""Idempotent set-up: the «ارزیابی عملکرد» index page and the evaluators' page permissions on it.

Role groups and model permissions come from ``accounts.roles``; page permissions there are granted on the
whole tree, so the evaluators' right to add, edit and publish cycle pages is granted here, on this
subtree only.
"""

from __future__ import annotations

from django.contrib.auth.models import Permission
from wagtail.models import GroupPagePermission

from accounts.roles import Role, ensure_role_groups
from records.evaluation.models import EvaluationIndexPage

EVALUATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def ensure_evaluation_index(
    home, *, title: str = "ارزیابی عملکرد", slug: str = "evaluation", intro: str = ""
) -> EvaluationIndexPage:
    index = EvaluationIndexPage.objects.first()
    if index is None:
        index = home.add_child(instance=EvaluationIndexPage(title=title, slug=slug, intro=intro))
        index.save_revision().publish()
    grant_evaluator_permissions(index)
    return index


def grant_evaluator_permissions(index: EvaluationIndexPage) -> None:
    group = ensure_role_groups()[Role.EVALUATOR]
    for codename in EVALUATOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=index,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
