"""Each amplification case and small hole, once, with the message the user gets.

Linear-time parsing is checked as a ratio inside one run: doubling a hostile
value's size at most about doubles the time (the bound is generous, 3x, on
the median of repeats, since the machine is shared).
"""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from malformed_inputs import workbook_from_parts

from maillage.cli import main
from maillage.graph.errors import ValidationError
from maillage.graph.storage.sqlite import SQLiteStore
from maillage.loaders import load
from maillage.loaders.demo import demo_dataset
from maillage.loaders.graphfiles import parse_xml
from maillage.loaders.limits import FileLimits

HEADER = ["id", "name", "sector", "territory"]


def problems(paths, **limits) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        load(paths, limits=FileLimits(**limits) if limits else None)
    return [str(p) for p in caught.value.problems]


# XLSX amplification


def test_a_shared_string_bomb_is_refused_by_the_default_cell_limit(tmp_path: Path):
    path = tmp_path / "bomb.xlsx"
    rows = [HEADER] + [[f"a{i}", 0, "public", "Kerlan"] for i in range(50)]
    path.write_bytes(workbook_from_parts(["x" * 40_000], rows))
    assert path.stat().st_size < 5_000, "a small file"

    found = problems([path])

    assert len(found) == 50
    assert found[0] == (
        f"{path}[actors]:2: name: a value in characters of 40,000 is over the limit of 32,767 "
        "(raise it with MAILLAGE_MAX_CELL_CHARS=...)"
    )


def test_a_row_bomb_is_refused_at_the_row_limit(tmp_path: Path):
    path = tmp_path / "rows.xlsx"
    rows = [HEADER] + [[f"a{i}", f"Actor {i}", "public", "Kerlan"] for i in range(30)]
    path.write_bytes(workbook_from_parts([], rows))

    (found,) = problems([path], file_rows=20)

    assert "a row count of at least 21 is over the limit of 20" in found
    assert "MAILLAGE_MAX_FILE_ROWS" in found and "(line 22 is row 21)" in found


def test_a_workbook_that_unzips_to_much_more_is_refused_before_it_is_read(tmp_path: Path):
    path = tmp_path / "zip-bomb.xlsx"
    path.write_bytes(workbook_from_parts(["y" * 1_000] * 2_000, [HEADER]))
    assert path.stat().st_size < 50_000

    (found,) = problems([path], expanded_bytes=1_000_000)

    assert f"{path}: an unzipped size in bytes of 2,0" in found
    assert "MAILLAGE_MAX_EXPANDED_BYTES" in found


def test_a_file_larger_than_the_limit_is_refused_unread(tmp_path: Path):
    path = tmp_path / "actors.csv"
    path.write_text("id,name,sector,territory\n" + "a1,A,public,K\n" * 1000, encoding="utf-8")
    (found,) = problems([path], file_bytes=1_000)
    assert "a file size in bytes of 14,025 is over the limit of 1,000" in found
    assert "MAILLAGE_MAX_FILE_BYTES" in found


def test_the_command_line_reads_limits_from_the_environment(tmp_path: Path):
    path = tmp_path / "actors.csv"
    path.write_text("id,name,sector,territory\na1," + "n" * 500 + ",public,K\n", "utf-8")
    store = f"sqlite:///{tmp_path / 'store.db'}"
    result = CliRunner().invoke(
        main, ["import", str(path), "--store", store], env={"MAILLAGE_MAX_CELL_CHARS": "100"}
    )
    assert result.exit_code == 1
    assert "a value in characters of 500 is over the limit of 100" in result.output
    assert "Traceback" not in result.output


# Long values in every text format


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".csv"])
def test_a_value_longer_than_a_cell_is_a_problem_in_every_format(tmp_path: Path, suffix: str):
    value = "line\n" * 8_000
    path = tmp_path / f"actors{suffix}"
    path.write_text(document(suffix, value), encoding="utf-8")
    (found,) = problems([path])
    assert f"{path}:" in found and "is over the limit of 32,767" in found, found
    assert "(raise it with MAILLAGE_MAX_CELL_CHARS=...)" in found


def document(suffix: str, value: str) -> str:
    if suffix == ".graphml":
        return (
            '<graphml><key id="s" for="node" attr.name="sector"/>'
            '<key id="t" for="node" attr.name="territory"/><key id="n" for="node" '
            'attr.name="note"/><graph><node id="a1"><data key="s">public</data>'
            f'<data key="t">Kerlan</data><data key="n">{value}</data></node></graph></graphml>'
        )
    if suffix == ".gexf":
        return (
            '<gexf><graph><attributes class="node"><attribute id="note" title="note">'
            f"<default>{value}</default></attribute></attributes><nodes>"
            '<node id="a1" label="A"/></nodes></graph></gexf>'
        )
    quoted = value.replace('"', '""')
    return f'id,name,sector,territory\na1,"{quoted}",public,Kerlan\n'


