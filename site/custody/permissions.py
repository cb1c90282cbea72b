"""What the admin offers on a page published revisions cite: no delete, no unpublish (issue #10 §2)."""

from wagtail.models import PagePermissionTester


class CitedPagePermissionTester(PagePermissionTester):
    def _cited(self) -> bool:
        from procedures.citations import is_cited

        if not hasattr(self, "_cited_cache"):
            self._cited_cache = bool(self.page.pk) and is_cited(self.page.pk)
        return self._cited_cache

    def can_delete(self, ignore_bulk=False):
        return not self._cited() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        return not self._cited() and super().can_unpublish()
