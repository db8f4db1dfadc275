"""Failed sign-ins slow down their source, never lock a name out for everyone.

:class:`SignInThrottle` keeps failures per client address and per (name,
address) pair. A key may fail ``free`` times; after that it waits before its
next try, and the wait doubles with every further failure (1 min, 2, 4...,
at most ``cap``). A key that has been quiet for ``window`` after its last wait
is forgotten. So a stranger who tries a known name from their own address
slows down only themselves: the name's owner, from another address, signs in
as usual. An admin can clear a name's waits at once (``maillage users unlock
NAME``, which the server reads from :class:`UnlockRequests`).

Checking and recording are one step: an attempt is counted as a failure
*before* its password is checked (and the count given back when it was
right), under one lock, so that concurrent wrong passwords can never get past
the allowance, however many threads serve them.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Clock = Callable[[], float]
KEYS_KEPT = 10_000
UNLOCK_FILE = "unlock-requests"


@dataclass
class _Failures:
    count: int = 0
    blocked_until: float = 0.0
    last: float = 0.0


class _Backoff:
    """Failures per key: ``free`` of them, then exponential waits from ``base`` to ``cap``."""

    def __init__(self, free: int, base: float, cap: float, window: float) -> None:
        self.free, self.base, self.cap, self.window = free, base, cap, window
        self.keys: OrderedDict[str, _Failures] = OrderedDict()

    def wait(self, key: str, now: float) -> float:
        found = self.keys.get(key)
        if found is None:
            return 0.0
        if now > max(found.blocked_until, found.last) + self.window:
            del self.keys[key]
            return 0.0
        return max(0.0, found.blocked_until - now)

    def fail(self, key: str, now: float) -> None:
        found = self.keys.setdefault(key, _Failures())
        self.keys.move_to_end(key)
        found.count += 1
        found.last = now
        excess = found.count - self.free
        if excess >= 0:
            found.blocked_until = now + min(self.cap, self.base * 2**excess)
        while len(self.keys) > KEYS_KEPT:
            self.keys.popitem(last=False)

    def give_back(self, key: str) -> None:
        found = self.keys.get(key)
        if found is not None:
            found.count = max(0, found.count - 1)
            if found.count < self.free:
                found.blocked_until = 0.0


class SignInThrottle:
    """Back-off of failed sign-ins per address and per (name, address); see the module.

    Parameters
    ----------
    attempts : int
        Failures allowed per (name, address) before the first wait; an address
        gets ``address_factor`` times as many, whatever the names.
    window : float
        Seconds of quiet after which a key's failures are forgotten; also the
        longest wait.
    clock : callable
        Seconds (``time.time``); tests pass one they move.
    base : float
        The first wait, in seconds; each further failure doubles it.
    """

    def __init__(
        self,
        attempts: int,
        window: float,
        clock: Clock,
        *,
        address_factor: int = 4,
        base: float = 60.0,
    ) -> None:
        cap = max(window, base)
        self._by_pair = _Backoff(attempts, base, cap, window)
        self._by_address = _Backoff(attempts * address_factor, base, cap, window)
        self._clock = clock
        self._lock = threading.Lock()

    def attempt(self, name: str, address: str) -> float:
        """Seconds to wait before trying (refused), or 0: the try is counted as a failure.

        Call :meth:`succeeded` when the password was right.
        """
        pair = _pair(name, address)
        now = self._clock()
        with self._lock:
            wait = max(self._by_pair.wait(pair, now), self._by_address.wait(address, now))
            if wait > 0:
                return wait
            self._by_pair.fail(pair, now)
            self._by_address.fail(address, now)
            return 0.0

    def succeeded(self, name: str, address: str) -> None:
        """The attempt was right: the pair starts afresh, the address gets its try back."""
        with self._lock:
            self._by_pair.keys.pop(_pair(name, address), None)
            self._by_address.give_back(address)

    def unlock(self, name: str) -> int:
        """Forget every failure of ``name``, from any address; how many addresses had some."""
        prefix = _pair(name, "")
        with self._lock:
            pairs = [key for key in self._by_pair.keys if key.startswith(prefix)]
            for key in pairs:
                del self._by_pair.keys[key]
        return len(pairs)


def _pair(name: str, address: str) -> str:
    return f"{len(name)}:{name}\0{address}"


class UnlockRequests:
    """Names an admin unlocked, one a line in a file the server reads when it changes.

    ``maillage users unlock NAME`` appends to the file; the server, at each
    sign-in, reads what was appended since it last looked (a ``stat`` when
    nothing changed).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen = 0
        self._lock = threading.Lock()
        try:
            self._seen = path.stat().st_size  # requests older than the server are done
        except OSError:
            self._seen = 0

    def request(self, name: str) -> None:
        """Ask the server to unlock ``name`` (the file is readable by its owner only)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as handle:
            handle.write(name.replace("\n", " ") + "\n")

    def new_names(self) -> list[str]:
        """Names requested since the last call."""
        with self._lock:
            try:
                size = self.path.stat().st_size
            except OSError:
                return []
            if size == self._seen:
                return []
            if size < self._seen:  # the file was replaced
                self._seen = 0
            with self.path.open("rb") as handle:
                handle.seek(self._seen)
                data = handle.read(size - self._seen)
            end = data.rfind(b"\n") + 1  # a line still being written waits for next time
            self._seen += end
            lines = data[:end].decode("utf-8", "replace").split("\n")
            return [line for line in lines if line]
