"""Results computed when the data changes, kept on disk: nothing waits for the first visitor.

What the Explore page's first picture needs for a territory (its report, its
layout and each community's own layout) is computed by one background worker
after every write of the application object (an import, an edit, an undo) and
when the web app starts, and written to ``data_dir/precomputed/<scope>/<data
version>/``. The data
version (``GraphStore.data_version``: the store's id and a counter every write
moves on) keys the folder, so a write invalidates every result at once and a
server started later (after a command-line import, or a restart) reads what is
there instead of computing it again. Older versions' folders are removed.

The worker is bounded: one thread, one queue, no job twice for the same
territory and version. It takes no turn of the web app's analysis budget (it is
nobody's request, and it is only one) but stays within the size of one analysis
there, and a failure (the store down, behind its breaker, or a territory over
that size) drops the job: the next write or visit asks again.

Once a territory's first-paint results are done, a second worker of the same
kind computes its report at every date the Explore page's date slider offers
(:func:`slider_days`, oldest first, as the play button goes), so that a step of
the slider reads its summary instead of waiting for it. Those reports are
persisted like the others (one file per date); the visitor never waits for
them (no progress is shown) and a date not ready yet is computed on demand, as
before. Those reports are computed in a separate low-priority process
(:mod:`maillage.date_reports`, sent each territory's network once) so that they
never slow the web app; in this worker's thread only where that process cannot
start. The viewers' (pseudonymised) instance shares that process: its dates are
computed from its pseudonymised network. A write stops the dates of the old
version (the one under way ends, no other starts); ``close`` does not wait for
them: it ends the process at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import queue
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .date_reports import DateReports, DatesStopped, DatesUnavailable
from .graph import analytics
from .graph.errors import MaillageError
from .graph.model import Network
from .graph.network_years import network_years

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

T = TypeVar("T")

FOLDER = "precomputed"
STEPS = ("report", "layout", "community layouts")
"""What is computed for each territory, in this order (the layout needs the graph only; each
community's own layout, for opening it, needs the report's communities)."""
AS_OF_REPORT = "report-as-of-{day}"
"""What the report at a date is stored as (``day`` in ISO format)."""

_background = threading.local()


def in_background() -> bool:
    """Whether the calling thread is the precompute worker (it runs outside the budget)."""
    return bool(getattr(_background, "active", False))


def _digest(text: str) -> str:
    """A file name for ``text``, whatever it holds (a lone surrogate names no territory)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


