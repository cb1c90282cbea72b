"""Structured rows of a controlled procedure (seed 000 sections 3, 5, 6, 7, 8)."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

DITTO = '"'


class DefinitionBlock(blocks.StructBlock):
    term = blocks.CharBlock(label="اصطلاح")
    definition = blocks.TextBlock(label="تعریف", required=False)

    class Meta:
        label = "تعریف"
        icon = "doc-full"


class ActivityRowBlock(blocks.StructBlock):
    """One row of the activities table; «"» in a cell means «same as the row above»."""

    # Both optional: the table ends with a row holding only the flowchart's «پایان».
    number = blocks.CharBlock(
        label="ردیف", max_length=10, required=False, help_text="شماره ردیف همان‌گونه که در سند آمده است."
    )
    description = blocks.TextBlock(label="شرح فعالیت", required=False)
    responsible = blocks.CharBlock(
        label="مسئول انجام", required=False, help_text='«"» یعنی همانند ردیف بالا.'
    )
    collaborator = blocks.CharBlock(label="همکار", required=False)
    related_records = blocks.CharBlock(label="مستندات/سوابق مرتبط", required=False)
    flowchart_step = blocks.CharBlock(label="فلوچارت", required=False)

    class Meta:
        label = "ردیف فعالیت"
        icon = "list-ol"


class RecordRowValue(blocks.StructValue):
    """A §6 row as printed: from the linked retention series when there is one, else as typed."""

    _COLUMNS = ("name", "code", "medium", "active_period", "archive_period", "place", "custodian", "disposal")

    def row(self) -> dict:
        series = self.get("series")
        series = getattr(series, "specific", series)
        if series is not None and hasattr(series, "as_row"):
            return {**series.as_row(), "series": series, "linked": True}
        return {**{k: self.get(k) or "" for k in self._COLUMNS}, "series": None, "linked": False}


class RecordRowBlock(blocks.StructBlock):
    """A row of the records list (فهرست سوابق). Linked to a retention series, the row shows the series'
    name, code, medium, periods, place, custodian and disposal; the text fields are the fallback for a
    row not (yet) in the retention schedule."""

    series = blocks.PageChooserBlock(
        label="ردیف جدول نگهداری",
        page_type="records.RetentionSeriesPage",
        required=False,
        help_text="با انتخاب ردیف جدول نگهداری، ستون‌های این سطر از همان ردیف پر می‌شود.",
    )
    name = blocks.CharBlock(label="نام سابقه", required=False)
    code = blocks.CharBlock(label="کد سابقه", required=False)
    medium = blocks.ChoiceBlock(
        label="نوع سابقه",
        choices=[("paper", "کاغذی"), ("electronic", "کامپیوتری"), ("both", "کاغذی و کامپیوتری")],
        required=False,
    )
    active_period = blocks.CharBlock(label="مدت نگهداری جاری", required=False)
    archive_period = blocks.CharBlock(label="مدت نگهداری راکد", required=False)
    place = blocks.CharBlock(label="محل نگهداری", required=False)
    custodian = blocks.CharBlock(label="مسئول نگهداری", required=False)
    disposal = blocks.CharBlock(label="نحوه امحاء", required=False)

    class Meta:
        label = "سابقه"
        icon = "folder-open-inverse"
        value_class = RecordRowValue

    def clean(self, value):
        value = super().clean(value)
        if not value.get("series") and not (value.get("name") or "").strip():
            from django.core.exceptions import ValidationError
            from wagtail.blocks.struct_block import StructBlockValidationError

            raise StructBlockValidationError(
                block_errors={
                    "name": ValidationError("ردیف جدول نگهداری را انتخاب کنید یا نام سابقه را بنویسید.")
                }
            )
        return value


class ExternalDocumentRowBlock(blocks.StructBlock):
    """A row of the external documents list, linked to its external reference page."""

    reference = blocks.PageChooserBlock(
        label="مستند برون‌سازمانی", page_type="procedures.ExternalReferencePage", required=False
    )
    title = blocks.CharBlock(label="عنوان (اگر صفحه‌ای انتخاب نشده)", required=False)
    notes = blocks.CharBlock(label="ملاحظات", required=False)

    class Meta:
        label = "مستند برون‌سازمانی"
        icon = "link"


class AttachmentBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="عنوان پیوست")
    document = DocumentChooserBlock(label="فایل", required=False)

    class Meta:
        label = "پیوست"
        icon = "doc-full-inverse"


def resolve_ditto(rows: list[dict], fields: tuple[str, ...]) -> list[dict]:
    """Copy «"» cells from the row above, as a reader of the paper table would."""
    resolved: list[dict] = []
    for row in rows:
        row = dict(row)
        for field in fields:
            value = (row.get(field) or "").strip()
            if value in {DITTO, "”", "״", "〃"} and resolved:
                row[field] = resolved[-1].get(field, "")
                row[f"{field}_is_ditto"] = True
        resolved.append(row)
    return resolved
