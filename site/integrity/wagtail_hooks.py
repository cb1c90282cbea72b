"""Admin wiring: the auditor's dashboard panel (last verification run) and the chain's log action."""

from __future__ import annotations

from django.db.models import Q
from wagtail import hooks
from wagtail.admin.ui.components import Component

BASELINE_ACTION = ("integrity.baseline", "ثبت پایه در زنجیره ممیزی", "وضعیت موجود هنگام آغاز زنجیره ثبت شد")
#: How many findings the panel lists before «و N مورد دیگر».
PANEL_FINDINGS = 20


def may_see_integrity(user) -> bool:
    """Auditors and superusers (ISO 9001 §9.2: the internal audit reads the evidence of integrity)."""
    from accounts.roles import Role

    if not (user and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(Q(name=Role.AUDITOR.value) | Q(unit_roles__role=Role.AUDITOR.name)).exists()


class IntegrityPanel(Component):
    name = "sanad_integrity"
    order = 40
    template_name = "integrity/admin/integrity_panel.html"

    def get_context_data(self, parent_context=None):
        from integrity.models import IntegrityRun

        run = IntegrityRun.objects.order_by("-finished_at", "-id").first()
        findings = list(run.findings) if run else []
        return {
            "run": run,
            "findings": findings[:PANEL_FINDINGS],
            "more": max(0, len(findings) - PANEL_FINDINGS),
            "total": len(findings),
        }


@hooks.register("construct_homepage_panels")
def add_integrity_panel(request, panels):
    if may_see_integrity(request.user):
        panels.append(IntegrityPanel())


@hooks.register("register_log_actions")
def register_integrity_log_actions(actions):
    action, label, message = BASELINE_ACTION
    actions.register_action(action, label, message)
