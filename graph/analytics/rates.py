"""Partnership rates: the share of one sector's actors tied to another sector.

The observatories of partnerships compare regions by such shares (the share
of companies with at least one partnership with an association: 38 % in
France, 78 % in Belgium). For every ordered pair of sectors *from → to* and
every territory, the rate counts the territory's actors of sector *from*
(``actors``), those with at least one tie to an actor of sector *to* in the
territory (``tied``), and gives ``share = tied / actors`` with its 95 %
Wilson score interval [1]_, which stays inside [0, 1] and is sound for the
small counts of a territory (Newcombe's comparison of seven methods [2]_).

.. [1] Wilson, E. B. (1927). Probable inference, the law of succession, and
   statistical inference. *Journal of the American Statistical Association*
   22(158), 209-212.
.. [2] Newcombe, R. G. (1998). Two-sided confidence intervals for the single
   proportion: comparison of seven methods. *Statistics in Medicine* 17(8),
   857-872.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from ..model import Network, Sector, TieKind
from .gaps import sector_order

__all__ = ["FIRST_PAIR", "Z_95", "partnership_rates", "rate_pairs", "territory_rates", "wilson"]

Z_95 = 1.959963984540054
"""The 97.5th percentile of the standard normal distribution (two-sided 95 %)."""

FIRST_PAIR: tuple[str, str] = (Sector.BUSINESS.value, Sector.ASSOCIATION.value)
"""The field's key measure, listed first: businesses with a partnership with an association."""


