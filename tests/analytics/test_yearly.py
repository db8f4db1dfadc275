"""The comparison per year, on a territory whose history is written down here.

Lille, as of each 31 December:

- 2019: b1, b2, a1, p1 (a2 joins in March 2020); ties b1-a1 (Feb.), b1-p1 (May).
- 2020: a2 joins; the event b2-a2 starts in June and ends on 2021-06-30.
- 2021: the funding a1-p1 starts in January; b2-a2 has ended.
"""

from __future__ import annotations

from datetime import date

import pytest

from maillage.graph.analytics.yearly import year_ends, yearly_comparison
from maillage.graph.model import Actor, Network, Sector, Tie, TieKind

D = date
ACTORS = (
    Actor("b1", "Brasserie", Sector.BUSINESS, ("Lille",), joined=D(2019, 1, 1)),
    Actor("b2", "Imprimerie", Sector.BUSINESS, ("Lille",), joined=D(2019, 1, 1)),
    Actor("a1", "Secours", Sector.ASSOCIATION, ("Lille",), joined=D(2019, 1, 1)),
    Actor("a2", "Jardins", Sector.ASSOCIATION, ("Lille",), joined=D(2020, 3, 1)),
    Actor("p1", "Mairie", Sector.PUBLIC, ("Lille",)),
)
TIES = (
    Tie("b1", "a1", since=D(2019, 2, 1)),
    Tie("b1", "p1", since=D(2019, 5, 1)),
    Tie("b2", "a2", kind=TieKind.EVENT, since=D(2020, 6, 1), until=D(2021, 6, 30)),
    Tie("a1", "p1", kind=TieKind.FUNDING, since=D(2021, 1, 15)),
)


def lille_on(day: date) -> Network:
    """Lille as a store gives it ``as_of`` day: joined actors, active ties between them."""
    actors = tuple(a for a in ACTORS if a.active_on(day))
    present = {a.id for a in actors}
    ties = tuple(t for t in TIES if t.active_on(day) and {t.source, t.target} <= present)
    return Network("Lille", actors, ties, as_of=day)


def series(result: dict, name: str) -> list:
    return next(row for row in result["indicators"] if row["name"] == name)["values"]["Lille"]


def test_the_years_run_from_the_first_to_the_last_date():
    assert year_ends([Network("Lille", ACTORS, TIES)], until=D(2026, 12, 2)) == [
        D(2019, 12, 31),
        D(2020, 12, 31),
        D(2021, 12, 31),
    ]
    # a tie planned to end in 2030 does not stretch the range beyond today
    planned = (*TIES, Tie("b2", "p1", since=D(2021, 1, 1), until=D(2030, 1, 1)))
    assert year_ends([Network("Lille", ACTORS, planned)], until=D(2022, 5, 1))[-1] == D(
        2022, 12, 31
    )
    assert year_ends([Network("Lille", ACTORS[4:], ())]) == []


def test_indicators_and_rates_follow_the_history():
    result = yearly_comparison(year_ends([Network("Lille", ACTORS, TIES)]), lambda d: [lille_on(d)])
    assert result["years"] == [2019, 2020, 2021]
    assert result["as_of"] == ["2019-12-31", "2020-12-31", "2021-12-31"]
    assert result["method"]["randomisations"] == 0
    assert series(result, "actors") == [4, 5, 5]
    assert series(result, "ties") == [2, 3, 3]
    assert series(result, "density") == [pytest.approx(2 / 6), 0.3, 0.3]
    first = result["rates"][0]
    assert (first["from"], first["to"]) == ("business", "association")
    shares = [(cell["tied"], cell["actors"]) for cell in first["values"]["Lille"]]
    assert shares == [(1, 2), (2, 2), (1, 2)]
    to_public = next(
        r for r in result["rates"] if (r["from"], r["to"]) == ("association", "public")
    )
    assert [(c["tied"], c["actors"]) for c in to_public["values"]["Lille"]] == [
        (0, 1),
        (0, 2),
        (1, 2),
    ]


def test_bridges_gained_and_lost_each_year():
    result = yearly_comparison(year_ends([Network("Lille", ACTORS, TIES)]), lambda d: [lille_on(d)])
    by_year = {row["year"]: row for row in result["bridges"]}
    assert [row["year"] for row in result["bridges"]] == [2019, 2020, 2021]
    assert by_year[2019]["since"] == "2018-12-31" and by_year[2019]["until"] == "2019-12-31"

    def actors(year: int, change: str) -> dict[str, list]:
        return {
            item["id"]: item["sectors"] for item in by_year[year][change] if item["type"] == "actor"
        }

    # 2020: the event b2-a2 makes both of them bridge businesses and associations
    assert actors(2020, "gained") == {
        "a2": [["business", "association"]],
        "b2": [["business", "association"]],
    }
    assert by_year[2020]["lost"] == []
    # 2021: the event has ended, the funding a1-p1 links associations and public bodies
    assert actors(2021, "lost") == actors(2020, "gained")
    assert ["association", "public"] in actors(2021, "gained")["a1"]


def test_no_dates_no_years():
    result = yearly_comparison([], lambda d: [lille_on(d)])
    assert result == {
        "years": [],
        "as_of": [],
        "indicators": [],
        "rates": [],
        "bridges": [],
        "method": {},
    }


def test_a_territory_given_twice_keeps_its_names_every_year():
    days = year_ends([Network("Lille", ACTORS, TIES)])
    result = yearly_comparison(days, lambda d: [lille_on(d), lille_on(d)])
    assert list(result["rates"][0]["values"]) == ["Lille (2019-12-31)", "Lille #2"]
    ties = next(row for row in result["indicators"] if row["name"] == "ties")["values"]
    assert ties == {"Lille (2019-12-31)": [2, 3, 3], "Lille #2": [2, 3, 3]}
