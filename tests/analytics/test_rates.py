"""Partnership rates and their Wilson intervals, on territories counted by hand."""

from __future__ import annotations

import pytest

from maillage.graph.analytics.compare import compare_territories
from maillage.graph.analytics.rates import partnership_rates, territory_rates, wilson
from maillage.graph.model import Actor, Network, Sector, Tie, TieKind

B, A, P = Sector.BUSINESS, Sector.ASSOCIATION, Sector.PUBLIC


@pytest.mark.parametrize(
    ("tied", "actors", "low", "high"),
    [
        # Newcombe (1998), Statistics in Medicine 17, Table I, method 3 (Wilson score)
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0000, 0.1611),
        (1, 29, 0.0061, 0.1718),
        # the field's 38 % (38 of 100), from Wilson's formula with z = 1.96
        (38, 100, 0.2910, 0.4779),
    ],
)
def test_wilson_interval_matches_the_published_values(tied, actors, low, high):
    found = wilson(tied, actors)
    assert found == (pytest.approx(low, abs=5e-5), pytest.approx(high, abs=5e-5))


def test_wilson_refuses_impossible_counts_and_has_no_interval_without_actors():
    assert wilson(0, 0) == (None, None)
    assert wilson(5, 5)[1] == 1.0
    with pytest.raises(ValueError, match="3 out of 2"):
        wilson(3, 2)


def actor(actor_id: str, sector: Sector, territory: str = "Lille") -> Actor:
    return Actor(actor_id, actor_id.upper(), sector, (territory,))


def lille() -> Network:
    """5 businesses, 4 associations, 2 public bodies; every count below is by hand."""
    members = (
        *(actor(f"b{i}", B) for i in range(1, 6)),
        *(actor(f"a{i}", A) for i in range(1, 5)),
        actor("p1", P),
        actor("p2", P),
    )
    ties = (
        Tie("b1", "a1"),
        Tie("b2", "a1", kind=TieKind.EVENT),
        Tie("b3", "a2"),
        Tie("b1", "b2"),
        Tie("a1", "p1", kind=TieKind.FUNDING),
        Tie("p2", "a3", directed=True),
        Tie("b4", "x"),  # leaves the territory: never counts
    )
    return Network("Lille", members, ties, outside=(actor("x", A, "Roubaix"),))


def figeac() -> Network:
    """3 businesses and 1 public body, no association."""
    members = (actor("f1", B, "Figeac"), actor("f2", B, "Figeac"), actor("f3", B, "Figeac"))
    members += (actor("m1", P, "Figeac"),)
    return Network("Figeac", members, (Tie("f1", "m1"),))


def test_counts_of_every_pair_by_hand():
    rates = territory_rates(lille())
    counts = {pair: (r["tied"], r["actors"]) for pair, r in rates.items()}
    assert counts == {
        ("business", "business"): (2, 5),
        ("business", "association"): (3, 5),
        ("business", "public"): (0, 5),
        ("association", "business"): (2, 4),
        ("association", "association"): (0, 4),
        ("association", "public"): (2, 4),
        ("public", "business"): (0, 2),
        ("public", "association"): (2, 2),
        ("public", "public"): (0, 2),
    }
    three_of_five = rates["business", "association"]
    # p = 0.6, n = 5: centre (0.6 + 1.9208/5) / 1.7683 = 0.5566, half-width 0.3258
    assert three_of_five["share"] == 0.6
    assert three_of_five["low"] == pytest.approx(0.2307, abs=1e-4)
    assert three_of_five["high"] == pytest.approx(0.8824, abs=1e-4)


def test_only_ties_of_the_kind_count_with_kind():
    rates = territory_rates(lille(), TieKind.PARTNERSHIP)
    assert (
        rates["business", "association"]["tied"],
        rates["business", "association"]["actors"],
    ) == (2, 5)
    assert rates["association", "public"]["tied"] == 1  # the directed p2 -> a3
    assert territory_rates(lille(), "funding")["public", "association"]["tied"] == 1


def test_several_territories_list_every_ordered_pair_business_to_association_first():
    rows = partnership_rates([lille(), figeac()])
    pairs = [(row["from"], row["to"]) for row in rows]
    assert pairs[0] == ("business", "association")
    assert len(pairs) == len(set(pairs)) == 9
    first = rows[0]["values"]
    assert first["Figeac"] == {
        "actors": 3,
        "tied": 0,
        "share": 0.0,
        "low": 0.0,
        "high": pytest.approx(0.5615, abs=1e-4),
    }
    no_association = next(r for r in rows if (r["from"], r["to"]) == ("association", "public"))
    assert no_association["values"]["Figeac"] == {
        "actors": 0,
        "tied": 0,
        "share": None,
        "low": None,
        "high": None,
    }
    assert no_association["values"]["Lille"]["tied"] == 2


def test_compare_carries_the_rates_and_says_which_ties_count():
    result = compare_territories([lille(), figeac()], randomisations=0, kind="partnership")
    assert result["rates"][0]["values"]["Lille"]["tied"] == 2
    assert result["method"]["kind"] == "partnership"
    assert "Wilson" in result["method"]["rates"]
