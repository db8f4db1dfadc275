"""Load test: concurrent clients against ``maillage serve`` (waitress), on loopback only.

Starts ``maillage serve`` on 127.0.0.1 on a free port, with the demo
territories in a temporary SQLite store and (unless ``--no-auth``) a users
file of one viewer and one facilitator. Each client signs in (clients
alternate between the two roles, so both the real and the pseudonymised
caches are exercised), then until the time is up repeats: switch to the next
territory (every callback the Explore page fires on a territory change,
POSTed to ``/_dash-update-component`` exactly as the browser sends it), then
open the reports (the brokers table, the gaps, and one download in turn as
CSV, Excel and HTML). A request fails when it raises, answers anything but
200/204, or carries the dashboard's error panel.

First, unless ``--no-warm-up``, one client per role visits every territory
twice alone: the first visit fills the caches, the second is the reference
run whose p95 latency the loaded p95 is divided by (``p95_over_reference``).

With ``--hostile``, the same 20 normal clients run twice on the same warm
server: alone, then beside one hostile user (its own account, several
connections at once) who posts bodies far over the request limit and
comparisons of every territory, each named many times, in ever new
combinations (each a new cache entry). The summary gives the normal clients'
p95 in both runs and their ratio (``hostile.p95_ratio``).

Bounded: it stops by itself after ``--duration`` seconds (each client
finishes the request in flight), stops the server it started, and refuses
any host but a loopback one.

Run: ``python benchmarks/load_test.py [--clients 20] [--duration 60] [--threads 8]
[--no-auth] [--no-warm-up] [--hostile] [--json FILE]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from maillage.app import Maillage
from maillage.dashboard import menus
from maillage.serving.users import new_user, write_users
from maillage.serving.web import is_loopback, web_app
from maillage.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from dash_requests import UPDATE_COMPONENT, request_body  # noqa: E402  (the tests' request bodies)

ERROR_PANEL = b"This analysis could not be shown"
CSRF_FIELD = re.compile(r'name="csrf" value="([^"]+)"')
ROLES = ("viewer", "facilitator")
HOSTILE_ACCOUNT = "load-hostile"
HOSTILE_CONNECTIONS = 6
HOSTILE_BODY_BYTES = 8 * 1024 * 1024


@dataclass
class Results:
    """Every request's latency by action, and the failures."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter = field(default_factory=Counter)
    samples: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, action: str, seconds: float, problem: str | None) -> None:
        with self.lock:
            self.latencies[action].append(seconds)
            if problem is not None:
                self.errors[action] += 1
                if len(self.samples) < 10:
                    self.samples.append(f"{action}: {problem}")

    def summary(self) -> dict[str, Any]:
        """Overall figures leave out sign-in: scrypt makes it slow on purpose."""
        every = [s for name, values in self.latencies.items() if name != "sign-in" for s in values]
        actions = {name: _stats(values) for name, values in sorted(self.latencies.items())}
        return {
            "requests": len(every),
            "errors": sum(self.errors.values()),
            "error_samples": list(self.samples),
            **_stats(every),
            "actions": actions,
        }


def _stats(values: list[float]) -> dict[str, Any]:
    if not values:
        return {"count": 0}
    ordered = sorted(values)

    def pick(share: float) -> float:
        return round(1000 * ordered[min(len(ordered) - 1, int(share * len(ordered)))], 1)

    return {
        "count": len(values),
        "p50_ms": pick(0.50),
        "p95_ms": pick(0.95),
        "p99_ms": pick(0.99),
        "max_ms": round(1000 * ordered[-1], 1),
        "mean_ms": round(1000 * statistics.fmean(values), 1),
    }


def free_port(host: str) -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def territory_switch(app: Any, territory: str) -> list[tuple[str, dict]]:
    """The callbacks the Explore page fires when the territory changes, in order."""
    where = {"territory.value": territory, "as-of-store.data": None, "size-by.value": "degree"}
    search = {"role": "search"}
    return [
        ("sliders", request_body(app, "as-of-year.min", where)),
        ("network", request_body(app, "network.payload", where)),
        ("summary", request_body(app, "network-summary.children", where)),
        ("card", request_body(app, "actor-card.children", {**where, "ego-hops.value": 1})),
        ("path", request_body(app, "path-steps.children", where)),
        (
            "pickers",
            request_body(
                app,
                "actor-picker.options",
                {"actor-picker.search_value": "", "territory.value": territory},
                match=search,
                changed=["territory.value"],
            ),
        ),
    ]


