"""Where the real data sets shared by the sessions are (read in place, never copied)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def shared_dataset(relative: str) -> Path:
    """``shared/datasets/<relative>`` beside the repository or one of its parent folders.

    The main checkout sits beside ``shared/``; a worktree sits one or two
    levels deeper; a clone elsewhere names the folder in ``MAILLAGE_DATASETS``.
    The first existing candidate wins; if none exists, the path beside the
    repository is returned (tests skip on it).
    """
    named = os.environ.get("MAILLAGE_DATASETS")
    candidates = [Path(named) / relative] if named else []
    candidates += [p / "shared" / "datasets" / relative for p in REPO.parents]
    return next((c for c in candidates if c.exists()), candidates[0])
