"""The Neo4j store: the official driver, managed transactions, ``UNWIND`` batches.

An upsert is one managed write transaction: it locks the ``:Meta`` node (one writer at a
time), checks references, reads the stored records the import names (a tie with an end
it creates cannot be stored: it is not looked for), plans the import
(``graph.changes.plan_import``), writes only new and changed records in batches
(``neo4j_writes.Writer``), records the revision and bumps the data version if anything
changed. A write that the server loses
(crash, lost connection) is retried by the driver for ``transaction_retry_time`` seconds,
then reported; it is never half applied. Each read of
a territory is a single statement. Every statement lives in ``cypher.py``; values are
always parameters.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any, TypeVar

from neo4j import Driver, GraphDatabase, ManagedTransaction, unit_of_work
from neo4j import exceptions as neo4j_errors

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
from ..errors import ConcurrentChange, MaillageError, NotFound, StoreUnavailable
from ..introductions import Introduction
from ..model import Actor, Dataset, ImportResult, Network, Participation, TerritorySummary
from ..problem_text import MOVED_MEANWHILE, NO_ACTOR_WITH_ID, NO_INTRODUCTION, NO_TERRITORY, render
from ..revision_text import undo_description
from ..saved_views import SavedView
from ..store_text import (
    NEO4J_BUSY,
    NEO4J_CREDENTIALS,
    NEO4J_DATABASE_UNAVAILABLE,
    NEO4J_LOST_COMMIT,
    NEO4J_NO_DATABASE,
    NEO4J_SAME_RECORDS,
    NEO4J_UNREACHABLE,
    NEO4J_URL_INVALID,
)
from . import cypher, follow_up, view_documents
from .base import GraphStore
from .bulk import collector_paused
from .import_checks import check_references
from .neo4j_activities import ActivityReads
from .neo4j_records import actor_from, by_id, by_key, tie_from, version
from .neo4j_writes import META_ID, Writer, revision_rows
from .revisions import BeforeImage, edit_territories, to_revert
from .traversal import breadth_first_reach, check_hops

BATCH_SIZE = 10_000

T = TypeVar("T")


class Neo4jStore(ActivityReads, GraphStore):
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
                notifications_min_severity="WARNING",
            )
        except (ValueError, neo4j_errors.ConfigurationError) as error:
            raise StoreUnavailable(render(NEO4J_URL_INVALID, url=repr(url), reason=error)) from None
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
                    render(NEO4J_URL_INVALID, url=repr(self.url), reason=error)
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
            raise StoreUnavailable(render(NEO4J_CREDENTIALS, url=self.url)) from None
        except neo4j_errors.IncompleteCommit:
            raise StoreUnavailable(render(NEO4J_LOST_COMMIT, url=self.url)) from None
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as error:
            reason = " ".join(str(error).split())
            unavailable = StoreUnavailable(render(NEO4J_UNREACHABLE, url=self.url, reason=reason))
            raise unavailable from error
        except neo4j_errors.ClientError as error:
            if error.code == "Neo.ClientError.Database.DatabaseNotFound":
                raise StoreUnavailable(
                    render(NEO4J_NO_DATABASE, url=self.url, database=repr(self.database))
                ) from None
            if isinstance(error, neo4j_errors.ConstraintError):
                raise MaillageError(render(NEO4J_SAME_RECORDS, url=self.url)) from None
            raise
        except neo4j_errors.TransientError as error:
            raise StoreUnavailable(render(NEO4J_BUSY, url=self.url, reason=error.message)) from None
        except neo4j_errors.DatabaseUnavailable as error:
            raise StoreUnavailable(
                render(
                    NEO4J_DATABASE_UNAVAILABLE,
                    database=repr(self.database),
                    url=self.url,
                    reason=error.message,
                )
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
        return self._read(lambda tx: version(tx.run(cypher.DATA_VERSION, id=META_ID)))

    def _wipe_for_tests(self) -> None:
        """Delete every node and relationship of the database (the tests' fresh store)."""
        with self._errors(), self._driver.session(database=self.database) as session:
            session.run(cypher.WIPE).consume()

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
        def work(tx: ManagedTransaction) -> ImportResult:
            tx.run(cypher.LOCK_META, id=META_ID).consume()
            writer = Writer(tx, self.batch_size, self.url)
            check_references(
                dataset,
                writer.find_actors,
                lambda ids: tx.run(cypher.UNKNOWN_ACTIVITIES, ids=ids).value("id"),
            )
            plan, stored, stored_ties = self._plan(
                writer, dataset, replace, merge, local_ids, files
            )
            if plan.collisions:
                raise ImportCollision(plan.collisions)
            revision = None
            if plan.changed:
                revision = writer.next_revision()
                before = BeforeImage()
                for actor in plan.actors_updated:
                    before.note_actor(actor.id, stored[actor.id][:2])
                for tie in plan.ties_updated:
                    before.note_tie(tie.identity, stored_ties[tie.key][:2])
                activities = writer.stored_activities([a.id for a in plan.activities_updated])
                for activity_id, image in activities.items():
                    before.note_activity(activity_id, image)
                edit = planned_records(plan)
                writer.write_actors([(a, revision) for a in edit.actors], stored)
                writer.write_ties([(t, revision) for t in edit.ties], stored_ties)
                writer.write_activities([(a, revision) for a in edit.activities])
                updated_pairs = [(p.actor, p.activity) for p in plan.participations_updated]
                for pair, stored_pair in writer.stored_participations(updated_pairs).items():
                    before.note_participation(pair, stored_pair)
                writer.write_participations(
                    [(p.actor, p.activity, p.attributes, revision) for p in edit.participations]
                )
                if plan.leaves:
                    tx.run(cypher.DELETE_EMPTY_TERRITORIES).consume()
                data_version = writer.record_revision(
                    revision,
                    IMPORT,
                    user,
                    describe_import(plan, files),
                    edit_territories(edit, before),
                    before,
                    files,
                )
            else:
                data_version = version(tx.run(cypher.DATA_VERSION, id=META_ID))
            return _result(plan, data_version, revision)

        with collector_paused():
            return self._write(work, "upsert")

    def plan(
        self,
        dataset: Dataset,
        *,
        replace: bool = False,
        merge: bool = False,
        local_ids: bool = False,
        files: Sequence[FileDigest] = (),
    ) -> ImportPlan:
        def work(tx: ManagedTransaction) -> ImportPlan:
            writer = Writer(tx, self.batch_size, self.url)
            return self._plan(writer, dataset, replace, merge, local_ids, files)[0]

        return self._read(work)

    def _plan(
        self,
        writer: Writer,
        dataset: Dataset,
        replace: bool,
        merge: bool,
        local_ids: bool,
        files: Sequence[FileDigest],
    ) -> tuple[ImportPlan, dict, dict]:
        """The plan, with the stored actors and ties it compared (and their nodes)."""
        ids = list(dict.fromkeys(actor.id for actor in dataset.actors))
        stored = writer.stored_actors(ids)
        new = set(ids) - stored.keys()
        keys = [tie.key for tie in dataset.ties if tie.source not in new and tie.target not in new]
        stored_ties = writer.stored_ties(list(dict.fromkeys(keys))) if keys else {}
        activities = writer.stored_activities(list({a.id for a in dataset.activities}))
        pairs = list(dict.fromkeys((p.actor, p.activity) for p in dataset.participations))
        participations = writer.stored_participations(pairs)
        existing = Dataset(
            actors=tuple(actor for actor, _, _ in stored.values()),
            ties=tuple(tie for tie, _, _ in stored_ties.values()),
            activities=tuple(activity for activity, _ in activities.values()),
            participations=tuple(
                Participation(*pair, image[0]) for pair, image in participations.items()
            ),
        )
        stamps = {actor_id: found[1] for actor_id, found in stored.items()}
        by_revision = writer.origins(stamps.values())
        plan = plan_import(
            existing,
            dataset,
            replace=replace,
            merge=merge,
            local_ids=local_ids,
            territories=writer.territory_names(),
            origins={i: by_revision.get(s, ()) if s is not None else () for i, s in stamps.items()},
            files=[f.name for f in files],
        )
        return plan, stored, stored_ties

    def write(self, edit: Edit, *, user: str = "", description: str = "") -> Revision | None:
        def work(tx: ManagedTransaction) -> int | None:
            tx.run(cypher.LOCK_META, id=META_ID).consume()
            return _write_edit(Writer(tx, self.batch_size, self.url), edit, EDIT, user, description)

        with collector_paused():
            revision = self._write(work, "write")
        if revision is None:
            return None
        return next(r for r in self.revisions() if r.id == revision)

    def revisions(self, territory: str | None = None) -> list[Revision]:
        found = [row.revision() for row in self._read(revision_rows)]
        if territory is not None:
            found = [r for r in found if territory in r.territories]
        return found

    def undo(self, revision: int | None = None, *, user: str = "") -> Revision:
        def work(tx: ManagedTransaction) -> int:
            tx.run(cypher.LOCK_META, id=META_ID).consume()
            writer = Writer(tx, self.batch_size, self.url)
            try:
                targets = to_revert(writer.revision_rows(), revision)
            except LookupError as error:
                raise NotFound(str(error)) from None
            undo = writer.next_revision()
            before = BeforeImage()
            for target in targets:
                writer.revert(target, before)
                tx.run(cypher.MARK_UNDONE, revision=target.id, undo=undo).consume()
            ids = [target.id for target in targets]
            description = undo_description(ids)
            territories = set().union(*(t.revision().territories for t in targets))
            writer.record_revision(undo, UNDO, user, description, territories, before, undoes=ids)
            return undo

        with collector_paused():
            undo = self._write(work, "undo")
        return next(r for r in self.revisions() if r.id == undo)

    # ------------------------------------------------------------------ introductions

    def add_introduction(self, introduction: Introduction) -> Introduction:
        def work(tx: ManagedTransaction) -> Introduction:
            record = tx.run(
                cypher.ADD_INTRODUCTION,
                meta=META_ID,
                territory=introduction.territory,
                steps=len(introduction.history),
                document=follow_up.document_text(introduction),
            ).single()
            stored = follow_up.with_id(introduction, record["id"])
            tx.run(
                cypher.SET_INTRODUCTION_DOCUMENT,
                id=stored.id,
                document=follow_up.document_text(stored),
            ).consume()
            return stored

        return self._write(work, "add_introduction")

    def save_introduction(self, introduction: Introduction, *, steps_before: int) -> None:
        def work(tx: ManagedTransaction) -> bool | None:
            saved = tx.run(
                cypher.SAVE_INTRODUCTION,
                id=introduction.id,
                steps_before=steps_before,
                steps=len(introduction.history),
                document=follow_up.document_text(introduction),
            ).single()
            if saved is not None:
                return True
            return None if tx.run(cypher.INTRODUCTION, id=introduction.id).single() else False

        outcome = self._write(work, "save_introduction")
        if outcome is False:
            raise NotFound(render(NO_INTRODUCTION, id=repr(introduction.id)))
        if outcome is None:
            raise ConcurrentChange(render(MOVED_MEANWHILE, id=introduction.id))

    def introduction(self, introduction_id: str) -> Introduction | None:
        record = self._read(lambda tx: tx.run(cypher.INTRODUCTION, id=introduction_id).single())
        return None if record is None else follow_up.from_text(record["document"])

    def introductions(self, territory: str | None = None) -> list[Introduction]:
        def work(tx: ManagedTransaction) -> list[str]:
            return [r["document"] for r in tx.run(cypher.INTRODUCTIONS, territory=territory)]

        return [follow_up.from_text(text) for text in self._read(work)]

    # ------------------------------------------------------------------ saved views

    def save_view(self, view: SavedView) -> bool:
        def work(tx: ManagedTransaction) -> bool:
            return tx.run(
                cypher.SAVE_VIEW,
                key=view_documents.key(view.territory, view.name),
                territory=view.territory,
                name=view.name,
                document=view_documents.document_text(view),
            ).single()["replaced"]

        return bool(self._write(work, "save_view"))

    def saved_views(self, territory: str) -> list[SavedView]:
        def work(tx: ManagedTransaction) -> list[str]:
            return [r["document"] for r in tx.run(cypher.SAVED_VIEWS, territory=territory)]

        return view_documents.by_name(self._read(work))

    def delete_view(self, territory: str, name: str) -> bool:
        def work(tx: ManagedTransaction) -> int:
            key = view_documents.key(territory, name)
            return tx.run(cypher.DELETE_VIEW, key=key).single()["deleted"]

        return self._write(work, "delete_view") > 0

    def delete_territory(self, territory: str, *, user: str = "") -> None:
        def work(tx: ManagedTransaction) -> None:
            tx.run(cypher.LOCK_META, id=META_ID).consume()
            if tx.run(cypher.TERRITORY_EXISTS, territory=territory).single() is None:
                raise NotFound(render(NO_TERRITORY, territory=repr(territory)))
            leaving, staying = [], []
            for props in tx.run(cypher.MEMBERS_OF, territory=territory).value("actor"):
                actor = actor_from(props)
                remaining = tuple(name for name in actor.territories if name != territory)
                if remaining:
                    staying.append(dataclasses.replace(actor, territories=remaining))
                else:
                    leaving.append(actor.id)
            edit = Edit(actors=tuple(staying), removed_actors=tuple(leaving))
            writer = Writer(tx, self.batch_size, self.url)
            _write_edit(writer, edit, DELETE, user, f"delete territory {territory}")

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
            raise NotFound(render(NO_TERRITORY, territory=repr(territory)))
        return Network(
            territory=territory,
            actors=by_id(map(actor_from, record["members"])),
            ties=by_key(map(tie_from, record["ties"])),
            outside=by_id(map(actor_from, record["outside"])),
            as_of=as_of,
        )

    def actor(self, actor_id: str) -> Actor | None:
        record = self._read(lambda tx: tx.run(cypher.ACTOR, id=actor_id).single())
        return None if record is None else actor_from(record["actor"])

    def actor_ids(self) -> frozenset[str]:
        return frozenset(self._read(lambda tx: tx.run(cypher.ACTOR_IDS).value("id")))

    def neighbourhood(self, actor_id: str, hops: int = 1, *, as_of: date | None = None) -> Network:
        hops = check_hops(hops)

        def work(tx: ManagedTransaction) -> tuple[dict, list, list]:
            centre = tx.run(cypher.ACTOR, id=actor_id).single()
            if centre is None:
                raise NotFound(render(NO_ACTOR_WITH_ID, actor=repr(actor_id)))

            def neighbours(frontier: Sequence[str]) -> list[tuple[str, str]]:
                result = tx.run(cypher.NEIGHBOURS, ids=list(frontier), as_of=as_of)
                return [(record["here"], record["there"]) for record in result]

            ids = sorted(breadth_first_reach(actor_id, hops, neighbours))
            others = tx.run(cypher.JOINED_ACTORS, ids=ids, as_of=as_of).value("actor")
            ties = tx.run(cypher.TIES_AMONG, ids=ids, as_of=as_of).value("tie")
            return centre["actor"], others, ties

        centre, others, ties = self._read(work)
        actors = {actor.id: actor for actor in map(actor_from, others)}
        actors[actor_id] = actor_from(centre)
        return Network(
            territory="",
            actors=by_id(actors.values()),
            ties=by_key(map(tie_from, ties)),
            as_of=as_of,
        )

    def shortest_path(
        self, source_id: str, target_id: str, *, as_of: date | None = None
    ) -> list[str] | None:
        ends = sorted({source_id, target_id})

        def work(tx: ManagedTransaction) -> list[str] | None:
            known = {a["id"] for a in tx.run(cypher.JOINED_ACTORS, ids=ends, as_of=None).value()}
            for actor_id in (source_id, target_id):
                if actor_id not in known:
                    raise NotFound(render(NO_ACTOR_WITH_ID, actor=repr(actor_id)))
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


# ---------------------------------------------------------------------- helpers


def _write_edit(writer: Writer, edit: Edit, action: str, user: str, description: str):
    """Write ``edit`` as one revision; None (nothing recorded) if it changed nothing."""
    revision = writer.next_revision()
    before = BeforeImage()
    if not writer.apply_edit(edit, revision, before):
        return None
    territories = edit_territories(edit, before)
    writer.record_revision(revision, action, user, description, territories, before)
    return revision


def _result(plan: ImportPlan, data_version: str, revision: int | None) -> ImportResult:
    counts = plan.counts()
    return ImportResult(
        actors_added=counts["actors_added"],
        actors_updated=counts["actors_updated"],
        ties_added=counts["ties_added"],
        ties_updated=counts["ties_updated"],
        activities_added=counts["activities_added"],
        territories_added=counts["territories_added"],
        data_version=data_version,
        revision=revision,
        plan=plan,
    )
