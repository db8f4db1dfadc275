"""``Maillage``: the one object that wires settings, store, loaders, analytics and caches.

The CLI and the dashboard hold no logic: they call this object, which calls
the layers below (``maillage.serving`` hands it to the dashboard). Results
are cached by (what, territory, data version, options), so that a page reload
or a second user never recomputes them and a write (which changes the data
version) invalidates them all.
"""

from __future__ import annotations

import getpass
import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx

from . import loaders
from .graph import analytics
from .graph.changes import Edit, FileDigest, ImportCollision, ImportPlan, Revision, prefix_ids
from .graph.errors import NotFound
from .graph.model import Actor, Dataset, ImportResult, Network, TerritorySummary
from .graph.storage import GraphStore, open_store
from .graph.storage.pseudonymised import PseudonymisedStore
from .settings import Settings, derive_key, secret_key

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

    def report(self, territory: str, *, as_of: date | None = None, weighted: bool = False) -> dict:
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
                self.network(territory, as_of=as_of),
                seed=self.settings.seed,
                partition=self._communities(territory, as_of),
            ),
        )

    def _communities(self, territory: str, as_of: date | None) -> dict[str, int]:
        """The report's cached communities, so that gaps never detect them again."""
        actors = self.report(territory, as_of=as_of)["actors"]
        return {actor["id"]: actor["community"] for actor in actors}

    def compare(
        self,
        territories: Sequence[str],
        *,
        as_of: date | None = None,
        kind: str | None = None,
        by_year: bool = False,
    ) -> dict:
        """Indicators and partnership rates of ``territories`` side by side (ties of ``kind``).

        With ``by_year``, the document also holds ``by_year``: every indicator
        and rate as of each 31 December of the data's range (up to ``as_of``).
        """
        names = tuple(territories)
        return self._cached(
            "compare",
            (names, as_of, kind, by_year),
            lambda: self._compare(names, as_of, kind, by_year),
        )

    def _compare(
        self, names: tuple[str, ...], as_of: date | None, kind: str | None, by_year: bool
    ) -> dict:
        networks = [self.network(t, as_of=as_of) for t in names]
        document = analytics.compare_territories(networks, seed=self.settings.seed, kind=kind)
        document["crossings"] = analytics.territory_crossings(networks, document["territories"])
        if by_year:
            dates = analytics.year_ends([self.network(t) for t in names], until=as_of)
            document["by_year"] = analytics.yearly_comparison(
                dates,
                lambda day: [self.network(t, as_of=day) for t in names],
                seed=self.settings.seed,
                kind=kind,
            )
        return document

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
        rejects: Path | str | None = None,
        replace: bool = False,
        merge: bool = False,
        id_prefix: str | None = None,
        user: str | None = None,
    ) -> ImportSummary:
        """Validate ``paths`` whole, plan the import, then upsert it as one revision.

        ``dry_run`` plans only. An id collision raises ``ImportCollision`` (also on a dry
        run) unless ``merge``; ``id_prefix`` prefixes the files' actor ids first; the ids
        of GEXF and GraphML files are local to them (``GraphStore.upsert``'s
        ``local_ids``). ``user`` (default: the OS user) is recorded in the revision.
        With ``rejects`` the invalid rows are set aside and written to that CSV file
        (even on a dry run) and the valid ones are imported.
        """
        loaded = loaders.load(
            paths,
            mapping=mapping,
            known_actor_ids=_StoredIds(self.store),
            progress=progress,
            keep_valid=rejects is not None,
        )
        if rejects is not None:
            loaders.write_rejects(rejects, loaded.rejected, loaded.headers)
        set_aside = {
            "rejected": len(loaded.rejected),
            "rejects_file": None if rejects is None else str(rejects),
        }
        dataset = loaded.dataset
        if id_prefix:
            dataset = prefix_ids(dataset, id_prefix)
        files = file_digests(paths)
        options = {
            "replace": replace,
            "merge": merge,
            "local_ids": any(Path(p).suffix.lower() in GRAPH_SUFFIXES for p in paths),
            "files": files,
        }
        if dry_run:
            plan = self.store.plan(dataset, **options)
            if plan.collisions:
                raise ImportCollision(plan.collisions)
            return ImportSummary(dataset, None, tuple(loaded.warnings), **set_aside, plan=plan)
        who = os_user() if user is None else user
        result = self.store.upsert(dataset, user=who, **options)
        return ImportSummary(dataset, result, tuple(loaded.warnings), **set_aside, plan=result.plan)

    def load_demo(self) -> ImportSummary:
        """Load the fictional demo territories; a second run changes nothing."""
        dataset = loaders.demo_dataset()
        result = self.store.upsert(dataset, user=os_user())
        return ImportSummary(dataset, result, (), result.plan)

    def history(self, territory: str | None = None) -> list[Revision]:
        """Every revision, oldest first (those that touched ``territory``, if given)."""
        if territory is not None and territory not in self.territory_names():
            known = {r for revision in self.store.revisions() for r in revision.territories}
            if territory not in known:
                raise NotFound(f"no territory named {territory!r} in the store or its history")
        return self.store.revisions(territory)

    def undo(self, revision: int | None = None, *, user: str | None = None) -> Revision:
        """Restore the state before ``revision`` (default: the latest); the undo's revision."""
        return self.store.undo(revision, user=os_user() if user is None else user)

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


GRAPH_SUFFIXES = frozenset({".gexf", ".graphml"})


def os_user() -> str:
    """The name of the user running this process, as revisions record it ("" if unknown)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def file_digests(paths: Sequence[Path | str]) -> tuple[FileDigest, ...]:
    """The name and SHA-256 of every file of ``paths`` (a folder: each file in it)."""
    found = []
    for raw in paths:
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            digest = hashlib.sha256()
            with open(file, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
            found.append(FileDigest(str(file), digest.hexdigest()))
    return tuple(found)


@dataclass(frozen=True)
class ImportSummary:
    """What an import read, what it changes (its plan) and what it changed."""

    dataset: Dataset
    result: ImportResult | None
    warnings: tuple[str, ...]
    rejected: int = 0
    """Rows set aside (``--rejects``)."""
    rejects_file: str | None = None
    plan: ImportPlan | None = None

    def describe(self, *, dry_run: bool) -> str:
        return "\n".join(filter(None, [self._describe(dry_run=dry_run), self.rejects_line()]))

    def rejects_line(self) -> str:
        """``3 rows set aside in rejects.csv`` when ``--rejects`` was given, else ''."""
        if self.rejects_file is None:
            return ""
        rows = "row" if self.rejected == 1 else "rows"
        return f"{self.rejected} invalid {rows} set aside in {self.rejects_file}."

    def _describe(self, *, dry_run: bool) -> str:
        data = self.dataset
        read = (
            f"{len(data.actors)} actors, {len(data.ties)} ties, "
            f"{len(data.activities)} activities in {len(data.territories)} territories"
        )
        lines = [f"warning: {w}" for w in self.warnings]
        plan_lines = self.plan.describe() if self.plan is not None else []
        if dry_run or self.result is None:
            lines.append(f"Valid: {read}. Dry run: nothing was written; the import would do:")
            lines.extend(plan_lines)
            return "\n".join(lines)
        lines.append(f"Read {read}.")
        lines.extend(plan_lines)
        r = self.result
        if r.revision is None:
            lines.append("Nothing changed.")
        else:
            lines.append(
                f"Saved as revision {r.revision} (`maillage history` lists it, "
                f"`maillage undo {r.revision}` reverts it)."
            )
        return "\n".join(lines)
