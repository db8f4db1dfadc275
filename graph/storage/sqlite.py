"""The embedded store: one SQLite file in WAL mode, no server to run.

Writers take the database's write lock for the whole upsert (``BEGIN IMMEDIATE``), readers
read one snapshot per call, so a reader sees an import entirely or not at all. Every
statement lives in ``sql.py``; values are always bound as parameters.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from ..changes import (
    DELETE,
    EDIT,
    IMPORT,
    UNDO,
    Edit,
    FileDigest,
    ImportCollision,
    ImportPlan,
    Revision,
    describe_import,
    plan_import,
    planned_records,
)
from ..errors import ConcurrentChange, NotFound, StoreUnavailable
from ..introductions import Introduction
from ..model import (
    Activity,
    ActivityRecord,
    Actor,
    Dataset,
    ImportResult,
    Network,
    Participation,
    TerritorySummary,
    TieKind,
)
from ..problem_text import MOVED_MEANWHILE, NO_ACTOR_WITH_ID, NO_INTRODUCTION, NO_TERRITORY, render
from ..revision_text import undo_description
from ..saved_views import SavedView
from ..store_text import (
    SQLITE_CANNOT_CREATE,
    SQLITE_CANNOT_OPEN,
    SQLITE_FAILED,
    SQLITE_LOCKED,
    SQLITE_NOT_A_STORE,
    SQLITE_URL_INVALID,
)
from . import follow_up, sql, sqlite_writes, view_documents
from .base import GraphStore
from .bulk import collector_paused
from .import_checks import check_references
from .revisions import BeforeImage, edit_territories, to_revert
from .sqlite_integrity import check_before_writing
from .sqlite_records import (
    activity_from_row,
    actor_from_row,
    by_id,
    by_key,
    iso,
    participation_image,
    tie_from_row,
    to_json,
)
from .traversal import breadth_first_path, breadth_first_reach, check_hops

URL_PREFIX = "sqlite://"


class SQLiteStore(GraphStore):
    """A ``GraphStore`` in one SQLite file.

    Parameters
    ----------
    path
        The database file; its folder is created if missing.
    busy_timeout
        Seconds to wait for another writer's lock before giving up with ``StoreUnavailable``.

    Each thread gets its own connection; ``close()`` closes them all.
    """

    def __init__(self, path: str | Path, *, busy_timeout: float = 10.0) -> None:
        self.path = Path(path)
        self.url = f"{URL_PREFIX}{self.path}"
        self.busy_timeout = busy_timeout
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        with self._errors():
            self.path.parent.mkdir(parents=True, exist_ok=True)

    @classmethod
    def from_url(cls, url: str, *, busy_timeout: float = 10.0) -> SQLiteStore:
        """Open (creating if needed) the store of ``sqlite:///absolute/path.db``."""
        if not url.startswith(URL_PREFIX) or len(url) == len(URL_PREFIX):
            raise StoreUnavailable(render(SQLITE_URL_INVALID, url=repr(url)))
        path = "/" + url[len(URL_PREFIX) :].lstrip("/")
        store = cls(path, busy_timeout=busy_timeout)
        store.setup_schema()
        return store

    # ------------------------------------------------------------------ connections

    def _connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                self.path,
                timeout=self.busy_timeout,
                isolation_level=None,
                check_same_thread=False,
            )
            try:
                for pragma in sql.PRAGMAS:
                    conn.execute(pragma)
            except sqlite3.Error:
                conn.close()
                raise
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn the failures a user can act on into ``StoreUnavailable`` naming the file."""
        try:
            yield
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.IntegrityError | sqlite3.ProgrammingError):
                raise
            raise StoreUnavailable(self._explain(error)) from None
        except OSError as error:
            reason = error.strerror or error
            raise StoreUnavailable(
                render(SQLITE_CANNOT_CREATE, path=self.path, reason=reason)
            ) from None

    def _explain(self, error: sqlite3.Error) -> str:
        text = str(error)
        if "locked" in text or "busy" in text:
            return render(SQLITE_LOCKED, path=self.path, seconds=f"{self.busy_timeout:g}")
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return render(SQLITE_NOT_A_STORE, path=self.path, reason=text)
        if "readonly" in text or "unable to open" in text:
            return render(SQLITE_CANNOT_OPEN, path=self.path, reason=text)
        return render(SQLITE_FAILED, path=self.path, reason=text)

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """One snapshot for every statement inside (WAL readers never wait for the writer)."""
        with self._errors():
            conn = self._connection()
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("COMMIT")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction holding the write lock from the start; rolled back on error."""
        with self._errors():
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            conn.close()
        self._local = threading.local()

    # ------------------------------------------------------------------ schema

    def setup_schema(self) -> None:
        with self._read() as conn:
            if _schema_of(conn) == sql.SCHEMA_VERSION:
                return  # up to date: no write lock needed, a running import goes on
        with self._write() as conn:
            found = _schema_of(conn)
            if found == "1":
                for statement in sql.MIGRATE_1_TO_2:
                    conn.execute(statement)
            if found in ("1", "2"):
                for statement in sql.MIGRATE_2_TO_3:
                    conn.execute(statement)
            if found == "2":
                conn.execute(sql.MIGRATE_TIES_2_TO_3)
            if found in ("1", "2", "3", "4"):
                conn.execute(sql.MIGRATE_TO_5)
            for statement in sql.SCHEMA:
                conn.execute(statement)
            if found == "1":
                for statement in sql.COPY_TIES_FROM_1:
                    conn.execute(statement)
            if found is not None:
                conn.execute(sql.SET_META, (sql.SCHEMA_VERSION, "schema"))
            conn.executemany(
                sql.INIT_META,
                [
                    ("schema", sql.SCHEMA_VERSION),
                    ("store_id", uuid.uuid4().hex),
                    ("data_version", "0"),
                ],
            )

    def data_version(self) -> str:
        with self._read() as conn:
            return conn.execute(sql.DATA_VERSION).fetchone()[0]

    # ------------------------------------------------------------------ writes

    def upsert(
        self,
        dataset: Dataset,
        *,
        replace: bool = False,
        merge: bool = False,
        local_ids: bool = False,
        user: str = "",
        files: Sequence[FileDigest] = (),
    ) -> ImportResult:
        with collector_paused(), self._write() as conn:
            check_before_writing(conn, self.path)
            check_references(
                dataset,
                lambda ids: (row[0] for row in conn.execute(sql.UNKNOWN_ACTORS, (to_json(ids),))),
                lambda ids: (
                    row[0] for row in conn.execute(sql.UNKNOWN_ACTIVITIES, (to_json(ids),))
                ),
            )
            plan, before = self._plan(conn, dataset, replace, merge, local_ids, files)
            if plan.collisions:
                raise ImportCollision(plan.collisions)
            revision = None
            if plan.changed:
                revision = sqlite_writes.begin_revision(conn, IMPORT, user, files)
                before = _only_overwritten(before, plan)
                edit = planned_records(plan)
                sqlite_writes.apply_edit(conn, edit, revision, before, noted=True)
                territories = edit_territories(edit, before)
                description = describe_import(plan, files)
                sqlite_writes.finish_revision(conn, revision, description, territories, before)
            version = conn.execute(sql.DATA_VERSION).fetchone()[0]
        return _result(plan, version, revision)

    def plan(
        self,
        dataset: Dataset,
        *,
        replace: bool = False,
        merge: bool = False,
        local_ids: bool = False,
        files: Sequence[FileDigest] = (),
    ) -> ImportPlan:
        with self._read() as conn:
            return self._plan(conn, dataset, replace, merge, local_ids, files)[0]

    def _plan(
        self,
        conn: sqlite3.Connection,
        dataset: Dataset,
        replace: bool,
        merge: bool,
        local_ids: bool,
        files: Sequence[FileDigest],
    ) -> tuple[ImportPlan, BeforeImage]:
        existing, images = sqlite_writes.existing_records(conn, dataset)
        stamps = {actor_id: image[1] for actor_id, image in images.actors.items() if image}
        by_revision = sqlite_writes.origins(conn, stamps.values())
        plan = plan_import(
            existing,
            dataset,
            replace=replace,
            merge=merge,
            local_ids=local_ids,
            territories=[row[0] for row in conn.execute(sql.TERRITORY_NAMES)],
            origins={i: by_revision.get(s, ()) if s is not None else () for i, s in stamps.items()},
            files=[f.name for f in files],
        )
        return plan, images

    def write(self, edit: Edit, *, user: str = "", description: str = "") -> Revision | None:
        with collector_paused(), self._write() as conn:
            revision = self._write_edit(conn, edit, EDIT, user, description)
            rows = sqlite_writes.revision_rows(conn) if revision else []
        return next((r.revision() for r in rows if r.id == revision), None)

    def _write_edit(
        self, conn: sqlite3.Connection, edit: Edit, action: str, user: str, description: str
    ) -> int | None:
        """Write ``edit`` as one revision; None (and nothing recorded) if it changed nothing."""
        revision = sqlite_writes.begin_revision(conn, action, user)
        start = conn.total_changes
        before = BeforeImage()
        sqlite_writes.apply_edit(conn, edit, revision, before, noted=False)
        if conn.total_changes == start:
            conn.execute(sql.DELETE_REVISION, (revision,))
            return None
        territories = edit_territories(edit, before)
        sqlite_writes.finish_revision(conn, revision, description, territories, before)
        return revision

    def revisions(self, territory: str | None = None) -> list[Revision]:
        with self._read() as conn:
            rows = sqlite_writes.revision_rows(conn)
        found = [row.revision() for row in rows]
        if territory is not None:
            found = [r for r in found if territory in r.territories]
        return found

    def undo(self, revision: int | None = None, *, user: str = "") -> Revision:
        with collector_paused(), self._write() as conn:
            try:
                targets = to_revert(sqlite_writes.revision_rows(conn), revision)
            except LookupError as error:
                raise NotFound(str(error)) from None
            ids = [target.id for target in targets]
            undo = sqlite_writes.begin_revision(conn, UNDO, user, undoes=ids)
            before = BeforeImage()
            for target in targets:
                sqlite_writes.revert(conn, target, before)
                conn.execute(sql.MARK_UNDONE, (undo, target.id))
            description = undo_description(ids)
            territories = set().union(*(t.revision().territories for t in targets))
            sqlite_writes.finish_revision(conn, undo, description, territories, before)
            rows = sqlite_writes.revision_rows(conn)
        return next(r.revision() for r in rows if r.id == undo)

    # ------------------------------------------------------------------ introductions

    def add_introduction(self, introduction: Introduction) -> Introduction:
        with self._write() as conn:
            steps = len(introduction.history)
            row = (introduction.territory, steps, follow_up.document_text(introduction))
            number = conn.execute(sql.ADD_INTRODUCTION, row).lastrowid
            stored = follow_up.with_id(introduction, str(number))
            conn.execute(sql.SET_INTRODUCTION_DOCUMENT, (follow_up.document_text(stored), number))
        return stored

    def save_introduction(self, introduction: Introduction, *, steps_before: int) -> None:
        key = _introduction_key(introduction.id)
        row = (len(introduction.history), follow_up.document_text(introduction), key, steps_before)
        with self._write() as conn:
            if conn.execute(sql.SAVE_INTRODUCTION, row).rowcount:
                return
            if conn.execute(sql.INTRODUCTION, (key,)).fetchone() is None:
                raise NotFound(render(NO_INTRODUCTION, id=repr(introduction.id)))
            raise ConcurrentChange(render(MOVED_MEANWHILE, id=introduction.id))

    def introduction(self, introduction_id: str) -> Introduction | None:
        with self._read() as conn:
            row = conn.execute(sql.INTRODUCTION, (_introduction_key(introduction_id),)).fetchone()
        return None if row is None else follow_up.from_text(row[0])

    def introductions(self, territory: str | None = None) -> list[Introduction]:
        with self._read() as conn:
            if territory is None:
                rows = conn.execute(sql.INTRODUCTIONS).fetchall()
            else:
                rows = conn.execute(sql.INTRODUCTIONS_OF, (territory,)).fetchall()
        return [follow_up.from_text(row[0]) for row in rows]

    # ------------------------------------------------------------------ saved views

    def save_view(self, view: SavedView) -> bool:
        with self._write() as conn:
            found = conn.execute(sql.SAVED_VIEW_EXISTS, (view.territory, view.name)).fetchone()
            text = view_documents.document_text(view)
            conn.execute(sql.SAVE_VIEW, (view.territory, view.name, text))
        return found is not None

    def saved_views(self, territory: str) -> list[SavedView]:
        with self._read() as conn:
            rows = conn.execute(sql.SAVED_VIEWS, (territory,)).fetchall()
        return view_documents.by_name(row[0] for row in rows)

    def delete_view(self, territory: str, name: str) -> bool:
        with self._write() as conn:
            return conn.execute(sql.DELETE_VIEW, (territory, name)).rowcount > 0

    def delete_territory(self, territory: str, *, user: str = "") -> None:
        with self._write() as conn:
            if conn.execute(sql.TERRITORY_EXISTS, (territory,)).fetchone() is None:
                raise NotFound(render(NO_TERRITORY, territory=repr(territory)))
            leaving, staying = [], []
            for row in conn.execute(sql.MEMBERS_OF, (territory,)):
                actor = actor_from_row(row)
                remaining = tuple(name for name in actor.territories if name != territory)
                if remaining:
                    staying.append(_with_territories(actor, remaining))
                else:
                    leaving.append(actor.id)
            edit = Edit(actors=tuple(staying), removed_actors=tuple(leaving))
            self._write_edit(conn, edit, DELETE, user, f"delete territory {territory}")

    # ------------------------------------------------------------------ reads

    def territories(self) -> list[TerritorySummary]:
        with self._read() as conn:
            rows = conn.execute(sql.TERRITORIES).fetchall()
        return sorted((TerritorySummary(*row) for row in rows), key=lambda summary: summary.name)

    def network(self, territory: str, *, as_of: date | None = None) -> Network:
        params = {"territory": territory, "as_of": iso(as_of)}
        with self._read() as conn:
            if conn.execute(sql.TERRITORY_EXISTS, (territory,)).fetchone() is None:
                raise NotFound(render(NO_TERRITORY, territory=repr(territory)))
            rows = conn.execute(sql.TERRITORY_MEMBERS, params).fetchall()
            members = {row[0]: actor_from_row(row[:-1]) for row in rows if row[-1]}
            in_territory = {row[0] for row in rows}
            ties = [tie_from_row(row) for row in conn.execute(sql.TERRITORY_TIES, params)]
            others = {end for tie in ties for end in (tie.source, tie.target)} - in_territory
            outside = {}
            if others:
                found = conn.execute(
                    sql.JOINED_ACTORS, {"ids": to_json(sorted(others)), "as_of": params["as_of"]}
                )
                outside = {row[0]: actor_from_row(row) for row in found}
        present = members.keys() | outside.keys()
        kept = [tie for tie in ties if tie.source in present and tie.target in present]
        return Network(
            territory=territory,
            actors=by_id(members.values()),
            ties=by_key(kept),
            outside=by_id(outside.values()),
            as_of=as_of,
        )

    def actor(self, actor_id: str) -> Actor | None:
        with self._read() as conn:
            row = conn.execute(sql.ACTOR, (actor_id,)).fetchone()
        return None if row is None else actor_from_row(row)

    def actor_ids(self) -> frozenset[str]:
        with self._read() as conn:
            return frozenset(row[0] for row in conn.execute(sql.ACTOR_IDS))

    def activity_record(self, activity_id: str, actor_id: str) -> ActivityRecord | None:
        params = {"activity": activity_id, "actor": actor_id, "kind": TieKind.EVENT.value}
        with self._read() as conn:
            row = conn.execute(sql.ACTIVITY, (activity_id,)).fetchone()
            if row is None:
                return None
            taking_part = conn.execute(sql.PARTICIPATIONS_IN, (activity_id,)).fetchall()
            ties = [tie_from_row(r) for r in conn.execute(sql.TIES_WITH_PARTICIPANTS, params)]
        participations = sorted(
            (Participation(r[0], r[1], participation_image(r)[0]) for r in taking_part),
            key=lambda participation: participation.actor,
        )
        return ActivityRecord(activity_from_row(row), tuple(participations), by_key(ties))

    def activities(self, territory: str) -> list[Activity]:
        with self._read() as conn:
            rows = conn.execute(sql.TERRITORY_ACTIVITIES, (territory,)).fetchall()
        return [activity_from_row(row) for row in rows]

    def neighbourhood(self, actor_id: str, hops: int = 1, *, as_of: date | None = None) -> Network:
        hops = check_hops(hops)
        day = iso(as_of)
        with self._read() as conn:
            centre = conn.execute(sql.ACTOR, (actor_id,)).fetchone()
            if centre is None:
                raise NotFound(render(NO_ACTOR_WITH_ID, actor=repr(actor_id)))

            def neighbours(frontier: Sequence[str]) -> Iterable[tuple[str, str]]:
                return conn.execute(sql.NEIGHBOURS, {"ids": to_json(frontier), "as_of": day})

            reached = breadth_first_reach(actor_id, hops, neighbours)
            ids = to_json(sorted(reached))
            others = conn.execute(sql.JOINED_ACTORS, {"ids": ids, "as_of": day}).fetchall()
            ties = [
                tie_from_row(row)
                for row in conn.execute(sql.TIES_AMONG, {"ids": ids, "as_of": day})
            ]
        actors = {row[0]: actor_from_row(row) for row in others}
        actors[actor_id] = actor_from_row(centre)
        return Network(territory="", actors=by_id(actors.values()), ties=by_key(ties), as_of=as_of)

    def shortest_path(
        self, source_id: str, target_id: str, *, as_of: date | None = None
    ) -> list[str] | None:
        day = iso(as_of)
        ends = to_json([source_id, target_id])
        with self._read() as conn:
            known = {
                row[0] for row in conn.execute(sql.JOINED_ACTORS, {"ids": ends, "as_of": None})
            }
            for actor_id in (source_id, target_id):
                if actor_id not in known:
                    raise NotFound(render(NO_ACTOR_WITH_ID, actor=repr(actor_id)))
            present = {
                row[0] for row in conn.execute(sql.JOINED_ACTORS, {"ids": ends, "as_of": day})
            }
            if present != known:
                return None

            def neighbours(frontier: Sequence[str]) -> Iterable[tuple[str, str]]:
                return conn.execute(sql.NEIGHBOURS, {"ids": to_json(frontier), "as_of": day})

            return breadth_first_path(source_id, target_id, neighbours)

    # ------------------------------------------------------------------ test support

    def _wipe_for_tests(self) -> None:
        """Delete every row (the tests' fresh store); the schema stays."""
        with self._write() as conn:
            for statement in sql.WIPE:
                conn.execute(statement)
            conn.execute(sql.BUMP_DATA_VERSION)


