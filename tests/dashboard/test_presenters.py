"""Presenters, called directly: literal data first, then a small real store."""

from __future__ import annotations

import base64
import json
from datetime import date
from typing import Any

import dash_bootstrap_components as dbc
import networkx as nx
import plotly.graph_objects as go
import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

from maillage.dashboard import ids, layout, presenters, style
from maillage.graph.errors import MaillageError
from maillage.graph.model import Actor, Network, Sector, Tie, TieKind


def text_of(component: Any) -> str:
    """Every string inside a Dash component tree, joined by spaces."""
    if component is None:
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(text_of(c) for c in component)
    return text_of(getattr(component, "children", None))


def find_ids(component: Any) -> list[Any]:
    """Every component id in a Dash component tree."""
    found = []
    if isinstance(component, list | tuple):
        for child in component:
            found.extend(find_ids(child))
        return found
    if hasattr(component, "to_plotly_json"):
        if getattr(component, "id", None) is not None:
            found.append(component.id)
        found.extend(find_ids(getattr(component, "children", None)))
    return found


def find(component: Any, wanted: Any) -> Any:
    """The component with id ``wanted`` in a Dash component tree, or None."""
    if isinstance(component, list | tuple):
        return next((f for c in component if (f := find(c, wanted)) is not None), None)
    if not hasattr(component, "to_plotly_json"):
        return None
    if getattr(component, "id", None) == wanted:
        return component
    return find(getattr(component, "children", None), wanted)


# ---------------------------------------------------------------------- literal data

ROWS = [
    {
        "id": "a",
        "name": "Atelier",
        "sector": "business",
        "degree": 3,
        "betweenness": 0.5,
        "closeness": 0.75,
        "eigenvector": 0.6,
        "pagerank": 0.3,
        "constraint": 0.4,
        "effective_size": 2.0,
        "ei_index": 1.0,
        "brokerage": {
            "coordinator": 0,
            "itinerant": 1,
            "gatekeeper": 0,
            "representative": 0,
            "liaison": 2,
        },
        "community": 7,
    },
    {
        "id": "b",
        "name": "Bibliothèque",
        "sector": "public",
        "degree": 2,
        "betweenness": 0.125,
        "closeness": 0.6,
        "eigenvector": 0.5,
        "pagerank": 0.25,
        "constraint": 0.6,
        "effective_size": 1.0,
        "ei_index": 0.0,
        "brokerage": {"coordinator": 0, "itinerant": 0, "gatekeeper": 0},
        "community": 7,
    },
    {
        "id": "c",
        "name": "Collectif",
        "sector": "association",
        "degree": 2,
        "betweenness": 0.0,
        "closeness": 0.6,
        "eigenvector": 0.5,
        "pagerank": 0.25,
        "constraint": 0.8,
        "effective_size": 1.0,
        "ei_index": 1.0,
        "brokerage": {},
        "community": 2,
    },
    {
        "id": "d",
        "name": "Dé",
        "sector": "public",
        "degree": 1,
        "betweenness": 0.0,
        "closeness": 0.43,
        "eigenvector": 0.2,
        "pagerank": 0.2,
        "constraint": None,
        "effective_size": None,
        "ei_index": 1.0,
        "brokerage": {},
        "community": 2,
    },
]


@pytest.fixture
def graph() -> nx.Graph:
    """A triangle a-b-c with a pendant d on c; parallel ties collapsed as in territory_graph."""
    G = nx.Graph()
    for row in ROWS:
        G.add_node(row["id"], name=row["name"], sector=row["sector"])
    G.add_edge("a", "b", weight=4, kinds=("partnership", "funding"), since=date(2019, 1, 1))
    G.add_edge("a", "c", weight=1, kinds=("event",), since=date(2020, 5, 1), until=None, ties=1)
    G.add_edge("b", "c", weight=2, kinds=("partnership",), since=None, until=None, ties=1)
    G.add_edge("c", "d", weight=1, kinds=("service",), since=date(2021, 3, 1), ties=1)
    return G


LAYOUT = {"a": (-1.0, 1.0), "b": (1.0, 1.0), "c": (0.0, 0.0), "d": (0.0, -1.0)}


def test_year_slider_marks_every_few_years_and_ends_with_all() -> None:
    props = presenters.year_slider([2001, 2024, 2010])
    assert props["min"] == 2001 and props["max"] == 2025 and props["value"] == 2025
    assert props["marks"][2025] == "all"
    assert list(props["marks"])[:3] == [2001, 2004, 2007]
    assert len(props["marks"]) <= 10
    assert presenters.year_slider([])["disabled"] is True


