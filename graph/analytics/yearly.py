"""Change over time: the comparison as of each 31 December in the data's range.

Observatories follow how the share of companies partnering with an
association grows year after year. :func:`year_ends` finds the years that
the data covers (from the earliest to the latest date an actor joined or a
tie started or ended); :func:`yearly_comparison` measures every compare
indicator and partnership rate of each territory as of each year's
31 December, and lists the cross-sector bridges gained and lost during each
year (:func:`~maillage.graph.analytics.timeline.bridge_changes` between the
31 December before and the year's).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from ..model import Network, TieKind
from .compare import compare_territories
from .engine import Seed, settled_seed
from .rates import rate, rate_pairs
from .timeline import bridge_changes

__all__ = ["year_ends", "yearly_comparison"]


def year_ends(networks: Sequence[Network], *, until: date | None = None) -> list[date]:
    """Every 31 December from the earliest to the latest year of the networks' dates.

    Parameters
    ----------
    networks : sequence of Network
        The territories with all their ties (no ``as_of`` filter).
    until : date, optional
        No year after this date's (default: today), so that a tie planned to
        end in the future does not stretch the range.

    Returns
    -------
    list of date
        Empty when no actor or tie carries a date.

    Examples
    --------
    >>> from maillage.graph.model import Actor, Network, Sector, Tie
    >>> a = (Actor("a", "A", Sector.PUBLIC, ("T",), joined=date(2019, 3, 1)),
    ...      Actor("b", "B", Sector.MEDIA, ("T",)))
    >>> year_ends([Network("T", a, (Tie("a", "b", until=date(2021, 6, 30)),))])
    [datetime.date(2019, 12, 31), datetime.date(2020, 12, 31), datetime.date(2021, 12, 31)]
    """
    days = [actor.joined for network in networks for actor in network.actors if actor.joined]
    for network in networks:
        for tie in network.ties:
            days += [d for d in (tie.since, tie.until) if d is not None]
    if not days:
        return []
    last = min(max(days).year, (until or date.today()).year)
    first = min(min(days).year, last)
    return [date(year, 12, 31) for year in range(first, last + 1)]


def yearly_comparison(
    dates: Sequence[date],
    networks_at: Callable[[date], Sequence[Network]],
    *,
    seed: Seed = None,
    randomisations: int = 0,
    kind: TieKind | str | None = None,
) -> dict[str, Any]:
    """Every compare indicator and partnership rate per year, and the bridges of each year.

    Parameters
    ----------
    dates : sequence of date
        The days to measure on, in order (:func:`year_ends`).
    networks_at : callable
        ``networks_at(day)`` returns the compared territories as of ``day``,
        always in the same order.
    seed : int, random.Random, numpy RandomState or Generator, or None, optional
        Random state as NetworkX takes one; settled to one int that every
        year's :func:`~maillage.graph.analytics.compare.compare_territories` uses.
    randomisations : int, default 0
        Rewired copies per territory and year; 0 gives the raw values only
        (``z`` null), which is what a time series of a field reads.
    kind : TieKind or str, optional
        Count only ties of this kind in the rates.

    Returns
    -------
    dict
        ``years`` (ints), ``as_of`` (ISO dates), ``indicators``: ``[{name,
        label, values: {territory: [value per year]}, z: {...}}]``,
        ``rates``: ``[{from, to, values: {territory: [rate per year]}}]``
        (``business → association`` first), and ``bridges``: ``[{territory,
        year, since, until, gained, lost}]`` where ``gained`` and ``lost``
        are the bridges of :func:`~maillage.graph.analytics.timeline.bridge_changes`
        between the 31 December before and the year's; ``method``.

    Examples
    --------
    >>> from maillage.graph.model import Actor, Network, Sector, Tie
    >>> actors = (Actor("b", "B", Sector.BUSINESS, ("T",)),
    ...           Actor("a", "A", Sector.ASSOCIATION, ("T",)))
    >>> tie = Tie("a", "b", since=date(2021, 5, 1))
    >>> def at(day):
    ...     return [Network("T", actors, tuple(x for x in (tie,) if x.active_on(day)), as_of=day)]
    >>> years = yearly_comparison([date(2020, 12, 31), date(2021, 12, 31)], at)
    >>> [cell["tied"] for cell in years["rates"][0]["values"]["T"]]
    [0, 1]
    >>> [len(b["gained"]) for b in years["bridges"]]
    [0, 3]
    """
    seed = settled_seed(seed)
    days = list(dates)
    if not days:
        return {
            "years": [],
            "as_of": [],
            "indicators": [],
            "rates": [],
            "bridges": [],
            "method": {},
        }
    before = networks_at(date(days[0].year - 1, 12, 31))
    documents, snapshots = [], []
    for day in days:
        networks = networks_at(day)
        snapshots.append(networks)
        documents.append(
            compare_territories(networks, seed=seed, randomisations=randomisations, kind=kind)
        )
    # a name given twice is told apart by its date, which changes every year: key by position
    names = documents[0]["territories"]
    for document in documents[1:]:
        _rename(document, dict(zip(document["territories"], names, strict=True)))
    return {
        "years": [day.year for day in days],
        "as_of": [day.isoformat() for day in days],
        "indicators": _indicator_series(documents, names),
        "rates": _rate_series(documents, names, snapshots),
        "bridges": _bridges(names, [before, *snapshots], days),
        "method": {
            "as_of": "each territory as stored on 31 December of each year of the data's range",
            "randomisations": randomisations,
            "bridges": (
                "bridges between sectors gained and lost from the 31 December before to the "
                "year's, as report --since --until gives them"
            ),
        },
    }


def _rename(document: dict[str, Any], names: dict[str, str]) -> None:
    """Key ``document``'s per-territory values by ``names`` (this year's name -> the first's)."""
    for row in document["indicators"]:
        for key in ("values", "normalised", "z"):
            row[key] = {names[name]: value for name, value in row[key].items()}
    for row in document["rates"]:
        row["values"] = {names[name]: value for name, value in row["values"].items()}
    document["territories"] = [names[name] for name in document["territories"]]


