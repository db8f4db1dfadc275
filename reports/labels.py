"""Human labels of the keys that analytics results use, and how numbers are shown."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from maillage.graph.model import Sector

from .safe import scalar

NETWORK_LABELS: Mapping[str, str] = {
    "actors": "Actors",
    "ties": "Ties",
    "density": "Density",
    "components": "Components",
    "largest_component_share": "Share of actors in the largest component",
    "average_clustering": "Average clustering",
    "communities": "Communities",
    "modularity": "Modularity of the communities",
    "ei_index": "E-I index across sectors",
    "openness": "Openness (share of ties leaving the territory)",
    "assortativity": "Sector assortativity",
}

ACTOR_LABELS: Mapping[str, str] = {
    "name": "Name",
    "sector": "Sector",
    "degree": "Degree",
    "betweenness": "Betweenness",
    "closeness": "Closeness",
    "eigenvector": "Eigenvector",
    "pagerank": "PageRank",
    "constraint": "Constraint",
    "effective_size": "Effective size",
    "ei_index": "E-I",
    "community": "Community",
}

ROLES: tuple[str, ...] = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")

ACTOR_METRICS: tuple[str, ...] = (
    "degree",
    "betweenness",
    "closeness",
    "eigenvector",
    "pagerank",
    "constraint",
    "effective_size",
    "ei_index",
)

SECTOR_ORDER: tuple[str, ...] = tuple(s.value for s in Sector)


def label(key: str, labels: Mapping[str, str] = NETWORK_LABELS) -> str:
    """The human label of ``key``, else the key made readable.

    >>> label("largest_component_share")
    'Share of actors in the largest component'
    >>> label("mean_tie_age")
    'Mean tie age'
    """
    return labels.get(key) or key.replace("_", " ").capitalize()


def sector_sort_key(sector: Any) -> tuple[int, str]:
    """Sectors in the order of the closed list, unknown ones after, alphabetically."""
    text = str(scalar(sector))
    return (SECTOR_ORDER.index(text) if text in SECTOR_ORDER else len(SECTOR_ORDER), text)


def show(value: Any) -> str:
    """``value`` as a person reads it in a table: 3 decimals, ``—`` for missing.

    >>> show(0.285714), show(12), show(None), show(float("nan")), show(0.00004), show(True)
    ('0.286', '12', '—', '—', '4.0e-05', 'yes')
    """
    value = scalar(value)
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value == 0 or abs(value) >= 0.001:
            return f"{value:,.3f}" if abs(value) >= 1000 else f"{value:.3f}"
        return f"{value:.1e}"
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(show(v) for v in value)
    if isinstance(value, Mapping) and ("name" in value or "id" in value):
        return str(value.get("name") or value.get("id"))
    return str(value)
