"""The analytics' result documents match their types in ``graph/documents.py``.

Run on real results: a small store through the application object, which
is what the CLI prints and the dashboard and the reports read.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from maillage.app import Maillage
from maillage.graph.documents import (
    DOCUMENTS,
    BridgeChanges,
    Comparison,
    GapReport,
    TerritoryReport,
    problems,
)
from maillage.graph.storage import open_store
from maillage.settings import Settings


@pytest.fixture
def maillage(tmp_path, small_dataset) -> Any:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    store = open_store(url)
    store.setup_schema()
    store.upsert(small_dataset)
    store.close()
    instance = Maillage(Settings(store_url=url))
    yield instance
    instance.close()


def test_the_territory_report_is_a_territory_report(maillage: Any) -> None:
    report = maillage.report("Nantes")
    assert report["actors"] and problems(report, TerritoryReport) == []
    weighted = maillage.report("Rennes", weighted=True)
    assert problems(weighted, TerritoryReport) == []


def test_the_gap_report_is_a_gap_report(maillage: Any) -> None:
    gaps = maillage.gaps("Nantes")
    assert gaps["introductions"] and problems(gaps, GapReport) == []


def test_the_comparison_is_a_comparison(maillage: Any) -> None:
    comparison = maillage.compare(["Nantes", "Rennes"])
    assert comparison["indicators"] and problems(comparison, Comparison) == []


def test_the_bridge_changes_are_bridge_changes(maillage: Any) -> None:
    changes = maillage.bridge_changes("Nantes", since=date(2019, 12, 31), until=date(2022, 1, 1))
    assert changes["gained"] and problems(changes, BridgeChanges) == []


def test_a_wrong_document_is_told_apart() -> None:
    found = problems({"territory": 3, "as_of": None, "gained": [{"type": "x"}]}, BridgeChanges)
    assert ".territory: 3 is not str" in found and ".since: missing" in found
    assert ".as_of: not a key of BridgeChanges" in found
    assert any(p.startswith(".gained[0].type:") for p in found)
    assert set(DOCUMENTS) == {"report", "gaps", "compare", "bridges"}
