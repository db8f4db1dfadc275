"""The Explore page's presenters: sliders, actor search, card, path, and its views."""

from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx
import pytest
from dash import no_update
from dash.exceptions import PreventUpdate
from dashboard_support import ROWS, text_of

from maillage.dashboard import ids
from maillage.dashboard.presenters.explore import (
    _tie_text,
    actor_card,
    actor_options,
    as_of_for,
    card_view,
    explore_controls_view,
    focus_from_search,
    focus_view,
    network_view,
    path_view,
    pick,
    picker_view,
    roles_in_words,
    summary_view,
    tie_rows,
    year_slider,
)
from maillage.dashboard.presenters.first_picture import weight_slider
from maillage.dashboard.presenters.formatting import parse_as_of
from maillage.dashboard.presenters.path_words import path_panel, path_summary
from maillage.graph.model import Actor, Network, Sector, Tie, TieKind
from maillage.graph.network_years import network_years
from maillage.graph.vocabulary import SECTORS, TIE_KINDS
from maillage.reports.i18n import translator


def test_year_slider_marks_every_few_years_and_ends_with_all() -> None:
    props = year_slider([2001, 2024, 2010])
    assert props["min"] == 2001 and props["max"] == 2025 and props["value"] == 2025
    assert props["marks"][2025] == "all"
    assert list(props["marks"])[:3] == [2001, 2004, 2007]
    assert len(props["marks"]) <= 10
    assert year_slider([])["disabled"] is True


def test_as_of_is_the_end_of_the_chosen_year_or_none_for_all() -> None:
    assert as_of_for(2019, 2025) == "2019-12-31"
    assert as_of_for(2025, 2025) is None
    assert parse_as_of("2019-12-31") == date(2019, 12, 31)
    assert parse_as_of(None) is None


def test_network_years_start_with_the_first_tie_and_end_with_the_last_date() -> None:
    """Issue 11: the slider started in a year of unlinked actors (a joining date)."""
    actors = (
        Actor("a", "A", Sector.BUSINESS, ("T",), joined=date(2015, 2, 1)),
        Actor("b", "B", Sector.PUBLIC, ("T",)),
    )
    ties = (Tie("a", "b", since=date(2018, 1, 1), until=date(2022, 6, 30)),)
    assert network_years(Network("T", actors, ties)) == [2018, 2019, 2020, 2021, 2022]


def test_weight_slider_goes_from_zero_to_the_heaviest_tie(graph: nx.Graph) -> None:
    props = weight_slider(graph)
    assert (props["min"], props["max"], props["step"], props["value"]) == (0, 4, 1, 0)


def test_actor_options_are_accent_insensitive_and_best_first(graph: nx.Graph) -> None:
    options = actor_options(graph, "bibliotheque", [])
    assert options == [{"label": "Bibliothèque · Public", "value": "b", "search": "bibliotheque b"}]
    everyone = actor_options(graph, None, [], limit=2)
    assert [o["value"] for o in everyone] == ["c", "a"]  # degree 3 each, then by name
    kept = actor_options(graph, "zzz", ["d"])
    assert kept == [{"label": "Dé · Public", "value": "d", "search": "de d"}]
    starts = actor_options(graph, "c", [])
    assert starts[0]["value"] == "c"


def test_pick() -> None:
    search = ids.picker(ids.SEARCH_ROLE)
    assert pick(ids.TERRITORY, "b", "a") == (None, None, None, None)
    assert pick(search, None, "a") == ("a", "a", "a", no_update)
    assert pick(search, "b", None) == (None, None, no_update, no_update)
    with pytest.raises(PreventUpdate):
        pick(None, None, None)


def test_re_searching_the_same_actor_after_clicking_another_selects_it_again() -> None:
    """Bug of issue 11: the search box kept its value, so the same search did nothing."""
    search = ids.picker(ids.SEARCH_ROLE)
    assert pick(search, None, "a") == ("a", "a", "a", no_update)
    selected, drawn, focus, box = pick(ids.NETWORK, "b", "a")
    assert (selected, drawn, focus, box) == ("b", no_update, no_update, None)  # box emptied
    assert pick(search, "b", "a") == ("a", "a", "a", no_update)  # so "a" again is a change


