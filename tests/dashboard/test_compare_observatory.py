"""The Compare page's observatory presenters, on a comparison computed from real networks."""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go
import pytest

from maillage.dashboard.presenters import compare_observatory as observatory
from maillage.graph.analytics import compare_territories, territory_crossings, yearly_comparison
from maillage.graph.model import Actor, Network, Sector, Tie

B, A, P = Sector.BUSINESS, Sector.ASSOCIATION, Sector.PUBLIC
U = Actor("u", "Université", Sector.ACADEMIC, ("Lille", "Figeac"))
LILLE = (
    Actor("b1", "Brasserie", B, ("Lille",)),
    Actor("b2", "Imprimerie", B, ("Lille",)),
    Actor("b3", "Filature", B, ("Lille",)),
    Actor("a1", "Secours", A, ("Lille",)),
    Actor("p1", "Mairie de Lille", P, ("Lille",)),
    U,
)
FIGEAC = (
    Actor("f1", "Fromagerie", B, ("Figeac",)),
    Actor("f2", "Asso du Célé", A, ("Figeac",)),
    Actor("m1", "Mairie de Figeac", P, ("Figeac",)),
    U,
)
TIES = (
    Tie("b1", "a1", since=date(2020, 3, 1)),
    Tie("a1", "p1", since=date(2021, 2, 1)),
    Tie("u", "b2"),
    Tie("f1", "f2"),
    Tie("f2", "m1"),
    Tie("b1", "f1", since=date(2021, 5, 1)),  # crosses from Lille to Figeac
)


def network(name: str, members: tuple[Actor, ...], day: date | None = None) -> Network:
    ids = {a.id for a in members}
    ties = tuple(t for t in TIES if {t.source, t.target} & ids and t.active_on(day))
    outside = tuple(a for a in (*LILLE, *FIGEAC) if a.id not in ids)
    return Network(name, members, ties, outside=outside, as_of=day)


@pytest.fixture(scope="module")
def compare() -> dict:
    networks = [network("Lille", LILLE), network("Figeac", FIGEAC)]
    document = compare_territories(networks, seed=7, randomisations=5)
    document["crossings"] = territory_crossings(networks, document["territories"])
    document["by_year"] = yearly_comparison(
        [date(2020, 12, 31), date(2021, 12, 31)],
        lambda day: [network("Lille", LILLE, day), network("Figeac", FIGEAC, day)],
        seed=7,
    )
    return document


def test_rates_table_business_to_association_first(compare):
    rows, columns = observatory.rates_table(compare)
    assert [c["name"] for c in columns] == ["Sectors", "Lille", "Figeac"]
    # Lille: b1 of b1, b2, b3 is tied to an association; Figeac: f1 of f1
    assert rows[0] == {
        "pair": "businesses → associations",
        "t0": "1 of 3 · 33% (6–79%)",
        "t1": "1 of 1 · 100% (21–100%)",
    }
    french, columns = observatory.rates_table(compare, "fr")
    assert french[0]["pair"] == "entreprises → associations"
    assert french[0]["t0"] == "1 sur 3 · 33\u202f% (6–79\u202f%)"
    assert columns[0]["name"] == "Secteurs"


def test_figures_are_plotly_figures_on_their_own_axes(compare):
    rates = observatory.rates_figure(compare)
    assert isinstance(rates, go.Figure)
    assert [trace.name for trace in rates.data] == ["Lille", "Figeac"]
    assert rates.data[0].y[0] == "businesses → associations"
    assert rates.data[0].x[0] == pytest.approx(1 / 3, abs=1e-6)
    raw = observatory.raw_figure(compare)
    assert len({trace.yaxis for trace in raw.data}) == len(raw.data)
    z = observatory.z_figure(compare)
    labels = set(z.data[0].y)
    assert "Density" not in labels and "Actors" not in labels and "Openness" not in labels


