from django.apps import AppConfig


class SmartfoldersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "smartfolders"
    verbose_name = "مجموعه‌های جست‌وجو"

    def ready(self) -> None:
        from .exports import serve_export
        from .feeds import serve_feed
        from .forms import SavedSearchPageForm
        from .listing import serve_listing
        from .models import SavedSearchPage

        # The page's form and views import the model; the model does not import them (issue 15).
        SavedSearchPage.base_form_class = SavedSearchPageForm
        SavedSearchPage.route_views.register(listing=serve_listing, feed=serve_feed, export=serve_export)