def test_as_of_is_the_end_of_the_chosen_year_or_none_for_all() -> None:
    assert presenters.as_of_for(2019, 2025) == "2019-12-31"
    assert presenters.as_of_for(2025, 2025) is None
    assert presenters.parse_as_of("2019-12-31") == date(2019, 12, 31)
    assert presenters.parse_as_of(None) is None


def test_network_years_reads_tie_dates_and_joining_dates() -> None:
    actors = (Actor("a", "A", Sector.BUSINESS, ("T",), joined=date(2015, 2, 1)),)
    ties = (Tie("a", "b", since=date(2018, 1, 1), until=date(2022, 6, 30)),)
    assert presenters.network_years(Network("T", actors, ties)) == [2015, 2018, 2022]


def test_weight_slider_goes_from_zero_to_the_heaviest_tie(graph: nx.Graph) -> None:
    props = presenters.weight_slider(graph)
    assert (props["min"], props["max"], props["step"], props["value"]) == (0, 4, 1, 0)


def test_element_ids_are_numbered_on_the_sorted_full_graph(graph: nx.Graph) -> None:
    index = presenters.element_index(graph)
    assert index == {"a": 0, "b": 1, "c": 2, "d": 3}
    assert presenters.edge_id(3, 1) == "e1_3"


def test_positions_are_scaled_and_y_flipped() -> None:
    scaled = presenters.scale_positions(LAYOUT, scale=100)
    assert scaled["a"] == (-100.0, -100.0)
    assert scaled["d"] == (0.0, 100.0)
    assert presenters.layout_scale(4) == 250.0
    assert presenters.layout_scale(10_000) == 2000.0


def test_network_elements(graph: nx.Graph) -> None:
    positions = presenters.scale_positions(LAYOUT, scale=100)
    index = presenters.element_index(graph)
    elements = presenters.network_elements(graph, positions, ROWS, index)
    nodes = [e for e in elements if "source" not in e["data"]]
    edges = [e for e in elements if "source" in e["data"]]
    assert [n["data"]["id"] for n in nodes] == ["n0", "n1", "n2", "n3"]
    a = nodes[0]
    assert a["data"]["actor"] == "a" and a["data"]["label"] == "Atelier"
    assert a["position"] == {"x": -100.0, "y": -100.0}
    assert a["data"]["colour"] == style.SECTOR_COLOURS["business"]
    # Communities 7 and 2 have two members each: the smaller label ranks first.
    assert a["data"]["ccolour"] == style.COMMUNITY_COLOURS[1]
    assert nodes[2]["data"]["ccolour"] == style.COMMUNITY_COLOURS[0]
    # Sizes: square root of the share of the largest value.
    assert a["data"]["s_betweenness"] == 1.0
    assert nodes[1]["data"]["s_betweenness"] == 0.5
    assert nodes[3]["data"]["s_degree"] == 0.577  # sqrt(1 / 3), 3 decimals
    assert a["data"]["s_brokerage"] == 1.0 and nodes[1]["data"]["s_brokerage"] == 0.0
    assert [e["data"]["id"] for e in edges] == ["e0_1", "e0_2", "e1_2", "e2_3"]
    ab = edges[0]["data"]
    assert (ab["source"], ab["target"], ab["weight"], ab["w"]) == ("n0", "n1", 4, 1.0)
    assert ab["k_partnership"] == 1 and ab["k_funding"] == 1 and "k_event" not in ab
    assert edges[1]["data"]["w"] == 0.25


def test_network_elements_of_one_community_and_at_a_date(graph: nx.Graph) -> None:
    positions = presenters.scale_positions(LAYOUT)
    index = presenters.element_index(graph)
    members = presenters.network_elements(graph, positions, ROWS, index, members=["c", "d"])
    assert [e["data"]["id"] for e in members] == ["n2", "n3", "e2_3"]
    earlier = graph.subgraph(["a", "b"])
    drawn = presenters.network_elements(earlier, positions, ROWS, index)
    # Ids and positions come from the full graph: nothing moves between dates.
    assert [e["data"]["id"] for e in drawn] == ["n0", "n1", "e0_1"]
    assert drawn[1]["position"] == {"x": positions["b"][0], "y": positions["b"][1]}


def test_overview_has_one_supernode_per_community_at_its_centroid(graph: nx.Graph) -> None:
    positions = presenters.scale_positions(LAYOUT, scale=100)
    elements = presenters.overview_elements(graph, positions, ROWS)
    nodes = [e for e in elements if "source" not in e["data"]]
    edges = [e for e in elements if "source" in e["data"]]
    assert [n["data"]["id"] for n in nodes] == ["c2", "c7"]
    c7 = nodes[1]
    assert c7["position"] == {"x": 0.0, "y": -100.0}
    assert c7["data"]["members"] == 2 and c7["data"]["super"] == 1
    assert c7["data"]["dominant"] == "business"  # one business, one public: by name
    assert c7["data"]["label"] == "Community 7\n2 actors, 50% business"
    # a-c and b-c cross the two communities.
    assert [e["data"]["id"] for e in edges] == ["x2_7"]
    assert edges[0]["data"]["weight"] == 2
    assert edges[0]["data"]["k_event"] == 1 and edges[0]["data"]["k_partnership"] == 1


