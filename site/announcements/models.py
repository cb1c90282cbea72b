"""The announcements board (seed 003): notices with a Jalali display window, attachments, an audience,
and links to the circulars and letters they cite."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from jalali.calendar import jalali_month_bounds, jalali_year_bounds
from search.attachments import AttachmentTextMixin
from subjects.models import SubjectTaggedItem
from subjects.widgets import tags_panel

from .api_fields import announcement_fields
from .audience import AGENCY_COLLECTION_NAME, Audience, is_private, sync_view_restriction
from .visibility import refused_response, visible_to
from .window import (
    jalali_year_month,
    last_day_of,
    month_label,
    window_closes_at,
    window_opens_at,
    window_state,
)

#: Page types an announcement may link to: circulars and letters, and evaluation cycles (issue 5).
#: Another kind joins by adding its model here; the link itself is to any page, so no migration.
RELATED_PAGE_TYPES = ["procedures.ExternalReferencePage", "evaluation.EvaluationCyclePage"]

#: Path words the index keeps for itself; an announcement may not take them as its slug.
RESERVED_SLUGS = {"archive", "feed"}


class AnnouncementIndexPage(RoutablePageMixin, Page):
    """The board: announcements showing now, an archive by Jalali year and month, an Atom feed.

    An announcement keeps its address after its window closes: Wagtail unpublishes it (it is no longer
    live), and the board serves it from the archive at the same address, marked as ended.
    """

    intro = RichTextField("معرفی", blank=True)
    per_page = models.PositiveSmallIntegerField("تعداد در هر صفحه", default=10)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("per_page")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]
    subpage_types = ["announcements.AnnouncementPage"]
    parent_page_types = ["home.HomePage", "home.SectionIndexPage"]

    class Meta:
        verbose_name = "تابلوی اطلاعیه‌ها"
        verbose_name_plural = "تابلوهای اطلاعیه‌ها"

    # --- queries -----------------------------------------------------------------------------------

    def announcements(self):
        return AnnouncementPage.objects.child_of(self)

    def showing(self, request, now: dt.datetime | None = None):
        """Live announcements inside their window, newest first, that this reader may see.

        The window is checked here too, not only by ``publish_scheduled``, so a notice leaves the board
        at the minute it ends even if the cron job runs late.
        """
        now = now or timezone.now()
        qs = (
            self.announcements()
            .live()
            .filter(models.Q(go_live_at__isnull=True) | models.Q(go_live_at__lte=now))
            .filter(models.Q(expire_at__isnull=True) | models.Q(expire_at__gt=now))
        )
        return visible_to(qs, request).order_by("-display_from", "-first_published_at")

    def ended(self, request, now: dt.datetime | None = None):
        """Announcements whose window has closed and that were published once: the archive."""
        now = now or timezone.now()
        qs = self.announcements().filter(expire_at__lte=now, first_published_at__isnull=False)
        return visible_to(qs, request).order_by("-display_from", "-expire_at")

    # --- routing -----------------------------------------------------------------------------------

    def route(self, request, path_components):
        # Children first (a live announcement is served by itself); the board's own routes after,
        # so an ended announcement that is no longer live falls through to ``ended_announcement``.
        if self.live and path_components and path_components[0] not in RESERVED_SLUGS:
            try:
                return Page.route(self, request, path_components)
            except Http404:
                pass
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["board"] = self
        return context

    @path("")
    def board(self, request):
        paginator = Paginator(self.showing(request), self.per_page or 10)
        page_obj = paginator.get_page(request.GET.get("page"))
        context = self.get_context(request)
        context.update({"announcements": page_obj, "archive_months": self.archive_months(request)[:6]})
        return TemplateResponse(request, "announcements/announcement_index_page.html", context)

    def archive_months(self, request) -> list[dict]:
        """[{year, month, label, count}] of ended announcements, newest month first."""
        months: OrderedDict[tuple[int, int], int] = OrderedDict()
        for day in self.ended(request).values_list("display_from", flat=True):
            key = jalali_year_month(day)
            months[key] = months.get(key, 0) + 1
        return [
            {"year": y, "month": m, "label": month_label(y, m), "count": n}
            for (y, m), n in sorted(months.items(), reverse=True)
        ]

    @path("archive/")
    def archive(self, request):
        return self._archive(request, self.ended(request), heading="بایگانی اطلاعیه‌ها")

    @path("archive/<int:year>/")
    def archive_year(self, request, year: int):
        try:
            first, last = jalali_year_bounds(year)
        except Exception as error:
            raise Http404("سال نامعتبر است") from error
        qs = self.ended(request).filter(display_from__range=(first, last))
        return self._archive(
            request, qs, heading=f"بایگانی اطلاعیه‌های سال {month_label(year, 1).split()[-1]}"
        )

    @path("archive/<int:year>/<int:month>/")
    def archive_month(self, request, year: int, month: int):
        try:
            first, last = jalali_month_bounds(year, month)
        except Exception as error:
            raise Http404("ماه نامعتبر است") from error
        qs = self.ended(request).filter(display_from__range=(first, last))
        return self._archive(request, qs, heading=f"بایگانی اطلاعیه‌های {month_label(year, month)}")

    def _archive(self, request, queryset, heading: str):
        paginator = Paginator(queryset, self.per_page or 10)
        context = self.get_context(request)
        context.update(
            {
                "announcements": paginator.get_page(request.GET.get("page")),
                "archive_months": self.archive_months(request),
                "heading": heading,
            }
        )
        return TemplateResponse(request, "announcements/archive.html", context)

    @path("feed/")
    def feed(self, request):
        from .feeds import AnnouncementFeed

        return AnnouncementFeed(self)(request)

    @path("<str:slug>/")
    def ended_announcement(self, request, slug: str):
        """An announcement whose window has closed, at its own address, marked as ended.

        Only ended ones: a scheduled announcement whose window has not opened stays unseen.
        """
        page = self.announcements().filter(slug=slug).first()
        if page is None or page.first_published_at is None or page.window_state() != "ended":
            raise Http404("اطلاعیه یافت نشد")
        refused = refused_response(page, request)
        if refused is not None:
            return refused
        return TemplateResponse(request, page.get_template(request), page.get_context(request))


class AnnouncementPage(AttachmentTextMixin, Page):
    """One notice. Its display window drives Wagtail's scheduled publishing: the page goes live when
    the window opens and is unpublished (expired) when it closes, by ``publish_scheduled``."""

    display_from = models.DateField("نمایش از", help_text="نخستین روز نمایش (شمسی).")
    display_to = models.DateField(
        "نمایش تا", null=True, blank=True, help_text="آخرین روز نمایش؛ خالی یعنی تا زمان حذف."
    )
    audience = models.CharField("مخاطبان", max_length=20, choices=Audience.choices, default=Audience.PUBLIC)
    addressee = models.CharField(
        "گیرنده", max_length=255, blank=True, help_text="مثلاً «روسای محترم ادارات ارزیابی عملکرد استان»."
    )
    summary = models.TextField("خلاصه", blank=True, help_text="یک یا دو جمله برای فهرست‌ها و خوراک.")
    body = RichTextField("متن اطلاعیه")
    note = models.TextField("یادداشت ویراستار", blank=True, help_text="برای نمایش در پایین اطلاعیه.")
    tags = ClusterTaggableManager(
        "موضوعات", through="announcements.TaggedAnnouncement", blank=True, related_name="announcements"
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("display_from"), FieldPanel("display_to")]), FieldPanel("audience")],
            heading="دوره نمایش و مخاطبان",
            help_text="اطلاعیه در نخستین روز دوره خودکار منتشر و پس از آخرین روز خودکار به بایگانی می‌رود.",
        ),
        FieldPanel("addressee"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", heading="پیوست‌ها", label="پیوست"),
        InlinePanel("related_links", heading="بخشنامه‌ها و نامه‌های مرتبط", label="سند مرتبط"),
        tags_panel(),
        FieldPanel("note"),
    ]
    # The window replaces Wagtail's own go-live/expiry fields: one source of truth for the schedule.
    settings_panels: list = []
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("addressee"),
        index.SearchField("note"),
        index.SearchField("attachment_titles"),
        index.SearchField("attachment_text"),  # the text inside attached files (search.attachments)
        index.FilterField("display_from"),
        index.FilterField("audience"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = announcement_fields()  # body, window, attachments, cited documents (api_fields.py)
    parent_page_types = ["announcements.AnnouncementIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "اطلاعیه"
        verbose_name_plural = "اطلاعیه‌ها"

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = "این نامک برای بایگانی و خوراک تابلو کنار گذاشته شده است؛ نامک دیگری بنویسید."
        if self.display_from and self.display_to and self.display_to < self.display_from:
            errors["display_to"] = "پایان دوره نمایش نمی‌تواند پیش از آغاز آن باشد."
        if errors:
            raise ValidationError(errors)
        if self.audience == Audience.AGENCIES:
            exposed = [
                a.title for a in self.attachments.all() if a.document_id and not is_private(a.document)
            ]
            if exposed:
                raise ValidationError(
                    "پیوست‌های اطلاعیه ویژه دستگاه‌ها باید در مجموعه‌ای با محدودیت دسترسی باشند "
                    f"(مثلاً «{AGENCY_COLLECTION_NAME}»)؛ این پیوست‌ها برای همه باز است: " + "، ".join(exposed)
                )
        self.apply_window()

    def apply_window(self) -> None:
        """Copy the window to Wagtail's scheduling fields."""
        self.go_live_at = window_opens_at(self.display_from) if self.display_from else None
        self.expire_at = window_closes_at(self.display_to) if self.display_to else None

    def save(self, *args, **kwargs):
        self.apply_window()
        result = super().save(*args, **kwargs)
        # A draft (saved with update_fields) may narrow the audience at once but never widen it:
        # a notice becomes public only when the revision saying so is published.
        if kwargs.get("update_fields") is None or self.audience == Audience.AGENCIES:
            sync_view_restriction(self, self.audience)
        return result

    def attachment_titles(self) -> str:
        return "\n".join(a.title for a in self.attachments.all())

    def window_state(self, now: dt.datetime | None = None) -> str:
        return window_state(self.go_live_at, self.expire_at, now or timezone.now())

    @property
    def last_day(self) -> dt.date | None:
        return last_day_of(self.expire_at) if self.expire_at else self.display_to

    @property
    def board(self) -> AnnouncementIndexPage | None:
        parent = self.get_parent()
        return parent.specific if parent else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["state"] = self.window_state()
        context["related"] = [
            link.page.specific for link in self.related_links.select_related("page") if link.page.live
        ]
        return context


