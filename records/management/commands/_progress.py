"""A plain text progress bar for long commands (no dependency; quiet when not on a terminal)."""

from __future__ import annotations

import sys


class TextProgress:
    def __init__(self, stream=None, width: int = 30, label: str = ""):
        self.stream = stream or sys.stderr
        self.width = width
        self.label = label
        self.enabled = hasattr(self.stream, "isatty") and self.stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        filled = int(self.width * done / total)
        bar = "█" * filled + "·" * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
