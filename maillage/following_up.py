"""Following up introductions: the part of ``Maillage`` that records them and moves them on.

A mixin of :class:`maillage.app.Maillage`, kept apart so that the application
object stays one idea per module; it uses the instance's ``store``,
``network``, ``resolve_territory`` and ``resolve_actor``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from .graph import analytics
from .graph.changes import Edit
from .graph.errors import NotFound
from .graph.introductions import Introduction, Status
from .graph.model import Network, Tie, TieKind
from .graph.problem_text import NO_INTRODUCTION, render
from .graph.revision_text import INTRODUCTION_PARTNERSHIP, describe
from .imports import os_user


class FollowingUp:
    """Recorded introductions: list, record, move on (a partnership creates its tie)."""

    def introductions(
        self,
        territory: str | None = None,
        *,
        status: Status | None = None,
        due: date | None = None,
    ) -> list[Introduction]:
        """Recorded introductions (of ``territory``), with ``status``, or due by ``due``."""
        if territory is not None:
            territory = self.resolve_territory(territory)
        found = self.store.introductions(territory)
        if status is not None:
            found = [i for i in found if i.status == status]
        if due is not None:
            found = [i for i in found if i.is_due(due)]
        return found

    def introduction(self, introduction_id: str) -> Introduction:
        found = self.store.introduction(str(introduction_id).strip())
        if found is None:
            raise NotFound(render(NO_INTRODUCTION, id=repr(introduction_id)))
        return found

    def introduction_records(self, introductions: Sequence[Introduction]) -> list[dict]:
        """The contract's documents with the actors' names, for listings and the page."""
        names: dict[str, str] = {}

        def name(actor_id: str) -> str:
            if actor_id not in names:
                actor = self.store.actor(actor_id)
                names[actor_id] = actor.name if actor is not None else actor_id
            return names[actor_id]

        return [
            {
                **i.as_document(),
                "source_name": name(i.source),
                "target_name": name(i.target),
                "via_names": [name(v) for v in i.via],
            }
            for i in introductions
        ]

    def introduction_funnel(self, territory: str | None = None) -> dict[str, dict[str, Any]]:
        return analytics.introduction_funnel(self.store.introductions(territory))

    def add_introduction(
        self,
        territory: str,
        source: str,
        target: str,
        *,
        via: Sequence[str] = (),
        day: date | None = None,
        note: str | None = None,
        follow_up: date | None = None,
        status: Status = Status.MADE,
        user: str = "",
    ) -> Introduction:
        """Record that ``source`` and ``target`` were put in touch on ``territory``.

        Both actors (and every intermediary) must belong to the territory, each
        named by id or by an unambiguous name (``did you mean`` otherwise);
        ``user`` (default: the OS user) is the author of its first step.
        """
        territory = self.resolve_territory(territory)
        source, target = (
            self.resolve_actor(territory, source),
            self.resolve_actor(territory, target),
        )
        via = [self.resolve_actor(territory, actor) for actor in via]
        introduction = Introduction.new(
            "",
            territory,
            source,
            target,
            day=day or date.today(),
            by=user or os_user(),
            status=status,
            via=tuple(via),
            note=note,
            follow_up=follow_up,
        )
        return self.store.add_introduction(introduction)

    def update_introduction(
        self,
        introduction_id: str,
        status: Status,
        *,
        day: date | None = None,
        note: str | None = None,
        follow_up: date | None = None,
        user: str = "",
    ) -> Introduction:
        """Move an introduction on; reaching a partnership creates its tie.

        The tie (provenance ``introduction:ID``) is a revision of its own, which
        ``maillage undo`` takes back; an existing partnership tie between the
        two actors is referenced instead (its provenance stays what it was).
        ``ConcurrentChange`` if someone moved the introduction on meanwhile.
        """
        current = self.introduction(introduction_id)
        who = user or os_user()
        day = day or date.today()
        tie = None
        tie_key = None
        touched = {current.territory}
        if status == Status.PARTNERSHIP and current.status != Status.PARTNERSHIP:
            network = self.network(current.territory)
            existing = _partnership_between(network, current)
            ends = {current.source, current.target}
            touched.update(t for a in network.actors if a.id in ends for t in a.territories)
            tie = None if existing is not None else current.partnership_tie(day)
            tie_key = (existing or tie).key
        moved = current.moved(status, day=day, by=who, note=note, follow_up=follow_up, tie=tie_key)
        self.store.save_introduction(moved, steps_before=len(current.history))
        if tie is not None:
            try:
                self.store.write(
                    Edit(ties=(tie,), territories_touched=tuple(sorted(touched))),
                    user=who,
                    description=describe(INTRODUCTION_PARTNERSHIP, introduction=moved.id),
                )
            except BaseException:
                self.store.save_introduction(current, steps_before=len(moved.history))
                raise
            self._written(sorted(touched))  # type: ignore[attr-defined]
        return moved


def _partnership_between(network: Network, introduction: Introduction) -> Tie | None:
    """The partnership tie already linking the introduction's two actors, if any."""
    ends = {introduction.source, introduction.target}
    for tie in network.ties:
        if tie.kind == TieKind.PARTNERSHIP and {tie.source, tie.target} == ends:
            return tie
    return None
