"""Subjects (موضوعات): one normalised tag model shared by every taggable content type.

``SubjectTag`` is a django-taggit tag whose identity is ``key`` (see ``subjects.names``): «آیین‌نامه»,
«آيين نامه» and «آیین نامه» land on one row, whichever path adds them (the admin's tag field, ``.add()``,
``.set()``, the demo). Content models declare their own through model from ``SubjectTaggedItem`` with a
``content_object`` (a ``ParentalKey`` for pages, so tags live in page revisions).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from taggit.models import ItemBase, TagBase

from subjects.names import MAX_NAME_LENGTH, display_name, subject_key, subject_slug


class SubjectTagQuerySet(models.QuerySet):
    def for_typed(self, typed: str):
        """Subjects matching ``typed`` however it is written (slug or any spelling of the name)."""
        key = subject_key(typed)
        return self.filter(models.Q(slug=str(typed).strip()) | models.Q(key=key)) if key else self.none()

    def get_or_create(self, defaults=None, **kwargs):
        """Taggit creates missing tags with ``…using(db).get_or_create(name=…)`` (a queryset, not the
        manager): look them up by key instead, so another spelling of an existing subject reuses it."""
        typed = kwargs.get("name", kwargs.get("name__iexact"))
        if typed is None or set(kwargs) - {"name", "name__iexact"}:
            return super().get_or_create(defaults=defaults, **kwargs)
        key = subject_key(typed)
        if not key:
            raise ValidationError("موضوع خالی است؛ واژه‌ای برای موضوع بنویسید.")
        existing = self.filter(key=key).first()
        if existing is not None:
            return existing, False
        try:
            with transaction.atomic(using=self.db):
                return self.create(name=typed), True
        except IntegrityError:  # created meanwhile by another request
            return self.get(key=key), False


class SubjectTag(TagBase):
    name = models.CharField("نام موضوع", max_length=MAX_NAME_LENGTH, unique=True)
    slug = models.SlugField("نامک", max_length=100, unique=True, allow_unicode=True)
    key = models.CharField(
        "کلید یکسان‌شده",
        max_length=MAX_NAME_LENGTH * 2,
        unique=True,
        editable=False,
        help_text="شکل یکسان‌شدهٔ نام (ی/ي، ک/ك، نیم‌فاصله و رقم‌ها)؛ هر موضوع یک بار ثبت می‌شود.",
    )

    objects = SubjectTagQuerySet.as_manager()

    class Meta:
        verbose_name = "موضوع"
        verbose_name_plural = "موضوعات"
        ordering = ["name"]

    def clean(self):
        super().clean()
        key = subject_key(self.name)
        if not key:
            raise ValidationError({"name": "موضوع خالی است؛ واژه‌ای برای موضوع بنویسید."})
        twin = SubjectTag.objects.filter(key=key).exclude(pk=self.pk).first()
        if twin is not None:
            raise ValidationError({"name": f"موضوع «{twin.name}» با همین نام (به نگارشی دیگر) ثبت شده است."})

    def save(self, *args, **kwargs):
        self.name = display_name(self.name)
        self.key = subject_key(self.name)
        if not self.key:
            raise ValidationError("موضوع خالی است؛ واژه‌ای برای موضوع بنویسید.")
        if not self.slug:
            self.slug = self._free_slug()
        return super().save(*args, **kwargs)

    def _free_slug(self) -> str:
        base = subject_slug(self.name)
        slug, n = base, 1
        while SubjectTag.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("subjects:detail", args=[self.slug])


class SubjectTaggedItem(ItemBase):
    """Base of every content type's through model; subclasses add ``content_object``."""

    tag = models.ForeignKey(
        SubjectTag,
        on_delete=models.CASCADE,
        related_name="%(app_label)s_%(class)s_items",
        verbose_name="موضوع",
    )

    class Meta:
        abstract = True
