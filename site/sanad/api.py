"""Wagtail API v2: read-only pages, documents and images, searchable.

Every endpoint reads its parameters through ``search.params`` before Wagtail does, and answers bad
input with 400 and a Persian message (``{"detail": …, "message": …}``; ``message`` is the key Wagtail's
clients read) instead of a server error or Wagtail's English.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from modelsearch.query import PlainText
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from jalali.digits import read_integer, to_persian_digits
from sanad.api_fields import ComputedFieldsAreNotFilters
from sanad.api_messages import NOT_FOUND, persian_message, persian_status_message
from search.page_order import in_this_order, matching_page_ids
from search.params import clean_text, has_unsafe_characters
from search.query import MAX_QUERY_LENGTH, AtomKind, parse_query
from subjects.api import DublinCorePagesAPIViewSet

MAX_OFFSET = 10**9  # far past any listing; keeps the database's OFFSET within its integer type
MAX_FIELDS_LENGTH = 500  # Wagtail parses ``fields`` recursively: nesting depth is bounded by its length
MAX_PORT = 65535
# Parameters that name a page by id; «root» is Wagtail's name for the site's root page.
PAGE_ID_PARAMS = {"child_of": True, "descendant_of": True, "translation_of": True, "ancestor_of": False}


def _refuse(message: str) -> None:
    raise BadRequestError(message)


def check_common_parameters(data) -> None:
    """What any endpoint may be given, checked before Wagtail reads it; raises ``BadRequestError``."""
    for name, values in data.lists():
        if has_unsafe_characters(name):
            _refuse("نام پارامتر نویسهٔ کنترلی (مانند NUL) دارد؛ نشانی را بدون آن بنویسید.")
        for value in values:
            # The search text may carry them: the normaliser turns them into spaces, as in /api/search/.
            if name != "search" and has_unsafe_characters(value):
                _refuse(f"مقدار «{name}» نویسهٔ کنترلی (مانند NUL) دارد؛ آن را بدون این نویسه بنویسید.")
    for name, maximum in (("offset", MAX_OFFSET), ("limit", None)):
        value = data.get(name)
        if value is not None and read_integer(value, maximum=maximum) is None:
            if name == "offset":
                _refuse(
                    f"offset «{value[:40]}» درست نیست؛ عددی صحیح از ۰ تا {to_persian_digits(MAX_OFFSET)} بنویسید."
                )
            _refuse(f"limit «{value[:40]}» درست نیست؛ عددی صحیح از ۰ به بالا بنویسید.")
    operator = data.get("search_operator")
    if operator is not None and operator not in ("and", "or"):
        _refuse(
            f"search_operator «{operator[:40]}» شناخته نیست؛ and (همهٔ واژه‌ها) یا or (هر یک از واژه‌ها) بنویسید."
        )
    search = data.get("search")
    if search is not None and len(search) > MAX_QUERY_LENGTH:
        _refuse(f"عبارت جستجو بیش از {to_persian_digits(MAX_QUERY_LENGTH)} نویسه است؛ آن را کوتاه‌تر بنویسید.")
    fields = data.get("fields")
    if fields is not None and len(fields) > MAX_FIELDS_LENGTH:
        _refuse(f"پارامتر fields بیش از {to_persian_digits(MAX_FIELDS_LENGTH)} نویسه است.")
    value = data.get("id")
    if value is not None and read_integer(value) is None:
        _refuse(f"شناسهٔ «{value[:40]}» درست نیست؛ شناسه عددی صحیح است.")
    for name, root_allowed in PAGE_ID_PARAMS.items():
        value = data.get(name)
        if value is not None and not (root_allowed and value == "root") and read_integer(value) is None:
            _refuse(f"«{name}» باید شناسهٔ عددی یک صفحه باشد، نه «{value[:40]}».")
    site = data.get("site")
    if site and ":" in site and read_integer(site.split(":", 1)[1], maximum=MAX_PORT) is None:
        _refuse(f"درگاه (port) در site «{site[:80]}» درست نیست؛ مانند example.org:8000 بنویسید.")


def check_field_filters(data, model: type[models.Model], filterable: set[str]) -> None:
    """Values of ``?<field>=`` filters: numbers and dates are checked here, where Wagtail would pass
    them to the database as they are (an overflowing id or «۱۳۹۹/۱۳/۴۵» as a date is a server error)."""
    for name, value in data.items():
        if name not in filterable:
            continue
        try:
            field = model._meta.get_field(name)
        except LookupError:
            continue
        if isinstance(field, models.ForeignKey):
            field = field.target_field
        if isinstance(field, (models.IntegerField, models.AutoField)):
            if read_integer(value) is None:
                _refuse(f"مقدار «{value[:40]}» برای «{name}» درست نیست؛ عددی صحیح بنویسید.")
        elif isinstance(field, (models.DateField, models.TimeField, models.DecimalField, models.FloatField)):
            try:
                field.to_python(value)
            except (ValidationError, ValueError, TypeError, OverflowError):
                _refuse(f"مقدار «{value[:40]}» برای «{name}» درست نیست.")


class ParsedSearchFilter(SearchFilter):
    """``?search=`` read by the search box's parser (``search.query``), as on /search/ and /api/search/.

    The answer is /search/'s: its documents in its relevance order (``search.rules``), then other pages
    the words match (``search.page_order``), unless ``order`` is given. ``search_operator=or`` over plain
    words keeps Wagtail's meaning (any of the words, backend order). What the parser cannot read is a
    400 with its Persian message.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        parsed = parse_query(clean_text(request.GET["search"]))
        if parsed.errors:
            raise BadRequestError(" ".join(parsed.errors))
        if parsed.is_blank or not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            return super().filter_queryset(request, queryset, view)  # Wagtail's own answer
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        operator = request.GET.get("search_operator")
        if operator != "or" or not all(atom.kind == AtomKind.WORD for atom in parsed.atoms):
            # The one answer: /search/'s documents in its order, then other pages (search.page_order).
            ids = matching_page_ids(parsed, request)
            return queryset.filter(pk__in=ids) if "order" in request.GET else in_this_order(queryset, ids)
        query = PlainText(" ".join(atom.text for atom in parsed.atoms), operator=operator)
        try:
            return get_search_backend().search(query, queryset, order_by_relevance="order" not in request.GET)
        except FilterFieldError as error:
            raise BadRequestError(
                f"cannot filter by '{error.field_name}' while searching (field is not indexed)"
            ) from error
        except OrderByFieldError as error:
            raise BadRequestError(
                f"cannot order by '{error.field_name}' while searching (field is not indexed)"
            ) from error


