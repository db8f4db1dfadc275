"""Rendering what the real analytics return, once they exist (skipped until then)."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from openpyxl import load_workbook

from maillage.graph import analytics
from maillage.graph.model import Actor, Network, Sector, Tie
from maillage.reports import FORMATS, render, render_html_report

SECTORS = [Sector.BUSINESS, Sector.PUBLIC, Sector.ASSOCIATION, Sector.FUNDER]


def florentine_network() -> Network:
    """The Florentine families (Padgett), families spread over four sectors."""
    graph = nx.florentine_families_graph()
    families = sorted(graph)
    actors = tuple(
        Actor(id=f"f{i}", name=name, sector=SECTORS[i % 4], territories=("Firenze",))
        for i, name in enumerate(families)
    )
    ids = {a.name: a.id for a in actors}
    ties = tuple(Tie(ids[u], ids[v]) for u, v in graph.edges())
    return Network(territory="Firenze", actors=actors, ties=ties)


def needs(name: str):
    return pytest.mark.skipif(
        not hasattr(analytics, name), reason=f"analytics.{name} is not written yet"
    )


@needs("territory_report")
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_real_report_renders(fmt):
    report = analytics.territory_report(florentine_network(), seed=42)
    content = render("report", report, fmt)
    if fmt == "json":
        assert json.loads(content)["territory"] == "Firenze"
    if fmt == "xlsx":
        book = load_workbook(io.BytesIO(content))
        assert book["actors"].max_row == 1 + 15
    assert content


@needs("gap_report")
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_real_gap_report_renders(fmt):
    gaps = analytics.gap_report(florentine_network(), seed=42)
    assert render("gaps", gaps, fmt)


@needs("gap_report")
@needs("territory_report")
def test_a_real_report_with_gaps_renders_as_one_page():
    network = florentine_network()
    html = render_html_report(
        analytics.territory_report(network, seed=42), analytics.gap_report(network, seed=42)
    )
    assert "Medici" in html and '<section id="introductions">' in html
