"""Random states as NetworkX takes them: None, an int, Random, numpy RandomState or Generator."""

from __future__ import annotations

import inspect
import random

import networkx as nx
import numpy as np
import pytest

from maillage.graph import analytics
from maillage.graph.analytics.engine import settled_seed
from maillage.graph.model import Actor, Network, Sector, Tie

SEEDED = [
    analytics.betweenness_centrality,
    analytics.closeness_centrality,
    analytics.communities,
    analytics.compare_territories,
    analytics.gap_report,
    analytics.layout,
    analytics.mixing_baseline,
    analytics.territory_report,
]


@pytest.mark.parametrize("function", SEEDED, ids=lambda f: f.__name__)
def test_seed_defaults_to_none_as_in_networkx(function):
    assert inspect.signature(function).parameters["seed"].default is None


@pytest.mark.parametrize(
    "make",
    [
        lambda: 7,
        lambda: np.int64(7),
        lambda: random.Random(7),
        lambda: np.random.RandomState(7),
        lambda: np.random.default_rng(7),
    ],
    ids=["int", "numpy int", "Random", "RandomState", "Generator"],
)
def test_every_random_state_settles_to_the_same_int_each_time(make):
    seed = settled_seed(make())
    assert type(seed) is int
    assert settled_seed(make()) == seed


def test_an_int_seed_is_kept_and_none_draws_from_the_global_state():
    assert settled_seed(42) == 42
    random.seed(5)
    first = settled_seed(None)
    random.seed(5)
    assert settled_seed(None) == first


def test_sampled_betweenness_draws_from_a_given_random_state_as_networkx():
    G = nx.karate_club_graph()
    ours = analytics.betweenness_centrality(G, k=8, seed=random.Random(3))
    theirs = nx.betweenness_centrality(G, k=8, seed=random.Random(3), weight=None)
    assert ours == pytest.approx(theirs, abs=1e-12)


def network() -> Network:
    G = nx.relaxed_caveman_graph(4, 5, 0.2, seed=1)
    sectors = list(Sector)
    actors = tuple(Actor(str(v), f"A{v}", sectors[v % len(sectors)], ("T",)) for v in G.nodes)
    return Network("T", actors, tuple(Tie(str(u), str(v)) for u, v in G.edges))


def test_a_report_records_the_int_seed_that_computes_it_again():
    report = analytics.territory_report(network(), permutations=20, seed=np.random.default_rng(9))
    seed = report["method"]["seed"]
    assert type(seed) is int
    assert analytics.territory_report(network(), permutations=20, seed=seed) == report
    gaps = analytics.gap_report(network(), permutations=20, seed=random.Random(2))
    assert analytics.gap_report(network(), permutations=20, seed=gaps["method"]["seed"]) == gaps
