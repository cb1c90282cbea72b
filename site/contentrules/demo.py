"""Demo step for content rules: the two rules of issue #7 §4, plus the overdue-review digest. Idempotent.

- «وقتی روش اجرایی جدیدی لازم‌الاجرا شد، به فهرست توزیع اطلاع بده»: fires when the walkthrough's
  revision is approved (README «Taking a procedure through a new revision»).
- «۷ روز مانده به پایان مهلت خودارزیابی، به گروه ارزیابان ایمیل بزن»: the current cycle's self-assessment
  ends 14 days after the demo is loaded; ``manage.py run_content_rules --today <a week later>`` shows it.
- «بازنگری معوق ← گزارش روزانه مسئولان کیفیت»: ``run_content_rules`` then ``send_daily_digest``.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType

from accounts.roles import Role
from contentrules.choices import Action, DeadlineSource, Event
from contentrules.models import ContentRule
from records.evaluation.choices import PhaseKind

IN_FORCE_TITLE = "وقتی روش اجرایی جدیدی لازم‌الاجرا شد، به فهرست توزیع اطلاع بده"
DEADLINE_TITLE = "۷ روز مانده به پایان مهلت خودارزیابی، به گروه ارزیابان ایمیل بزن"
OVERDUE_TITLE = "بازنگری معوق اسناد کنترل‌شده ← گزارش روزانه مسئولان کیفیت"


def _rule(loader, title: str, content_types=(), **fields) -> ContentRule:
    rule = ContentRule.objects.filter(title=title).first()
    if rule is not None:
        return rule
    rule = ContentRule(title=title, **fields)
    rule.full_clean(exclude=["content_types"])
    rule.save()
    rule.content_types.set([ContentType.objects.get_for_model(m) for m in content_types])
    loader.say(f"قاعده محتوا «{title}» ساخته شد")
    return rule


def load_demo(loader) -> None:
    from procedures.models import ProcedurePage

    _rule(
        loader,
        IN_FORCE_TITLE,
        content_types=[ProcedurePage],
        event=Event.IN_FORCE,
        folder=loader.procedures_folder,
        action=Action.DISTRIBUTION,
        note="روش‌های اجرایی زیر «روش‌های اجرایی»؛ گیرندگان همان فهرست توزیع هر سند‌اند.",
    )
    _rule(
        loader,
        DEADLINE_TITLE,
        event=Event.DEADLINE,
        deadline_source=DeadlineSource.CYCLE_PHASE,
        phase=PhaseKind.SELF_ASSESSMENT,
        days_before=7,
        action=Action.EMAIL_GROUP,
        group=Group.objects.get(name=Role.EVALUATOR),
    )
    _rule(
        loader,
        OVERDUE_TITLE,
        event=Event.REVIEW_OVERDUE,
        action=Action.DIGEST,
        group=Group.objects.get(name=Role.QUALITY_OFFICER),
    )
