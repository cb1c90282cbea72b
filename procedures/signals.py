"""What happens to a controlled document, told to whoever listens (distribution lists, content rules).

Sent after the transaction commits, so a listener never acts on a change that was rolled back.
Every signal is sent with ``sender=ControlledRevision`` and ``controlled=<ControlledRevision>``;
``page`` is the specific ControlledDocumentPage.
"""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal

# A revision came into force (published after sign-off, or imported from paper).
revision_in_force = Signal()
# A revision was superseded by a newer one (sent with ``by=<ControlledRevision>`` too).
revision_superseded = Signal()
# The revision in force was withdrawn from use (sent with ``reason=<str>`` too).
revision_withdrawn = Signal()


def send_on_commit(signal: Signal, controlled, **kwargs) -> None:
    """Send ``signal`` once the surrounding transaction commits (at once outside a transaction)."""

    def send() -> None:
        signal.send(sender=type(controlled), controlled=controlled, page=controlled.page.specific, **kwargs)

    transaction.on_commit(send, robust=True)
