"""Saved views on Explore: names, listing, saving over a name, deleting, restoring the address."""

from __future__ import annotations

from typing import Any

import pytest
from dash.exceptions import PreventUpdate

from maillage.dashboard import ids
from maillage.dashboard.presenters import saved_views, view_state
from maillage.dashboard.sources import Sources
from maillage.graph.saved_views import InvalidViewName, SavedView, view_name

FILTERED = "?territory=Nantes&colour=community&sectors=association%2Cpublic&year=2020&actor=n1"


def writers(maillage: Any, language: str = "en") -> Sources:
    return Sources(
        maillage, may_write=lambda: True, user=lambda: "marie", language=lambda: language
    )


def viewers(maillage: Any) -> Sources:
    return Sources(maillage, lambda: False, may_write=lambda: False, user=lambda: "paul")


def save(sources: Sources, name: str | None, search: str = FILTERED) -> tuple[Any, ...]:
    return saved_views.saved_views_view(sources, ids.SAVED_VIEW_SAVE, "Nantes", name, search, None)


@pytest.mark.parametrize("typed", ["", "   ", None, "x" * 81])
def test_a_name_is_trimmed_non_empty_and_at_most_80_characters(typed):
    assert view_name("  Les assos  ") == "Les assos" and view_name("x" * 80) == "x" * 80
    with pytest.raises(InvalidViewName):
        view_name(typed)


def test_the_address_of_a_saved_view_restores_the_view_it_was_saved_from():
    view = saved_views.view_of("Nantes", "Assos", FILTERED)
    assert view == SavedView("Nantes", "Assos", "community", ("association", "public"), 2020, "n1")
    assert saved_views.href_of(view) == "/" + FILTERED
    assert view_state.parse(saved_views.href_of(view)[1:]) == view_state.parse(FILTERED)
    plain = saved_views.view_of("Nantes", "All", "")
    assert saved_views.href_of(plain) == "/?territory=Nantes"


def test_a_saved_view_keeps_the_tie_kinds_the_minimum_weight_and_the_reach(maillage):
    """Issue 11: the tie-kind filter, the minimum weight and "2/3 hops" were not saved."""
    search = "?territory=Nantes&kinds=funding&min_weight=2&hops=3&actor=n1"
    view = saved_views.view_of("Nantes", "Heavy", search)
    assert (view.kinds, view.min_weight, view.hops) == (("funding",), 2, 3)
    assert saved_views.href_of(view) == "/" + search
    _options, links, *_ = save(writers(maillage), "Heavy", search)
    assert links == {"Heavy": "/" + search}
    (stored,) = maillage.saved_views("Nantes")
    assert stored == view


def test_a_facilitator_saves_a_view_and_it_is_listed_with_its_address(maillage):
    options, links, message, style, alert = save(writers(maillage), "  Assos 2020 ")
    assert options == [{"label": "Assos 2020", "value": "Assos 2020"}]
    assert links == {"Assos 2020": "/" + FILTERED}
    assert message == "View “Assos 2020” saved." and alert is None
    assert style == saved_views.SHOWN
    (stored,) = maillage.saved_views("Nantes")
    assert stored.sectors == ("association", "public") and stored.actor == "n1"


def test_saving_under_a_name_taken_replaces_the_view_and_says_so(maillage):
    save(writers(maillage), "Assos")
    *_, message, _style, _alert = save(writers(maillage), "Assos", "?territory=Nantes")
    assert "replaces the one saved under that name" in message
    (stored,) = maillage.saved_views("Nantes")
    assert stored.sectors is None and stored.colour == "sector"


def test_the_messages_are_french_for_a_french_reader(maillage):
    *_, message, _style, _alert = save(writers(maillage, "fr"), "Assos")
    assert message == "Vue « Assos » enregistrée."
    *_, alert = save(writers(maillage, "fr"), "  ")
    assert "Donnez à la vue un nom" in str(alert)


@pytest.mark.parametrize("typed", ["", "x" * 81])
def test_a_name_empty_or_too_long_saves_nothing_and_says_why(maillage, typed):
    options, links, message, style, alert = save(writers(maillage), typed)
    assert "Give the view a name of 1 to 80 characters." in str(alert)
    assert maillage.saved_views("Nantes") == []


