"""Corrections by hand: an actor added or its fields changed, a tie added or ended, a
participation recorded, each value checked."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from typing import Any

from .errors import InvalidEdit
from .model import Activity, Actor, Participation, Tie, TieKind, fold, parse_sector
from .problem_text import (
    ACTOR_NEEDS_NAME,
    EDIT_UNKNOWN_TIE_KIND,
    FIELDS_NOT_EDITABLE,
    ID_TAKEN,
    NEW_ACTIVITY_NEEDS_ID,
    NEW_ACTOR_NEEDS_ID,
    NEW_ACTOR_NEEDS_SECTOR,
    NEW_ACTOR_NEEDS_TERRITORY,
    PARTICIPANT_NEEDED,
    TAKES_PART_ALREADY,
    TIE_ENDS_BEFORE_START,
    TIE_NEEDS_TWO_ACTORS,
    TIE_TO_ITSELF,
    render,
)
from .revision_text import ACTOR_ADDED, PARTICIPATION_RECORDED, describe, recognise_revision

#: The actor fields the web app edits, in the form's order.
EDITABLE_FIELDS: tuple[str, ...] = ("name", "sector", "kind", "city")


def edited(actor: Actor, changes: Mapping[str, str | None]) -> Actor:
    """``actor`` with ``changes`` applied, checked.

    >>> a = Actor("a1", "Atelier", "business", ("Nantes",), city="Nantes")
    >>> edited(a, {"name": " Atelier Nord ", "city": ""}).name, edited(a, {"city": ""}).city
    ('Atelier Nord', None)
    >>> edited(a, {"sector": "Association"}).sector
    <Sector.ASSOCIATION: 'association'>
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise InvalidEdit(render(FIELDS_NOT_EDITABLE, fields=", ".join(sorted(unknown))))
    values: dict[str, Any] = {}
    for field, raw in changes.items():
        text = " ".join((raw or "").split())
        if field == "name":
            if not text:
                raise InvalidEdit(ACTOR_NEEDS_NAME)
            values["name"] = text
        elif field == "sector":
            try:
                values["sector"] = parse_sector(text)
            except ValueError as error:
                raise InvalidEdit(str(error)) from None
        else:
            values[field] = text or None
    return dataclasses.replace(actor, **values)


def new_tie(
    source: str,
    target: str,
    kind: str | None,
    since: date | None = None,
    note: str | None = None,
) -> Tie:
    """A tie recorded by hand between two actors, checked.

    >>> new_tie("a1", "b2", "funding", date(2026, 3, 1), " forum ").note
    'forum'
    >>> new_tie("a1", "a1", "partnership")
    Traceback (most recent call last):
    ...
    maillage.graph.errors.InvalidEdit: an actor cannot be tied to itself
    """
    if not source or not target:
        raise InvalidEdit(TIE_NEEDS_TWO_ACTORS)
    if source == target:
        raise InvalidEdit(TIE_TO_ITSELF)
    try:
        tie_kind = TieKind((kind or TieKind.PARTNERSHIP.value).strip().lower())
    except ValueError:
        known = ", ".join(k.value for k in TieKind)
        raise InvalidEdit(render(EDIT_UNKNOWN_TIE_KIND, value=repr(kind), known=known)) from None
    text = " ".join((note or "").split()) or None
    return Tie(source, target, tie_kind, since=since, note=text)


def ended(tie: Tie, until: date) -> Tie:
    """``tie`` ended on ``until`` (kept, so that the network as of an earlier date shows it).

    >>> ended(Tie("a", "b", since=date(2020, 1, 1)), date(2026, 6, 30)).until
    datetime.date(2026, 6, 30)
    """
    if tie.since is not None and until < tie.since:
        raise InvalidEdit(render(TIE_ENDS_BEFORE_START, until=until, since=tie.since))
    return dataclasses.replace(tie, until=until)


def actor_id_for(name: str, taken: Collection[str], token: str) -> str:
    """A new actor's id from its name: ``slug`` or, when it is taken, ``slug-token``.

    ``token`` is random text that the caller draws (and draws again while the id is taken).

    >>> actor_id_for("Atelier du Nord", set(), "3f2a1c"), actor_id_for("É", {"e"}, "3f2a1c")
    ('atelier-du-nord', 'e-3f2a1c')
    """
    slug = _slug(name) or "actor"
    return slug if slug not in taken else f"{slug}-{token}"


def activity_id_for(name: str, taken: Collection[str], token: str) -> str:
    """A new activity's id from its name, as :func:`actor_id_for` makes an actor's.

    >>> activity_id_for("Forum ESS 2026", set(), "3f2a1c"), activity_id_for("!", {"activity"}, "9")
    ('forum-ess-2026', 'activity-9')
    """
    slug = _slug(name) or "activity"
    return slug if slug not in taken else f"{slug}-{token}"


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:40].strip("-")


def added_description(actor_id: str, territory: str) -> str:
    """The description of the revision that adds ``actor_id`` (:func:`added_actor_id` reads it).

    >>> added_actor_id(added_description("atelier-velo", "Nantes")), added_actor_id("x y")
    ('atelier-velo', None)
    """
    return describe(ACTOR_ADDED, actor=actor_id, territory=territory)


