"""Gathering the records of every file of one import into one consistent ``Dataset``.

Duplicates are settled here. The same actor, tie or activity given twice
with the same content is kept once; with different content it is a problem,
except for two-mode rows, which describe an actor once per activity: their
blank cells take the value of the other rows and their territories add up
(an organisation may sit in several counties); any other difference is a
problem naming both lines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterator, Sequence
from dataclasses import fields, replace
from datetime import date
from enum import Enum
from itertools import repeat
from operator import itemgetter
from typing import Any

from ..graph.errors import Problem
from ..graph.model import Activity, Actor, Dataset, Participation, Sector, Tie, TieIdentity, fold
from ..graph.problem_text import (
    CONFLICTING_ACTIVITY,
    CONFLICTING_ACTOR,
    DUPLICATE_ID,
    DUPLICATE_TIE,
    MISSING_ON_EVERY_ROW,
    render,
)
from .mapping import TableSpec
from .participations import co_participation_ties
from .validate import ProblemLog, Where, check_references, describe

_MERGED_ACTOR_FIELDS = tuple(
    f.name for f in fields(Actor) if f.name not in ("id", "territories", "attributes")
)


def same_tie(one: Tie, other: Tie) -> bool:
    """Equal ties, ignoring which end is the source of an undirected tie."""
    return (one.weight, one.since, one.until, one.note, one.ref, one.activities) == (
        other.weight,
        other.since,
        other.until,
        other.note,
        other.ref,
        other.activities,
    )


class DatasetBuilder:
    """Receives validated records with their origin; :meth:`finish` checks references."""

    def __init__(self, log: ProblemLog) -> None:
        self.log = log
        self.actors: dict[str, Actor] = {}
        self.actor_where: dict[str, Where] = {}
        self.rejected_actors: set[str] = set()
        self.ties: dict[TieIdentity, Tie] = {}
        self._tie_where: dict[TieIdentity, Where] = {}
        self._unplaced_ties: list[tuple[list[TieIdentity], str, Sequence[int]]] = []
        self.activities: dict[str, Activity] = {}
        self.activity_where: dict[str, Where] = {}
        self.participations: dict[tuple[str, str], Where] = {}
        self.participation_attributes: dict[tuple[str, str], dict[str, str]] = {}
        self.specs: dict[str, TableSpec] = {}
        """Per two-mode file label: its spec (the conflict rules of ``_merge``)."""
        self._votes: dict[tuple[str, str], dict[object, Counter[object]]] = {}
        """``most_common`` fields: per (actor id, field) the values seen, grouped by text key."""
        self.defaults: dict[str, tuple[tuple[str, ...], Sector | None]] = {}
        """Per two-mode file label: territories and sector for actors that no row gives any."""
        self.columns: dict[str, dict[str, str]] = {}
        """Per file label: the column holding each field (``attribute:NAME`` for attributes)."""
        self.skip: dict[str, set[int]] = {}
        """Per file label: the lines of the rows set aside (``load(..., keep_valid=True)``)."""
        self.set_aside_cells: dict[Where, list[str]] = {}
        """The cells of each row set aside, as read."""
        self.set_aside_actors: dict[str, Where] = {}
        """Actor ids whose row was set aside, and where that row was."""
        self.headers: dict[str, list[str]] = {}
        """Per file label: its header (the names of its cells)."""
        self.header_lines: dict[str, int] = {}
        """Per table label: the line of its header (a problem there is the whole table's)."""
        self.actor_rows: dict[str, list[Where]] = {}
        """Two-mode actors: every row that describes them."""
        self.dataset = Dataset()
        self.external: frozenset[str] = frozenset()

    def set_aside(self, where: Where, cells: Sequence[str], actor_id: str = "") -> None:
        """Keep the cells of a row that is skipped, and the actor it defined, for the rejects.

        Cells already kept (as read, before a mapping cleaned them) stay.
        """
        self.set_aside_cells.setdefault(where, list(cells))
        if actor_id:
            self.set_aside_actors.setdefault(actor_id, where)

    def is_row_problem(self, problem: Problem, set_aside: Container[Where]) -> bool:
        """Whether setting aside the row of ``problem`` can remove it (it belongs to a data row)."""
        line = problem.line
        if line is None or (problem.file, line) in set_aside:
            return False
        return line != self.header_lines.get(problem.file)

    @property
    def tie_where(self) -> dict[TieIdentity, Where]:
        """Where each tie was read (the lines of clean tables are filled in when first asked)."""
        for keys, label, lines in self._unplaced_ties:
            self._tie_where.update(zip(keys, zip(repeat(label), lines), strict=True))
        self._unplaced_ties.clear()
        return self._tie_where

    def column(self, where: Where, name: str) -> str:
        """The column of ``where``'s file that holds the field ``name``, for problems."""
        return self.columns.get(where[0], {}).get(name, name)

    def add_actor(self, actor: Actor, where: Where, *, merge: bool = False) -> None:
        """Add an actor; ``merge`` for two-mode rows (see the module docstring)."""
        if merge:
            self.actor_rows.setdefault(actor.id, []).append(where)
            spec = self.specs.get(where[0])
            if spec is not None and "most_common" in (spec.conflict, *spec.conflicts.values()):
                self._vote(actor, spec)
        old = self.actors.get(actor.id)
        if old is None:
            self.actors[actor.id] = actor
            self.actor_where[actor.id] = where
            return
        if old == actor:
            return
        first = describe(self.actor_where[actor.id], where[0])
        if not merge:
            self.log.add_at(
                where,
                self.column(where, "id"),
                render(DUPLICATE_ID, actor=repr(actor.id), first=first),
            )
            self.rejected_actors.add(actor.id)
            return
        merged = self._merge(old, actor, where, first)
        if merged is not None:
            self.actors[actor.id] = merged

    def add_actors(
        self, actors: list[Actor], ids: list[str], label: str, lines: Sequence[int]
    ) -> None:
        """Add many actors (not two-mode) at once; one by one (``add_actor``) if an id repeats."""
        if len(set(ids)) == len(ids) and (not self.actors or self.actors.keys().isdisjoint(ids)):
            self.actors.update(zip(ids, actors, strict=True))
            self.actor_where.update(zip(ids, zip(repeat(label), lines), strict=True))
        else:
            for actor, line in zip(actors, lines, strict=True):
                self.add_actor(actor, (label, line))

    def _vote(self, actor: Actor, spec: TableSpec) -> None:
        """Count this row's values of the ``most_common`` fields and attributes of ``actor``."""
        values = [(n, getattr(actor, n)) for n in _MERGED_ACTOR_FIELDS]
        for name, value in [*values, *actor.attributes.items()]:
            if value is not None and spec.conflict_rule(name) == "most_common":
                groups = self._votes.setdefault((actor.id, name), {})
                groups.setdefault(text_key(value), Counter())[value] += 1

    def _settle_votes(self) -> None:
        """Give each ``most_common`` field the value most rows give (the first such on a tie).

        Values are grouped ignoring case, accents and spacing; the group's most
        frequent spelling is kept.
        """
        for (actor_id, name), groups in self._votes.items():
            actor = self.actors.get(actor_id)
            if actor is None:
                continue
            ranked = list(groups.values())
            best = max(ranked, key=lambda c: (c.total(), -ranked.index(c)))
            spellings = list(best)
            value = max(spellings, key=lambda v: (best[v], -spellings.index(v)))
            if name in _MERGED_ACTOR_FIELDS:
                changes: dict[str, Any] = {name: value}
                self.actors[actor_id] = replace(actor, **changes)
            else:
                attributes = {**actor.attributes, name: str(value)}
                self.actors[actor_id] = replace(actor, attributes=attributes)
        self._votes.clear()

    def _conflict(
        self, where: Where, field: str, actor_id: str, mine: Any, theirs: Any, first: str
    ) -> None:
        """Log that ``field`` of ``actor_id`` is ``mine`` here but ``theirs`` at ``first``."""
        message = render(
            CONFLICTING_ACTOR,
            actor=repr(actor_id),
            mine=_shown(mine),
            theirs=_shown(theirs),
            first=first,
        )
        self.log.add_at(where, self.column(where, field), message)

    def _merge(self, old: Actor, new: Actor, where: Where, first: str) -> Actor | None:
        changes: dict[str, Any] = {}
        conflict = False
        spec = self.specs.get(where[0])
        for name in _MERGED_ACTOR_FIELDS:
            mine, theirs = getattr(new, name), getattr(old, name)
            if mine is None or mine == theirs:
                continue
            if theirs is None:
                changes[name] = mine
                continue
            rule = spec.conflict_rule(name) if spec is not None else "error"
            if rule != "error" or text_key(mine) == text_key(theirs):
                continue  # first, most_common (settled at the end), or only case differs
            conflict = True
            self._conflict(where, name, new.id, mine, theirs, first)
        attributes = dict(old.attributes)
        for key, value in new.attributes.items():
            kept = attributes.setdefault(key, value)
            if kept == value or text_key(kept) == text_key(value):
                continue
            if spec is not None and spec.conflict_rule(key) != "error":
                continue
            conflict = True
            self._conflict(where, f"attribute:{key}", new.id, value, kept, first)
        if conflict:
            self.rejected_actors.add(new.id)
            return None
        if attributes != old.attributes:
            changes["attributes"] = attributes
        extra = tuple(t for t in new.territories if t not in old.territories)
        if extra:
            changes["territories"] = old.territories + extra
        return replace(old, **changes) if changes else old

    def add_tie(self, tie: Tie, where: Where) -> None:
        key = tie.identity
        _, _, a, b = key
        old = self.ties.get(key)
        if old is None:
            self.ties[key] = tie
            self._tie_where[key] = where
        elif not same_tie(old, tie):
            first = describe(self.tie_where[key], where[0])
            self.log.add_at(
                where,
                None,
                render(
                    DUPLICATE_TIE, kind=tie.kind.value, source=repr(a), target=repr(b), first=first
                ),
            )

    def add_ties(
        self, ties: list[Tie], keys: list[TieIdentity], label: str, lines: Sequence[int]
    ) -> None:
        """Add many ties at once; one by one (as ``add_tie``) if any key repeats."""
        added = dict(zip(keys, ties, strict=True))  # hashes each key once: no set beside it
        if len(added) == len(keys) and (not self.ties or self.ties.keys().isdisjoint(added)):
            if self.ties:
                self.ties.update(added)
            else:
                self.ties = added
            self._unplaced_ties.append((keys, label, lines))
        else:
            for tie, line in zip(ties, lines, strict=True):
                self.add_tie(tie, (label, line))

    def add_activity(self, activity: Activity, where: Where) -> None:
        old = self.activities.get(activity.id)
        if old is None:
            self.activities[activity.id] = activity
            self.activity_where[activity.id] = where
            return
        if old == activity:
            return
        name, day = old.name, old.date
        first = describe(self.activity_where[activity.id], where[0])
        for field_name, mine, theirs in (
            ("activity_name", activity.name, old.name),
            ("date", activity.date, old.date),
        ):
            if mine is None or mine == theirs:
                continue
            if theirs is None:
                if field_name == "date":
                    day = activity.date
                else:
                    name = activity.name
                continue
            self.log.add_at(
                where,
                self.column(where, field_name),
                render(
                    CONFLICTING_ACTIVITY,
                    activity=repr(activity.id),
                    mine=_shown(mine),
                    theirs=_shown(theirs),
                    first=first,
                ),
            )
        self.activities[activity.id] = Activity(activity.id, name, day)

    def add_participation(
        self,
        actor_id: str,
        activity_id: str,
        where: Where,
        attributes: dict[str, str] | None = None,
    ) -> None:
        """Add a participation; its attributes add up (the first value of each is kept)."""
        key = (actor_id, activity_id)
        self.participations.setdefault(key, where)
        if attributes:
            kept = self.participation_attributes.setdefault(key, {})
            for name, value in attributes.items():
                kept.setdefault(name, value)

    def _references(self) -> Iterator[tuple[str, Where, str]]:
        """Every actor id that a tie or participation names and this import does not define."""
        actors = self.actors
        ends = set(map(itemgetter(2), self.ties))
        ends.update(map(itemgetter(3), self.ties))
        if not ends.issubset(actors.keys()):
            for key, where in self.tie_where.items():
                if key[2] in actors and key[3] in actors:
                    continue
                tie = self.ties[key]
                for end, name in ((tie.source, "source"), (tie.target, "target")):
                    if end not in actors:
                        yield end, where, self.column(where, name)
        for (actor_id, _), where in self.participations.items():
            if actor_id not in actors:
                yield actor_id, where, self.column(where, "actor")

    def _complete(self) -> None:
        """Settle two-mode actors whose name, sector or territory no row gave."""
        for actor in list(self.actors.values()):
            if actor.name and actor.sector is not None and actor.territories:
                continue
            where = self.actor_where[actor.id]
            default_territories, default_sector = self.defaults.get(where[0], ((), None))
            territories = actor.territories or default_territories
            sector = actor.sector if actor.sector is not None else default_sector
            missing = [
                field
                for field, value in (
                    ("name", actor.name),
                    ("sector", sector),
                    ("territory", territories),
                )
                if not value
            ]
            if missing:
                for row in self.actor_rows.get(actor.id, [where]):
                    for field in missing:
                        self.log.add_at(
                            row,
                            self.column(row, field),
                            render(MISSING_ON_EVERY_ROW, actor=repr(actor.id)),
                        )
                del self.actors[actor.id]
                self.rejected_actors.add(actor.id)
            else:
                self.actors[actor.id] = replace(actor, territories=territories, sector=sector)

    def finish(self, known_actor_ids: Container[str]) -> tuple[Dataset, frozenset[str]]:
        """Check every reference, derive event ties; the dataset and the store-only ids."""
        self._settle_votes()
        self._complete()
        external = check_references(
            self._references(),
            self.actors,
            known_actor_ids,
            self.rejected_actors,
            self.log,
            self.set_aside_actors,
        )
        extra = self.participation_attributes
        participations = tuple(
            Participation(a, act, tuple(sorted(extra[a, act].items())) if (a, act) in extra else ())
            for a, act in self.participations
        )
        dates: dict[str, date | None] = {a.id: a.date for a in self.activities.values()}
        for tie in co_participation_ties(participations, dates):
            key = tie.identity
            old = self.ties.get(key)
            if old is None:
                self.ties[key] = tie
            elif not same_tie(old, tie):
                self.log.add_at(
                    self.tie_where[key],
                    None,
                    f"this event tie {key[2]!r}–{key[3]!r} differs from the one the "
                    f"participations give (weight {tie.weight:g}, activities "
                    f"{'|'.join(tie.activities)})",
                )
        ties = tuple(self.ties.values())
        dataset = Dataset(
            actors=tuple(self.actors.values()),
            ties=ties,
            activities=tuple(self.activities.values()),
            participations=participations,
            known_identities=(ties, tuple(self.ties)),
        )
        return dataset, external


def text_key(value: object) -> object:
    """What two values are compared by: text ignoring case, accents and spacing; else itself."""
    if isinstance(value, str):
        return " ".join(fold(value).split())
    return value


def _shown(value: object) -> str:
    """A value as a user reads it, quoted: a sector as its name, a date in ISO form."""
    if isinstance(value, Enum):
        value = value.value
    elif isinstance(value, date):
        value = value.isoformat()
    return repr(value) if isinstance(value, str) else str(value)
