"""Suggested introductions across sector gaps: candidates, scores and reasons."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from maillage.graph.analytics.introductions import (
    reach_gain,
    sector_distances,
    suggest_introductions,
)
from maillage.graph.vocabulary import sector_noun

GAP = [("association", "public")]
SECTOR = {"x": "association", "y": "public", "w": "business", "h": "business"}


def graph(edges, **kinds) -> nx.Graph:
    """Nodes named by their first letter's sector (x association, y public, w/h business)."""
    G = nx.Graph()
    for u, v in edges:
        G.add_edge(u, v, kinds=kinds.get(f"{u}-{v}", ("partnership",)), weight=1)
    for node in list(G):
        G.nodes[node].update(name=node.upper(), sector=SECTOR[node[0]])
    return G


def pairs(suggestions):
    return [(s["source"]["id"], s["target"]["id"]) for s in suggestions]


# x1 and y1 share two partners, x2 and y2 one; the two parts are otherwise alike.
TWO_AND_ONE = [("x1", "w1"), ("x1", "w2"), ("y1", "w1"), ("y1", "w2"), ("x2", "w3"), ("y2", "w3")]


def test_two_shared_partners_rank_above_one():
    found = suggest_introductions(graph(TWO_AND_ONE), GAP)
    assert pairs(found) == [("x1", "y1"), ("x2", "y2")]
    first, second = found
    # likelihood = 0.1 + Adamic-Adar (1/ln 2 per partner of degree 2) + 1 (two steps apart);
    # impact: the association and the public body each come one step closer, 1/1 - 1/2 each
    assert first["likelihood"] == pytest.approx(0.1 + 2 / math.log(2) + 1, abs=1e-6)
    assert second["likelihood"] == pytest.approx(0.1 + 1 / math.log(2) + 1, abs=1e-6)
    assert first["impact"] == second["impact"] == 1.0
    assert first["score"] == pytest.approx(2 * first["likelihood"], abs=1e-6)
    assert first == {
        "source": {"id": "x1", "name": "X1", "sector": "association"},
        "target": {"id": "y1", "name": "Y1", "sector": "public"},
        "sectors": ["association", "public"],
        "score": first["score"],
        "likelihood": first["likelihood"],
        "impact": 1.0,
        "shared_partners": ["W1", "W2"],
        "distance": 2,
        "same_community": None,
        "reason": (
            "both work with W1 and W2; would bring 1 association and 1 public body closer "
            "to each other"
        ),
        "reason_parts": [
            {"template": "both work with {names}", "names": ["W1", "W2"], "limit": 2},
            {
                "template": "would bring {who} closer to each other",
                "who": [{"sector": "association", "count": 1}, {"sector": "public", "count": 1}],
            },
        ],
    }


def test_shared_events_and_community_raise_the_likelihood_and_are_given_as_reasons():
    G = graph(TWO_AND_ONE, **{"x2-w3": ("event",), "y2-w3": ("event", "funding")})
    communities = {"x1": 0, "y1": 1, "x2": 3, "y2": 3, "w1": 0, "w2": 1, "w3": 3}
    found = {s["source"]["id"]: s for s in suggest_introductions(G, GAP, communities=communities)}
    assert found["x2"]["likelihood"] == pytest.approx(
        0.1 + 1 / math.log(2) + 0.25 + 0.5 + 1, abs=1e-6
    )
    assert found["x2"]["same_community"] is True and found["x1"]["same_community"] is False
    assert found["x2"]["reason"] == (
        "both take part in events with W3; both in community 3; "
        "would bring 1 association and 1 public body closer to each other"
    )


def test_three_step_candidates_when_no_partner_is_shared():
    G = graph([("x1", "w1"), ("w1", "w2"), ("w2", "y1")])
    [only] = suggest_introductions(G, GAP)
    assert pairs([only]) == [("x1", "y1")]
    assert only["distance"] == 3 and only["shared_partners"] == []
    assert only["likelihood"] == pytest.approx(0.1 + 0.5)
    # each end comes from 3 steps to 1 from the other sector: 2 * (1 - 1/3)
    assert only["impact"] == pytest.approx(4 / 3, abs=1e-6)
    assert only["reason"] == (
        "3 steps apart, through W1 and W2; "
        "would bring 1 association and 1 public body closer to each other"
    )


