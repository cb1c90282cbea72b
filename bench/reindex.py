"""Bulk (re)index of the bench documents through a backend's own rebuild path, with a progress bar.

The same steps as modelsearch's ``rebuild_modelsearch_index`` (Wagtail's ``update_index``): the
backend's rebuilder starts, ``index.add_items(model, chunk)`` takes the objects a chunk at a time,
the rebuilder finishes. Chunks are read by key (``pk > last``) rather than by OFFSET, which on a
million rows would cost more than the indexing. A time limit stops a slow backend early; what was
indexed by then is kept and the result says it is partial.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TextIO

from modelsearch.backends import get_search_backend

from bench.progress import Progress

DEFAULT_CHUNK_SIZE = 1000


@dataclass(frozen=True)
class ReindexResult:
    backend: str
    documents: int
    seconds: float
    complete: bool
    cpu_seconds: float = 0.0  # this process's CPU time: all of SQLite's work, only the client's on PostgreSQL

    @property
    def rate(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    @property
    def cpu_rate(self) -> float:
        return self.documents / self.cpu_seconds if self.cpu_seconds > 0 else 0.0


def reindex(
    backend_name: str = "default",
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    time_limit: float | None = None,
    stream: TextIO | None = None,
    label: str | None = None,
) -> ReindexResult:
    from bench.benchapp.models import Document

    backend = get_search_backend(backend_name)
    index = backend.get_index_for_model(Document)
    objects = Document.get_indexed_objects().order_by("pk")
    total = objects.count()
    progress = Progress(label or f"index ({backend_name})", total, stream)

    started = time.perf_counter()
    cpu_started = time.process_time()
    rebuilder = backend.rebuilder_class(index)
    index = rebuilder.start()
    index.add_model(Document)
    last = 0
    complete = True
    while True:
        chunk = list(objects.filter(pk__gt=last)[:chunk_size])
        if not chunk:
            break
        index.add_items(Document, chunk)
        last = chunk[-1].pk
        progress.advance(len(chunk))
        if time_limit is not None and time.perf_counter() - started > time_limit:
            complete = not objects.filter(pk__gt=last).exists()
            break
    rebuilder.finish()
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    progress.close()
    return ReindexResult(backend_name, progress.done, seconds, complete, cpu_seconds)


def reset(backend_name: str = "default") -> None:
    """Empty the index (both backends share modelsearch's index table on one database)."""
    get_search_backend(backend_name).reset_indexes()
