"""What a store checks inside its write transaction before it writes an import."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from operator import attrgetter

from ..errors import Problem, ValidationError
from ..model import Dataset, Participation, Tie
from ..problem_text import (
    STORE_UNKNOWN_ACTIVITY,
    STORE_UNKNOWN_PARTICIPANT,
    STORE_UNKNOWN_TIE_END,
    render,
)

#: The ``file`` of the problems a store finds (no input line names them).
STORE_FILE = "<store>"

_SOURCE, _TARGET, _ID = attrgetter("source"), attrgetter("target"), attrgetter("id")


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
    if unknown_actors:
        for tie in ties:
            for column, end in (("source", tie.source), ("target", tie.target)):
                if end in unknown_actors:
                    message = render(
                        STORE_UNKNOWN_TIE_END,
                        actor=repr(end),
                        kind=tie.kind.value,
                        source=repr(tie.source),
                        target=repr(tie.target),
                    )
                    problems.append(Problem(STORE_FILE, None, column, message))
    for participation in participations:
        actor, activity = participation.actor, participation.activity
        if actor in unknown_actors:
            message = render(STORE_UNKNOWN_PARTICIPANT, actor=repr(actor), activity=repr(activity))
            problems.append(Problem(STORE_FILE, None, "actor", message))
        if activity in unknown_activities:
            message = render(STORE_UNKNOWN_ACTIVITY, activity=repr(activity), actor=repr(actor))
            problems.append(Problem(STORE_FILE, None, "activity", message))
    return sorted(problems)
