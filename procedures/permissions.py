"""What the admin offers on a controlled page: no direct publish, unpublish or delete, for anyone."""

from wagtail.models import PagePermissionTester


class ControlledPagePermissionTester(PagePermissionTester):
    """Publication happens only through the sign-off workflow; withdrawal through its own approval."""

    def can_publish(self):
        return False

    def can_unpublish(self):
        return False

    def can_unschedule(self):
        return False

    def can_delete(self, ignore_bulk=False):
        if self.page.pk and self.page.controlled_revisions.exists():
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)

    def can_submit_for_moderation(self):
        # The sign-off starts with the preparer: a quality officer who may edit the page.
        from accounts.roles import Role, has_role

        # …and only where they may edit (their unit's subtree: units, ISO 9001 §5.3).
        return (
            super().can_submit_for_moderation()
            and has_role(self.user, Role.QUALITY_OFFICER)
            and self.can_edit()
        )
