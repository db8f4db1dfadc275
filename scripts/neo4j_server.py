#!/usr/bin/env python3
"""Run a real Neo4j 5.26 Community server on loopback, for tests and CI.

No Docker and no tarball: the Community jars come from Maven Central (``scripts/neo4j/pom.xml``)
into a git-ignored cache, and the server is started with Neo4j's own launcher
(``org.neo4j.server.startup.Neo4jCommand console``), which re-spawns a JVM with the flags of the
``neo4j.conf`` generated here. Auth is on, with a random password; only Bolt listens, on
127.0.0.1.

Command line::

    python scripts/neo4j_server.py fetch    # download the jars (no-op when cached)
    python scripts/neo4j_server.py start    # start (or reuse) the server, write server.json
    eval "$(python scripts/neo4j_server.py env)"
    python scripts/neo4j_server.py status   # print server.json, exit 1 if not running
    python scripts/neo4j_server.py stop
    python scripts/neo4j_server.py bulk-import DIR  # offline import of `maillage import --bulk`

Python (pytest fixtures): ``start()``, ``stop()``, ``kill()``, ``restart_after_kill()``.

Environment: ``MAILLAGE_NEO4J_CACHE`` (cache folder, default ``<repo>/.cache/neo4j``),
``MAILLAGE_NEO4J_VERSION`` (default: ``neo4j.version`` of the pom), ``MAILLAGE_NEO4J_BOLT_PORT``
(default: a free port), ``MAILLAGE_NEO4J_HEAP`` (512m), ``MAILLAGE_NEO4J_PAGECACHE`` (256m),
``MAILLAGE_NEO4J_MVN_ARGS`` (extra Maven arguments), ``JAVA_HOME`` (else ``java`` on PATH),
``MAILLAGE_NEO4J_GDS`` (``0`` starts the server without the Graph Data Science plugin).

The Graph Data Science plugin (OpenGDS, ``scripts/neo4j/gds-pom.xml``) is fetched the same way
into the cache and copied into the server's ``plugins/``. If it cannot be fetched, the server
starts without it and ``server.json`` says ``"gds": false`` with the reason (``gds_error``):
the rest of the suite runs, and the tests that need GDS skip, or fail under ``CI``.

Stdlib only; the ``neo4j`` driver is imported lazily, for the readiness check.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import importlib.util
import json
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SCRIPTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPTS_DIR.parent
POM = SCRIPTS_DIR / "neo4j" / "pom.xml"
GDS_POM = SCRIPTS_DIR / "neo4j" / "gds-pom.xml"

LAUNCHER_CLASS = "org.neo4j.server.startup.Neo4jCommand"
ADMIN_CLASS = "org.neo4j.server.startup.Neo4jAdminCommand"
USER = "neo4j"
DATABASE = "neo4j"
READY_TIMEOUT = 300.0  # GDS makes a cold start slower; CI machines are small
STOP_TIMEOUT = 30.0
KILL_TIMEOUT = 10.0

#: The launcher JVM only parses the config and spawns the server: keep it small.
LAUNCHER_JVM_FLAGS = ("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")

#: Server JVM flags: the relevant part of the tarball's neo4j.conf, minus AlwaysPreTouch
#: (which would commit the whole heap up front).
SERVER_JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)

HOME_DIRS = ("conf", "data", "logs", "run", "plugins", "import")

#: Pids of launchers started by this process, so that they can be reaped (no zombies).
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


class Neo4jServerError(RuntimeError):
    """The server could not be fetched, started, reached or stopped."""


# --------------------------------------------------------------------------- paths and settings


def resolve_cache_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return *override*, else ``$MAILLAGE_NEO4J_CACHE``, else ``<repo>/.cache/neo4j``."""
    chosen = override or os.environ.get("MAILLAGE_NEO4J_CACHE") or REPO_ROOT / ".cache" / "neo4j"
    return Path(chosen).expanduser().resolve()


