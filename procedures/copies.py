"""Issuing and recalling controlled copies: the writes of the copy register, each atomic and audited.

- ``issue_controlled_copy``: a quality officer hands a numbered, registered copy of the revision in
  force to a recipient (a user, or a name and unit typed in).
- ``recall_copy``: the copy of an obsolete revision came back (or was destroyed); who and when.
- ``fix_issued_file``: the PDF handed over is stored once with its SHA-256, so that ``/verify/<code>/``
  can tell whether a file someone holds is the one issued.
- ``recall_list``: no hook on publication is needed — a copy is due for recall as soon as its
  revision stops being in force (superseded by the next revision, or withdrawn).
"""

from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from accounts.roles import Role, has_role
from procedures.audit import record, record_refusal
from procedures.copy_rules import new_verification_code, normalise_verification_code
from procedures.models.copies import CopyRegisterError, IssuedCopy
from procedures.models.register import ControlledRevision, RevisionStatus

ISSUE_ACTION = "sanad.copy.issue"
RECALL_ACTION = "sanad.copy.recall"
FILE_ACTION = "sanad.copy.file"


def may_issue_copies(user) -> bool:
    """Only the quality unit distributes controlled copies (seed 000's notice: «با مدیریت/معاونت کیفیت»)."""
    return has_role(user, Role.QUALITY_OFFICER)


def _refuse(controlled: ControlledRevision, message: str, user) -> None:
    exc = CopyRegisterError(message)
    record_refusal(controlled.page.specific, exc, user=user)
    raise exc


def issue_controlled_copy(
    controlled: ControlledRevision,
    *,
    issued_by,
    recipient_user=None,
    recipient_name: str = "",
    recipient_unit: str = "",
) -> IssuedCopy:
    """Register the next numbered copy of ``controlled`` for a recipient; refuse anything else.

    The checks run outside the transaction so that a refusal's audit entry is kept.
    """
    recipient_name, recipient_unit = recipient_name.strip(), recipient_unit.strip()
    if not may_issue_copies(issued_by):
        _refuse(controlled, "صدور نسخه کنترل‌شده فقط با مسئول کیفیت است.", issued_by)
    controlled.refresh_from_db()
    _check_issuable(controlled, issued_by)
    if recipient_user is None and not recipient_name:
        _refuse(controlled, "گیرنده نسخه را مشخص کنید: یک کاربر یا نام گیرنده.", issued_by)
    copy = _register_copy(
        controlled,
        issued_by=issued_by,
        recipient_user=recipient_user,
        recipient_name=recipient_name,
        recipient_unit=recipient_unit,
    )
    record(
        controlled.page.specific,
        ISSUE_ACTION,
        user=issued_by,
        data={
            "revision": controlled.number,
            "code": controlled.code,
            "copy_number": copy.number,
            "recipient": copy.recipient_display,
            "verification_code": copy.verification_code,
        },
    )
    return copy


def _check_issuable(controlled: ControlledRevision, user) -> None:
    if controlled.status != RevisionStatus.IN_FORCE:
        _refuse(
            controlled,
            f"بازنگری {controlled.code} «{controlled.get_status_display()}» است؛ "
            "نسخه کنترل‌شده فقط از بازنگری جاری صادر می‌شود.",
            user,
        )


@transaction.atomic
def _register_copy(controlled: ControlledRevision, *, issued_by, **recipient) -> IssuedCopy:
    # Lock the revision row so two officers issuing at once cannot take the same copy number.
    locked = ControlledRevision.objects.select_for_update().get(pk=controlled.pk)
    if locked.status != RevisionStatus.IN_FORCE:  # superseded between the check and the lock
        raise CopyRegisterError("این بازنگری دیگر جاری نیست؛ نسخه کنترل‌شده صادر نشد.")
    last = IssuedCopy.objects.filter(controlled_revision=locked).aggregate(n=Max("number"))["n"]
    return IssuedCopy.objects.create(
        controlled_revision=locked,
        number=(last or 0) + 1,
        issued_on=timezone.localdate(),
        issued_by=issued_by,
        verification_code=_unused_code(),
        **recipient,
    )


def _unused_code() -> str:
    """A code no copy has; a clash among 8·10^14 codes is all but impossible, and the unique index holds."""
    code = new_verification_code()
    while IssuedCopy.objects.filter(verification_code=code).exists():
        code = new_verification_code()
    return code


def find_by_code(text: str) -> IssuedCopy | None:
    """The copy a typed verification code names (any digit script, any case, dashes ignored), or None."""
    code = normalise_verification_code(text)
    if code is None:
        return None
    return (
        IssuedCopy.objects.select_related("controlled_revision__page", "recipient_user", "issued_by")
        .filter(verification_code=code)
        .first()
    )


def fix_issued_file(copy: IssuedCopy, pdf: bytes, *, by=None) -> IssuedCopy:
    """Keep ``pdf`` as the file issued for ``copy``, with its SHA-256, once; audited.

    Returns the stored copy: when another request fixed the file first, that file stands and ``pdf`` is
    dropped, so a copy has one issued file whatever the race.
    """
    digest = hashlib.sha256(pdf).hexdigest()
    name = f"copy-{copy.pk}-{copy.verification_code}.pdf"
    try:
        with transaction.atomic():
            locked = IssuedCopy.objects.select_for_update().get(pk=copy.pk)
            if locked.issued_sha256:
                return locked
            locked.issued_file.save(name, ContentFile(pdf), save=False)
            locked.issued_sha256 = digest
            locked.save()
    except IntegrityError:  # the guard refused: someone else fixed it in between
        return IssuedCopy.objects.get(pk=copy.pk)
    controlled = locked.controlled_revision
    record(
        controlled.page.specific,
        FILE_ACTION,
        user=by,
        data={"revision": controlled.number, "copy_number": locked.number, "sha256": digest},
    )
    return locked


def recall_copy(copy: IssuedCopy, *, recalled_by, note: str = "") -> IssuedCopy:
    """Record that an issued copy came back to the quality unit (or was destroyed there)."""
    controlled = copy.controlled_revision
    if not may_issue_copies(recalled_by):
        _refuse(controlled, "ثبت فراخوان نسخه‌ها فقط با مسئول کیفیت است.", recalled_by)
    copy = _mark_recalled(copy, recalled_by=recalled_by, note=note.strip())
    if copy is None:
        _refuse(controlled, "فراخوان این نسخه پیش‌تر ثبت شده است.", recalled_by)
    record(
        controlled.page.specific,
        RECALL_ACTION,
        user=recalled_by,
        data={"revision": controlled.number, "code": controlled.code, "copy_number": copy.number},
    )
    return copy


@transaction.atomic
def _mark_recalled(copy: IssuedCopy, *, recalled_by, note: str) -> IssuedCopy | None:
    """The recalled copy, or None when it had already been recalled."""
    locked = IssuedCopy.objects.select_for_update().get(pk=copy.pk)
    if locked.is_recalled:
        return None
    locked.recalled_on = timezone.localdate()
    locked.recalled_by = recalled_by
    locked.recall_note = note
    locked.save()
    return locked


def recall_list():
    """Copies of revisions no longer in force that are still out, oldest revision first."""
    return (
        IssuedCopy.objects.to_recall()
        .select_related("controlled_revision", "recipient_user", "issued_by")
        .order_by("controlled_revision__page_id", "controlled_revision__number", "number")
    )
