"""Demo news (seed 004): the news item as its source ran it, under «اخبار» on the home page."""

from __future__ import annotations

from django.utils.html import escape

from home.demo import seed_text
from jalali.parsing import parse_jalali
from news.models import NewsIndexPage, NewsPage


def body_html(item: seed_text.NewsItem) -> str:
    return "".join(
        f"<h2>{escape(p)}</h2>" if p in item.headings else f"<p>{escape(p)}</p>" for p in item.paragraphs
    )


def load_demo(loader) -> None:
    index = NewsIndexPage.objects.child_of(loader.home).first()
    if index is None:
        index = loader.home.add_child(
            instance=NewsIndexPage(
                title="اخبار",
                slug="news",
                intro="<p>اخبار ارزیابی عملکرد و مدیریت کیفیت، با تاریخ و شماره‌ای که منبع خبر منتشر کرده است.</p>",
            )
        )
        loader.say("فهرست اخبار ساخته شد")
    item = seed_text.news_item()
    if NewsPage.objects.child_of(index).filter(news_number=item.number).exists():
        return
    page = index.add_child(
        instance=NewsPage(
            title=item.title,
            slug=f"news-{item.number}",
            published_on=parse_jalali(item.date),
            news_number=item.number,
            source=item.source,
            body=body_html(item),
        )
    )
    page.save_revision().publish()
    loader.say(f"خبر {item.number} (سند ۰۰۴) منتشر شد")