def test_draw_mode() -> None:
    assert presenters.draw_mode(1500, 1500, None) == "full"
    assert presenters.draw_mode(1501, 1500, None) == "overview"
    assert presenters.draw_mode(1501, 1500, 7) == "community"


def test_highlight_maps_actors_to_elements_or_to_communities(graph: nx.Graph) -> None:
    index = presenters.element_index(graph)
    plain = presenters.highlight(["a", "c", "zz"], [("c", "a")], index)
    assert plain == {"nodes": ["n0", "n2"], "edges": ["e0_2"]}
    communities = {"a": 7, "b": 7, "c": 2, "d": 2}
    grouped = presenters.highlight(["a", "c"], [("a", "c"), ("c", "d")], index, communities)
    assert grouped == {"nodes": ["c2", "c7"], "edges": ["x2_7"]}


def rule(sheet: list[dict], selector: str) -> dict:
    """The last rule for ``selector`` (later rules win in Cytoscape)."""
    return [r["style"] for r in sheet if r["selector"] == selector][-1]


def test_stylesheet_sizes_and_colours() -> None:
    sheet = presenters.stylesheet(size_by="betweenness", colour_by="community")
    node = rule(sheet, "node")
    assert node["width"] == "mapData(s_betweenness, 0, 1, 8, 44)"
    assert node["background-color"] == "data(ccolour)"
    assert rule(presenters.stylesheet(size_by="nonsense"), "node")["width"].startswith(
        "mapData(s_degree"
    )
    assert not any("display" in r["style"] for r in sheet)


def test_stylesheet_filters_hide_and_never_move() -> None:
    sheet = presenters.stylesheet(
        sectors=["business", "public"], kinds=["funding", "event"], min_weight=2
    )
    hidden = [r["selector"] for r in sheet if r["style"].get("display") == "none"]
    assert 'node[sector = "media"]' in hidden[0] and 'node[sector = "public"]' not in hidden[0]
    assert "edge" in hidden
    assert "edge[weight < 2.0][^super]" in hidden
    assert rule(sheet, "edge[?k_event], edge[?k_funding]")["display"] == "element"
    assert all("position" not in r["style"] for r in sheet)


def test_stylesheet_highlights_only_well_formed_element_ids() -> None:
    ego = {"nodes": ["n1", "n2", 'n3"] , node'], "edges": ["e1_2"], "selected": ["n1"]}
    path = {"nodes": ["n2", "n9"], "edges": ["e2_9", "n1\n"]}
    sheet = presenters.stylesheet(ego=ego, path=path)
    selectors = [r["selector"] for r in sheet]
    assert rule(sheet, "node")["opacity"] == style.FADED_OPACITY
    assert "#n2, #n9" in selectors and "#n1, #n2" not in selectors  # the path outshines the ego
    assert "#n1, #n2" in [r["selector"] for r in presenters.stylesheet(ego=ego)]
    assert rule(sheet, "#e2_9")["line-color"] == style.PATH_COLOUR
    assert rule(sheet, "#n1")["border-color"] == style.SELECTED_BORDER
    assert not any('"]' in s and "sector" not in s for s in selectors)
    assert not any("\n" in s for s in selectors)


def test_stylesheet_ignores_a_weight_that_is_not_a_number() -> None:
    sheet = presenters.stylesheet(min_weight="1] , node[x")
    assert not any("weight" in r["selector"] for r in sheet)


def test_legend_counts_sectors_or_communities(graph: nx.Graph) -> None:
    by_sector = text_of(presenters.legend(graph, ROWS, "sector", "full"))
    assert "business (1)" in by_sector and "public (2)" in by_sector
    assert "media" not in by_sector
    by_community = text_of(presenters.legend(graph, ROWS, "community", "full"))
    assert by_community.index("Community 2 (2)") < by_community.index("Community 7 (2)")


def test_network_summary() -> None:
    report = {
        "as_of": "2020-12-31",
        "network": {"actors": 600, "ties": 1800, "density": 0.01, "communities": 9},
    }
    line = presenters.network_summary(report, "overview", 9, None)
    assert line.startswith("600 actors · 1,800 ties · density 0.010 · 9 communities")
    assert "as of 2020-12-31" in line and "shown as 9 communities" in line


