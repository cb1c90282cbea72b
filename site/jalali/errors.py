"""The one exception the Jalali helpers raise, so callers and forms can show its Persian message as is."""

from __future__ import annotations


class JalaliDateError(ValueError):
    """A date that cannot be read or does not exist; ``str(error)`` is a Persian sentence for the user.

    ``code`` names the kind of problem for programs (and becomes the ``ValidationError`` code in forms);
    ``text`` is the input that was being read, when there was one.
    """

    def __init__(self, message: str, code: str = "invalid", text: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.text = text

    def __str__(self) -> str:
        return self.message
