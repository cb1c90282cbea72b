"""Staff follow up submissions here: set the status and the reply the sender sees by tracking number.
What was sent stays read-only (Wagtail's own form submissions listing shows and exports it)."""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from jalali.inspect import JalaliInspectView

from .models import FeedbackSubmission


class FollowUpOnlyPolicy(ModelPermissionPolicy):
    """Submissions are made by the public form only; staff never add or delete them here."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(FeedbackSubmission, FollowUpOnlyPolicy(FeedbackSubmission))


class FeedbackSubmissionViewSet(ModelViewSet):
    model = FeedbackSubmission
    icon = "mail"
    menu_label = "پیگیری درخواست‌ها"
    menu_order = 250
    add_to_admin_menu = True
    form_fields = ["status", "public_note"]
    list_display = ["tracking_number_display", "kind", "page", "submit_time", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["tracking_number"]
    inspect_view_enabled = True
    inspect_view_class = JalaliInspectView
    inspect_view_fields = [
        "tracking_number",
        "kind",
        "page",
        "submit_time",
        "status",
        "public_note",
        "form_data",
    ]


@hooks.register("register_admin_viewset")
def register_feedback_submissions():
    return FeedbackSubmissionViewSet("feedback_submissions")