def neo4j_version() -> str:
    """Return ``$MAILLAGE_NEO4J_VERSION``, else the ``neo4j.version`` property of the pom."""
    if version := os.environ.get("MAILLAGE_NEO4J_VERSION"):
        return version
    namespace = {"m": "http://maven.apache.org/POM/4.0.0"}
    node = ET.parse(POM).getroot().find("m:properties/m:neo4j.version", namespace)
    if node is None or not node.text:
        raise Neo4jServerError(f"{POM}: no <neo4j.version> property")
    return node.text.strip()


def _home(cache: Path) -> Path:
    return cache / "home"


def _lib_dir(version: str) -> Path:
    """Jars are shared by all homes: they live in the default cache, whatever *cache_dir* says."""
    return resolve_cache_dir() / f"lib-{version}"


def _state_file(cache: Path) -> Path:
    return cache / "server.json"


def _console_log(home: Path) -> Path:
    return home / "logs" / "console.log"


def _executable(name: str, hint: str) -> str:
    found = shutil.which(name)
    if not found:
        raise Neo4jServerError(f"`{name}` not found on PATH: {hint}")
    return found


def _require_driver() -> None:
    """Fail early, before starting Java, if the readiness check cannot run."""
    if importlib.util.find_spec("neo4j") is None:
        raise Neo4jServerError("the neo4j Python driver is needed: pip install neo4j")


