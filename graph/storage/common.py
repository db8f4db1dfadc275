"""What both stores share: checking references, walking ties breadth-first, hop bounds."""

from __future__ import annotations

import gc
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from operator import attrgetter

from ..errors import Problem, ValidationError
from ..model import Dataset, Participation, Tie

#: The ``file`` of the problems a store finds (no input line names them).
STORE_FILE = "<store>"

MAX_HOPS = 10


_SOURCE, _TARGET, _ID = attrgetter("source"), attrgetter("target"), attrgetter("id")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while an upsert runs.

    An upsert of tens of thousands of ties makes as many short-lived rows and no cycles;
    the collections they trigger would walk every object of the loaded dataset again and
    again (a tenth of a SQLite import). Reference counting frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class IsoDates(dict):
    """``day -> day.isoformat()``, each distinct day formatted once (a store's row builders).

    Start it with what stands for an absent date, e.g. ``IsoDates({None: None})``.
    """

    def __missing__(self, day: date) -> str:
        text = self[day] = day.isoformat()
        return text


def check_hops(hops: int) -> int:
    """Return ``hops`` if it is an integer from 0 to ``MAX_HOPS``, else raise ``ValueError``."""
    if isinstance(hops, bool) or not isinstance(hops, int) or not 0 <= hops <= MAX_HOPS:
        raise ValueError(f"hops must be an integer from 0 to {MAX_HOPS}, not {hops!r}")
    return hops


def check_references(
    dataset: Dataset,
    unknown_actors: Callable[[list[str]], Iterable[str]],
    unknown_activities: Callable[[list[str]], Iterable[str]],
) -> None:
    """Raise ``ValidationError`` if a tie or participation names something found nowhere.

    Ids missing from ``dataset`` go to ``unknown_actors(ids)`` / ``unknown_activities(ids)``,
    which return those the store lacks too (run inside the write transaction).
    """
    wanted_actors = set(map(_SOURCE, dataset.ties))
    wanted_actors.update(map(_TARGET, dataset.ties))
    wanted_actors.update(p.actor for p in dataset.participations)
    wanted_actors.difference_update(map(_ID, dataset.actors))
    wanted_activities = {p.activity for p in dataset.participations}
    wanted_activities.difference_update(activity.id for activity in dataset.activities)
    actors = frozenset(unknown_actors(sorted(wanted_actors))) if wanted_actors else frozenset()
    activities = (
        frozenset(unknown_activities(sorted(wanted_activities)))
        if wanted_activities
        else frozenset()
    )
    if actors or activities:
        raise ValidationError(
            unknown_reference_problems(dataset.ties, dataset.participations, actors, activities)
        )


def unknown_reference_problems(
    ties: Iterable[Tie],
    participations: Iterable[Participation],
    unknown_actors: Collection[str],
    unknown_activities: Collection[str],
) -> list[Problem]:
    """One ``Problem`` per tie or participation naming an actor or activity found nowhere."""
    problems = []
    elsewhere = "it is neither in this import nor in the store"
    if unknown_actors:
        for tie in ties:
            for column, end in (("source", tie.source), ("target", tie.target)):
                if end in unknown_actors:
                    what = f"{tie.kind.value} tie {tie.source!r} - {tie.target!r}"
                    message = f"unknown actor {end!r} in the {what}: {elsewhere}"
                    problems.append(Problem(STORE_FILE, None, column, message))
    for participation in participations:
        actor, activity = participation.actor, participation.activity
        if actor in unknown_actors:
            message = f"unknown actor {actor!r} taking part in {activity!r}: {elsewhere}"
            problems.append(Problem(STORE_FILE, None, "actor", message))
        if activity in unknown_activities:
            message = f"unknown activity {activity!r} of actor {actor!r}: {elsewhere}"
            problems.append(Problem(STORE_FILE, None, "activity", message))
    return sorted(problems)


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
