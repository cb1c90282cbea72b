"""Record numbers a person can read aloud and type: a running number per retention series and Solar
Hijri year (issue 14), kept in one row per series and year that only ever counts up."""

from __future__ import annotations

from django.db import models


class RecordNumberSequence(models.Model):
    series = models.ForeignKey(
        "records.RetentionSeriesPage",
        on_delete=models.PROTECT,
        related_name="number_sequences",
        verbose_name="ردیف جدول نگهداری",
    )
    year = models.PositiveIntegerField("سال (شمسی)")
    last = models.PositiveIntegerField("آخرین شماره", default=0)

    class Meta:
        verbose_name = "شماره‌گذاری سوابق"
        verbose_name_plural = "شماره‌گذاری سوابق"
        constraints = [
            models.UniqueConstraint(fields=["series", "year"], name="one_record_sequence_per_series_year")
        ]

    def __str__(self) -> str:
        return f"{self.series_id}/{self.year}: {self.last}"