def test_a_clear_selects_nothing() -> None:
    """Bug of issue 11: a background click or Esc (n_cleared) left the selection."""
    assert pick(ids.NETWORK, None, "a") == (None, no_update, no_update, None)


def test_roles_in_words() -> None:
    sentences = roles_in_words(ROWS[0]["brokerage"], "business")
    assert sentences[0].startswith("Liaison (2 pairs): links two partners of two different")
    assert sentences[1].startswith("Itinerant broker (1 pair): links two partners who share")
    gatekeeper = roles_in_words({"gatekeeper": 1}, "public")[0]
    assert "a partner of its own sector (Public)" in gatekeeper
    assert roles_in_words({}, "public") == [
        "No brokerage role: none of its partners depend on it to reach one another."
    ]


def test_tie_rows_strongest_first_with_outside_and_direction() -> None:
    ties = [
        Tie("a", "b", TieKind.PARTNERSHIP, 1.0, since=date(2019, 1, 1)),
        Tie("x", "a", TieKind.FUNDING, 3.0, directed=True, until=date(2021, 1, 1)),
        Tie("b", "c", TieKind.EVENT, 9.0),
    ]
    names = {"b": ("Bib", "public"), "x": ("Fonds X", "funder")}
    rows = tie_rows("a", ties, names, {"a", "b"})
    assert [r["partner"] for r in rows] == ["x", "b"]
    assert rows[0]["outside"] is True and rows[0]["direction"] == "from"
    text = _tie_text(rows[0])
    assert text == "funding (directed, from it), weight 3, until 2021-01-01 — outside the territory"


def test_actor_card_says_who_what_and_which_ties() -> None:
    actor = Actor("a", "Atelier", Sector.BUSINESS, ("T",), kind="SME", city="Brest")
    ties = [
        {
            "partner": "b",
            "name": "Bib",
            "sector": "public",
            "kind": "partnership",
            "weight": 2.0,
            "since": "2019-01-01",
            "until": None,
            "direction": "",
            "outside": False,
        }
    ]
    card = actor_card(actor, ROWS[0], ties, 2, 4)
    text = text_of(card)
    assert "Atelier" in text and "Business" in text and "city: Brest" in text
    assert "Betweenness" in text and "0.500" in text
    assert "Liaison (2 pairs)" in text
    assert "4 actors within 2 hops of Atelier" in text
    assert "partnership, weight 2, since 2019-01-01" in text
    absent = text_of(actor_card(actor, None, [], 1, None))
    assert "Not in the territory's network at this date." in absent


def test_path_panel_lists_the_chain_in_words(graph: nx.Graph) -> None:
    path = ["a", "c", "d"]
    panel = text_of(path_panel(graph, path))
    assert "Atelier can reach Dé in 2 steps: ask Collectif for the introduction." in panel
    assert (
        "Atelier (Business) and Collectif (Association): "
        "co-participation in events since 2020-05-01" in panel
    )
    assert path_summary(graph, ["a", "b"]) == (
        "Atelier and Bibliothèque are already tied directly."
    )


def test_focus_from_search_keeps_known_actors_with_their_labels(graph: nx.Graph) -> None:
    focus = focus_from_search("?from=a&to=nobody&actor=a&colour=community&sectors=public", graph)
    assert focus["from"] == {
        "value": "a",
        "options": [{"label": "Atelier · Business", "value": "a", "search": "atelier a"}],
    }
    assert "to" not in focus
    assert (focus["actor"], focus["colour"], focus["sectors"]) == ("a", "community", ["public"])
    plain = focus_from_search("", graph)
    every = {"sectors": list(SECTORS), "kinds": list(TIE_KINDS)}
    assert plain == {"colour": "sector", **every, "hops": 1}


