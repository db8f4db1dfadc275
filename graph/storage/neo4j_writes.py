"""How the Neo4j store writes: imports, edits and undo, inside one managed transaction.

A ``Writer`` works in the transaction of a write that holds the ``:Meta`` lock (one writer
at a time): it reads what it overwrites or removes into a ``BeforeImage``
(``revisions.py``), then writes in ``UNWIND $rows`` batches, naming nodes and ties by the
element ids it read or created. Every statement lives in ``cypher.py``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence

from neo4j import ManagedTransaction

from ..changes import TIE_FIELDS, Edit, FileDigest
from ..errors import MaillageError
from ..model import Activity, Actor, Tie, TieIdentity, TieKind
from . import cypher
from .bulk import IsoDates
from .neo4j_records import (
    activity_row,
    actor_from,
    actor_row,
    batches,
    native,
    participation_image,
    participation_row,
    tie_from,
    tie_rows,
)
from .revisions import (
    ABSENT,
    BeforeImage,
    RevisionRow,
    Stamp,
    StoredParticipation,
    files_json,
    now,
)

META_ID = "maillage"

StoredActor = tuple[Actor, Stamp, str]
StoredTie = tuple[Tie, Stamp, str]


def key_of(identity: TieIdentity) -> str:
    """The stored ``key`` of the tie of ``identity`` (``Tie.key``)."""
    kind, directed, source, target = identity
    return Tie(source, target, TieKind(kind), directed=directed).key


class Writer:
    """The writes of one transaction; ``nodes`` maps actor ids to the nodes it knows."""

    def __init__(self, tx: ManagedTransaction, batch_size: int, url: str) -> None:
        self.tx = tx
        self.batch_size = batch_size
        self.url = url
        self.nodes: dict[str, str] = {}

    def _run(self, statement: str, rows: list, name: str = "rows") -> None:
        for batch in batches(rows, self.batch_size):
            self.tx.run(statement, {name: batch}).consume()

    def _collect(self, statement: str, values: list, name: str) -> list:
        """The one list a ``collect(...)`` statement returns, over every batch of ``values``."""
        found: list = []
        for batch in batches(values, self.batch_size):
            found.extend(self.tx.run(statement, {name: batch}).single()[0])
        return found

    # ------------------------------------------------------------------ reading images

    def find_actors(self, ids: list[str]) -> list[str]:
        """Note the node of each stored actor of ``ids``; return the unknown ids."""
        unknown = []
        for actor_id, node in self._collect(cypher.ACTOR_NODES, ids, "ids"):
            if node is None:
                unknown.append(actor_id)
            else:
                self.nodes[actor_id] = node
        return unknown

    def stored_actors(self, ids: Sequence[str]) -> dict[str, StoredActor]:
        found = {}
        for node, props in self._collect(cypher.STORED_ACTORS, list(ids), "ids"):
            found[props["id"]] = (actor_from(props), props.get("revision"), node)
            self.nodes[props["id"]] = node
        return found

    def stored_ties(self, keys: Sequence[str]) -> dict[str, StoredTie]:
        found = {}
        for rel, props in self._collect(cypher.STORED_TIES, list(keys), "keys"):
            found[props["key"]] = (tie_from(props), props.get("revision"), rel)
        return found

    def stored_activities(self, ids: Sequence[str]) -> dict[str, tuple[Activity, Stamp]]:
        found = {}
        for activity_id, name, day, stamp in self._collect(
            cypher.STORED_ACTIVITIES, list(ids), "ids"
        ):
            found[activity_id] = (Activity(activity_id, name, _day(day)), stamp)
        return found

    def stored_participations(
        self, pairs: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], StoredParticipation]:
        """``(actor, activity) -> (attributes, stamp)`` of the stored ones among ``pairs``."""
        rows = self._collect(cypher.STORED_PARTICIPATIONS, [list(p) for p in pairs], "pairs")
        return {(a, x): participation_image(attributes, stamp) for a, x, attributes, stamp in rows}

    def territory_names(self) -> list[str]:
        return self.tx.run(cypher.TERRITORY_NAMES).value("name")

    def origins(self, stamps: Iterable[Stamp]) -> dict[int, tuple[str, ...]]:
        wanted = sorted({s for s in stamps if s is not None})
        found = self._collect(cypher.REVISION_FILES, wanted, "ids") if wanted else []
        return {rid: tuple(n for n, _ in json.loads(files)) for rid, files in found}

    # ------------------------------------------------------------------ writing

    def _territory_nodes(self, names: list[str]) -> dict[str, str]:
        territories = dict(self.tx.run(cypher.TERRITORY_NODES, names=names).single()[0])
        missing = [name for name in names if name not in territories]
        if missing:
            territories.update(self.tx.run(cypher.CREATE_TERRITORIES, names=missing).single()[0])
        return territories

    def write_actors(
        self, actors: Sequence[tuple[Actor, Stamp]], stored: Mapping[str, StoredActor]
    ) -> None:
        """Create or replace ``actors`` (each with its stamp); rewrite moved memberships."""
        if not actors:
            return
        new_rows, changed_rows, linked, moved = [], [], [], []
        for actor, stamp in actors:
            row = actor_row(actor, stamp)
            found = stored.get(actor.id)
            if found is None:
                new_rows.append(row)
                linked.append(actor)
                continue
            changed_rows.append([found[2], *row])
            if found[0].territories != actor.territories:
                moved.append(found[2])
                linked.append(actor)
        for batch in batches(new_rows, self.batch_size):
            self.nodes.update(self.tx.run(cypher.CREATE_ACTORS, rows=batch).single()[0])
        self._run(cypher.UPDATE_ACTORS, changed_rows)
        self._run(cypher.UNLINK_TERRITORIES, moved)
        if linked:
            names = sorted({t for actor in linked for t in actor.territories})
            territories = self._territory_nodes(names)
            links = [
                [self.nodes[actor.id], territories[name]]
                for actor in linked
                for name in dict.fromkeys(actor.territories)
            ]
            self._run(cypher.LINK_TERRITORIES, links)

    def write_ties(
        self, ties: Sequence[tuple[Tie, Stamp]], stored: Mapping[str, StoredTie]
    ) -> None:
        """Create the ties not in ``stored``, replace the values of those in it.

        Each batch's rows are built while the server still works on the previous batch
        (``run`` returns once the statement has started).
        """
        ends = {end for tie, _ in ties for end in (tie.source, tie.target)}
        missing = sorted(ends - self.nodes.keys())
        if missing and self.find_actors(missing):
            raise MaillageError(f"a tie names an actor missing from Neo4j at {self.url}")
        days = IsoDates({None: None})
        new = [pair for pair in ties if pair[0].key not in stored] if stored else list(ties)
        old = [pair for pair in ties if pair[0].key in stored] if stored else []
        created = [
            (len(batch), self.tx.run(cypher.CREATE_TIES, rows=tie_rows(batch, self.nodes, days)))
            for batch in batches(new, self.batch_size)
        ]
        updates = [[stored[row[0]][2], *row[1:]] for row in tie_rows(old, self.nodes, days)]
        self._run(cypher.UPDATE_TIES, updates)
        for expected, result in created:
            if result.single()["created"] != expected:
                raise MaillageError(
                    f"an actor disappeared from Neo4j at {self.url} during the import; "
                    "nothing was imported, retry"
                )

    def write_activities(self, activities: Sequence[tuple[Activity, Stamp]]) -> None:
        self._run(cypher.WRITE_ACTIVITIES, [activity_row(a, s) for a, s in activities])

    def write_participations(
        self, rows: Sequence[tuple[str, str, tuple[tuple[str, str], ...], Stamp]]
    ) -> None:
        """Write ``(actor, activity, attributes, stamp)`` participations."""
        self._run(cypher.WRITE_PARTICIPATIONS, [participation_row(*row) for row in rows])

    # ------------------------------------------------------------------ removing

    def remove_ties(self, keys: Sequence[str], before: BeforeImage) -> None:
        found = self.stored_ties(keys)
        for tie, stamp, _ in found.values():
            before.note_tie(tie.identity, (tie, stamp))
        self._run(cypher.DELETE_TIES, [rel for _, _, rel in found.values()])

    def remove_participations(self, pairs: Sequence[tuple[str, str]], before: BeforeImage):
        for pair, image in self.stored_participations(pairs).items():
            before.note_participation(pair, image)
        self._run(cypher.DELETE_PARTICIPATIONS, [list(p) for p in pairs], "pairs")

    def remove_activities(self, ids: Sequence[str], before: BeforeImage) -> None:
        for activity_id, image in self.stored_activities(ids).items():
            before.note_activity(activity_id, image)
        self._run(cypher.DELETE_ACTIVITIES, list(ids), "ids")

    def remove_actors(self, ids: Sequence[str], before: BeforeImage) -> None:
        """Remove the actors ``ids`` with their ties and participations, noting all."""
        found = self.stored_actors(ids)
        if not found:
            return
        for actor_id, (actor, stamp, _) in found.items():
            before.note_actor(actor_id, (actor, stamp))
        for _, props in self._collect(cypher.TIES_OF_ACTORS, list(found), "ids"):
            tie = tie_from(props)
            before.note_tie(tie.identity, (tie, props.get("revision")))
        for actor, activity, attributes, stamp in self._collect(
            cypher.PARTICIPATIONS_OF_ACTORS, list(found), "ids"
        ):
            before.note_participation((actor, activity), participation_image(attributes, stamp))
        self._run(cypher.DELETE_ACTORS, list(found), "ids")
        for actor_id in found:
            self.nodes.pop(actor_id, None)

    # ------------------------------------------------------------------ an edit

    def apply_edit(self, edit: Edit, stamp: int, before: BeforeImage) -> bool:
        """Write what ``edit`` changes, stamped ``stamp``; False if it changes nothing."""
        actors = list({actor.id: actor for actor in edit.actors}.values())
        stored = self.stored_actors([a.id for a in actors])
        actors = [a for a in actors if a.id not in stored or stored[a.id][0] != a]
        for actor in actors:
            if actor.id in stored:
                before.note_actor(actor.id, stored[actor.id][:2])
        ties = list({tie.key: tie for tie in edit.ties}.values())
        stored_ties = self.stored_ties([t.key for t in ties])
        ties = [t for t in ties if not _same_tie(stored_ties.get(t.key), t)]
        for tie in ties:
            if tie.key in stored_ties:
                before.note_tie(tie.identity, stored_ties[tie.key][:2])
        activities = list({a.id: a for a in edit.activities}.values())
        stored_activities = self.stored_activities([a.id for a in activities])
        activities = [
            a
            for a in activities
            if a.id not in stored_activities or stored_activities[a.id][0] != a
        ]
        for activity in activities:
            if activity.id in stored_activities:
                before.note_activity(activity.id, stored_activities[activity.id])
        wanted = {(p.actor, p.activity): p.attributes for p in edit.participations}
        found_pairs = self.stored_participations(list(wanted))
        pairs = [
            (*pair, attributes)
            for pair, attributes in wanted.items()
            if pair not in found_pairs or found_pairs[pair][0] != attributes
        ]
        for actor_id, activity_id, _ in pairs:
            if (actor_id, activity_id) in found_pairs:
                before.note_participation(
                    (actor_id, activity_id), found_pairs[actor_id, activity_id]
                )
        noted = _size(before)
        self.write_actors([(a, stamp) for a in actors], stored)
        self.write_ties([(t, stamp) for t in ties], stored_ties)
        self.write_activities([(a, stamp) for a in activities])
        self.write_participations([(*p, stamp) for p in pairs])
        self.remove_ties([t.key for t in edit.removed_ties], before)
        removed_pairs = list(
            dict.fromkeys((p.actor, p.activity) for p in edit.removed_participations)
        )
        self.remove_participations(removed_pairs, before)
        self.remove_actors(list(dict.fromkeys(edit.removed_actors)), before)
        self.tx.run(cypher.DELETE_EMPTY_TERRITORIES).consume()
        wrote = bool(actors or ties or activities or pairs)
        return wrote or _size(before) > noted

    # ------------------------------------------------------------------ undo

    def revert(self, target: RevisionRow, before: BeforeImage) -> None:
        """Restore the state before ``target`` (every later revision already reverted)."""
        text = self.tx.run(cypher.REVISION_BEFORE, revision=target.id).single()["before"]
        image = BeforeImage.from_json(text)
        restored = [(i, im) for i, im in image.actors.items() if im is not None]
        current = self.stored_actors([i for i, _ in restored])
        for actor_id, _ in restored:
            found = current.get(actor_id)
            before.note_actor(actor_id, None if found is None else found[:2])
        self.write_actors([im for _, im in restored], current)
        ties = [(identity, im) for identity, im in image.ties.items() if im is not None]
        current_ties = self.stored_ties([key_of(i) for i, _ in ties])
        for identity, _ in ties:
            found_tie = current_ties.get(key_of(identity))
            before.note_tie(identity, None if found_tie is None else found_tie[:2])
        self.write_ties([im for _, im in ties], current_ties)
        activities = [(i, im) for i, im in image.activities.items() if im is not None]
        current_activities = self.stored_activities([i for i, _ in activities])
        for activity_id, _ in activities:
            before.note_activity(activity_id, current_activities.get(activity_id))
        self.write_activities([im for _, im in activities])
        pairs = [(p, im) for p, im in image.participations.items() if not isinstance(im, str)]
        current_pairs = self.stored_participations([p for p, _ in pairs])
        for pair, _ in pairs:
            before.note_participation(pair, current_pairs.get(pair, ABSENT))
        self.write_participations([(*p, attributes, s) for p, (attributes, s) in pairs])
        self.remove_ties([key_of(i) for i, im in image.ties.items() if im is None], before)
        absent = [p for p, s in image.participations.items() if s == ABSENT]
        self.remove_participations(absent, before)
        self.remove_activities([i for i, im in image.activities.items() if im is None], before)
        self.remove_actors([i for i, im in image.actors.items() if im is None], before)
        tx, revision = self.tx, target.id
        stamped_pairs = [
            (r["actor"], r["activity"])
            for r in tx.run(cypher.STAMPED_PARTICIPATIONS, revision=revision)
        ]
        self.remove_participations(stamped_pairs, before)
        self.remove_ties(tx.run(cypher.STAMPED_TIE_KEYS, revision=revision).value("key"), before)
        stamped = tx.run(cypher.STAMPED_ACTIVITY_IDS, revision=revision).value("id")
        self.remove_activities(stamped, before)
        self.remove_actors(tx.run(cypher.STAMPED_ACTOR_IDS, revision=revision).value("id"), before)
        tx.run(cypher.DELETE_EMPTY_TERRITORIES).consume()

    # ------------------------------------------------------------------ the revision record

    def next_revision(self) -> int:
        return self.tx.run(cypher.NEXT_REVISION, id=META_ID).single()["revision"]

    def record_revision(
        self,
        revision: int,
        action: str,
        user: str,
        description: str,
        territories: Iterable[str],
        before: BeforeImage,
        files: Sequence[FileDigest] = (),
        undoes: Sequence[int] = (),
    ) -> str:
        """Create the ``:Revision`` node and bump the data version; return the new version."""
        self.tx.run(
            cypher.CREATE_REVISION,
            id=META_ID,
            revision=revision,
            time=now(),
            user=user,
            action=action,
            description=description,
            files=files_json(files),
            territories=sorted(set(territories)),
            undoes=list(undoes),
            before=before.to_json(),
        ).consume()
        return self.tx.run(cypher.BUMP_DATA_VERSION, id=META_ID).single()["version"]

    def revision_rows(self) -> list[RevisionRow]:
        return revision_rows(self.tx)


def revision_rows(tx: ManagedTransaction) -> list[RevisionRow]:
    return [
        RevisionRow(
            id=r["id"],
            time=r["time"],
            user=r["user"],
            action=r["action"],
            description=r["description"],
            files=r["files"],
            territories=json.dumps(list(r["territories"] or ())),
            undoes=json.dumps(list(r["undoes"] or ())),
            undone_by=r["undone_by"],
        )
        for r in tx.run(cypher.REVISIONS)
    ]


def _same_tie(found: StoredTie | None, tie: Tie) -> bool:
    return found is not None and all(
        getattr(found[0], name) == getattr(tie, name) for name in TIE_FIELDS
    )


def _size(before: BeforeImage) -> int:
    return (
        len(before.actors) + len(before.ties) + len(before.activities) + len(before.participations)
    )


def _day(text: str | None):
    from datetime import date

    return None if text is None else date.fromisoformat(text)


__all__ = ["META_ID", "Writer", "key_of", "native", "revision_rows"]
