"""Citizens under stable pseudonyms: a read-only ``GraphStore`` over another one.

Actors of sector ``citizen`` are individual people. For readers who may not
know who they are (the dashboard's viewers), every read replaces each
citizen's id and name by a pseudonym derived from the id with a server
secret (HMAC-SHA256), and drops whatever could identify them: city,
coordinates, every extra attribute, and the free-text note and reference of
their ties. Everything computed from such a store (reports, gaps, layouts,
paths, exports) therefore never holds a citizen's identity.

The same secret always gives the same pseudonym, so a viewer can follow one
citizen across territories, dates and sessions; without the secret a
pseudonym cannot be traced back to its actor.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import threading
from collections.abc import Iterable
from datetime import date
from typing import Any

from ..changes import Edit, ImportPlan, Revision
from ..errors import MaillageError, NotFound
from ..introductions import Introduction
from ..model import (
    Activity,
    ActivityRecord,
    Actor,
    Dataset,
    ImportResult,
    Network,
    Sector,
    TerritorySummary,
    Tie,
)
from ..problem_text import NO_ACTOR_WITH_ID, render
from ..saved_views import SavedView
from .base import GraphStore

PSEUDONYM_ID_PREFIX = "citizen-"
PSEUDONYM_NAME_PREFIX = "Citoyen·ne "


class ReadOnlyStore(MaillageError):
    """A write was attempted through a read-only view of the store."""


def _digest(actor_id: str, secret: bytes) -> str:
    return hmac.new(secret, actor_id.encode("utf-8"), hashlib.sha256).hexdigest()


def pseudonym_id(actor_id: str, secret: bytes) -> str:
    """The pseudonymous id of the citizen ``actor_id`` (64 bits of HMAC-SHA256).

    >>> pseudonym_id("als-0501", b"s3cret")
    'citizen-81d4879c1e9a482a'
    """
    return PSEUDONYM_ID_PREFIX + _digest(actor_id, secret)[:16]


def pseudonym_name(actor_id: str, secret: bytes) -> str:
    """The display name of the citizen ``actor_id``: the first 8 hex digits of its pseudonym.

    >>> pseudonym_name("als-0501", b"s3cret")
    'Citoyen·ne 81D4879C'
    """
    return PSEUDONYM_NAME_PREFIX + _digest(actor_id, secret)[:8].upper()


def is_citizen(actor: Actor) -> bool:
    return actor.sector == Sector.CITIZEN


def pseudonymise_actor(actor: Actor, secret: bytes) -> Actor:
    """``actor`` itself, or, for a citizen, its pseudonym with nothing that identifies it.

    The sector, territories, subtype (``kind``) and joining date stay: they
    say what part the person plays, and dated analyses need the date.
    """
    if not is_citizen(actor):
        return actor
    return dataclasses.replace(
        actor,
        id=pseudonym_id(actor.id, secret),
        name=pseudonym_name(actor.id, secret),
        city=None,
        lat=None,
        lon=None,
        attributes={},
    )


def pseudonymise(network: Network, secret: bytes) -> Network:
    """``network`` with every citizen pseudonymised, in its ties too.

    Actors stay sorted by id and ties by key, as stores give them; an
    undirected tie keeps its smaller end id first. A tie touching a citizen
    loses its free-text ``note`` and ``ref``, which could name the person.
    """
    citizens = {a.id for a in (*network.actors, *network.outside) if is_citizen(a)}
    if not citizens:
        return network
    renamed = {actor_id: pseudonym_id(actor_id, secret) for actor_id in citizens}
    return dataclasses.replace(
        network,
        actors=_sorted_actors(pseudonymise_actor(a, secret) for a in network.actors),
        outside=_sorted_actors(pseudonymise_actor(a, secret) for a in network.outside),
        ties=_sorted_ties(_rename_tie(t, renamed) for t in network.ties),
    )


def _rename_tie(tie: Tie, renamed: dict[str, str]) -> Tie:
    if tie.source not in renamed and tie.target not in renamed:
        return tie
    source = renamed.get(tie.source, tie.source)
    target = renamed.get(tie.target, tie.target)
    if not tie.directed and target < source:
        source, target = target, source
    return dataclasses.replace(tie, source=source, target=target, note=None, ref=None)


def _sorted_actors(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple(sorted(actors, key=lambda a: a.id))


def _sorted_ties(ties: Iterable[Tie]) -> tuple[Tie, ...]:
    return tuple(sorted(ties, key=lambda t: t.key))


class PseudonymisedStore(GraphStore):
    """``inner`` as seen by someone who may not know who its citizens are.

    Every read comes back pseudonymised (:func:`pseudonymise`); territories are
    unchanged. Actor ids given to ``actor``, ``neighbourhood`` and
    ``shortest_path`` are the ones this store hands out: a citizen's
    pseudonym works, its real id is unknown here (so that real ids cannot be
    probed). Every write raises :class:`ReadOnlyStore`. ``close`` leaves
    ``inner`` open: whoever opened it closes it.
    """

    def __init__(self, inner: GraphStore, secret: bytes) -> None:
        if not secret:
            raise ValueError("a pseudonymised store needs a non-empty secret")
        self.inner = inner
        self._secret = secret
        self.url = inner.url
        self._lock = threading.Lock()
        self._real_ids: tuple[str, dict[str, str]] = ("", {})

    # Reads

    def territories(self) -> list[TerritorySummary]:
        return self.inner.territories()

    def network(self, territory: str, *, as_of: date | None = None) -> Network:
        return pseudonymise(self.inner.network(territory, as_of=as_of), self._secret)

    def actor(self, actor_id: str) -> Actor | None:
        found = self._inner_actor(actor_id)
        return None if found is None else pseudonymise_actor(found, self._secret)

    def actor_ids(self) -> frozenset[str]:
        pseudonyms = self._pseudonyms()
        return frozenset(self.inner.actor_ids() - set(pseudonyms.values())) | set(pseudonyms)

    def neighbourhood(self, actor_id: str, hops: int = 1, *, as_of: date | None = None) -> Network:
        found = self.inner.neighbourhood(self._known_id(actor_id), hops, as_of=as_of)
        return pseudonymise(found, self._secret)

    def shortest_path(
        self, source_id: str, target_id: str, *, as_of: date | None = None
    ) -> list[str] | None:
        source, target = self._known_id(source_id), self._known_id(target_id)
        chain = self.inner.shortest_path(source, target, as_of=as_of)
        if chain is None:
            return None
        return [self._public_id(actor_id) for actor_id in chain]

    def activity_record(self, activity_id: str, actor_id: str) -> ActivityRecord | None:
        """Its participants and ties under the ids this store hands out (citizens renamed)."""
        found = self._inner_actor(actor_id)
        record = self.inner.activity_record(activity_id, found.id if found else "")
        if record is None:
            return None
        public = {p.actor: self._public_id(p.actor) for p in record.participations}
        if found is not None:
            public[found.id] = self._public_id(found.id)
        renamed = {real: shown for real, shown in public.items() if real != shown}
        participations = sorted(
            (
                dataclasses.replace(p, actor=public[p.actor], attributes=())
                if p.actor in renamed
                else p
                for p in record.participations
            ),
            key=lambda participation: participation.actor,
        )
        return dataclasses.replace(
            record,
            participations=tuple(participations),
            event_ties=_sorted_ties(_rename_tie(t, renamed) for t in record.event_ties),
        )

    def activities(self, territory: str) -> list[Activity]:
        return self.inner.activities(territory)

    def introduction(self, introduction_id: str) -> Introduction | None:
        found = self.inner.introduction(introduction_id)
        return None if found is None else self._introduction(found)

    def introductions(self, territory: str | None = None) -> list[Introduction]:
        return [self._introduction(i) for i in self.inner.introductions(territory)]

    def _introduction(self, introduction: Introduction) -> Introduction:
        """Citizens under their pseudonyms, and no notes: free text may name anyone."""
        return dataclasses.replace(
            introduction,
            source=self._public_id(introduction.source),
            target=self._public_id(introduction.target),
            via=tuple(self._public_id(v) for v in introduction.via),
            history=tuple(dataclasses.replace(step, note=None) for step in introduction.history),
        )

    def saved_views(self, territory: str) -> list[SavedView]:
        """The views as saved, their actors as this store calls them (citizens pseudonymised)."""

        def public(actor_id: str | None) -> str | None:
            return None if actor_id is None else self._public_id(actor_id)

        return [
            dataclasses.replace(
                view,
                actor=public(view.actor),
                source=public(view.source),
                target=public(view.target),
            )
            for view in self.inner.saved_views(territory)
        ]

    def data_version(self) -> str:
        return f"pseudonymised:{self.inner.data_version()}"

    # Writes

    def setup_schema(self) -> None:
        raise ReadOnlyStore("this view of the store is read-only")

    def upsert(self, dataset: Dataset, **options: Any) -> ImportResult:
        raise ReadOnlyStore("this view of the store is read-only: only admins import")

    def plan(self, dataset: Dataset, **options: Any) -> ImportPlan:
        raise ReadOnlyStore("this view of the store is read-only: only admins import")

    def write(self, edit: Edit, *, user: str = "", description: str = "") -> Revision | None:
        raise ReadOnlyStore("this view of the store is read-only: only admins edit")

    def undo(self, revision: int | None = None, *, user: str = "") -> Revision:
        raise ReadOnlyStore("this view of the store is read-only: only admins undo")

    def delete_territory(self, territory: str, *, user: str = "") -> None:
        raise ReadOnlyStore("this view of the store is read-only: only admins delete")

    def add_introduction(self, introduction: Introduction) -> Introduction:
        raise ReadOnlyStore("this view of the store is read-only: viewers record nothing")

    def save_introduction(self, introduction: Introduction, *, steps_before: int) -> None:
        raise ReadOnlyStore("this view of the store is read-only: viewers record nothing")

    def save_view(self, view: SavedView) -> bool:
        raise ReadOnlyStore("this view of the store is read-only: viewers save no views")

    def delete_view(self, territory: str, name: str) -> bool:
        raise ReadOnlyStore("this view of the store is read-only: viewers save no views")

    def revisions(self, territory: str | None = None) -> list[Revision]:
        """The history as is: revisions name files, users and counts, never an actor."""
        return self.inner.revisions(territory)

    def close(self) -> None:
        """Nothing to release: ``inner`` belongs to whoever opened it."""

    # Ids

    def _inner_actor(self, actor_id: str) -> Actor | None:
        """The stored actor this store calls ``actor_id``: never a citizen by its real id."""
        if actor_id.startswith(PSEUDONYM_ID_PREFIX):
            real = self._pseudonyms().get(actor_id)
            if real is not None:
                return self.inner.actor(real)
        found = self.inner.actor(actor_id)
        return None if found is None or is_citizen(found) else found

    def _known_id(self, actor_id: str) -> str:
        """The stored id behind ``actor_id``; ``NotFound`` as for an unknown actor."""
        found = self._inner_actor(actor_id)
        if found is None:
            raise NotFound(render(NO_ACTOR_WITH_ID, actor=repr(actor_id)))
        return found.id

    def _public_id(self, actor_id: str) -> str:
        """The id this store hands out for the stored actor ``actor_id``."""
        found = self.inner.actor(actor_id)
        return pseudonym_id(actor_id, self._secret) if found and is_citizen(found) else actor_id

    def _pseudonyms(self) -> dict[str, str]:
        """Pseudonym -> real id of every stored citizen, kept until the data changes."""
        version = self.inner.data_version()
        with self._lock:
            if self._real_ids[0] == version:
                return self._real_ids[1]
        mapping = {pseudonym_id(i, self._secret): i for i in self._citizen_ids()}
        with self._lock:
            self._real_ids = (version, mapping)
        return mapping

    def _citizen_ids(self) -> set[str]:
        """The id of every stored citizen (every actor belongs to at least one territory)."""
        citizens: set[str] = set()
        for summary in self.inner.territories():
            network = self.inner.network(summary.name)
            citizens.update(a.id for a in network.actors if is_citizen(a))
        return citizens
