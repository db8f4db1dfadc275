"""What an import needs around the loaders and the store: known ids, file digests, its summary.

And the web import (``WebImports``, a mixin of :class:`maillage.app.Maillage`):
an uploaded file's bytes go through the same ``Maillage.import_files`` as the
command line, from a private temporary folder removed at once.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import getpass
import hashlib
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .graph import problem_text
from .graph.changes import FileDigest, ImportPlan
from .graph.errors import MaillageError, Problem, ValidationError
from .graph.model import Dataset, ImportResult
from .graph.problem_text import render
from .graph.storage import GraphStore
from .loaders import mapping_builder
from .loaders.importing import CSV_SUFFIXES, EXCEL_SUFFIXES, SUPPORTED
from .loaders.mapping import read_mapping
from .loaders.mapping_builder import TableColumns, table_columns
from .loaders.rejects import RejectedRow, rejects_table
from .loaders.validate import ProblemLog
from .settings import REQUEST_BYTES_ENV, Limits


class StoredIds:
    """The store's actor ids, fetched once and only if the files name an actor they lack."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self._ids: frozenset[str] | None = None

    def __contains__(self, actor_id: object) -> bool:
        if self._ids is None:
            self._ids = self._store.actor_ids()
        return actor_id in self._ids


GRAPH_SUFFIXES = frozenset({".gexf", ".graphml"})


def os_user() -> str:
    """The name of the user running this process, as revisions record it ("" if unknown)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def file_digests(paths: Sequence[Path | str]) -> tuple[FileDigest, ...]:
    """The name and SHA-256 of every file of ``paths`` (a folder: each file in it)."""
    found = []
    for raw in paths:
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            digest = hashlib.sha256()
            with open(file, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
            found.append(FileDigest(str(file), digest.hexdigest()))
    return tuple(found)


@dataclass(frozen=True)
class ImportSummary:
    """What an import read, what it changes (its plan) and what it changed."""

    dataset: Dataset
    result: ImportResult | None
    warnings: tuple[str, ...]
    rejected: int = 0
    """Rows set aside (``--rejects``)."""
    rejects_file: str | None = None
    plan: ImportPlan | None = None
    rejected_rows: tuple[RejectedRow, ...] = ()
    """The rows set aside, each with its file, line, columns and problems."""
    rejects_header: tuple[str, ...] = ()
    """The header of the rejects file (``file``, ``line``, ``column``, ``problem``, cells)."""

    def describe(self, *, dry_run: bool) -> str:
        return "\n".join(filter(None, [self._describe(dry_run=dry_run), self.rejects_line()]))

    def rejects_line(self) -> str:
        """``3 rows set aside in rejects.csv`` when ``--rejects`` was given, else ''."""
        if self.rejects_file is None:
            return ""
        rows = "row" if self.rejected == 1 else "rows"
        return f"{self.rejected} invalid {rows} set aside in {self.rejects_file}."

    def _describe(self, *, dry_run: bool) -> str:
        data = self.dataset
        read = (
            f"{len(data.actors)} actors, {len(data.ties)} ties, "
            f"{len(data.activities)} activities in {len(data.territories)} territories"
        )
        lines = [f"warning: {w}" for w in self.warnings]
        plan_lines = self.plan.describe() if self.plan is not None else []
        if dry_run or self.result is None:
            lines.append(f"Valid: {read}. Dry run: nothing was written; the import would do:")
            lines.extend(plan_lines)
            return "\n".join(lines)
        lines.append(f"Read {read}.")
        lines.extend(plan_lines)
        r = self.result
        if r.revision is None:
            lines.append("Nothing changed.")
        else:
            lines.append(
                f"Saved as revision {r.revision} (`maillage history` lists it, "
                f"`maillage undo {r.revision}` reverts it)."
            )
        return "\n".join(lines)


# ---------------------------------------------------------------------- web uploads

IMPORTABLE = CSV_SUFFIXES | EXCEL_SUFFIXES | GRAPH_SUFFIXES
REQUEST_MARGIN = 64 * 1024
"""Bytes of a callback request that are not the uploaded file (the mapping, the other fields)."""
MAPPING_NAME = "mapping.toml"


class UploadRefused(MaillageError):
    """An upload that is not read at all: too large, not a file, a type Maillage cannot read."""


@dataclass(frozen=True)
class Upload:
    """A file a browser sent: its own name (no folder) and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class UploadOutcome:
    """A web import or its preview, every file named as the user uploaded it."""

    summary: ImportSummary
    rejects_csv: str | None = None
    """With the bad rows set aside: the rejects file's text (``--rejects``'s CSV)."""

    def rejects_table(self, problem_text: Callable[[Sequence[str]], str]) -> list[list[Any]]:
        """The rejects file as rows of cells, each row's problems worded by ``problem_text``
        (the reader's language): built from the rows themselves, not from the English file."""
        summary = self.summary
        return rejects_table(summary.rejected_rows, summary.rejects_header, problem_text)


