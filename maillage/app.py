"""``Maillage``: the one object that wires settings, store, loaders, analytics and caches.

The CLI and the dashboard hold no logic: they call this object, which calls
the layers below. Results are cached by (what, territory, data version,
options), so that a page reload or a second user never recomputes them and a
write (which changes the data version) invalidates them all.
"""

from __future__ import annotations

import ipaddress
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import networkx as nx

from . import loaders
from .graph import analytics
from .graph.errors import MaillageError, NotFound
from .graph.model import Actor, Dataset, ImportResult, Network, TerritorySummary
from .graph.storage import GraphStore, open_store
from .graph.storage.pseudonymised import PseudonymisedStore
from .settings import Settings, derive_key, secret_key

if TYPE_CHECKING:
    import dash

    from .dashboard.access import Access

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


class ExposedWithoutSignIn(MaillageError):
    """Serving beyond loopback was asked for, but nobody has to sign in."""


def is_loopback(host: str) -> bool:
    """True for an address only this machine can reach: 127.0.0.0/8, ::1, ``localhost``.

    >>> [is_loopback(h) for h in ("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost")]
    [True, True, True, True, True]
    >>> [is_loopback(h) for h in ("0.0.0.0", "", "::", "192.168.1.10", "example.org")]
    [False, False, False, False, False]
    """
    name = host.strip().removeprefix("[").removesuffix("]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


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
        self,
        territory: str,
        *,
        as_of: date | None = None,
        weighted: bool = False,
        engine: str | None = None,
    ) -> dict:
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
        return self._cached(
            "report",
            (territory, as_of, weighted),
            lambda: analytics.territory_report(
                self.network(territory, as_of=as_of), weighted=weighted, seed=self.settings.seed
            ),
        )

    def _gds_report(self, territory: str, as_of: date | None, weighted: bool) -> dict:
        from .graph.storage.gds import gds_territory

        source = gds_territory(self.store, territory, as_of=as_of)
        return analytics.streamed_report(source, weighted=weighted, seed=self.settings.seed)

    def gaps(self, territory: str, *, as_of: date | None = None, engine: str | None = None) -> dict:
        """Sector gaps and introductions; with ``engine="gds"`` the communities come from GDS."""
        chosen = engine or self.settings.engine
        return self._cached(
            "gaps",
            (territory, as_of, chosen),
            lambda: analytics.gap_report(
                self.network(territory, as_of=as_of),
                seed=self.settings.seed,
                partition=self._communities(territory, as_of, chosen),
            ),
        )

    def _communities(self, territory: str, as_of: date | None, engine: str) -> dict[str, int]:
        """The report's cached communities, so that gaps never detect them again."""
        actors = self.report(territory, as_of=as_of, engine=engine)["actors"]
        return {actor["id"]: actor["community"] for actor in actors}

    def compare(
        self, territories: Sequence[str], *, as_of: date | None = None, engine: str | None = None
    ) -> dict:
        """Territories side by side; with ``engine="gds"`` from their GDS reports (no rewiring)."""
        names = tuple(territories)
        if (engine or self.settings.engine) == "gds":
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

    # Serving the web app

    def access(self, host: str = "127.0.0.1") -> Access | None:
        """Sign-in for serving on ``host``, or None to run open.

        With users configured (users file or ``MAILLAGE_USERS``) everyone signs
        in, on any host. Without users the app runs open, every visitor an
        admin, on loopback only: any other host raises ``ExposedWithoutSignIn``.
        """
        from .dashboard.access import Access
        from .dashboard.users import configured_users

        users = configured_users(self.settings)
        if not users:
            if not is_loopback(host):
                raise ExposedWithoutSignIn(_exposed_message(host, self.settings))
            return None
        return Access.from_settings(users, self.settings, self.secret())

    def web_app(self, access: Access | None = None) -> dash.Dash:
        """The Dash app (its Flask server is ``.server``), behind ``access`` if given."""
        from .dashboard import create_app

        return create_app(self, access=access)

    def serve(self, *, host: str = "127.0.0.1", port: int = 8050) -> None:
        """Serve the web app with waitress (a production WSGI server) until interrupted.

        Sign-in as :meth:`access` decides: a host beyond loopback is refused
        unless users are configured.
        """
        import waitress

        access = self.access(host)
        dash_app = self.web_app(access)
        options: dict[str, Any] = {"threads": self.settings.threads, "ident": "Maillage"}
        if self.settings.trusted_proxy:
            options.update(
                trusted_proxy=self.settings.trusted_proxy,
                trusted_proxy_headers={"x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"},
                clear_untrusted_proxy_headers=True,
            )
        count = 0 if access is None else len(access.users)
        who = f"sign-in, {count} user{'s' * (count != 1)}" if count else "open, no sign-in"
        server = waitress.create_server(dash_app.server, host=host, port=port, **options)
        print(f"Maillage is serving on http://{host}:{port}/ ({who}; Ctrl+C to stop)", flush=True)
        try:
            server.run()
        except KeyboardInterrupt:
            pass
        finally:
            server.close()


def _exposed_message(host: str, settings: Settings) -> str:
    users_file = settings.data_dir / "users.toml"
    return (
        f"refusing to serve on {host or 'every address'}: without users anyone who can reach "
        "it would see every actor, citizens included. Serve on 127.0.0.1 (the default), or "
        "configure sign-in first: `maillage users add NAME --role admin` (writes "
        f"{users_file}), or give a users file with --users FILE or MAILLAGE_USERS_FILE."
    )


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
