"""What an import needs around the loaders and the store: known ids, file digests, its summary."""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .graph.changes import FileDigest, ImportPlan
from .graph.model import Dataset, ImportResult
from .graph.storage import GraphStore


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
