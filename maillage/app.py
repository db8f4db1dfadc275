"""``Maillage``: the one object that wires settings, store, loaders, analytics and caches.

The CLI and the dashboard hold no logic: they call this object, which calls
the layers below (``maillage.serving`` hands it to the dashboard). Results
are cached by (what, territory, data version, options), so that a page reload
or a second user never recomputes them and a write (which changes the data
version) invalidates them all.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx

from . import loaders
from .graph import analytics
from .graph.documents import BridgeChanges, Comparison, GapReport, TerritoryReport
from .graph.errors import NotFound
from .graph.model import Actor, Dataset, ImportResult, Network, TerritorySummary
from .graph.storage import GraphStore, open_store
from .graph.storage.pseudonymised import PseudonymisedStore
from .settings import Settings, derive_key, secret_key

T = TypeVar("T")


class ResultCache:
    """A small thread-safe LRU of computed results, keyed by plain tuples.

    Each key is computed once: the first caller computes it outside the
    lock, and callers of the same key meanwhile wait for that computation
    (a per-key future) instead of starting their own. A failure reaches
    every caller waiting for it and is not cached: the next call computes
    again.
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._pending: dict[Hashable, Future] = {}
        self._lock = threading.Lock()

    def get_or_compute(self, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            pending = self._pending.get(key)
            if pending is None:
                future: Future = Future()
                self._pending[key] = future
        if pending is not None:
            return pending.result()
        try:
            value = compute()
        except BaseException as error:
            with self._lock:
                del self._pending[key]
            future.set_exception(error)
            raise
        with self._lock:
            del self._pending[key]
            self._items[key] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        future.set_result(value)
        return value


class Maillage:
    """A Maillage instance: one store, one cache, every use case as a method."""

    def __init__(self, settings: Settings | None = None, *, store: GraphStore | None = None):
        self.settings = settings or Settings.from_env()
        self._store = store
        self._cache = ResultCache(self.settings.cache_size)
        self._store_lock = threading.Lock()
        self._pseudonymised: Maillage | None = None
        self._secret: bytes | None = None
        self._secret_lock = threading.Lock()

    @property
    def store(self) -> GraphStore:
        with self._store_lock:
            if self._store is None:
                self._store = open_store(self.settings.store_url)
            return self._store

    def close(self) -> None:
        if self._pseudonymised is not None:
            self._pseudonymised.close()
            self._pseudonymised = None
        if self._store is not None:
            self._store.close()
            self._store = None

    def secret(self) -> bytes:
        """The server's master secret (``MAILLAGE_SECRET_KEY`` or the data folder's key file)."""
        with self._secret_lock:
            if self._secret is None:
                self._secret = secret_key(self.settings)
            return self._secret

    def pseudonymised(self) -> Maillage:
        """The same data with citizens under stable pseudonyms, read-only, with its own cache.

        What viewers read: every result computed from it (reports, gaps,
        layouts, paths, exports) is computed from pseudonymised networks.
        """
        with self._secret_lock:
            found = self._pseudonymised
        if found is not None:
            return found
        key = derive_key(self.secret(), "citizen pseudonyms")
        created = Maillage(self.settings, store=PseudonymisedStore(self.store, key))
        with self._secret_lock:
            if self._pseudonymised is None:
                self._pseudonymised = created
            return self._pseudonymised

    def _cached(self, what: str, key: tuple, compute: Callable[[], T]) -> T:
        version = self.store.data_version()
        return self._cache.get_or_compute((what, version, *key), compute)

    # Reading the store

    def territories(self) -> list[TerritorySummary]:
        return self._cached("territories", (), self.store.territories)

    def territory_names(self) -> list[str]:
        return [t.name for t in self.territories()]

    def network(self, territory: str, *, as_of: date | None = None) -> Network:
        return self._cached(
            "network", (territory, as_of), lambda: self.store.network(territory, as_of=as_of)
        )

    def actor(self, actor_id: str) -> Actor:
        found = self.store.actor(actor_id)
        if found is None:
            raise NotFound(f"no actor with id {actor_id!r}")
        return found

    # Analytics, cached

    def report(
        self, territory: str, *, as_of: date | None = None, weighted: bool = False
    ) -> TerritoryReport:
        return self._cached(
            "report",
            (territory, as_of, weighted),
            lambda: analytics.territory_report(
                self.network(territory, as_of=as_of), weighted=weighted, seed=self.settings.seed
            ),
        )

    def gaps(self, territory: str, *, as_of: date | None = None) -> GapReport:
        return self._cached(
            "gaps",
            (territory, as_of),
            lambda: analytics.gap_report(
                self.network(territory, as_of=as_of),
                seed=self.settings.seed,
                partition=self._communities(territory, as_of),
            ),
        )

    def _communities(self, territory: str, as_of: date | None) -> dict[str, int]:
        """The report's cached communities, so that gaps never detect them again."""
        actors = self.report(territory, as_of=as_of)["actors"]
        return {actor["id"]: actor["community"] for actor in actors}

    def compare(self, territories: Sequence[str], *, as_of: date | None = None) -> Comparison:
        names = tuple(territories)
        return self._cached(
            "compare",
            (names, as_of),
            lambda: analytics.compare_territories(
                [self.network(t, as_of=as_of) for t in names], seed=self.settings.seed
            ),
        )

    def bridge_changes(self, territory: str, *, since: date, until: date) -> BridgeChanges:
        return self._cached(
            "bridges",
            (territory, since, until),
            lambda: analytics.bridge_changes(
                self.network(territory, as_of=since), self.network(territory, as_of=until)
            ),
        )

    def graph(self, territory: str, *, as_of: date | None = None, weighted: bool = False):
        """The territory's NetworkX graph (members only), cached."""
        return self._cached(
            "graph",
            (territory, as_of, weighted),
            lambda: analytics.territory_graph(
                self.network(territory, as_of=as_of), weighted=weighted
            ),
        )

    def layout(self, territory: str) -> dict[str, tuple[float, float]]:
        """Positions of the territory's actors; computed on the full network so they never jump."""
        return self._cached(
            "layout",
            (territory,),
            lambda: analytics.layout(self.graph(territory), seed=self.settings.seed),
        )

    def path(
        self, territory: str, source: str, target: str, *, as_of: date | None = None
    ) -> list[str]:
        return self._cached(
            "path",
            (territory, source, target, as_of),
            lambda: analytics.introduction_path(self.graph(territory, as_of=as_of), source, target),
        )

    def ego(self, territory: str, actor_id: str, *, hops: int = 1, as_of: date | None = None):
        return analytics.ego_network(self.graph(territory, as_of=as_of), actor_id, hops=hops)

    def describe_path(
        self, territory: str, source: str, target: str, *, as_of: date | None = None
    ) -> str:
        """The introduction chain in plain words, one step a line."""
        graph = self.graph(territory, as_of=as_of)
        missing = [actor for actor in (source, target) if actor not in graph]
        if missing:
            raise NotFound(f"no actor with id {missing[0]!r} in {territory}")
        try:
            chain = self.path(territory, source, target, as_of=as_of)
        except nx.NetworkXNoPath:
            chain = []
        if not chain:
            return f"No chain of ties links {source} to {target} in {territory}."
        steps = analytics.path_explanation(self.graph(territory, as_of=as_of), chain)
        return "\n".join(step["text"] for step in steps)

    # Writing the store

    def import_files(
        self,
        paths: Sequence[Path | str],
        *,
        mapping: Path | str | None = None,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportSummary:
        """Validate ``paths`` whole, then upsert them in one transaction unless ``dry_run``."""
        loaded = loaders.load(
            paths, mapping=mapping, known_actor_ids=_StoredIds(self.store), progress=progress
        )
        result = None if dry_run else self.store.upsert(loaded.dataset)
        return ImportSummary(loaded.dataset, result, tuple(loaded.warnings))

    def load_demo(self) -> ImportSummary:
        """Load the fictional demo territories; a second run changes nothing."""
        dataset = loaders.demo_dataset()
        return ImportSummary(dataset, self.store.upsert(dataset), ())

    def export(
        self, territory: str, fmt: str, output: Path | None, *, as_of: date | None = None
    ) -> list[Path]:
        """Write the territory in ``fmt``; csv writes a folder of canonical files."""
        stem = _file_stem(territory)
        target = output or Path(stem if fmt == "csv" else f"{stem}.{fmt}")
        return loaders.write(self.network(territory, as_of=as_of), fmt, target)


def _file_stem(name: str) -> str:
    """A file name made of ``name``'s letters and digits, safe in the working folder."""
    stem = re.sub(r"[^\w-]+", "-", name).strip("-.")
    return stem or "territory"


class _StoredIds:
    """The store's actor ids, fetched once and only if the files name an actor they lack."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self._ids: frozenset[str] | None = None

    def __contains__(self, actor_id: object) -> bool:
        if self._ids is None:
            self._ids = self._store.actor_ids()
        return actor_id in self._ids


@dataclass(frozen=True)
class ImportSummary:
    """What an import read and what it changed, for the final summary line."""

    dataset: Dataset
    result: ImportResult | None
    warnings: tuple[str, ...]

    def describe(self, *, dry_run: bool) -> str:
        data = self.dataset
        read = (
            f"{len(data.actors)} actors, {len(data.ties)} ties, "
            f"{len(data.activities)} activities in {len(data.territories)} territories"
        )
        lines = [f"warning: {w}" for w in self.warnings]
        if dry_run or self.result is None:
            lines.append(f"Valid: {read}. Dry run: nothing was written.")
            return "\n".join(lines)
        r = self.result
        lines.append(f"Read {read}.")
        lines.append(
            f"Actors: {r.actors_added} added, {r.actors_updated} updated; "
            f"ties: {r.ties_added} added, {r.ties_updated} updated; "
            f"territories: {r.territories_added} added."
            + ("" if r.changed else " Nothing changed.")
        )
        return "\n".join(lines)