def _java() -> str:
    """Return the java executable: ``$JAVA_HOME/bin/java``, else ``java`` on PATH."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    return _executable("java", "Neo4j 5.26 needs Java 17 or 21")


@contextlib.contextmanager
def _locked(cache: Path, name: str = ".lock") -> Iterator[None]:
    """Serialise fetch/start/stop between processes sharing one cache (e.g. pytest-xdist)."""
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / name, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# --------------------------------------------------------------------------- fetch


def fetch(version: str | None = None) -> Path:
    """Download Neo4j *version* and its runtime dependencies; return the folder of jars.

    Idempotent: a ``.complete`` marker skips Maven when the folder is already filled.
    """
    version = version or neo4j_version()
    lib = _lib_dir(version)
    if (lib / ".complete").is_file():
        return lib
    with _locked(lib.parent, ".fetch.lock"):
        return _fill_lib(lib, version)


def _fill_lib(lib: Path, version: str) -> Path:
    if (lib / ".complete").is_file():  # filled by another process while we waited for the lock
        return lib
    partial = lib.with_name(lib.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    started = time.monotonic()
    print(f"Fetching Neo4j {version} with Maven into {lib} ...", file=sys.stderr)
    _run_maven(version, partial)
    jars = sorted(path.name for path in partial.glob("*.jar"))
    if not any(name.startswith(f"neo4j-{version}") for name in jars):
        raise Neo4jServerError(f"Maven did not deliver neo4j-{version}.jar into {partial}")
    marker = {"version": version, "jars": len(jars), "seconds": time.monotonic() - started}
    (partial / ".complete").write_text(json.dumps(marker) + "\n")
    shutil.rmtree(lib, ignore_errors=True)
    partial.rename(lib)
    size_mb = sum(path.stat().st_size for path in lib.glob("*.jar")) / 1e6
    print(
        f"Fetched {len(jars)} jars ({size_mb:.0f} MB) in {marker['seconds']:.1f} s", file=sys.stderr
    )
    return lib


def _run_maven(version: str, out_dir: Path) -> None:
    _maven_copy(POM, [f"-Dneo4j.version={version}"], out_dir)


def _maven_copy(pom: Path, properties: list[str], out_dir: Path) -> None:
    """Copy the runtime dependencies of *pom* into *out_dir* with Maven."""
    command = [
        _executable("mvn", "install Maven 3.6.3+"),
        "-B",
        "-q",
        "-f",
        str(pom),
        "dependency:copy-dependencies",
        *properties,
        f"-DoutputDirectory={out_dir}",
        *shlex.split(os.environ.get("MAILLAGE_NEO4J_MVN_ARGS", "")),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip().splitlines()
        tail = "\n".join(output[-60:])
        raise Neo4jServerError(f"Maven failed ({result.returncode}): {shlex.join(command)}\n{tail}")


def gds_version() -> str:
    """Return the ``gds.version`` property of ``gds-pom.xml``."""
    namespace = {"m": "http://maven.apache.org/POM/4.0.0"}
    node = ET.parse(GDS_POM).getroot().find("m:properties/m:gds.version", namespace)
    if node is None or not node.text:
        raise Neo4jServerError(f"{GDS_POM}: no <gds.version> property")
    return node.text.strip()


def gds_wanted() -> bool:
    """Whether to install the Graph Data Science plugin (``MAILLAGE_NEO4J_GDS`` is not ``0``)."""
    return os.environ.get("MAILLAGE_NEO4J_GDS", "1").strip().lower() not in ("0", "false", "no")


def fetch_gds(version: str | None = None) -> Path:
    """Download OpenGDS *version* and its runtime dependencies; return the folder of jars.

    Cached like the server's jars (a ``.complete`` marker skips Maven), in the default cache.
    """
    version = version or gds_version()
    folder = resolve_cache_dir() / f"gds-{version}"
    if (folder / ".complete").is_file():
        return folder
    with _locked(folder.parent, ".fetch.lock"):
        if (folder / ".complete").is_file():
            return folder
        partial = folder.with_name(folder.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        started = time.monotonic()
        print(f"Fetching OpenGDS {version} with Maven into {folder} ...", file=sys.stderr)
        _maven_copy(GDS_POM, [f"-Dgds.version={version}"], partial)
        jars = sorted(path.name for path in partial.glob("*.jar"))
        if not any(name.startswith(f"proc-{version}") for name in jars):
            raise Neo4jServerError(f"Maven did not deliver proc-{version}.jar into {partial}")
        marker = {"version": version, "jars": len(jars), "seconds": time.monotonic() - started}
        (partial / ".complete").write_text(json.dumps(marker) + "\n")
        shutil.rmtree(folder, ignore_errors=True)
        partial.rename(folder)
    print(f"Fetched {len(jars)} GDS jars in {marker['seconds']:.1f} s", file=sys.stderr)
    return folder


def _install_gds(home: Path) -> tuple[bool, str | None]:
    """Fill ``plugins/`` with the GDS jars; return (installed, why not)."""
    plugins = home / "plugins"
    for old in plugins.glob("*.jar"):
        old.unlink()
    if not gds_wanted():
        return False, "MAILLAGE_NEO4J_GDS=0"
    try:
        folder = fetch_gds()
    except (Neo4jServerError, OSError) as error:
        print(f"neo4j_server: starting without GDS: {error}", file=sys.stderr)
        return False, str(error).splitlines()[0]
    for jar in folder.glob("*.jar"):
        (plugins / jar.name).symlink_to(jar)
    return True, None


# --------------------------------------------------------------------------- home and config


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _requested_port() -> int:
    """Return ``$MAILLAGE_NEO4J_BOLT_PORT`` (which must be free), else a free port."""
    if not (requested := os.environ.get("MAILLAGE_NEO4J_BOLT_PORT")):
        return _free_port()
    if not _port_is_free(port := int(requested)):
        raise Neo4jServerError(f"MAILLAGE_NEO4J_BOLT_PORT={port} is already in use on 127.0.0.1")
    return port


def neo4j_conf(home: Path, port: int, *, gds: bool = False) -> str:
    """Return the text of ``neo4j.conf`` for a loopback-only server with Bolt on *port*.

    With *gds*, the Graph Data Science procedures may run unrestricted (they need to).
    """
    heap = os.environ.get("MAILLAGE_NEO4J_HEAP", "512m")
    pagecache = os.environ.get("MAILLAGE_NEO4J_PAGECACHE", "256m")
    settings = {
        **{f"server.directories.{name}": str(home / name) for name in HOME_DIRS[1:]},
        "server.directories.lib": str(home / "lib"),
        "server.default_listen_address": "127.0.0.1",
        "server.default_advertised_address": "127.0.0.1",
        "server.bolt.enabled": "true",
        "server.bolt.listen_address": f"127.0.0.1:{port}",
        "server.bolt.advertised_address": f"127.0.0.1:{port}",
        "server.http.enabled": "false",
        "server.https.enabled": "false",
        "dbms.security.auth_enabled": "true",
        "dbms.usage_report.enabled": "false",
        "server.memory.heap.initial_size": heap,
        "server.memory.heap.max_size": heap,
        "server.memory.pagecache.size": pagecache,
        # Transaction logs are otherwise preallocated, 256 MB per database.
        "db.tx_log.preallocate": "false",
        # Bolt's Netty shutdown waits 2 x 5 s of "quiet period" by default: skip it.
        "internal.dbms.bolt.netty_server_shutdown_quiet_period": "0",
        "internal.dbms.bolt.netty_server_shutdown_timeout": "5s",
    }
    if gds:
        settings["dbms.security.procedures.unrestricted"] = "gds.*"
    lines = ["# Generated by scripts/neo4j_server.py; rewritten on every start."]
    lines += [f"{key}={value}" for key, value in settings.items()]
    lines += [f"server.jvm.additional={flag}" for flag in SERVER_JVM_FLAGS]
    return "\n".join(lines) + "\n"


def _prepare_home(home: Path, lib: Path, port: int, *, fresh: bool) -> tuple[bool, str | None]:
    """Lay out ``NEO4J_HOME``; with *fresh*, wipe data and logs first.

    ``run/`` is always emptied: after a SIGKILL it keeps ``neo4j.pid``, and the launcher
    refuses to start ("already running") while that pid is still a not-yet-reaped zombie.
    Callers make sure no server of this home is alive. Returns whether GDS is installed,
    and why not.
    """
    for name in ("data", "logs", "run") if fresh else ("run",):
        shutil.rmtree(home / name, ignore_errors=True)
    for name in HOME_DIRS:
        (home / name).mkdir(parents=True, exist_ok=True)
    link = home / "lib"
    if link.is_symlink() and link.resolve() != lib.resolve():
        link.unlink()
    if not link.exists():
        link.symlink_to(lib, target_is_directory=True)
    gds, why_not = _install_gds(home)
    (home / "conf" / "neo4j.conf").write_text(neo4j_conf(home, port, gds=gds))
    return gds, why_not


def _launcher_env(home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("JAVA_OPTS", "HEAP_SIZE")}
    env.update(NEO4J_HOME=str(home), NEO4J_CONF=str(home / "conf"))
    return env


def _launcher_command(java: str, home: Path, main_class: str, *args: str) -> list[str]:
    return [java, *LAUNCHER_JVM_FLAGS, "-cp", str(home / "lib" / "*"), main_class, *args]


def _set_initial_password(java: str, home: Path, password: str) -> None:
    """Run ``neo4j-admin dbms set-initial-password`` (must precede the first start)."""
    command = _launcher_command(java, home, ADMIN_CLASS, "dbms", "set-initial-password", password)
    result = subprocess.run(
        command, env=_launcher_env(home), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        output = (result.stdout + result.stderr).replace(password, "***")
        raise Neo4jServerError(f"set-initial-password failed ({result.returncode}):\n{output}")


# --------------------------------------------------------------------------- processes


def _spawn(java: str, home: Path) -> int:
    """Start ``Neo4jCommand console`` in its own session; return its pid (= process group)."""
    log_path = _console_log(home)
    with open(log_path, "ab") as log:
        log.write(f"\n=== {time.strftime('%Y-%m-%d %H:%M:%S')} starting Neo4j ===\n".encode())
        log.flush()
        process = subprocess.Popen(
            _launcher_command(java, home, LAUNCHER_CLASS, "console"),
            env=_launcher_env(home),
            cwd=home,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    _CHILDREN[process.pid] = process
    return process.pid


def _reap() -> None:
    """Collect exited launchers started by this process so their pids do not linger as zombies."""
    for pid, process in list(_CHILDREN.items()):
        if process.poll() is not None:
            del _CHILDREN[pid]


def _launcher_alive(pid: int) -> bool:
    """Return whether the launcher *pid* (or, if it died, its server JVM) still runs.

    A launcher spawned by this process is asked directly: right after ``fork`` its command line
    is still Python's, so the ``org.neo4j`` test of :func:`_group_members` would miss it.
    """
    process = _CHILDREN.get(pid)
    if process is not None and process.poll() is None:
        return True
    return bool(_group_members(pid))


def _proc_stat(pid: int, tid: int | None = None) -> tuple[str, int] | None:
    """Return (state, process group) of *pid* (or of its thread *tid*), or None if it is gone."""
    path = Path(f"/proc/{pid}/stat" if tid is None else f"/proc/{pid}/task/{tid}/stat")
    try:
        stat = path.read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    return fields[0], int(fields[2])


def _is_neo4j(pid: int) -> bool:
    try:
        return b"org.neo4j" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _group_members(pgid: int) -> list[int]:
    """Return the live (non-zombie) Neo4j processes of process group *pgid*.

    That is the launcher and the server JVM it spawned, even if the launcher already died.
    """
    _reap()
    if not Path("/proc/self/stat").exists():  # not Linux: trust the group as a whole
        try:
            os.killpg(pgid, 0)
        except (ProcessLookupError, PermissionError):
            return []
        return [pgid]
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _proc_stat(int(entry.name))
            if stat and stat[1] == pgid and stat[0] != "Z" and _is_neo4j(int(entry.name)):
                members.append(int(entry.name))
    return members


def _servers_using(home: Path) -> list[int]:
    """Return process groups of stray server JVMs running on *home* (e.g. a lost state file)."""
    marker = f"--home-dir={home}".encode()
    groups = set()
    for entry in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError):
            if marker in (entry / "cmdline").read_bytes().split(b"\0"):
                stat = _proc_stat(int(entry.name))
                if stat:
                    groups.add(stat[1])
    return sorted(groups)


def _has_exited(pid: int) -> bool:
    """Return whether every thread of *pid* is gone or a zombie.

    A SIGKILLed JVM shows its main thread as a zombie while other threads still hold its files
    and its listening socket, so looking at the main thread alone is not enough.
    """
    tasks = Path(f"/proc/{pid}/task")
    if not Path("/proc/self/task").exists():  # not Linux
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False
    states = [_proc_stat(pid, int(task.name)) for task in _listdir(tasks)]
    return all(state is None or state[0] in "ZX" for state in states)


def _listdir(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _wait_gone(pids: list[int], timeout: float) -> bool:
    """Wait until all *pids* have exited; return False on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        _reap()
        if all(_has_exited(pid) for pid in pids):
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)


