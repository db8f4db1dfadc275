"""Territory indicators side by side, raw and normalised against degree-preserving rewiring."""

from __future__ import annotations

import json
from datetime import date

import networkx as nx
import pytest

from maillage.graph.analytics.compare import INDICATORS, compare_territories
from maillage.graph.analytics.report import territory_report
from maillage.graph.model import Actor, Network, Sector, Tie, TieKind

ROTATION = (Sector.BUSINESS, Sector.PUBLIC, Sector.ASSOCIATION)


def from_graph(G: nx.Graph, territory: str = "T", as_of: date | None = None) -> Network:
    actors = tuple(Actor(str(n), f"A{n}", ROTATION[n % 3], (territory,)) for n in G)
    ties = tuple(Tie(str(u), str(v)) for u, v in G.edges() if u != v)
    return Network(territory, actors, ties, as_of=as_of)


def rows(result: dict) -> dict[str, dict]:
    return {row["name"]: row for row in result["indicators"]}


def test_raw_values_of_a_star_by_hand():
    # centre 0 is a business; leaves 1..4 are public, association, business, public
    star = from_graph(nx.star_graph(4))
    outsider = Actor("x", "X", Sector.MEDIA, ("Elsewhere",))
    star = Network("T", star.actors, (*star.ties, Tie("1", "x")), outside=(outsider,))
    result = rows(compare_territories([star], randomisations=5, seed=42))
    values = {name: row["values"]["T"] for name, row in result.items()}
    assert values == {
        "actors": 5,
        "ties": 4,
        "density": 0.4,
        "components": 1,
        "largest_component_share": 1.0,
        "average_clustering": 0.0,
        "modularity": 0.0,
        "communities": 1,
        # one leaf (3) is a business like the centre: 3 ties across, 1 within
        "ei_index": 0.5,
        "assortativity": pytest.approx(
            nx.attribute_assortativity_coefficient(sector_graph(nx.star_graph(4)), "sector"),
            abs=1e-6,
        ),
        "betweenness_centralisation": 1.0,
        "openness": 0.2,
    }
    # a star cannot be rewired: every randomisation is the star itself
    assert result["betweenness_centralisation"]["normalised"]["T"] == 1.0
    assert result["betweenness_centralisation"]["z"]["T"] is None
    assert result["average_clustering"]["normalised"]["T"] is None
    assert result["ei_index"]["normalised"]["T"] == 0.0
    assert result["openness"]["normalised"]["T"] is None


def sector_graph(G: nx.Graph) -> nx.Graph:
    nx.set_node_attributes(G, {n: ROTATION[n % 3].value for n in G}, "sector")
    return G


def test_density_kept_by_rewiring_is_not_normalised_and_random_graphs_normalise_near_one():
    G = nx.gnm_random_graph(200, 600, seed=0)
    document = compare_territories([from_graph(G)], seed=0)
    result = rows(document)
    assert result["density"]["normalised"]["T"] is None
    assert result["density"]["z"]["T"] is None
    assert "density" not in {row["name"] for row in document["z_scores"]}
    for name in ("average_clustering", "modularity", "betweenness_centralisation"):
        assert result[name]["normalised"]["T"] == pytest.approx(1.0, abs=0.3), name
        assert abs(result[name]["z"]["T"]) < 3, name
    assert result["ei_index"]["normalised"]["T"] == pytest.approx(0.0, abs=0.1)


def test_a_territory_against_itself_is_symmetric():
    network = from_graph(nx.relaxed_caveman_graph(6, 5, 0.1, seed=2))
    result = compare_territories([network, network], randomisations=8, seed=42)
    assert result["territories"] == ["T #1", "T #2"]
    for row in result["indicators"]:
        for key in ("values", "normalised", "z"):
            assert row[key]["T #1"] == row[key]["T #2"], (row["name"], key)