def test_the_chosen_view_is_deleted_and_its_address_no_longer_listed(maillage):
    sources = writers(maillage)
    save(sources, "Assos")
    save(sources, "Tout", "?territory=Nantes")
    delete = ids.SAVED_VIEW_DELETE
    options, links, message, *_ = saved_views.saved_views_view(
        sources, delete, "Nantes", "", FILTERED, "Assos"
    )
    assert [o["value"] for o in options] == ["Tout"] and links == {"Tout": "/?territory=Nantes"}
    assert message == "View “Assos” deleted."
    *_, alert = saved_views.saved_views_view(sources, delete, "Nantes", "", FILTERED, None)
    assert "Choose the saved view to delete." in str(alert)


def test_a_change_of_state_is_no_input_of_the_saved_views(maillage):
    """The browser names the view on screen from the addresses (``NAME_ON_SCREEN``): the
    state on screen is only what Save saves, and its changes ask the server nothing."""
    from maillage.dashboard.app import create_app

    callbacks = create_app(maillage)._callback_list
    (saved,) = [c for c in callbacks if f"{ids.SAVED_VIEW_LINKS}.data" in c["output"]]
    inputs = {i["id"] for i in saved["inputs"]}
    assert ids.VIEW_STATE not in inputs and ids.TERRITORY in inputs
    assert ids.VIEW_STATE in {s["id"] for s in saved["state"]}
    (naming,) = [c for c in callbacks if f"{ids.SAVED_VIEW_PICK}.value" in c["output"]]
    assert naming.get("clientside_function") and ids.VIEW_STATE in str(naming["inputs"])


def test_a_viewer_sees_the_name_of_a_view_with_a_pseudonymised_citizen(maillage):
    claire = "?territory=Rennes&actor=r3"
    saved_views.saved_views_view(
        writers(maillage), ids.SAVED_VIEW_SAVE, "Rennes", "Claire", claire, None
    )
    _options, links, *_ = saved_views.saved_views_view(
        viewers(maillage), None, "Rennes", None, None, None
    )
    # The viewer's page selects the pseudonym: that state is the address the browser matches.
    assert links["Claire"] != "/" + claire and links["Claire"].startswith("/?territory=Rennes")


def test_views_are_per_territory_and_a_new_territory_clears_the_choice(maillage):
    save(writers(maillage), "Assos")
    options, links, *_ = saved_views.saved_views_view(
        writers(maillage), ids.TERRITORY, "Rennes", None, None, "Assos"
    )
    assert options == [] and links == {}
    with pytest.raises(PreventUpdate):
        saved_views.saved_views_view(writers(maillage), None, None, None, None, None)


def test_a_viewer_chooses_saved_views_but_may_not_save_or_delete(maillage):
    save(writers(maillage), "Assos")
    options, _links, _message, style, alert = saved_views.saved_views_view(
        viewers(maillage), None, "Nantes", None, None, None
    )
    assert [o["value"] for o in options] == ["Assos"] and style == saved_views.HIDDEN
    assert alert is None
    *_, alert = save(viewers(maillage), "Mine")
    assert "may read this network but not change it" in str(alert)
    *_, alert = saved_views.saved_views_view(
        viewers(maillage), ids.SAVED_VIEW_DELETE, "Nantes", None, None, "Assos"
    )
    assert "may read this network but not change it" in str(alert)
    assert [v.name for v in maillage.saved_views("Nantes")] == ["Assos"]


def test_a_viewer_sees_the_saved_citizen_under_a_pseudonym(maillage):
    sources = writers(maillage)
    saved_views.saved_views_view(
        sources, ids.SAVED_VIEW_SAVE, "Rennes", "Claire", "?territory=Rennes&actor=r3", None
    )
    _options, links, *_ = saved_views.saved_views_view(
        viewers(maillage), None, "Rennes", None, None, None
    )
    assert "r3" not in links["Claire"] and "actor=citizen-" in links["Claire"]
