"""An editor panel that shows the header values the system stamps (never typed by an editor)."""

from wagtail.admin.panels import Panel

from procedures import rules


class ControlStatusPanel(Panel):
    """Current revision, code, dates and the number the draft will take when it is approved."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "procedures/admin/control_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            history = list(page.controlled_history) if page.pk else []
            current = next((r for r in history if r.is_current), None)
            next_number = rules.next_revision_number([r.number for r in history])
            context.update(
                {
                    "page": page,
                    "history": history,
                    "current": current,
                    "next_number": rules.format_revision_number(next_number),
                    "next_code": rules.revision_code(page.document_code or "", next_number),
                    "needs_reason": next_number > 0,
                }
            )
            return context