def test_actor_options_are_accent_insensitive_and_best_first(graph: nx.Graph) -> None:
    options = presenters.actor_options(graph, "bibliotheque", [])
    assert options == [{"label": "Bibliothèque · public", "value": "b"}]
    everyone = presenters.actor_options(graph, None, [], limit=2)
    assert [o["value"] for o in everyone] == ["c", "a"]  # degree 3 each, then by name
    kept = presenters.actor_options(graph, "zzz", ["d"])
    assert kept == [{"label": "Dé · public", "value": "d"}]
    starts = presenters.actor_options(graph, "c", [])
    assert starts[0]["value"] == "c"


def test_pick() -> None:
    assert presenters.pick(ids.TERRITORY, None, None) == (None, None)
    assert presenters.pick(ids.BACK, None, None) == (no_update, None)
    search = ids.picker(ids.SEARCH_ROLE)
    assert presenters.pick(search, None, "a") == ("a", no_update)
    assert presenters.pick(ids.NETWORK, {"actor": "b", "id": "n1"}, None) == ("b", no_update)
    assert presenters.pick(ids.NETWORK, {"super": 1, "community": 4}, None) == (no_update, 4)
    with pytest.raises(PreventUpdate):
        presenters.pick(None, None, None)


def test_roles_in_words() -> None:
    sentences = presenters.roles_in_words(ROWS[0]["brokerage"], "business")
    assert sentences[0].startswith("Liaison (2 pairs): links two partners of two different")
    assert sentences[1].startswith("Itinerant broker (1 pair): links two partners who share")
    gatekeeper = presenters.roles_in_words({"gatekeeper": 1}, "public")[0]
    assert "a partner of its own sector (public)" in gatekeeper
    assert presenters.roles_in_words({}, "public") == [
        "No brokerage role: none of its partners depend on it to reach one another."
    ]


def test_tie_rows_strongest_first_with_outside_and_direction() -> None:
    ties = [
        Tie("a", "b", TieKind.PARTNERSHIP, 1.0, since=date(2019, 1, 1)),
        Tie("x", "a", TieKind.FUNDING, 3.0, directed=True, until=date(2021, 1, 1)),
        Tie("b", "c", TieKind.EVENT, 9.0),
    ]
    names = {"b": ("Bib", "public"), "x": ("Fonds X", "funder")}
    rows = presenters.tie_rows("a", ties, names, {"a", "b"})
    assert [r["partner"] for r in rows] == ["x", "b"]
    assert rows[0]["outside"] is True and rows[0]["direction"] == "from"
    text = presenters._tie_text(rows[0])
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
    card = presenters.actor_card(actor, ROWS[0], ties, 2, 4)
    text = text_of(card)
    assert "Atelier" in text and "business" in text and "city: Brest" in text
    assert "Betweenness" in text and "0.500" in text
    assert "Liaison (2 pairs)" in text
    assert "4 actors within 2 ties" in text
    assert "partnership, weight 2, since 2019-01-01" in text
    absent = text_of(presenters.actor_card(actor, None, [], 1, None))
    assert "Not in the territory's network at this date." in absent


def test_path_panel_lists_the_chain_in_words(graph: nx.Graph) -> None:
    path = ["a", "c", "d"]
    panel = text_of(presenters.path_panel(graph, path))
    assert "Atelier can reach Dé in 2 steps: ask Collectif for the introduction." in panel
    assert "Atelier (business) and Collectif (association): event since 2020-05-01" in panel
    assert presenters.path_summary(graph, ["a", "b"]) == (
        "Atelier and Bibliothèque are already tied directly."
    )


def test_broker_rows_flatten_roles_and_total() -> None:
    rows = presenters.broker_rows({"actors": ROWS})
    assert [r["id"] for r in rows] == ["a", "b", "c", "d"]
    assert rows[0]["liaison"] == 2 and rows[0]["itinerant"] == 1 and rows[0]["brokerage"] == 3
    assert rows[1]["representative"] == 0
    columns = {c["id"]: c for c in presenters.broker_columns()}
    assert columns["betweenness"]["format"] == {"specifier": ".3f"}
    assert "format" not in columns["liaison"]
    assert set(rows[0]) - {"id"} <= set(columns)


def test_top_brokers_figure_ranks_by_the_measure() -> None:
    figure = presenters.top_brokers_figure({"actors": ROWS}, "closeness", top=2)
    bars = {trace.name: list(trace.y) for trace in figure.data}
    assert bars == {"business": ["Atelier"], "public": ["Bibliothèque"]}
    assert figure.layout.yaxis.categoryarray == ("Bibliothèque", "Atelier")
    assert "closeness" in figure.layout.title.text


