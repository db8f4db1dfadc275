"""The graph-store contract that the Neo4j and the embedded SQLite stores fulfil.

The contract test suite (``tests/storage/``) runs, unchanged, against both.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import date
from types import TracebackType

from ..changes import Edit, FileDigest, ImportPlan, Revision
from ..introductions import Introduction
from ..model import (
    Activity,
    ActivityRecord,
    Actor,
    Dataset,
    ImportResult,
    Network,
    TerritorySummary,
)
from ..saved_views import SavedView


class GraphStore(ABC):
    """Where actors, ties, activities and territories live.

    Every write is atomic: an upsert that fails for any reason leaves the
    store as it was, and a concurrent reader sees either all of it or none.
    Values are always passed as parameters, never spliced into query text.
    """

    url: str

    @abstractmethod
    def setup_schema(self) -> None:
        """Create constraints, indexes or tables if missing (idempotent)."""

    @abstractmethod
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
        """Insert or update everything in ``dataset`` in one transaction: one revision.

        Actors are matched by id, ties by ``Tie.identity``, activities by id, and the
        records are compared as ``graph.changes.plan_import`` says: an actor's territories
        and attributes accumulate (``replace``: the dataset's values replace the stored
        ones), an id naming another stored actor raises ``ImportCollision`` (unless
        ``merge``; ``local_ids``: the ids are local to a GEXF/GraphML file) and nothing is
        written. An undirected tie is stored (and read back) from its smaller end id to
        its larger one. Re-importing the same data changes nothing (no revision, the data
        version stays). A tie or participation naming an actor (or a participation naming
        an activity) that is neither in ``dataset`` nor in the store raises
        ``ValidationError`` (problems located at ``<store>``) and nothing is written.

        The result counts what changed, holds the plan (``ImportResult.plan``) and the id
        of the revision made (``user`` and ``files`` are recorded in it).
        """

    @abstractmethod
    def plan(
        self,
        dataset: Dataset,
        *,
        replace: bool = False,
        merge: bool = False,
        local_ids: bool = False,
        files: Sequence[FileDigest] = (),
    ) -> ImportPlan:
        """What ``upsert`` with the same arguments would change, writing nothing.

        Collisions are listed in the plan, not raised.
        """

    @abstractmethod
    def write(self, edit: Edit, *, user: str = "", description: str = "") -> Revision | None:
        """Write ``edit`` (records as given, removals) in one transaction, as one revision.

        Returns the revision, or None when the edit changed nothing (nothing recorded).
        Removing an actor removes its ties and participations; territories follow their
        actors (created when one joins, gone when the last one leaves).
        """

    @abstractmethod
    def revisions(self, territory: str | None = None) -> list[Revision]:
        """Every revision, oldest first; with ``territory``, those that touched it."""

    @abstractmethod
    def undo(self, revision: int | None = None, *, user: str = "") -> Revision:
        """Restore exactly the state before ``revision`` (default: the latest standing one).

        Every standing revision after it is reverted too, latest first. The undo is a
        revision itself (which can be undone); ``NotFound`` if ``revision`` does not exist
        or is already undone, or if there is nothing to undo.
        """

    @abstractmethod
    def territories(self) -> list[TerritorySummary]:
        """Every territory with its actor count and the count of ties touching it, by name.

        A tie counts once, also when both its ends are in the territory.
        """

    @abstractmethod
    def network(self, territory: str, *, as_of: date | None = None) -> Network:
        """The territory's actors and every tie touching them (``NotFound`` if unknown).

        With ``as_of``, only the actors that had joined by then (``Actor.active_on``)
        and the ties active on that day whose both ends had joined. Actors are
        sorted by id, ties by key.
        """

    @abstractmethod
    def actor(self, actor_id: str) -> Actor | None:
        """One actor by id, or None."""

    @abstractmethod
    def actor_ids(self) -> frozenset[str]:
        """The id of every stored actor (an import checks the actors its ties name)."""

    @abstractmethod
    def activity_record(self, activity_id: str, actor_id: str) -> ActivityRecord | None:
        """The stored activity ``activity_id`` as ``actor_id`` joining it needs it, or None.

        Its participations (sorted by actor, attributes included) and the stored ``event``
        ties between ``actor_id`` and each of its other participants (sorted by key), read
        in one snapshot. ``actor_id`` need not take part, nor be stored.
        """

    @abstractmethod
    def activities(self, territory: str) -> list[Activity]:
        """The activities with at least one participant in ``territory``, by id.

        An unknown territory has none.
        """

    @abstractmethod
    def neighbourhood(self, actor_id: str, hops: int = 1, *, as_of: date | None = None) -> Network:
        """The actors within ``hops`` ties of ``actor_id`` and the ties among them.

        Ties are walked in both directions; with ``as_of``, only active ties
        to actors that had joined (the actor itself is always there). The
        result's ``territory`` is the empty string; ``NotFound`` if the actor
        does not exist; ``ValueError`` unless ``hops`` is an int from 0 to 10.
        """

    @abstractmethod
    def shortest_path(
        self, source_id: str, target_id: str, *, as_of: date | None = None
    ) -> list[str] | None:
        """Actor ids of one shortest chain of ties from source to target, or None.

        Ties are walked in both directions; with ``as_of``, only active ties
        and actors that had joined (ends included). ``[source_id]`` when both
        are the same; ``NotFound`` if either does not exist. Which of several
        equally short chains comes back is not promised; analytics refines the
        choice (strong, recent ties) on the network itself.
        """

    @abstractmethod
    def delete_territory(self, territory: str, *, user: str = "") -> None:
        """Remove a territory (``NotFound`` if unknown), as one revision.

        Its actors leave it; those left with no territory are deleted with their ties and
        participations. Changes the data version.
        """

    @abstractmethod
    def data_version(self) -> str:
        """An opaque token that changes on every write that changed data (for caches).

        It names the store too, so two stores never share a version.
        """

    # ------------------------------------------------------------------ introductions

    @abstractmethod
    def add_introduction(self, introduction: Introduction) -> Introduction:
        """Store a new introduction under the next free id; returns it with that id.

        Ids are ``"1"``, ``"2"``, … in the order introductions were recorded
        (the ``id`` of ``introduction`` is ignored).
        """

    @abstractmethod
    def save_introduction(self, introduction: Introduction, *, steps_before: int) -> None:
        """Replace the stored introduction of the same id by ``introduction``.

        The stored one must still have ``steps_before`` steps in its history:
        otherwise someone moved it on meanwhile and ``ConcurrentChange`` is
        raised, nothing written. ``NotFound`` if there is no such introduction.
        """

    @abstractmethod
    def introduction(self, introduction_id: str) -> Introduction | None:
        """One introduction by id, or None."""

    @abstractmethod
    def introductions(self, territory: str | None = None) -> list[Introduction]:
        """Every introduction (of ``territory``), in the order they were recorded."""

    # ------------------------------------------------------------------ saved views

    @abstractmethod
    def save_view(self, view: SavedView) -> bool:
        """Keep ``view`` under its territory and name; True if it replaced one of that name.

        Saved views are not data: saving or deleting one leaves the data version as it is.
        """

    @abstractmethod
    def saved_views(self, territory: str) -> list[SavedView]:
        """The views saved for ``territory``, by name."""

    @abstractmethod
    def delete_view(self, territory: str, name: str) -> bool:
        """Forget the view ``name`` of ``territory``; False if there was none."""

    @abstractmethod
    def close(self) -> None:
        """Release connections."""

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
