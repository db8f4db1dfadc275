"""Corrections where the data is seen: the part of ``Maillage`` that edits an actor.

A mixin of :class:`maillage.app.Maillage` (it uses the instance's ``store``,
``resolve_actor`` and ``_written``). Every edit is one revision of the store, the
same machinery as an import, so ``maillage history`` lists it and ``undo`` reverts it.
"""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Iterable, Mapping
from datetime import date

from .graph.actor_edits import (
    EDITABLE_FIELDS,
    activity_id_for,
    actor_id_for,
    added_description,
    co_participation_updates,
    edited,
    ended,
    new_activity,
    new_actor,
    new_tie,
    participation_description,
    participation_for,
)
from .graph.changes import UNDO, Edit, Revision
from .graph.errors import ConcurrentChange, InvalidEdit, NotFound
from .graph.model import Activity, ActivityRecord, Actor, Tie
from .graph.names import name_key
from .graph.problem_text import (
    ACTIVITY_NAME_TAKEN,
    ACTIVITY_NEEDED,
    LATER_CHANGE,
    NAME_TAKEN,
    NO_ACTIVITY,
    NO_ACTOR,
    NO_TIE,
    render,
)
from .graph.revision_text import ACTOR_EDITED, TIE_ENDED, TIE_RECORDED, describe, field_list
from .imports import os_user


