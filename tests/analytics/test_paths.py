"""Chains of introduction, ego networks and their plain-words explanation."""

from __future__ import annotations

import random
from datetime import date

import networkx as nx
import pytest

from maillage.graph.analytics.paths import (
    ego_network,
    introduction_path,
    path_explanation,
    tie_cost,
)

TODAY = date(2024, 1, 1)


def diamond(**ties: dict) -> nx.Graph:
    """s and t joined by two chains of two ties, through a and through b."""
    G = nx.Graph()
    for node, sector in [("s", "business"), ("a", "public"), ("b", "academic"), ("t", "media")]:
        G.add_node(node, name=node.upper(), sector=sector)
    for middle in "ab":
        attrs = ties.get(middle, {})
        G.add_edge("s", middle, **attrs)
        G.add_edge(middle, "t", **attrs)
    return G


def test_tie_cost_is_inverse_weight_plus_years_since_the_tie_ended():
    assert tie_cost({}) == 1.0
    assert tie_cost({"weight": 4}) == 0.25
    assert tie_cost({"weight": 2, "until": date(2021, 1, 1)}, TODAY) == pytest.approx(
        0.5 + 1095 / 365
    )
    # ongoing, or ending after today: age 0
    assert tie_cost({"weight": 2, "until": None}, TODAY) == 0.5
    assert tie_cost({"weight": 2, "until": date(2025, 1, 1)}, TODAY) == 0.5


def test_prefers_the_stronger_of_two_equally_short_chains():
    G = diamond(a={"weight": 1}, b={"weight": 5})
    assert introduction_path(G, "s", "t", today=TODAY) == ["s", "b", "t"]
    G = diamond(a={"weight": 5}, b={"weight": 1})
    assert introduction_path(G, "s", "t", today=TODAY) == ["s", "a", "t"]


def test_prefers_the_more_recent_of_two_equally_strong_chains():
    G = diamond(a={"weight": 2, "until": date(2019, 6, 1)}, b={"weight": 2, "until": None})
    assert introduction_path(G, "s", "t", today=TODAY) == ["s", "b", "t"]
    G = diamond(
        a={"weight": 2, "until": date(2023, 6, 1)}, b={"weight": 2, "until": date(2018, 1, 1)}
    )
    assert introduction_path(G, "s", "t", today=TODAY) == ["s", "a", "t"]


def test_recency_is_measured_from_the_graphs_as_of_date_when_given():
    # on 2020-01-01 the tie through a ended 6 months ago, the one through b 2 years ago
    G = diamond(a={"until": date(2019, 7, 1)}, b={"until": date(2018, 1, 1)})
    G.graph["as_of"] = date(2020, 1, 1)
    assert introduction_path(G, "s", "t") == ["s", "a", "t"]


def test_fewest_intermediaries_win_over_strength():
    G = diamond(a={"weight": 100}, b={"weight": 100})
    G.add_edge("s", "t", weight=0.1, until=date(2000, 1, 1))
    assert introduction_path(G, "s", "t", today=TODAY) == ["s", "t"]


def test_equal_chains_are_broken_by_node_order():
    G = diamond()
    assert introduction_path(G, "s", "t", today=TODAY) == ["s", "a", "t"]


def test_has_as_many_steps_as_a_shortest_path_on_random_graphs():
    rng = random.Random(7)
    for seed in range(20):
        G = nx.gnm_random_graph(30, 45, seed=seed)
        for u, v in G.edges():
            G.edges[u, v]["weight"] = rng.choice([1, 2, 3])
        for _ in range(5):
            s, t = rng.sample(list(G), 2)
            if nx.has_path(G, s, t):
                path = introduction_path(G, s, t, today=TODAY)
                assert len(path) - 1 == nx.shortest_path_length(G, s, t)
                assert all(G.has_edge(u, v) for u, v in zip(path, path[1:], strict=False))
                assert (path[0], path[-1]) == (s, t)


def test_the_chosen_chain_has_the_least_cost_among_shortest_chains():
    rng = random.Random(3)
    G = nx.grid_2d_graph(4, 4)
    for u, v in G.edges():
        G.edges[u, v]["weight"] = rng.choice([1, 2, 4, 8])
    path = introduction_path(G, (0, 0), (3, 3), today=TODAY)

    def cost(p):
        return sum(tie_cost(G.edges[u, v], TODAY) for u, v in zip(p, p[1:], strict=False))

    best = min(cost(p) for p in nx.all_shortest_paths(G, (0, 0), (3, 3)))
    assert cost(path) == pytest.approx(best)


def test_no_chain_raises_no_path_and_unknown_actor_raises_node_not_found():
    G = nx.Graph([("a", "b")])
    G.add_node("c")
    with pytest.raises(nx.NetworkXNoPath):
        introduction_path(G, "a", "c", today=TODAY)
    with pytest.raises(nx.NodeNotFound):
        introduction_path(G, "a", "zz", today=TODAY)
    assert introduction_path(G, "a", "a", today=TODAY) == ["a"]


def test_ego_network_keeps_attributes_and_is_a_copy():
    G = nx.path_graph(6)
    nx.set_node_attributes(G, {n: f"N{n}" for n in G}, "name")
    G.edges[2, 3]["weight"] = 7
    ego = ego_network(G, 2, hops=2)
    assert sorted(ego) == [0, 1, 2, 3, 4]
    assert sorted(ego.edges) == [(0, 1), (1, 2), (2, 3), (3, 4)]
    assert ego.nodes[4]["name"] == "N4" and ego.edges[2, 3]["weight"] == 7
    ego.remove_node(0)
    assert 0 in G
    assert list(ego_network(G, 2, hops=0)) == [2]
    with pytest.raises(nx.NodeNotFound):
        ego_network(G, 99)
    with pytest.raises(ValueError, match="hops"):
        ego_network(G, 2, hops=-1)


def test_path_explanation_describes_each_step():
    G = nx.Graph()
    G.add_node("m", name="Mairie de Sélestat", sector="public")
    G.add_node("a", name="Les Jardins", sector="association")
    G.add_node("u", name="Université", sector="academic")
    G.add_edge("m", "a", weight=3, kinds=("funding", "partnership"), since=date(2019, 3, 1), ties=2)
    G.add_edge("a", "u", weight=1, kinds=("event",), since=date(2020, 1, 5), until=date(2021, 2, 1))
    steps = path_explanation(G, ["m", "a", "u"])
    assert steps[0] == {
        "from": {"id": "m", "name": "Mairie de Sélestat", "sector": "public"},
        "to": {"id": "a", "name": "Les Jardins", "sector": "association"},
        "kinds": ["funding", "partnership"],
        "weight": 3,
        "since": "2019-03-01",
        "until": None,
        "text": (
            "Mairie de Sélestat (public) and Les Jardins (association): "
            "funding, partnership since 2019-03-01, weight 3."
        ),
    }
    assert steps[1]["text"] == (
        "Les Jardins (association) and Université (academic): "
        "event from 2020-01-05 to 2021-02-01, weight 1."
    )
    assert path_explanation(G, ["m"]) == []
    with pytest.raises(ValueError, match="not tied"):
        path_explanation(G, ["m", "u"])
