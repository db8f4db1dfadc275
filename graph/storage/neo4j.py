"""The Neo4j store: the official driver, managed transactions, ``UNWIND`` batches.

An upsert is one managed write transaction: it locks the ``:Meta`` node (one writer at a
time), checks references, writes only new and changed records in batches (a tie with an
end it has just created with ``CREATE``, the others with one ``MERGE`` pass that counts
them), and bumps the data version if anything changed. A write that the server loses
(crash, lost connection) is retried by the driver for ``transaction_retry_time`` seconds,
then reported; it is never half applied. Each read of
a territory is a single statement. Every statement lives in ``cypher.py``; values are
always parameters.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from json.encoder import encode_basestring
from typing import Any, TypeVar

from neo4j import Driver, GraphDatabase, ManagedTransaction, unit_of_work
from neo4j import exceptions as neo4j_errors

from ..errors import MaillageError, NotFound, StoreUnavailable
from ..model import (
    Activity,
    Actor,
    Dataset,
    ImportResult,
    Network,
    Sector,
    TerritorySummary,
    Tie,
    TieKind,
)
from . import cypher
from .base import GraphStore
from .common import (
    IsoDates,
    breadth_first_reach,
    check_hops,
    check_references,
    collector_paused,
)

META_ID = "maillage"
BATCH_SIZE = 10_000
REMEDY = (
    "start Neo4j (e.g. `python scripts/neo4j_server.py start` or `docker compose up -d neo4j`) "
    "and check the store URL and NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE"
)

T = TypeVar("T")


class Neo4jStore(GraphStore):
    """A ``GraphStore`` in a Neo4j 5 database.

    Parameters
    ----------
    url
        ``neo4j://host:7687`` or ``bolt://host:7687`` (``+s`` / ``+ssc`` variants too).
    user, password, database
        Credentials (no password: no authentication) and database name.
    connect_attempts
        Connection attempts, with back-off, before ``StoreUnavailable``.
    transaction_retry_time
        Seconds the driver keeps retrying a transaction after a transient failure or a lost
        connection before the error reaches the caller.
    batch_size
        Rows per ``UNWIND`` statement.
    """

    def __init__(
        self,
        url: str,
        *,
        user: str = "neo4j",
        password: str | None = None,
        database: str = "neo4j",
        connect_attempts: int = 3,
        transaction_retry_time: float = 15.0,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self.url = url
        self.database = database
        self.batch_size = batch_size
        auth = None if password is None else (user, password)
        try:
            self._driver: Driver = GraphDatabase.driver(
                url,
                auth=auth,
                connection_timeout=5.0,
                max_transaction_retry_time=transaction_retry_time,
                notifications_min_severity="OFF",
            )
        except (ValueError, neo4j_errors.ConfigurationError) as error:
            raise StoreUnavailable(
                f"invalid Neo4j URL {url!r} ({error}): write neo4j://host:7687 or bolt://host:7687"
            ) from None
        try:
            self._connect(connect_attempts)
        except BaseException:
            self._driver.close()
            raise

    @classmethod
    def from_url(cls, url: str, **options: Any) -> Neo4jStore:
        """Connect with the ``NEO4J_USERNAME`` / ``_PASSWORD`` / ``_DATABASE`` settings."""
        store = cls(
            url,
            user=os.environ.get("NEO4J_USERNAME") or "neo4j",
            password=os.environ.get("NEO4J_PASSWORD") or None,
            database=os.environ.get("NEO4J_DATABASE") or "neo4j",
            **options,
        )
        try:
            store.setup_schema()
        except BaseException:
            store.close()
            raise
        return store

    # ------------------------------------------------------------------ connection

    def _connect(self, attempts: int) -> None:
        delay = 0.25
        for attempt in range(1, attempts + 1):
            try:
                with self._errors():
                    self._driver.verify_connectivity()
                    with self._driver.session(database=self.database) as session:
                        session.run(cypher.PING).consume()
                return
            except ValueError as error:  # the driver's word for an address it cannot resolve
                raise StoreUnavailable(
                    f"invalid Neo4j URL {self.url!r} ({error}): write neo4j://host:7687 or "
                    "bolt://host:7687"
                ) from None
            except StoreUnavailable as error:
                retryable = isinstance(error.__cause__, neo4j_errors.ServiceUnavailable)
                if not retryable or attempt == attempts:
                    raise
            time.sleep(delay)
            delay *= 2

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn what a user can act on into ``StoreUnavailable``, naming the URL and remedy."""
        try:
            yield
        except neo4j_errors.AuthError:
            raise StoreUnavailable(
                f"Neo4j at {self.url} refused the credentials: set NEO4J_USERNAME and "
                "NEO4J_PASSWORD"
            ) from None
        except neo4j_errors.IncompleteCommit:
            raise StoreUnavailable(
                f"lost Neo4j at {self.url} while committing: the import may or may not have "
                "been saved; run it again (re-importing the same data is safe)"
            ) from None
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as error:
            reason = " ".join(str(error).split())
            unavailable = StoreUnavailable(f"cannot reach Neo4j at {self.url}: {REMEDY} ({reason})")
            raise unavailable from error
        except neo4j_errors.ClientError as error:
            if error.code == "Neo.ClientError.Database.DatabaseNotFound":
                raise StoreUnavailable(
                    f"Neo4j at {self.url} has no database {self.database!r}: set NEO4J_DATABASE"
                ) from None
            if isinstance(error, neo4j_errors.ConstraintError):
                raise MaillageError(
                    f"another import wrote the same records into Neo4j at {self.url} at the "
                    "same time; nothing was imported, retry"
                ) from None
            raise
        except neo4j_errors.TransientError as error:
            raise StoreUnavailable(
                f"Neo4j at {self.url} is busy or unavailable ({error.message}): retry"
            ) from None
        except neo4j_errors.DatabaseUnavailable as error:
            raise StoreUnavailable(
                f"the Neo4j database {self.database!r} at {self.url} is unavailable "
                f"({error.message}): {REMEDY}"
            ) from None

    def _write(self, work: Callable[[ManagedTransaction], T], operation: str) -> T:
        tagged = unit_of_work(metadata={"app": "maillage", "operation": operation})(work)
        with self._errors(), self._driver.session(database=self.database) as session:
            return session.execute_write(tagged)

    def _read(self, work: Callable[[ManagedTransaction], T]) -> T:
        with self._errors(), self._driver.session(database=self.database) as session:
            return session.execute_read(work)

    def close(self) -> None:
        self._driver.close()

    # ------------------------------------------------------------------ schema

    def setup_schema(self) -> None:
        found = self._read(lambda tx: tx.run(cypher.SCHEMA_OF_STORE, id=META_ID).single())
        if found and found["schema"] == cypher.SCHEMA_VERSION:
            return  # up to date: no schema lock to wait for while an import runs
        with self._errors(), self._driver.session(database=self.database) as session:
            for statement in cypher.SCHEMA:
                session.run(statement).consume()
            session.run(cypher.AWAIT_INDEXES, seconds=300).consume()
        self._write(
            lambda tx: tx.run(cypher.INIT_META, id=META_ID, schema=cypher.SCHEMA_VERSION).consume(),
            "setup_schema",
        )

    def data_version(self) -> str:
        return self._read(lambda tx: _version(tx.run(cypher.DATA_VERSION, id=META_ID)))

    def _wipe_for_tests(self) -> None:
        """Delete every node and relationship of the database (the tests' fresh store)."""
        with self._errors(), self._driver.session(database=self.database) as session:
            session.run(cypher.WIPE).consume()

    # ------------------------------------------------------------------ writes

    def upsert(self, dataset: Dataset) -> ImportResult:
        with collector_paused():
            return self._upsert_dataset(dataset)

    def _upsert_dataset(self, dataset: Dataset) -> ImportResult:
        actors = {actor.id: actor for actor in dataset.actors}
        ties = _unique_ties(dataset.ties)
        activities = {activity.id: activity for activity in dataset.activities}
        participations = [
            {"actor": p.actor, "activity": p.activity}
            for p in dict.fromkeys(dataset.participations)
        ]

        def work(tx: ManagedTransaction) -> ImportResult:
            tx.run(cypher.LOCK_META, id=META_ID).consume()
            nodes: dict[str, int] = {}  # actor id -> node id, for every actor a tie names
            check_references(
                dataset,
                lambda ids: self._find_actors(tx, ids, nodes),
                lambda ids: tx.run(cypher.UNKNOWN_ACTIVITIES, ids=ids).value("id"),
            )
            territories, territories_added = self._write_territories(
                tx, sorted(dataset.territories)
            )
            actors_added, actors_updated, new_actors = self._write_actors(
                tx, actors, territories, nodes
            )
            ties_added, ties_updated = self._write_ties(tx, ties, nodes, new_actors)
            activities_added, activities_written = self._write_activities(tx, activities)
            participations_added = sum(
                tx.run(cypher.ADD_PARTICIPATIONS, rows=batch).single()[0]
                for batch in _batches(participations, self.batch_size)
            )
            written = (actors_added, actors_updated, ties_added, ties_updated)
            changed = any((*written, activities_written, participations_added))
            query = cypher.BUMP_DATA_VERSION if changed else cypher.DATA_VERSION
            return ImportResult(
                actors_added=actors_added,
                actors_updated=actors_updated,
                ties_added=ties_added,
                ties_updated=ties_updated,
                activities_added=activities_added,
                territories_added=territories_added,
                data_version=_version(tx.run(query, id=META_ID)),
            )

        return self._write(work, "upsert")

    def _run_batches(self, tx: ManagedTransaction, statement: str, rows: list) -> None:
        for batch in _batches(rows, self.batch_size):
            tx.run(statement, rows=batch).consume()

    def _find_actors(
        self, tx: ManagedTransaction, ids: list[str], nodes: dict[str, int]
    ) -> list[str]:
        """Note the node of each stored actor of ``ids`` in ``nodes``; return the unknown ids."""
        unknown = []
        for batch in _batches(ids, self.batch_size):
            for actor_id, node in tx.run(cypher.ACTOR_NODES, ids=batch).single()[0]:
                if node is None:
                    unknown.append(actor_id)
                else:
                    nodes[actor_id] = node
        return unknown

    def _write_territories(
        self, tx: ManagedTransaction, names: list[str]
    ) -> tuple[dict[str, int], int]:
        """Create the missing territories; their nodes by name, and how many were missing."""
        territories = dict(tx.run(cypher.TERRITORY_NODES, names=names).single()[0])
        missing = [name for name in names if name not in territories]
        if missing:
            territories.update(tx.run(cypher.CREATE_TERRITORIES, names=missing).single()[0])
        return territories, len(missing)

    def _write_actors(
        self,
        tx: ManagedTransaction,
        actors: Mapping[str, Actor],
        territories: Mapping[str, int],
        nodes: dict[str, int],
    ) -> tuple[int, int, set[str]]:
        """Create new actors, update changed ones, note every node in ``nodes``.

        Returns (added, updated, the ids of the added actors). The writer holds the Meta
        lock: nobody else creates or deletes actors meanwhile, so an actor not found here
        is created without a ``MERGE``.
        """
        stored = {}
        for ids in _batches(list(actors), self.batch_size):
            for actor_id, node, digest, names in tx.run(cypher.STORED_ACTORS, ids=ids).single()[0]:
                stored[actor_id] = (node, digest, names)
                nodes[actor_id] = node
        new_rows, changed_rows, moved = [], [], []
        for actor in actors.values():
            row = _actor_row(actor)
            found = stored.get(actor.id)
            if found is None:
                new_rows.append(row)
                continue
            node, digest, names = found
            if digest != row[-1] or names != row[3]:
                changed_rows.append([node, *row])
                if names != row[3]:
                    moved.append(actor)
        for batch in _batches(new_rows, self.batch_size):
            nodes.update(tx.run(cypher.CREATE_ACTORS, rows=batch).single()[0])
        self._run_batches(tx, cypher.UPDATE_ACTORS, changed_rows)
        if moved:
            self._run_batches(tx, cypher.UNLINK_TERRITORIES, [nodes[a.id] for a in moved])
        added = {row[0] for row in new_rows}
        links = [
            [nodes[actor.id], territories[name]]
            for actor in (*(actors[actor_id] for actor_id in added), *moved)
            for name in dict.fromkeys(actor.territories)
        ]
        self._run_batches(tx, cypher.LINK_TERRITORIES, links)
        if moved:
            tx.run(cypher.DELETE_EMPTY_TERRITORIES).consume()
        return len(new_rows), len(changed_rows), added

    def _write_ties(
        self,
        tx: ManagedTransaction,
        ties: list[tuple[Tie, tuple[str, str, str]]],
        nodes: Mapping[str, int],
        new_actors: set[str],
    ) -> tuple[int, int]:
        """Create new ties, update changed ones; return (added, updated).

        A tie with an end created by this import is new: it is created without looking
        for it (the Meta lock keeps other writers out). The others may exist already and
        go through ``MERGE_TIES``. Each batch's rows are built while the server still
        works on the previous batch (``run`` returns once the statement has started).
        """
        surely_new, maybe_stored = [], []
        for pair in ties:
            _, source, target = pair[1]
            (surely_new if source in new_actors or target in new_actors else maybe_stored).append(
                pair
            )
        days = IsoDates({None: None})
        created = [
            (len(batch), tx.run(cypher.CREATE_TIES, rows=_tie_rows(batch, nodes, days)))
            for batch in _batches(surely_new, self.batch_size)
        ]
        merged = [
            tx.run(cypher.MERGE_TIES, rows=_tie_rows(batch, nodes, days))
            for batch in _batches(maybe_stored, self.batch_size)
        ]
        for expected, result in created:
            if result.single()["created"] != expected:
                raise MaillageError(
                    f"an actor disappeared from Neo4j at {self.url} during the import; "
                    "nothing was imported, retry"
                )
        counts = [result.single() for result in merged]
        added = len(surely_new) + sum(c["added"] for c in counts)
        return added, sum(c["updated"] for c in counts)

    def _write_activities(
        self, tx: ManagedTransaction, activities: Mapping[str, Activity]
    ) -> tuple[int, int]:
        """Write new and changed activities; return (added, added or changed)."""
        stored = {}
        for ids in _batches(list(activities), self.batch_size):
            for record in tx.run(cypher.STORED_ACTIVITIES, ids=ids):
                stored[record["id"]] = (record["name"], _native(record["date"]))
        rows = [
            {"id": a.id, "name": a.name, "date": a.date}
            for a in activities.values()
            if stored.get(a.id) != (a.name, a.date)
        ]
        self._run_batches(tx, cypher.WRITE_ACTIVITIES, rows)
        return len(activities.keys() - stored.keys()), len(rows)

    def delete_territory(self, territory: str) -> None:
        def work(tx: ManagedTransaction) -> None:
            tx.run(cypher.LOCK_META, id=META_ID).consume()
            members = tx.run(cypher.TERRITORY_MEMBER_LISTS, territory=territory).data()
            if not members:
                raise NotFound(f"no territory named {territory!r}")
            leaving, staying = [], []
            for member in members:
                if member["id"] is None:
                    continue
                remaining = [name for name in member["territories"] if name != territory]
                if remaining:
                    staying.append({"id": member["id"], "territories": remaining})
                else:
                    leaving.append(member["id"])
            self._run_batches(tx, cypher.SET_ACTOR_TERRITORIES, staying)
            tx.run(cypher.DELETE_TERRITORY, territory=territory).consume()
            for ids in _batches(leaving, self.batch_size):
                tx.run(cypher.DELETE_ACTORS, ids=ids).consume()
            tx.run(cypher.BUMP_DATA_VERSION, id=META_ID).consume()

        self._write(work, "delete_territory")

    # ------------------------------------------------------------------ reads

    def territories(self) -> list[TerritorySummary]:
        records = self._read(lambda tx: tx.run(cypher.TERRITORIES).data())
        summaries = (TerritorySummary(r["name"], r["actors"], r["ties"]) for r in records)
        return sorted(summaries, key=lambda summary: summary.name)

    def network(self, territory: str, *, as_of: date | None = None) -> Network:
        record = self._read(
            lambda tx: tx.run(cypher.NETWORK, territory=territory, as_of=as_of).single()
        )
        if record is None:
            raise NotFound(f"no territory named {territory!r}")
        return Network(
            territory=territory,
            actors=_by_id(map(_actor, record["members"])),
            ties=_by_key(map(_tie, record["ties"])),
            outside=_by_id(map(_actor, record["outside"])),
            as_of=as_of,
        )

    def actor(self, actor_id: str) -> Actor | None:
        record = self._read(lambda tx: tx.run(cypher.ACTOR, id=actor_id).single())
        return None if record is None else _actor(record["actor"])

    def actor_ids(self) -> frozenset[str]:
        return frozenset(self._read(lambda tx: tx.run(cypher.ACTOR_IDS).value("id")))

    def neighbourhood(self, actor_id: str, hops: int = 1, *, as_of: date | None = None) -> Network:
        hops = check_hops(hops)

        def work(tx: ManagedTransaction) -> tuple[dict, list, list]:
            centre = tx.run(cypher.ACTOR, id=actor_id).single()
            if centre is None:
                raise NotFound(f"no actor with id {actor_id!r}")

            def neighbours(frontier: Sequence[str]) -> list[tuple[str, str]]:
                result = tx.run(cypher.NEIGHBOURS, ids=list(frontier), as_of=as_of)
                return [(record["here"], record["there"]) for record in result]

            ids = sorted(breadth_first_reach(actor_id, hops, neighbours))
            others = tx.run(cypher.JOINED_ACTORS, ids=ids, as_of=as_of).value("actor")
            ties = tx.run(cypher.TIES_AMONG, ids=ids, as_of=as_of).value("tie")
            return centre["actor"], others, ties

        centre, others, ties = self._read(work)
        actors = {actor.id: actor for actor in map(_actor, others)}
        actors[actor_id] = _actor(centre)
        return Network(
            territory="", actors=_by_id(actors.values()), ties=_by_key(map(_tie, ties)), as_of=as_of
        )

    def shortest_path(
        self, source_id: str, target_id: str, *, as_of: date | None = None
    ) -> list[str] | None:
        ends = sorted({source_id, target_id})

        def work(tx: ManagedTransaction) -> list[str] | None:
            known = {a["id"] for a in tx.run(cypher.JOINED_ACTORS, ids=ends, as_of=None).value()}
            for actor_id in (source_id, target_id):
                if actor_id not in known:
                    raise NotFound(f"no actor with id {actor_id!r}")
            if as_of is not None:
                present = tx.run(cypher.JOINED_ACTORS, ids=ends, as_of=as_of).value()
                if len(present) < len(ends):
                    return None
            if source_id == target_id:
                return [source_id]
            if as_of is None:
                record = tx.run(cypher.SHORTEST_PATH, source=source_id, target=target_id).single()
            else:
                record = tx.run(
                    cypher.SHORTEST_PATH_AS_OF, source=source_id, target=target_id, as_of=as_of
                ).single()
            return None if record is None else list(record["ids"])

        return self._read(work)


