"""The daily digest: the chain head with its date, written where an operator keeps it outside the DB.

A file per day (``SANAD_AUDIT_DIGEST_DIR``), optionally e-mailed to the auditors. ``verify_integrity
--digest FILE`` checks that the chain still passes through the head the file names: a chain rewritten
from an earlier point on, or cut short, no longer does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from integrity import chain
from jalali.formatting import format_jalali


class DigestFormatError(ValueError):
    """The file is not a digest written by ``write_audit_digest``."""


@dataclass(frozen=True)
class Digest:
    sequence: int
    sha256: str
    day: dt.date
    entries: int

    @property
    def file_name(self) -> str:
        return f"audit-digest-{self.day.isoformat()}.txt"


def current(using: str = "default", day: dt.date | None = None) -> Digest:
    from integrity.models import AuditSeal

    link = chain.head(using)
    return Digest(
        sequence=link.sequence if link else 0,
        sha256=link.sha256 if link else chain.GENESIS,
        day=day or timezone.localdate(),
        entries=AuditSeal.objects.using(using).count(),
    )


def render(digest: Digest) -> str:
    """Human-readable and machine-readable: one «key: value» per line."""
    return (
        "# سند — چکیده روزانه زنجیره ممیزی (بیرون از پایگاه داده نگه دارید)\n"
        f"date_jalali: {format_jalali(digest.day)}\n"
        f"date: {digest.day.isoformat()}\n"
        f"sequence: {digest.sequence}\n"
        f"sha256: {digest.sha256}\n"
        f"entries: {digest.entries}\n"
    )


def parse(text: str) -> Digest:
    values: dict[str, str] = {}
    for line in text.splitlines():
        if ":" in line and not line.lstrip().startswith("#"):
            key, _, value = line.partition(":")
            values[key.strip()] = value.strip()
    try:
        sha = values["sha256"].lower()
        if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
            raise ValueError(sha)
        return Digest(
            sequence=int(values["sequence"]),
            sha256=sha,
            day=dt.date.fromisoformat(values["date"]),
            entries=int(values.get("entries", "0")),
        )
    except (KeyError, ValueError) as exc:
        raise DigestFormatError("پرونده چکیده روزانه زنجیره ممیزی نیست یا ناقص است.") from exc


def read(path: Path) -> Digest:
    try:
        return parse(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise DigestFormatError(f"پرونده چکیده «{path}» خوانده نشد.") from exc


def directory() -> Path:
    return Path(
        getattr(settings, "SANAD_AUDIT_DIGEST_DIR", Path(settings.BASE_DIR) / "var" / "audit-digests")
    )


def write(digest: Digest, into: Path | None = None) -> Path:
    """Write the day's file (a second run the same day writes the later head over it)."""
    folder = Path(into) if into else directory()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / digest.file_name
    path.write_text(render(digest), encoding="utf-8")
    return path


def auditor_emails() -> list[str]:
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from accounts.roles import Role

    users = get_user_model().objects.filter(
        Q(groups__name=Role.AUDITOR.value) | Q(groups__unit_roles__role=Role.AUDITOR.name), is_active=True
    )
    return sorted({email for email in users.values_list("email", flat=True) if email})


def send(digest: Digest) -> int:
    """E-mail the digest to every auditor; the number of addresses it went to."""
    from django.core.mail import send_mail

    recipients = auditor_emails()
    if not recipients:
        return 0
    send_mail(
        f"چکیده روزانه زنجیره ممیزی سند — {format_jalali(digest.day)}",
        render(digest),
        None,
        recipients,
    )
    return len(recipients)