def _signal_group(pgid: int, pids: list[int], sig: signal.Signals) -> None:
    """Send *sig* to the whole process group, if it still holds Neo4j processes (*pids*)."""
    if pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pgid, sig)


def _terminate(pgid: int, timeout: float = STOP_TIMEOUT) -> None:
    """SIGTERM the launcher and the server JVM (clean shutdown), SIGKILL them after *timeout*."""
    pids = _group_members(pgid)
    _signal_group(pgid, pids, signal.SIGTERM)
    if not _wait_gone(pids, timeout):
        _kill_group(pgid)


def _kill_group(pgid: int) -> None:
    """SIGKILL the launcher and the server JVM at once, like a crash; wait until they are gone."""
    pids = _group_members(pgid)
    _signal_group(pgid, pids, signal.SIGKILL)
    if not _wait_gone(pids, KILL_TIMEOUT):
        raise Neo4jServerError(f"Neo4j processes {pids} survived SIGKILL")


def _log_tail(home: Path, lines: int = 40) -> str:
    try:
        text = _console_log(home).read_text(errors="replace")
    except OSError:
        return "(no console log)"
    return "\n".join(text.splitlines()[-lines:])


# --------------------------------------------------------------------------- readiness


def _probe(state: dict[str, Any], timeout: float = 5.0) -> None:
    """Connect with the driver and run ``RETURN 1``; raise if the server is not usable."""
    from neo4j import GraphDatabase

    auth = (state["user"], state["password"])
    with GraphDatabase.driver(
        state["bolt_url"], auth=auth, connection_timeout=timeout, max_connection_pool_size=1
    ) as driver:
        driver.verify_connectivity()
        with driver.session(database=state["database"]) as session:
            record = session.run("RETURN 1 AS ok").single()
    if record is None or record["ok"] != 1:
        raise Neo4jServerError(f"unexpected answer to RETURN 1: {record}")


