"""Sector gaps: the permutation baseline, bridges, fragile bridges and the report."""

from __future__ import annotations

import itertools
import json
import random

import networkx as nx
import pytest

from maillage.graph.analytics.gaps import (
    fragile_bridges,
    gap_report,
    sector_bridges,
    sector_order,
)
from maillage.graph.model import Actor, Network, Sector, Tie

SECTORS = {"a": "association", "p": "public", "b": "business", "m": "media", "u": "academic"}


def network(edges, extra=(), territory="T") -> Network:
    """Actors named by their first letter's sector (a association, p public, b business...)."""
    ids = sorted({n for edge in edges for n in edge} | set(extra))
    actors = tuple(Actor(i, i.upper(), Sector(SECTORS[i[0]]), (territory,)) for i in ids)
    return Network(territory, actors, tuple(Tie(u, v) for u, v in edges))


def graph(edges, extra=()) -> nx.Graph:
    G = nx.Graph(edges)
    G.add_nodes_from(extra)
    for node in G:
        G.nodes[node].update(name=node.upper(), sector=SECTORS[node[0]])
    return G


def clique(prefix, size):
    return list(itertools.combinations([f"{prefix}{i}" for i in range(1, size + 1)], 2))


# three associations and three public bodies, each a triangle, joined by one business b
BROKERED = [*clique("a", 3), *clique("p", 3), ("a1", "b"), ("b", "p1")]


def test_single_broker_makes_the_pair_a_fragile_gap_with_one_bridge():
    report = gap_report(network(BROKERED), permutations=200, seed=42)
    assert report["sectors"] == ["business", "association", "public"]
    assert report["observed"] == {
        "business": {"business": 0, "association": 1, "public": 1},
        "association": {"business": 1, "association": 3, "public": 0},
        "public": {"business": 1, "association": 0, "public": 3},
    }
    [gap] = [g for g in report["gaps"] if g["sectors"] == ["association", "public"]]
    assert gap["observed"] == 0
    assert gap["bridges"] == [{"id": "b", "name": "B", "sector": "business"}]
    assert gap["bridge_count"] == 1 and gap["fragile"] is True
    fragile = {(f["type"], f.get("id")): f["disconnects"] for f in report["fragile_bridges"]}
    assert fragile[("actor", "b")] == [["association", "public"]]
    assert fragile[("actor", "a1")] == [["business", "association"], ["association", "public"]]
    best = report["introductions"][0]
    assert (best["source"]["id"], best["target"]["id"]) == ("a1", "p1")
    assert best["shared_partners"] == ["B"]
    assert best["reason"].startswith("both work with B; ")


def test_two_bridges_are_not_fragile():
    edges = [*BROKERED, ("a2", "u"), ("u", "p2")]
    report = gap_report(network(edges), permutations=200, seed=42)
    [gap] = [g for g in report["gaps"] if g["sectors"] == ["association", "public"]]
    assert [b["id"] for b in gap["bridges"]] == ["b", "u"]
    assert gap["fragile"] is False


def test_a_pair_with_far_fewer_ties_than_chance_is_a_gap_even_with_ties():
    # two cliques of 6 joined by one tie: 1 tie across where chance gives about 8
    edges = [*clique("a", 6), *clique("p", 6), ("a1", "p1")]
    report = gap_report(network(edges), permutations=500, seed=1)
    [gap] = report["gaps"]
    assert gap["sectors"] == ["association", "public"] and gap["observed"] == 1
    # labels shuffled over 12 actors: 31 ties, 36 of the 66 pairs split the sectors
    assert gap["expected"] == pytest.approx(31 * 36 / 66, abs=0.5)
    assert gap["z"] < -1.96
    assert [b["id"] for b in gap["bridges"]][:2] == ["a1", "p1"]
    assert gap["fragile"] is False
    assert report["fragile_bridges"][0]["type"] == "actor"
    ties = [f for f in report["fragile_bridges"] if f["type"] == "tie"]
    assert ties == [
        {
            "type": "tie",
            "source": {"id": "a1", "name": "A1", "sector": "association"},
            "target": {"id": "p1", "name": "P1", "sector": "public"},
            "disconnects": [["association", "public"]],
        }
    ]


