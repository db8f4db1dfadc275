"""``Maillage``: the one object that wires settings, store, loaders, analytics and caches.

The CLI and the dashboard hold no logic: they call this object, which calls
the layers below. Results are cached by (what, territory, data version,
options), so that a page reload or a second user never recomputes them and a
write (which changes the data version) invalidates them all.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from .graph import analytics
from .graph.errors import NotFound
from .graph.model import Actor, ImportResult, Network, TerritorySummary
from .graph.storage import GraphStore, open_store
from .settings import Settings

T = TypeVar("T")


class ResultCache:
    """A small thread-safe LRU of computed results, keyed by plain tuples."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value


class Maillage:
    """A Maillage instance: one store, one cache, every use case as a method."""

    def __init__(self, settings: Settings | None = None, *, store: GraphStore | None = None):
        self.settings = settings or Settings.from_env()
        self._store = store
        self._cache = ResultCache(self.settings.cache_size)
        self._store_lock = threading.Lock()

    @property
    def store(self) -> GraphStore:
        with self._store_lock:
            if self._store is None:
                self._store = open_store(self.settings.store_url)
            return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

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
    ) -> dict:
        return self._cached(
            "report",
            (territory, as_of, weighted),
            lambda: analytics.territory_report(
                self.network(territory, as_of=as_of), weighted=weighted, seed=self.settings.seed
            ),
        )

    def gaps(self, territory: str, *, as_of: date | None = None) -> dict:
        return self._cached(
            "gaps",
            (territory, as_of),
            lambda: analytics.gap_report(
                self.network(territory, as_of=as_of), seed=self.settings.seed
            ),
        )

    def compare(self, territories: Sequence[str], *, as_of: date | None = None) -> dict:
        names = tuple(territories)
        return self._cached(
            "compare",
            (names, as_of),
            lambda: analytics.compare_territories(
                [self.network(t, as_of=as_of) for t in names], seed=self.settings.seed
            ),
        )

    def bridge_changes(self, territory: str, *, since: date, until: date) -> dict:
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

    # Writing the store

    def import_files(
        self,
        paths: Sequence[Path | str],
        *,
        mapping: Path | str | None = None,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> tuple[Any, ImportResult | None]:
        """Validate ``paths`` whole, then upsert them in one transaction unless ``dry_run``."""
        from . import loaders_bridge

        return loaders_bridge.import_files(
            self.store, paths, mapping=mapping, dry_run=dry_run, progress=progress
        )
