"""The Explore network's words: the sector and tie-kind lists and the summary line.

The drawing itself is the ``NetworkView`` component (:mod:`maillage.dashboard.network_view`),
fed by :func:`maillage.dashboard.network_payload.network_payload`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...graph.vocabulary import SECTORS, TIE_KINDS
from .formatting import number

__all__ = ["SECTORS", "TIE_KINDS", "network_summary"]


def network_summary(report: Mapping[str, Any], drawn: Mapping[str, int] | None = None) -> str:
    """One line on the network drawn: size, cohesion, communities, date, what the filter shows.

    Without any tie, modularity, the E-I index and openness say nothing: they read "n/a".

    >>> empty = {"network": {"actors": 3, "ties": 0, "modularity": 0.0, "ei_index": 0.0,
    ...          "communities": 3}}
    >>> network_summary(empty)
    '3 actors · 0 ties · 3 communities (modularity n/a) · E-I index n/a · all dates'
    >>> network_summary({"network": {"actors": 3, "ties": 2}}, {"actors": 2, "ties": 1})
    '3 actors · 2 ties · all dates · shown: 2 actors, 1 tie (sector filter)'
    """
    net = report.get("network", {})
    tied = bool(net.get("ties"))

    def measure(key: str) -> str:
        return number(net.get(key)) if tied else "n/a"

    parts = [f"{number(net.get('actors'))} actors", f"{number(net.get('ties'))} ties"]
    if net.get("density") is not None:
        parts.append(f"density {number(net.get('density'))}")
    if net.get("communities") is not None:
        parts.append(
            f"{number(net.get('communities'))} communities (modularity {measure('modularity')})"
        )
    if net.get("ei_index") is not None:
        parts.append(f"E-I index {measure('ei_index')}")
    if net.get("openness") is not None:
        parts.append(f"openness {measure('openness')}")
    parts.append(f"as of {report['as_of']}" if report.get("as_of") else "all dates")
    if drawn is not None and (
        drawn["actors"] != net.get("actors") or drawn["ties"] != net.get("ties")
    ):
        ties = f"{drawn['ties']:,} tie{'s' if drawn['ties'] != 1 else ''}"
        parts.append(f"shown: {drawn['actors']:,} actors, {ties} (sector filter)")
    return " · ".join(parts)
