"""``update_index``: Wagtail's (modelsearch's) rebuild, with a progress bar and the indexing rate.

It takes the place of ``wagtail.search``'s command of the same name (Sanad's ``search`` app comes
first in ``INSTALLED_APPS``) and changes only what it prints: a bar per model in place of dots, and
at the end of each backend how many objects were indexed and how many per second. Rebuilding a
Sanad backend also records the normaliser version with the index (``search.index_version``).
"""

from __future__ import annotations

import time

from modelsearch.management.commands.rebuild_modelsearch_index import Command as RebuildCommand

BAR_WIDTH = 30


class Command(RebuildCommand):
    help = "نمایه جستجو را از نو می‌سازد (با نوار پیشرفت و سرعت نمایه‌سازی)."

    def update_backend(self, backend_name, schema_only=False, chunk_size=None, **kwargs):
        self._indexed = 0
        self._backend_name = backend_name
        started = time.perf_counter()
        if chunk_size is None:
            super().update_backend(backend_name, schema_only=schema_only, **kwargs)
        else:
            super().update_backend(backend_name, schema_only=schema_only, chunk_size=chunk_size, **kwargs)
        elapsed = time.perf_counter() - started
        rate = self._indexed / elapsed if elapsed > 0 else 0.0
        self.write(f"{backend_name}: {self._indexed} objects in {elapsed:.1f} s ({rate:.0f} objects/s)")

    def queryset_chunks(self, qs, chunk_size=1000):
        self._label = f"{self._backend_name}: {qs.model._meta.app_label}.{qs.model.__name__} ".ljust(35)
        self._model_total = qs.count()
        self._model_done = 0
        yield from super().queryset_chunks(qs, chunk_size)

    def print_iter_progress(self, iterable):
        for chunk in iterable:
            yield chunk
            self._model_done += len(chunk)
            self._indexed += len(chunk)
            total = max(self._model_total, self._model_done, 1)
            filled = BAR_WIDTH * self._model_done // total
            bar = "█" * filled + "·" * (BAR_WIDTH - filled)
            # Redraws the model's line: the stock command has just written the label before it.
            self.write(f"\r{self._label}[{bar}] {self._model_done}/{total}", ending="")
            self.stdout.flush()