def test_pairs_tied_as_chance_would_have_it_are_not_gaps():
    # every association works with every public body, nobody within a sector
    edges = [(f"a{i}", f"p{j}") for i in range(1, 5) for j in range(1, 5)]
    report = gap_report(network(edges), permutations=200, seed=42)
    assert report["gaps"] == []


def test_a_pair_with_no_tie_is_a_gap_whatever_chance_says():
    # one media outlet alone: 0 ties where chance expects few
    report = gap_report(network(clique("a", 3), extra=["m1"]), permutations=200, seed=42)
    assert [g["sectors"] for g in report["gaps"]] == [["association", "media"]]
    gap = report["gaps"][0]
    assert gap["observed"] == 0 and gap["bridges"] == [] and gap["fragile"] is False
    assert "no tie" in report["method"]["gap_rule"]
    assert report["method"]["z_critical"] == -1.96


def test_expected_counts_match_the_exact_expectation_of_a_label_shuffle():
    G = nx.gnm_random_graph(40, 90, seed=5)
    sizes = {"association": 20, "public": 12, "media": 8}
    letters = [s[0] for s, n in sizes.items() for _ in range(n)]
    names = {n: f"{letters[n]}{n}" for n in G}
    report = gap_report(
        network([(names[u], names[v]) for u, v in G.edges()], extra=names.values()),
        seed=3,
        permutations=4000,
    )
    n, m = 40, 90
    for a, b in itertools.combinations_with_replacement(sizes, 2):
        if a == b:
            exact = m * sizes[a] * (sizes[a] - 1) / (n * (n - 1))
        else:
            exact = m * 2 * sizes[a] * sizes[b] / (n * (n - 1))
        assert report["expected"][a][b] == pytest.approx(exact, abs=0.25)
    pairs = itertools.combinations_with_replacement(sizes, 2)
    assert sum(report["observed"][a][b] for a, b in pairs) == m


def test_without_ties_every_pair_is_a_gap_and_z_is_null():
    report = gap_report(network([], extra=["a1", "p1", "m1"]), permutations=10, seed=42)
    assert report["z"]["association"]["public"] is None
    assert report["expected"]["association"]["public"] == 0.0
    assert [g["sectors"] for g in report["gaps"]] == [
        ["association", "public"],
        ["association", "media"],
        ["public", "media"],
    ]


def test_gaps_depend_on_the_seed_only_through_the_baseline():
    edges = [*clique("a", 6), *clique("p", 6), ("a1", "p1")]
    first, second = (gap_report(network(edges), permutations=100, seed=s) for s in (1, 2))
    assert first["observed"] == second["observed"]
    assert first["expected"] != second["expected"]
    assert [g["sectors"] for g in first["gaps"]] == [g["sectors"] for g in second["gaps"]]


def test_sector_bridges_by_hand():
    G = graph([("a1", "b1"), ("b1", "p1"), ("a2", "p2"), ("p2", "m1")], extra=["u1"])
    bridges = sector_bridges(G)
    assert set(bridges) == {
        pair for pair in itertools.combinations(sector_order(list(SECTORS.values())), 2)
    }
    # b1 has a tie into each sector, a2 and p2 one tie across: by ties, then name
    assert bridges["association", "public"] == ["b1", "a2", "p2"]
    assert bridges["business", "association"] == ["a1", "b1"]
    assert bridges["association", "media"] == ["p2"]
    assert bridges["academic", "media"] == []


def sector_pairs_joined(G: nx.Graph) -> set[tuple[str, str]]:
    joined = set()
    for part in nx.connected_components(G):
        present = sector_order([G.nodes[n]["sector"] for n in part])
        joined |= set(itertools.combinations(present, 2))
    return joined


