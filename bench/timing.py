"""Latency samples, their median and p95, and a per-query time box for the slow stock backend.

The time box interrupts the statement in the database itself: SQLite's ``interrupt()`` from a timer
thread, PostgreSQL's ``statement_timeout``. A timed-out query is reported, never waited for.
"""

from __future__ import annotations

import math
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import DatabaseError, connection


@dataclass
class Measurement:
    samples: list[float] = field(default_factory=list)  # seconds
    timed_out: bool = False

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


class TimedOut(Exception):
    pass


class Deadline:
    """``with Deadline(seconds): run()`` raises ``TimedOut`` if the database takes longer."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.timer: threading.Timer | None = None

    def __enter__(self) -> Deadline:
        if not self.seconds:
            return self
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            self.timer = threading.Timer(self.seconds, connection.connection.interrupt)
            self.timer.start()
        else:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT set_config('statement_timeout', %s, false)", [f"{int(self.seconds * 1000)}"]
                )
        return self

    def __exit__(self, kind, error, traceback) -> bool:
        if not self.seconds:
            return False
        if self.timer is not None:
            self.timer.cancel()
        else:
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('statement_timeout', '0', false)")
        if isinstance(error, DatabaseError) and _is_timeout(error):
            raise TimedOut from error
        return False


def _is_timeout(error: DatabaseError) -> bool:
    text = str(error).lower()
    return "interrupted" in text or "statement timeout" in text or "canceling statement" in text


def measure(
    run: Callable[[], object], *, repeat: int, warmup: int, timeout: float | None = None
) -> Measurement:
    """Run ``warmup`` untimed times, then ``repeat`` timed times; stop at the first time-out."""
    result = Measurement()
    try:
        for _ in range(warmup):
            with Deadline(timeout):
                run()
        for _ in range(repeat):
            started = time.perf_counter()
            with Deadline(timeout):
                run()
            result.samples.append(time.perf_counter() - started)
    except TimedOut:
        result.timed_out = True
    return result


def measure_interleaved(
    runs: dict[str, Callable[[], object]], *, repeat: int, warmup: int
) -> dict[str, Measurement]:
    """Time several contenders round-robin: each round runs every one once, in turn.

    On a shared machine the load changes from second to second; timing one contender's runs after
    the other's would charge each with a different load. Round-robin, the ratios compare like with like.
    """
    results = {name: Measurement() for name in runs}
    for _ in range(warmup):
        for run in runs.values():
            run()
    for _ in range(repeat):
        for name, run in runs.items():
            started = time.perf_counter()
            run()
            results[name].samples.append(time.perf_counter() - started)
    return results


def milliseconds(seconds: float) -> str:
    ms = seconds * 1000
    return f"{ms:,.2f} ms" if ms < 10 else f"{ms:,.1f} ms" if ms < 1000 else f"{seconds:,.2f} s"
