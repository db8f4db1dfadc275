"""The territory report: the JSON document of DATA-FORMAT.md, by hand and against NetworkX."""

from __future__ import annotations

import doctest
import json
import random
from datetime import date

import networkx as nx
import pytest

from maillage.graph.analytics import report as report_module
from maillage.graph.analytics.brokerage import brokerage
from maillage.graph.analytics.network import territory_arcs, territory_graph
from maillage.graph.analytics.report import territory_report
from maillage.graph.model import Actor, Network, Sector, Tie, TieKind

NETWORK_KEYS = {
    "actors": int, "ties": int, "density": float, "components": int,
    "largest_component_share": float, "average_clustering": float, "communities": int,
    "modularity": float, "ei_index": float, "openness": float,
}  # fmt: skip
ACTOR_KEYS = {
    "id": str, "name": str, "sector": str, "degree": int, "betweenness": float,
    "closeness": float, "eigenvector": float, "pagerank": float, "community": int,
}  # fmt: skip
ROLE_KEYS = ["coordinator", "itinerant", "gatekeeper", "representative", "liaison"]


def star() -> Network:
    """Public hub m tied to a, b (associations) and c (business); d (citizen) alone.

    a also funds m (a directed tie parallel to a - m); c has a tie leaving the territory.
    """
    people = (
        Actor("m", "Mairie", Sector.PUBLIC, ("T",)),
        Actor("a", "Asso A", Sector.ASSOCIATION, ("T",)),
        Actor("b", "Asso B", Sector.ASSOCIATION, ("T",)),
        Actor("c", "Café", Sector.BUSINESS, ("T",)),
        Actor("d", "Dominique", Sector.CITIZEN, ("T",)),
    )
    ties = (
        Tie("m", "a"),
        Tie("m", "b"),
        Tie("m", "c"),
        Tie("a", "m", TieKind.FUNDING, directed=True),
        Tie("c", "x"),
    )
    return Network("T", people, ties, as_of=date(2024, 5, 1))


def test_document_follows_the_contract():
    report = territory_report(star(), seed=42)
    json.dumps(report, allow_nan=False)  # plain JSON, no NaN
    assert report["territory"] == "T"
    assert report["as_of"] == "2024-05-01"
    assert report["variant"] == "unweighted"
    assert report["approximate"] is False
    for key, kind in NETWORK_KEYS.items():
        assert type(report["network"][key]) is kind, key
    for actor in report["actors"]:
        for key, kind in ACTOR_KEYS.items():
            assert type(actor[key]) is kind, key
        assert list(actor["brokerage"]) == ROLE_KEYS
        assert all(type(v) is int for v in actor["brokerage"].values())
    assert {"observed", "expected", "z"} <= set(report["sector_mixing"])
    assert report["method"]["seed"] == 42
    assert report["method"]["references"]


def test_star_by_hand():
    report = territory_report(star(), seed=42)
    network = report["network"]
    assert network["actors"] == 5
    assert network["ties"] == 4  # the leaving tie counts for openness only
    assert network["linked_pairs"] == 3
    assert network["openness"] == 1 / 5
    assert network["density"] == 3 / 10
    assert network["components"] == 2
    assert network["largest_component_share"] == 4 / 5
    assert network["average_clustering"] == 0.0
    assert network["ei_index"] == 1.0  # every tie crosses sectors
    assert network["sector_counts"] == {"business": 1, "association": 2, "public": 1, "citizen": 1}
    assert network["ei_by_sector"]["citizen"] is None
    assert [a["id"] for a in report["actors"]] == ["m", "a", "b", "c", "d"]
    hub, d = report["actors"][0], report["actors"][-1]
    assert hub["degree"] == 3
    assert hub["betweenness"] == 0.5  # 3 pairs of leaves, 2 * 3 / (4 * 3)
    assert hub["constraint"] == pytest.approx(1 / 3)
    assert hub["effective_size"] == 3.0
    # a-b: association through public (itinerant, both ways); a-c, b-c: liaison (both ways).
    assert hub["brokerage"] == {
        "coordinator": 0, "itinerant": 2, "gatekeeper": 0, "representative": 0, "liaison": 4,
    }  # fmt: skip
    assert hub["ei_index"] == 1.0
    assert (d["constraint"], d["effective_size"], d["ei_index"]) == (None, None, None)
    assert d["closeness"] == 0.0


