"""What a revision did, in words: one home for the descriptions revisions keep.

Each description is an English template with named fields. The writers (imports, edits,
undo, introductions) render them; the History page recognises a stored description back
into ``(template, fields)`` and tells it in the reader's language. Stored descriptions are
data and never change; one no template recognises is shown as stored.

>>> text = undo_description([3, 4])
>>> text, recognise_revision(text)
('undo of revisions 3, 4', ('undo of revisions {revisions}', {'revisions': '3, 4'}))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .sentences import recognise, render

__all__ = [
    "IMPORTED",
    "ACTOR_EDITED",
    "ACTOR_ADDED",
    "TIE_RECORDED",
    "TIE_ENDED",
    "PARTICIPATION_RECORDED",
    "UNDO_ONE",
    "UNDO_MANY",
    "INTRODUCTION_PARTNERSHIP",
    "REVISION_TEMPLATES",
    "COUNT_FIELDS",
    "FIELD_LIST_SEPARATOR",
    "field_list",
    "edited_fields",
    "describe",
    "undo_description",
    "recognise_revision",
    "ActorChange",
    "CHANGED_ACTOR",
    "FIELD_CHANGE",
    "ATTRIBUTES_CHANGE",
    "NO_VALUE",
    "CHANGE_SEPARATOR",
]

IMPORTED = (
    "import {files}: actors {actors_added} added, {actors_updated} updated; "
    "ties {ties_added} added, {ties_updated} updated"
)
ACTOR_EDITED = "edit of actor {actor} ({fields})"
ACTOR_ADDED = "actor {actor} added to {territory}"
TIE_RECORDED = "tie {source}–{target} ({kind}) recorded"
TIE_ENDED = "tie {source}–{target} ({kind}) ended {until}"
PARTICIPATION_RECORDED = "participation of {actor} in {activity} recorded"
UNDO_ONE = "undo of revision {revisions}"
UNDO_MANY = "undo of revisions {revisions}"
INTRODUCTION_PARTNERSHIP = "partnership of introduction {introduction}"

REVISION_TEMPLATES: tuple[str, ...] = (
    IMPORTED,
    ACTOR_EDITED,
    ACTOR_ADDED,
    TIE_RECORDED,
    TIE_ENDED,
    PARTICIPATION_RECORDED,
    UNDO_ONE,
    UNDO_MANY,
    INTRODUCTION_PARTNERSHIP,
)
"""Every description template (the msgids of the catalog)."""

COUNT_FIELDS: frozenset[str] = frozenset(
    {"actors_added", "actors_updated", "ties_added", "ties_updated"}
)
"""The fields that are counts (a reader writes them with the locale's digits)."""

FIELD_LIST_SEPARATOR = ", "
"""Between the fields an edit names (``name, city``): the record's own field names."""

_KINDS: Mapping[str, str] = {
    **dict.fromkeys(COUNT_FIELDS, r"\d+"),
    "actor": r"\S+",
    "activity": r"\S+",
    "revisions": r"\d+(?:, \d+)*",
    "introduction": r"\S+",
    "fields": r"\w+(?:, \w+)*",
}


def describe(template: str, **fields: Any) -> str:
    """The description of a revision: one of :data:`REVISION_TEMPLATES` filled in.

    >>> describe(ACTOR_EDITED, actor="a1", fields="name, sector")
    'edit of actor a1 (name, sector)'
    """
    if template not in REVISION_TEMPLATES:
        raise ValueError(f"not a revision template: {template!r}")
    return render(template, **fields)


def field_list(fields: Iterable[str]) -> str:
    """The ``fields`` of :data:`ACTOR_EDITED`: the edited fields' names, in order.

    >>> field_list(["name", "city"])
    'name, city'
    """
    return FIELD_LIST_SEPARATOR.join(fields)


def edited_fields(text: str) -> list[str]:
    """The field names a :func:`field_list` holds.

    >>> edited_fields("name, city")
    ['name', 'city']
    """
    return text.split(FIELD_LIST_SEPARATOR) if text else []


def undo_description(ids: Iterable[int]) -> str:
    """The description of the undo of the revisions ``ids``."""
    ids = list(ids)
    return describe(UNDO_MANY if len(ids) > 1 else UNDO_ONE, revisions=", ".join(map(str, ids)))


def recognise_revision(description: str | None) -> tuple[str, dict[str, str]] | None:
    """``(template, fields)`` of a stored description, None when no template makes it.

    >>> recognise_revision("actor atelier-velo added to Nantes")
    ('actor {actor} added to {territory}', {'actor': 'atelier-velo', 'territory': 'Nantes'})
    >>> recognise_revision("loaded by hand") is None
    True
    """
    return recognise(description or "", REVISION_TEMPLATES, _KINDS)


# ---------------------------------------------------------------------- an import's examples

CHANGED_ACTOR = "{actor} {name}: {changes}"
FIELD_CHANGE = "{field} {old} -> {new}"
ATTRIBUTES_CHANGE = "attributes change"
NO_VALUE = "(none)"
CHANGE_SEPARATOR = "; "
"""How an import's plan shows a stored actor it changes, field by field (catalog msgids)."""


@dataclass(frozen=True, slots=True)
class ActorChange:
    """A stored actor an import changes: its id, its new name, and ``(field, old, new)``.

    Its ``str`` is the English line of the plan; a reader renders the same templates in
    its language.

    >>> str(ActorChange("n1", "Nord", (("name", "Sud", "Nord"), ("kind", None, "SME"))))
    "n1 'Nord': name Sud -> Nord; kind (none) -> SME"
    >>> str(ActorChange("n2", "Lien", ()))
    "n2 'Lien': attributes change"
    """

    actor: str
    name: str
    changes: tuple[tuple[str, Any, Any], ...] = ()

    def __str__(self) -> str:
        detail = CHANGE_SEPARATOR.join(
            render(FIELD_CHANGE, field=name, old=shown(old), new=shown(new))
            for name, old, new in self.changes
        )
        changes = detail or ATTRIBUTES_CHANGE
        return render(CHANGED_ACTOR, actor=self.actor, name=f"'{self.name}'", changes=changes)


def shown(value: Any, none: str = NO_VALUE) -> str:
    """A field's value as the plan shows it: ``none`` for nothing, a list joined with ``|``.

    >>> shown(("Nantes", "Rennes")), shown(None), shown(())
    ('Nantes | Rennes', '(none)', '(none)')
    """
    if value is None:
        return none
    if isinstance(value, tuple):
        return " | ".join(map(str, value)) or none
    return str(value)
