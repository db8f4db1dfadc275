"""Communities: best modularity partition, labels by size, deterministic with the seed."""

from __future__ import annotations

import doctest
import importlib

import networkx as nx
import pytest

from maillage.graph.analytics.communities import communities, modularity, partition_sets


def karate() -> nx.Graph:
    return nx.Graph(nx.karate_club_graph().edges())


as_sets = partition_sets


def test_karate_reaches_the_published_optimum():
    # Maximum modularity of Zachary's karate club: 0.4198 (Brandes et al. 2008,
    # "On modularity clustering", IEEE TKDE 20(2), exact by integer programming).
    labels = communities(karate(), seed=42)
    assert modularity(karate(), as_sets(labels)) == pytest.approx(0.4198, abs=1e-4)
    assert len(set(labels.values())) == 4


@pytest.mark.parametrize(
    "G",
    [karate(), nx.florentine_families_graph(), nx.les_miserables_graph()],
    ids=["karate", "florentine", "les-miserables"],
)
def test_at_least_networkx_louvain_and_modularity_equals_networkx(G):
    labels = communities(G, seed=42)
    ours = modularity(G, as_sets(labels))
    theirs = nx.community.modularity(G, as_sets(labels), weight=None)
    assert ours == pytest.approx(theirs, abs=1e-12)
    louvain = nx.community.louvain_communities(G, weight=None, seed=42)
    assert ours >= nx.community.modularity(G, louvain, weight=None) - 1e-12


def test_weighted_modularity_equals_networkx():
    G = nx.les_miserables_graph()
    labels = communities(G, weight="weight", seed=42)
    ours = modularity(G, as_sets(labels), weight="weight")
    assert ours == pytest.approx(nx.community.modularity(G, as_sets(labels)), abs=1e-12)
    louvain = nx.community.louvain_communities(G, seed=42)
    assert ours >= nx.community.modularity(G, louvain) - 1e-12


def test_labels_by_decreasing_size_and_deterministic():
    G = nx.disjoint_union_all([nx.complete_graph(3), nx.complete_graph(6), nx.complete_graph(4)])
    G.add_node("alone")
    labels = communities(G, seed=7)
    assert labels == communities(G, seed=7)
    sizes = [len(s) for s in sorted(as_sets(labels), key=lambda s: labels[next(iter(s))])]
    assert sizes == [6, 4, 3, 1]
    assert labels["alone"] == 3
    assert sorted(set(labels.values())) == [0, 1, 2, 3]


def test_graphs_without_ties():
    assert communities(nx.Graph(), seed=42) == {}
    assert communities(nx.empty_graph(3), seed=42) == {0: 0, 1: 1, 2: 2}
    assert modularity(nx.empty_graph(3), [{0}, {1}, {2}]) == 0.0


def test_modularity_takes_a_partition_as_networkx_does():
    G = karate()
    halves = [set(range(17)), set(range(17, 34))]
    assert modularity(G, halves) == pytest.approx(
        nx.community.modularity(G, halves, weight=None), abs=1e-12
    )
    for not_a_partition in ([set(range(17))], [set(range(18)), set(range(17, 34))]):
        with pytest.raises(nx.NetworkXError, match="not a valid partition"):
            modularity(G, not_a_partition)


def test_doctests():
    module = importlib.import_module("maillage.graph.analytics.communities")
    assert doctest.testmod(module).failed == 0
