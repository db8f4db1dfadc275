"""How the SQLite store writes: imports, edits and undo, each one revision.

Every function here runs inside the store's write transaction (``BEGIN IMMEDIATE``) on
the connection it is given, and notes what it overwrites or removes in a
``BeforeImage`` (``revisions.py``). Every statement lives in ``sql.py``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence

from ..changes import TIE_FIELDS, Edit, FileDigest
from ..model import Actor, Dataset, Participation, Tie, TieIdentity
from . import sql
from .revisions import (
    ABSENT,
    BeforeImage,
    RevisionRow,
    Stamp,
    StoredParticipation,
    files_json,
    now,
)
from .sqlite_records import (
    activity_from_row,
    activity_row,
    actor_from_row,
    actor_rows,
    distinct_tie_rows,
    participation_image,
    participation_row,
    tie_from_row,
    tie_rows,
    to_json,
)

#: From this many ties on, an import into a store with few rebuilds the ties' indexes.
BULK_TIES = 1000


def _ids_json(identities: Iterable[TieIdentity]) -> str:
    return to_json([list(identity) for identity in identities])


# ---------------------------------------------------------------------- reading images


def stored_actors(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, tuple[Actor, Stamp]]:
    """The stored actors among ``ids``, each with its stamp."""
    if not ids:
        return {}
    rows = conn.execute(sql.ACTORS_BY_IDS, (to_json(list(ids)),))
    return {row[0]: (actor_from_row(row), row[10]) for row in rows}


def stored_ties(
    conn: sqlite3.Connection, identities: Sequence[TieIdentity]
) -> dict[TieIdentity, tuple]:
    """The stored ties among ``identities``, each with its stamp (none if the table is empty)."""
    if not identities or not conn.execute(sql.ANY_TIE).fetchone():
        return {}
    rows = conn.execute(sql.TIES_BY_IDS, (_ids_json(identities),))
    found = {}
    for row in rows:
        tie = tie_from_row(row)
        found[tie.identity] = (tie, row[10])
    return found


def stored_activities(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, tuple]:
    if not ids:
        return {}
    rows = conn.execute(sql.ACTIVITIES_BY_IDS, (to_json(list(ids)),))
    return {row[0]: (activity_from_row(row), row[3]) for row in rows}


def stored_participations(
    conn: sqlite3.Connection, pairs: Sequence[tuple[str, str]]
) -> dict[tuple[str, str], StoredParticipation]:
    """``(actor, activity) -> (attributes, stamp)`` of the stored ones among ``pairs``."""
    if not pairs:
        return {}
    rows = conn.execute(sql.PARTICIPATIONS_BY_PAIRS, (to_json([list(p) for p in pairs]),))
    return {(row[0], row[1]): participation_image(row) for row in rows}


def existing_records(conn: sqlite3.Connection, dataset: Dataset) -> tuple[Dataset, BeforeImage]:
    """What the store holds of the records ``dataset`` names, as a ``Dataset`` and with stamps."""
    actors = {}
    if dataset.actors and conn.execute(sql.ANY_ACTOR).fetchone():
        actors = stored_actors(conn, list(dict.fromkeys(a.id for a in dataset.actors)))
    ties = {}
    if dataset.ties and conn.execute(sql.ANY_TIE).fetchone():
        ties = stored_ties(conn, list(dict.fromkeys(dataset.tie_identities())))
    activities = stored_activities(conn, list(dict.fromkeys(a.id for a in dataset.activities)))
    pairs = list(dict.fromkeys((p.actor, p.activity) for p in dataset.participations))
    participations = stored_participations(conn, pairs)
    existing = Dataset(
        actors=tuple(actor for actor, _ in actors.values()),
        ties=tuple(tie for tie, _ in ties.values()),
        activities=tuple(activity for activity, _ in activities.values()),
        participations=tuple(
            Participation(*pair, image[0]) for pair, image in participations.items()
        ),
    )
    return existing, BeforeImage(
        actors=dict(actors),
        ties=dict(ties),
        activities=dict(activities),
        participations=dict(participations),
    )


def origins(conn: sqlite3.Connection, stamps: Iterable[Stamp]) -> dict[int, tuple[str, ...]]:
    """Revision id -> the names of the files it imported, for the ``stamps`` given."""
    wanted = sorted({s for s in stamps if s is not None})
    if not wanted:
        return {}
    rows = conn.execute(sql.REVISION_FILES, (to_json(wanted),))
    return {rid: tuple(name for name, _ in json.loads(files)) for rid, files in rows}


# ---------------------------------------------------------------------- writing an edit


def _write_ties(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """Upsert the tie rows (one per identity).

    When the store holds at most half as many ties as the rows (a first import, say), the
    indexes are dropped and built again at the end, in the same transaction: sorting every
    entry once costs less than inserting them one by one. Into an empty table the rows
    cannot conflict, so they are inserted before the unique index exists.
    """
    stored = conn.execute(sql.COUNT_TIES).fetchone()[0]
    if len(rows) < BULK_TIES or 2 * stored > len(rows):
        conn.executemany(sql.UPSERT_TIE, rows)
        return
    conn.execute(sql.DROP_TIES_BY_TARGET)
    if stored:
        conn.executemany(sql.UPSERT_TIE, rows)
    else:
        conn.execute(sql.DROP_TIES_BY_ENDS)
        conn.executemany(sql.INSERT_TIE, rows)
        conn.execute(sql.TIES_BY_ENDS)
    conn.execute(sql.TIES_BY_TARGET)


def _rewrite_memberships(
    conn: sqlite3.Connection, ids: Sequence[str], new: Iterable[str] = ()
) -> None:
    """Make ``actor_territories`` of the actors ``ids`` what their territory lists say.

    The ``new`` ones among them have no membership yet: none is looked for.
    """
    if ids:
        fresh = set(new)
        known = [actor_id for actor_id in ids if actor_id not in fresh] if fresh else ids
        if known:
            conn.execute(sql.DELETE_MEMBERSHIPS_OF_ACTORS, (to_json(list(known)),))
        conn.execute(sql.INSERT_MEMBERSHIPS_OF_ACTORS, (to_json(list(ids)),))


def _write_actors(
    conn: sqlite3.Connection,
    actors: Sequence[Actor],
    stamps: Sequence[Stamp],
    stored: Mapping[str, tuple[str, ...]] | None = None,
) -> None:
    """Write ``actors`` as given (each with its stamp) and their memberships and territories.

    ``stored``: the stored territories of those that are stored, if known (else read).
    """
    if not actors:
        return
    if stored is None:
        ids = to_json([actor.id for actor in actors])
        lists = conn.execute(sql.ACTOR_TERRITORY_LISTS, (ids,)).fetchall()
        stored = {actor_id: tuple(json.loads(names)) for actor_id, names in lists}
    conn.executemany(
        sql.INSERT_TERRITORY, [(t,) for t in sorted({t for a in actors for t in a.territories})]
    )
    conn.executemany(sql.UPSERT_ACTOR, actor_rows(actors, stamps))
    if not stored:  # none is stored (say, a first import): none has a membership yet
        conn.execute(sql.INSERT_MEMBERSHIPS_OF_ACTORS, (to_json([a.id for a in actors]),))
        return
    moved = [a.id for a in actors if stored.get(a.id) != a.territories]
    _rewrite_memberships(conn, moved, new=(a.id for a in actors if a.id not in stored))


def _remove_actors(conn: sqlite3.Connection, ids: Sequence[str], before: BeforeImage) -> None:
    """Remove the actors ``ids`` with their ties, participations and memberships, noting all."""
    found = stored_actors(conn, ids)
    if not found:
        return
    for actor_id, image in found.items():
        before.note_actor(actor_id, image)
    ids_json = to_json(list(found))
    for row in conn.execute(sql.TIES_OF_ACTORS, {"ids": ids_json}):
        tie = tie_from_row(row)
        before.note_tie(tie.identity, (tie, row[10]))
    for row in conn.execute(sql.PARTICIPATIONS_OF_ACTORS, (ids_json,)):
        before.note_participation((row[0], row[1]), participation_image(row))
    conn.execute(sql.DELETE_TIES_OF_ACTORS, {"ids": ids_json})
    conn.execute(sql.DELETE_PARTICIPATIONS_OF_ACTORS, (ids_json,))
    conn.execute(sql.DELETE_MEMBERSHIPS_OF_ACTORS, (ids_json,))
    conn.execute(sql.DELETE_ACTORS, (ids_json,))


def _remove_ties(conn: sqlite3.Connection, identities: Sequence[TieIdentity], before: BeforeImage):
    for identity, image in stored_ties(conn, identities).items():
        before.note_tie(identity, image)
    if identities:
        conn.execute(sql.DELETE_TIES_BY_IDS, (_ids_json(identities),))


def _remove_activities(conn: sqlite3.Connection, ids: Sequence[str], before: BeforeImage):
    for activity_id, image in stored_activities(conn, ids).items():
        before.note_activity(activity_id, image)
    if ids:
        conn.execute(sql.DELETE_ACTIVITIES_BY_IDS, (to_json(list(ids)),))


def _remove_participations(
    conn: sqlite3.Connection, pairs: Sequence[tuple[str, str]], before: BeforeImage
) -> None:
    for pair, stamp in stored_participations(conn, pairs).items():
        before.note_participation(pair, stamp)
    if pairs:
        conn.execute(sql.DELETE_PARTICIPATIONS_BY_PAIRS, (to_json([list(p) for p in pairs]),))


def _same_tie(found: tuple | None, tie: Tie) -> bool:
    """True when the stored ``found`` (tie, stamp) holds the same values as ``tie``."""
    return found is not None and all(
        getattr(found[0], name) == getattr(tie, name) for name in TIE_FIELDS
    )


def apply_edit(
    conn: sqlite3.Connection, edit: Edit, stamp: int, before: BeforeImage, *, noted: bool
) -> None:
    """Write ``edit`` stamped ``stamp``, noting in ``before`` what it overwrites or removes.

    With ``noted``, ``edit`` holds only records that change and ``before`` already holds
    the stored images of every record ``edit`` overwrites (an import read them to plan
    it): they are not read again.
    """
    actors = list({actor.id: actor for actor in edit.actors}.values()) if not noted else edit.actors
    territories = None
    if noted:
        territories = {i: image[0].territories for i, image in before.actors.items() if image}
    ties, activities = list(edit.ties), list(edit.activities)
    participations = list(dict.fromkeys(edit.participations))
    if not noted:  # write only what differs from the stored records, noting those
        found = stored_actors(conn, [a.id for a in actors])
        actors = [a for a in actors if a.id not in found or found[a.id][0] != a]
        for actor in actors:
            if actor.id in found:
                before.note_actor(actor.id, found[actor.id])
        found_ties = stored_ties(conn, list(t.identity for t in ties))
        ties = [t for t in ties if not _same_tie(found_ties.get(t.identity), t)]
        for tie in ties:
            if tie.identity in found_ties:
                before.note_tie(tie.identity, found_ties[tie.identity])
        found_activities = stored_activities(conn, [a.id for a in activities])
        activities = [
            a for a in activities if a.id not in found_activities or found_activities[a.id][0] != a
        ]
        for activity in activities:
            if activity.id in found_activities:
                before.note_activity(activity.id, found_activities[activity.id])
        found_pairs = stored_participations(conn, [(p.actor, p.activity) for p in participations])
        participations = [
            p
            for p in participations
            if (p.actor, p.activity) not in found_pairs
            or found_pairs[p.actor, p.activity][0] != p.attributes
        ]
        for p in participations:
            if (p.actor, p.activity) in found_pairs:
                before.note_participation((p.actor, p.activity), found_pairs[p.actor, p.activity])
    _write_actors(conn, actors, [stamp] * len(actors), territories)
    known = edit.known_identities
    if noted and known is not None and known[0] is edit.ties:
        _write_ties(conn, distinct_tie_rows(ties, known[1], stamp))
    else:
        _write_ties(conn, tie_rows(ties, stamp))
    conn.executemany(sql.UPSERT_ACTIVITY, [activity_row(a, stamp) for a in activities])
    conn.executemany(
        sql.INSERT_PARTICIPATION,
        [participation_row(p.actor, p.activity, p.attributes, stamp) for p in participations],
    )
    _remove_ties(conn, list(dict.fromkeys(t.identity for t in edit.removed_ties)), before)
    pairs = list(dict.fromkeys((p.actor, p.activity) for p in edit.removed_participations))
    _remove_participations(conn, pairs, before)
    _remove_actors(conn, list(dict.fromkeys(edit.removed_actors)), before)
    conn.execute(sql.DELETE_EMPTY_TERRITORIES)


# ---------------------------------------------------------------------- undo


def revert(conn: sqlite3.Connection, target: RevisionRow, before: BeforeImage) -> None:
    """Restore the state before ``target``, noting in ``before`` everything it touches.

    Every later revision is already reverted (``revisions.to_revert``): the records stamped
    ``target`` are exactly those it wrote.
    """
    image = BeforeImage.from_json(conn.execute(sql.REVISION_BEFORE, (target.id,)).fetchone()[0])
    # 1. Write the before-images back, with their own stamps.
    restored = [(i, im) for i, im in image.actors.items() if im is not None]
    current = stored_actors(conn, [i for i, _ in restored])
    for actor_id, _ in restored:
        before.note_actor(actor_id, current.get(actor_id))
    _write_actors(conn, [im[0] for _, im in restored], [im[1] for _, im in restored])
    ties = [(i, im) for i, im in image.ties.items() if im is not None]
    current_ties = stored_ties(conn, [i for i, _ in ties])
    for identity, _ in ties:
        before.note_tie(identity, current_ties.get(identity))
    conn.executemany(sql.UPSERT_TIE, [tie_rows((tie,), stamp)[0] for _, (tie, stamp) in ties])
    activities = [(i, im) for i, im in image.activities.items() if im is not None]
    current_activities = stored_activities(conn, [i for i, _ in activities])
    for activity_id, (activity, stamp) in activities:
        before.note_activity(activity_id, current_activities.get(activity_id))
        conn.execute(sql.UPSERT_ACTIVITY, activity_row(activity, stamp))
    pairs = [(p, im) for p, im in image.participations.items() if not isinstance(im, str)]
    current_pairs = stored_participations(conn, [p for p, _ in pairs])
    for pair, (attributes, pair_stamp) in pairs:
        before.note_participation(pair, current_pairs.get(pair, ABSENT))
        conn.execute(sql.INSERT_PARTICIPATION, participation_row(*pair, attributes, pair_stamp))
    # 2. Remove what the before-image says was absent.
    _remove_ties(conn, [i for i, im in image.ties.items() if im is None], before)
    absent_pairs = [p for p, s in image.participations.items() if s == ABSENT]
    _remove_participations(conn, absent_pairs, before)
    _remove_activities(conn, [i for i, im in image.activities.items() if im is None], before)
    _remove_actors(conn, [i for i, im in image.actors.items() if im is None], before)
    # 3. Remove what the revision created: the records still stamped with it.
    stamped_pairs = [(r[0], r[1]) for r in conn.execute(sql.STAMPED_PARTICIPATIONS, (target.id,))]
    _remove_participations(conn, stamped_pairs, before)
    stamped_ties = [tie_from_row(r).identity for r in conn.execute(sql.STAMPED_TIES, (target.id,))]
    _remove_ties(conn, stamped_ties, before)
    stamped = [r[0] for r in conn.execute(sql.STAMPED_ACTIVITY_IDS, (target.id,))]
    _remove_activities(conn, stamped, before)
    _remove_actors(conn, [r[0] for r in conn.execute(sql.STAMPED_ACTOR_IDS, (target.id,))], before)
    conn.execute(sql.DELETE_EMPTY_TERRITORIES)


# ---------------------------------------------------------------------- the revision record


def begin_revision(
    conn: sqlite3.Connection,
    action: str,
    user: str,
    files: Sequence[FileDigest] = (),
    undoes: Sequence[int] = (),
) -> int:
    """Insert the revision's record (finished by ``finish_revision``); return its id."""
    cursor = conn.execute(
        sql.INSERT_REVISION, (now(), user, action, files_json(files), to_json(list(undoes)))
    )
    assert cursor.lastrowid is not None  # an INSERT always sets it
    return cursor.lastrowid


def finish_revision(
    conn: sqlite3.Connection,
    revision: int,
    description: str,
    territories: Iterable[str],
    before: BeforeImage,
) -> None:
    conn.execute(
        sql.FINISH_REVISION,
        (description, to_json(sorted(set(territories))), before.to_json(), revision),
    )
    conn.execute(sql.BUMP_DATA_VERSION)


def revision_rows(conn: sqlite3.Connection) -> list[RevisionRow]:
    return [RevisionRow(*row) for row in conn.execute(sql.REVISIONS)]
