"""The embedded store: one SQLite file in WAL mode, no server to run.

Writers take the database's write lock for the whole upsert (``BEGIN IMMEDIATE``), readers
read one snapshot per call, so a reader sees an import entirely or not at all. Every
statement lives in ``sql.py``; values are always bound as parameters.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from json.encoder import encode_basestring
from operator import attrgetter
from pathlib import Path

from ..errors import NotFound, StoreUnavailable
from ..model import (
    Actor,
    Dataset,
    ImportResult,
    Network,
    Sector,
    TerritorySummary,
    Tie,
    TieKind,
)
from . import sql
from .base import GraphStore
from .common import (
    IsoDates,
    breadth_first_path,
    breadth_first_reach,
    check_hops,
    check_references,
    collector_paused,
)

URL_PREFIX = "sqlite://"

#: From this many ties on, an import into a store with few rebuilds the ties' indexes.
BULK_TIES = 1000


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
            raise StoreUnavailable(
                f"invalid SQLite store URL {url!r}: write sqlite:///absolute/path/to/file.db"
            )
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
            raise StoreUnavailable(
                f"cannot create the SQLite store {self.path}: {error.strerror or error}; "
                "choose another --store path or fix the folder's permissions"
            ) from None

    def _explain(self, error: sqlite3.Error) -> str:
        text = str(error)
        if "locked" in text or "busy" in text:
            return (
                f"the SQLite store {self.path} is locked by another program "
                f"(waited {self.busy_timeout:g} s): let the other import finish or close "
                "the program holding it, then retry"
            )
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return (
                f"{self.path} is not a usable SQLite store ({text}): point --store at "
                "another file, or move this one away to start afresh"
            )
        if "readonly" in text or "unable to open" in text:
            return (
                f"cannot open the SQLite store {self.path} ({text}): check that the folder "
                "exists and is writable, or choose another --store path"
            )
        return f"the SQLite store {self.path} failed: {text}"

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
            migrating = _schema_of(conn) == "1"
            if migrating:
                for statement in sql.MIGRATE_1_TO_2:
                    conn.execute(statement)
            for statement in sql.SCHEMA:
                conn.execute(statement)
            if migrating:
                for statement in sql.COPY_TIES_FROM_1:
                    conn.execute(statement)
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

    def upsert(self, dataset: Dataset) -> ImportResult:
        with collector_paused():
            return self._write_dataset(dataset)

    def _write_dataset(self, dataset: Dataset) -> ImportResult:
        actors = {actor.id: actor for actor in dataset.actors}
        ties = _tie_rows(dataset.ties)
        activities = {a.id: (a.id, a.name, _iso(a.date)) for a in dataset.activities}
        participations = [(p.actor, p.activity) for p in dict.fromkeys(dataset.participations)]
        with self._write() as conn:
            check_references(
                dataset,
                lambda ids: (row[0] for row in conn.execute(sql.UNKNOWN_ACTORS, (_json(ids),))),
                lambda ids: (row[0] for row in conn.execute(sql.UNKNOWN_ACTIVITIES, (_json(ids),))),
            )
            territories_added = conn.executemany(
                sql.INSERT_TERRITORY, [(name,) for name in sorted(dataset.territories)]
            ).rowcount
            actors_added, actors_updated = self._write_actors(conn, actors)
            ties_added, ties_updated = _write_ties(conn, ties)
            activities_added, activities_updated = _upsert(
                conn, sql.UPSERT_ACTIVITY, sql.COUNT_ACTIVITIES, list(activities.values())
            )
            participations_added = conn.executemany(
                sql.INSERT_PARTICIPATION, participations
            ).rowcount
            written = (actors_added, actors_updated, ties_added, ties_updated)
            if any((*written, activities_added, activities_updated, participations_added)):
                conn.execute(sql.BUMP_DATA_VERSION)
            version = conn.execute(sql.DATA_VERSION).fetchone()[0]
        return ImportResult(
            actors_added=actors_added,
            actors_updated=actors_updated,
            ties_added=ties_added,
            ties_updated=ties_updated,
            activities_added=activities_added,
            territories_added=territories_added,
            data_version=version,
        )

    def _write_actors(self, conn: sqlite3.Connection, actors: dict[str, Actor]) -> tuple[int, int]:
        """Upsert the actors and rewrite the memberships of those whose territories changed."""
        rows = list(map(_actor_row, actors.values()))
        ids = _json(list(actors))
        stored_lists = dict(conn.execute(sql.ACTOR_TERRITORY_LISTS, (ids,)).fetchall())
        added, updated = _upsert(conn, sql.UPSERT_ACTOR, sql.COUNT_ACTORS, rows)
        moved = [row[0] for row in rows if stored_lists.get(row[0]) != row[3]]
        if moved:
            left = [actor_id for actor_id in moved if actor_id in stored_lists]
            if left:
                conn.execute(sql.DELETE_MEMBERSHIPS_OF_ACTORS, (_json(left),))
            conn.execute(sql.INSERT_MEMBERSHIPS_OF_ACTORS, (_json(moved),))
            if left:
                conn.execute(sql.DELETE_EMPTY_TERRITORIES)
        return added, updated

    def delete_territory(self, territory: str) -> None:
        with self._write() as conn:
            if conn.execute(sql.TERRITORY_EXISTS, (territory,)).fetchone() is None:
                raise NotFound(f"no territory named {territory!r}")
            leaving, staying = [], []
            for actor_id, names in conn.execute(sql.MEMBER_TERRITORY_LISTS, (territory,)):
                remaining = [name for name in json.loads(names) if name != territory]
                if remaining:
                    staying.append((_json(remaining), actor_id))
                else:
                    leaving.append(actor_id)
            conn.executemany(sql.SET_ACTOR_TERRITORIES, staying)
            conn.execute(sql.DELETE_TERRITORY_MEMBERSHIPS, (territory,))
            conn.execute(sql.DELETE_TERRITORY, (territory,))
            if leaving:
                ids = _json(leaving)
                conn.execute(sql.DELETE_TIES_OF_ACTORS, {"ids": ids})
                conn.execute(sql.DELETE_PARTICIPATIONS_OF_ACTORS, (ids,))
                conn.execute(sql.DELETE_MEMBERSHIPS_OF_ACTORS, (ids,))
                conn.execute(sql.DELETE_ACTORS, (ids,))
            conn.execute(sql.BUMP_DATA_VERSION)

    # ------------------------------------------------------------------ reads

    def territories(self) -> list[TerritorySummary]:
        with self._read() as conn:
            rows = conn.execute(sql.TERRITORIES).fetchall()
        return sorted((TerritorySummary(*row) for row in rows), key=lambda summary: summary.name)

    def network(self, territory: str, *, as_of: date | None = None) -> Network:
        params = {"territory": territory, "as_of": _iso(as_of)}
        with self._read() as conn:
            if conn.execute(sql.TERRITORY_EXISTS, (territory,)).fetchone() is None:
                raise NotFound(f"no territory named {territory!r}")
            rows = conn.execute(sql.TERRITORY_MEMBERS, params).fetchall()
            members = {row[0]: _actor(row[:-1]) for row in rows if row[-1]}
            in_territory = {row[0] for row in rows}
            ties = [_tie(row) for row in conn.execute(sql.TERRITORY_TIES, params)]
            others = {end for tie in ties for end in (tie.source, tie.target)} - in_territory
            outside = {}
            if others:
                found = conn.execute(
                    sql.JOINED_ACTORS, {"ids": _json(sorted(others)), "as_of": params["as_of"]}
                )
                outside = {row[0]: _actor(row) for row in found}
        present = members.keys() | outside.keys()
        kept = [tie for tie in ties if tie.source in present and tie.target in present]
        return Network(
            territory=territory,
            actors=_by_id(members.values()),
            ties=_by_key(kept),
            outside=_by_id(outside.values()),
            as_of=as_of,
        )

    def actor(self, actor_id: str) -> Actor | None:
        with self._read() as conn:
            row = conn.execute(sql.ACTOR, (actor_id,)).fetchone()
        return None if row is None else _actor(row)

    def actor_ids(self) -> frozenset[str]:
        with self._read() as conn:
            return frozenset(row[0] for row in conn.execute(sql.ACTOR_IDS))

    def neighbourhood(self, actor_id: str, hops: int = 1, *, as_of: date | None = None) -> Network:
        hops = check_hops(hops)
        day = _iso(as_of)
        with self._read() as conn:
            centre = conn.execute(sql.ACTOR, (actor_id,)).fetchone()
            if centre is None:
                raise NotFound(f"no actor with id {actor_id!r}")

            def neighbours(frontier: Sequence[str]) -> Iterable[tuple[str, str]]:
                return conn.execute(sql.NEIGHBOURS, {"ids": _json(frontier), "as_of": day})

            reached = breadth_first_reach(actor_id, hops, neighbours)
            ids = _json(sorted(reached))
            others = conn.execute(sql.JOINED_ACTORS, {"ids": ids, "as_of": day}).fetchall()
            ties = [_tie(row) for row in conn.execute(sql.TIES_AMONG, {"ids": ids, "as_of": day})]
        actors = {row[0]: _actor(row) for row in others}
        actors[actor_id] = _actor(centre)
        return Network(
            territory="", actors=_by_id(actors.values()), ties=_by_key(ties), as_of=as_of
        )

    def shortest_path(
        self, source_id: str, target_id: str, *, as_of: date | None = None
    ) -> list[str] | None:
        day = _iso(as_of)
        ends = _json([source_id, target_id])
        with self._read() as conn:
            known = {
                row[0] for row in conn.execute(sql.JOINED_ACTORS, {"ids": ends, "as_of": None})
            }
            for actor_id in (source_id, target_id):
                if actor_id not in known:
                    raise NotFound(f"no actor with id {actor_id!r}")
            present = {
                row[0] for row in conn.execute(sql.JOINED_ACTORS, {"ids": ends, "as_of": day})
            }
            if present != known:
                return None

            def neighbours(frontier: Sequence[str]) -> Iterable[tuple[str, str]]:
                return conn.execute(sql.NEIGHBOURS, {"ids": _json(frontier), "as_of": day})

            return breadth_first_path(source_id, target_id, neighbours)

    # ------------------------------------------------------------------ test support

    def _wipe_for_tests(self) -> None:
        """Delete every row (the tests' fresh store); the schema stays."""
        with self._write() as conn:
            for statement in sql.WIPE:
                conn.execute(statement)
            conn.execute(sql.BUMP_DATA_VERSION)


# ---------------------------------------------------------------------- rows <-> model


def _schema_of(conn: sqlite3.Connection) -> str | None:
    """The schema version the store's ``meta`` table records (None for a new file)."""
    if not conn.execute(sql.HAS_META).fetchone()[0]:
        return None
    found = conn.execute(sql.SELECT_META, ("schema",)).fetchone()
    return None if found is None else found[0]


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _upsert(
    conn: sqlite3.Connection, statement: str, count: str, rows: list[tuple], before: int = -1
) -> tuple[int, int]:
    """Run an ``INSERT ... ON CONFLICT DO UPDATE ... WHERE changed``; return (added, updated).

    ``rowcount`` counts inserted and updated rows (identical ones are skipped by the
    ``WHERE``); the growth of the table (from ``before`` rows, if known) tells how many
    were inserted.
    """
    if before < 0:
        before = conn.execute(count).fetchone()[0]
    written = conn.executemany(statement, rows).rowcount
    added = conn.execute(count).fetchone()[0] - before
    return added, written - added


_SECTOR_VALUE = {sector: sector.value for sector in Sector}
_KIND_VALUE = {kind: kind.value for kind in TieKind}
_NO_ATTRIBUTES = "{}"
_NO_ACTIVITIES = "[]"


def _write_ties(conn: sqlite3.Connection, rows: list[tuple]) -> tuple[int, int]:
    """Upsert the tie rows (one per identity); return (added, updated).

    When the store holds at most half as many ties as the rows (a first import, say), the
    indexes are dropped and built again at the end, in the same transaction: sorting every
    entry once costs less than inserting them one by one. Into an empty table the rows
    cannot conflict, so they are inserted before the unique index exists.
    """
    stored = conn.execute(sql.COUNT_TIES).fetchone()[0]
    if len(rows) < BULK_TIES or 2 * stored > len(rows):
        return _upsert(conn, sql.UPSERT_TIE, sql.COUNT_TIES, rows, before=stored)
    conn.execute(sql.DROP_TIES_BY_TARGET)
    if stored:
        counts = _upsert(conn, sql.UPSERT_TIE, sql.COUNT_TIES, rows, before=stored)
    else:
        conn.execute(sql.DROP_TIES_BY_ENDS)
        conn.executemany(sql.INSERT_TIE, rows)
        conn.execute(sql.TIES_BY_ENDS)
        counts = (len(rows), 0)
    conn.execute(sql.TIES_BY_TARGET)
    return counts


def _actor_row(actor: Actor) -> tuple:
    """The ``UPSERT_ACTOR`` row of ``actor`` (absent values as that statement takes them)."""
    kind, city, lat, lon, joined = actor.kind, actor.city, actor.lat, actor.lon, actor.joined
    attributes = actor.attributes
    return (
        actor.id,
        actor.name,
        _SECTOR_VALUE[actor.sector],
        "[" + ",".join(map(encode_basestring, actor.territories)) + "]",  # as _json()
        0 if kind is None else kind,
        0 if city is None else city,
        "" if lat is None else float(lat),
        "" if lon is None else float(lon),
        0 if joined is None else joined.isoformat(),
        json.dumps(dict(attributes), ensure_ascii=False, sort_keys=True)
        if attributes
        else _NO_ATTRIBUTES,
    )


_TIE_FIELDS = attrgetter(
    "source", "target", "kind", "directed", "weight", "since", "until", "note", "ref", "activities"
)


def _tie_rows(ties: Iterable[Tie]) -> list[tuple]:
    """The ``UPSERT_TIE`` rows of ``ties``, one per identity (the last one given).

    An undirected tie is stored from its smaller end to its larger one (as
    ``Tie.identity`` orders them, spelt out inline for speed), so the first four
    columns are its identity. Absent dates and
    texts are 0, which ``UPSERT_TIE`` makes NULL.
    """
    rows = {}
    iso = IsoDates({None: 0})
    kinds = _KIND_VALUE
    for source, target, kind, directed, weight, since, until, note, ref, activities in map(
        _TIE_FIELDS, ties
    ):
        if directed:
            directed = 1
        else:
            directed = 0
            if target < source:
                source, target = target, source
        kind = kinds[kind]
        rows[source, target, kind, directed] = (
            source,
            target,
            kind,
            directed,
            float(weight),
            iso[since],
            iso[until],
            0 if note is None else note,
            0 if ref is None else ref,
            _json(list(activities)) if activities else _NO_ACTIVITIES,
        )
    return list(rows.values())


def _actor(row: Sequence) -> Actor:
    return Actor(
        id=row[0],
        name=row[1],
        sector=Sector(row[2]),
        territories=tuple(json.loads(row[3])),
        kind=row[4],
        city=row[5],
        lat=row[6],
        lon=row[7],
        joined=_day(row[8]),
        attributes=json.loads(row[9]),
    )


def _tie(row: Sequence) -> Tie:
    return Tie(
        source=row[0],
        target=row[1],
        kind=TieKind(row[2]),
        weight=row[3],
        since=_day(row[4]),
        until=_day(row[5]),
        directed=bool(row[6]),
        note=row[7],
        ref=row[8],
        activities=tuple(json.loads(row[9])),
    )


def _by_id(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple(sorted(actors, key=lambda actor: actor.id))


def _by_key(ties: Iterable[Tie]) -> tuple[Tie, ...]:
    return tuple(sorted(ties, key=lambda tie: tie.key))
