"""Across territories: shared actors and crossing ties, counted by hand."""

from __future__ import annotations

from maillage.graph.analytics.crossings import territory_crossings
from maillage.graph.model import Actor, Network, Sector, Tie, TieKind

U = Actor("u", "Université", Sector.ACADEMIC, ("Lille", "Figeac"))
B = Actor("b", "Brasserie", Sector.BUSINESS, ("Lille",))
P = Actor("p", "Mairie de Lille", Sector.PUBLIC, ("Lille", "Roubaix"))
F = Actor("f", "Fromagerie", Sector.BUSINESS, ("Figeac",))
R = Actor("r", "Régie de Roubaix", Sector.PUBLIC, ("Roubaix",))
X = Actor("x", "Ailleurs", Sector.MEDIA, ("Paris",))
TIES = (
    Tie("u", "b"),  # inside Lille
    Tie("b", "f", kind=TieKind.FUNDING, weight=2.0),  # Lille -> Figeac
    Tie("u", "f"),  # inside Figeac, leaves Lille through the shared u
    Tie("b", "r"),  # Lille -> Roubaix
    Tie("f", "r"),  # Figeac -> Roubaix
    Tie("b", "x"),  # Lille -> elsewhere
)


def network(name: str, members: tuple[Actor, ...]) -> Network:
    ids = {a.id for a in members}
    ties = tuple(t for t in TIES if {t.source, t.target} & ids)
    outside = tuple(a for a in (U, B, P, F, R, X) if a.id not in ids)
    return Network(name, members, ties, outside=outside)


LILLE = network("Lille", (U, B, P))
FIGEAC = network("Figeac", (U, F))
ROUBAIX = network("Roubaix", (P, R))


def test_shared_actors_and_crossing_ties_per_pair():
    result = territory_crossings([LILLE, FIGEAC, ROUBAIX])
    pairs = {tuple(p["territories"]): p for p in result["pairs"]}
    assert list(pairs) == [("Lille", "Figeac"), ("Lille", "Roubaix"), ("Figeac", "Roubaix")]
    assert [a["id"] for a in pairs["Lille", "Figeac"]["shared"]] == ["u"]
    assert [a["id"] for a in pairs["Lille", "Roubaix"]["shared"]] == ["p"]
    assert pairs["Figeac", "Roubaix"]["shared"] == []
    lille_figeac = pairs["Lille", "Figeac"]["crossing"]
    assert lille_figeac == [
        {
            "source": {"id": "b", "name": "Brasserie", "sector": "business"},
            "target": {"id": "f", "name": "Fromagerie", "sector": "business"},
            "kind": "funding",
            "weight": 2.0,
        }
    ]
    crossing = {
        k: [(t["source"]["id"], t["target"]["id"]) for t in p["crossing"]] for k, p in pairs.items()
    }
    assert crossing["Lille", "Roubaix"] == [("b", "r")]
    assert crossing["Figeac", "Roubaix"] == [("f", "r")]


def test_where_the_ties_that_leave_go():
    leaving = territory_crossings([LILLE, FIGEAC, ROUBAIX])["leaving"]
    # Lille's members u, b, p: b-f, u-f, b-r and b-x leave it (f-r does not touch it)
    assert leaving["Lille"] == {"ties": 4, "to": {"Figeac": 2, "Roubaix": 1}, "elsewhere": 1}
    # Figeac's u, f: u-b and b-f go to Lille, f-r to Roubaix
    assert leaving["Figeac"] == {"ties": 3, "to": {"Lille": 2, "Roubaix": 1}, "elsewhere": 0}
    assert leaving["Roubaix"] == {"ties": 2, "to": {"Lille": 1, "Figeac": 1}, "elsewhere": 0}


def test_one_territory_has_no_pairs():
    result = territory_crossings([LILLE], ["Lille (2021)"])
    assert result["pairs"] == []
    assert result["leaving"]["Lille (2021)"]["elsewhere"] == 4
