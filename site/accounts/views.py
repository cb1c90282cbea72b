"""The administrator's screen of login lockouts («قفل‌های ورود») and its unlock button."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from accounts import lockout


def _require_superuser(request) -> None:
    if not request.user.is_superuser:
        raise PermissionDenied("فقط مدیر سامانه قفل ورود را برمی‌دارد.")


def locks(request):
    _require_superuser(request)
    return TemplateResponse(request, "accounts/locks.html", {"locks": lockout.current_locks()})


@require_POST
def unlock(request, attempt_id: int):
    _require_superuser(request)
    try:
        lockout.unlock(attempt_id, by=request.user)
    except lockout.AccessAttempt.DoesNotExist:
        messages.error(request, "این قفل پیش‌تر برداشته شده است.")
    else:
        messages.success(request, "قفل ورود برداشته شد و در گزارش ممیزی ثبت شد.")
    return redirect("accounts_locks")