def test_the_hovers_write_shares_as_the_reader_does(compare):
    rates = observatory.rates_figure(compare, "fr")
    figeac = next(trace for trace in rates.data if trace.name == "Figeac")
    assert figeac.hovertemplate == (
        "Figeac<br>%{y}: %{customdata[2]} (%{customdata[0]} / %{customdata[1]})<extra></extra>"
    )
    assert list(figeac.customdata[0]) == [1, 1, "100\u202f%"]
    english = observatory.rates_figure(compare)
    assert english.data[1].hovertemplate == (
        "Figeac<br>%{y}: %{x:.0%} (%{customdata[0]} / %{customdata[1]})<extra></extra>"
    )
    assert list(english.data[1].customdata[0]) == [1, 1]
    years = observatory.yearly_figure(compare, "fr")
    lille = next(trace for trace in years.data if trace.name == "Lille")
    assert lille.hovertemplate.endswith(": %{customdata[0]}<extra></extra>")
    assert [list(point) for point in lille.customdata] == [["33\u202f%"], ["33\u202f%"]]
    english = next(t for t in observatory.yearly_figure(compare).data if t.name == "Lille")
    assert english.hovertemplate.endswith(": %{y:.0%}<extra></extra>")
    assert english.customdata is None


def test_small_multiples_per_year(compare):
    years = observatory.yearly_figure(compare)
    lille = [trace for trace in years.data if trace.name == "Lille"]
    assert list(lille[0].x) == [2020, 2021]
    assert list(lille[0].y) == [pytest.approx(1 / 3), pytest.approx(1 / 3)]
    ties = next(t for t in lille if t.hovertemplate and "Ties" in t.hovertemplate)
    assert list(ties.y) == [2.0, 3.0]  # b1-a1 and u-b2, then a1-p1
    rows, columns = observatory.bridges_table(compare)
    gained_2021 = [
        r for r in rows if (r["year"], r["territory"], r["change"]) == (2021, "Lille", "gained")
    ]
    assert {"bridge": "Mairie de Lille (public)", "sectors": "association–public"}.items() <= next(
        r for r in gained_2021 if r["bridge"].startswith("Mairie")
    ).items()
    assert [c["id"] for c in columns] == ["year", "territory", "change", "bridge", "sectors"]


def test_z_table_and_summary_in_words(compare):
    rows, columns = observatory.z_table(compare)
    assert [c["name"] for c in columns] == ["Indicator", "Lille", "Figeac"]
    assert "Density" not in [r["indicator"] for r in rows]
    assert all(r["t0"] == "n/a" or r["t0"][0] in "+-" for r in rows)
    items = observatory.summary_items(compare)
    assert len(items) >= 2 and items[0].startswith("Lille: ")
    assert observatory.summary_items(compare) == items  # the same every time


def test_crossings_table(compare):
    rows, _ = observatory.crossings_table(compare)
    assert rows == [
        {
            "territories": "Lille – Figeac",
            "shared": 1,
            "who": "Université (academic)",
            "crossing": 1,
            "between": "Brasserie – Fromagerie",
        }
    ]


def test_the_inter_territorial_network(compare):
    figure = observatory.crossings_figure(compare)
    (heatmap,) = figure.data
    assert list(heatmap.x) == ["Lille", "Figeac"]
    # only b1-f1 leaves Lille for Figeac (u-b2 is inside Lille); from Figeac, b1-f1 and u-b2
    assert (heatmap.z[0][1], heatmap.z[1][0], heatmap.z[0][0]) == (1, 2, None)
    assert heatmap.text[0][1] == "ties: 1 · shared actors: 1"
    french = observatory.crossings_figure(compare, "fr").data[0]
    assert french.text[1][0] == "liens\u202f: 2 · acteurs en commun\u202f: 1"


def test_every_part_for_one_callback(compare):
    parts = observatory.observatory_parts(compare, "fr")
    assert parts["rates"][0][0]["pair"] == "entreprises → associations"
    assert all(isinstance(parts[key], go.Figure) for key in parts if key.endswith("_figure"))
    without_years = {k: v for k, v in compare.items() if k != "by_year"}
    assert observatory.observatory_parts(without_years)["yearly_figure"] is None


def test_the_other_sector_is_named_as_a_sector_in_french():
    standout = {
        "type": "rate",
        "rank": "lowest",
        "from": "other",
        "to": "association",
        "tied": 1,
        "actors": 12,
        "share": 1 / 12,
        "territories": 3,
    }
    compare = {
        "territories": ["Lille"],
        "standouts": {"Lille": [standout]},
        "rates": [
            {
                "from": "association",
                "to": "other",
                "values": {"Lille": {"actors": 4, "tied": 1, "share": 0.25}},
            }
        ],
    }
    assert observatory.summary_items(compare, "fr") == [
        "Lille\u202f: les acteurs du secteur Autre travaillent rarement avec les associations, "
        "1 sur 12, le plus bas des 3 territoires."
    ]
    rows, _ = observatory.rates_table(compare, "fr")
    assert [row["pair"] for row in rows] == ["associations → acteurs du secteur Autre"]
