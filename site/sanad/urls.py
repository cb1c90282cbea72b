from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from custody.admin_views import delete_page
from procedures import verify_views
from procedures.admin_compare import compare_view
from subscriptions import api as subscriptions_api

from .api import api_router
from .media import public_media

urlpatterns = [
    # In front of Wagtail's own delete view (same path): a page published revisions cite is refused with
    # its Persian reason, before Wagtail's generic "no permission" (custody, issue #10 §2).
    path("admin/pages/<int:page_id>/delete/", delete_page, name="custody_delete_page"),
    # In front of Wagtail's comparison of a page's revisions (same address): auditors may read it too
    # (procedures.admin_compare, issue 13 §4).
    re_path(
        r"^admin/pages/(?P<pk>\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\d+)\.\.\.(?P<revision_id_b>live|latest|\d+)/$",
        compare_view,
        name="procedures_revisions_compare",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/evaluation/", include("records.evaluation.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("pdf/", include("procedures.pdf.urls")),
    path("verify/", verify_views.verify_index, name="verify_index"),
    path("verify/<str:code>/", verify_views.verify_copy, name="verify_copy"),
    path("api/verify/<str:code>/", verify_views.verify_copy_api, name="verify_copy_api"),
    path("api/subscriptions/", subscriptions_api.my_subscriptions, name="subscriptions_api"),
    path("", include("search.urls")),
    path("", include("smartfolders.urls")),  # collections' …/export.csv, …/export.xlsx
    path("subjects/", include("subjects.urls")),
    path("subscriptions/", include("subscriptions.urls")),
    # Public images only; never documents, records or evidence (sanad.media).
    path(settings.MEDIA_URL.strip("/") + "/<path:path>", public_media, name="public_media"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

urlpatterns += [path("", include(wagtail_urls))]
