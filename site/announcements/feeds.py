"""The board's Atom feed: public announcements showing now. Restricted ones never appear, whoever asks:
feed readers fetch without a session, and a cached feed must not leak."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags


class AnnouncementFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, board):
        super().__init__()
        self.board = board

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.board

    def title(self, board):
        return board.title

    def link(self, board):
        return board.get_url(request=self.request)

    def subtitle(self, board):
        return strip_tags(board.intro) or "اطلاعیه‌های جاری"

    def feed_url(self, board):
        return board.get_url(request=self.request) + "feed/"

    def items(self, board):
        now = timezone.now()
        return list(
            board.announcements()
            .live()
            .public()
            .filter(go_live_at__lte=now)
            .exclude(expire_at__lte=now)
            .order_by("-display_from")[:30]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or strip_tags(item.body)[:400]

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        return item.go_live_at or item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.go_live_at