def _indicator_series(documents: list[dict[str, Any]], names: list[str]) -> list[dict[str, Any]]:
    rows = []
    for position, indicator in enumerate(documents[0]["indicators"]):
        per_year = [document["indicators"][position] for document in documents]
        rows.append(
            {
                "name": indicator["name"],
                "label": indicator["label"],
                "values": {n: [row["values"][n] for row in per_year] for n in names},
                "z": {n: [row["z"][n] for row in per_year] for n in names},
            }
        )
    return rows


def _rate_series(
    documents: list[dict[str, Any]],
    names: list[str],
    snapshots: list[Sequence[Network]],
) -> list[dict[str, Any]]:
    found = [{(r["from"], r["to"]): r["values"] for r in doc["rates"]} for doc in documents]
    sectors = {s for rates in found for pair in rates for s in pair}
    rows = []
    for pair in rate_pairs(list(sectors)):
        values: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
        for rates, networks in zip(found, snapshots, strict=True):
            for name, network in zip(names, networks, strict=True):
                cell = rates.get(pair, {}).get(name)
                if cell is None:
                    cell = rate(0, sum(1 for a in network.actors if a.sector.value == pair[0]))
                values[name].append(cell)
        rows.append({"from": pair[0], "to": pair[1], "values": values})
    return rows


def _bridges(
    names: list[str], snapshots: list[Sequence[Network]], days: list[date]
) -> list[dict[str, Any]]:
    rows = []
    for position, day in enumerate(days):
        for index, name in enumerate(names):
            changes = bridge_changes(snapshots[position][index], snapshots[position + 1][index])
            rows.append(
                {
                    "territory": name,
                    "year": day.year,
                    "since": changes["since"],
                    "until": changes["until"],
                    "gained": changes["gained"],
                    "lost": changes["lost"],
                }
            )
    return rows
