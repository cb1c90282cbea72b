"""StreamField blocks edited as Jalali dates (Wagtail's DateBlock and DateTimeBlock show Gregorian)."""

from __future__ import annotations

from functools import cached_property

from wagtail import blocks

from .forms import JalaliDateField, JalaliDateTimeField


class JalaliDateBlock(blocks.DateBlock):
    """A date block edited as Jalali; the stored value is still an ISO Gregorian date."""

    @cached_property
    def field(self) -> JalaliDateField:
        return JalaliDateField(**self.field_options)


class JalaliDateTimeBlock(blocks.DateTimeBlock):
    """A date-time block edited as Jalali date plus «HH:MM»."""

    @cached_property
    def field(self) -> JalaliDateTimeField:
        return JalaliDateTimeField(**self.field_options)