def added_actor_id(description: str) -> str | None:
    """The id of the actor a revision added (its description), None for another revision."""
    found = recognise_revision(description)
    return found[1]["actor"] if found and found[0] == ACTOR_ADDED else None


def participation_description(actor_id: str, activity_id: str) -> str:
    """The description of the revision recording a participation (:func:`recorded_in`).

    >>> recorded_in(participation_description("n1", "forum-2026")), recorded_in("x y")
    (('n1', 'forum-2026'), None)
    """
    return describe(PARTICIPATION_RECORDED, actor=actor_id, activity=activity_id)


def recorded_in(description: str) -> tuple[str, str] | None:
    """(actor, activity) of the participation a revision recorded, None for another one."""
    found = recognise_revision(description)
    if not found or found[0] != PARTICIPATION_RECORDED:
        return None
    return found[1]["actor"], found[1]["activity"]


def new_actor(
    territory: str,
    name: str | None,
    sector: str | None,
    *,
    actor_id: str,
    kind: str | None = None,
    city: str | None = None,
    taken: Collection[str] = (),
) -> Actor:
    """An actor added by hand to ``territory``, checked (``taken``: the ids in use).

    >>> new_actor("Nantes", " Atelier  Nord ", "asso", actor_id="a9", city=" ").sector
    <Sector.ASSOCIATION: 'association'>
    >>> new_actor("Nantes", "Atelier", "business", actor_id="a1", taken={"a1"})
    Traceback (most recent call last):
    ...
    maillage.graph.errors.InvalidEdit: the id 'a1' names another actor already: choose another
    """
    identifier = (actor_id or "").strip()
    if not identifier:
        raise InvalidEdit(NEW_ACTOR_NEEDS_ID)
    if identifier in taken:
        raise InvalidEdit(render(ID_TAKEN, actor=repr(identifier)))
    if not (territory or "").strip():
        raise InvalidEdit(NEW_ACTOR_NEEDS_TERRITORY)
    if not (sector or "").strip():
        raise InvalidEdit(NEW_ACTOR_NEEDS_SECTOR)
    blank = Actor(identifier, "-", parse_sector("other"), (territory,))
    return edited(blank, {"name": name, "sector": sector, "kind": kind, "city": city})


def participation_for(
    actor_id: str, activity: Activity, stored: Iterable[Participation]
) -> Participation:
    """The participation of ``actor_id`` in ``activity``, refused when it is recorded already.

    ``stored`` are the activity's stored participations.

    >>> participation_for("a1", Activity("x"), [Participation("b2", "x")])
    Participation(actor='a1', activity='x', attributes=())
    """
    if not actor_id:
        raise InvalidEdit(PARTICIPANT_NEEDED)
    if any(p.actor == actor_id for p in stored):
        raise InvalidEdit(
            render(TAKES_PART_ALREADY, actor=repr(actor_id), activity=repr(activity.id))
        )
    return Participation(actor_id, activity.id)


def new_activity(
    activity_id: str | None, name: str | None, day: date | None, stored: Activity | None
) -> Activity:
    """The activity a participation names: the stored one, or a new one (id and name needed).

    >>> new_activity(" forum-2026 ", " Forum ", None, None)
    Activity(id='forum-2026', name='Forum', date=None)
    """
    if stored is not None:
        return stored
    identifier = (activity_id or "").strip()
    text = " ".join((name or "").split()) or None
    if not identifier:
        raise InvalidEdit(NEW_ACTIVITY_NEEDS_ID)
    return Activity(identifier, text, day)


def co_participation_updates(
    actor_id: str, activity: Activity, others: Iterable[str], stored: Mapping[str, Tie]
) -> tuple[Tie, ...]:
    """The ``event`` ties that ``actor_id`` joining ``activity`` adds or changes.

    One per other participant (``others``), as an import of the participation would make
    it: ``stored`` maps each of them to its stored ``event`` tie with ``actor_id`` (if
    any), whose weight grows by one, whose activities gain ``activity`` and whose
    ``since`` becomes the earlier of the two dates.

    >>> old = Tie("a", "b", TieKind.EVENT, since=date(2024, 1, 1), activities=("w",))
    >>> [(t.weight, t.activities, t.since) for t in
    ...  co_participation_updates("a", Activity("x", date=date(2023, 5, 1)), ["b"], {"b": old})]
    [(2.0, ('w', 'x'), datetime.date(2023, 5, 1))]
    """
    ties = []
    for other in sorted(set(others) - {actor_id}):
        source, target = sorted((actor_id, other))
        tie = stored.get(other)
        if tie is None:
            ties.append(
                Tie(source, target, TieKind.EVENT, since=activity.date, activities=(activity.id,))
            )
            continue
        if activity.id in tie.activities:
            continue
        days = [d for d in (tie.since, activity.date) if d is not None]
        ties.append(
            dataclasses.replace(
                tie,
                weight=float(len(tie.activities) + 1),
                since=min(days) if days else None,
                activities=tuple(sorted((*tie.activities, activity.id))),
            )
        )
    return tuple(ties)
