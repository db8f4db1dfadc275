"""The Compare page's presenters: table and charts."""

from __future__ import annotations

from maillage.dashboard.presenters.compare import (
    compare_table,
    compare_tooltips,
)
from maillage.graph.documents import Comparison, problems
from maillage.reports.i18n import translator

EN, FR = translator("en"), translator("fr")

COMPARISON = {
    "territories": ["Brest", "Quimper"],
    "indicators": [
        {
            "name": "density",
            "label": "Density",
            "description": "share of possible ties",
            "values": {"Brest": 0.05, "Quimper": 0.1},
            "normalised": {"Brest": 0.4, "Quimper": 0.8},
        },
        {
            "name": "actors",
            "label": "Actors",
            "description": "",
            "values": {"Brest": 120, "Quimper": 60},
            "normalised": {"Brest": None, "Quimper": None},
        },
    ],
    "method": {},
}


def test_compare_table_has_raw_and_normalised_per_territory() -> None:
    rows, columns = compare_table(COMPARISON, EN)
    assert [c["id"] for c in columns] == ["indicator", "raw0", "norm0", "raw1", "norm1"]
    assert columns[3]["name"] == ["Quimper", "raw"]
    assert rows[0] == {
        "indicator": "Density",
        "raw0": "0.050",
        "norm0": "0.400",
        "raw1": "0.100",
        "norm1": "0.800",
    }
    assert rows[1]["raw0"] == "120" and rows[1]["norm0"] == "–"


def test_compare_tooltips() -> None:
    # the registry's plain explanation, then how the comparison computed it
    density = (
        "Share of all the possible ties between members that exist: 1 if everyone worked "
        "with everyone. — share of possible ties"
    )
    assert compare_tooltips(COMPARISON, EN)[0] == {"indicator": density}
    assert compare_tooltips(COMPARISON, FR)[0]["indicator"].startswith(
        "Part des liens possibles entre membres qui existent vraiment"
    )


def test_the_literal_comparison_is_in_the_shape_of_a_real_one() -> None:
    assert problems(COMPARISON, Comparison, partial=True) == []


def test_the_compare_table_in_french_has_french_words_and_decimal_commas() -> None:
    rows, columns = compare_table(COMPARISON, FR)
    assert columns[0]["name"] == ["", "Indicateur"] and columns[3]["name"] == ["Quimper", "brut"]
    assert columns[4]["name"] == ["Quimper", "normalisé"]
    assert rows[0]["indicator"] == "Densité" and rows[0]["raw0"] == "0,050"
    assert rows[1]["indicator"] == "Acteurs" and rows[1]["raw0"] == "120"