GAPS: dict[str, Any] = {
    "territory": "T",
    "as_of": None,
    "sectors": ["business", "public"],
    "observed": {"business": {"business": 4, "public": 0}, "public": {"business": 0, "public": 1}},
    "expected": {
        "business": {"business": 2.5, "public": 3.0},
        "public": {"business": 3.0, "public": 0.5},
    },
    "z": {
        "business": {"business": 1.5, "public": -2.0},
        "public": {"business": -2.0, "public": None},
    },
    "gaps": [
        {
            "sectors": ["business", "public"],
            "observed": 0,
            "expected": 3.0,
            "z": -2.0,
            "bridges": [{"id": "c", "name": "Collectif", "sector": "association"}],
            "fragile": True,
        }
    ],
    "fragile_bridges": [
        {
            "type": "actor",
            "id": "c",
            "name": "Collectif",
            "sector": "association",
            "disconnects": [["business", "public"]],
        },
        {
            "type": "tie",
            "source": {"id": "c", "name": "Collectif", "sector": "association"},
            "target": {"id": "d", "name": "Dé", "sector": "public"},
            "disconnects": [["association", "public"]],
        },
    ],
    "introductions": [
        {
            "source": {"id": "a", "name": "Atelier", "sector": "business"},
            "target": {"id": "d", "name": "Dé", "sector": "public"},
            "score": 0.75,
            "shared_partners": ["Collectif"],
            "distance": 2,
            "reason": "Atelier and Dé both work with Collectif.",
        }
    ],
    "method": {},
}


def test_gap_heatmap() -> None:
    figure = presenters.gap_heatmap(GAPS)
    heat = figure.data[0]
    assert list(heat.x) == ["business", "public"]
    assert [list(r) for r in heat.z] == [[1.5, -2.0], [-2.0, None]]
    assert heat.text[0][1] == "0<br>(3)"
    assert heat.text[0][0] == "4<br>(2.500)"
    assert (heat.zmin, heat.zmax, heat.zmid) == (-2.0, 2.0, 0)


def test_gap_lists_in_words() -> None:
    gaps = text_of(presenters.gap_items(GAPS))
    assert "business ↔ public" in gaps and "0 ties observed, 3 expected (z = -2)" in gaps
    assert "Bridges: Collectif (association)." in gaps and "fragile" in gaps
    fragile = text_of(presenters.fragile_items(GAPS))
    assert "Collectif (association) : losing it would cut business ↔ public" in fragile
    assert "tie Collectif (association) – Dé (public)" in fragile
    empty = {"gaps": [], "fragile_bridges": [], "introductions": []}
    assert "No sector pair" in text_of(presenters.gap_items(empty))
    assert "No introduction" in text_of(presenters.introduction_items(empty))


def test_introductions_have_reasons_and_show_buttons() -> None:
    items = presenters.introduction_items(GAPS)
    text = text_of(items)
    assert "Atelier" in text and "Dé" in text and "both work with Collectif" in text
    assert "score 0.750 · 2 steps apart · shared partners: Collectif" in text
    assert ids.introduction(0) in find_ids(items)


def test_focus_from_introduction_opens_explore_with_both_actors() -> None:
    trigger = ids.introduction(0)
    assert presenters.focus_from_introduction(GAPS, [1], trigger) == ("/", "?from=a&to=d")
    with pytest.raises(PreventUpdate):
        presenters.focus_from_introduction(GAPS, [None], trigger)
    with pytest.raises(PreventUpdate):
        presenters.focus_from_introduction(GAPS, [1], ids.introduction(5))


def test_focus_from_search_keeps_known_actors_with_their_labels(graph: nx.Graph) -> None:
    focus = presenters.focus_from_search("?from=a&to=nobody", graph)
    assert focus == {
        "from": {"value": "a", "options": [{"label": "Atelier · business", "value": "a"}]}
    }
    assert presenters.focus_from_search("", graph) == {}


COMPARISON = {
    "territories": ["Brest", "Quimper"],
    "indicators": [
        {
            "name": "density",
            "label": "Density",
            "description": "share of possible ties",
            "values": {"Brest": 0.05, "Quimper": 0.1},
            "normalised": {"Brest": 0.4, "Quimper": 0.8},
        },
        {
            "name": "actors",
            "label": "Actors",
            "description": "",
            "values": {"Brest": 120, "Quimper": 60},
            "normalised": {"Brest": None, "Quimper": None},
        },
    ],
    "method": {},
}


