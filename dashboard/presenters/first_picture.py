"""What the Explore page's first picture of a territory needs of the server, kept and ready.

Its sliders (the network's years, the heaviest tie) and its payload (every actor and tie,
sized by degree, with no date) are on the way to the first frame: they are kept in the
source's cache until the data changes, and :func:`first_picture` computes them in the
background after every write and when the server starts (``create_app`` adds it to the
precompute of :mod:`maillage.precompute`), so that the first visitor does not wait.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import networkx as nx

from ...graph.network_years import network_years
from ..network_payload import network_payload
from ..sources import Source


def weight_slider(graph: nx.Graph) -> dict[str, Any]:
    """Props of the minimum-weight slider: from 0 (every tie) to the heaviest tie."""
    weights = (d.get("weight", 1) or 1 for _, ties in graph.adjacency() for d in ties.values())
    heaviest = max(weights, default=1)
    top = max(1, math.ceil(heaviest))
    step = 1 if top <= 20 else math.ceil(top / 20)
    marks = {0: "0", top: str(top)}
    return {"min": 0, "max": top, "step": step, "marks": marks, "value": 0, "disabled": top <= 1}


def slider_facts(source: Source, territory: str) -> tuple[list[int], dict[str, Any]]:
    """The years of ``territory``'s network and its weight slider's props, kept until the
    data changes (they are on the way to the first picture: its payload waits for them)."""
    return source.cached(
        "explore sliders",
        (territory,),
        lambda: (network_years(source.network(territory)), weight_slider(source.graph(territory))),
    )


FIRST_SIZE = "degree"
"""What the nodes are sized by when the Explore page opens (its ``SIZE_BY`` menu's value)."""


def explore_payload(
    source: Source, territory: str, day: date | None = None, size_by: str = FIRST_SIZE
) -> dict[str, Any]:
    """The renderer's payload of ``territory`` sized by ``size_by`` at ``day``.

    The first picture's (no date, sized by degree) is kept until the data changes and
    computed in the background (:func:`first_picture`); the others (a few megabytes
    each at 10,000 actors) are computed when asked. A kept payload is shared: it must
    not be changed.
    """

    def compute() -> dict[str, Any]:
        return network_payload(
            source.graph(territory),
            source.layout(territory),
            source.report(territory, as_of=day).get("actors", []),
            size_by=size_by,
            network=source.network(territory),
        )

    if day is None and size_by == FIRST_SIZE:
        return source.cached("explore payload", (territory,), compute)
    return compute()


def first_picture(source: Source, territory: str) -> None:
    """Compute what the Explore page's first picture of ``territory`` needs of the server
    (its sliders and its payload), so that it is ready when its first visitor comes."""
    slider_facts(source, territory)
    explore_payload(source, territory)