def test_network_view_draws_every_actor_of_the_territory(maillage: Any) -> None:
    payload, name, caption, alert = network_view(maillage, "Nantes", None, "degree")
    assert alert is None and caption == "Nantes · all dates"
    assert name == f"network-nantes-{date.today().isoformat()}"
    assert payload["ids"] == ["b4", "n1", "n2", "n3"]
    assert payload["labels"][1] == "Atelier Nord"
    ids_ = payload["ids"]
    pairs = sorted(
        tuple(sorted((ids_[payload["edges"][k]], ids_[payload["edges"][k + 1]])))
        for k in range(0, len(payload["edges"]), 2)
    )
    assert pairs == [("b4", "n1"), ("n1", "n2"), ("n1", "n3"), ("n2", "n3")]
    layout = maillage.layout("Nantes")
    assert (payload["x"][2], payload["y"][2]) == pytest.approx(layout["n2"], abs=1e-4)


def test_network_view_at_a_date_is_the_whole_territory_sized_at_that_date(maillage: Any) -> None:
    """The renderer draws the date from the timeline; the answer brings that date's sizes."""
    full = network_view(maillage, "Nantes", None, "degree")[0]
    earlier, name, caption, _ = network_view(maillage, "Nantes", "2019-12-31", "degree")
    assert name == "network-nantes-2019-12-31" and caption == "Nantes · as of 2019-12-31"
    assert earlier["ids"] == full["ids"] and earlier["x"] == full["x"]
    assert earlier["timeline"] == full["timeline"] and earlier["extent"] == full["extent"]
    line = earlier["timeline"]
    joined = [
        a
        for a, year in zip(earlier["ids"], line["joined"], strict=True)
        if year is None or year <= 2019
    ]
    assert joined == ["n1", "n3"]
    sized = [a for a, size in zip(earlier["ids"], earlier["size"], strict=True) if size > 0]
    assert set(sized) <= {"n1", "n3"} and sized


def test_network_view_without_territory_is_an_info_panel() -> None:
    payload, _, _, alert = network_view(None, None, None, "degree", translator("en"))
    assert payload == {} and "No territory yet" in text_of(alert)
    french = network_view(None, None, None, "degree", translator("fr"))[-1]
    assert "Pas encore de territoire" in text_of(french)


def test_summary_view_follows_the_sector_filter(maillage: Any) -> None:
    """Bug of issue 11: the sector filter did not update the summary line."""
    everything = summary_view(maillage, "Nantes", None, None)
    assert everything.startswith("4 actors · 4 ties") and "shown:" not in everything
    assert "shown" not in summary_view(maillage, "Nantes", None, list(SECTORS))
    business = summary_view(maillage, "Nantes", None, ["business"])
    graph = maillage.graph("Nantes")
    kept = [n for n, s in graph.nodes(data="sector") if s == "business"]
    assert f"shown: {len(kept)} actor" in business and "(filter: sectors)" in business


def test_the_summary_at_each_slider_date_is_precomputed_and_is_the_on_demand_one(
    maillage: Any, tmp_path
) -> None:
    """Issue 11: a step of the date slider reads the summary the worker computed."""
    import dataclasses

    from maillage.app import Maillage

    maillage.precompute(["Nantes"])
    assert maillage.precomputer.wait(60) and maillage.date_precomputer.wait(60)
    year, _ = explore_controls_view(maillage, "Nantes")
    days = [as_of_for(y, year["max"]) for y in range(year["min"], year["max"])]
    assert days == ["2019-12-31", "2020-12-31", "2021-12-31"]  # from the first tie drawn
    assert all(maillage.computed[f"report-as-of-{day}"] == 1 for day in days)
    on_demand = Maillage(dataclasses.replace(maillage.settings, data_dir=tmp_path / "elsewhere"))
    for day in days:
        for sectors in (None, ["business"]):
            precomputed = summary_view(maillage, "Nantes", day, sectors)
            assert precomputed == summary_view(on_demand, "Nantes", day, sectors)
            assert f"as of {day}" in precomputed
        assert network_view(maillage, "Nantes", day) == network_view(on_demand, "Nantes", day)
    assert maillage.computed[f"report-as-of-{days[0]}"] == 1  # read, not computed again
    assert sum(on_demand.computed.values()) >= len(days)  # computed on demand, as before
    on_demand.close()
    assert summary_view(maillage, "Nantes", "2018-12-31", None).startswith("1 actor · 0 ties")


