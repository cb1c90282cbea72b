"""What happens to a controlled document, told to whoever listens (distribution lists, content rules).

Sent after the transaction commits, so a listener never acts on a change that was rolled back; except
``approved_revision_live``, which is sent at once, inside the page's save (see below).
Every signal is sent with ``sender=ControlledRevision`` and ``controlled=<ControlledRevision>``;
``page`` is the specific ControlledDocumentPage.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.dispatch import Signal

# A revision came into force (published after sign-off, or imported from paper).
revision_in_force = Signal()
# A revision was superseded by a newer one (sent with ``by=<ControlledRevision>`` too).
revision_superseded = Signal()
# The revision in force was withdrawn from use (sent with ``reason=<str>`` too).
revision_withdrawn = Signal()
# An approved revision went live (``ControlledDocumentPage.save``), sent at once in the same transaction:
# ``procedures.services.activate_revision`` puts it in force (connected in ``ProceduresConfig.ready``).
# The page model tells it so, instead of calling the service layer it sits below.
approved_revision_live = Signal()


def send_approved_revision_live(controlled) -> None:
    """Put the approved revision in force now; refused when nobody is there to do it."""
    if not approved_revision_live.has_listeners(type(controlled)):
        # A live page whose register still says «approved» would break the register's rules silently.
        raise ImproperlyConfigured("activate_revision is not connected to approved_revision_live")
    approved_revision_live.send(sender=type(controlled), controlled=controlled)


def send_on_commit(signal: Signal, controlled, **kwargs) -> None:
    """Send ``signal`` once the surrounding transaction commits (at once outside a transaction)."""

    def send() -> None:
        signal.send(sender=type(controlled), controlled=controlled, page=controlled.page.specific, **kwargs)

    transaction.on_commit(send, robust=True)