# ---------------------------------------------------------------------- rows <-> model


class _Rows(list):
    """A batch of statement parameters, short to ``repr``.

    The driver formats every statement's parameters for its debug log even while that log
    is off: for a batch of 10,000 rows, a tenth of a second of an import's time.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


def _batches(rows: list[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(rows), size):
        yield _Rows(rows[start : start + size])


def _text(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def _digest(text: str) -> int:
    """A 64-bit fingerprint of an unambiguous text of the fields an upsert may change.

    An integer property is stored inline, unlike a string: cheaper to write and compare.
    """
    digest = hashlib.blake2b(text.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)


_SECTOR_VALUE = {sector: sector.value for sector in Sector}
_KIND_VALUE = {kind: kind.value for kind in TieKind}


def _actor_row(actor: Actor) -> list:
    """The ``CREATE_ACTORS`` row of ``actor``: [id, name, sector, territories, ..., digest]."""
    attributes = actor.attributes
    attributes_json = (
        json.dumps(dict(attributes), ensure_ascii=False, sort_keys=True) if attributes else "{}"
    )
    sector = _SECTOR_VALUE[actor.sector]
    lat, lon = _float(actor.lat), _float(actor.lon)
    joined = None if actor.joined is None else actor.joined.isoformat()
    digest = _digest(
        "\x1f".join(
            (
                _text(actor.name),
                _text(sector),
                _text(actor.kind),
                _text(actor.city),
                repr(lat),
                repr(lon),
                joined or "null",
                attributes_json,
            )
        )
    )
    return [
        actor.id,
        actor.name,
        sector,
        list(actor.territories),
        actor.kind,
        actor.city,
        lat,
        lon,
        joined,
        attributes_json,
        digest,
    ]


def _unique_ties(ties: Iterable[Tie]) -> list[tuple[Tie, tuple[str, str, str]]]:
    """Each tie with its ``(key, source, target)`` as stored; of several with one key, the last.

    The ends are those of :attr:`Tie.identity`: an undirected tie is stored from its
    smaller end to its larger one, so a re-import naming them the other way round
    is the same tie.
    """
    unique = {}
    for tie in ties:
        _, _, source, target = tie.identity
        key = tie.key
        unique[key] = (tie, (key, source, target))
    return list(unique.values())


def _tie_rows(
    pairs: Iterable[tuple[Tie, tuple[str, str, str]]], nodes: Mapping[str, int], days: IsoDates
) -> list[list]:
    """The ``CREATE_TIES`` / ``MERGE_TIES`` rows: [key, source node, target node, kind, ...].

    Dates travel as ISO text (the driver packs a ``date`` through a Python hook, ten times
    slower than a string) and an undirected tie's ``directed`` as null (not stored).
    """
    iso = days.__getitem__
    kinds = _KIND_VALUE
    return _Rows(
        [
            [
                key,
                nodes[source],
                nodes[target],
                kinds[tie.kind],
                float(tie.weight),
                iso(tie.since),
                iso(tie.until),
                tie.note,
                tie.ref,
                list(tie.activities) if tie.activities else None,
                True if tie.directed else None,
            ]
            for tie, (key, source, target) in pairs
        ]
    )


def _native(value: Any) -> Any:
    """A Python ``date`` for a Neo4j ``DATE`` (and None for None)."""
    return None if value is None else value.to_native()


def _version(result: Any) -> str:
    record = result.single()
    if record is None:
        raise StoreUnavailable(
            "the Neo4j database has no Maillage metadata node: run the import again "
            "(it sets the schema up)"
        )
    return record["version"]


def _actor(props: Mapping[str, Any]) -> Actor:
    return Actor(
        id=props["id"],
        name=props["name"],
        sector=Sector(props["sector"]),
        territories=tuple(props.get("territories") or ()),
        kind=props.get("kind"),
        city=props.get("city"),
        lat=props.get("lat"),
        lon=props.get("lon"),
        joined=_native(props.get("joined")),
        attributes=json.loads(props.get("attributes_json") or "{}"),
    )


def _tie(props: Mapping[str, Any]) -> Tie:
    return Tie(
        source=props["source"],
        target=props["target"],
        kind=TieKind(props["kind"]),
        weight=props["weight"],
        since=_native(props.get("since")),
        until=_native(props.get("until")),
        directed=bool(props.get("directed")),
        note=props.get("note"),
        ref=props.get("ref"),
        activities=tuple(props.get("activities") or ()),
    )


def _by_id(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple(sorted(actors, key=lambda actor: actor.id))


def _by_key(ties: Iterable[Tie]) -> tuple[Tie, ...]:
    return tuple(sorted(ties, key=lambda tie: tie.key))
