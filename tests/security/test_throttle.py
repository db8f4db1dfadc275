"""Failed sign-ins back off per address and per (name, address), atomically; admins unlock."""

from __future__ import annotations

import threading
from pathlib import Path

from click.testing import CliRunner
from security_support import PASSWORDS, SECRET, Clock, csrf_token, sign_in

from maillage.cli import main
from maillage.serving.access import Access
from maillage.serving.web import web_app
from maillage.throttle import UNLOCK_FILE, SignInThrottle, UnlockRequests


def from_address(client, address: str, name: str, password: str | None = None):
    """Sign in as ``name`` from the client address ``address``."""
    form = {"name": name, "password": PASSWORDS.get(name, "") if password is None else password}
    form["csrf"] = csrf_token(client)
    return client.post("/login", data=form, environ_base={"REMOTE_ADDR": address})


def test_a_stranger_cannot_lock_a_name_out(client):
    for _ in range(30):
        from_address(client, "203.0.113.9", "felix", "not the password")
    assert from_address(client, "203.0.113.9", "felix").status_code == 429, "the stranger waits"
    assert from_address(client, "198.51.100.7", "felix").status_code == 303, "the owner does not"


def test_the_wait_doubles_with_each_failure_after_the_allowance(clock):
    throttle = SignInThrottle(5, 900.0, clock, base=60.0)
    waits = []
    for _ in range(5):
        wrong(throttle, "felix", "a")
    for _ in range(4):
        waits.append(throttle.attempt("felix", "a"))
        clock.now += waits[-1]
        wrong(throttle, "felix", "a")
    assert waits == [60.0, 120.0, 240.0, 480.0]
    assert throttle.attempt("felix", "a") == 900.0, "capped at the window"


def wrong(throttle: SignInThrottle, name: str, address: str) -> None:
    """One admitted attempt with a wrong password."""
    assert throttle.attempt(name, address) == 0.0
    throttle.failed(name, address)


def test_failures_are_forgotten_after_a_quiet_window(clock):
    throttle = SignInThrottle(5, 900.0, clock)
    for _ in range(5):
        wrong(throttle, "felix", "a")
    assert throttle.attempt("felix", "a") > 0
    clock.advance(minutes=1 + 15.1)
    for _ in range(5):
        wrong(throttle, "felix", "a")  # counted afresh: five again before a wait


def test_a_right_password_gives_the_attempt_back(clock):
    throttle = SignInThrottle(5, 900.0, clock)
    for turn in range(50):
        assert throttle.attempt(f"user{turn % 3}", "a") == 0.0
        throttle.succeeded(f"user{turn % 3}", "a")
    assert throttle.attempt("felix", "a") == 0.0, "successes never count against an address"


def test_concurrent_right_passwords_queue_instead_of_being_refused(clock):
    throttle = SignInThrottle(2, 900.0, clock, address_factor=2)
    for turn in range(4):  # four in flight at once: the allowance of the address
        assert throttle.attempt(f"user{turn}", "office") == 0.0
    outcome: list[float] = []
    fifth = threading.Thread(target=lambda: outcome.append(throttle.attempt("ada", "office")))
    fifth.start()
    fifth.join(0.2)
    assert fifth.is_alive(), "the fifth waits for those in flight"
    throttle.succeeded("user0", "office")
    fifth.join(5)
    assert outcome == [0.0], "admitted once one was decided"


def test_concurrent_wrong_passwords_never_get_past_the_allowance(users):
    access = Access(users, SECRET, attempts=5, clock=Clock())
    from maillage.app import Maillage  # noqa: PLC0415 - a bare app, no store read
    from maillage.settings import Settings  # noqa: PLC0415

    server = Maillage(Settings(store_url="sqlite:///:memory:", secret_key=SECRET.decode()))
    app = web_app(server, access)
    statuses: list[int] = []
    ready = threading.Barrier(12)

    def guess() -> None:
        client = app.server.test_client()
        token = csrf_token(client)
        form = {"name": "felix", "password": "wrong but long enough", "csrf": token}
        ready.wait()
        statuses.append(client.post("/login", data=form).status_code)

    threads = [threading.Thread(target=guess) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    server.close()

    assert statuses.count(401) == 5, statuses
    assert statuses.count(429) == 7, statuses


def test_an_admin_unlocks_a_name_from_the_command_line(users, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    from maillage.settings import Settings  # noqa: PLC0415

    data_dir = Settings.from_env().data_dir
    access = Access(users, SECRET, clock=Clock(), unlock_file=data_dir / UNLOCK_FILE)
    from maillage.app import Maillage  # noqa: PLC0415

    server = Maillage(Settings(store_url="sqlite:///:memory:", secret_key=SECRET.decode()))
    client = web_app(server, access).server.test_client()
    for _ in range(5):
        sign_in(client, "felix", "not the password")
    assert sign_in(client, "felix").status_code == 429

    result = CliRunner().invoke(main, ["users", "unlock", "felix"])

    assert result.exit_code == 0 and "Unlocked felix" in result.output
    assert sign_in(client, "felix").status_code == 303
    server.close()


def test_unlock_requests_are_read_once_and_only_when_complete(tmp_path: Path):
    path = tmp_path / "data" / UNLOCK_FILE
    writer, reader = UnlockRequests(path), UnlockRequests(path)
    writer.request("felix")
    writer.request("ada")
    assert reader.new_names() == ["felix", "ada"]
    assert reader.new_names() == []
    with path.open("a", encoding="utf-8") as handle:
        handle.write("half-writt")
    assert reader.new_names() == []
    with path.open("a", encoding="utf-8") as handle:
        handle.write("en\n")
    assert reader.new_names() == ["half-written"]
    assert UnlockRequests(path).new_names() == [], "a restarted server skips old requests"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
