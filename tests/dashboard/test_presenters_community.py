"""An opened community on the Explore page, on the demo data: its actors, its layout, its
name, its path and its place in the address."""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Any

import pytest
from dash.exceptions import PreventUpdate
from dashboard_support import find_ids, text_of

from maillage.dashboard import ids
from maillage.dashboard.presenters import explore_community, view_state
from maillage.dashboard.presenters.explore import card_view, network_view, path_view, summary_view
from maillage.dashboard.presenters.network import community_name, network_labels
from maillage.reports.i18n import translator

TERRITORY = "Alsace"
FR = translator("fr")


@pytest.fixture(scope="module")
def demo(demo_store_url: str, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from maillage.app import Maillage
    from maillage.settings import Settings

    folder = tmp_path_factory.mktemp("community")
    instance = Maillage(Settings(store_url=demo_store_url, data_dir=folder))
    yield instance
    instance.close()


def largest_community(demo: Any) -> set[str]:
    """The members of the report's largest community, counted here from its rows."""
    rows = demo.report(TERRITORY)["actors"]
    sizes = Counter(row["community"] for row in rows)
    largest = min(sizes, key=lambda label: (-sizes[label], str(label)))
    return {row["id"] for row in rows if row["community"] == largest}


def test_community_1_opened_holds_the_largest_community_and_its_ties_only(demo: Any) -> None:
    members = largest_community(demo)
    payload, name, caption, alert = network_view(demo, TERRITORY, None, "degree", FR, 1)
    assert alert is None and name.startswith("reseau-alsace-") and name.endswith("-communaute-1")
    assert caption == "Alsace · toutes dates · Communauté 1"
    assert payload["opened"] == 1 and "community" not in payload
    assert set(payload["ids"]) == members
    assert len(members) == 75  # the demo's largest community in Alsace
    inside = demo.graph(TERRITORY).subgraph(members)
    assert len(payload["edges"]) // 2 == inside.number_of_edges()
    # Its own legend: the sectors inside, with their counts.
    sectors = Counter(payload["sectors"][s] for s in payload["sector"])
    assert sum(sectors.values()) == 75
    assert sectors == Counter(inside.nodes[n]["sector"] for n in inside)


def test_an_opened_community_has_its_own_deterministic_layout(demo: Any, demo_store_url, tmp_path):
    from maillage.app import Maillage
    from maillage.settings import Settings

    payload = network_view(demo, TERRITORY, None, "degree", FR, 2)[0]
    again = Maillage(Settings(store_url=demo_store_url, data_dir=tmp_path))
    try:
        assert again.community_layouts(TERRITORY) == demo.community_layouts(TERRITORY)
        repeated = network_view(again, TERRITORY, None, "degree", FR, 2)[0]
    finally:
        again.close()
    assert (repeated["x"], repeated["y"]) == (payload["x"], payload["y"])
    whole = demo.layout(TERRITORY)
    first = payload["ids"][0]
    assert (payload["x"][0], payload["y"][0]) != tuple(round(v, 4) for v in whole[first])
    # Laid out for itself: it fills the frame, not a corner of the territory's.
    assert max(abs(v) for v in payload["extent"]) == pytest.approx(1.0)


def test_no_such_community_draws_the_whole_territory(demo: Any) -> None:
    payload = network_view(demo, TERRITORY, None, "degree", FR, 999)[0]
    assert "opened" not in payload and len(payload["ids"]) == 600


def test_the_card_names_a_community_as_the_legend_does(demo: Any) -> None:
    card = card_view(demo, TERRITORY, None, "als-0089", 1, FR)[0]  # SCOP Tisserand
    text = text_of(card)
    assert "SCOP Tisserand" in text and "Communauté 1" in text and "Communauté 0" not in text
    assert "Ouvrir la communauté" in text
    assert ids.open_community(1) in find_ids(card)
    # The legend's name of the community of rank 0 is the same words.
    assert network_labels(FR)["community"].format(n=0 + 1) == community_name(0, FR)
    payload = network_view(demo, TERRITORY, None, "degree", FR)[0]
    rank = payload["community"][payload["ids"].index("als-0089")]
    assert community_name(rank, FR) == "Communauté 1"


def test_a_path_whose_ends_are_inside_runs_inside(demo: Any) -> None:
    members = sorted(explore_community.members(demo, TERRITORY, None, 1) or [])
    leaving = None
    for start, end in combinations(members[:40], 2):
        if not set(demo.path(TERRITORY, start, end)) <= set(members):
            leaving = start, end
            break
    assert leaving is not None, "every chain stays inside: pick other actors"
    steps, drawn, alert = path_view(demo, TERRITORY, None, *leaving, FR, 1)
    assert alert is None and drawn[0] == leaving[0] and drawn[-1] == leaving[1]
    assert set(drawn) <= set(members)
    whole = path_view(demo, TERRITORY, None, *leaving, FR)[1]
    assert not set(whole) <= set(members)


def test_the_summary_counts_what_the_opened_community_draws(demo: Any) -> None:
    members = largest_community(demo)
    graph = demo.graph(TERRITORY)
    business = [n for n in members if graph.nodes[n]["sector"] == "business"]
    line = summary_view(demo, TERRITORY, None, ["business"], FR, community=1)
    assert f"Communauté 1\u202f: {len(business)} acteurs" in line


def test_the_address_keeps_the_opened_community() -> None:
    query = view_state.current(
        "Alsace", "community", None, None, None, None, None, None, community=3
    )
    assert query == "?territory=Alsace&colour=community&community=3"
    assert view_state.parse(query).community == 3
    assert view_state.explore_link(query, "Alsace") == "/" + query
    assert view_state.explore_link(query, "Lille") == "/?territory=Lille&colour=community"
    assert explore_community.opened(ids.TERRITORY, None, query, "Alsace") == 3
    assert explore_community.opened(ids.TERRITORY, None, query, "Lille") is None
    assert explore_community.opened(ids.open_community(2), [1]) == 2
    with pytest.raises(PreventUpdate):
        explore_community.opened(ids.open_community(2), [None])
