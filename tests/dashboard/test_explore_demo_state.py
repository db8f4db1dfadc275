"""Explore's date slider, summary line and view state on the demo data (issue 11).

The reviewer's findings on ``maillage demo``: the slider began in 2004 (an actor's joining
date) while the first tie is of 2008; the summary line counted 3,440 drawn pairs against the
territory's 3,448 ties and named a sector filter when none was set; it ignored the tie-kind
and weight filters. The fixtures of the other tests had their first tie in their first
year, so no test saw the gap: these use the demo itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from maillage.dashboard import ids
from maillage.dashboard.network_payload import drawn_counts
from maillage.dashboard.presenters.explore import explore_controls_view, summary_view
from maillage.dashboard.presenters.explore_play import play_step
from maillage.graph.network_years import network_years
from maillage.graph.vocabulary import SECTORS, TIE_KINDS
from maillage.reports.i18n import translator

FR = translator("fr")
EVERY_KIND = list(TIE_KINDS)


@pytest.fixture(scope="module")
def demo(demo_store_url: str) -> Iterator[Any]:
    from maillage.app import Maillage
    from maillage.settings import Settings

    instance = Maillage(Settings(store_url=demo_store_url))
    yield instance
    instance.close()


def test_the_slider_starts_at_the_first_year_with_a_tie_in_every_demo_territory(
    demo: Any,
) -> None:
    for territory in demo.territory_names():
        network = demo.network(territory)
        years = network_years(network)
        first = years[0]
        assert demo.graph(territory, as_of=date(first, 12, 31)).number_of_edges() > 0
        assert demo.graph(territory, as_of=date(first - 1, 12, 31)).number_of_edges() == 0
        assert years == list(range(first, years[-1] + 1))
        slider, _ = explore_controls_view(demo, territory)
        assert (slider["min"], slider["max"]) == (first, years[-1] + 1)
    alsace = demo.network("Alsace")
    joined = min(a.joined.year for a in alsace.actors if a.joined)
    assert (joined, network_years(alsace)[0]) == (2004, 2008)  # what the reviewer saw


def test_play_starts_at_the_first_year_with_a_tie(demo: Any) -> None:
    slider, _ = explore_controls_view(demo, "Alsace", FR)
    year, stopped, label = play_step(
        ids.PLAY, False, slider["value"], slider["min"], slider["max"], FR
    )
    assert (year, stopped, label) == (2008, False, "❚❚ Pause")
    assert demo.graph("Alsace", as_of=date(year, 12, 31)).number_of_edges() == 5


def test_the_summary_counts_ties_as_the_territory_does_and_names_no_filter_unset(
    demo: Any,
) -> None:
    counts = {c.name: c for c in demo.territory_counts()}
    for territory, ties, pairs in (("Alsace", 3448, 3440), ("Lille", 297, 294)):
        assert counts[territory].ties_inside == ties
        line = summary_view(demo, territory, None, list(SECTORS), FR, EVERY_KIND, 0)
        assert f"{ties:,} liens entre {pairs:,} paires".replace(",", "\u202f") in line
        assert "affichés" not in line and "filtre" not in line


def test_the_summary_counts_what_every_filter_leaves_drawn(demo: Any) -> None:
    line = summary_view(demo, "Alsace", None, list(SECTORS), FR, EVERY_KIND, 2)
    assert line.endswith(
        "affichés\u202f: 600 acteurs, 105 liens entre 97 paires (filtre\u202f: poids ≥ 2)"
    )
    no_event = [k for k in TIE_KINDS if k != "event"]
    line = summary_view(demo, "Alsace", None, list(SECTORS), FR, no_event, 0)
    assert line.endswith("affichés\u202f: 600 acteurs, 142 liens (filtre\u202f: types de liens)")
    business = [s for s in SECTORS if s != "business"]
    line = summary_view(demo, "Alsace", "2015-12-31", business, FR, no_event, 2)
    drawn = drawn_counts(demo.network("Alsace", as_of=date(2015, 12, 31)), business, no_event, 2)
    assert line.startswith("372 acteurs") and "au 31 déc. 2015" in line
    assert f"{drawn['ties']} lien" in line
    assert line.endswith("(filtres\u202f: secteurs, types de liens, poids ≥ 2)")
