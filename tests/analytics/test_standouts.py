"""What stands out per territory: picked the same way every time, worded in two languages."""

from __future__ import annotations

import copy

from maillage.graph.analytics.rates import rate
from maillage.graph.analytics.standouts import find_standouts, z_readings
from maillage.reports.i18n import translator
from maillage.reports.summary import summary

FIVE = ["Bordeaux", "Lille", "Figeac", "Marseille", "Romans"]


def rates_row(origin: str, destination: str, counts: dict[str, tuple[int, int]]) -> dict:
    return {
        "from": origin,
        "to": destination,
        "values": {name: rate(tied, actors) for name, (tied, actors) in counts.items()},
    }


RATES = [
    rates_row(
        "business",
        "association",
        {
            "Bordeaux": (19, 50),
            "Lille": (20, 50),
            "Figeac": (4, 10),
            "Marseille": (30, 50),
            "Romans": (4, 10),
        },
    ),
    rates_row(
        "association",
        "public",
        {
            "Bordeaux": (10, 30),
            "Lille": (2, 40),
            "Figeac": (4, 10),
            "Marseille": (12, 36),
            "Romans": (5, 12),
        },
    ),
    rates_row(  # within a sector: never a standout
        "public",
        "public",
        {
            "Bordeaux": (0, 9),
            "Lille": (9, 9),
            "Figeac": (0, 3),
            "Marseille": (0, 9),
            "Romans": (0, 4),
        },
    ),
]
INDICATORS = [
    {"name": "density", "label": "Density", "normalisation": None, "z": dict.fromkeys(FIVE)},
    {
        "name": "average_clustering",
        "label": "Clustering",
        "normalisation": "ratio",
        "z": {"Bordeaux": 1.2, "Lille": 0.3, "Figeac": None, "Marseille": 6.04, "Romans": -0.4},
    },
    {
        "name": "ei_index",
        "label": "E-I index",
        "normalisation": "difference",
        "z": {"Bordeaux": -2.5, "Lille": 0.1, "Figeac": 1.0, "Marseille": 2.0, "Romans": 0.0},
    },
]


def document() -> dict:
    readings = z_readings(INDICATORS, FIVE)
    return {
        "territories": FIVE,
        "rates": RATES,
        "z_scores": readings,
        "standouts": find_standouts(RATES, readings, FIVE),
    }


def test_fixed_indicators_are_left_out_of_the_normalised_view():
    readings = z_readings(INDICATORS, FIVE)
    assert [row["name"] for row in readings] == ["average_clustering", "ei_index"]
    clustering = readings[0]
    assert clustering["reading"] == {
        "Bordeaux": "similar",
        "Lille": "similar",
        "Figeac": None,
        "Marseille": "higher",
        "Romans": "similar",
    }
    assert clustering["meaning"]["Marseille"] == "more clustered than its degrees alone would give"
    assert readings[1]["meaning"]["Bordeaux"] == (
        "more ties within sectors than its degrees alone would give"
    )


def test_the_lowest_rate_by_the_widest_margin_and_the_strongest_z():
    found = document()["standouts"]
    lille = found["Lille"]
    assert [s["type"] for s in lille] == ["rate"]
    assert {k: lille[0][k] for k in ("rank", "from", "to", "tied", "actors", "territories")} == {
        "rank": "lowest",
        "from": "association",
        "to": "public",
        "tied": 2,
        "actors": 40,
        "territories": 5,
    }
    # Marseille is highest on business -> association (0.6 against 0.395) and far above its
    # randomisations in clustering (6.04 beats the E-I index's 2.0)
    marseille = found["Marseille"]
    assert [(s["type"], s.get("rank"), s.get("name")) for s in marseille] == [
        ("rate", "highest", None),
        ("z", None, "average_clustering"),
    ]
    # 0 of 3 public bodies in Figeac: too few to rank; Figeac and Romans tie on 4 of 10
    assert found["Figeac"] == []
    assert found["Bordeaux"] == [
        {
            "type": "z",
            "name": "ei_index",
            "label": "E-I index",
            "z": -2.5,
            "reading": "lower",
            "meaning": "more ties within sectors than its degrees alone would give",
        }
    ]


def test_the_summary_in_english_and_french_is_always_the_same():
    doc = document()
    english = summary(doc)
    assert english["Lille"] == [
        "Lille: associations rarely tie to public bodies, 2 of 40, the lowest of the 5 territories."
    ]
    assert english["Marseille"] == [
        "Marseille: businesses often tie to associations, 30 of 50, the highest of the 5 "
        "territories.",
        "Marseille: more clustered than its degrees alone would give (Clustering, z = 6.0).",
    ]
    assert english["Figeac"] == ["Figeac: nothing stands out against the others."]
    french = summary(doc, translator("fr"))
    assert french["Lille"] == [
        "Lille\u202f: les associations travaillent rarement avec les organismes publics, 2 sur 40, "
        "le plus bas des 5 territoires."
    ]
    assert french["Marseille"][1] == (
        "Marseille\u202f: plus regroupé en cercles que ne le donneraient ses seuls nombres de "
        "partenaires (Regroupement, z = 6,0)."
    )
    assert summary(copy.deepcopy(doc)) == english == summary(document())


def test_a_single_territory_has_no_rank_and_a_small_gap_does_not_tell():
    one = find_standouts(RATES, [], ["Lille"])
    assert one == {"Lille": []}
    close = [rates_row("business", "association", {"A": (10, 20), "B": (11, 20)})]
    assert find_standouts(close, [], ["A", "B"]) == {"A": [], "B": []}
