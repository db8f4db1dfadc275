"""The reports at the Explore slider's dates, computed in a separate low-priority process.

The dates' worker of :mod:`maillage.precompute` computes a territory's report
at every date of the slider (17 at 10,000 actors, seconds of CPU each) right
after an import, when a facilitator visits. In the web server's process that
work holds the interpreter lock and competes with every request; here it runs
in one child process, started by ``spawn`` (never a fork of the threaded
server) and niced (:data:`NICENESS`), so that the server keeps its CPU.

The child is sent a territory's whole network once, then asked for its report
at each date: it filters the network itself (``Network.on``) and computes the
report with the function ``Maillage.report`` uses (``analytics.territory_report``,
same seed: the same result); the parent persists it. It keeps the last
:data:`NETWORKS_KEPT` networks it was sent, exits after :data:`IDLE_SECONDS`
without a request and is started again when asked. :meth:`DateReports.stop`
ends it at once (the date under way is lost).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable, Hashable
from datetime import date
from multiprocessing.connection import Connection
from typing import Any

from .graph import analytics
from .graph.documents import TerritoryReport
from .graph.model import Network

log = logging.getLogger(__name__)

NICENESS = 10
"""How much lower than the web server's the child's scheduling priority is."""
NETWORKS_KEPT = 2
"""Networks the child keeps (the real and the pseudonymised one of a territory, say)."""
IDLE_SECONDS = 60.0
"""The child exits after this long without a request (a later one starts it again)."""


class DatesStopped(Exception):
    """The child was stopped (:meth:`DateReports.stop`) while it computed a report."""


class DatesUnavailable(Exception):
    """The child process could not be started on this platform: compute in a thread."""


class DateReports:
    """One child process computing reports at dates of networks it was sent once.

    Thread-safe: requests from several threads (the real and the pseudonymised
    instance's dates' workers) take turns.

    Parameters
    ----------
    seed : int or None
        The seed of the reports (the settings' seed, as ``Maillage.report`` uses).
    """

    def __init__(self, seed: int | None) -> None:
        self._seed = seed
        self._turn = threading.Lock()
        self._state = threading.Lock()
        self._process: Any = None
        self._connection: Connection | None = None
        self._held: list[Hashable] = []
        self._stops = 0
        self.answered_by: int | None = None
        """The process id of the child that answered the latest report."""
        self.unavailable = False
        """True once the process could not start: the caller computes in its thread."""

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs, else None."""
        with self._state:
            process = self._process
        return process.pid if process is not None and process.is_alive() else None

    def report(self, key: Hashable, network: Callable[[], Network], day: date) -> TerritoryReport:
        """The report at ``day`` of the whole network named ``key`` (``network()``, sent once).

        ``key`` must change whenever the network does (put the data version in it).
        Raises :class:`DatesStopped` when :meth:`stop` ends the child meanwhile,
        :class:`DatesUnavailable` when it cannot start, and ``RuntimeError`` (the
        child's traceback) when the report fails.
        """
        with self._turn:
            stops = self._stops
            try:
                return self._ask(key, network, day)
            except (EOFError, OSError):
                if stops != self._stops:
                    raise DatesStopped from None
            # the child exited (idle, or killed from outside) as it was asked: once again
            try:
                return self._ask(key, network, day)
            except (EOFError, OSError):
                raise DatesStopped from None

    def _ask(self, key: Hashable, network: Callable[[], Network], day: date) -> TerritoryReport:
        connection = self._started()
        try:
            if key not in self._held:
                connection.send(("network", key, network()))
                self._held.append(key)
                if len(self._held) > NETWORKS_KEPT:
                    connection.send(("forget", self._held.pop(0)))
            connection.send(("report", key, day, self._seed))
            kind, value = connection.recv()
            self.answered_by = self._process.pid if self._process is not None else None
        except (EOFError, OSError):
            self._forget(connection)
            raise
        if kind == "error":
            raise RuntimeError(f"the report at {day} failed in the dates' process:\n{value}")
        return value

    def _started(self) -> Connection:
        """The connection to a running child, started now if there is none."""
        with self._state:
            if self._process is not None and self._process.is_alive() and self._connection:
                return self._connection
        self._forget(self._connection)
        if self.unavailable:
            raise DatesUnavailable
        try:
            context = multiprocessing.get_context("spawn")
            mine, theirs = context.Pipe()
            process = context.Process(
                target=serve, args=(theirs,), name="maillage-dates", daemon=True
            )
            process.start()
        except (ImportError, NotImplementedError, OSError, ValueError):
            self.unavailable = True
            log.warning("the dates' process did not start: computed in a thread", exc_info=True)
            raise DatesUnavailable from None
        theirs.close()
        with self._state:
            self._process, self._connection, self._held = process, mine, []
        return mine

    def _forget(self, connection: Connection | None) -> None:
        with self._state:
            if connection is not None and connection is self._connection:
                self._process, self._connection, self._held = None, None, []
        if connection is not None:
            connection.close()

    def stop(self) -> None:
        """End the child now (a report under way raises :class:`DatesStopped`)."""
        with self._state:
            self._stops += 1
            process = self._process
        if process is None:
            return
        process.terminate()
        process.join(5.0)
        if process.is_alive():
            process.kill()
            process.join(5.0)


def serve(connection: Connection) -> None:
    """The child: keep the networks sent, answer each report asked, until idle or closed."""
    with contextlib.suppress(AttributeError, OSError):  # no nice on this platform
        os.nice(NICENESS)
    networks: dict[Hashable, Network] = {}
    while connection.poll(IDLE_SECONDS):
        try:
            kind, key, *rest = connection.recv()
        except EOFError:
            return
        if kind == "network":
            networks[key] = rest[0]
        elif kind == "forget":
            networks.pop(key, None)
        else:
            day, seed = rest
            try:
                answer = ("report", analytics.territory_report(networks[key].on(day), seed=seed))
            except Exception:
                answer = ("error", traceback.format_exc())
            connection.send(answer)
