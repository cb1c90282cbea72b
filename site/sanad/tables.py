"""Reading an uploaded list (CSV or XLSX) into numbered rows of text cells, for every import.

The retention register (records.register_io) and the references (procedures.reference_import) read
their files here, so a list is refused for the same reasons, with the same Persian messages, wherever
it is uploaded.
"""

from __future__ import annotations

import csv
import io

from jalali.digits import to_persian_digits


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_rows(
    name: str, data: bytes, *, max_bytes: int, refuse: type[Exception]
) -> list[tuple[int, list[str]]]:
    """(row number, cells) of a CSV or XLSX file, header first.

    What is neither, too large, damaged or not UTF-8 raises ``refuse([Persian message])``.
    """
    if len(data) > max_bytes:
        megabytes = to_persian_digits(str(max_bytes // (1024 * 1024)))
        raise refuse([f"حجم فایل بیش از {megabytes} مگابایت است."])
    if data[:4] == b"PK\x03\x04":
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            rows = [
                (i, [_cell(c) for c in row])
                for i, row in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1)
            ]
            book.close()
        except Exception:  # openpyxl raises many kinds for a damaged file
            raise refuse(["فایل XLSX خوانا نیست یا آسیب دیده است."]) from None
        return rows
    if name.lower().endswith(".xlsx"):
        raise refuse(["محتوای فایل XLSX نیست؛ پرونده اکسل (xlsx) یا CSV با کدگذاری UTF-8 بفرستید."])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise refuse(["فایل CSV باید با کدگذاری UTF-8 ذخیره شده باشد."]) from None
    if "\x00" in text:
        raise refuse(["فایل متن CSV نیست."])
    return [(i, [c.strip() for c in row]) for i, row in enumerate(csv.reader(io.StringIO(text)), start=1)]