def test_compare_table_has_raw_and_normalised_per_territory() -> None:
    rows, columns = presenters.compare_table(COMPARISON)
    assert [c["id"] for c in columns] == ["indicator", "raw0", "norm0", "raw1", "norm1"]
    assert columns[3]["name"] == ["Quimper", "raw"]
    assert rows[0] == {
        "indicator": "Density",
        "raw0": "0.050",
        "norm0": "0.400",
        "raw1": "0.100",
        "norm1": "0.800",
    }
    assert rows[1]["raw0"] == "120" and rows[1]["norm0"] == "–"


def test_compare_charts() -> None:
    bars = presenters.compare_figure(COMPARISON)
    assert [t.name for t in bars.data] == ["Brest", "Quimper"]
    assert [list(t.y) for t in bars.data] == [[0.4], [0.8]]  # "Actors" has no normalised value
    raw = presenters.compare_raw_figure(COMPARISON)
    assert [list(t.y) for t in raw.data] == [[0.05, 0.1], [120, 60]]
    assert [a.text for a in raw.layout.annotations] == ["Density", "Actors"]
    assert presenters.compare_tooltips(COMPARISON)[0] == {"indicator": "share of possible ties"}


def test_guarded_view_shows_an_alert_instead_of_a_blank_page() -> None:
    @presenters.guarded(list, go.Figure)
    def broken() -> tuple:
        raise MaillageError("the store is locked")

    @presenters.guarded(list, go.Figure)
    def crashing() -> tuple:
        raise ZeroDivisionError("<b>division</b>")

    elements, figure, alert = broken()
    assert elements == [] and isinstance(figure, go.Figure)
    assert isinstance(alert, dbc.Alert) and alert.color == "danger"
    assert "the store is locked" in text_of(alert)
    # Text stays text: Dash escapes it, nothing is parsed as HTML.
    assert "ZeroDivisionError: <b>division</b>" in text_of(crashing()[-1])
    nothing = presenters.brokers_view(None, None, "betweenness", False)
    assert nothing[-1].color == "info" and "maillage demo" in text_of(nothing[-1])


def test_no_component_renders_raw_html() -> None:
    from pathlib import Path

    source = Path(presenters.__file__).parent
    for path in source.rglob("*.py"):
        assert "dangerously_allow_html" not in path.read_text(encoding="utf-8"), path


def test_download_payload_renders_through_reports() -> None:
    report = {"territory": "Pays de Brest", "as_of": None, "network": {}, "actors": ROWS}
    payload = presenters.download_payload("report", report, "csv")
    assert payload["filename"] == "report-pays-de-brest.csv"
    assert payload["base64"] is True and payload["type"].startswith("text/csv")
    content = base64.b64decode(payload["content"]).decode("utf-8-sig")
    assert "Bibliothèque" in content


def test_every_page_builds_and_routes() -> None:
    page, nav = layout.page_for("/gaps", {}, ["A"])
    assert ids.GAPS_HEATMAP in find_ids(page)
    assert [link.className for link in nav] == [
        "nav-link",
        "nav-link",
        "nav-link active",
        "nav-link",
    ]
    compare_page, _ = layout.page_for("/compare", {}, ["A", "B", "C", "D", "E"])
    picker = next(c for c in [compare_page] if c)
    assert ids.COMPARE_PICK in find_ids(picker)
    missing, _ = layout.page_for("/nowhere", {}, [])
    assert "No page at /nowhere" in text_of(missing)
    explore, _ = layout.page_for("/", {"from": {"value": "a", "options": []}}, [])
    assert ids.picker(ids.SOURCE_ROLE) in find_ids(explore)


# ---------------------------------------------------------------------- a small real store
#
# tests/conftest.py's ``small_dataset``: Nantes holds n1, n2, n3 and b4 (element ids, on
# the sorted ids b4 < n1 < n2 < n3: n0, n1, n2, n3); Rennes holds b4, r1, r2 and r3.


@pytest.fixture
def maillage(tmp_path, small_dataset) -> Any:
    from maillage.app import Maillage
    from maillage.graph.storage import open_store
    from maillage.settings import Settings

    url = f"sqlite:///{tmp_path / 'store.db'}"
    store = open_store(url)
    store.setup_schema()
    store.upsert(small_dataset)
    store.close()
    instance = Maillage(Settings(store_url=url))
    yield instance
    instance.close()


def test_network_view_draws_the_territory(maillage: Any) -> None:
    elements, summary, back, alert = presenters.network_view(maillage, "Nantes", None, None)
    assert alert is None and back == presenters.HIDDEN
    nodes = {e["data"]["actor"]: e for e in elements if "source" not in e["data"]}
    edges = sorted(e["data"]["id"] for e in elements if "source" in e["data"])
    assert sorted(nodes) == ["b4", "n1", "n2", "n3"]
    assert nodes["b4"]["data"]["id"] == "n0" and nodes["n1"]["data"]["label"] == "Atelier Nord"
    assert edges == ["e0_1", "e1_2", "e1_3", "e2_3"]
    assert summary.startswith("4 actors · 4 ties")
    layout = presenters.scale_positions(maillage.layout("Nantes"))
    assert nodes["n2"]["position"] == dict(zip("xy", layout["n2"], strict=True))