def open_reports(app: Any, territory: str, fmt: str) -> list[tuple[str, dict]]:
    """The brokers table, the gaps, and one download of the report as ``fmt``."""
    brokers = {"territory.value": territory, "brokers-measure.value": "betweenness"}
    buttons = [
        ({"fmt": f, "type": "download-button"}, 1 if f == fmt else None)
        for f in menus.DOWNLOAD_FORMATS
    ]
    clicked = json.dumps({"fmt": fmt, "type": "download-button"}, separators=(",", ":"))
    download = request_body(
        app,
        "download.data",
        {"download-button.n_clicks": buttons, "territory.value": territory},
        changed=[f"{clicked}.n_clicks"],
    )
    return [
        ("brokers", request_body(app, "brokers-table.data", brokers)),
        ("gaps", request_body(app, "gaps-heatmap.figure", {"territory.value": territory})),
        (f"download-{fmt}", download),
    ]


def hostile(
    base: str,
    compares: list[dict],
    account: tuple[str, str] | None,
    deadline: float,
    results: Results,
    seed: int,
) -> None:
    """One hostile user on ``HOSTILE_CONNECTIONS`` connections: huge bodies, costly compares."""

    def connection(number: int) -> None:
        session = requests.Session()
        if account is not None:
            sign_in(session, base, *account)
        send_csrf_header(session, base)
        chance = random.Random(seed + number)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            if chance.random() < 0.3:
                action = "huge body"
                try:
                    answer = session.post(
                        f"{base}{UPDATE_COMPONENT}",
                        data=b"[" * HOSTILE_BODY_BYTES,
                        headers={"Content-Type": "application/json"},
                        timeout=60,
                    )
                    problem = None if answer.status_code == 413 else f"HTTP {answer.status_code}"
                except requests.RequestException:
                    problem = None  # the server closed the connection: refused early
            else:
                action = "costly compare"
                body = chance.choice(compares)
                try:
                    answer = session.post(f"{base}{UPDATE_COMPONENT}", json=body, timeout=120)
                    problem = None if answer.status_code in (200, 204) else "HTTP error"
                except requests.RequestException as error:
                    problem = type(error).__name__
            results.record(action, time.perf_counter() - started, problem)

    threads = [
        threading.Thread(target=connection, args=(i,), daemon=True)
        for i in range(HOSTILE_CONNECTIONS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def costly_compares(app: Any, territories: list[str], seed: int, count: int = 400) -> list[dict]:
    """Comparison bodies: random combinations of territories, each named many times."""
    chance = random.Random(seed)
    bodies = []
    for _ in range(count):
        chosen = chance.sample(territories, chance.randint(2, len(territories)))
        names = [name for name in chosen for _ in range(chance.randint(5, 40))]
        chance.shuffle(names)
        bodies.append(request_body(app, "compare-table.data", {"compare-territories.value": names}))
    return bodies


def sign_in(session: requests.Session, base: str, name: str, password: str) -> None:
    page = session.get(f"{base}/login", timeout=30)
    token = CSRF_FIELD.search(page.text)
    if page.status_code != 200 or token is None:
        raise RuntimeError(f"sign-in page: HTTP {page.status_code}")
    form = {"name": name, "password": password, "csrf": token.group(1), "next": "/"}
    answer = session.post(f"{base}/login", data=form, allow_redirects=False, timeout=60)
    if answer.status_code != 303:
        raise RuntimeError(f"sign-in of {name}: HTTP {answer.status_code}")


def send_csrf_header(session: requests.Session, base: str) -> None:
    """Send the ``_csrf_token`` cookie back as ``X-CSRFToken``, as dash-renderer does."""
    session.get(f"{base}/_dash-dependencies", timeout=30)
    token = session.cookies.get("_csrf_token")
    if token:
        session.headers["X-CSRFToken"] = token


def client(
    index: int,
    base: str,
    bodies: dict[str, list[tuple[str, dict]]],
    account: tuple[str, str] | None,
    deadline: float,
    results: Results,
    turns: int | None = None,
) -> None:
    """One user: sign in, then switch territories and open reports until ``deadline``.

    With ``turns``, stop after that many territories (the reference run).
    """
    session = requests.Session()
    territories = sorted({key.split("|", 1)[1] for key in bodies})
    formats = list(menus.DOWNLOAD_FORMATS)
    if account is not None:
        started = time.perf_counter()
        try:
            sign_in(session, base, *account)
            problem = None
        except Exception as error:  # noqa: BLE001 - every failure is counted and reported
            problem = f"{type(error).__name__}: {error}"
        results.record("sign-in", time.perf_counter() - started, problem)
        if problem is not None:
            return
    send_csrf_header(session, base)
    turn = index
    while time.monotonic() < deadline and (turns is None or turn < index + turns):
        territory = territories[turn % len(territories)]
        fmt = formats[turn % len(formats)]
        for action, body in [*bodies[f"switch|{territory}"], *bodies[f"{fmt}|{territory}"]]:
            if time.monotonic() >= deadline:
                break
            started = time.perf_counter()
            try:
                answer = session.post(f"{base}{UPDATE_COMPONENT}", json=body, timeout=120)
                problem = None
                if answer.status_code not in (200, 204):
                    problem = f"HTTP {answer.status_code}: {answer.text[:200]!r}"
                elif ERROR_PANEL in answer.content:
                    at = answer.content.index(ERROR_PANEL)
                    shown = answer.content[at : at + 300].decode("utf-8", "replace")
                    problem = f"error panel in the response: {shown}"
            except Exception as error:  # noqa: BLE001 - every failure is counted and reported
                problem = f"{type(error).__name__}: {error}"
            results.record(action, time.perf_counter() - started, problem)
        turn += 1


def reference_run(
    base: str,
    bodies: dict[str, list[tuple[str, dict]]],
    accounts: list[tuple[str, str] | None],
    territories: int,
) -> tuple[float, float]:
    """p50 and p95 latency (ms) of one client alone on warm caches, each role in turn."""
    measured = Results()
    for account in accounts:
        client(0, base, bodies, account, float("inf"), Results(), turns=territories)
        client(0, base, bodies, account, float("inf"), measured, turns=territories)
    if measured.errors:
        raise RuntimeError(f"the reference run failed: {measured.samples}")
    alone = measured.summary()
    return alone["p50_ms"], alone["p95_ms"]


@contextmanager
def server(
    workdir: Path, host: str, port: int, *, auth: bool, threads: int
) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """``maillage serve`` on the demo data in ``workdir``: yields its URL and the accounts."""
    store_url = f"sqlite:///{workdir / 'demo.db'}"
    settings = Settings(store_url=store_url, data_dir=workdir / "data")
    loader = Maillage(settings)
    loader.load_demo()
    loader.close()
    env = {
        **os.environ,
        "MAILLAGE_STORE": store_url,
        "XDG_DATA_HOME": str(workdir / "xdg"),
        "MAILLAGE_SECRET_KEY": secrets.token_urlsafe(48),
        "MAILLAGE_THREADS": str(threads),
    }
    env.pop("MAILLAGE_USERS", None)
    env.pop("MAILLAGE_USERS_FILE", None)
    accounts: list[tuple[str, str]] = []
    if auth:
        passwords = {role: secrets.token_urlsafe(18) for role in ROLES}
        users = {f"load-{role}": new_user(f"load-{role}", role, passwords[role]) for role in ROLES}
        passwords["hostile"] = secrets.token_urlsafe(18)
        users[HOSTILE_ACCOUNT] = new_user(HOSTILE_ACCOUNT, "viewer", passwords["hostile"])
        write_users(workdir / "users.toml", users)
        env["MAILLAGE_USERS_FILE"] = str(workdir / "users.toml")
        accounts = [(f"load-{role}", passwords[role]) for role in ROLES]
        accounts.append((HOSTILE_ACCOUNT, passwords["hostile"]))
    log = open(workdir / "server.log", "wb")  # noqa: SIM115 - closed below
    command = [sys.executable, "-m", "maillage.cli", "serve", "--host", host, "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://{host}:{port}" if ":" not in host else f"http://[{host}]:{port}"
    try:
        _wait_until_up(base, process, workdir / "server.log")
        yield base, accounts
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)
        log.close()


def _wait_until_up(base: str, process: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped: {log.read_text(errors='replace')[-2000:]}")
        try:
            if requests.get(f"{base}/login", timeout=2, allow_redirects=False).status_code < 500:
                return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within {timeout:.0f} s")


def run(
    clients: int = 20,
    duration: float = 60.0,
    *,
    host: str = "127.0.0.1",
    auth: bool = True,
    threads: int = 8,
    seed: int = 7,
    warm_up: bool = True,
    with_hostile: bool = False,
    turns: int | None = None,
) -> dict[str, Any]:
    """Run the load test and return its summary (see :meth:`Results.summary`).

    Each client runs for ``duration`` seconds; with ``turns``, each instead visits
    that many territories (switch, brokers, gaps, one download) however long it
    takes, so that which requests are made does not depend on the machine's speed.

    With ``warm_up``, one client per role first visits every territory twice,
    alone: the first visit fills the caches, the second is the reference
    (``reference_p50_ms``, ``reference_p95_ms``) that the loaded p95 is divided by.
    With ``with_hostile``, a second run of as long adds the hostile user; its
    figures are under ``hostile``.
    """
    if not is_loopback(host):
        raise ValueError(f"the load test runs on loopback only, not on {host!r}")
    with tempfile.TemporaryDirectory(prefix="maillage-load-") as folder:
        workdir = Path(folder)
        port = free_port(host)
        with server(workdir, host, port, auth=auth, threads=threads) as (base, all_accounts):
            accounts = [a for a in all_accounts if a[0] != HOSTILE_ACCOUNT]
            attacker = next((a for a in all_accounts if a[0] == HOSTILE_ACCOUNT), None)
            reader = Maillage(Settings(store_url=f"sqlite:///{workdir / 'demo.db'}"))
            app = web_app(reader)
            territories = reader.territory_names()
            bodies: dict[str, list[tuple[str, dict]]] = {}
            for territory in territories:
                bodies[f"switch|{territory}"] = territory_switch(app, territory)
                for fmt in menus.DOWNLOAD_FORMATS:
                    bodies[f"{fmt}|{territory}"] = open_reports(app, territory, fmt)
            compares = costly_compares(app, territories, seed)
            reader.close()
            reference = None
            if warm_up:
                reference = reference_run(base, bodies, accounts or [None], len(territories))
            results, elapsed, _ = _phase(base, bodies, accounts, clients, duration, seed, turns)
            if with_hostile:
                loaded, loaded_elapsed, attack = _phase(
                    base, bodies, accounts, clients, duration, seed, turns, (compares, attacker)
                )
    summary = results.summary()
    if reference is not None:
        summary["reference_p50_ms"], summary["reference_p95_ms"] = reference
        summary["p95_over_reference"] = round(summary["p95_ms"] / reference[1], 1)
    summary.update(
        clients=clients,
        duration_s=duration,
        elapsed_s=round(elapsed, 1),
        throughput_rps=round(summary["requests"] / elapsed, 1) if elapsed else 0.0,
        auth=auth,
        server_threads=threads,
        territories=len(territories),
        machine=f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        load_average=[round(x, 1) for x in os.getloadavg()],
    )
    if with_hostile:
        beside = loaded.summary()
        summary["hostile"] = {
            "normal_clients": beside,
            "normal_p95_alone_ms": summary["p95_ms"],
            "normal_p95_beside_ms": beside["p95_ms"],
            "p95_ratio": round(beside["p95_ms"] / summary["p95_ms"], 2),
            "throughput_rps": round(beside["requests"] / loaded_elapsed, 1),
            "attacker": attack.summary() if attack is not None else None,
        }
    return summary


def _phase(
    base: str,
    bodies: dict[str, list[tuple[str, dict]]],
    accounts: list[tuple[str, str]],
    clients: int,
    duration: float,
    seed: int,
    turns: int | None,
    attack: tuple[list[dict], tuple[str, str] | None] | None = None,
) -> tuple[Results, float, Results | None]:
    """``clients`` normal clients for ``duration`` s (or ``turns``), beside ``attack`` if given."""
    results = Results()
    order = list(range(clients))
    random.Random(seed).shuffle(order)
    started = time.monotonic()
    deadline = started + duration if turns is None else float("inf")
    workers = [
        threading.Thread(
            target=client,
            args=(
                order[i],
                base,
                bodies,
                accounts[i % len(accounts)] if accounts else None,
                deadline,
                results,
                turns,
            ),
            daemon=True,
        )
        for i in range(clients)
    ]
    attacker_results = None
    if attack is not None:
        attacker_results = Results()
        compares, account = attack
        if turns is not None:  # the attack lasts as long as the normal clients' turns
            deadline = started + duration
        workers.append(
            threading.Thread(
                target=hostile,
                args=(base, compares, account, deadline, attacker_results, seed),
                daemon=True,
            )
        )
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=duration + 180 if turns is None else None)
    return results, time.monotonic() - started, attacker_results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds")
    parser.add_argument("--host", default="127.0.0.1", help="a loopback address")
    parser.add_argument("--threads", type=int, default=8, help="waitress threads")
    parser.add_argument("--no-auth", action="store_true", help="serve open, without users")
    parser.add_argument("--json", type=Path, help="also write the summary to FILE")
    parser.add_argument("--no-warm-up", action="store_true", help="no reference run first")
    parser.add_argument(
        "--hostile", action="store_true", help="then run again beside a hostile user"
    )
    args = parser.parse_args()
    if not is_loopback(args.host):
        parser.error(f"the load test runs on loopback only, not on {args.host!r}")
    if not 1 <= args.clients <= 200 or not 0 < args.duration <= 3600:
        parser.error("use 1 to 200 clients and a duration of at most 3600 s")
    summary = run(
        args.clients,
        args.duration,
        host=args.host,
        auth=not args.no_auth,
        threads=args.threads,
        warm_up=not args.no_warm_up,
        with_hostile=args.hostile,
    )
    text = json.dumps(summary, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    sys.exit(1 if summary["errors"] else 0)


if __name__ == "__main__":
    main()
