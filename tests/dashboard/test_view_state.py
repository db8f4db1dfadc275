"""The Explore view in the address (issue 11: state you can keep and share)."""

from __future__ import annotations

from dash import no_update
from dashboard_support import find

from maillage.dashboard import ids
from maillage.dashboard.layout import nav_links
from maillage.dashboard.pages import explore as explore_page
from maillage.dashboard.presenters import view_state
from maillage.dashboard.presenters.explore import (
    focus_from_search,
    pick,
    slider_outputs,
    year_slider,
)
from maillage.graph.vocabulary import SECTORS, TIE_KINDS


def test_every_part_of_the_view_round_trips_through_the_address() -> None:
    state = view_state.ViewState(
        territory="FR42 / Alsace",
        colour="community",
        sectors=("business", "association"),  # in the vocabulary's order
        year=2019,
        actor="als-0001",
        source="als-0002",
        target="als-0003",
    )
    text = view_state.query(state)
    assert text.startswith("?territory=FR42+%2F+Alsace&colour=community")
    assert view_state.parse(text) == state
    assert view_state.parse(view_state.query(view_state.ViewState())) == view_state.ViewState()
    assert view_state.parse("?sectors=").sectors == ()  # every sector hidden is a view too
    assert view_state.parse("?sectors=").shown_sectors == []
    assert view_state.ViewState().shown_sectors == list(SECTORS)


def test_the_current_view_leaves_out_the_defaults() -> None:
    everything = list(SECTORS)
    assert view_state.current("Lille", "sector", everything, 2024, 2024, None, None, None) == (
        "?territory=Lille"
    )
    assert view_state.current("Lille", "sector", ["public"], 2019, 2024, None, "a", "b") == (
        "?territory=Lille&sectors=public&year=2019&from=a&to=b"
    )


def test_a_shared_address_picks_its_territory_as_typed() -> None:
    options = [{"label": "Alsace", "value": "Alsace"}, {"label": "Lille", "value": "Lille"}]
    assert view_state.territory_view("?territory=LILLE", options, "Alsace") == "Lille"
    assert view_state.territory_view("?territory=Lille", options, "Lille") is no_update
    assert view_state.territory_view("?from=a", options, "Alsace") is no_update
    assert view_state.territory_view(None, None, None) is no_update


def test_the_address_selects_its_actor_and_sets_its_year_in_its_territory_only() -> None:
    search = "?territory=Lille&actor=l1&year=2019"
    assert pick(ids.TERRITORY, None, None, search, "lille") == ("l1", "l1", "l1", None)
    assert pick(ids.TERRITORY, None, None, search, "Alsace") == (None, None, None, None)
    props = year_slider([2012, 2020]), {"min": 0, "max": 1, "step": 1, "marks": {}, "value": 0}
    assert slider_outputs(props, search, "Lille")[3] == 2019
    assert slider_outputs(props, search, "Alsace")[3] == 2021  # "all"
    assert slider_outputs(props, "?territory=Lille&year=1990", "Lille")[3] == 2021


def test_the_explore_link_comes_back_to_the_view_left() -> None:
    saved = "?territory=Lille&colour=community&actor=l1"
    links = nav_links("/brokers", explore_href=view_state.explore_link(saved, "Lille"))
    explore = next(link for link in links if link.id == ids.NAV_EXPLORE)
    assert explore.href == "/?territory=Lille&colour=community&actor=l1"
    assert "active" not in explore.className
    # Another territory picked meanwhile: its own view, with the same colouring.
    assert view_state.explore_link(saved, "Alsace") == "/?territory=Alsace&colour=community"


def test_the_tie_filters_and_the_reach_round_trip_through_the_address() -> None:
    """Issue 11: tie kinds, minimum weight and "2/3 hops" were lost on reload."""
    state = view_state.ViewState(
        territory="Alsace", kinds=("partnership", "funding"), min_weight=2, hops=3, actor="a1"
    )
    text = view_state.query(state)
    assert text == "?territory=Alsace&kinds=partnership%2Cfunding&min_weight=2&hops=3&actor=a1"
    assert view_state.parse(text) == state
    assert view_state.parse("?kinds=").kinds == () and view_state.parse("?kinds=").shown_kinds == []
    every = view_state.current(
        "Alsace", "sector", None, 2, 2, None, None, None, list(TIE_KINDS), 0, 1
    )
    assert every == "?territory=Alsace"  # the defaults are left out
    # Another territory keeps the filters and the reach, not the actors.
    assert view_state.explore_link(text, "Lille") == (
        "/?territory=Lille&kinds=partnership%2Cfunding&min_weight=2&hops=3"
    )


def test_the_address_sets_the_minimum_weight_in_its_territory_only_and_within_the_slider() -> None:
    props = year_slider([2012, 2020]), {"min": 0, "max": 4, "step": 1, "marks": {}, "value": 0}
    assert slider_outputs(props, "?territory=Lille&min_weight=2", "Lille")[-1] == 2
    assert slider_outputs(props, "?territory=Lille&min_weight=2", "Alsace")[-1] == 0
    assert slider_outputs(props, "?territory=Lille&min_weight=9", "Lille")[-1] == 0


def test_the_page_shows_the_tie_kinds_and_the_reach_the_address_names() -> None:
    focus = focus_from_search("?kinds=funding&hops=2", None)
    assert focus["kinds"] == ["funding"] and focus["hops"] == 2
    page = explore_page.layout(focus)
    assert find(page, ids.KIND_FILTER).value == ["funding"]
    assert find(page, ids.HOPS).value == 2
    assert find(explore_page.layout({}), ids.HOPS).value == 1
