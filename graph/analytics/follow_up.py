"""The follow-up funnel: how far recorded introductions went.

A facilitator's measure of her own work: of the introductions made on a
territory, how many led to a meeting, how many to a partnership, how many
were dropped, and how long a partnership took.
"""

from __future__ import annotations

from collections.abc import Iterable
from statistics import median
from typing import Any

from maillage.graph.introductions import ROAD, Introduction, Status


def _reached(introduction: Introduction) -> set[Status]:
    """Every status of :data:`ROAD` the introduction went through or past."""
    furthest = max(
        (ROAD.index(s.status) for s in introduction.history if s.status in ROAD),
        default=-1,
    )
    return set(ROAD[1 : furthest + 1]) if furthest >= 1 else set()


def introduction_funnel(
    introductions: Iterable[Introduction],
) -> dict[str, dict[str, Any]]:
    """Per territory: introductions made, met, turned partnership, dropped.

    A status counts every introduction that reached it or went past it (a
    partnership was made, even if the meeting was never noted). ``days`` is
    the median number of days from made to partnership (``None`` without a
    partnership); ``open`` counts the introductions still under way.

    Parameters
    ----------
    introductions : iterable of Introduction

    Returns
    -------
    dict
        ``{territory: {"proposed", "made", "met", "partnership", "dropped",
        "open", "days"}}`` in territory order.

    Examples
    --------
    >>> from datetime import date
    >>> a = Introduction.new("1", "Alsace", "x", "y", day=date(2026, 1, 5))
    >>> b = a.moved(Status.PARTNERSHIP, day=date(2026, 3, 6))
    >>> introduction_funnel([b])["Alsace"]["days"]
    60
    """
    by_territory: dict[str, list[Introduction]] = {}
    for introduction in introductions:
        by_territory.setdefault(introduction.territory, []).append(introduction)
    funnel = {}
    for territory in sorted(by_territory):
        rows = by_territory[territory]
        counts = {"proposed": len(rows), "made": 0, "met": 0, "partnership": 0}
        durations = []
        for introduction in rows:
            for status in _reached(introduction):
                counts[status.value] += 1
            made = introduction.made_on
            if introduction.status == Status.PARTNERSHIP and made is not None:
                durations.append((introduction.history[-1].date - made).days)
        dropped = sum(i.status == Status.DROPPED for i in rows)
        funnel[territory] = {
            **counts,
            "dropped": dropped,
            "open": sum(i.is_open for i in rows),
            "days": median(durations) if durations else None,
        }
    return funnel