def is_reachable(state: dict[str, Any]) -> bool:
    """Return whether the server of *state* runs and answers ``RETURN 1``."""
    if not _group_members(state["pid"]):
        return False
    try:
        _probe(state)
    except Exception:  # noqa: BLE001 - any driver/network error means "not reachable"
        return False
    return True


def _wait_ready(state: dict[str, Any], timeout: float = READY_TIMEOUT) -> None:
    """Poll until the server answers; on death or timeout, kill it and raise with the log tail."""
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if not _launcher_alive(state["pid"]):
            raise Neo4jServerError(
                f"Neo4j exited while starting:\n{_log_tail(Path(state['home']))}"
            )
        try:
            _probe(state)
            return
        except Exception as error:  # noqa: BLE001 - retried until the deadline
            last_error = error
        time.sleep(0.5)
    _kill_group(state["pid"])
    raise Neo4jServerError(
        f"Neo4j not ready after {timeout:.0f} s ({last_error!r}):\n{_log_tail(Path(state['home']))}"
    )


# --------------------------------------------------------------------------- state


def read_state(cache_dir: str | os.PathLike[str] | None = None) -> dict[str, Any] | None:
    """Return the content of ``server.json``, or None."""
    try:
        return json.loads(_state_file(resolve_cache_dir(cache_dir)).read_text())
    except (OSError, ValueError):
        return None


