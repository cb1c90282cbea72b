"""Issuing authorities (مرجع صدور) of external documents: a lookup kept as a snippet."""

from django.db import models
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class IssuingAuthority(index.Indexed, models.Model):
    name = models.CharField("نام مرجع", max_length=255, unique=True)
    short_name = models.CharField("نام کوتاه", max_length=100, blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name="مرجع بالادست",
    )
    history = HistoricalRecords()

    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("parent")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_name"),
    ]

    class Meta:
        verbose_name = "مرجع صدور"
        verbose_name_plural = "مراجع صدور"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
