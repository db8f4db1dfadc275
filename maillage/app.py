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
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TypeVar

import networkx as nx

from . import loaders
from .budget import Budget, too_many_territories
from .cache import ResultCache
from .editing import Editing
from .following_up import FollowingUp
from .graph import analytics, names
from .graph.changes import FileDigest, ImportCollision, Revision, prefix_ids
from .graph.documents import BridgeChanges, Comparison, GapReport, TerritoryReport
from .graph.errors import MaillageError, NotFound
from .graph.model import Actor, Dataset, Network, TerritorySummary
from .graph.problem_text import NO_ACTOR_NAMED, NO_ACTOR_WITH_ID, NO_TERRITORY, render
from .graph.storage import GraphStore, open_store
from .graph.storage.breaker import CircuitBreaker
from .graph.storage.pseudonymised import PseudonymisedStore
from .graph.territory_counts import TerritoryCounts, territory_counts
from .imports import (
    GRAPH_SUFFIXES,
    ImportSummary,
    StoredIds,
    WebImports,
    file_digests,
    os_user,
)
from .precompute import Precomputing, in_background
from .saving_views import SavingViews
from .settings import Settings, derive_key, secret_key

T = TypeVar("T")
PRECOMPUTE_WAIT = 600.0
"""Seconds ``close`` waits for the background precomputations to finish."""


