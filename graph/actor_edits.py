"""An actor corrected by hand: which fields may be, and how a typed value is checked."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from .errors import InvalidEdit
from .model import Actor, parse_sector

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