def test_network_view_at_a_date_keeps_positions(maillage: Any) -> None:
    full = presenters.network_view(maillage, "Nantes", None, None)[0]
    earlier = presenters.network_view(maillage, "Nantes", "2019-12-31", None)[0]
    actors = [e["data"]["actor"] for e in earlier if "source" not in e["data"]]
    assert actors == ["n1", "n3"]
    assert [e["data"]["id"] for e in earlier if "source" in e["data"]] == ["e1_3"]
    where = {e["data"]["id"]: e.get("position") for e in full}
    assert all(e["position"] == where[e["data"]["id"]] for e in earlier if "position" in e)
    again = presenters.network_view(maillage, "Nantes", None, None)[0]
    assert again == full


def test_network_view_of_a_large_territory_shows_communities(maillage: Any) -> None:
    elements, summary, back, _ = presenters.network_view(maillage, "Nantes", None, None, 2)
    assert all(e["data"].get("super") == 1 for e in elements)
    assert "large territory: shown as" in summary and back == presenters.HIDDEN
    community = next(e["data"]["community"] for e in elements if "source" not in e["data"])
    opened, summary, back, _ = presenters.network_view(maillage, "Nantes", None, community, 2)
    assert back == {} and f"showing community {community}" in summary
    assert all(e["data"]["id"][0] in "ne" for e in opened)
    members = [r["id"] for r in maillage.report("Nantes")["actors"] if r["community"] == community]
    if len(members) > 2:  # more than the threshold: the most connected are drawn
        assert f"its 2 most connected of {len(members)}" in summary


def test_views_show_an_error_panel_for_an_unknown_territory(maillage: Any) -> None:
    elements, summary, _, alert = presenters.network_view(maillage, "Atlantis", None, None)
    assert elements == [] and summary == ""
    assert alert.color == "danger" and "Atlantis" in text_of(alert)
    assert presenters.gaps_view(maillage, "Atlantis")[-1].color == "danger"


def test_views_show_an_error_panel_when_the_store_cannot_be_opened() -> None:
    from maillage.app import Maillage
    from maillage.settings import Settings

    broken = Maillage(Settings(store_url="ftp://nowhere/store"))
    names, alert = presenters.territories_view(broken)
    assert names == [] and "unsupported store URL" in text_of(alert)
    assert "unsupported store URL" in text_of(presenters.brokers_view(broken, "X", None, False))


def test_explore_controls_follow_the_territory_dates(maillage: Any) -> None:
    year, weight = presenters.explore_controls_view(maillage, "Nantes")
    assert (year["min"], year["max"], year["value"]) == (2018, 2022, 2022)
    assert year["marks"][2022] == "all"
    assert (weight["max"], weight["value"]) == (2, 0)


def test_card_view_describes_the_actor_and_highlights_its_ego_network(maillage: Any) -> None:
    card, ego, alert = presenters.card_view(maillage, "Nantes", None, "n1", 1, None)
    assert alert is None
    text = text_of(card)
    assert "Atelier Nord" in text and "kind: SME" in text and "city: Nantes" in text
    assert "Ties (3)" in text
    assert "funding (directed, from it), weight 1.500, 2018-01-01 to 2020-12-31" in text
    assert "governance, weight 1, since 2021-01-01" in text
    assert ego == {
        "nodes": ["n0", "n1", "n2", "n3"],
        "edges": ["e0_1", "e1_2", "e1_3", "e2_3"],
        "selected": ["n1"],
    }
    card, ego, _ = presenters.card_view(maillage, "Nantes", None, "b4", 1, None)
    assert "outside the territory" in text_of(card)  # b4's service tie to r1 (Rennes)
    assert ego["nodes"] == ["n0", "n1"]


def test_highlights_fall_on_communities_when_the_territory_is_drawn_as_communities(
    maillage: Any,
) -> None:
    community = {r["id"]: r["community"] for r in maillage.report("Nantes")["actors"]}
    _, ego, _ = presenters.card_view(maillage, "Nantes", None, "n1", 1, None, 2)
    assert ego["nodes"] == sorted({f"c{c}" for c in community.values()})
    assert ego["selected"] == [f"c{community['n1']}"]
    _, path, _ = presenters.path_view(maillage, "Nantes", None, "n2", "b4", None, 2)
    assert set(path["nodes"]) <= set(ego["nodes"]) and all(e[0] == "x" for e in path["edges"])