class DiskResults:
    """JSON results on disk, one folder per data version, one file per (what, territory).

    Parameters
    ----------
    root : Path
        The folder of this scope (real or pseudonymised data).
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def _file(self, version: str, what: str, territory: str) -> Path:
        return self.root / _digest(version) / f"{what}-{_digest(territory)}.json"

    def load(self, version: str, what: str, territory: str) -> Any | None:
        """The stored result, or None when it was never computed for this version."""
        try:
            text = self._file(version, what, territory).read_text(encoding="utf-8")
        except OSError:
            return None
        try:
            return json.loads(text)
        except ValueError:
            log.warning("unreadable precomputed %s of %r: computed again", what, territory)
            return None

    def save(self, version: str, what: str, territory: str, value: Any) -> None:
        """Write ``value`` whole (a temporary file renamed) and forget the older versions."""
        target = self._file(version, what, territory)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
            temporary.write_text(json.dumps(value), encoding="utf-8")
            os.replace(temporary, target)
            self._prune(target.parent)
        except OSError:
            log.warning("precomputed %s of %r not written to %s", what, territory, target)

    def _prune(self, current: Path) -> None:
        for folder in self.root.iterdir():
            if folder.is_dir() and folder != current:
                for item in folder.iterdir():
                    item.unlink(missing_ok=True)
                with contextlib.suppress(OSError):
                    folder.rmdir()


class Precomputer:
    """One background worker that computes each queued territory's first-paint results.

    Parameters
    ----------
    version : callable
        The store's current data version.
    steps : dict
        Step name -> ``f(territory)`` that computes (and so caches and stores) it.
    then : callable, optional
        ``f(territory)`` called once every step of a territory's job succeeded.
    """

    def __init__(
        self,
        version: Callable[[], str],
        steps: dict[str, Callable[[str], Any]],
        then: Callable[[str], None] | None = None,
    ) -> None:
        self._version = version
        self._steps = steps
        self._then = then
        self.stopped = threading.Event()
        """Set by :meth:`stop`: no job starts any more (a step may check it between parts)."""
        self._queue: queue.Queue[tuple[str, str]] = queue.Queue()
        self._queued: set[tuple[str, str]] = set()
        self._progress: dict[str, tuple[str, int]] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.jobs = Counter[str]()
        """Territory -> jobs run for it (what the tests count)."""

    def add_step(self, name: str, step: Callable[[str], Any]) -> None:
        """Also run ``step(territory)`` for each territory, after the steps already there.

        For what a layer above derives from the results (the Explore page's first
        picture, say), so that the first visitor finds it ready too.
        """
        with self._lock:
            self._steps[name] = step

    def pending(self) -> int:
        """How many territories are queued or being computed."""
        with self._lock:
            return len(self._queued)

    def stop(self) -> None:
        """Start no more jobs (the one under way ends after its current step)."""
        self.stopped.set()

    def schedule(self, territories: Iterable[str]) -> None:
        """Queue ``territories`` at the current data version; a queued one is not queued twice."""
        if self.stopped.is_set():
            return
        try:
            version = self._version()
        except Exception:
            log.warning("precompute not scheduled: the store did not answer", exc_info=True)
            return
        with self._lock:
            for territory in territories:
                key = (territory, version)
                if key in self._queued:
                    continue
                self._queued.add(key)
                self._progress[territory] = (version, 0)
                self._queue.put(key)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._work, name="maillage-precompute", daemon=True
                )
                self._thread.start()

    def progress(self, territory: str) -> int | None:
        """Percent done of ``territory``'s queued job at the current version; None when idle."""
        with self._lock:
            found = self._progress.get(territory)
        if found is None:
            return None
        try:
            current = self._version()
        except Exception:
            return None
        return found[1] if found[0] == current else None

    def wait(self, timeout: float = 60.0) -> bool:
        """Block until the queue is empty (for tests and the command line); False on timeout."""
        with self._lock:
            thread = self._thread
        if thread is None:
            return True
        done = threading.Event()

        def drained() -> None:
            self._queue.join()
            done.set()

        threading.Thread(target=drained, daemon=True).start()
        return done.wait(timeout)

    def _work(self) -> None:
        _background.active = True
        while True:
            try:
                territory, version = self._queue.get(timeout=5.0)
            except queue.Empty:
                with self._lock:
                    if self._queue.empty():
                        self._thread = None
                        return
                continue
            try:
                self._run(territory, version)
            finally:
                with self._lock:
                    self._queued.discard((territory, version))
                    if self._progress.get(territory, ("", 0))[0] == version:
                        del self._progress[territory]
                self._queue.task_done()

    def _run(self, territory: str, version: str) -> None:
        self.jobs[territory] += 1
        with self._lock:
            steps = list(self._steps.items())
        for done, (name, step) in enumerate(steps, start=1):
            try:
                if self.stopped.is_set() or self._version() != version:
                    return  # written meanwhile: the write queued the new version
                step(territory)
            except Exception:
                log.warning("precompute of %s of %r failed", name, territory, exc_info=True)
                return
            with self._lock:
                self._progress[territory] = (version, round(100 * done / len(steps)))
        if self._then is not None:
            self._then(territory)


