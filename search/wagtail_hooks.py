"""The admin's page search reads queries with the search box's parser (``search.admin_search``)."""

from wagtail import hooks


@hooks.register("register_admin_viewset")
def register_parsed_page_search():
    # Registered after Wagtail's own base page viewset (its hook runs first, order=-1), so this one serves
    # every page type without a viewset of its own, and the page search for all of them.
    from search.admin_search import SanadPageViewSet

    return SanadPageViewSet()
