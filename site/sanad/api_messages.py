"""Wagtail API v2's error messages in Persian.

Wagtail raises ``BadRequestError`` with English sentences from its filters, paginator and ``fields``
parser; each one a client can reach is matched here and said in Persian, keeping the names and values
it quotes. Anything not listed gets a general Persian sentence rather than English.
"""

from __future__ import annotations

import re

NOT_FOUND = "پیدا نشد؛ شناسه یا نشانی را بررسی کنید (صفحه‌های منتشرنشده یا محدود دیده نمی‌شوند)."
GENERAL = "درخواست درست نیست؛ پارامترهای نشانی را بررسی کنید."
FIELDS_HELP = "پارامتر fields درست نوشته نشده است (نام فیلدها با ویرگول جدا، مانند fields=title,slug)."

_ID_PARAM = "«{0}» باید شناسهٔ عددی یک صفحه باشد."
_NO_PAGE = "صفحه‌ای با این شناسه پیدا نشد یا دیدنی نیست."

# (English pattern, Persian template with the pattern's groups); the first full match wins.
_MESSAGES: list[tuple[str, str]] = [
    (
        r"query parameter is not an operation or a recognised field: (.*)",
        "پارامتر «{0}» شناخته نیست؛ پارامتر باید یکی از عملیات API (search، search_operator، limit، offset، "
        "fields، order، type، child_of، descendant_of، ancestor_of، locale، site) یا نام فیلدی از این نوع باشد.",
    ),
    (r"unknown fields: (.*)", "فیلد «{0}» در این نوع نیست؛ نام فیلدها را در fields درست بنویسید."),
    (r"'(.*)' does not support nested fields", "فیلد «{0}» زیرفیلد ندارد؛ پرانتز پس از آن را بردارید."),
    (
        r"type doesn't exist",
        "نوعی که در type نوشته شده نیست؛ آن را به شکل app_label.ModelName بنویسید، مانند "
        "procedures.ExternalReferencePage.",
    ),
    (r"offset must be a positive integer", "offset باید عددی صحیح و نامنفی باشد."),
    (r"limit must be a positive integer", "limit باید عددی صحیح و نامنفی باشد."),
    (r"limit cannot be higher than (\d+)", "limit نمی‌تواند بیشتر از {0} باشد."),
    (
        r"random ordering cannot be combined with other fields",
        "ترتیب تصادفی (order=random) را نمی‌توان با فیلدهای دیگر همراه کرد.",
    ),
    (r"random ordering with offset is not supported", "ترتیب تصادفی (order=random) با offset همراه نمی‌شود."),
    (r"cannot order by '(.*)' \(unknown field\)", "مرتب‌کردن بر پایهٔ «{0}» ممکن نیست: چنین فیلدی نیست."),
    (r"cannot order by '(.*)' \(invalid field\)", "مرتب‌کردن بر پایهٔ «{0}» ممکن نیست: فیلد درست نیست."),
    (r"search is disabled", "جستجو در این API خاموش است."),
    (
        r"filtering by tag with a search query is not supported",
        "پالایش بر پایهٔ برچسب همراه با جستجو ممکن نیست.",
    ),
    (
        r"cannot filter by '(.*)' while searching \(field is not indexed\)",
        "در جستجو نمی‌توان بر پایهٔ «{0}» پالایش کرد (این فیلد نمایه نشده است).",
    ),
    (
        r"cannot order by '(.*)' while searching \(field is not indexed\)",
        "در جستجو نمی‌توان بر پایهٔ «{0}» مرتب کرد (این فیلد نمایه نشده است).",
    ),
    (r"(child_of|ancestor_of|descendant_of|translation_of) must be a positive integer", _ID_PARAM),
    (r"(?:parent|descendant|ancestor|translation_of) page doesn't exist", _NO_PAGE),
    (
        r"filtering by descendant_of with child_of is not supported",
        "descendant_of و child_of را نمی‌توان با هم به کار برد.",
    ),
    (
        r"field filter error\. '(.*)' is not a valid value for (\w+) \(.*\)",
        "مقدار «{0}» برای فیلد «{1}» درست نیست.",
    ),
    (
        r"field filter error\. null characters are not allowed for (\w+)",
        "نویسهٔ NUL در مقدار «{0}» پذیرفته نیست.",
    ),
    (
        r"rich_text_format must be one of (.*), got '(.*)'",
        "rich_text_format «{1}» شناخته نیست؛ یکی از این‌ها را بنویسید: {0}.",
    ),
    (
        r"Your query returned multiple sites\..*",
        "بیش از یک سایت با این نام هست؛ درگاه را هم بنویسید، مانند site=example.org:8000.",
    ),
]
_COMPILED = [(re.compile(pattern, re.DOTALL), template) for pattern, template in _MESSAGES]

# Pieces of ``fields error: …`` (Wagtail's ``parse_fields_parameter``).
_FIELDS_PARTS: list[tuple[str, str]] = [
    (r"unexpected char '(.*)' at position (\d+)", "نویسهٔ نابه‌جای «{0}» در جایگاه {1}."),
    (r"unexpected whitespace at position (\d+)", "فاصلهٔ نابه‌جا در جایگاه {0}."),
    (r"'(.*)' must be in the first position", "«{0}» باید نخستین مورد باشد."),
    (r"'(.*)' cannot be negated", "«{0}» را نمی‌توان با «-» کنار گذاشت."),
    (r"negated fields with '_' doesn't make sense", "کنار گذاشتن فیلد همراه با «_» معنا ندارد."),
    (r"additional fields with '\*' doesn't make sense", "افزودن فیلد همراه با «*» معنا ندارد."),
    (r"unexpected end of input.*", "پرانتزی باز شده و بسته نشده است."),
]
_COMPILED_FIELDS = [(re.compile(pattern, re.DOTALL), template) for pattern, template in _FIELDS_PARTS]

_STATUS = {
    404: NOT_FOUND,
    405: "این روش درخواست پذیرفته نیست؛ این API فقط خواندنی است (GET).",
    406: "قالب خواسته‌شده پشتیبانی نمی‌شود؛ format=json بنویسید.",
    429: "درخواست‌ها بیش از اندازه است؛ کمی بعد دوباره بکوشید.",
}


def _match(message: str, table: list[tuple[re.Pattern[str], str]]) -> str | None:
    for pattern, template in table:
        match = pattern.fullmatch(message)
        if match:
            return template.format(*match.groups())
    return None


def persian_message(message: str) -> str:
    """Wagtail's English ``BadRequestError`` text in Persian; Persian text (Sanad's own) is kept."""
    if not re.search(r"[A-Za-z]", message) or re.search(r"[\u0600-\u06ff]", message):
        return message
    if message.startswith("fields error: "):
        part = _match(message.removeprefix("fields error: "), _COMPILED_FIELDS)
        return f"{FIELDS_HELP} {part}" if part else FIELDS_HELP
    return _match(message, _COMPILED) or GENERAL


def persian_status_message(status_code: int) -> str:
    """Django REST framework's own errors (method, format, throttling) by status."""
    return _STATUS.get(status_code, GENERAL)
