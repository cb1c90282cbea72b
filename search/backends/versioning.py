"""Recording the normaliser version when a rebuild of a database index finishes."""

from __future__ import annotations

from search import index_version


class VersionRecordingRebuilderMixin:
    """Mixed into modelsearch's rebuilders.

    ``update_index`` rewrites every entry of every indexed model with the running normaliser, so when
    it finishes the index is at ``search.normalise.VERSION``. A ``--schema-only`` run adds nothing to
    a non-empty index and records nothing.
    """

    def start(self):
        self.index._rebuild_added = 0
        return super().start()

    def finish(self) -> None:
        index = self.index
        if getattr(index, "_rebuild_added", 0) or not index.entries.exists():
            # Before the atomic rebuilder commits, so the version lands with the entries.
            index_version.record_version(index_version.DATABASE_INDEX)
        super().finish()


def note_added(index, count: int) -> None:
    """Called by ``add_items``: count what a rebuild adds, and start the version record if none."""
    index_version.ensure_recorded(index_version.DATABASE_INDEX, lambda: not index.entries.exists())
    index._rebuild_added = getattr(index, "_rebuild_added", 0) + count