def test_results_do_not_depend_on_the_other_territories():
    small = from_graph(nx.relaxed_caveman_graph(4, 5, 0.1, seed=1), "Small")
    large = from_graph(nx.relaxed_caveman_graph(12, 5, 0.1, seed=1), "Large")
    both = rows(compare_territories([small, large], randomisations=6, seed=42))
    alone = rows(compare_territories([small], randomisations=6, seed=42))
    flipped = rows(compare_territories([large, small], randomisations=6, seed=42))
    for name, row in both.items():
        assert row["normalised"]["Small"] == alone[name]["normalised"]["Small"]
        assert row["normalised"]["Large"] == flipped[name]["normalised"]["Large"]


def test_size_normalisation_makes_a_small_and_a_large_random_territory_alike():
    small = from_graph(nx.gnm_random_graph(60, 180, seed=4), "Small")
    large = from_graph(nx.gnm_random_graph(600, 1800, seed=4), "Large")
    result = rows(compare_territories([small, large], seed=4))
    clustering = result["average_clustering"]
    assert clustering["values"]["Small"] > 4 * clustering["values"]["Large"]
    for territory in ("Small", "Large"):
        assert clustering["normalised"][territory] == pytest.approx(1.0, abs=0.4)
    assert result["density"]["values"]["Small"] == pytest.approx(180 / (60 * 59 / 2), abs=1e-6)


def test_clustered_territory_stands_out_after_normalisation():
    caves = from_graph(nx.connected_caveman_graph(10, 6), "Caves")
    result = rows(compare_territories([caves], seed=1))
    assert result["average_clustering"]["normalised"]["Caves"] > 3
    assert result["modularity"]["normalised"]["Caves"] > 1.5
    assert result["modularity"]["z"]["Caves"] > 3


def test_same_territory_at_two_dates_is_named_by_date():
    G = nx.path_graph(5)
    early = from_graph(G, as_of=date(2019, 1, 1))
    late = from_graph(G, as_of=date(2022, 1, 1))
    assert compare_territories([early, late], randomisations=2, seed=42)["territories"] == [
        "T (2019-01-01)",
        "T (2022-01-01)",
    ]


def test_without_randomisations_or_ties_nothing_is_normalised():
    result = compare_territories([from_graph(nx.cycle_graph(6))], randomisations=0, seed=42)
    assert all(row["normalised"]["T"] is None for row in result["indicators"])
    lonely = compare_territories([from_graph(nx.empty_graph(3))], seed=42)
    values = {row["name"]: row["values"]["T"] for row in lonely["indicators"]}
    assert values["ties"] == 0 and values["components"] == 3
    # undefined values are 0.0, as in the territory report
    assert values["ei_index"] == 0.0 and values["modularity"] == 0.0
    assert values["openness"] == 0.0 and values["assortativity"] is None
    assert all(row["normalised"]["T"] is None for row in lonely["indicators"])


def test_raw_values_are_the_territory_reports():
    G = nx.relaxed_caveman_graph(8, 6, 0.15, seed=3)
    network = from_graph(G)
    outsider = Actor("x", "X", Sector.MEDIA, ("Elsewhere",))
    network = Network(
        "T",
        network.actors,
        (*network.ties, Tie("1", "x"), Tie("1", "2", kind=TieKind.FUNDING)),
        outside=(outsider,),
    )
    report = territory_report(network, permutations=10, seed=42)["network"]
    values = {
        r["name"]: r["values"]["T"] for r in compare_territories([network], seed=42)["indicators"]
    }
    for name in values.keys() & report.keys():
        assert values[name] == pytest.approx(report[name], abs=1e-6), name


def test_output_is_plain_and_complete():
    result = compare_territories([from_graph(nx.path_graph(4))], randomisations=3, seed=5)
    assert json.loads(json.dumps(result)) == result
    assert [row["name"] for row in result["indicators"]] == [i.name for i in INDICATORS]
    for row in result["indicators"]:
        assert set(row) == {
            "name",
            "label",
            "description",
            "normalisation",
            "values",
            "normalised",
            "z",
        }
    assert result["method"]["seed"] == 5 and result["method"]["randomisations"] == 3
    assert result == compare_territories([from_graph(nx.path_graph(4))], randomisations=3, seed=5)
