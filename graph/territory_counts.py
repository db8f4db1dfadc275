"""How many actors a territory has, and how many of its ties stay inside or leave it.

``maillage territories`` shows both tie counts as labelled columns: the
territory's report counts the ties inside, its openness the ties leaving.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Network


@dataclass(frozen=True, slots=True)
class TerritoryCounts:
    """One row of ``maillage territories``."""

    name: str
    actors: int
    ties_inside: int
    ties_leaving: int


def territory_counts(network: Network) -> TerritoryCounts:
    """The counts of one territory's network.

    >>> from maillage.graph.model import Actor, Sector, Tie
    >>> a, b, c = (Actor(i, i, Sector.PUBLIC, ("T" if i != "c" else "U",)) for i in "abc")
    >>> territory_counts(Network("T", (a, b), (Tie("a", "b"), Tie("b", "c")), (c,)))
    TerritoryCounts(name='T', actors=2, ties_inside=1, ties_leaving=1)
    """
    inside = sum(1 for tie in network.ties if network.is_internal(tie))
    return TerritoryCounts(
        network.territory, len(network.actors), inside, len(network.ties) - inside
    )
