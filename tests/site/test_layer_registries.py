"""What the lower layers own and the upper ones fill in at ``ready()`` (issue 15): the pages' views and
forms, the activation of an approved revision, and what links a record to an evaluation cycle."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from sanad.route_registry import RouteViews


def test_a_route_whose_view_was_never_registered_is_a_configuration_error():
    views = RouteViews("TestPage")
    views.register(listing=lambda request, page: ("listed", page))
    assert views.serve("listing", "request", "page") == ("listed", "page")
    with pytest.raises(ImproperlyConfigured, match="feed"):
        views.serve("feed", "request", "page")


def test_the_pages_routes_reach_the_views_registered_at_ready():
    from procedures import compare_views
    from procedures.models.routes import ControlledPageRoutes
    from records.evaluation import views_public
    from records.evaluation.models import EvaluationIndexPage
    from smartfolders import exports, feeds, listing
    from smartfolders.models import SavedSearchPage

    assert ControlledPageRoutes.route_views._views == {
        "compare_choice": compare_views.serve_choice,
        "compare": compare_views.serve_compare,
    }
    assert EvaluationIndexPage.route_views._views == {
        "indicator_bank": views_public.indicator_bank,
        "indicator_detail": views_public.indicator_detail,
    }
    assert SavedSearchPage.route_views._views == {
        "listing": listing.serve_listing,
        "feed": feeds.serve_feed,
        "export": exports.serve_export,
    }


def test_the_pages_edit_forms_are_set_at_ready():
    from records.evaluation.forms import EvaluationCyclePageForm
    from records.evaluation.models import EvaluationCyclePage
    from smartfolders.forms import SavedSearchPageForm
    from smartfolders.models import SavedSearchPage

    assert EvaluationCyclePage.base_form_class is EvaluationCyclePageForm
    assert SavedSearchPage.base_form_class is SavedSearchPageForm
    assert issubclass(EvaluationCyclePage.get_edit_handler().get_form_class(), EvaluationCyclePageForm)


def test_an_approved_revision_cannot_go_live_unnoticed_when_nobody_activates_it():
    from procedures import services, signals
    from procedures.models import ControlledRevision

    signal = signals.approved_revision_live
    assert signal.has_listeners(ControlledRevision)
    signal.disconnect(sender=ControlledRevision, dispatch_uid="sanad-activate-revision")
    try:
        with pytest.raises(ImproperlyConfigured):
            signals.send_approved_revision_live(ControlledRevision())
    finally:
        signal.connect(
            services.activate_when_live, sender=ControlledRevision, dispatch_uid="sanad-activate-revision"
        )
    assert signal.has_listeners(ControlledRevision)


def test_evaluation_tells_records_which_of_its_models_link_a_record_to_a_cycle():
    from records.cycle_links import cycle_links
    from records.evaluation.models import EvidenceFile, ObjectionFile

    assert set(cycle_links()) == {
        (EvidenceFile, "answer__submission__cycle_id"),
        (ObjectionFile, "objection__submission__cycle_id"),
    }
