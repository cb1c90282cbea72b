"""A one-line progress bar on stderr for the archive commands (redrawn in place on a terminal)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30


class Progress:
    """``label [#####.....] 450/1,000``; on a log (not a terminal) one line every 10%."""

    def __init__(self, stream: TextIO | None = None, *, enabled: bool = True) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.label = ""
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