def random_network(actors: int, seed: int) -> Network:
    rng = random.Random(seed)
    G = nx.gnp_random_graph(actors, 0.08, seed=seed)
    people = tuple(Actor(f"n{v:02d}", f"N{v}", rng.choice(list(Sector)), ("T",)) for v in G)
    ties = tuple(Tie(f"n{u:02d}", f"n{v:02d}", weight=rng.choice([1, 2, 4])) for u, v in G.edges())
    return Network("T", people, ties)


@pytest.mark.parametrize("weighted", [False, True])
def test_values_are_networkx_values(weighted):
    network = random_network(60, 4)
    report = territory_report(network, weighted=weighted, seed=42)
    G = territory_graph(network)
    weight = "weight" if weighted else None
    for u, v in G.edges():
        G[u][v]["distance"] = 1 / G[u][v]["weight"]
    distance = "distance" if weighted else None
    expected = {
        "betweenness": nx.betweenness_centrality(G, weight=distance),
        "closeness": nx.closeness_centrality(G, distance=distance),
        "eigenvector": nx.eigenvector_centrality(G, max_iter=1000, tol=1e-10, weight=weight),
        "pagerank": nx.pagerank(G, weight=weight, tol=1e-10, max_iter=1000),
        "constraint": nx.constraint(G, nodes=list(G), weight=weight),
        "effective_size": nx.effective_size(G, nodes=list(G), weight=weight),
    }
    for actor in report["actors"]:
        for key, values in expected.items():
            value = values[actor["id"]]
            if value != value:  # NaN for isolated actors
                assert actor[key] is None
            else:
                assert actor[key] == pytest.approx(value, abs=1e-9), key
        assert actor["degree"] == G.degree(actor["id"])
    assert report["network"]["average_clustering"] == pytest.approx(nx.average_clustering(G))
    assert report["network"]["assortativity"] == pytest.approx(
        nx.attribute_assortativity_coefficient(G, "sector")
    )
    betweenness = [a["betweenness"] for a in report["actors"]]
    assert betweenness == sorted(betweenness, reverse=True)
    assert report["variant"] == ("weighted" if weighted else "unweighted")


def test_brokerage_counts_directed_ties_as_one_arc():
    base = random_network(40, 7)
    rng = random.Random(7)
    ties = tuple(Tie(t.source, t.target, directed=rng.random() < 0.4) for t in base.ties) + (
        Tie("n01", "n02", TieKind.FUNDING, directed=True),
    )
    network = Network("T", base.actors, ties)
    expected = brokerage(territory_arcs(network))
    for actor in territory_report(network, seed=42)["actors"]:
        assert actor["brokerage"] == expected[actor["id"]]


def test_approximate_mode_is_chosen_above_the_threshold_and_stated():
    network = random_network(60, 5)
    report = territory_report(network, approximate_threshold=50, pivots=20, seed=42)
    assert report["approximate"] is True
    assert report["method"]["pivots"] == 20
    G = territory_graph(network)
    sampled = nx.betweenness_centrality(G, k=20, seed=42)
    for actor in report["actors"]:
        assert actor["betweenness"] == pytest.approx(sampled[actor["id"]], abs=1e-9)
    assert (
        territory_report(network, approximate=False, approximate_threshold=50, seed=42)[
            "approximate"
        ]
        is False
    )


def test_deterministic_and_empty():
    network = random_network(40, 6)
    assert territory_report(network, seed=42) == territory_report(network, seed=42)
    empty = territory_report(Network("Nowhere", (), ()), seed=42)
    assert empty["actors"] == []
    assert empty["network"]["actors"] == 0
    json.dumps(empty, allow_nan=False)


def test_doctests():
    assert doctest.testmod(report_module).failed == 0