def _write_state(cache: Path, state: dict[str, Any]) -> None:
    path = _state_file(cache)
    partial = path.with_suffix(".partial")
    partial.touch(mode=0o600)
    partial.write_text(json.dumps(state, indent=2) + "\n")
    partial.replace(path)


def _port_of(state: dict[str, Any]) -> int:
    return int(state["bolt_url"].rsplit(":", 1)[1])


# --------------------------------------------------------------------------- public API


def start(cache_dir: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Start a fresh server (or reuse the running one of the state file); return its state.

    The state is ``{pid, bolt_url, user, password, database, home, version}``. A fresh start
    wipes the previous data: the server is throw-away.
    """
    cache = resolve_cache_dir(cache_dir)
    with _locked(cache):
        state = read_state(cache)
        if state and is_reachable(state):
            return state
        if state:
            _terminate(state["pid"])
            _state_file(cache).unlink(missing_ok=True)
        return _start_fresh(cache)


def _start_fresh(cache: Path) -> dict[str, Any]:
    _require_driver()
    version = neo4j_version()
    lib = fetch(version)
    home = _home(cache)
    for stray in _servers_using(home):
        _kill_group(stray)
    java, port, password = _java(), _requested_port(), os.urandom(16).hex()
    gds, why_not = _prepare_home(home, lib, port, fresh=True)
    _set_initial_password(java, home, password)
    state = {
        "pid": _spawn(java, home),
        "bolt_url": f"bolt://127.0.0.1:{port}",
        "user": USER,
        "password": password,
        "database": DATABASE,
        "home": str(home),
        "version": version,
        "gds": gds,
        "gds_error": why_not,
    }
    _wait_ready(state)
    _write_state(cache, state)
    return state


def stop(cache_dir: str | os.PathLike[str] | None = None, timeout: float = STOP_TIMEOUT) -> None:
    """Stop the server cleanly (SIGTERM, then SIGKILL after *timeout*) and forget its state."""
    cache = resolve_cache_dir(cache_dir)
    with _locked(cache):
        state = read_state(cache)
        if state:
            _terminate(state["pid"], timeout)
        _state_file(cache).unlink(missing_ok=True)


def kill(cache_dir: str | os.PathLike[str] | None = None) -> None:
    """SIGKILL the launcher and the server JVM, like a crash; keep data and state."""
    cache = resolve_cache_dir(cache_dir)
    with _locked(cache):
        state = read_state(cache)
        if state is None:
            raise Neo4jServerError("no server.json: nothing to kill")
        _kill_group(state["pid"])


def restart_after_kill(cache_dir: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Start again on the same data and password (same port if free); wait for recovery."""
    cache = resolve_cache_dir(cache_dir)
    with _locked(cache):
        state = read_state(cache)
        if state is None:
            raise Neo4jServerError("no server.json: nothing to restart")
        _require_driver()
        _kill_group(state["pid"])
        home = Path(state["home"])
        port = _port_of(state) if _port_is_free(_port_of(state)) else _free_port()
        gds, why_not = _prepare_home(home, fetch(state["version"]), port, fresh=False)
        state = {
            **state,
            "pid": _spawn(_java(), home),
            "bolt_url": f"bolt://127.0.0.1:{port}",
            "gds": gds,
            "gds_error": why_not,
        }
        _wait_ready(state)
        _write_state(cache, state)
        return state


def bulk_import(folder: str | os.PathLike[str], cache_dir: str | os.PathLike[str] | None = None):
    """Replace the running server's database with ``neo4j-admin database import full``.

    *folder* holds the files and ``import.json`` (the importer's options) that
    ``maillage import --bulk FOLDER`` writes. The server is stopped, the database imported
    offline, and the server started again on the same password (and port if free).
    Returns the new state.
    """
    cache = resolve_cache_dir(cache_dir)
    options = json.loads((Path(folder) / "import.json").read_text())
    with _locked(cache):
        state = read_state(cache)
        if state is None:
            raise Neo4jServerError("no server.json: start a server first")
        _require_driver()
        _terminate(state["pid"])
        home = Path(state["home"])
        java = _java()
        command = _launcher_command(
            java,
            home,
            ADMIN_CLASS,
            "database",
            "import",
            "full",
            "--overwrite-destination=true",
            *options,
            state["database"],
        )
        result = subprocess.run(
            command, env=_launcher_env(home), capture_output=True, text=True, check=False
        )
        (home / "logs" / "admin-import.log").write_text(result.stdout + result.stderr)
        port = _port_of(state) if _port_is_free(_port_of(state)) else _free_port()
        gds, why_not = _prepare_home(home, fetch(state["version"]), port, fresh=False)
        state = {
            **state,
            "pid": _spawn(java, home),
            "bolt_url": f"bolt://127.0.0.1:{port}",
            "gds": gds,
            "gds_error": why_not,
        }
        _wait_ready(state)
        _write_state(cache, state)
        if result.returncode != 0:
            tail = "\n".join((result.stdout + result.stderr).splitlines()[-30:])
            raise Neo4jServerError(f"neo4j-admin database import failed:\n{tail}")
        return state


def env_lines(state: dict[str, Any]) -> list[str]:
    """Return ``export NEO4J_...=...`` lines for the shell."""
    values = {
        "NEO4J_URI": state["bolt_url"],
        "NEO4J_USERNAME": state["user"],
        "NEO4J_PASSWORD": state["password"],
        "NEO4J_DATABASE": state["database"],
    }
    return [f"export {key}={shlex.quote(value)}" for key, value in values.items()]


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "command", choices=["fetch", "start", "env", "status", "stop", "bulk-import"]
    )
    parser.add_argument("folder", nargs="?", help="bulk-import: the folder of import.json")
    args = parser.parse_args(argv)
    try:
        if args.command == "bulk-import":
            if not args.folder:
                parser.error("bulk-import needs the folder that `maillage import --bulk` wrote")
            state = bulk_import(args.folder)
            print(f"Imported into {state['database']} at {state['bolt_url']}", file=sys.stderr)
            return 0
        return _run(args.command)
    except Neo4jServerError as error:
        print(f"neo4j_server: {error}", file=sys.stderr)
        return 1


def _run(command: str) -> int:
    if command == "fetch":
        print(fetch())
        if gds_wanted():
            print(fetch_gds())
    elif command == "start":
        started = time.monotonic()
        state = start()
        print(
            f"Neo4j {state['version']} ready at {state['bolt_url']} (pid {state['pid']}, "
            f"{time.monotonic() - started:.1f} s"
            + (", with GDS)" if state.get("gds") else f", without GDS: {state.get('gds_error')})"),
            file=sys.stderr,
        )
    elif command == "stop":
        stop()
    else:
        state = read_state()
        if state is None or not _group_members(state["pid"]):
            print("neo4j_server: no running server (run `start`)", file=sys.stderr)
            return 1
        print("\n".join(env_lines(state)) if command == "env" else json.dumps(state, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
