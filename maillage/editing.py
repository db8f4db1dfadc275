"""Corrections where the data is seen: the part of ``Maillage`` that edits an actor.

A mixin of :class:`maillage.app.Maillage` (it uses the instance's ``store``,
``resolve_actor`` and ``_written``). Every edit is one revision of the store, the
same machinery as an import, so ``maillage history`` lists it and ``undo`` reverts it.
"""

from __future__ import annotations

from collections.abc import Mapping

from .graph.actor_edits import EDITABLE_FIELDS, edited
from .graph.changes import Edit, Revision
from .graph.errors import ConcurrentChange, NotFound
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
            raise NotFound(f"no actor {actor_id!r}")
        updated = edited(actor, changes)
        if updated == actor:
            return None
        fields = [f for f in EDITABLE_FIELDS if getattr(updated, f) != getattr(actor, f)]
        revision = self.store.write(  # type: ignore[attr-defined]
            Edit(actors=(updated,)),
            user=user or os_user(),
            description=f"edit of actor {actor_id} ({', '.join(fields)})",
        )
        self._written(actor.territories)  # type: ignore[attr-defined]
        return revision

    def undo_latest(self, revision: int, *, user: str | None = None) -> Revision:
        """Undo ``revision`` if no later write stands on it (``ConcurrentChange`` if one does)."""
        standing = [r for r in self.store.revisions() if r.undone_by is None]  # type: ignore[attr-defined]
        if not standing or standing[-1].id != revision:
            raise ConcurrentChange("a later change was made since: see the history to undo both")
        return self.undo(revision, user=user)  # type: ignore[attr-defined]
