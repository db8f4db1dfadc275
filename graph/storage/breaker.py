"""A circuit breaker in front of a store: when it is down, fail at once instead of waiting.

A Neo4j server that is down costs every call its retries (15 to 30 s): ten
callbacks in flight then hold every worker of the web server, and even the
sign-in page waits. :class:`CircuitBreaker` opens on the first
``StoreUnavailable``: for ``cooldown`` seconds every call fails at once with
:class:`DatabaseUnreachable`, then one call at a time tries the store again
(the others still fail at once) until one succeeds.

The readers of the web app see only "the database is unreachable"; the
store's own message (its address, the command that starts it) goes to the
log, once each time the breaker opens.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from ..errors import StoreUnavailable
from ..model import (
    Activity,
    ActivityRecord,
    Actor,
    Dataset,
    ImportResult,
    Network,
    TerritorySummary,
)
from ..store_text import UNREACHABLE
from .base import GraphStore

log = logging.getLogger(__name__)

T = TypeVar("T")


class DatabaseUnreachable(StoreUnavailable):
    """The store is down (or was a moment ago); the message says nothing about where it is."""

    def __init__(self) -> None:
        super().__init__(UNREACHABLE)


class CircuitBreaker:
    """``open_store()``'s store, opened on first use, behind a breaker.

    It is a ``GraphStore`` (registered as one): the contract's methods are
    written out, and any other method of the real store (history, undo...) is
    passed through the breaker too, so that a store gaining methods needs no
    change here.

    Parameters
    ----------
    open_store : callable
        Opens the real store (it may raise ``StoreUnavailable``).
    cooldown : float
        Seconds during which every call fails at once after a failure.
    clock : callable
        Monotonic seconds (``time.monotonic``); tests pass their own.
    """

    def __init__(
        self,
        open_store: Callable[[], GraphStore],
        *,
        cooldown: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._open = open_store
        self._store: GraphStore | None = None
        self.cooldown = cooldown
        self._clock = clock
        self._lock = threading.Lock()
        self._open_until = 0.0
        self._probing = False
        self.failures = 0
        """How many times the breaker opened (for tests and the log)."""

    @property
    def is_open(self) -> bool:
        with self._lock:
            return self._clock() < self._open_until

    def _admit(self) -> bool:
        """Whether this call may try the store; True for the one probe after a cooldown."""
        with self._lock:
            if self._open_until == 0.0:
                return False
            if self._clock() < self._open_until or self._probing:
                raise DatabaseUnreachable()
            self._probing = True
            return True

    def _call(self, what: Callable[[GraphStore], T]) -> T:
        probe = self._admit()
        try:
            with self._lock:
                store = self._store
            if store is None:
                store = self._opened()
            result = what(store)
        except StoreUnavailable as error:
            self._trip(error)
            raise DatabaseUnreachable() from None
        except BaseException:
            if probe:
                with self._lock:
                    self._probing = False
            raise
        if probe:
            with self._lock:
                self._probing, self._open_until = False, 0.0
            log.warning("the store answers again")
        return result

    def _opened(self) -> GraphStore:
        store = self._open()
        with self._lock:
            if self._store is None:
                self._store = store
                return store
            found = self._store
        store.close()
        return found

    def _trip(self, error: StoreUnavailable) -> None:
        with self._lock:
            already = self._clock() < self._open_until
            self._open_until = self._clock() + self.cooldown
            self._probing = False
            if not already:
                self.failures += 1
        if not already:
            log.error("store unavailable, failing fast for %.0f s: %s", self.cooldown, error)

    # GraphStore, every call through the breaker

    def setup_schema(self) -> None:
        self._call(lambda store: store.setup_schema())

    def upsert(self, dataset: Dataset, **options: Any) -> ImportResult:
        """The store's upsert with its options (user, replace, merge, files...)."""
        return self._call(lambda store: store.upsert(dataset, **options))

    def territories(self) -> list[TerritorySummary]:
        return self._call(lambda store: store.territories())

    def network(self, territory: str, *, as_of: date | None = None) -> Network:
        return self._call(lambda store: store.network(territory, as_of=as_of))

    def actor(self, actor_id: str) -> Actor | None:
        return self._call(lambda store: store.actor(actor_id))

    def actor_ids(self) -> frozenset[str]:
        return self._call(lambda store: store.actor_ids())

    def activity_record(self, activity_id: str, actor_id: str) -> ActivityRecord | None:
        return self._call(lambda store: store.activity_record(activity_id, actor_id))

    def activities(self, territory: str) -> list[Activity]:
        return self._call(lambda store: store.activities(territory))

    def neighbourhood(self, actor_id: str, hops: int = 1, *, as_of: date | None = None) -> Network:
        return self._call(lambda store: store.neighbourhood(actor_id, hops, as_of=as_of))

    def shortest_path(self, source: str, target: str, *args: Any, **kwargs: Any) -> Any:
        return self._call(lambda store: store.shortest_path(source, target, *args, **kwargs))

    def delete_territory(self, territory: str) -> None:
        self._call(lambda store: store.delete_territory(territory))

    def data_version(self) -> str:
        return self._call(lambda store: store.data_version())

    def close(self) -> None:
        with self._lock:
            store, self._store = self._store, None
        if store is not None:
            store.close()

    def __enter__(self) -> CircuitBreaker:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __getattr__(self, name: str) -> Any:
        """Anything else the real store offers (history, undo...), through the breaker too."""
        if name.startswith("_"):
            raise AttributeError(name)
        attribute = self._call(lambda store: getattr(store, name))
        if not callable(attribute):
            return attribute
        return lambda *args, **kwargs: self._call(
            lambda store: getattr(store, name)(*args, **kwargs)
        )


GraphStore.register(CircuitBreaker)
