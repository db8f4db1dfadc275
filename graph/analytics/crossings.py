"""Across territories: the actors they share and the ties that cross from one to another.

A territory's network keeps the ties that leave it (they count for its
openness). Between the territories compared, those ties and the actors that
belong to several of them make the inter-territorial network: who holds two
territories together, and how much each one's openness goes to the others
rather than elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import Any

from ..model import Actor, Network, Tie

__all__ = ["territory_crossings"]


def territory_crossings(
    networks: Sequence[Network], names: Sequence[str] | None = None
) -> dict[str, Any]:
    """The actors the territories share and the ties that cross between them.

    Parameters
    ----------
    networks : sequence of Network
        The territories compared (with the ties that leave them).
    names : sequence of str, optional
        The name of each territory in the result (default: its territory).

    Returns
    -------
    dict
        ``territories``; ``pairs``: for each pair of territories ``{"territories":
        [a, b], "shared": [actor], "crossing": [tie]}`` where ``shared`` lists
        the actors that belong to both (``{id, name, sector}``, by name) and
        ``crossing`` the ties with one end only in *a* and the other only in
        *b* (``{source, target, kind, weight}``, ends as actors); and
        ``leaving``: for each territory, its ties that leave it, ``{"ties": n,
        "to": {other: n}, "elsewhere": n}`` (a tie whose outer end belongs to
        two of the others counts for both).

    Examples
    --------
    >>> from maillage.graph.model import Actor, Network, Sector, Tie
    >>> u = Actor("u", "Université", Sector.ACADEMIC, ("Lille", "Figeac"))
    >>> b = Actor("b", "Brasserie", Sector.BUSINESS, ("Lille",))
    >>> f = Actor("f", "Fromagerie", Sector.BUSINESS, ("Figeac",))
    >>> lille = Network("Lille", (u, b), (Tie("u", "b"), Tie("b", "f")), outside=(f,))
    >>> figeac = Network("Figeac", (u, f), (Tie("u", "f"), Tie("b", "f")), outside=(b,))
    >>> pair = territory_crossings([lille, figeac])["pairs"][0]
    >>> [a["id"] for a in pair["shared"]], [(t["source"]["id"], t["target"]["id"])
    ...                                     for t in pair["crossing"]]
    (['u'], [('b', 'f')])
    """
    labels = list(names) if names is not None else [n.territory for n in networks]
    members = [network.member_ids for network in networks]
    known: dict[str, Actor] = {}
    for network in networks:
        for actor in (*network.outside, *network.actors):
            known[actor.id] = actor
    pairs = []
    for (i, a), (j, b) in combinations(enumerate(labels), 2):
        shared = sorted(
            (known[actor_id] for actor_id in members[i] & members[j]),
            key=lambda actor: (actor.name, actor.id),
        )
        crossing = _crossing_ties(networks[i], networks[j], members[i], members[j])
        pairs.append(
            {
                "territories": [a, b],
                "shared": [_actor(actor) for actor in shared],
                "crossing": [_tie(tie, known) for tie in crossing],
            }
        )
    leaving = {}
    for i, (label, network) in enumerate(zip(labels, networks, strict=True)):
        outward = [tie for tie in network.ties if not network.is_internal(tie)]
        to = {other: 0 for j, other in enumerate(labels) if j != i}
        elsewhere = 0
        for tie in outward:
            end = tie.target if tie.source in members[i] else tie.source
            reached = [other for j, other in enumerate(labels) if j != i and end in members[j]]
            for other in reached:
                to[other] += 1
            elsewhere += not reached
        leaving[label] = {"ties": len(outward), "to": to, "elsewhere": elsewhere}
    return {"territories": labels, "pairs": pairs, "leaving": leaving}


def _crossing_ties(
    first: Network, second: Network, a: frozenset[str], b: frozenset[str]
) -> list[Tie]:
    only_a, only_b = a - b, b - a
    found: dict[str, Tie] = {}
    for tie in (*first.ties, *second.ties):
        ends = (tie.source, tie.target)
        if (ends[0] in only_a and ends[1] in only_b) or (ends[0] in only_b and ends[1] in only_a):
            found.setdefault(tie.key, tie)
    return [found[key] for key in sorted(found)]


def _actor(actor: Actor | None, actor_id: str = "") -> dict[str, Any]:
    if actor is None:
        return {"id": actor_id, "name": actor_id, "sector": None}
    return {"id": actor.id, "name": actor.name, "sector": actor.sector.value}


def _tie(tie: Tie, known: dict[str, Actor]) -> dict[str, Any]:
    return {
        "source": _actor(known.get(tie.source), tie.source),
        "target": _actor(known.get(tie.target), tie.target),
        "kind": tie.kind.value,
        "weight": tie.weight,
    }
