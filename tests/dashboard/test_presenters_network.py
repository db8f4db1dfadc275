"""The network drawing: element ids, positions, elements, stylesheet, legend."""

from __future__ import annotations

import networkx as nx
from dashboard_support import ROWS, text_of

from maillage.dashboard import style
from maillage.dashboard.presenters.network import (
    draw_mode,
    edge_id,
    element_index,
    highlight,
    layout_scale,
    legend,
    network_elements,
    network_summary,
    overview_elements,
    scale_positions,
    stylesheet,
)
from maillage.graph.vocabulary import SECTOR_COLOURS

LAYOUT = {"a": (-1.0, 1.0), "b": (1.0, 1.0), "c": (0.0, 0.0), "d": (0.0, -1.0)}


def test_element_ids_are_numbered_on_the_sorted_full_graph(graph: nx.Graph) -> None:
    index = element_index(graph)
    assert index == {"a": 0, "b": 1, "c": 2, "d": 3}
    assert edge_id(3, 1) == "e1_3"


def test_positions_are_scaled_and_y_flipped() -> None:
    scaled = scale_positions(LAYOUT, scale=100)
    assert scaled["a"] == (-100.0, -100.0)
    assert scaled["d"] == (0.0, 100.0)
    assert layout_scale(4) == 250.0
    assert layout_scale(10_000) == 2000.0


def test_network_elements(graph: nx.Graph) -> None:
    positions = scale_positions(LAYOUT, scale=100)
    index = element_index(graph)
    elements = network_elements(graph, positions, ROWS, index)
    nodes = [e for e in elements if "source" not in e["data"]]
    edges = [e for e in elements if "source" in e["data"]]
    assert [n["data"]["id"] for n in nodes] == ["n0", "n1", "n2", "n3"]
    a = nodes[0]
    assert a["data"]["actor"] == "a" and a["data"]["label"] == "Atelier"
    assert a["position"] == {"x": -100.0, "y": -100.0}
    assert a["data"]["colour"] == SECTOR_COLOURS["business"]
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
    positions = scale_positions(LAYOUT)
    index = element_index(graph)
    members = network_elements(graph, positions, ROWS, index, members=["c", "d"])
    assert [e["data"]["id"] for e in members] == ["n2", "n3", "e2_3"]
    earlier = graph.subgraph(["a", "b"])
    drawn = network_elements(earlier, positions, ROWS, index)
    # Ids and positions come from the full graph: nothing moves between dates.
    assert [e["data"]["id"] for e in drawn] == ["n0", "n1", "e0_1"]
    assert drawn[1]["position"] == {"x": positions["b"][0], "y": positions["b"][1]}


def test_overview_has_one_supernode_per_community_at_its_centroid(graph: nx.Graph) -> None:
    positions = scale_positions(LAYOUT, scale=100)
    elements = overview_elements(graph, positions, ROWS)
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
    assert draw_mode(1500, 1500, None) == "full"
    assert draw_mode(1501, 1500, None) == "overview"
    assert draw_mode(1501, 1500, 7) == "community"


def test_highlight_maps_actors_to_elements_or_to_communities(graph: nx.Graph) -> None:
    index = element_index(graph)
    plain = highlight(["a", "c", "zz"], [("c", "a")], index)
    assert plain == {"nodes": ["n0", "n2"], "edges": ["e0_2"]}
    communities = {"a": 7, "b": 7, "c": 2, "d": 2}
    grouped = highlight(["a", "c"], [("a", "c"), ("c", "d")], index, communities)
    assert grouped == {"nodes": ["c2", "c7"], "edges": ["x2_7"]}


def rule(sheet: list[dict], selector: str) -> dict:
    """The last rule for ``selector`` (later rules win in Cytoscape)."""
    return [r["style"] for r in sheet if r["selector"] == selector][-1]


def test_stylesheet_sizes_and_colours() -> None:
    sheet = stylesheet(size_by="betweenness", colour_by="community")
    node = rule(sheet, "node")
    assert node["width"] == "mapData(s_betweenness, 0, 1, 8, 44)"
    assert node["background-color"] == "data(ccolour)"
    assert rule(stylesheet(size_by="nonsense"), "node")["width"].startswith("mapData(s_degree")
    assert not any("display" in r["style"] for r in sheet)


def test_stylesheet_filters_hide_and_never_move() -> None:
    sheet = stylesheet(sectors=["business", "public"], kinds=["funding", "event"], min_weight=2)
    hidden = [r["selector"] for r in sheet if r["style"].get("display") == "none"]
    assert 'node[sector = "media"]' in hidden[0] and 'node[sector = "public"]' not in hidden[0]
    assert "edge" in hidden
    assert "edge[weight < 2.0][^super]" in hidden
    assert rule(sheet, "edge[?k_event], edge[?k_funding]")["display"] == "element"
    assert all("position" not in r["style"] for r in sheet)


def test_stylesheet_highlights_only_well_formed_element_ids() -> None:
    ego = {"nodes": ["n1", "n2", 'n3"] , node'], "edges": ["e1_2"], "selected": ["n1"]}
    path = {"nodes": ["n2", "n9"], "edges": ["e2_9", "n1\n"]}
    sheet = stylesheet(ego=ego, path=path)
    selectors = [r["selector"] for r in sheet]
    assert rule(sheet, "node")["opacity"] == style.FADED_OPACITY
    assert "#n2, #n9" in selectors and "#n1, #n2" not in selectors  # the path outshines the ego
    assert "#n1, #n2" in [r["selector"] for r in stylesheet(ego=ego)]
    assert rule(sheet, "#e2_9")["line-color"] == style.PATH_COLOUR
    assert rule(sheet, "#n1")["border-color"] == style.SELECTED_BORDER
    assert not any('"]' in s and "sector" not in s for s in selectors)
    assert not any("\n" in s for s in selectors)


def test_stylesheet_ignores_a_weight_that_is_not_a_number() -> None:
    sheet = stylesheet(min_weight="1] , node[x")
    assert not any("weight" in r["selector"] for r in sheet)


def test_legend_counts_sectors_or_communities(graph: nx.Graph) -> None:
    by_sector = text_of(legend(graph, ROWS, "sector", "full"))
    assert "business (1)" in by_sector and "public (2)" in by_sector
    assert "media" not in by_sector
    by_community = text_of(legend(graph, ROWS, "community", "full"))
    assert by_community.index("Community 2 (2)") < by_community.index("Community 7 (2)")


def test_network_summary() -> None:
    report = {
        "as_of": "2020-12-31",
        "network": {"actors": 600, "ties": 1800, "density": 0.01, "communities": 9},
    }
    line = network_summary(report, "overview", 9, None)
    assert line.startswith("600 actors · 1,800 ties · density 0.010 · 9 communities")
    assert "as of 2020-12-31" in line and "shown as 9 communities" in line
