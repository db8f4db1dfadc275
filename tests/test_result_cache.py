"""``ResultCache`` computes each key once, even when two requests ask for it at once."""

from __future__ import annotations

import threading

import pytest

from maillage.app import ResultCache


class WatchedLock:
    """A lock that tells when a given thread has left it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.watched: threading.Thread | None = None
        self.left = threading.Event()

    def __enter__(self) -> WatchedLock:
        self._lock.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self._lock.release()
        if threading.current_thread() is self.watched:
            self.left.set()


@pytest.mark.timeout(60)  # a hang, not a speed: the threads wait on events only
def test_a_second_request_waits_for_the_first_computation():
    cache = ResultCache(8)
    lock = cache._lock = WatchedLock()
    computing, release = threading.Event(), threading.Event()
    calls: list[str] = []
    results: dict[str, object] = {}

    def first() -> str:
        calls.append("first")
        computing.set()
        release.wait()
        return "report"

    def second() -> str:
        calls.append("second")
        return "another report"

    one = threading.Thread(target=lambda: results.update(one=cache.get_or_compute("k", first)))
    two = threading.Thread(target=lambda: results.update(two=cache.get_or_compute("k", second)))
    one.start()
    computing.wait()
    lock.watched = two
    two.start()
    lock.left.wait()  # the second request has looked in the cache while the first computes
    release.set()
    one.join()
    two.join()
    assert calls == ["first"]
    assert results == {"one": "report", "two": "report"}
    assert cache.get_or_compute("k", second) == "report"


@pytest.mark.timeout(60)
def test_a_failure_reaches_the_waiting_request_and_is_not_cached():
    cache = ResultCache(8)
    lock = cache._lock = WatchedLock()
    computing, release = threading.Event(), threading.Event()
    outcomes: dict[str, object] = {}

    def failing() -> str:
        computing.set()
        release.wait()
        raise RuntimeError("the store is locked")

    def ask(name: str) -> None:
        try:
            outcomes[name] = cache.get_or_compute("k", failing)
        except RuntimeError as error:
            outcomes[name] = str(error)

    one = threading.Thread(target=ask, args=("one",))
    one.start()
    computing.wait()
    two = threading.Thread(target=ask, args=("two",))
    lock.watched = two
    two.start()
    lock.left.wait()
    release.set()
    one.join()
    two.join()
    assert outcomes == {"one": "the store is locked", "two": "the store is locked"}
    assert cache.get_or_compute("k", lambda: "computed again") == "computed again"


def test_the_least_recently_used_result_goes_first():
    cache = ResultCache(2)
    cache.get_or_compute("a", lambda: 1)
    cache.get_or_compute("b", lambda: 2)
    cache.get_or_compute("a", lambda: pytest.fail("a is cached"))
    cache.get_or_compute("c", lambda: 3)
    assert cache.get_or_compute("b", lambda: "recomputed") == "recomputed"
