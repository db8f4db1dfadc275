"""Settings, declared once: where the store is, and the defaults every front end shares."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

STORE_ENV = "MAILLAGE_STORE"


def default_data_dir() -> Path:
    """The per-user data folder (``$XDG_DATA_HOME/maillage``, else ``~/.local/share/maillage``)."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "maillage"


def default_store_url() -> str:
    """The embedded store used when neither ``--store`` nor ``MAILLAGE_STORE`` is given."""
    return f"sqlite:///{default_data_dir() / 'maillage.db'}"


@dataclass(frozen=True)
class Settings:
    """Everything a Maillage instance needs to know, with the defaults users get."""

    store_url: str = field(default_factory=default_store_url)
    seed: int = 42
    cache_size: int = 256

    @classmethod
    def from_env(cls, store_url: str | None = None) -> Settings:
        return cls(store_url=store_url or os.environ.get(STORE_ENV) or default_store_url())
