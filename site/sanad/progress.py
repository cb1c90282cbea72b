"""The one progress bar of Sanad's long commands (archive export and import, reference import, fixity and
retention runs): one line on stderr, redrawn in place on a terminal, a line every 10% on a log."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30


class Progress:
    """``label [#####.....] 450/1,000``; on a log (not a terminal) one line every 10%."""

    def __init__(self, stream: TextIO | None = None, *, enabled: bool = True, label: str = "") -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.label = label
        self.total = 1
        self.done = 0
        self.drawn = 0.0
        self.tenths = 0

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.done, self.tenths, self.drawn = label, max(total, 1), 0, 0, 0.0

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        if self.stream.isatty():
            now = time.perf_counter()
            if now - self.drawn >= 0.2 or self.done >= self.total:
                self.drawn = now
                self._draw("\r")
        elif self.done * 10 // self.total > self.tenths:
            self.tenths = self.done * 10 // self.total
            self._draw("", "\n")

    def __call__(self, done: int, total: int) -> None:
        """As a service's ``progress(done, total)`` callback: the bar follows ``done`` of ``total``."""
        if done < self.done or max(total, 1) != self.total:
            self.start(self.label, total)
        self.advance(done - self.done)
        if done >= total:
            self.finish()

    def finish(self) -> None:
        if self.enabled and self.stream.isatty():
            self._draw("\r", "\n")

    def _draw(self, start: str, end: str = "") -> None:
        filled = WIDTH * min(self.done, self.total) // self.total
        self.stream.write(
            f"{start}{self.label:<24} [{'#' * filled}{'.' * (WIDTH - filled)}] {self.done:,}/{self.total:,}{end}"
        )
        self.stream.flush()


class Silent(Progress):
    def __init__(self) -> None:
        super().__init__(enabled=False)
