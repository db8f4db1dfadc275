"""The Gaps page's presenters: heatmap, lists in words, introductions."""

from __future__ import annotations

from typing import Any

import pytest
from dash.exceptions import PreventUpdate
from dashboard_support import find_ids, text_of

from maillage.dashboard import ids
from maillage.dashboard.presenters.gaps import (
    focus_from_introduction,
    fragile_items,
    gap_heatmap,
    gap_items,
    introduction_items,
)
from maillage.graph.documents import GapReport, problems
from maillage.reports.i18n import translator

EN = translator("en")

GAPS: dict[str, Any] = {
    "territory": "T",
    "as_of": None,
    "sectors": ["business", "public"],
    "observed": {"business": {"business": 4, "public": 0}, "public": {"business": 0, "public": 1}},
    "expected": {
        "business": {"business": 2.5, "public": 3.0},
        "public": {"business": 3.0, "public": 0.5},
    },
    "z": {
        "business": {"business": 1.5, "public": -2.0},
        "public": {"business": -2.0, "public": None},
    },
    "gaps": [
        {
            "sectors": ["business", "public"],
            "observed": 0,
            "expected": 3.0,
            "z": -2.0,
            "bridges": [{"id": "c", "name": "Collectif", "sector": "association"}],
            "fragile": True,
        }
    ],
    "fragile_bridges": [
        {
            "type": "actor",
            "id": "c",
            "name": "Collectif",
            "sector": "association",
            "disconnects": [["business", "public"]],
        },
        {
            "type": "tie",
            "source": {"id": "c", "name": "Collectif", "sector": "association"},
            "target": {"id": "d", "name": "Dé", "sector": "public"},
            "disconnects": [["association", "public"]],
        },
    ],
    "introductions": [
        {
            "source": {"id": "a", "name": "Atelier", "sector": "business"},
            "target": {"id": "d", "name": "Dé", "sector": "public"},
            "score": 0.75,
            "shared_partners": ["Collectif"],
            "distance": 2,
            "reason": "Atelier and Dé both work with Collectif.",
        }
    ],
    "method": {},
}


def test_gap_heatmap() -> None:
    figure = gap_heatmap(GAPS, EN)
    heat = figure.data[0]
    assert list(heat.x) == ["Business", "Public"]
    assert [list(r) for r in heat.z] == [[1.5, -2.0], [-2.0, None]]
    assert heat.text[0][1] == "0<br>(3.0)"  # expected ties: always one decimal
    assert heat.text[0][0] == "4<br>(2.5)"
    assert (heat.zmin, heat.zmax, heat.zmid) == (-2.0, 2.0, 0)


def test_gap_lists_in_words() -> None:
    gaps = text_of(gap_items(GAPS, EN))
    assert "Business ↔ Public" in gaps and "0 ties observed, 3 expected (z = -2)" in gaps
    assert "Bridges: Collectif (Association)." in gaps and "fragile" in gaps
    fragile = text_of(fragile_items(GAPS, EN))
    assert "Collectif (Association) : losing it would cut Business ↔ Public" in fragile
    assert "tie Collectif (Association) – Dé (Public)" in fragile
    empty = {"gaps": [], "fragile_bridges": [], "introductions": []}
    assert "No sector pair" in text_of(gap_items(empty, EN))
    assert "No introduction" in text_of(introduction_items(empty, EN))


def test_introductions_have_reasons_and_show_buttons() -> None:
    items = introduction_items(GAPS, EN)
    text = text_of(items)
    assert "Atelier" in text and "Dé" in text and "both work with Collectif" in text
    assert "score 0.750 · 2 steps apart · shared partners: Collectif" in text
    assert ids.introduction(0) in find_ids(items)


def test_focus_from_introduction_opens_explore_with_both_actors() -> None:
    trigger = ids.introduction(0)
    assert focus_from_introduction(GAPS, [1], trigger) == ("/", "?from=a&to=d")
    shared = ("/", "?territory=Nantes&from=a&to=d")
    assert focus_from_introduction(GAPS, [1], trigger, "Nantes") == shared
    with pytest.raises(PreventUpdate):
        focus_from_introduction(GAPS, [None], trigger)
    with pytest.raises(PreventUpdate):
        focus_from_introduction(GAPS, [1], ids.introduction(5))


def test_the_literal_gaps_are_in_the_shape_of_a_real_gap_report() -> None:
    assert problems(GAPS, GapReport, partial=True) == []