class Precomputing:
    """The part of ``maillage.app.Maillage`` that reads, queues and reports precomputed results.

    A mixin: it uses the instance's ``store``, ``settings``, ``_cache``, ``scope``,
    ``computed``, ``precomputer``, ``date_precomputer``, ``_also``, ``_pseudonymised``,
    ``network``, ``graph``, ``report``, ``_cached``, ``_bounded``, ``date_reports`` and
    ``territory_names``.
    The layouts live here: they are what the first picture needs besides the report.
    """

    def _precomputers(self) -> tuple[Precomputer, Precomputer]:
        """The first-paint worker (report, layout, the graph in memory) and the dates' one.

        Also sets ``date_reports``, the dates' process (:mod:`maillage.date_reports`).
        """
        self.date_reports = DateReports(self.settings.seed)
        version = lambda: self.store.data_version()  # noqa: E731
        dates = Precomputer(version, {"dates": self._precompute_dates})
        first_paint = Precomputer(
            version,
            {
                "report": lambda t: self.report(t),
                "layout": lambda t: self.layout(t),
                "community layouts": lambda t: self.community_layouts(t),
                "graph": lambda t: self.graph(t),  # in memory: read once, not by a visitor
            },
            then=lambda t: dates.schedule([t]),
        )
        return first_paint, dates

    def _persisted(
        self, what: str, territory: str, compute: Callable[[], T], version: str | None = None
    ) -> T:
        """``compute()`` cached in memory and on disk (:mod:`maillage.precompute`), by version.

        ``version`` is the data version ``compute`` reads (default: the current one).
        """
        version = self.store.data_version() if version is None else version
        disk = DiskResults(self.settings.data_dir / FOLDER / self.scope)

        def stored() -> T:
            found = disk.load(version, what, territory)
            if found is not None:
                return found
            value = compute()
            self.computed[what] += 1
            disk.save(version, what, territory, value)
            return value

        return self._cache.get_or_compute((what, version, territory), stored)

    def _persisted_as_of(
        self, territory: str, day: date, compute: Callable[[], T], version: str | None = None
    ) -> T:
        """The unweighted report of ``territory`` at ``day``, kept as the precompute keeps it."""
        what = AS_OF_REPORT.format(day=day.isoformat())
        return self._persisted(what, territory, compute, version)

    def slider_days(self, territory: str) -> list[date]:
        """The dates the Explore slider offers for ``territory`` (:func:`slider_days`)."""
        return slider_days(self.network(territory))

    def _precompute_dates(self, territory: str) -> None:
        """The report at each of the slider's dates, oldest first, until a write or ``close``.

        Computed by the dates' process from the territory's whole network (sent to
        it once), persisted here; in this thread if that process cannot start, or
        by the GDS engine when it is the settings' (inside Neo4j: no CPU here).
        """
        version = self.store.data_version()
        network = self.network(territory)
        key = (self.scope, version, territory)
        for day in slider_days(network):
            self.precomputer.wait()  # the first paint of another territory goes first
            if self.date_precomputer.stopped.is_set() or self.store.data_version() != version:
                return
            if self.date_reports.unavailable or self.settings.engine == "gds":
                self.report(territory, as_of=day)
                continue
            try:
                self._persisted_as_of(
                    territory,
                    day,
                    lambda day=day: self._date_report(key, network, day, version),
                    version,
                )
            except (DatesStopped, _Written):
                return
            except DatesUnavailable:
                self.report(territory, as_of=day)

    def _date_report(self, key: tuple, network: Network, day: date, version: str) -> Any:
        """The report at ``day`` from the dates' process, within the size of one analysis."""
        territory = network.territory
        found = self._bounded(
            f"the report of {territory}",
            (territory,),
            lambda: self.date_reports.report(key, lambda: network, day),
        )
        if self.store.data_version() != version:
            raise _Written  # not stored: saving an old version would remove the new one
        return found

    def _stop_dates(self) -> None:
        """Start no more dates and end the dates' process now (``close``)."""
        self.date_precomputer.stop()
        self.date_reports.stop()

    def layout(self, territory: str) -> dict[str, tuple[float, float]]:
        """Positions of the territory's actors; computed on the full network so they never jump."""
        return self._persisted(
            "layout",
            territory,
            lambda: self._bounded(
                f"the layout of {territory}",
                (territory,),
                lambda: analytics.layout(self.graph(territory), seed=self.settings.seed),
            ),
        )

    def community_layouts(
        self, territory: str, *, as_of: date | None = None
    ) -> list[dict[str, tuple[float, float]]]:
        """Each community's own layout, by rank (0 = the largest), as the report at ``as_of``
        finds them; laid out on every tie of its members (``analytics.community_layouts``).

        Without ``as_of`` they are precomputed and kept on disk, as :meth:`layout` is.
        """

        def compute() -> list[dict[str, tuple[float, float]]]:
            rows = self.report(territory, as_of=as_of).get("actors", [])
            partition = {row["id"]: row.get("community") for row in rows}
            return self._bounded(
                f"the community layouts of {territory}",
                (territory,),
                lambda: analytics.community_layouts(
                    self.graph(territory), partition, seed=self.settings.seed
                ),
            )

        if as_of is None:
            return self._persisted("community layouts", territory, compute)
        return self._cached("community layouts", (territory, as_of), compute)

    def precompute(self, territories: Iterable[str] | None = None) -> None:
        """Queue the first-paint results of ``territories`` (default: all) for the worker."""
        try:
            wanted = self.territory_names() if territories is None else list(territories)
        except MaillageError:  # the store is down: the next write or visit asks again
            return
        self.precomputer.schedule(wanted)
        if self._pseudonymised is not None:
            self._pseudonymised.precomputer.schedule(wanted)

    def precompute_also(self, name: str, step: Callable[[Any, str], Any]) -> None:
        """Also compute ``step(source, territory)`` in the background after each write.

        ``source`` is this instance, or its pseudonymised one for what viewers read:
        ``step`` should keep what it computes in ``source.cached`` (keyed by data
        version, so a write never serves it stale). Steps run after the report, the
        layout and the graph, in the order they were added.
        """
        self._also[name] = step
        self.precomputer.add_step(name, lambda territory: step(self, territory))
        if self._pseudonymised is not None:
            self._pseudonymised.precompute_also(name, step)

    def precompute_progress(self, territory: str) -> int | None:
        """Percent done of ``territory``'s first-paint results being computed; None when ready."""
        return self.precomputer.progress(territory)

    def _written(self, territories: Iterable[str] = ()) -> None:
        """After a write: recompute the territories it touched (all, when it does not say)."""
        touched = [t for t in territories if t in self.territory_names()]
        self.precompute(touched or None)


class _Written(Exception):
    """The data changed while a date's report was computed: it is of an older version."""


def slider_days(network: Network) -> list[date]:
    """31 December of every year the Explore page's slider offers for ``network``.

    "All" (no date) aside: every year from the first to the last of
    :func:`maillage.graph.network_years.network_years` (the one rule of the slider's
    range, which ``dashboard.presenters.explore.year_slider`` draws), one year a step.

    >>> from maillage.graph.model import Actor, Network, Sector, Tie
    >>> actors = (Actor("a", "A", Sector.PUBLIC, ("T",), joined=date(2017, 3, 1)),
    ...           Actor("b", "B", Sector.MEDIA, ("T",)))
    >>> ties = (Tie("a", "b", since=date(2019, 5, 1), until=date(2021, 12, 31)),)
    >>> [d.isoformat() for d in slider_days(Network("T", actors, ties))]
    ['2019-12-31', '2020-12-31', '2021-12-31']
    """
    years = network_years(network)
    if not years:
        return []
    return [date(year, 12, 31) for year in range(years[0], years[-1] + 1)]