def upload_limit(limits: Limits) -> int:
    """The most bytes an uploaded file may have: a file's limit, within one request (base64).

    >>> upload_limit(Limits(request_bytes=1024 * 1024))
    737280
    """
    return max(0, min(limits.files.file_bytes, (limits.request_bytes - REQUEST_MARGIN) * 3 // 4))


def decode_upload(contents: str | None, filename: str | None, limit: int) -> Upload:
    """The file of a ``dcc.Upload`` (``data:...;base64,...``), or ``UploadRefused`` saying why.

    >>> decode_upload("data:text/csv;base64,aWQK", "../x/Acteurs 2026.csv", 100)
    Upload(name='Acteurs 2026.csv', data=b'id\\n')
    """
    if not contents or not isinstance(contents, str) or "," not in contents:
        raise UploadRefused(problem_text.UPLOAD_MISSING)
    name = _safe_name(filename or "")
    if Path(name).suffix.lower() not in IMPORTABLE:
        raise UploadRefused(render(problem_text.UPLOAD_TYPE_REFUSED, name=name, expected=SUPPORTED))
    encoded = contents.split(",", 1)[1]
    if len(encoded) * 3 // 4 > limit + 3:
        raise UploadRefused(_too_large(name, len(encoded) * 3 // 4, limit))
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise UploadRefused(render(problem_text.UPLOAD_NOT_WHOLE, name=name)) from None
    if len(data) > limit:
        raise UploadRefused(_too_large(name, len(data), limit))
    return Upload(name, data)


def _too_large(name: str, size: int, limit: int) -> str:
    return render(
        problem_text.UPLOAD_TOO_LARGE,
        name=name,
        size=f"{size:,}",
        limit=f"{limit:,}",
        variable=REQUEST_BYTES_ENV,
    )


def _safe_name(filename: str) -> str:
    """The file name without any folder, made of letters, digits, spaces, dots and dashes."""
    base = re.split(r"[\\/]", filename)[-1]
    cleaned = re.sub(r"[^\w .()-]+", "_", base).strip(" .")
    return cleaned[:120] or "upload"


@contextmanager
def _private_folder() -> Iterator[Path]:
    """A temporary folder only this process's user can read, removed with what it holds."""
    with tempfile.TemporaryDirectory(prefix="maillage-upload-") as folder:
        os.chmod(folder, 0o700)
        yield Path(folder)


class WebImports:
    """Imports of uploaded files: their columns, a preview, the import itself (one revision)."""

    settings: Any

    def upload_limit(self) -> int:
        """The most bytes a file sent from the browser may have (``upload_limit``)."""
        return upload_limit(self.settings.limits)

    def decode_upload(self, contents: str | None, filename: str | None) -> Upload:
        """The file a browser sent (``decode_upload`` within ``upload_limit``)."""
        return decode_upload(contents, filename, self.upload_limit())

    def guess_mapping(self, header: Sequence[str]) -> dict[str, str | None]:
        """The column of ``header`` that probably holds each field the mapping builder asks for."""
        return mapping_builder.guess_columns(header)

    def guess_sectors(self, values: Sequence[str]) -> dict[str, str | None]:
        """Each raw sector value's sector, from the sector names and aliases (or ``None``)."""
        return mapping_builder.guess_sectors(values)

    def mapping_toml(
        self,
        columns: Mapping[str, str | None],
        sectors: Mapping[str, str | None],
        default_territory: str | None = None,
    ) -> str:
        """The mapping file of the builder's choice, as ``maillage import --mapping`` reads it."""
        return mapping_builder.mapping_toml(columns, sectors, default_territory=default_territory)

    def mapping_choice(self, text: str) -> tuple[dict[str, str | None], dict[str, str], str | None]:
        """The columns, sectors (folded raw value -> sector) and default territory of a saved
        mapping file's text.

        A mapping that ``read_mapping`` refuses raises ``ValidationError`` naming the key.
        """
        log = ProblemLog()
        with _private_folder() as folder:
            path = folder / MAPPING_NAME
            path.write_text(text, encoding="utf-8")
            found = read_mapping(path, log)
        if found is None or log.problems:
            renamed = _Renamer(folder)
            raise ValidationError(map(renamed.problem, log.problems))
        spec = found.default
        columns = {name: spec.columns.get(name) for name in mapping_builder.MAPPED_FIELDS}
        sectors = {raw: sector.value for raw, sector in spec.sectors.items()}
        return columns, sectors, spec.default_territory

    def upload_columns(self, upload: Upload) -> TableColumns:
        """The header and distinct values of the upload's first table, for the mapping builder."""
        with _private_folder() as folder:
            path = folder / upload.name
            path.write_bytes(upload.data)
            found = table_columns(path, upload.name, self.settings.limits.files)
        return found

    def import_upload(
        self,
        upload: Upload,
        *,
        mapping: str | None = None,
        dry_run: bool = True,
        set_aside: bool = False,
        merge: bool = False,
        id_prefix: str | None = None,
        user: str | None = None,
    ) -> UploadOutcome:
        """Preview (``dry_run``) or import an uploaded file, as ``maillage import`` does.

        ``mapping`` is a mapping file's text. A preview always sets the bad rows
        aside, to list them all; an import does only with ``set_aside`` (else
        any bad row rejects it whole, ``ValidationError``). The import is one
        revision by ``user``; problems and warnings name the upload, not the
        temporary folder it was read from.
        """
        with _private_folder() as folder:
            (folder / "upload").mkdir()
            path = folder / "upload" / upload.name  # apart from the mapping and the rejects
            path.write_bytes(upload.data)
            mapping_path = None
            if mapping:
                mapping_path = folder / MAPPING_NAME
                mapping_path.write_text(mapping, encoding="utf-8")
            rejects = folder / "rejects.csv" if dry_run or set_aside else None
            renamed = _Renamer(folder / "upload")
            try:
                summary = self.import_files(  # type: ignore[attr-defined]
                    [path],
                    mapping=mapping_path,
                    dry_run=dry_run,
                    rejects=rejects,
                    merge=merge,
                    id_prefix=id_prefix or None,
                    user=user or None,
                    file_names=[upload.name],
                )
            except ValidationError as error:
                raise ValidationError(map(renamed.problem, error.problems)) from None
            rows = tuple(map(renamed.row, summary.rejected_rows))
            text = None
            if rejects is not None and not dry_run:
                text = renamed.text(rejects.read_text(encoding="utf-8"))
        shown = dataclasses.replace(
            summary,
            warnings=tuple(map(renamed.text, summary.warnings)),
            rejected_rows=rows,
            rejects_file="rejects.csv" if text is not None else None,
        )
        return UploadOutcome(shown, text)


class _Renamer:
    """Labels of a private folder's files written as their own names."""

    def __init__(self, folder: Path) -> None:
        self._prefix = f"{folder}{os.sep}"

    def text(self, text: str) -> str:
        return text.replace(self._prefix, "")

    def problem(self, problem: Problem) -> Problem:
        return dataclasses.replace(problem, file=self.text(problem.file))

    def row(self, row: RejectedRow) -> RejectedRow:
        return dataclasses.replace(row, file=self.text(row.file))
