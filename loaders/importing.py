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
from collections.abc import Callable, Container, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..graph.model import Dataset
from .builder import DatasetBuilder
from .csv_reader import read_csv
from .excel import CANONICAL_SHEETS, Workbook
from .graphfiles import read_graph_file
from .mapping import CANONICAL, MappingFile, Role, TableSpec, read_mapping
from .table_reading import read_table
from .validate import ProblemLog

CSV_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm"})
GRAPH_SUFFIXES = frozenset({".gexf", ".graphml"})
SUPPORTED = ", ".join(sorted(CSV_SUFFIXES | EXCEL_SUFFIXES | GRAPH_SUFFIXES))

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class LoadResult:
    """A validated import: the dataset, what the user should know, and its size."""

    dataset: Dataset
    warnings: list[str] = field(default_factory=list)
    rows: int = 0
    external_refs: frozenset[str] = frozenset()
    """Actor ids that ties or participations name, found only among ``known_actor_ids``."""


def load(
    paths: Sequence[Path | str],
    *,
    mapping: Path | str | None = None,
    known_actor_ids: Container[str] = (),
    progress: Progress | None = None,
) -> LoadResult:
    """Read, check and assemble ``paths`` (CSV, Excel, GEXF, GraphML) into one ``Dataset``.

    The file type comes from the extension and, for CSV and sheets, from the
    header (or the mapping's ``type``). Every problem in every file is
    collected; if there is any, ``ValidationError`` lists them all as
    ``file:line: column: message`` and nothing is returned.

    ``progress(done_rows, total_rows)`` is called as rows are read;
    ``total_rows`` is an estimate until the end.
    """
    with _collector_paused():
        return _load(paths, mapping, known_actor_ids, progress)


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
            gc.enable()


def _load(
    paths: Sequence[Path | str],
    mapping: Path | str | None,
    known_actor_ids: Container[str],
    progress: Progress | None,
) -> LoadResult:
    log = ProblemLog()
    warnings: list[str] = []
    mapping_file = read_mapping(mapping, log) if mapping is not None else None
    log.raise_if_any()
    if not paths:
        log.add("", None, None, "no files to import")
        log.raise_if_any()
    # Only membership is asked, and only for ids the files do not define: a lazy
    # container (``__contains__`` querying the store) works as well as a set.
    known = set(known_actor_ids) if isinstance(known_actor_ids, list | tuple) else known_actor_ids
    builder = DatasetBuilder(log)
    counter = _Counter(progress, [Path(p) for p in paths])
    for raw_path in paths:
        path = Path(raw_path)
        label = str(raw_path)
        specs = mapping_file.specs_for(path) if mapping_file else [CANONICAL]
        if not specs:
            log.add(label, None, None, f"no [[file]] of {mapping} matches this file")
            continue
        suffix = path.suffix.lower()
        if suffix in CSV_SUFFIXES:
            _read_delimited(path, label, specs[0], builder, warnings, counter)
        elif suffix in EXCEL_SUFFIXES:
            _read_workbook(path, label, specs, mapping_file, builder, warnings, counter)
        elif suffix in GRAPH_SUFFIXES:
            counter.tick(read_graph_file(path, label, specs[0], builder, warnings))
        elif not path.exists():
            log.add(label, None, None, "cannot read: No such file or directory")
        else:
            log.add(label, None, None, f"unsupported file type {suffix!r} (expected {SUPPORTED})")
    dataset, external = builder.finish(known)
    log.raise_if_any()
    counter.finish()
    return LoadResult(dataset, warnings, counter.done, external)


def _read_delimited(
    path: Path,
    label: str,
    spec: TableSpec,
    builder: DatasetBuilder,
    warnings: list[str],
    counter: _Counter,
) -> None:
    table = read_csv(
        path, label, builder.log, warnings, delimiter=spec.delimiter, encoding=spec.encoding
    )
    if table is not None:
        read_table(table, spec, builder, warnings, counter.tick)


def _read_workbook(
    path: Path,
    label: str,
    specs: list[TableSpec],
    mapping_file: MappingFile | None,
    builder: DatasetBuilder,
    warnings: list[str],
    counter: _Counter,
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
                        f"no sheet named {spec.sheet!r} (sheets: {', '.join(book.sheet_names)})",
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
                    "no sheet named actors, ties or participations "
                    f"(sheets: {', '.join(book.sheet_names)}); name one in a mapping file",
                )
        for sheet, spec in sheets:
            table = book.table(sheet)
            if table is not None:
                read_table(table, spec, builder, warnings, counter.tick)


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
