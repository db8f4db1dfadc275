"""The years a territory's network can be looked at, each as of its 31 December.

The one rule of which dates the Explore page's date slider offers (and so which
dates its play button shows, and which reports are worth computing in advance):
every year from the first one that ends with a tie between two members, to the
last year in which an actor joined or a tie started or ended. Before the first
tie the picture is only unlinked dots, whatever actors have joined: it tells
nothing, so it is not offered.

At the end of year ``Y`` (``Network`` with ``as_of`` that day) an actor is present
when it joined by then (or has no date), and a tie is active when it started by
then and ends on that day or later (no date: always); it is drawn when both its
ends are present.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .model import Network, Tie

__all__ = ["first_tied_year", "last_active_year", "network_years"]


def last_active_year(until: date | None) -> int | None:
    """The last year at whose 31 December a tie ending on ``until`` is still active.

    >>> last_active_year(date(2021, 12, 31)), last_active_year(date(2021, 6, 30))
    (2021, 2020)
    >>> last_active_year(None) is None
    True
    """
    if until is None:
        return None
    return until.year if (until.month, until.day) == (12, 31) else until.year - 1


def _joined_years(network: Network) -> dict[str, int | None]:
    return {a.id: a.joined.year if a.joined else None for a in network.actors}


def _first_active_year(tie: Tie, joined: dict[str, int | None]) -> int | None | bool:
    """The first year ``tie`` is drawn at (None: every year), or False when never."""
    starts = [y for y in (joined[tie.source], joined[tie.target]) if y is not None]
    if tie.since is not None:
        starts.append(tie.since.year)
    first = max(starts) if starts else None
    last = last_active_year(tie.until)
    if first is not None and last is not None and last < first:
        return False
    if first is None and last is not None:
        return last  # open start: already active in its last year (and before)
    return first


def first_tied_year(network: Network) -> int | None:
    """The first year at whose end a tie joins two members of ``network``.

    None when no tie ever does, or when one is there whatever the date (no date on
    it nor on its ends: every year has a tie).

    >>> from maillage.graph.model import Actor, Sector, Tie
    >>> actors = (Actor("a", "A", Sector.PUBLIC, ("T",), joined=date(2004, 3, 1)),
    ...           Actor("b", "B", Sector.MEDIA, ("T",), joined=date(2010, 1, 1)))
    >>> first_tied_year(Network("T", actors, (Tie("a", "b", since=date(2008, 5, 1)),)))
    2010
    >>> first_tied_year(Network("T", actors, (Tie("a", "z", since=date(2005, 1, 1)),))) is None
    True
    """
    joined = _joined_years(network)
    years = []
    for tie in network.ties:
        if tie.source == tie.target or tie.source not in joined or tie.target not in joined:
            continue
        year = _first_active_year(tie, joined)
        if year is None:
            return None
        if year is not False:
            years.append(int(year))
    return min(years, default=None)


def _change_years(network: Network) -> Iterable[int]:
    for actor in network.actors:
        if actor.joined:
            yield actor.joined.year
    for tie in network.ties:
        for day in (tie.since, tie.until):
            if day is not None:
                yield day.year


def network_years(network: Network) -> list[int]:
    """Every year whose 31 December shows ``network`` with at least one tie, oldest first.

    From the first year that ends with a tie between two members
    (:func:`first_tied_year`; without one, the first year anything has a date) to
    the last year in which an actor joined or a tie started or ended; every year
    between, one a step. Empty when nothing has a date (every date looks the same).
    ``network`` is the whole territory (no ``as_of``).

    >>> from maillage.graph.model import Actor, Sector, Tie
    >>> actors = (Actor("a", "A", Sector.PUBLIC, ("T",), joined=date(2004, 3, 1)),
    ...           Actor("b", "B", Sector.MEDIA, ("T",)))
    >>> network_years(Network("T", actors, (Tie("a", "b", since=date(2008, 5, 1),
    ...                                          until=date(2010, 6, 30)),)))
    [2008, 2009, 2010]
    >>> network_years(Network("T", actors, ()))
    [2004]
    >>> network_years(Network("T", actors[1:], (Tie("b", "b"),)))
    []
    """
    changes = sorted(set(_change_years(network)))
    if not changes:
        return []
    first = first_tied_year(network)
    start = changes[0] if first is None else first
    return list(range(start, max(changes[-1], start) + 1))
