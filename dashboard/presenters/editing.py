"""Correcting the selected actor on Explore: the form's values, save and undo.

Every save is one revision of the store (``Maillage.edit_actor``, ``add_actor``,
``record_participation``...), the machinery of
``maillage import`` and ``maillage undo``; the writer is refused to the roles that
may only read, whatever the browser sends.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from dash import no_update
from dash.exceptions import PreventUpdate

from ...graph.actor_edits import EDITABLE_FIELDS, added_actor_id, recorded_in
from ...reports.i18n import Translator
from .. import ids
from ..sources import Source, Sources
from .formatting import parse_as_of
from .guard import NothingToShow, guarded
from .history import description_in

HIDDEN = {"display": "none"}
SHOWN = {"display": "block"}
#: The "add an actor" form (name, sector, kind, city) and the "record a participation"
#: form (activity, new activity's name, its date) once saved: blank for the next one.
ADD_FORM_CLEARED: tuple[Any, ...] = ("", None, "", "")
PART_FORM_CLEARED: tuple[Any, ...] = (None, "", None)
#: Either form as the user left it: after another save, and after a refused one, where
#: the user must correct what they typed.
ADD_FORM_KEPT: tuple[Any, ...] = (no_update,) * len(ADD_FORM_CLEARED)
PART_FORM_KEPT: tuple[Any, ...] = (no_update,) * len(PART_FORM_CLEARED)


def form_values(actor: Any) -> tuple[Any, ...]:
    """The form's name, sector, kind and city for ``actor`` (blank for none).

    >>> from maillage.graph.model import Actor
    >>> form_values(Actor("a1", "Atelier", "business", ("Nantes",), city="Nantes"))
    ('Atelier', 'business', '', 'Nantes')
    """
    if actor is None:
        return "", None, "", ""
    return actor.name, str(actor.sector), actor.kind or "", actor.city or ""


@guarded(lambda: "", lambda: None, lambda: "", lambda: "", lambda: HIDDEN, lambda: HIDDEN, list)
def form_view(
    source: Source,
    may_write: bool,
    actor_id: str | None,
    territory: str | None = None,
    t: Translator | None = None,
) -> tuple[Any, ...]:
    """The form's values for the selected actor, whether the panel shows (to writers),
    whether its part about the selected actor does (once one is selected), and the
    activities of ``territory`` that the actor may be recorded as taking part in; a
    failure reads in ``t``'s language."""
    if not may_write:
        return (*form_values(None), HIDDEN, HIDDEN, [])
    actor = source.actor(actor_id) if actor_id else None
    if actor is None:
        return (*form_values(None), SHOWN, HIDDEN, [])
    options = activity_options(source.activities(territory)) if territory else []
    return (*form_values(actor), SHOWN, SHOWN, options)


def activity_options(activities: Iterable[Any]) -> list[dict[str, str]]:
    """The dropdown's options: each activity by its name (else its id) and date.

    >>> from datetime import date
    >>> from maillage.graph.model import Activity
    >>> activity_options([Activity("f", "Forum", date(2020, 9, 15)), Activity("w")])
    [{'label': 'Forum (2020-09-15)', 'value': 'f'}, {'label': 'w', 'value': 'w'}]
    """
    options = []
    for activity in activities:
        label = activity.name or activity.id
        if activity.date is not None:
            label = f"{label} ({activity.date.isoformat()})"
        options.append({"label": label, "value": activity.id})
    return options


def record_participation(
    sources: Sources, territory: str | None, actor_id: str | None, fields: Mapping[str, Any]
) -> tuple[dict[str, Any], str, bool]:
    """Record that the selected actor took part in the chosen activity, or in a new one
    (``part_*`` fields: ``part_activity``, else ``part_name`` and ``part_date``).

    Returns the new last edit (Undo targets it), the message, and False (Undo enabled).
    """
    writer, user = sources.writer()
    t = sources.translator()
    if not territory:
        raise NothingToShow(t.gettext("Choose a territory first."))
    if not actor_id:
        raise NothingToShow(t.gettext("Select an actor first."))
    revision = writer.record_participation(
        territory,
        actor_id,
        activity_id=fields.get("part_activity"),
        activity_name=fields.get("part_name"),
        day=parse_as_of(fields.get("part_date")),
        user=user,
    )
    actor, activity = recorded_in(revision.description) or (actor_id, "?")
    message = t.gettext("Participation of {actor} in {activity} recorded (change {revision}).")
    message = message.format(actor=actor, activity=activity, revision=revision.id)
    return {"revision": revision.id, "undo": revision.id}, message, False


