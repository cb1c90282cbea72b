"""Who people are in the organisation: the position a signer signs under."""

from django.conf import settings
from django.db import models


class StaffProfile(models.Model):
    """A person's position (سمت) and unit, printed under their sign-off."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile", verbose_name="کاربر"
    )
    position = models.CharField("سمت", max_length=255)
    unit = models.CharField("واحد سازمانی", max_length=255, blank=True)

    class Meta:
        verbose_name = "مشخصات سازمانی کارکنان"
        verbose_name_plural = "مشخصات سازمانی کارکنان"

    def __str__(self) -> str:
        return f"{display_name(self.user)} — {self.position}"


def display_name(user) -> str:
    """The name to print for a user: full name when known, else the username."""
    full = user.get_full_name().strip() if user else ""
    return full or (user.get_username() if user else "")


def position_of(user) -> str:
    """The user's position, or an empty string when no profile has been recorded."""
    profile = getattr(user, "staff_profile", None) if user else None
    try:
        return profile.position if profile else ""
    except StaffProfile.DoesNotExist:
        return ""
