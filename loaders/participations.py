"""Two-mode data (actors taking part in activities) folded into one-mode ``event`` ties."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from ..graph.model import Participation, Tie, TieKind


def co_participation_ties(
    participations: Iterable[Participation], dates: Mapping[str, date | None]
) -> list[Tie]:
    """One undirected ``event`` tie per pair of actors who shared an activity.

    The weight is the number of activities the pair shared, ``since`` the
    earliest date among them (``dates`` maps activity ids to dates) and
    ``activities`` their sorted ids. An activity with *n* distinct
    participants gives n(n-1)/2 pairs. Ties come sorted by their two ends,
    the smaller id as ``source``.

    >>> ps = [Participation("a", "x"), Participation("b", "x"), Participation("b", "y"),
    ...       Participation("a", "y"), Participation("c", "y")]
    >>> [(t.source, t.target, t.weight, t.since, t.activities)
    ...  for t in co_participation_ties(ps, {"x": date(2020, 1, 1), "y": None})]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('a', 'b', 2.0, datetime.date(2020, 1, 1), ('x', 'y')),
     ('a', 'c', 1.0, None, ('y',)), ('b', 'c', 1.0, None, ('y',))]
    """
    members: dict[str, set[str]] = {}
    for p in participations:
        members.setdefault(p.activity, set()).add(p.actor)
    shared: dict[tuple[str, str], list[str]] = {}
    first: dict[tuple[str, str], date] = {}
    for activity, actors in members.items():
        if len(actors) < 2:
            continue
        day = dates.get(activity)
        ordered = sorted(actors)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                pair = (a, b)
                activities = shared.get(pair)
                if activities is None:
                    shared[pair] = [activity]
                else:
                    activities.append(activity)
                if day is not None:
                    earliest = first.get(pair)
                    if earliest is None or day < earliest:
                        first[pair] = day
    return [
        Tie(
            source=a,
            target=b,
            kind=TieKind.EVENT,
            weight=float(len(activities)),
            since=first.get((a, b)),
            activities=tuple(sorted(activities)),
        )
        for (a, b), activities in sorted(shared.items())
    ]
