"""Failed sign-ins slow down their source, never lock a name out for everyone.

:class:`SignInThrottle` keeps failures per client address and per (name,
address) pair. A key may fail ``free`` times; after that it waits before its
next try, and the wait doubles with every further failure (1 min, 2, 4...,
at most ``cap``). A key that has been quiet for ``window`` after its last wait
is forgotten. So a stranger who tries a known name from their own address
slows down only themselves: the name's owner, from another address, signs in
as usual. An admin can clear a name's waits at once (``maillage users unlock
NAME``, which the server reads from :class:`UnlockRequests`).

Checking and recording are one step: under one lock, an attempt is admitted
only if the failures so far plus the attempts still being checked stay
within the allowance; otherwise it waits (a few seconds at most) for those to
be decided. So concurrent wrong passwords never get past the allowance,
however many threads serve them, and concurrent right ones merely queue.
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Clock = Callable[[], float]
KEYS_KEPT = 10_000
PENDING_WAIT = 10.0
"""Seconds an attempt waits for those in flight before it is refused."""
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
        self.pending: dict[str, int] = {}

    def room(self, key: str) -> bool:
        """Whether one more attempt in flight could not take ``key`` past its allowance.

        Past the allowance (a wait just ended), one attempt at a time.
        """
        found = self.keys.get(key)
        count = found.count if found is not None else 0
        pending = self.pending.get(key, 0)
        return count + pending < self.free or (count >= self.free and pending == 0)

    def start(self, key: str) -> None:
        self.pending[key] = self.pending.get(key, 0) + 1

    def settle(self, key: str) -> None:
        left = self.pending.get(key, 1) - 1
        if left > 0:
            self.pending[key] = left
        else:
            self.pending.pop(key, None)

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
        self._decided = threading.Condition()

    def attempt(self, name: str, address: str) -> float:
        """Seconds to wait before trying (refused), or 0: the try may go on.

        An admitted attempt must end with :meth:`failed` or :meth:`succeeded`.
        """
        pair = _pair(name, address)
        give_up = time.monotonic() + PENDING_WAIT
        with self._decided:
            while True:
                now = self._clock()
                wait = max(self._by_pair.wait(pair, now), self._by_address.wait(address, now))
                if wait > 0:
                    return wait
                if self._by_pair.room(pair) and self._by_address.room(address):
                    self._by_pair.start(pair)
                    self._by_address.start(address)
                    return 0.0
                left = give_up - time.monotonic()
                if left <= 0:
                    return 1.0  # still undecided: try again in a moment
                self._decided.wait(left)

    def failed(self, name: str, address: str) -> None:
        """The admitted attempt had a wrong name or password."""
        pair = _pair(name, address)
        now = self._clock()
        with self._decided:
            for backoff, key in ((self._by_pair, pair), (self._by_address, address)):
                backoff.settle(key)
                backoff.fail(key, now)
            self._decided.notify_all()

    def succeeded(self, name: str, address: str) -> None:
        """The admitted attempt was right: the pair starts afresh."""
        pair = _pair(name, address)
        with self._decided:
            self._by_pair.settle(pair)
            self._by_address.settle(address)
            self._by_pair.keys.pop(pair, None)
            self._decided.notify_all()

    def unlock(self, name: str) -> int:
        """Forget every failure of ``name``, from any address; how many addresses had some."""
        prefix = _pair(name, "")
        with self._decided:
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
