"""The guards shared by everything a cycle's results rest on, met by every path (admin, services,
management commands, a shell):

- after final approval nothing changes (``save``/``delete`` and the querysets);
- each model may add its own invariant in ``check_write`` (e.g. an answer only within its agency's
  window), checked on every ``save``; the services pass the day they act on as ``_today`` (the demo
  replays 1398), any other path is judged on today;
- bulk ``update`` would skip both, so it is refused; bulk ``delete`` deletes one by one through ``delete``.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from wagtail.models import Page

from records.evaluation import rules
from records.evaluation.choices import ApprovalStatus


def final_cycle_ids():
    from records.evaluation.models.results import FinalApproval

    return FinalApproval.objects.filter(status=ApprovalStatus.APPROVED).values("cycle_id")


def cycle_is_final(cycle_id: int | None) -> bool:
    from records.evaluation.models.results import FinalApproval

    if cycle_id is None:
        return False
    return FinalApproval.objects.filter(cycle_id=cycle_id, status=ApprovalStatus.APPROVED).exists()


def refuse(instance, exc: rules.EvaluationRuleViolation, user=None):
    """Write the refusal to the audit log (on the cycle page when known), then raise it."""
    from procedures.audit import record_refusal

    target = instance
    cycle = getattr(instance, "cycle_page_for_log", None)
    if callable(cycle):
        target = cycle() or instance
    record_refusal(target, exc, user=user)
    raise exc


class FrozenAfterFinalQuerySet(models.QuerySet):
    def _in_final_cycles(self):
        return self.filter(**{f"{self.model.CYCLE_LOOKUP}__in": final_cycle_ids()})

    def update(self, **kwargs):
        if self._in_final_cycles().exists():
            raise rules.EvaluationRuleViolation(
                rules.Rule.FINAL, "نتایج نهایی این دوره تصویب شده است و داده‌های آن تغییرناپذیر است."
            )
        raise rules.EvaluationRuleViolation(
            rules.Rule.WINDOW,
            "داده‌های ارزیابی با به‌روزرسانی گروهی تغییر نمی‌کند؛ هر تغییر جداگانه و با قواعد دوره ثبت می‌شود.",
        )

    def delete(self):
        if self._in_final_cycles().exists():
            raise rules.EvaluationRuleViolation(
                rules.Rule.FINAL, "نتایج نهایی این دوره تصویب شده است و داده‌های آن حذف نمی‌شود."
            )
        count = 0
        for instance in self:
            instance.delete()
            count += 1
        return count, {self.model._meta.label: count}


class FrozenAfterFinal(models.Model):
    """Abstract base: ``CYCLE_LOOKUP`` is the lookup from the model to its cycle page."""

    CYCLE_LOOKUP = "cycle"

    objects = FrozenAfterFinalQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        try:
            rules.check_not_final(cycle_is_final(self.cycle_pk()))
            self.check_write(getattr(self, "_today", None) or timezone.localdate())
        except rules.EvaluationRuleViolation as exc:
            refuse(self, exc, getattr(self, "_history_user", None))
        return super().save(*args, **kwargs)

    def check_write(self, today) -> None:
        """This model's own invariant for the write about to happen (raise ``EvaluationRuleViolation``)."""

    def delete(self, *args, **kwargs):
        try:
            rules.check_not_final(cycle_is_final(self.cycle_pk()), "حذف")
        except rules.EvaluationRuleViolation as exc:
            refuse(self, exc)
        return super().delete(*args, **kwargs)

    def cycle_pk(self) -> int | None:
        raise NotImplementedError

    def cycle_page_for_log(self):
        # The cycle page as its own class, reached through Wagtail's Page: the base of the cycle's models
        # does not import the cycle's module (which imports this one).
        pk = self.cycle_pk()
        return Page.objects.filter(pk=pk).specific().first() if pk else None
