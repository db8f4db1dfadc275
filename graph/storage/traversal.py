"""Walking ties breadth-first, one store query per level, and the bound on hops."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

MAX_HOPS = 10


def check_hops(hops: int) -> int:
    """Return ``hops`` if it is an integer from 0 to ``MAX_HOPS``, else raise ``ValueError``."""
    if isinstance(hops, bool) or not isinstance(hops, int) or not 0 <= hops <= MAX_HOPS:
        raise ValueError(f"hops must be an integer from 0 to {MAX_HOPS}, not {hops!r}")
    return hops


def breadth_first_path(
    source: str,
    target: str,
    neighbours: Callable[[Sequence[str]], Iterable[tuple[str, str]]],
) -> list[str] | None:
    """One shortest chain from ``source`` to ``target``, or None if there is none.

    ``neighbours(frontier)`` returns the ``(here, there)`` pairs of the ties from the actors
    of ``frontier``, walked in both directions: one store query per level.
    """
    if source == target:
        return [source]
    parent: dict[str, str] = {}
    seen = {source}
    frontier = [source]
    while frontier:
        following = []
        for here, there in neighbours(frontier):
            if there in seen:
                continue
            seen.add(there)
            parent[there] = here
            if there == target:
                path = [there]
                while path[-1] != source:
                    path.append(parent[path[-1]])
                return path[::-1]
            following.append(there)
        frontier = following
    return None


def breadth_first_reach(
    source: str,
    hops: int,
    neighbours: Callable[[Sequence[str]], Iterable[tuple[str, str]]],
) -> set[str]:
    """The actors within ``hops`` ties of ``source`` (itself included)."""
    reached = {source}
    frontier = [source]
    for _ in range(hops):
        frontier = sorted({there for _, there in neighbours(frontier)} - reached)
        if not frontier:
            break
        reached.update(frontier)
    return reached
