"""No control character of a name reaches a terminal: listings, reports, summaries, errors."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from maillage.graph.model import Actor, Dataset, Sector, Tie, TieKind
from maillage.graph.storage.sqlite import SQLiteStore
from maillage.terminal import printable

TITLE = "Ker\x1b]0;owned\x07lan\x1b[2J\x9b31m\r"
"""A territory name that sets the window title, clears the screen and moves the cursor."""


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("terminal")
    store = SQLiteStore(folder / "store.db")
    store.setup_schema()
    store.upsert(
        Dataset(
            actors=(
                Actor("a1", "Mairie\x1b[8m hidden", Sector.PUBLIC, (TITLE,)),
                Actor("a2", "Asso\x07", Sector.ASSOCIATION, (TITLE,)),
                Actor("a3", "Lycée", Sector.ACADEMIC, (TITLE,)),
            ),
            ties=(Tie("a1", "a2", TieKind.PARTNERSHIP), Tie("a2", "a3", TieKind.EVENT)),
        )
    )
    store.close()
    return f"sqlite:///{folder / 'store.db'}"


def in_a_terminal(arguments: list[str], store: str, tmp_path: Path) -> bytes:
    """Run ``maillage ARGUMENTS`` with standard output and error on a pseudo-terminal."""
    leader, follower = pty.openpty()
    env = {**os.environ, "MAILLAGE_STORE": store, "XDG_DATA_HOME": str(tmp_path), "COLUMNS": "200"}
    process = subprocess.Popen(
        [sys.executable, "-m", "maillage.cli", *arguments],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks)


def only_colours(output: bytes) -> bytes:
    """``output`` without its SGR colour sequences (which the tables add themselves)."""
    import re  # noqa: PLC0415

    return re.sub(rb"\x1b\[[0-9;]*m", b"", output)


@pytest.mark.parametrize(
    "arguments",
    [
        ["territories"],
        ["report", TITLE],
        ["gaps", TITLE],
        ["compare", TITLE, TITLE],
        ["report", TITLE + "missing"],  # an error naming the territory
        ["path", TITLE, "a1", "zz\x1b]52;c;ZWNobyBvd25lZA==\x07"],
    ],
    ids=["territories", "report", "gaps", "compare", "error", "path"],
)
def test_names_cannot_drive_the_terminal(hostile_store, tmp_path, arguments):
    output = in_a_terminal(arguments, hostile_store, tmp_path)

    visible = only_colours(output)
    assert b"Ker" in visible and b"lan" in visible, output
    assert b"\x1b" not in visible and b"\x07" not in visible, output
    assert "\x9b".encode() not in visible and b"\r" not in visible.replace(b"\r\n", b"\n")
    assert b"Traceback" not in output


def test_output_that_is_not_a_terminal_keeps_its_bytes(hostile_store, tmp_path):
    env = {**os.environ, "MAILLAGE_STORE": hostile_store, "XDG_DATA_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "maillage.cli", "territories", "--format", "csv"],
        capture_output=True,
        env=env,
        timeout=120,
        check=True,
    )
    # (click itself drops ANSI CSI sequences such as ESC [ 2 J when output is not a terminal)
    assert b"Ker\x1b]0;owned\x07lan" in result.stdout, "a pipe gets the data as it is"


def test_the_sanitiser_removes_c0_and_c1_but_tab_and_newline():
    every = "".join(map(chr, range(0x00, 0xA0)))
    kept = printable(every)
    assert kept == "\t\n" + "".join(map(chr, range(0x20, 0x7F)))
    assert printable("\ud800x") == "\\ud800x", "a lone surrogate is shown, never raised"
