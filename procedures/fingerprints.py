"""Fingerprints of what a registered revision carries besides its content: its three signatures.

Written into the audit chain when a revision is approved or imported (``procedures.services``) and
checked again by ``integrity.verify``; a pure function of the rows so old data can be fingerprinted too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable


def signoff_facts(signoff) -> dict:
    """What a signature says: role, name and position as printed, date, user, paper or not."""
    return {
        "role": signoff.role,
        "name": signoff.name,
        "position": signoff.position,
        "signed_on": signoff.signed_on.isoformat() if signoff.signed_on else None,
        "user_id": signoff.user_id,
        "on_paper": bool(signoff.on_paper),
    }


def signoffs_sha256(signoffs: Iterable) -> str:
    """SHA-256 of a revision's signatures in role order (independent of row ids and query order)."""
    facts = sorted((signoff_facts(s) for s in signoffs), key=lambda f: f["role"])
    encoded = json.dumps(facts, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode()).hexdigest()