def time_ratio(small, large, repeats: int = 7) -> float:
    """Median CPU time of ``large()`` over that of ``small()``, measured in turns.

    CPU time of this process, not wall-clock time, so that other programs on a shared
    machine do not count; turns alternate, and the garbage collector is paused while timing.
    """
    small()  # warm up
    times: dict[str, list[float]] = {"small": [], "large": []}
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeats):
            for name, work in (("small", small), ("large", large)):
                started = time.process_time()
                work()
                times[name].append(time.process_time() - started)
    finally:
        if was_enabled:
            gc.enable()
    return statistics.median(times["large"]) / statistics.median(times["small"])


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_parsing_a_long_multi_line_value_takes_linear_time(fmt: str):
    """Twice the value, at most about twice the time (expat gives text line by line)."""

    def xml(lines: int) -> bytes:
        value = "a line of text\n" * lines
        if fmt == "graphml":
            inside = f'<graph><node id="a"><data key="n">{value}</data></node></graph>'
            return f"<graphml>{inside}</graphml>".encode()
        inside = f"<attributes><attribute><default>{value}</default></attribute></attributes>"
        return f"<gexf><graph>{inside}</graph></gexf>".encode()

    small, large = xml(100_000), xml(200_000)  # 1.5 MB and 3 MB
    ratio = time_ratio(lambda: parse_xml(small), lambda: parse_xml(large))
    assert ratio < 3, f"doubling the value multiplied the time by {ratio:.1f}"


@pytest.mark.parametrize("suffix", [".graphml", ".csv", ".xlsx"])
def test_importing_a_long_value_takes_linear_time(tmp_path: Path, suffix: str):
    """Through the whole loader, with the cell limit raised so that the value is read."""
    limits = FileLimits(cell_chars=10**8)

    def write(name: str, lines: int) -> Path:
        value = "a line of text\n" * lines
        path = tmp_path / f"{name}{suffix}"
        if suffix == ".xlsx":
            rows = [HEADER, ["a1", 0, "public", "Kerlan"]]
            path.write_bytes(workbook_from_parts([value], rows))
        elif suffix == ".csv":  # csv.reader allows 128 KiB a field: many long fields
            cell = '"' + "a line of text\n" * 4_000 + '"'
            body = "".join(f"a{i},{cell},public,Kerlan\n" for i in range(lines // 4_000))
            path.write_text("id,name,sector,territory\n" + body, encoding="utf-8")
        else:
            path.write_text(document(suffix, value), encoding="utf-8")
        return path

    small, large = write("small", 20_000), write("large", 40_000)
    ratio = time_ratio(
        lambda: load([small], limits=limits), lambda: load([large], limits=limits), 5
    )
    assert ratio < 3, f"doubling the value multiplied the time by {ratio:.1f}"


# Small holes


@pytest.mark.parametrize("root", ["graphml", "gexf"])
def test_a_graph_file_without_a_graph_is_an_error(tmp_path: Path, root: str):
    path = tmp_path / f"empty.{root}"
    path.write_text(f'<?xml version="1.0"?>\n<{root}><key id="k"/></{root}>', encoding="utf-8")
    store = f"sqlite:///{tmp_path / 'store.db'}"

    result = CliRunner().invoke(main, ["import", str(path), "--store", store])

    assert result.exit_code == 1, result.output
    assert f"{path}:2: no <graph> element in this <{root}> document" in result.output
    assert "0 actors" not in result.output


def test_an_import_into_a_store_with_a_corrupted_page_is_refused(tmp_path: Path):
    path = tmp_path / "store.db"
    store = SQLiteStore(path)
    store.setup_schema()
    store.upsert(demo_dataset())
    store.close()
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")  # the file header's page size
    data[5 * page : 5 * page + 100] = b"\xff" * 100  # the header of a b-tree page
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    actors = tmp_path / "actors.csv"
    actors.write_text("id,name,sector,territory\nn1,Nouveau,public,Kerlan\n", encoding="utf-8")

    result = CliRunner().invoke(main, ["import", str(actors), "--store", f"sqlite:///{path}"])

    assert result.exit_code == 1, result.output
    assert f"the SQLite store {path} is damaged" in result.output
    assert "nothing was written" in result.output and ".recover" in result.output
    assert "Traceback" not in result.output
    assert path.read_bytes() == before


# Bounded memory

MEMORY_CAP = """
import resource, sys
cap = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
from maillage.cli import main
sys.argv = ["maillage", *sys.argv[2:]]
main()
"""


def peak_of_a_small_import(tmp_path: Path) -> int:
    """The address space a small import needs (bytes), measured in a child process."""
    actors = tmp_path / "small.csv"
    actors.write_text("id,name,sector,territory\na1,A,public,Kerlan\n", encoding="utf-8")
    script = (
        "import resource, sys\nfrom maillage.cli import main\n"
        "sys.argv = ['maillage', 'import', sys.argv[1], '--dry-run']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(open('/proc/self/status').read().split('VmPeak:')[1].split()[0])"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg")}
    result = subprocess.run(
        [sys.executable, "-c", script, str(actors)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
    )
    return int(result.stdout.strip().splitlines()[-1]) * 1024


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_under_a_memory_cap_a_bomb_gets_a_clear_error(tmp_path: Path):
    """The cell limit raised out of the way, the cap is what stops the import: clearly."""
    cap = peak_of_a_small_import(tmp_path) + 150 * 1024 * 1024
    path = tmp_path / "bomb.xlsx"
    rows = [HEADER] + [[f"a{i}", 0, "public", "Kerlan"] for i in range(50)]
    path.write_bytes(workbook_from_parts(["z" * 200_000_000], rows))
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "MAILLAGE_MAX_CELL_CHARS": str(10**9),
        "MAILLAGE_MAX_EXPANDED_BYTES": str(10**10),
    }
    store = f"sqlite:///{tmp_path / 'store.db'}"

    result = subprocess.run(
        [sys.executable, "-c", MEMORY_CAP, str(cap), "import", str(path), "--store", store],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )

    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert "not enough memory" in result.stderr, result.stderr[-2000:]
    assert "MAILLAGE_MAX_EXPANDED_BYTES" in result.stderr
