"""Corrections by hand: an actor's fields, a tie added or ended, each value checked."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from typing import Any

from .errors import InvalidEdit
from .model import Actor, Tie, TieKind, parse_sector

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
        raise InvalidEdit(f"these fields cannot be edited here: {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    for field, raw in changes.items():
        text = " ".join((raw or "").split())
        if field == "name":
            if not text:
                raise InvalidEdit("an actor needs a name")
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
        raise InvalidEdit("pick the two actors of the tie")
    if source == target:
        raise InvalidEdit("an actor cannot be tied to itself")
    try:
        tie_kind = TieKind((kind or TieKind.PARTNERSHIP.value).strip().lower())
    except ValueError:
        known = ", ".join(k.value for k in TieKind)
        raise InvalidEdit(f"unknown tie kind {kind!r}: one of {known}") from None
    text = " ".join((note or "").split()) or None
    return Tie(source, target, tie_kind, since=since, note=text)


def ended(tie: Tie, until: date) -> Tie:
    """``tie`` ended on ``until`` (kept, so that the network as of an earlier date shows it).

    >>> ended(Tie("a", "b", since=date(2020, 1, 1)), date(2026, 6, 30)).until
    datetime.date(2026, 6, 30)
    """
    if tie.since is not None and until < tie.since:
        raise InvalidEdit(f"a tie cannot end ({until}) before it began ({tie.since})")
    return dataclasses.replace(tie, until=until)