def test_disconnected_sectors_get_cold_introductions_between_their_best_connected_actors():
    G = graph([("x1", "x2"), ("x2", "x3"), ("y1", "y2")])
    found = suggest_introductions(G, GAP)
    # the 3 best-connected associations (x2 first) times the 2 public bodies
    assert {pair for pair in pairs(found)} == {
        (x, y) for x in ("x1", "x2", "x3") for y in ("y1", "y2")
    }
    best = found[0]
    assert pairs([best]) == [("x2", "y1")]
    assert best["distance"] is None and best["likelihood"] == pytest.approx(0.1)
    # x2 reaches the public sector in 1 step, x1 and x3 in 2; y1 in 1 step, y2 in 2
    assert best["impact"] == pytest.approx(1 + 0.5 + 0.5 + 1 + 0.5)
    assert best["reason"] == (
        "no chain of ties joins them yet; "
        "would give 3 associations and 2 public bodies a first path to each other"
    )


def test_busy_partners_are_skipped_beyond_the_pair_budget_but_still_counted():
    hub = [("h", n) for n in ("x1", "x2", "x3", "y1", "y2", "y3")]
    G = graph([*hub, ("x1", "w"), ("w", "y1")])
    assert len(suggest_introductions(G, GAP)) == 9
    [only] = suggest_introductions(G, GAP, max_pairs=5)
    assert pairs([only]) == [("x1", "y1")]
    assert only["shared_partners"] == ["W", "H"]
    assert only["likelihood"] == pytest.approx(0.1 + 1 / math.log(2) + 1 / math.log(6) + 1)


def test_the_best_of_each_gap_is_kept_within_top():
    G = graph(TWO_AND_ONE + [("x3", "h1"), ("h1", "h2")])
    G.nodes["h2"]["sector"] = "media"
    found = suggest_introductions(G, [("association", "public"), ("association", "media")], top=2)
    assert [s["sectors"] for s in found] == [["association", "public"], ["association", "media"]]
    assert pairs(found) == [("x1", "y1"), ("x3", "h2")]
    assert suggest_introductions(G, GAP, top=0) == []


def test_reason_names_the_other_sector_when_only_one_side_comes_closer():
    # y1 already works with the association x2: only x1 comes closer to the public sector
    [only] = suggest_introductions(graph([("x1", "w"), ("w", "y1"), ("y1", "x2")]), GAP)
    assert pairs([only]) == [("x1", "y1")]
    assert only["impact"] == 0.5
    assert only["reason"] == "both work with W; would bring 1 association closer to public bodies"
    # x1 has no tie at all
    G = graph([("y1", "x2")])
    G.add_node("x1", name="X1", sector="association")
    [only] = suggest_introductions(G, GAP)
    assert only["reason"] == (
        "no chain of ties joins them yet; would give 1 association a first path to public bodies"
    )


def test_sectors_without_actors_give_no_suggestion():
    G = graph(TWO_AND_ONE)
    assert suggest_introductions(G, [("association", "media")]) == []


def test_reach_gain_by_hand():
    # x1 - x2 - w - y1, and y2 alone; tie x1-y2
    G = graph([("x1", "x2"), ("x2", "w"), ("w", "y1")])
    G.add_node("y2", name="Y2", sector="public")
    gain = reach_gain(G, "x1", "y2")
    # associations: x1 3 -> 1 (+2/3), x2 2 -> 2 (no change); public: y2 inf -> 1 (+1)
    assert gain["gain"] == pytest.approx(2 / 3 + 1)
    assert gain["closer"] == {"association": 1, "public": 1}
    assert gain["connected"] == {"association": 0, "public": 1}


def test_sector_distances():
    G = graph([("x1", "w"), ("w", "y1")])
    G.add_node("x2", name="X2", sector="association")
    dist = sector_distances(G, "public")
    assert dist == {"x1": 2.0, "w": 1.0, "y1": 0.0, "x2": math.inf}


def test_sector_nouns():
    assert sector_noun("association", 1) == "1 association"
    assert sector_noun("business", 3) == "3 businesses"
    assert sector_noun("citizen", 2) == "2 citizens"
    assert sector_noun("something", 2) == "2 something actors"


def test_suggestions_are_deterministic():
    G = nx.relaxed_caveman_graph(12, 6, 0.2, seed=4)
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    sectors = ["association", "public", "business"]
    for node in G:
        G.nodes[node].update(name=f"N{node}", sector=sectors[node % 3])
    first = suggest_introductions(G, [("association", "public"), ("business", "public")])
    again = suggest_introductions(G, [("association", "public"), ("business", "public")])
    assert first == again and len(first) == 20
    assert [s["score"] for s in first] == sorted((s["score"] for s in first), reverse=True)
    for s in first:
        assert not G.has_edge(s["source"]["id"], s["target"]["id"])


def test_a_sector_cannot_be_introduced_to_itself():
    with pytest.raises(ValueError, match="two different sectors"):
        suggest_introductions(graph(TWO_AND_ONE), [("association", "association")])