class PersianRequestsMixin:
    """Bad parameters answered with 400 and a Persian message, on every action of the endpoint."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_common_parameters(request.GET)

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        filterable = set(self.get_available_fields(queryset.model, db_fields_only=True))
        check_field_filters(self.request.GET, queryset.model, filterable)

    def handle_exception(self, exc):
        if isinstance(exc, BadRequestError):
            text = persian_message(str(exc))
            return Response({"detail": text, "message": text}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, Http404):
            return Response({"detail": NOT_FOUND, "message": NOT_FOUND}, status=status.HTTP_404_NOT_FOUND)
        response = super().handle_exception(exc)
        if isinstance(exc, APIException) and response is not None:
            text = persian_status_message(response.status_code)
            response.data = {"detail": text, "message": text}
        return response


class PagesAPIViewSet(PersianRequestsMixin, ComputedFieldsAreNotFilters, DublinCorePagesAPIViewSet):
    filter_backends = [
        ParsedSearchFilter if backend is SearchFilter else backend
        for backend in DublinCorePagesAPIViewSet.filter_backends
    ]


class DocumentsAPIViewSet(PersianRequestsMixin, DocumentsAPIViewSet):
    pass


class ImagesAPIViewSet(PersianRequestsMixin, ImagesAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)  # + dublin_core (issue #7 §5)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
