"""``{% dublin_core_meta page %}``: the Dublin Core ``<link>`` and ``<meta>`` elements of a page's head."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from subjects.dublin_core import meta_elements

register = template.Library()


@register.simple_tag(takes_context=True)
def dublin_core_meta(context, page=None) -> SafeString:
    if not isinstance(page, Page):
        return mark_safe("")  # the search page and error pages have no page: no metadata
    rows = []
    for element in meta_elements(page, context.get("request")):
        extra = ""
        if "scheme" in element:
            extra = format_html(' scheme="{}"', element["scheme"])
        elif "lang" in element:
            extra = format_html(' lang="{}"', element["lang"])
        rows.append((element["name"], element["content"], extra))
    links = format_html(
        '<link rel="schema.DC" href="{}">\n    <link rel="schema.DCTERMS" href="{}">\n',
        "http://purl.org/dc/elements/1.1/",
        "http://purl.org/dc/terms/",
    )
    return links + format_html_join("\n", '    <meta name="{}" content="{}"{}>', rows)
