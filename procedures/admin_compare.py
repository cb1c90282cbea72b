"""Wagtail's revision comparison, open to auditors as well as editors (issue 13 §4).

Wagtail lets only those who may edit or publish a page compare its revisions, and sends anyone holding
no page permission back to the dashboard. An auditor reads everything and changes nothing (ISO 9001
§9.2): this view, routed in front of Wagtail's at the same address (``sanad/urls.py``), lets the
auditor role read the comparison too. Nothing else is granted: the edit button is not offered to a
reader who may not edit, and the edit view still refuses them.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access, user_has_any_page_permission
from wagtail.admin.views.pages.revisions import RevisionsCompareView
from wagtail.models import Page

from accounts.roles import Role, has_role


def may_use_admin_compare(user, page) -> bool:
    """Editors and publishers of ``page`` (Wagtail's own rule), and auditors."""
    if not (user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin")):
        return False
    if has_role(user, Role.AUDITOR):
        return True
    perms = page.permissions_for_user(user)
    return perms.can_edit() or perms.can_publish()


class ReadableRevisionsCompareView(RevisionsCompareView):
    """Wagtail's page comparison, with the auditor let in and the edit button shown only to editors."""

    def dispatch(self, request, *args, **kwargs):
        # Wagtail's own ``dispatch`` wraps this in ``user_has_any_page_permission``, which an auditor
        # (who holds no page permission) fails; ``get_object`` below decides instead.
        return super(RevisionsCompareView, self).dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        page = get_object_or_404(Page, id=self.pk).specific
        if not may_use_admin_compare(self.request.user, page):
            raise PermissionDenied
        return page

    def _may_edit(self) -> bool:
        return self.object.permissions_for_user(self.request.user).can_edit()

    def get_edit_url(self):
        return super().get_edit_url() if self._may_edit() else None

    def get_history_url(self):
        if user_has_any_page_permission(self.request.user):
            return super().get_history_url()
        return None


compare_view = require_admin_access(never_cache(ReadableRevisionsCompareView.as_view()))
