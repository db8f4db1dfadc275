"""Layout: deterministic positions in [-1, 1]; community summaries for large territories."""

from __future__ import annotations

import doctest
import importlib

import networkx as nx
import numpy as np

from maillage.graph.analytics.layout import aggregate_by_community, layout


def test_positions_cover_every_node_within_the_unit_square():
    G = nx.karate_club_graph()
    G.add_edge("x", "y")
    G.add_node("alone")
    pos = layout(G, seed=42)
    assert list(pos) == list(G)
    xy = np.array(list(pos.values()))
    assert np.abs(xy).max() == 1.0
    assert len({tuple(p) for p in xy.round(6)}) == len(G)  # no two nodes on one spot


def test_deterministic_with_the_seed():
    G = nx.les_miserables_graph()
    assert layout(G, seed=3) == layout(G, seed=3)
    assert layout(G, seed=3) != layout(G, seed=4)


def test_ties_shorter_than_non_ties():
    G = nx.connected_caveman_graph(4, 5)
    pos = {v: np.array(p) for v, p in layout(G, seed=42).items()}
    tie = np.mean([np.linalg.norm(pos[u] - pos[v]) for u, v in G.edges()])
    everyone = np.mean([np.linalg.norm(pos[u] - pos[v]) for u in G for v in G if u != v])
    assert tie < everyone / 2


def test_small_cases():
    assert layout(nx.Graph(), seed=42) == {}
    assert layout(nx.empty_graph(1), seed=42) == {0: (0.0, 0.0)}
    pos = layout(nx.Graph([(0, 1)]), seed=42)
    assert sorted(x for x, _ in pos.values()) == [-1.0, 1.0]


def test_aggregate_by_community():
    G = nx.barbell_graph(4, 0)  # two K4 joined by one tie
    sectors = {v: ("public" if v < 2 else "media") for v in G}
    nx.set_node_attributes(G, sectors, "sector")
    labels = {v: int(v >= 4) for v in G}
    H = aggregate_by_community(G, labels)
    assert H.nodes[0] == {"size": 4, "sectors": {"public": 2, "media": 2}, "internal": 6}
    assert H.nodes[1] == {"size": 4, "sectors": {"media": 4}, "internal": 6}
    assert H.edges[0, 1] == {"weight": 1, "ties": 1}
    nx.set_edge_attributes(G, 2.5, "weight")
    assert aggregate_by_community(G, labels, weight="weight").edges[0, 1]["weight"] == 2.5


def test_doctests():
    module = importlib.import_module("maillage.graph.analytics.layout")
    assert doctest.testmod(module).failed == 0
