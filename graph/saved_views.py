"""Saved views: a named Explore view of a territory, kept in the store for everyone.

A view is what the Explore page's address carries (colouring, sectors shown, as-of year,
selected actor, path ends, tie kinds shown, minimum tie weight, neighbourhood reach), under
a name a facilitator gives it. Names are unique within
a territory: saving a view under a name already taken replaces that view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import MaillageError

MAX_NAME_LENGTH = 80


class InvalidViewName(MaillageError):
    """A saved view's name that is empty or too long."""


def view_name(text: str | None) -> str:
    """The name ``text`` gives a view: trimmed, non-empty, at most 80 characters.

    >>> view_name("  Partenariats 2019 ")
    'Partenariats 2019'
    >>> view_name("   ")
    Traceback (most recent call last):
    ...
    maillage.graph.saved_views.InvalidViewName: give the view a name
    """
    name = (text or "").strip()
    if not name:
        raise InvalidViewName("give the view a name")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidViewName(f"a view's name has at most {MAX_NAME_LENGTH} characters")
    return name


@dataclass(frozen=True)
class SavedView:
    """One named view of ``territory`` (None or empty: the page's default).

    ``sectors`` None shows every sector; ``year`` None shows every tie, whatever its date;
    ``kinds`` None shows every tie kind, ``min_weight`` 0 every tie; ``hops`` is how far the
    selected actor's neighbourhood reaches. A view saved before these three existed opens
    with their defaults.
    """

    territory: str
    name: str
    colour: str = "sector"
    sectors: tuple[str, ...] | None = None
    year: int | None = None
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    kinds: tuple[str, ...] | None = None
    min_weight: int = 0
    hops: int = 1

    def as_document(self) -> dict[str, Any]:
        """The view as plain JSON values (what the stores keep).

        >>> SavedView("Lille", "v", sectors=("public",)).as_document()["sectors"]
        ['public']
        """
        return {
            "territory": self.territory,
            "name": self.name,
            "colour": self.colour,
            "sectors": None if self.sectors is None else list(self.sectors),
            "year": self.year,
            "actor": self.actor,
            "source": self.source,
            "target": self.target,
            "kinds": None if self.kinds is None else list(self.kinds),
            "min_weight": self.min_weight,
            "hops": self.hops,
        }

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> SavedView:
        """The view :meth:`as_document` wrote (older documents lack the last three fields).

        >>> view = SavedView("Lille", "v", "community", ("public",), 2019, "l1", "l1", "l2",
        ...                  ("funding",), 2, 3)
        >>> SavedView.from_document(view.as_document()) == view
        True
        >>> SavedView.from_document({"territory": "Lille", "name": "old"}).hops
        1
        """
        sectors = document.get("sectors")
        year = document.get("year")
        kinds = document.get("kinds")
        return cls(
            territory=str(document["territory"]),
            name=str(document["name"]),
            colour=str(document.get("colour") or "sector"),
            sectors=None if sectors is None else tuple(str(s) for s in sectors),
            year=None if year is None else int(year),
            actor=document.get("actor"),
            source=document.get("source"),
            target=document.get("target"),
            kinds=None if kinds is None else tuple(str(k) for k in kinds),
            min_weight=int(document.get("min_weight") or 0),
            hops=int(document.get("hops") or 1),
        )