class TaggedAnnouncement(SubjectTaggedItem):
    """A notice's subject keywords (issue #7 §1); a ``ParentalKey``, so they live in page revisions."""

    content_object = ParentalKey(AnnouncementPage, on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = "موضوع اطلاعیه"
        verbose_name_plural = "موضوعات اطلاعیه‌ها"
        unique_together = [("content_object", "tag")]


class AnnouncementAttachment(Orderable):
    """A file attached to a notice (pdf, zip, xlsx…), kept as a Wagtail document.

    Documents of an agencies-only notice must sit in a collection with its own view restriction:
    a document's privacy comes from its collection, not from the page that links it.
    """

    page = ParentalKey(AnnouncementPage, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField("عنوان پیوست", max_length=255)
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.PROTECT, related_name="+", verbose_name="فایل"
    )

    panels = [FieldPanel("title"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = "پیوست"
        verbose_name_plural = "پیوست‌ها"

    @property
    def extension(self) -> str:
        return self.document.file_extension.lower() if self.document_id else ""


class AnnouncementRelatedLink(Orderable):
    """A circular, letter or (later) evaluation cycle the notice refers to."""

    source = ParentalKey(AnnouncementPage, on_delete=models.CASCADE, related_name="related_links")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="سند یا صفحه مرتبط"
    )

    panels = [PageChooserPanel("page", page_type=RELATED_PAGE_TYPES)]

    class Meta(Orderable.Meta):
        verbose_name = "سند مرتبط"
        verbose_name_plural = "اسناد مرتبط"


__all__ = [
    "RELATED_PAGE_TYPES",
    "AnnouncementAttachment",
    "AnnouncementIndexPage",
    "AnnouncementPage",
    "AnnouncementRelatedLink",
    "Audience",
    "TaggedAnnouncement",
]