def add_actor(
    sources: Sources, territory: str | None, fields: Mapping[str, Any]
) -> tuple[dict[str, Any], str, bool]:
    """Add the actor the form describes (``new_*`` fields) to ``territory``: one revision.

    Returns the new last edit (Undo targets it), the message naming the actor's id, and
    False (Undo enabled).
    """
    writer, user = sources.writer()
    t = sources.translator()
    if not territory:
        raise NothingToShow(t.gettext("Choose a territory first."))
    revision = writer.add_actor(
        territory,
        fields.get("new_name"),
        fields.get("new_sector"),
        kind=fields.get("new_kind"),
        city=fields.get("new_city"),
        user=user,
    )
    actor_id = added_actor_id(revision.description)
    message = t.gettext("Actor {actor} added to {territory} (change {revision}).").format(
        actor=actor_id, territory=territory, revision=revision.id
    )
    return {"revision": revision.id, "undo": revision.id}, message, False


@guarded(
    lambda: None,
    lambda: "",
    lambda: True,
    *(lambda: no_update for _ in (*ADD_FORM_KEPT, *PART_FORM_KEPT)),
)
def write_view(
    sources: Sources,
    trigger: Any,
    actor_id: str | None,
    fields: Mapping[str, Any],
    last: Mapping[str, Any] | None,
    territory: str | None = None,
) -> tuple[Any, ...]:
    """Save the form (``trigger`` is Save), record or end a tie, record a participation,
    add an actor to ``territory`` (Add), or undo the last edit (Undo).

    Returns the new last edit (``{"revision", "undo"}``, which redraws the pictures), the
    message, whether Undo is disabled, then the values of the "add an actor" form
    (:data:`ADD_FORM_CLEARED` once it is saved) and of the "record a participation" form
    (:data:`PART_FORM_CLEARED` once it is saved); a refused write leaves both as they are.
    """
    if trigger == ids.ADD_SUBMIT:
        return (*add_actor(sources, territory, fields), *ADD_FORM_CLEARED, *PART_FORM_KEPT)
    if trigger == ids.PART_SUBMIT:
        saved = record_participation(sources, territory, actor_id, fields)
        return (*saved, *ADD_FORM_KEPT, *PART_FORM_CLEARED)
    return (
        *edit_or_undo(sources, trigger, actor_id, fields, last),
        *ADD_FORM_KEPT,
        *PART_FORM_KEPT,
    )


def edit_or_undo(
    sources: Sources,
    trigger: Any,
    actor_id: str | None,
    fields: Mapping[str, Any],
    last: Mapping[str, Any] | None,
) -> tuple[Any, str, bool]:
    """Save the selected actor's fields, record or end one of its ties, or undo the last
    edit: the new last edit, the message, and whether Undo is disabled."""
    writer, user = sources.writer()
    t = sources.translator()
    saved = t.gettext("Saved as change {revision}: {description}.")
    if trigger in (ids.EDIT_TIE_ADD, ids.EDIT_TIE_END):
        if not actor_id or not fields.get("partner"):
            raise NothingToShow(t.gettext("Select an actor, then the other actor of the tie."))
        day = parse_as_of(fields.get("date"))
        ends = (actor_id, fields["partner"], fields.get("tie_kind"))
        if trigger == ids.EDIT_TIE_ADD:
            revision = writer.add_tie(*ends, since=day, note=fields.get("note"), user=user)
        elif day is None:
            raise NothingToShow(t.gettext("Give the date the tie ended."))
        else:
            revision = writer.end_tie(*ends, day, user=user)
        if revision is None:
            already = t.gettext("This tie is recorded already.")
            return last, already, not (last and last.get("undo"))
        message = saved.format(
            revision=revision.id, description=description_in(revision.description, t)
        )
        return {"revision": revision.id, "undo": revision.id}, message, False
    if trigger == ids.EDIT_SAVE:
        if not actor_id:
            raise NothingToShow(t.gettext("Select an actor first."))
        changes = {name: fields.get(name) for name in EDITABLE_FIELDS}
        revision = writer.edit_actor(actor_id, changes, user=user)
        if revision is None:
            return last, t.gettext("Nothing changed."), not (last and last.get("undo"))
        message = saved.format(
            revision=revision.id, description=description_in(revision.description, t)
        )
        return {"revision": revision.id, "undo": revision.id}, message, False
    if trigger == ids.EDIT_UNDO:
        target = (last or {}).get("undo")
        if not target:
            raise PreventUpdate
        done = writer.undo_latest(int(target), user=user)
        undone = t.gettext("Change {revision} undone.").format(revision=target)
        return {"revision": done.id, "undo": None}, undone, True
    raise PreventUpdate
