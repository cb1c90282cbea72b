"""News in the site's search (``search.registry``): dated by the day the source ran it, always in force."""

from __future__ import annotations

from wagtail.query import PageQuerySet

from search.registry import Document, SearchableType, Status, register

from .models import NewsPage

KIND = "news"


class NewsSearch(SearchableType):
    model = NewsPage
    date_fields = ("published_on",)
    text_fields = ("summary", "body", "source")

    def kinds(self) -> list[tuple[str, str]]:
        return [(KIND, str(NewsPage._meta.verbose_name))]

    def describe(self, queryset: PageQuerySet) -> list[Document]:
        label = self.kinds()[0][1]
        rows = queryset.values_list("pk", "title", "published_on", "news_number", "first_published_at")
        return [
            Document(
                pk=pk,
                title=title,
                searchable=self,
                kind=KIND,
                kind_label=label,
                number=number,
                date=day,
                status=Status.IN_FORCE,
                published_at=published,
            )
            for pk, title, day, number, published in rows
        ]


register(NewsSearch())