# ---------------------------------------------------------------------- helpers


def _introduction_key(introduction_id: str) -> int:
    """The row id of introduction ``"7"``; an id that is no number matches no row."""
    return int(introduction_id) if introduction_id.isdecimal() else -1


def _schema_of(conn: sqlite3.Connection) -> str | None:
    """The schema version the store's ``meta`` table records (None for a new file)."""
    if not conn.execute(sql.HAS_META).fetchone()[0]:
        return None
    found = conn.execute(sql.SELECT_META, ("schema",)).fetchone()
    return None if found is None else found[0]


def _with_territories(actor: Actor, territories: tuple[str, ...]) -> Actor:
    return dataclasses.replace(actor, territories=territories)


def _only_overwritten(images: BeforeImage, plan: ImportPlan) -> BeforeImage:
    """The before-image of an import: the stored records it updates (it stamps what it adds)."""
    actors = {a.id for a in plan.actors_updated}
    ties = {t.identity for t in plan.ties_updated}
    activities = {a.id for a in plan.activities_updated}
    pairs = {(p.actor, p.activity) for p in plan.participations_updated}
    return BeforeImage(
        actors={i: im for i, im in images.actors.items() if i in actors},
        ties={i: im for i, im in images.ties.items() if i in ties},
        activities={i: im for i, im in images.activities.items() if i in activities},
        participations={p: im for p, im in images.participations.items() if p in pairs},
    )


def _result(plan: ImportPlan, version: str, revision: int | None) -> ImportResult:
    counts = plan.counts()
    return ImportResult(
        actors_added=counts["actors_added"],
        actors_updated=counts["actors_updated"],
        ties_added=counts["ties_added"],
        ties_updated=counts["ties_updated"],
        activities_added=counts["activities_added"],
        territories_added=counts["territories_added"],
        data_version=version,
        revision=revision,
        plan=plan,
    )
