"""``ResultCache``: computed results kept by key, each computed once."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Any, TypeVar

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