def test_path_view_lists_the_chain_and_highlights_it(maillage: Any) -> None:
    steps, path, alert = presenters.path_view(maillage, "Nantes", None, "n2", "b4", None)
    assert alert is None
    text = text_of(steps)
    assert (
        "Asso Lien can reach Université Ouest in 2 steps: ask Atelier Nord for the introduction."
        in text
    )
    assert "Asso Lien (association) and Atelier Nord (business): partnership" in text
    assert path == {"nodes": ["n0", "n1", "n2"], "edges": ["e0_1", "e1_2"]}
    elsewhere = presenters.path_view(maillage, "Nantes", None, "n2", "r2", None)[0]
    assert text_of(elsewhere) == "Pick two actors of this territory."
    lonely = presenters.path_view(maillage, "Rennes", None, "r3", "r1", None)[0]
    assert "No chain of ties links Claire Martin and Rennes Média" in text_of(lonely)


def test_picker_view_finds_actors_of_the_territory(maillage: Any) -> None:
    found = presenters.picker_view(maillage, "Nantes", "universite", None)
    assert found == [{"label": "Université Ouest · academic", "value": "b4"}]
    assert presenters.picker_view(maillage, "Nantes", "rennes", None) == []


def test_pick_view_opens_the_community_of_a_searched_actor(maillage: Any) -> None:
    search = ids.picker(ids.SEARCH_ROLE)
    actor, drill = presenters.pick_view(maillage, "Nantes", search, None, "n1", 2)
    communities = {r["id"]: r["community"] for r in maillage.report("Nantes")["actors"]}
    assert (actor, drill) == ("n1", communities["n1"])
    assert presenters.pick_view(maillage, "Nantes", search, None, "n1") == ("n1", no_update)


def test_brokers_view(maillage: Any) -> None:
    rows, columns, figure, summary, alert = presenters.brokers_view(
        maillage, "Nantes", "betweenness", False
    )
    assert alert is None and len(rows) == 4 and text_of(summary).startswith("4 actors · unweighted")
    assert "Gould-Fernandez" in text_of(summary)
    assert rows[0]["id"] == "n1" and rows[0]["betweenness"] > 0
    assert figure.data and figure.data[0].orientation == "h"


def test_download_view_renders_the_clicked_format(maillage: Any) -> None:
    trigger = ids.download_button("xlsx")
    payload, alert = presenters.download_view(maillage, "Nantes", False, trigger, [None, 1, None])
    assert alert is None and payload["filename"] == "report-nantes.xlsx"
    assert base64.b64decode(payload["content"])[:2] == b"PK"
    with pytest.raises(PreventUpdate):
        presenters.download_view(maillage, "Nantes", False, trigger, [None, None, None])


def test_gaps_and_compare_views(maillage: Any) -> None:
    heatmap, gaps, fragile, introductions, alert = presenters.gaps_view(maillage, "Nantes")
    assert alert is None
    assert set(heatmap.data[0].x) == {"academic", "association", "business", "public"}
    assert gaps and fragile and introductions
    rows, columns, tips, bars, raw, alert = presenters.compare_view(maillage, ["Nantes", "Rennes"])
    assert alert is None and [c["name"][0] for c in columns[1::2]] == ["Nantes", "Rennes"]
    assert rows and [t.name for t in bars.data] == ["Nantes", "Rennes"]
    assert len(tips) == len(rows) and raw.data
    nothing = presenters.compare_view(maillage, [])
    assert nothing[-1].color == "info"


def test_focus_view_reads_the_address(maillage: Any) -> None:
    focus = presenters.focus_view(maillage, "Nantes", "?from=n1&to=r1")
    assert list(focus) == ["from"] and focus["from"]["value"] == "n1"


def test_create_app_wires_every_callback_to_existing_components(maillage: Any) -> None:
    from maillage.dashboard.app import create_app

    app = create_app(maillage)
    assert find(app.layout(), ids.TERRITORY).options == ["Nantes", "Rennes"]
    assert find(app.layout(), ids.TERRITORY).value == "Nantes"
    known = {i if isinstance(i, str) else i.get("type") for i in find_ids(app.validation_layout)}
    for callback in app._callback_list:
        wired = [*callback["inputs"], *callback["state"]]
        outputs = callback["output"].strip(".").split("...")
        for output in outputs:
            component = output.rsplit(".", 1)[0]
            wired.append({"id": component})
        for item in wired:
            component = item["id"]
            if component.startswith("{"):
                pattern = json.loads(component)
                if ["ALL"] in pattern.values():
                    continue  # may match nothing, as the introductions of an empty report
                component = pattern["type"]
            assert component in known, component
    assert len(app._callback_list) == 15
