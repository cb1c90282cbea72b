"""``manage.py bench_reindex [--backend stock] [--chunk-size N] [--time-limit S]``: rebuild the index."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from bench.reindex import DEFAULT_CHUNK_SIZE, reindex


class Command(BaseCommand):
    help = "Rebuild the bench documents' search index with a progress bar; print documents per second."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--backend", default="default", help="a MODELSEARCH_BACKENDS name")
        parser.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE)
        parser.add_argument("--time-limit", type=float, default=None, help="stop after this many seconds")

    def handle(self, *args, backend: str, chunk_size: int, time_limit: float | None, **options) -> None:
        result = reindex(backend, chunk_size=chunk_size, time_limit=time_limit, stream=self.stderr._out)
        partial = "" if result.complete else " (stopped at the time limit)"
        self.stdout.write(
            f"{result.backend}: {result.documents:,} documents in {result.seconds:.1f} s, "
            f"{result.rate:,.0f} documents/s{partial}"
        )
