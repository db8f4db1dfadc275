"""Bounded work in the web app: per analysis, per user, and for the whole server.

An analysis (a report, gaps, a layout, a comparison) costs about the actors
plus the ties it covers. In the web app, where anyone signed in can ask for
any of them, :class:`Budget` refuses with a message what would cost too much,
and queues the rest:

- one analysis may cover at most ``Limits.work`` actors and ties;
- one user (or, signed out, one address) may start analyses worth at most
  ``Limits.work_per_minute`` a minute (results already computed cost nothing)
  and run at most :data:`PER_CLIENT` at once (as many more wait for a turn);
- at most ``Limits.analyses`` are computed at once, as many more wait for a
  turn (:data:`WAIT` seconds at most), and beyond that the server is busy: so
  the workers left always answer sign-in and cached results.

The command line has no budget: whoever runs it owns the machine.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .graph.errors import MaillageError
from .settings import (
    ANALYSES_ENV,
    COMPARE_TERRITORIES_ENV,
    WORK_ENV,
    WORK_PER_MINUTE_ENV,
    Limits,
)

PER_CLIENT = 2
"""Analyses one user (or address) may have running at once; as many more may wait."""
WAIT = 20.0
"""Seconds an analysis waits for a turn before the server says it is busy."""
CLIENTS_KEPT = 10_000


class OverBudget(MaillageError):
    """An analysis or a request would cost more than a limit allows; the message says which."""


def too_many_territories(count: int, limit: int) -> OverBudget:
    return OverBudget(
        f"a comparison takes at most {limit} different territories, not {count}: "
        f"compare fewer (an operator can raise the limit with {COMPARE_TERRITORIES_ENV}=...)"
    )


def current_client() -> str:
    """Who the web request being served is for: the signed-in user, else the address."""
    try:
        import flask
    except ImportError:  # pragma: no cover - flask comes with dash
        return "local"
    if not flask.has_request_context():
        return "local"
    session = flask.g.get("maillage_session")
    user = getattr(session, "user", None)
    if user is not None:
        return f"user {user.name}"
    return f"address {flask.request.remote_addr or 'unknown'}"


class Budget:
    """The web app's limits on analyses (see the module's documentation).

    Parameters
    ----------
    limits : Limits
        ``work``, ``work_per_minute`` and ``analyses`` are used.
    client : callable
        Who the current request is for (:func:`current_client`).
    clock : callable
        Monotonic seconds; tests pass their own.
    wait : float
        Seconds to wait for a turn before refusing.
    """

    def __init__(
        self,
        limits: Limits,
        *,
        client: Callable[[], str] = current_client,
        clock: Callable[[], float] = time.monotonic,
        wait: float = WAIT,
    ) -> None:
        self.work = limits.work
        self.per_minute = limits.work_per_minute
        self.analyses = limits.analyses
        self.wait = wait
        self._client, self._clock = client, clock
        self._turns = threading.BoundedSemaphore(limits.analyses)
        self._lock = threading.Lock()
        self._admitted = 0
        self._by_client: dict[str, int] = {}
        self._client_turns: dict[str, threading.Semaphore] = {}
        self._spent: dict[str, tuple[float, float]] = {}
        self._inside = threading.local()

    def check_size(self, what: str, cost: int) -> None:
        """Raise ``OverBudget`` when ``what`` (of ``cost``) is over the limit of one analysis."""
        if cost > self.work:
            raise OverBudget(
                f"{what} covers {cost:,} actors and ties, over the limit of {self.work:,} "
                f"for one analysis in the web app: use the command line (`maillage`), or ask "
                f"an operator to raise {WORK_ENV}=..."
            )

    @contextmanager
    def turn(self, what: str, cost: int) -> Iterator[None]:
        """Run the analysis ``what`` of ``cost`` inside the block, or raise ``OverBudget``.

        An analysis that another one needs (a report inside the gaps) runs in
        its turn: only the outermost one is counted.
        """
        if getattr(self._inside, "depth", 0):
            self._inside.depth += 1
            try:
                yield
            finally:
                self._inside.depth -= 1
            return
        self.check_size(what, cost)
        client = self._client()
        mine = self._admit(what, cost, client)
        deadline = self._clock() + self.wait
        try:
            if not mine.acquire(timeout=self.wait):
                raise self._busy()
            try:
                if not self._turns.acquire(timeout=max(0.0, deadline - self._clock())):
                    raise self._busy()
                try:
                    self._inside.depth = 1
                    yield
                finally:
                    self._inside.depth = 0
                    self._turns.release()
            finally:
                mine.release()
        finally:
            with self._lock:
                self._admitted -= 1
                left = self._by_client.get(client, 1) - 1
                if left > 0:
                    self._by_client[client] = left
                else:
                    self._by_client.pop(client, None)
                    self._client_turns.pop(client, None)

    def _admit(self, what: str, cost: int, client: str) -> threading.Semaphore:
        """Count the analysis in, or raise; the client's own turns to wait on."""
        now = self._clock()
        with self._lock:
            if self._by_client.get(client, 0) >= 2 * PER_CLIENT:
                raise OverBudget(
                    f"{what} must wait: {2 * PER_CLIENT} of your analyses are already being "
                    "computed or waiting. Try again when they are shown."
                )
            if self._admitted >= 2 * self.analyses:
                raise self._busy()
            level, then = self._spent.get(client, (0.0, now))
            level = max(0.0, level - (now - then) * self.per_minute / 60)
            if level + cost > self.per_minute:
                seconds = math.ceil((level + cost - self.per_minute) * 60 / self.per_minute)
                raise OverBudget(
                    f"{what} would go over your budget of {self.per_minute:,} actors and ties "
                    f"analysed a minute: try again in {seconds} s (an operator can raise "
                    f"{WORK_PER_MINUTE_ENV}=...)"
                )
            self._spent[client] = (level + cost, now)
            if len(self._spent) > CLIENTS_KEPT:
                self._spent.pop(next(iter(self._spent)))
            self._admitted += 1
            self._by_client[client] = self._by_client.get(client, 0) + 1
            return self._client_turns.setdefault(client, threading.Semaphore(PER_CLIENT))

    def _busy(self) -> OverBudget:
        return OverBudget(
            f"the server is busy: {self.analyses} analyses are being computed and more are "
            f"waiting. Try again in a minute (an operator can raise {ANALYSES_ENV}=...)"
        )
