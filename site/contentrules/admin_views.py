"""Admin screen to try a failed firing again, after the cause (a group's addresses, say) is fixed."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from contentrules import services
from contentrules.actions import ActionError
from contentrules.models import Firing


def retry_firing(request, firing_id: int):
    """GET: confirm; POST: a fresh round of attempts. Site administrators only."""
    if not request.user.is_superuser:
        raise PermissionDenied("تلاش دوباره فقط با مدیر سامانه است.")
    firing = get_object_or_404(Firing, pk=firing_id)
    if request.method == "POST":
        try:
            services.retry_now(firing, user=request.user)
        except ActionError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"اجرای «{firing}» دوباره در صف قرار گرفت.")
        return redirect("contentrules_firings:index")
    return TemplateResponse(request, "contentrules/retry_firing.html", {"firing": firing})
