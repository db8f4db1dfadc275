"""Bridges between sectors gained and lost between two dates."""

from __future__ import annotations

import json
from datetime import date

import pytest

from maillage.graph.analytics.timeline import bridge_changes
from maillage.graph.model import Actor, Network, Sector, Tie

ACTORS = (
    Actor("a1", "A1", Sector.ASSOCIATION, ("T",)),
    Actor("a2", "A2", Sector.ASSOCIATION, ("T",)),
    Actor("b1", "B1", Sector.BUSINESS, ("T",)),
    Actor("p1", "P1", Sector.PUBLIC, ("T",)),
)
TIES = (
    Tie("a1", "a2", since=date(2018, 1, 1)),
    Tie("a1", "b1", since=date(2018, 1, 1), until=date(2020, 6, 30)),
    Tie("b1", "p1", since=date(2018, 1, 1)),
    Tie("a2", "p1", since=date(2021, 1, 1)),
)


def on(day: date, actors=ACTORS, ties=TIES, territory="T") -> Network:
    """The network as a store gives it with ``as_of=day``."""
    return Network(
        territory,
        tuple(a for a in actors if a.active_on(day)),
        tuple(t for t in ties if t.active_on(day)),
        as_of=day,
    )


def ref(node: str, sector: str) -> dict:
    return {"id": node, "name": node.upper(), "sector": sector}


def test_bridges_gained_and_lost_when_a_tie_ends_and_another_starts():
    # 2019: a2 - a1 - b1 - p1 (b1 brokers); 2022: a1 - a2 - p1 - b1 (a2 and p1 meet)
    changes = bridge_changes(on(date(2019, 1, 1)), on(date(2022, 1, 1)))
    assert changes["territory"] == "T"
    assert (changes["since"], changes["until"]) == ("2019-01-01", "2022-01-01")
    assert changes["gained"] == [
        {**ref("a2", "association"), "type": "actor", "sectors": [["association", "public"]]},
        {
            **ref("p1", "public"),
            "type": "actor",
            "sectors": [["business", "association"], ["association", "public"]],
        },
        {
            "type": "tie",
            "source": ref("a2", "association"),
            "target": ref("p1", "public"),
            "sectors": [["business", "association"], ["association", "public"]],
        },
    ]
    assert changes["lost"] == [
        {**ref("a1", "association"), "type": "actor", "sectors": [["business", "association"]]},
        {
            **ref("b1", "business"),
            "type": "actor",
            "sectors": [["business", "association"], ["association", "public"]],
        },
        {
            "type": "tie",
            "source": ref("a1", "association"),
            "target": ref("b1", "business"),
            "sectors": [["business", "association"], ["association", "public"]],
        },
    ]
    assert json.loads(json.dumps(changes)) == changes


def test_an_actor_joining_brings_its_bridges():
    newcomer = Actor("u1", "U1", Sector.ACADEMIC, ("T",), joined=date(2021, 1, 1))
    ties = (*TIES, Tie("u1", "p1", since=date(2021, 2, 1)))
    changes = bridge_changes(
        on(date(2020, 1, 1), (*ACTORS, newcomer), ties),
        on(date(2021, 6, 1), (*ACTORS, newcomer), ties),
    )
    gained = {(g["type"], g.get("id")) for g in changes["gained"]}
    assert ("actor", "u1") in gained
    [u1] = [g for g in changes["gained"] if g.get("id") == "u1"]
    assert u1["sectors"] == [["public", "academic"]]


def test_no_change_gives_empty_lists():
    network = on(date(2019, 1, 1))
    assert bridge_changes(network, network) == {
        "territory": "T",
        "since": "2019-01-01",
        "until": "2019-01-01",
        "gained": [],
        "lost": [],
    }


def test_undated_networks_are_accepted():
    changes = bridge_changes(Network("T", ACTORS, ()), Network("T", ACTORS, TIES))
    assert changes["since"] is None and changes["until"] is None
    assert changes["lost"] == []


def test_rejects_other_territories_and_reversed_dates():
    with pytest.raises(ValueError, match="territory"):
        bridge_changes(on(date(2019, 1, 1)), on(date(2022, 1, 1), territory="U"))
    with pytest.raises(ValueError, match="earlier network first"):
        bridge_changes(on(date(2022, 1, 1)), on(date(2019, 1, 1)))