class Maillage(FollowingUp, Editing, SavingViews, WebImports, Precomputing):
    """A Maillage instance: one store, one cache, every use case as a method."""

    def __init__(self, settings: Settings | None = None, *, store: GraphStore | None = None):
        self.settings = settings or Settings.from_env()
        self._store = store
        self._cache = ResultCache(self.settings.cache_size)
        self._store_lock = threading.Lock()
        self._pseudonymised: Maillage | None = None
        self._secret: bytes | None = None
        self._secret_lock = threading.Lock()
        self.budget: Budget | None = None
        """Bounds on analyses, set when serving the web app (the command line has none)."""
        self.scope = "real"
        """Which data the results on disk are of: ``real``, or ``pseudonymised`` for viewers."""
        self.computed = Counter[str]()
        """How many times each persisted result was really computed (not read from disk)."""
        self.precomputer, self.date_precomputer = self._precomputers()
        """The background workers of :mod:`maillage.precompute`: first paint, then the dates."""
        self._also: dict[str, Callable[[Maillage, str], object]] = {}
        """Steps added by ``precompute_also``, for the pseudonymised instance too."""

    @property
    def store(self) -> GraphStore:
        with self._store_lock:
            if self._store is None:
                self._store = open_store(self.settings.store_url)
            return self._store

    def close(self) -> None:
        """Finish the queued precomputations (what a later server reads), then close the store."""
        self.precomputer.wait(PRECOMPUTE_WAIT)
        self._stop_dates()  # the dates are for visitors: a later server computes them
        self.date_precomputer.wait(PRECOMPUTE_WAIT)
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
        created.budget = self.budget
        created.scope = "pseudonymised"
        created.date_reports = self.date_reports  # one dates' process: they take turns
        for name, step in self._also.items():
            created.precompute_also(name, step)
        with self._secret_lock:
            if self._pseudonymised is None:
                self._pseudonymised = created
            return self._pseudonymised

    def _cached(self, what: str, key: tuple, compute: Callable[[], T]) -> T:
        version = self.store.data_version()
        return self._cache.get_or_compute((what, version, *key), compute)

    def cached(self, what: str, key: tuple, compute: Callable[[], T]) -> T:
        """``compute()``, kept in this instance's result cache under ``(what, *key)`` until the
        data changes: for what a caller derives from this source's results (an index, say).

        The value is shared by every caller: it must not be changed.
        """
        return self._cached(f"derived: {what}", key, compute)

    def _bounded(
        self, what: str, territories: Iterable[str], compute: Callable[[], T], *, times: int = 1
    ) -> T:
        """``compute()`` within the web app's budget (:mod:`maillage.budget`), if there is one.

        Its cost is the actors and ties of ``territories``, ``times`` over; what it needs
        of another bounded analysis is computed before (a turn never waits for another).
        The background worker takes no turn but stays within the size of one analysis.
        """
        if self.budget is None:
            return compute()
        wanted = set(territories)
        cost = times * sum(t.actors + t.ties for t in self.territories() if t.name in wanted)
        if in_background():
            self.budget.check_size(what, cost)
            return compute()
        with self.budget.turn(what, cost):
            return compute()

    def bound_for_serving(self) -> None:
        """Bound the work of serving the web app: an analysis budget, a store breaker.

        Store calls then fail at once while the store is down (see
        :mod:`maillage.graph.storage.breaker`); the pseudonymised instance
        shares the budget.
        """
        with self._store_lock:
            if not isinstance(self._store, CircuitBreaker):
                given, url = self._store, self.settings.store_url
                self._store = CircuitBreaker(lambda: given or open_store(url))
        if self.budget is None:
            self.budget = Budget(self.settings.limits)
        if self._pseudonymised is not None:
            self._pseudonymised.budget = self.budget

    # Reading the store

    def territories(self) -> list[TerritorySummary]:
        return self._cached("territories", (), self.store.territories)

    def territory_names(self) -> list[str]:
        return [t.name for t in self.territories()]

    def resolve_territory(self, typed: str) -> str:
        """The stored territory ``typed`` means (case, accents and spaces ignored).

        Raises ``UnknownName`` (a ``NotFound``) naming the closest territories.
        """
        return names.resolve_territory(typed, self.territory_names())

    def resolve_actor(self, territory: str, typed: str, *, as_of: date | None = None) -> str:
        """The id of the actor of ``territory`` that ``typed`` means: an id or a unique name."""
        network = self.network(territory, as_of=as_of)
        pairs = [(a.id, a.name) for a in network.actors]
        return names.resolve_actor(typed, pairs, where=network.territory)

    def network(self, territory: str, *, as_of: date | None = None) -> Network:
        """The territory's network; ``territory`` as people type it (``resolve_territory``)."""
        _check_text(territory, NO_TERRITORY, "territory")
        name = self.resolve_territory(territory)
        return self._cached("network", (name, as_of), lambda: self.store.network(name, as_of=as_of))

    def territory_counts(self) -> list[TerritoryCounts]:
        """Each territory's actors, ties inside it and ties leaving it (``territories``)."""
        return [territory_counts(self.network(name)) for name in self.territory_names()]

    def actor(self, actor_id: str) -> Actor:
        _check_text(actor_id, NO_ACTOR_NAMED, "actor")
        found = self.store.actor(actor_id)
        if found is None:
            raise NotFound(render(NO_ACTOR_WITH_ID, actor=repr(actor_id)))
        return found

    # Analytics, cached

    def report(
        self,
        territory: str,
        *,
        as_of: date | None = None,
        weighted: bool = False,
        engine: str | None = None,
    ) -> TerritoryReport:
        """The territory report, computed by ``engine`` (default: the settings' engine).

        ``local`` computes in this process from the territory's network; ``gds``
        inside Neo4j with its Graph Data Science library (the graph stays there).
        """
        chosen = engine or self.settings.engine
        if chosen == "gds":
            return self._cached(
                "report",
                (territory, as_of, weighted, "gds"),
                lambda: self._gds_report(territory, as_of, weighted),
            )
        if as_of is None and not weighted:
            return self._persisted(
                "report",
                territory,
                lambda: self._bounded(
                    f"the report of {territory}",
                    (territory,),
                    lambda: analytics.territory_report(
                        self.network(territory), seed=self.settings.seed
                    ),
                ),
            )
        compute = lambda: self._bounded(  # noqa: E731
            f"the report of {territory}",
            (territory,),
            lambda: analytics.territory_report(
                self.network(territory, as_of=as_of), weighted=weighted, seed=self.settings.seed
            ),
        )
        if as_of is not None and not weighted:  # the slider's dates are precomputed
            return self._persisted_as_of(territory, as_of, compute)
        return self._cached("report", (territory, as_of, weighted), compute)

    def _gds_report(self, territory: str, as_of: date | None, weighted: bool) -> TerritoryReport:
        from .graph.storage.gds import gds_territory

        store = self.store
        viewer = isinstance(store, PseudonymisedStore)
        source = gds_territory(store.inner if viewer else store, territory, as_of=as_of)
        report = analytics.streamed_report(source, weighted=weighted, seed=self.settings.seed)
        if viewer:  # computed on the real graph; citizens leave under their pseudonyms
            report["actors"] = _pseudonymised_rows(report["actors"], store._secret)
        return report

    def gaps(
        self, territory: str, *, as_of: date | None = None, engine: str | None = None
    ) -> GapReport:
        """Sector gaps and introductions; with ``engine="gds"`` the communities come from GDS."""
        chosen = engine or self.settings.engine
        return self._cached(
            "gaps",
            (territory, as_of, chosen),
            lambda: self._gap_report(territory, as_of, chosen),
        )

    def _gap_report(self, territory: str, as_of: date | None, engine: str) -> GapReport:
        partition = self._communities(territory, as_of, engine)  # the report first, in its turn
        return self._bounded(
            f"the gaps of {territory}",
            (territory,),
            lambda: analytics.gap_report(
                self.network(territory, as_of=as_of), seed=self.settings.seed, partition=partition
            ),
        )

    def _communities(self, territory: str, as_of: date | None, engine: str) -> dict[str, int]:
        """The report's cached communities, so that gaps never detect them again."""
        actors = self.report(territory, as_of=as_of, engine=engine)["actors"]
        return {actor["id"]: actor["community"] for actor in actors}

    def compare(
        self,
        territories: Sequence[str],
        *,
        as_of: date | None = None,
        kind: str | None = None,
        by_year: bool = False,
        engine: str | None = None,
    ) -> Comparison:
        """Indicators and partnership rates of ``territories`` side by side (ties of ``kind``).

        With ``by_year``, the document also holds ``by_year``: every indicator
        and rate as of each 31 December of the data's range (up to ``as_of``).
        A territory named twice is compared once; more than
        ``Limits.compare_territories`` different ones is an error. With
        ``engine="gds"``, the indicators of each territory's GDS report (no
        rewired copies, no rates: the graphs stay in Neo4j).
        """
        names = tuple(dict.fromkeys(territories))
        limit = self.settings.limits.compare_territories
        if len(names) > limit:
            raise too_many_territories(len(names), limit)
        if (engine or self.settings.engine) == "gds":
            if kind or by_year:
                raise MaillageError(
                    "--engine gds compares the territories' reports only: drop --kind and "
                    "--by-year, or use --engine local"
                )
            return self._cached(
                "compare",
                (names, as_of, "gds"),
                lambda: analytics.compare_reports(
                    _compare_names(names, as_of),
                    [self.report(t, as_of=as_of, engine="gds") for t in names],
                ),
            )
        return self._cached(
            "compare",
            (names, as_of, kind, by_year),
            lambda: self._compare(names, as_of, kind, by_year),
        )

    def _compare(
        self, names: tuple[str, ...], as_of: date | None, kind: str | None, by_year: bool
    ) -> Comparison:
        times = 1
        if by_year and self.budget is not None:
            times += len(analytics.year_ends([self.network(t) for t in names], until=as_of))
        return self._bounded(
            f"the comparison of {len(names)} territories",
            names,
            lambda: self._comparison(names, as_of, kind, by_year),
            times=times,
        )

    def _comparison(
        self, names: tuple[str, ...], as_of: date | None, kind: str | None, by_year: bool
    ) -> Comparison:
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

    def bridge_changes(self, territory: str, *, since: date, until: date) -> BridgeChanges:
        return self._cached(
            "bridges",
            (territory, since, until),
            lambda: self._bounded(
                f"the bridges of {territory}",
                (territory,),
                lambda: analytics.bridge_changes(
                    self.network(territory, as_of=since), self.network(territory, as_of=until)
                ),
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

    def path(
        self, territory: str, source: str, target: str, *, as_of: date | None = None
    ) -> list[str]:
        return self._cached(
            "path",
            (territory, source, target, as_of),
            lambda: analytics.introduction_path(self.graph(territory, as_of=as_of), source, target),
        )

    def ego(self, territory: str, actor_id: str, *, hops: int = 1, as_of: date | None = None):
        actor_id = self.resolve_actor(territory, actor_id, as_of=as_of)
        return analytics.ego_network(self.graph(territory, as_of=as_of), actor_id, hops=hops)

    def describe_path(
        self, territory: str, source: str, target: str, *, as_of: date | None = None
    ) -> str:
        """The introduction chain in plain words, one step a line.

        ``source`` and ``target`` are actor ids or unambiguous names.
        """
        source = self.resolve_actor(territory, source, as_of=as_of)
        target = self.resolve_actor(territory, target, as_of=as_of)
        territory = self.resolve_territory(territory)
        try:
            chain = self.path(territory, source, target, as_of=as_of)
        except nx.NetworkXNoPath:
            chain = []
        if not chain:
            return f"No chain of ties links {source} to {target} in {territory}."
        steps = analytics.path_explanation(self.graph(territory, as_of=as_of), chain)
        return "\n".join(step["text"] for step in steps)

    # Writing the store

    def bulk_import_files(
        self,
        paths: Sequence[Path | str],
        folder: Path | str,
        *,
        mapping: Path | str | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> tuple[Dataset, list[str]]:
        """Validate ``paths`` whole and write them for Neo4j's offline importer into ``folder``.

        The national-scale first load: nothing is written to the store; run
        ``neo4j-admin database import full --overwrite-destination OPTIONS... neo4j`` with
        the returned options (server stopped), or ``scripts/neo4j_server.py bulk-import``
        for the test server. Every tie must join actors of these files.
        """
        from .graph.storage.admin_import import write_admin_import

        loaded = loaders.load(paths, mapping=mapping, progress=progress)
        return loaded.dataset, write_admin_import(loaded.dataset, folder)

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
        file_names: Sequence[str] | None = None,
    ) -> ImportSummary:
        """Validate ``paths`` whole, plan the import, then upsert it as one revision.

        ``dry_run`` plans only. An id collision raises ``ImportCollision`` (also on a dry
        run) unless ``merge``; ``id_prefix`` prefixes the files' actor ids first; the ids
        of GEXF and GraphML files are local to them (``GraphStore.upsert``'s
        ``local_ids``). ``user`` (default: the OS user) is recorded in the revision.
        With ``rejects`` the invalid rows are set aside and written to that CSV file
        (even on a dry run) and the valid ones are imported. ``file_names`` are the names the
        revision records for ``paths`` (an upload's own name; default: the paths).
        """
        loaded = loaders.load(
            paths,
            mapping=mapping,
            known_actor_ids=StoredIds(self.store),
            progress=progress,
            keep_valid=rejects is not None,
            limits=self.settings.limits.files,
        )
        if rejects is not None:
            loaders.write_rejects(rejects, loaded.rejected, loaded.headers)
        set_aside = {
            "rejected": len(loaded.rejected),
            "rejects_file": None if rejects is None else str(rejects),
            "rejected_rows": loaded.rejected,
            "rejects_header": loaders.rejects_header(loaded.rejected, loaded.headers),
        }
        dataset = loaded.dataset
        if id_prefix:
            dataset = prefix_ids(dataset, id_prefix)
        files = file_digests(paths)
        if file_names is not None:
            files = tuple(FileDigest(n, f.sha256) for n, f in zip(file_names, files, strict=True))
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
        if result.revision is not None:  # the file's territories are all stored now
            self.precompute(sorted(dataset.territories) or None)
        return ImportSummary(dataset, result, tuple(loaded.warnings), **set_aside, plan=result.plan)

    def load_demo(self) -> ImportSummary:
        """Load the fictional demo territories; a second run changes nothing."""
        dataset = loaders.demo_dataset()
        result = self.store.upsert(dataset, user=os_user())
        self._written()
        return ImportSummary(dataset, result, (), result.plan)

    def history(self, territory: str | None = None) -> list[Revision]:
        """Every revision, oldest first (those that touched ``territory``, if given).

        ``territory`` is found as people type it, among the stored territories
        and those of the history (a deleted territory keeps its revisions).
        """
        if territory is not None and territory not in self.territory_names():
            known = {r for revision in self.store.revisions() for r in revision.territories}
            territory = names.resolve_territory(territory, [*self.territory_names(), *known])
        return self.store.revisions(territory)

    @staticmethod
    def local_user() -> str:
        """Who a change is by when no user is named: the operating-system user running this."""
        return os_user()

    def undo(self, revision: int | None = None, *, user: str | None = None) -> Revision:
        """Restore the state before ``revision`` (default: the latest); the undo's revision."""
        done = self.store.undo(revision, user=os_user() if user is None else user)
        self._written()
        return done

    def export(
        self, territory: str, fmt: str, output: Path | None, *, as_of: date | None = None
    ) -> list[Path]:
        """Write the territory in ``fmt``; csv writes a folder of canonical files."""
        territory = self.resolve_territory(territory)
        stem = _file_stem(territory)
        target = output or Path(stem if fmt == "csv" else f"{stem}.{fmt}")
        return loaders.write(self.network(territory, as_of=as_of), fmt, target)


def _check_text(value: str, template: str, field: str) -> None:
    """``NotFound`` for a name no store can hold (a lone surrogate, sent by a browser).

    The message is ``template`` (a problem template) with ``field`` set to the name shown.
    """
    if isinstance(value, str) and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            shown = value.encode("utf-8", "backslashreplace").decode("utf-8")
            raise NotFound(render(template, **{field: repr(shown)})) from None


def _pseudonymised_rows(rows: list[dict], secret: bytes) -> list[dict]:
    """Report rows with each citizen's id and name replaced by its pseudonym, re-sorted."""
    from .graph.storage.pseudonymised import pseudonym_id, pseudonym_name

    renamed = [
        {**row, "id": pseudonym_id(row["id"], secret), "name": pseudonym_name(row["id"], secret)}
        if row["sector"] == "citizen"
        else row
        for row in rows
    ]
    renamed.sort(key=lambda row: (-row["betweenness"], row["id"]))
    return renamed


def _compare_names(names: Sequence[str], as_of: date | None) -> list[str]:
    """Names as ``compare_territories`` gives them: a repeated name gets its position."""
    seen = {name: names.count(name) for name in names}
    return [
        name if seen[name] == 1 else f"{name} #{position}"
        for position, name in enumerate(names, start=1)
    ]


def _file_stem(name: str) -> str:
    """A file name made of ``name``'s letters and digits, safe in the working folder."""
    stem = re.sub(r"[^\w-]+", "-", name).strip("-.")
    return stem or "territory"
