"""``load``: read and validate the files of one import into one ``Dataset``.

Loaders never write to a store. References to actors that are not in the
files are settled by the caller: pass ``known_actor_ids``, the ids the store
already holds, and a tie or participation naming an actor found neither in
the files nor there is a problem with its line (any container answering
``in`` will do, so a store can answer lazily for just the ids the files do
not define). ``LoadResult.external_refs``
lists the ids that only the store knows, so that the store can re-check
them inside its own transaction (an actor may vanish in between).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..graph.errors import Problem
from ..graph.model import Dataset
from ..graph.problem_text import (
    NO_CANONICAL_SHEET,
    NO_FILES,
    NO_SHEET,
    UNSUPPORTED_FILE,
    render,
)
from .builder import DatasetBuilder
from .csv_reader import read_csv
from .excel import CANONICAL_SHEETS, Workbook
from .graphfiles import read_graph_file
from .limits import FileLimits, bounded_table, check_expanded_size, check_file_size
from .mapping import CANONICAL, MappingFile, Role, TableSpec, read_mapping
from .rejects import RejectedRow, rejected_rows
from .table_reading import read_table
from .validate import ProblemLog, Where

CSV_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm"})
GRAPH_SUFFIXES = frozenset({".gexf", ".graphml"})
_IMPORTABLE = CSV_SUFFIXES | EXCEL_SUFFIXES | GRAPH_SUFFIXES
SUPPORTED = ", ".join(sorted(_IMPORTABLE))

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class LoadResult:
    """A validated import: the dataset, what the user should know, and its size."""

    dataset: Dataset
    warnings: list[str] = field(default_factory=list)
    rows: int = 0
    external_refs: frozenset[str] = frozenset()
    """Actor ids that ties or participations name, found only among ``known_actor_ids``."""
    rejected: tuple[RejectedRow, ...] = ()
    """With ``keep_valid``: the rows set aside, each with its problems and cells."""
    headers: Mapping[str, Sequence[str]] = field(default_factory=dict)
    """Per file label: the header of its table, to name the cells of ``rejected``."""


def load(
    paths: Sequence[Path | str],
    *,
    mapping: Path | str | None = None,
    known_actor_ids: Container[str] = (),
    progress: Progress | None = None,
    keep_valid: bool = False,
    limits: FileLimits | None = None,
) -> LoadResult:
    """Read, check and assemble ``paths`` (CSV, Excel, GEXF, GraphML) into one ``Dataset``.

    The file type comes from the extension and, for CSV and sheets, from the
    header (or the mapping's ``type``); a folder stands for the files in it
    (what ``write(network, "csv", folder)`` writes). Every problem in every
    file is collected; if there is any, ``ValidationError`` lists them all
    as ``file:line: column: message`` and nothing is returned.

    With ``keep_valid`` the rows that have problems are set aside instead
    (``LoadResult.rejected``, see :mod:`maillage.loaders.rejects`) and the
    dataset holds the valid rows; problems that belong to no row still
    raise ``ValidationError``.

    ``progress(done_rows, total_rows)`` is called as rows are read;
    ``total_rows`` is an estimate until the end. A file over ``limits`` (bytes,
    unzipped bytes, rows, a cell's characters; ``FileLimits()`` by default) is a
    problem naming the limit.
    """
    with _collector_paused():
        return _load(
            expand_folders(paths),
            mapping,
            known_actor_ids,
            progress,
            keep_valid,
            limits or FileLimits(),
        )


def expand_folders(paths: Sequence[Path | str]) -> list[Path | str]:
    """``paths`` with each folder replaced by its importable files (actors first, then ties).

    A folder without any importable file stays as it is, so that its
    problem is reported where it belongs.
    """
    ranks = {"actors": 0, "activities": 1, "participations": 2, "ties": 3}
    expanded: list[Path | str] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            expanded.append(raw)
            continue
        found = sorted(
            (p for p in path.iterdir() if p.is_file() and p.suffix.lower() in _IMPORTABLE),
            key=lambda p: (ranks.get(p.stem.casefold(), 4), p.name),
        )
        expanded.extend(found or [raw])
    return expanded


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: an import makes many objects and no cycles.

    Building tens of thousands of ties otherwise triggers collection after
    collection (a quarter of the time); reference counting still frees
    everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # What outlived the pause (the dataset) is long-lived: ``freeze`` and ``unfreeze``
            # move it straight into the oldest generation, which the next full collection
            # walks, instead of a young collection walking all of it now.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


MAX_PASSES = 12
"""With ``keep_valid``: how many times the files may be read while rows are being set aside."""


def _load(
    paths: Sequence[Path | str],
    mapping: Path | str | None,
    known_actor_ids: Container[str],
    progress: Progress | None,
    keep_valid: bool,
    limits: FileLimits,
) -> LoadResult:
    log = ProblemLog()
    mapping_file = read_mapping(mapping, log) if mapping is not None else None
    log.raise_if_any()
    if not paths:
        log.add("", None, None, NO_FILES)
        log.raise_if_any()
    # Only membership is asked, and only for ids the files do not define: a lazy
    # container (``__contains__`` querying the store) works as well as a set.
    known = set(known_actor_ids) if isinstance(known_actor_ids, list | tuple) else known_actor_ids
    set_aside: dict[Where, list[Problem]] = {}
    for _ in range(MAX_PASSES):
        builder, warnings, counter = _read_all(
            paths, mapping, mapping_file, known, progress, set_aside, limits
        )
        problems = builder.log.problems
        if not problems:
            break
        if not keep_valid:
            builder.log.raise_if_any()
        whole = [p for p in problems if not builder.is_row_problem(p, set_aside)]
        if whole:
            fatal = ProblemLog()
            for p in whole:
                fatal.add(p.file, p.line, p.column, p.message)
            fatal.raise_if_any()
        for p in problems:
            set_aside.setdefault((p.file, p.line), []).append(p)
        progress = None  # the next passes read the same rows again
    else:
        builder.log.raise_if_any()
    counter.finish()
    rejected = rejected_rows(set_aside, builder.set_aside_cells)
    return LoadResult(
        builder.dataset, warnings, counter.done, builder.external, rejected, builder.headers
    )


def _read_all(
    paths: Sequence[Path | str],
    mapping: Path | str | None,
    mapping_file: MappingFile | None,
    known: Container[str],
    progress: Progress | None,
    set_aside: Mapping[Where, object],
    limits: FileLimits,
) -> tuple[DatasetBuilder, list[str], _Counter]:
    """One reading of every file, skipping the rows ``set_aside``; problems stay in the log."""
    log = ProblemLog()
    warnings: list[str] = []
    builder = DatasetBuilder(log)
    for label, line in set_aside:
        builder.skip.setdefault(label, set()).add(line)  # type: ignore[arg-type]
    counter = _Counter(progress, [Path(p) for p in paths])
    for raw_path in paths:
        path = Path(raw_path)
        label = str(raw_path)
        specs = mapping_file.specs_for(path) if mapping_file else [CANONICAL]
        if not specs:
            log.add(label, None, None, f"no [[file]] of {mapping} matches this file")
            continue
        suffix = path.suffix.lower()
        if path.is_file() and not check_file_size(path, label, limits, log):
            continue
        if suffix in CSV_SUFFIXES:
            _read_delimited(path, label, specs[0], builder, warnings, counter, limits)
        elif suffix in EXCEL_SUFFIXES:
            if check_expanded_size(path, label, limits, log):
                _read_workbook(path, label, specs, mapping_file, builder, warnings, counter, limits)
        elif suffix in GRAPH_SUFFIXES:
            counter.tick(read_graph_file(path, label, specs[0], builder, warnings, limits))
        elif path.is_dir():
            log.add(label, None, None, f"a folder without any file to import ({SUPPORTED})")
        elif not path.exists():
            log.add(label, None, None, "cannot read: No such file or directory")
        else:
            unsupported = render(UNSUPPORTED_FILE, suffix=repr(suffix), expected=SUPPORTED)
            log.add(label, None, None, unsupported)
    builder.dataset, builder.external = builder.finish(known)
    return builder, warnings, counter


def _read_delimited(
    path: Path,
    label: str,
    spec: TableSpec,
    builder: DatasetBuilder,
    warnings: list[str],
    counter: _Counter,
    limits: FileLimits,
) -> None:
    table = read_csv(
        path, label, builder.log, warnings, delimiter=spec.delimiter, encoding=spec.encoding
    )
    if table is not None:
        skip = builder.skip.get(label, ())
        bounded = bounded_table(table, limits, builder.log, skip)
        read_table(bounded, spec, builder, warnings, counter.tick)


def _read_workbook(
    path: Path,
    label: str,
    specs: list[TableSpec],
    mapping_file: MappingFile | None,
    builder: DatasetBuilder,
    warnings: list[str],
    counter: _Counter,
    limits: FileLimits,
) -> None:
    log = builder.log
    with Workbook(path, label, log) as book:
        if book.book is None:
            return
        sheets: list[tuple[str, TableSpec]] = []
        for spec in specs:
            if spec.sheet:
                found = book.find_sheet(spec.sheet)
                if found is None:
                    log.add(
                        label,
                        None,
                        None,
                        render(
                            NO_SHEET, sheet=repr(spec.sheet), sheets=", ".join(book.sheet_names)
                        ),
                    )
                else:
                    sheets.append((found, spec))
                continue
            canonical = [(book.find_sheet(n), n) for n in CANONICAL_SHEETS]
            found_canonical = [(s, n) for s, n in canonical if s is not None]
            if found_canonical:
                sheets.extend(
                    (s, spec if spec.role else replace(spec, role=Role(n)))
                    for s, n in found_canonical
                )
            elif mapping_file is not None and book.sheet_names:
                sheets.append((book.sheet_names[0], spec))
            else:
                log.add(
                    label,
                    None,
                    None,
                    render(NO_CANONICAL_SHEET, sheets=", ".join(book.sheet_names)),
                )
        for sheet, spec in sheets:
            table = book.table(sheet)
            if table is not None:
                bounded = bounded_table(table, limits, log, builder.skip.get(table.label, ()))
                read_table(bounded, spec, builder, warnings, counter.tick)


class _Counter:
    """Counts rows read and reports progress against an estimate made from line counts."""

    def __init__(self, progress: Progress | None, paths: list[Path]) -> None:
        self.progress = progress
        self.done = 0
        self.total = 0
        if progress is not None:
            for path in paths:
                if path.suffix.lower() in CSV_SUFFIXES:
                    with suppress(OSError):
                        self.total += max(path.read_bytes().count(b"\n") - 1, 0)

    def tick(self, rows: int) -> None:
        self.done += rows
        if self.progress is not None and rows:
            self.total = max(self.total, self.done)
            self.progress(self.done, self.total)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.done)
