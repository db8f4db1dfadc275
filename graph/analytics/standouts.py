"""What a coordinator reads in a comparison: z-scores in plain words, and what stands out.

A normalised indicator is read as a z-score against the territory's own
randomisations (:func:`z_readings`): ``z = 4.2`` on clustering says the
territory is *more clustered than its degrees alone would give*. Indicators
that the randomisation keeps fixed (actors, ties, density under
degree-preserving rewiring) or that are not randomised (openness) have no
z-score and are left out.

:func:`find_standouts` picks, for each territory, the few facts that set it
apart, in a fixed order so that the same data always gives the same
summary: the partnership rate where it is the lowest of the territories by
the widest margin, the one where it is the highest, and the indicator
furthest from its randomisations. The reports turn them into sentences in
the reader's language ("Lille: associations rarely tie to public bodies,
2 of 40, the lowest of the 5 territories").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["MEANINGS", "SIMILAR", "Z_THRESHOLD", "find_standouts", "z_readings"]

Z_THRESHOLD = 2.0
"""``|z|`` from which a territory differs from its randomisations (about 5 % two-sided)."""

MIN_ACTORS = 3
"""Fewest actors of sector *from* for a territory's rate to be ranked against the others'."""

MIN_GAP = 0.1
"""Smallest difference (10 points) between a territory's share and the others' mean to tell."""

SIMILAR = "about what its degrees alone would give"

MEANINGS: Mapping[str, tuple[str, str]] = {
    "components": (
        "more fragmented than its degrees alone would give",
        "less fragmented than its degrees alone would give",
    ),
    "largest_component_share": (
        "more of its actors in one connected whole than its degrees alone would give",
        "fewer of its actors in one connected whole than its degrees alone would give",
    ),
    "average_clustering": (
        "more clustered than its degrees alone would give",
        "less clustered than its degrees alone would give",
    ),
    "modularity": (
        "more split into separate groups than its degrees alone would give",
        "less split into separate groups than its degrees alone would give",
    ),
    "communities": (
        "more groups than its degrees alone would give",
        "fewer groups than its degrees alone would give",
    ),
    "ei_index": (
        "more ties across sectors than its degrees alone would give",
        "more ties within sectors than its degrees alone would give",
    ),
    "assortativity": (
        "actors keep to their own sector more than its degrees alone would give",
        "actors mix across sectors more than its degrees alone would give",
    ),
    "betweenness_centralisation": (
        "more centred on a few brokers than its degrees alone would give",
        "less centred on a few brokers than its degrees alone would give",
    ),
}
"""For each randomised indicator, what a high and a low z-score mean, in plain words."""


def z_readings(
    indicators: Sequence[Mapping[str, Any]], territories: Sequence[str]
) -> list[dict[str, Any]]:
    """The normalised view: each randomised indicator's z-scores with their meaning.

    Parameters
    ----------
    indicators : sequence of dict
        The ``indicators`` of a comparison (``name``, ``label``,
        ``normalisation``, ``z``).
    territories : sequence of str
        The territory names.

    Returns
    -------
    list of dict
        ``{name, label, higher, lower, z: {territory: z}, reading: {territory:
        "higher" | "lower" | "similar" | None}, meaning: {territory: text}}``
        for the indicators with a normalisation; ``reading`` is ``higher`` or
        ``lower`` from ``|z| >= 2``, ``None`` where z is undefined (the
        randomisations all agree, or there were none).

    Examples
    --------
    >>> rows = [{"name": "average_clustering", "label": "Clustering",
    ...          "normalisation": "ratio", "z": {"Lille": 4.2, "Figeac": 0.5}},
    ...         {"name": "density", "label": "Density", "normalisation": None, "z": {}}]
    >>> [row["meaning"] for row in z_readings(rows, ["Lille", "Figeac"])]
    [{'Lille': 'more clustered than its degrees alone would give', \
'Figeac': 'about what its degrees alone would give'}]
    """
    rows = []
    for indicator in indicators:
        name = str(indicator.get("name"))
        if indicator.get("normalisation") is None:
            continue
        higher, lower = MEANINGS.get(
            name,
            (
                f"higher {name} than its degrees alone would give",
                f"lower {name} than its degrees alone would give",
            ),
        )
        z = {t: (indicator.get("z") or {}).get(t) for t in territories}
        reading = {t: _reading(value) for t, value in z.items()}
        meaning = {
            t: {"higher": higher, "lower": lower, "similar": SIMILAR}.get(str(r))
            for t, r in reading.items()
        }
        rows.append(
            {
                "name": name,
                "label": indicator.get("label") or name,
                "higher": higher,
                "lower": lower,
                "z": z,
                "reading": reading,
                "meaning": meaning,
            }
        )
    return rows


def _reading(z: float | None) -> str | None:
    if z is None:
        return None
    if z >= Z_THRESHOLD:
        return "higher"
    if z <= -Z_THRESHOLD:
        return "lower"
    return "similar"


def find_standouts(
    rates: Sequence[Mapping[str, Any]],
    readings: Sequence[Mapping[str, Any]],
    territories: Sequence[str],
) -> dict[str, list[dict[str, Any]]]:
    """For each territory, the facts that set it apart, most telling first.

    Parameters
    ----------
    rates : sequence of dict
        The comparison's partnership ``rates`` (``from``, ``to``, ``values``).
    readings : sequence of dict
        :func:`z_readings` of the comparison.
    territories : sequence of str
        The territory names.

    Returns
    -------
    dict
        ``{territory: [standout, ...]}``, at most three each, in this order:

        - ``{"type": "rate", "rank": "lowest", "from", "to", "tied", "actors",
          "share", "others": mean share of the others, "territories": n}``:
          the cross-sector rate where the territory is strictly the lowest
          of the ``n`` territories with at least 3 actors of sector *from*,
          by the widest margin (at least 10 points) below the others' mean;
        - the same with ``"rank": "highest"``;
        - ``{"type": "z", "name", "label", "z", "reading", "meaning"}``: the
          indicator furthest from the randomisations, when ``|z| >= 2``.

        Ties are broken by the order of ``rates`` and ``readings``.

    Examples
    --------
    >>> rates = [{"from": "association", "to": "public", "values": {
    ...     "Lille": {"actors": 40, "tied": 2, "share": 0.05},
    ...     "Figeac": {"actors": 10, "tied": 5, "share": 0.5}}}]
    >>> found = find_standouts(rates, [], ["Lille", "Figeac"])
    >>> [(s["rank"], s["tied"], s["actors"], s["territories"]) for s in found["Lille"]]
    [('lowest', 2, 40, 2)]
    >>> [s["rank"] for s in found["Figeac"]]
    ['highest']
    """
    found: dict[str, list[dict[str, Any]]] = {t: [] for t in territories}
    for rank in ("lowest", "highest"):
        best: dict[str, tuple[float, dict[str, Any]]] = {}
        for row in rates:
            if row.get("from") == row.get("to"):
                continue
            for territory, standout in _ranked(row, territories, rank).items():
                gap = abs(standout["share"] - standout["others"])
                if gap >= MIN_GAP and (territory not in best or gap > best[territory][0] + 1e-12):
                    best[territory] = (gap, standout)
        for territory in territories:
            if territory in best:
                found[territory].append(best[territory][1])
    for territory in territories:
        strongest: tuple[float, dict[str, Any]] | None = None
        for row in readings:
            z = (row.get("z") or {}).get(territory)
            if z is None or abs(z) < Z_THRESHOLD:
                continue
            if strongest is None or abs(z) > strongest[0] + 1e-12:
                strongest = (
                    abs(z),
                    {
                        "type": "z",
                        "name": row.get("name"),
                        "label": row.get("label"),
                        "z": z,
                        "reading": (row.get("reading") or {}).get(territory),
                        "meaning": (row.get("meaning") or {}).get(territory),
                    },
                )
        if strongest is not None:
            found[territory].append(strongest[1])
    return found


def _ranked(
    row: Mapping[str, Any], territories: Sequence[str], rank: str
) -> dict[str, dict[str, Any]]:
    """The territory strictly lowest (or highest) on this rate, as a standout, if any."""
    values = row.get("values") or {}
    usable = {
        t: values[t]
        for t in territories
        if t in values
        and (values[t] or {}).get("actors", 0) >= MIN_ACTORS
        and values[t].get("share") is not None
    }
    if len(usable) < 2:
        return {}
    shares = {t: float(cell["share"]) for t, cell in usable.items()}
    extreme = min(shares.values()) if rank == "lowest" else max(shares.values())
    at_extreme = [t for t, share in shares.items() if share == extreme]
    if len(at_extreme) != 1:
        return {}
    territory = at_extreme[0]
    others = [share for t, share in shares.items() if t != territory]
    cell = usable[territory]
    return {
        territory: {
            "type": "rate",
            "rank": rank,
            "from": row.get("from"),
            "to": row.get("to"),
            "tied": cell.get("tied"),
            "actors": cell.get("actors"),
            "share": shares[territory],
            "others": round(sum(others) / len(others), 6),
            "territories": len(usable),
        }
    }
