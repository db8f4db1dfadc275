"""Graphs of a territory built from the model's Network."""

from __future__ import annotations

import doctest
from datetime import date

import networkx as nx

from maillage.graph.analytics import network as network_module
from maillage.graph.analytics.network import territory_arcs, territory_graph
from maillage.graph.model import Actor, Network, Sector, Tie, TieKind


def actors(*specs: tuple[str, Sector]) -> tuple[Actor, ...]:
    return tuple(Actor(i, f"Actor {i}", sector, ("T",)) for i, sector in specs)


MEMBERS = actors(("a", Sector.PUBLIC), ("b", Sector.ASSOCIATION), ("c", Sector.BUSINESS))
TIES = (
    Tie("a", "b", weight=2.0, since=date(2020, 1, 1), until=date(2021, 6, 30)),
    Tie(
        "b",
        "a",
        TieKind.FUNDING,
        weight=0.5,
        since=date(2018, 3, 1),
        until=date(2022, 1, 1),
        directed=True,
    ),
    Tie("a", "b", TieKind.EVENT, until=date(2019, 1, 1)),
    Tie("b", "c", since=date(2021, 1, 1)),
    Tie("c", "outsider"),
)


def test_members_are_nodes_with_name_and_sector_value():
    G = territory_graph(Network("T", MEMBERS + actors(("d", Sector.MEDIA)), TIES))
    assert list(G) == ["a", "b", "c", "d"]
    assert G.nodes["a"] == {"name": "Actor a", "sector": "public"}
    assert type(G.nodes["a"]["sector"]) is str
    assert G.degree("d") == 0  # isolated members stay


def test_parallel_ties_fold_into_one_edge():
    G = territory_graph(Network("T", MEMBERS, TIES))
    assert G.number_of_edges() == 2  # the leaving tie to "outsider" is not an edge
    assert G.edges["a", "b"] == {
        "weight": 3.5,
        "kinds": ("event", "funding", "partnership"),
        "since": date(2018, 3, 1),
        "until": date(2022, 1, 1),
        "ties": 3,
    }
    # One open tie keeps the pair open.
    assert G.edges["b", "c"]["until"] is None
    assert G.edges["b", "c"]["since"] == date(2021, 1, 1)


def test_since_is_none_only_without_any_known_start():
    ties = (Tie("a", "b"), Tie("a", "b", TieKind.EVENT))
    G = territory_graph(Network("T", MEMBERS, ties))
    assert G.edges["a", "b"]["since"] is None
    assert G.edges["a", "b"]["until"] is None


def test_graph_attributes_record_territory_date_and_variant():
    G = territory_graph(Network("T", MEMBERS, TIES, as_of=date(2021, 1, 1)), weighted=True)
    assert G.graph == {"territory": "T", "as_of": date(2021, 1, 1), "weighted": True}
    assert not territory_graph(Network("T", MEMBERS, TIES)).graph["weighted"]


def test_arcs_undirected_ties_both_ways_directed_one_way():
    D = territory_arcs(Network("T", MEMBERS, TIES))
    assert isinstance(D, nx.DiGraph)
    assert sorted(D.edges) == [("a", "b"), ("b", "a"), ("b", "c"), ("c", "b")]
    # a -> b carries the two undirected ties; b -> a those and the directed funding.
    assert D.edges["a", "b"]["ties"] == 2
    assert D.edges["b", "a"]["ties"] == 3
    assert D.edges["b", "a"]["kinds"] == ("event", "funding", "partnership")
    assert D.nodes["c"]["sector"] == "business"


def test_directed_tie_alone_is_one_arc():
    D = territory_arcs(Network("T", MEMBERS, (Tie("c", "a", directed=True),)))
    assert list(D.edges) == [("c", "a")]
    assert D.number_of_nodes() == 3


def test_empty_territory():
    G = territory_graph(Network("T", (), ()))
    assert G.number_of_nodes() == 0


def test_doctests():
    assert doctest.testmod(network_module).failed == 0