def brute_force_fragile(G: nx.Graph) -> dict:
    """Remove each cut vertex and each bridge edge in turn and compare sector pairs joined."""
    before = sector_pairs_joined(G)
    found = {}
    for node in nx.articulation_points(G):
        H = G.copy()
        H.remove_node(node)
        left = set(sector_order([H.nodes[n]["sector"] for n in H]))
        lost = {p for p in before - sector_pairs_joined(H) if set(p) <= left}
        if lost:
            found["actor", node] = lost
    for u, v in G.edges():
        H = G.copy()
        H.remove_edge(u, v)
        lost = before - sector_pairs_joined(H)
        if lost:
            found["tie", frozenset((u, v))] = lost
    return found


def test_fragile_bridges_agree_with_removing_each_actor_and_tie():
    rng = random.Random(11)
    letters = "apbmu"
    for seed in range(40):
        G = nx.gnm_random_graph(14, rng.randint(8, 20), seed=seed)
        G = nx.relabel_nodes(G, {n: f"{rng.choice(letters)}{n}" for n in G})
        for node in G:
            G.nodes[node].update(name=node.upper(), sector=SECTORS[node[0]])
        found = {}
        for item in fragile_bridges(G):
            if item["type"] == "actor":
                key = ("actor", item["id"])
            else:
                key = ("tie", frozenset((item["source"]["id"], item["target"]["id"])))
            found[key] = {tuple(p) for p in item["disconnects"]}
        assert found == brute_force_fragile(G), seed


def test_fragile_bridges_are_ranked_by_the_number_of_pairs_cut():
    # b1 holds four sectors together (6 pairs); a1 alone ties a2 to the rest (4 pairs)
    G = graph([("a1", "b1"), ("b1", "p1"), ("b1", "m1"), ("b1", "u1"), ("a1", "a2")])
    ranked = [(f["type"], f.get("id"), len(f["disconnects"])) for f in fragile_bridges(G)]
    assert ranked[:2] == [("actor", "b1", 6), ("actor", "a1", 4)]


def test_report_is_plain_json_and_deterministic():
    rng = random.Random(2)
    nodes = [f"{rng.choice('apbm')}{i}" for i in range(40)]
    edges = [tuple(rng.sample(nodes, 2)) for _ in range(70)]
    edges = list({tuple(sorted(e)) for e in edges})
    first = gap_report(network(edges), permutations=100, top=5, seed=42)
    assert first == gap_report(network(edges), permutations=100, top=5, seed=42)
    assert json.loads(json.dumps(first)) == first
    assert set(first) == {
        "territory",
        "as_of",
        "sectors",
        "observed",
        "expected",
        "z",
        "gaps",
        "fragile_bridges",
        "introductions",
        "method",
    }
    assert len(first["introductions"]) <= 5 and len(first["fragile_bridges"]) <= 5
    gap_pairs = {tuple(g["sectors"]) for g in first["gaps"]}
    for suggestion in first["introductions"]:
        assert tuple(suggestion["sectors"]) in gap_pairs


def test_ties_leaving_the_territory_do_not_count():
    inside = network(BROKERED)
    outsider = Actor("p9", "P9", Sector.PUBLIC, ("Elsewhere",))
    leaving = Network("T", inside.actors, (*inside.ties, Tie("a2", "p9")), outside=(outsider,))
    assert (
        gap_report(leaving, permutations=50, seed=42)["observed"]
        == gap_report(inside, permutations=50, seed=42)["observed"]
    )


def test_empty_and_single_sector_territories():
    empty = gap_report(Network("T", (), ()), permutations=10, seed=42)
    assert empty["sectors"] == [] and empty["gaps"] == [] and empty["introductions"] == []
    single = gap_report(network(clique("a", 4)), permutations=10, seed=42)
    assert single["sectors"] == ["association"] and single["gaps"] == []


def test_rejects_bad_options():
    for options in ({"permutations": 1}, {"top": -1}, {"alpha": 0}, {"alpha": 1.5}):
        with pytest.raises(ValueError, match="permutations"):
            gap_report(network(BROKERED), **options)


def test_a_given_partition_is_used_for_the_same_community_reason():
    labels = {"a1": 7, "p1": 7, "b": 7, "a2": 0, "a3": 0, "p2": 1, "p3": 1}
    report = gap_report(network(BROKERED), permutations=50, partition=labels, seed=42)
    best = report["introductions"][0]
    assert best["same_community"] is True and "both in community 7" in best["reason"]