def wilson(tied: int, actors: int, z: float = Z_95) -> tuple[float | None, float | None]:
    """The Wilson score interval of the proportion ``tied / actors``.

    Parameters
    ----------
    tied, actors : int
        Successes and trials, ``0 <= tied <= actors``.
    z : float, default :data:`Z_95`
        The standard normal quantile of the confidence level (95 %).

    Returns
    -------
    (float, float) or (None, None)
        The lower and upper bounds, ``(None, None)`` when ``actors`` is 0.

    Raises
    ------
    ValueError
        When the counts are negative or ``tied > actors``.

    References
    ----------
    .. [1] Wilson, E. B. (1927). Probable inference, the law of succession,
       and statistical inference. *JASA* 22(158), 209-212.
    .. [2] Newcombe, R. G. (1998). Two-sided confidence intervals for the
       single proportion. *Statistics in Medicine* 17(8), 857-872 (Table I,
       method 3, gives 0.2553-0.3662 for 81/263).

    Examples
    --------
    >>> [round(b, 4) for b in wilson(81, 263)]
    [0.2553, 0.3662]
    >>> [round(b, 4) for b in wilson(0, 20)]
    [0.0, 0.1611]
    >>> wilson(0, 0)
    (None, None)
    """
    if actors < 0 or tied < 0 or tied > actors:
        raise ValueError(f"cannot take a proportion of {tied} out of {actors}")
    if actors == 0:
        return None, None
    share = tied / actors
    z2 = z * z
    denominator = 1 + z2 / actors
    centre = (share + z2 / (2 * actors)) / denominator
    half = z * math.sqrt(share * (1 - share) / actors + z2 / (4 * actors * actors)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def territory_rates(
    network: Network, kind: TieKind | str | None = None
) -> dict[tuple[str, str], dict[str, Any]]:
    """The rate of every ordered pair of the territory's sectors.

    A tie counts for both its ends whatever its direction; only ties
    between two members of the territory count, and only ties of ``kind``
    when it is given. Pairs whose sector *to* is absent have ``tied`` 0.

    Parameters
    ----------
    network : Network
        The territory (already filtered ``as_of`` a date if wanted).
    kind : TieKind or str, optional
        Count only ties of this kind (``"partnership"``).

    Returns
    -------
    dict
        ``{(from, to): {"actors", "tied", "share", "low", "high"}}`` for the
        sectors present, ``share``/``low``/``high`` rounded to 6 decimals.

    Examples
    --------
    >>> from maillage.graph.model import Actor, Network, Sector, Tie
    >>> actors = (Actor("b1", "B1", Sector.BUSINESS, ("T",)),
    ...           Actor("b2", "B2", Sector.BUSINESS, ("T",)),
    ...           Actor("a1", "A1", Sector.ASSOCIATION, ("T",)))
    >>> rates = territory_rates(Network("T", actors, (Tie("b1", "a1"),)))
    >>> rates["business", "association"]["tied"], rates["business", "association"]["share"]
    (1, 0.5)
    >>> rates["association", "business"]["share"]
    1.0
    """
    wanted = TieKind(kind) if kind is not None else None
    sector_of = {actor.id: actor.sector.value for actor in network.actors}
    partners: dict[str, set[str]] = {actor_id: set() for actor_id in sector_of}
    for tie in network.ties:
        if wanted is not None and tie.kind != wanted:
            continue
        if tie.source in sector_of and tie.target in sector_of:
            partners[tie.source].add(sector_of[tie.target])
            partners[tie.target].add(sector_of[tie.source])
    sectors = sector_order(sector_of.values())
    counts = {s: 0 for s in sectors}
    for sector in sector_of.values():
        counts[sector] += 1
    rates: dict[tuple[str, str], dict[str, Any]] = {}
    for origin in sectors:
        for destination in sectors:
            tied = sum(
                1
                for actor_id, sector in sector_of.items()
                if sector == origin and destination in partners[actor_id]
            )
            rates[origin, destination] = rate(tied, counts[origin])
    return rates


def rate(tied: int, actors: int) -> dict[str, Any]:
    """``{"actors", "tied", "share", "low", "high"}`` of ``tied`` out of ``actors``.

    >>> rate(38, 100)
    {'actors': 100, 'tied': 38, 'share': 0.38, 'low': 0.290976, 'high': 0.477902}
    """
    low, high = wilson(tied, actors)
    return {
        "actors": actors,
        "tied": tied,
        "share": round(tied / actors, 6) if actors else None,
        "low": None if low is None else round(low, 6),
        "high": None if high is None else round(high, 6),
    }


def rate_pairs(sectors: Sequence[str]) -> list[tuple[str, str]]:
    """Every ordered pair of ``sectors``, ``business → association`` first, then in sector order.

    >>> rate_pairs(["association", "business"])
    [('business', 'association'), ('business', 'business'), ('association', 'business'), \
('association', 'association')]
    """
    ordered = sector_order(sectors)
    pairs = [(a, b) for a in ordered for b in ordered]
    if FIRST_PAIR in pairs:
        pairs.remove(FIRST_PAIR)
        pairs.insert(0, FIRST_PAIR)
    return pairs


def partnership_rates(
    networks: Sequence[Network],
    names: Sequence[str] | None = None,
    *,
    kind: TieKind | str | None = None,
) -> list[dict[str, Any]]:
    """Partnership rates of several territories, as ``compare --format json`` lists them.

    Parameters
    ----------
    networks : sequence of Network
        The territories compared.
    names : sequence of str, optional
        The name of each territory in the result (default: its territory).
    kind : TieKind or str, optional
        Count only ties of this kind.

    Returns
    -------
    list of dict
        ``{"from", "to", "values": {name: {"actors", "tied", "share", "low",
        "high"}}}`` for every ordered pair of the sectors present in any of
        the territories, ``business → association`` first. A territory
        without actors of sector *from* has ``actors`` 0 and null
        ``share``, ``low`` and ``high``.

    Examples
    --------
    >>> from maillage.graph.model import Actor, Network, Sector, Tie
    >>> lille = Network("Lille", (Actor("b", "B", Sector.BUSINESS, ("Lille",)),
    ...                           Actor("a", "A", Sector.ASSOCIATION, ("Lille",))),
    ...                 (Tie("a", "b"),))
    >>> first = partnership_rates([lille])[0]
    >>> first["from"], first["to"], first["values"]["Lille"]["tied"]
    ('business', 'association', 1)
    """
    labels = list(names) if names is not None else [n.territory for n in networks]
    per_territory = [territory_rates(network, kind) for network in networks]
    sectors = {s for rates in per_territory for pair in rates for s in pair}
    rows = []
    for origin, destination in rate_pairs(list(sectors)):
        values = {}
        for label, network, rates in zip(labels, networks, per_territory, strict=True):
            found = rates.get((origin, destination))
            if found is None:
                actors = sum(1 for a in network.actors if a.sector.value == origin)
                found = rate(0, actors)
            values[label] = found
        rows.append({"from": origin, "to": destination, "values": values})
    return rows