def test_explore_controls_follow_the_territory_dates(maillage: Any) -> None:
    year, weight = explore_controls_view(maillage, "Nantes")
    # The first tie (n3 -> n1) started in 2018, but n1 joined in 2019: none drawn before.
    assert (year["min"], year["max"], year["value"]) == (2019, 2022, 2022)
    assert year["marks"][2022] == "all"
    assert (weight["max"], weight["value"]) == (2, 0)


def test_card_view_describes_the_actor_and_highlights_its_ego_network(maillage: Any) -> None:
    card, ego, alert = card_view(maillage, "Nantes", None, "n1", 1)
    assert alert is None
    text = text_of(card)
    assert "Atelier Nord" in text and "kind: SME" in text and "city: Nantes" in text
    assert "Ties (3)" in text
    assert "funding (directed, from it), weight 1.500, 2018-01-01 to 2020-12-31" in text
    assert "governance, weight 1, since 2021-01-01" in text
    assert ego == ["b4", "n1", "n2", "n3"]
    card, ego, _ = card_view(maillage, "Nantes", None, "b4", 1)
    assert "outside the territory" in text_of(card)  # b4's service tie to r1 (Rennes)
    assert ego == ["b4", "n1"]


def test_path_view_lists_the_chain_and_highlights_it(maillage: Any) -> None:
    steps, path, alert = path_view(maillage, "Nantes", None, "n2", "b4")
    assert alert is None
    text = text_of(steps)
    assert (
        "Asso Lien can reach Université Ouest in 2 steps: ask Atelier Nord for the introduction."
        in text
    )
    assert "Asso Lien (Association) and Atelier Nord (Business): partnership" in text
    assert path == ["n2", "n1", "b4"]
    elsewhere = path_view(maillage, "Nantes", None, "n2", "r2")[0]
    assert text_of(elsewhere) == "Pick two actors of this territory."
    lonely = path_view(maillage, "Rennes", None, "r3", "r1")[0]
    assert "No chain of ties links Claire Martin and Rennes Média" in text_of(lonely)


def test_picker_view_finds_actors_of_the_territory(maillage: Any) -> None:
    found = picker_view(maillage, "Nantes", "universite", None)
    assert found == [
        {"label": "Université Ouest · Academic", "value": "b4", "search": "universite ouest b4"}
    ]
    assert picker_view(maillage, "Nantes", "rennes", None) == []


def test_the_pickers_names_are_kept_until_the_data_changes(maillage: Any) -> None:
    assert picker_view(maillage, "Nantes", "zoé nouvelle", None) == []
    kept = maillage.cached("picker names", ("Nantes",), lambda: None)
    assert sorted(entry[3] for entry in kept) == sorted(maillage.graph("Nantes"))
    maillage.add_actor("Nantes", "Zoé Nouvelle", "business")
    found = picker_view(maillage, "Nantes", "zoe nouvelle", None)
    assert [option["label"] for option in found] == ["Zoé Nouvelle · Business"]


def test_focus_view_reads_the_address(maillage: Any) -> None:
    focus = focus_view(maillage, "Nantes", "?from=n1&to=r1")
    assert focus["from"]["value"] == "n1" and "to" not in focus
    # A shared link names its territory: its actors are found there, whatever is picked.
    shared = focus_view(maillage, "Nantes", "?territory=rennes&from=r1&to=r2&actor=r2")
    assert (shared["from"]["value"], shared["to"]["value"], shared["actor"]) == ("r1", "r2", "r2")


def test_actor_options_put_the_exact_name_before_longer_ones() -> None:
    graph = nx.Graph()
    graph.add_node("h", name="Actor 10", sector="public")
    graph.add_node("x", name="Actor 1", sector="business")
    graph.add_edges_from([("h", f"n{k}") for k in range(5)])
    for k in range(5):
        graph.nodes[f"n{k}"]["name"] = f"Other {k}"
    # "Actor 10" is far better connected, but the reader typed the whole of "Actor 1".
    assert [o["value"] for o in actor_options(graph, "actor 1", [])] == ["x", "h"]
    assert [o["value"] for o in actor_options(graph, "actor", [])] == ["h", "x"]