class Editing:
    """Edit an actor's fields; undo one's own last change while it is the latest."""

    def edit_actor(
        self, actor_id: str, changes: Mapping[str, str | None], *, user: str | None = None
    ) -> Revision | None:
        """Write ``changes`` (field -> new text; blank clears ``kind`` and ``city``).

        Returns the revision, or None when nothing changes. ``InvalidEdit`` for an
        empty name, an unknown sector or a field that is not editable.
        """
        actor = self.store.actor(actor_id)  # type: ignore[attr-defined]
        if actor is None:
            raise NotFound(render(NO_ACTOR, actor=repr(actor_id)))
        updated = edited(actor, changes)
        if updated == actor:
            return None
        fields = [f for f in EDITABLE_FIELDS if getattr(updated, f) != getattr(actor, f)]
        revision = self.store.write(  # type: ignore[attr-defined]
            Edit(actors=(updated,)),
            user=user or os_user(),
            description=describe(ACTOR_EDITED, actor=actor_id, fields=field_list(fields)),
        )
        self._written(actor.territories)  # type: ignore[attr-defined]
        return revision

    def add_actor(
        self,
        territory: str,
        name: str | None,
        sector: str | None,
        *,
        kind: str | None = None,
        city: str | None = None,
        actor_id: str | None = None,
        user: str | None = None,
    ) -> Revision:
        """Add an actor to a stored territory (one revision; undoing it removes the actor).

        Parameters
        ----------
        territory
            The territory as people type it (``resolve_territory``).
        name, sector, kind, city
            The actor's fields; the sector by name or alias (``parse_sector``).
        actor_id
            Its id; without one, an id made from the name that no actor has.
        user
            Who adds it (default: the operating-system user).

        Raises ``InvalidEdit`` for an id in use, no name, an unknown sector, or (without
        ``actor_id``) a name that an actor of the territory has already, as people type it:
        adding the same actor twice (a second click) is refused, not made a second actor.
        """
        where = self.resolve_territory(territory)  # type: ignore[attr-defined]
        if not actor_id and name and name.strip():
            wanted = name_key(name)
            members = self.store.network(where).actors  # type: ignore[attr-defined]
            same = next((a for a in members if name_key(a.name) == wanted), None)
            if same is not None:
                said = render(NAME_TAKEN, name=repr(same.name), territory=where, id=same.id)
                raise InvalidEdit(said)
        taken = self.store.actor_ids()  # type: ignore[attr-defined]
        identifier = (actor_id or "").strip()
        while not identifier or (not actor_id and identifier in taken):
            identifier = actor_id_for(name or "", taken, secrets.token_hex(3))
        actor = new_actor(
            where, name, sector, actor_id=identifier, kind=kind, city=city, taken=taken
        )
        revision = self.store.write(  # type: ignore[attr-defined]
            Edit(actors=(actor,)),
            user=user or os_user(),
            description=added_description(actor.id, where),
        )
        self._written((where,))  # type: ignore[attr-defined]
        return revision

    def add_tie(
        self,
        source: str,
        target: str,
        kind: str | None = None,
        *,
        since: date | None = None,
        note: str | None = None,
        user: str | None = None,
    ) -> Revision | None:
        """Record a tie between two stored actors (one revision; None if it is there already).

        A tie of the same kind between them is replaced, its other values kept.
        """
        ends = self._stored_actors(source, target)
        tie = new_tie(source, target, kind, since, note)
        stored = self._stored_tie(tie.source, tie.target, tie.identity)
        if stored is not None:
            tie = dataclasses.replace(
                stored, since=tie.since or stored.since, note=tie.note or stored.note, until=None
            )
            if tie == stored:
                return None
        description = describe(TIE_RECORDED, source=tie.source, target=tie.target, kind=tie.kind)
        return self._write_tie(tie, description, user, ends)

    def end_tie(
        self, source: str, target: str, kind: str | None, until: date, *, user: str | None = None
    ) -> Revision:
        """End the stored tie of ``kind`` between two actors on ``until`` (one revision)."""
        wanted = new_tie(source, target, kind)
        stored = self._stored_tie(source, target, wanted.identity)
        if stored is None:
            raise NotFound(
                render(NO_TIE, kind=wanted.kind, source=repr(source), target=repr(target))
            )
        tie = ended(stored, until)
        description = describe(TIE_ENDED, source=source, target=target, kind=tie.kind, until=until)
        return self._write_tie(tie, description, user, self._stored_actors(source, target))

    def record_participation(
        self,
        territory: str,
        actor_id: str,
        *,
        activity_id: str | None = None,
        activity_name: str | None = None,
        day: date | None = None,
        user: str | None = None,
    ) -> Revision:
        """Record that ``actor_id`` took part in an activity: one revision, undone exactly.

        Parameters
        ----------
        territory
            The territory where it is recorded (``resolve_territory``): a new activity's
            participants are listed there.
        actor_id
            The stored actor who took part.
        activity_id
            A stored activity (``NotFound`` if there is none of that id) ...
        activity_name, day
            ... or, without ``activity_id``, a new activity of that name and date, its id
            made from the name (one no activity has).
        user
            Who records it (default: the operating-system user).

        The revision writes the new activity, the participation and the ``event`` ties it
        makes with each other participant, as an import of it would (weights grow by one,
        ``since`` the earliest date). ``InvalidEdit`` when the actor takes part already or
        neither an activity nor a new name is given.
        """
        where = self.resolve_territory(territory)  # type: ignore[attr-defined]
        (actor,) = self._stored_actors(actor_id)
        record, is_new = self._activity_named(actor.id, activity_id, activity_name, where)
        activity = new_activity(
            record.activity.id, activity_name, day, None if is_new else record.activity
        )
        participation = participation_for(actor.id, activity, record.participations)
        others = [p.actor for p in record.participations]
        touched = {where, *actor.territories}  # read before writing: a failure writes nothing
        touched.update(t for other in self._stored_actors(*others) for t in other.territories)
        stored = {
            (t.target if t.source == actor.id else t.source): t
            for t in record.event_ties
            if not t.directed
        }
        ties = co_participation_updates(actor.id, activity, others, stored)
        revision = self.store.write(  # type: ignore[attr-defined]
            Edit(
                activities=(activity,) if is_new else (),
                participations=(participation,),
                ties=ties,
                territories_touched=tuple(sorted(touched)),
            ),
            user=user or os_user(),
            description=participation_description(actor.id, activity.id),
        )
        self._written(sorted(touched))  # type: ignore[attr-defined]
        return revision

    def activities(self, territory: str) -> list[Activity]:
        """The activities with a participant in ``territory`` (``resolve_territory``), by id."""
        return self.store.activities(self.resolve_territory(territory))  # type: ignore[attr-defined]

    def _activity_named(
        self, actor_id: str, activity_id: str | None, name: str | None, where: str | None = None
    ) -> tuple[ActivityRecord, bool]:
        """The stored activity ``activity_id``'s record, or a new one's (True: it is new)."""
        identifier = (activity_id or "").strip()
        if identifier:
            found = self.store.activity_record(identifier, actor_id)  # type: ignore[attr-defined]
            if found is None:
                raise NotFound(render(NO_ACTIVITY, activity=repr(identifier)))
            return found, False
        text = " ".join((name or "").split())
        if not text:
            raise InvalidEdit(ACTIVITY_NEEDED)
        if where is not None:
            known = self.store.activities(where)  # type: ignore[attr-defined]
            same = next((a for a in known if name_key(a.name or a.id) == name_key(text)), None)
            if same is not None:
                named = repr(same.name or same.id)
                said = render(ACTIVITY_NAME_TAKEN, name=named, territory=where, id=same.id)
                raise InvalidEdit(said)
        taken: set[str] = set()
        candidate = activity_id_for(text, taken, secrets.token_hex(3))
        while self.store.activity_record(candidate, actor_id) is not None:  # type: ignore[attr-defined]
            taken.add(candidate)
            candidate = activity_id_for(text, taken, secrets.token_hex(3))
        return ActivityRecord(Activity(candidate)), True

    def _stored_tie(self, source: str, target: str, identity: tuple) -> Tie | None:
        around = self.store.neighbourhood(source, 1)  # type: ignore[attr-defined]
        return next((t for t in around.ties if t.identity == identity), None)

    def _stored_actors(self, *actor_ids: str) -> list[Actor]:
        """The stored actors ``actor_ids`` (``NotFound`` for one that is not stored)."""
        found = []
        for actor_id in actor_ids:
            actor = self.store.actor(actor_id)  # type: ignore[attr-defined]
            if actor is None:
                raise NotFound(render(NO_ACTOR, actor=repr(actor_id)))
            found.append(actor)
        return found

    def _write_tie(
        self, tie: Tie, description: str, user: str | None, ends: Iterable[Actor]
    ) -> Revision:
        touched = sorted({t for actor in ends for t in actor.territories})
        revision = self.store.write(  # type: ignore[attr-defined]
            Edit(ties=(tie,), territories_touched=tuple(touched)),
            user=user or os_user(),
            description=description,
        )
        self._written(touched)  # type: ignore[attr-defined]
        return revision

    def undo_latest(self, revision: int, *, user: str | None = None) -> Revision:
        """Undo ``revision`` if no later write stands on it (``ConcurrentChange`` if one does).

        The undos of later writes do not count: after them the data is as if those writes
        had never been made.
        """
        revisions = self.store.revisions()  # type: ignore[attr-defined]
        standing = [r for r in revisions if r.undone_by is None and r.action != UNDO]
        if not standing or standing[-1].id != revision:
            raise ConcurrentChange(LATER_CHANGE)
        return self.undo(revision, user=user)  # type: ignore[attr-defined]
