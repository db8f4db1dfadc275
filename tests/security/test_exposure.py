"""Serving beyond loopback needs sign-in: without users, `serve` and `demo` refuse to start."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from maillage.app import Maillage
from maillage.cli import main
from maillage.serving.access import Access
from maillage.serving.users import write_users
from maillage.serving.web import ExposedWithoutSignIn, is_loopback, sign_in_for
from maillage.settings import Settings

EXPOSED = ["0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "example.org", ""]


@pytest.mark.parametrize("host", EXPOSED)
@pytest.mark.parametrize("command", ["serve", "demo"])
def test_serving_beyond_loopback_without_users_is_refused(isolated_env, command, host):
    store = f"sqlite:///{isolated_env / 'store.db'}"

    result = CliRunner().invoke(main, ["--store", store, command, "--host", host, "--port", "9"])

    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert f"refusing to serve on {host or 'every address'}" in result.output
    assert "maillage users add NAME --role admin" in result.output
    assert "--users FILE" in result.output
    assert not (isolated_env / "store.db").exists(), "nothing is loaded before the refusal"


@pytest.mark.parametrize("host", ["127.0.0.1", "127.3.2.1", "::1", "[::1]", "localhost"])
def test_loopback_hosts_are_recognised(host):
    assert is_loopback(host)


@pytest.mark.parametrize("host", EXPOSED)
def test_other_hosts_are_not_loopback(host):
    assert not is_loopback(host)


def test_on_loopback_without_users_the_app_runs_open(isolated_env):
    app = Maillage(Settings.from_env(f"sqlite:///{isolated_env / 'store.db'}"))
    assert sign_in_for(app, "127.0.0.1") is None
    with pytest.raises(ExposedWithoutSignIn):
        sign_in_for(app, "0.0.0.0")


def test_with_users_any_host_needs_sign_in(isolated_env, users):
    path = isolated_env / "users.toml"
    write_users(path, users)
    app = Maillage(Settings.from_env(f"sqlite:///{isolated_env / 's.db'}", users_file=path))
    for host in ("0.0.0.0", "127.0.0.1"):
        access = sign_in_for(app, host)
        assert isinstance(access, Access) and set(access.users) == set(users)


def test_users_from_the_environment_turn_sign_in_on(isolated_env, users, monkeypatch):
    from maillage.serving.users import render_users

    monkeypatch.setenv("MAILLAGE_USERS", render_users(users))
    app = Maillage(Settings.from_env(f"sqlite:///{isolated_env / 's.db'}"))
    assert set(sign_in_for(app, "0.0.0.0").users) == {"vera", "felix", "ada"}


def test_the_default_users_file_in_the_data_folder_is_found(isolated_env, users):
    path = isolated_env / "xdg" / "maillage" / "users.toml"
    write_users(path, users)
    assert Settings.from_env().users_file == path


def test_a_users_file_that_names_nobody_never_opens_the_app(isolated_env):
    path = isolated_env / "users.toml"
    path.write_text("# nobody yet\n")
    store = f"sqlite:///{isolated_env / 'store.db'}"

    result = CliRunner().invoke(main, ["--store", store, "serve", "--users", str(path)])

    assert result.exit_code == 1
    assert "names no user" in result.output and "Traceback" not in result.output


def test_a_missing_users_file_is_a_clear_error(isolated_env, monkeypatch):
    monkeypatch.setenv("MAILLAGE_USERS_FILE", str(isolated_env / "missing.toml"))
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0"])

    assert result.exit_code == 1
    assert "missing.toml not found" in result.output and "Traceback" not in result.output


def test_a_port_already_taken_is_a_clear_error(isolated_env, users):
    path = isolated_env / "users.toml"
    write_users(path, users)
    store = f"sqlite:///{isolated_env / 'store.db'}"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            main, ["--store", store, "serve", "--users", str(path), "--port", str(port)]
        )

    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.output
    assert "Traceback" not in result.output


def test_the_secret_key_file_is_created_private_and_reused(isolated_env):
    from maillage.settings import secret_key

    settings = Settings.from_env()
    first = secret_key(settings)
    path = Path(settings.data_dir) / "secret_key"
    assert path.stat().st_mode & 0o777 == 0o600
    assert secret_key(Settings.from_env()) == first and len(first) >= 32


def test_a_secret_key_file_others_can_read_is_refused(isolated_env):
    from maillage.graph.errors import MaillageError
    from maillage.settings import secret_key

    settings = Settings.from_env()
    secret_key(settings)
    (settings.data_dir / "secret_key").chmod(0o644)
    with pytest.raises(MaillageError, match="readable by others: chmod 600"):
        secret_key(settings)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_neo4j_is_one_clear_message_without_driver_noise(isolated_env):
    url = f"neo4j://127.0.0.1:{closed_port()}"
    command = [sys.executable, "-m", "maillage.cli", "--store", url, "territories"]

    quiet = subprocess.run(command, capture_output=True, text=True, timeout=120)
    verbose = subprocess.run(
        [*command[:3], "--verbose", *command[3:]], capture_output=True, text=True, timeout=120
    )

    assert quiet.returncode == 1 and quiet.stdout == ""
    lines = quiet.stderr.splitlines()
    assert len(lines) == 1, quiet.stderr
    assert lines[0].startswith(f"Error: cannot reach Neo4j at {url}: start Neo4j")
    assert "Traceback" not in quiet.stderr
    assert verbose.returncode == 1
    assert "neo4j" in verbose.stderr and len(verbose.stderr.splitlines()) > 1
