"""What the robustness tests share: the example budget, a pre-filled store, outcome checks.

Every generated import ends one of two ways: it loads, or it is rejected with a
``ValidationError`` (or another ``MaillageError``) whose problems name the files
given. Anything else is a bug. A rejected import must leave the store exactly as
it was: its territories (with their counts) and its data version.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from maillage.app import Maillage
from maillage.cli import main
from maillage.graph.errors import MaillageError, ValidationError
from maillage.graph.model import Actor, Dataset, Sector, TerritorySummary, Tie, TieKind
from maillage.graph.storage.sqlite import SQLiteStore
from maillage.loaders.limits import FileLimits
from maillage.settings import Limits, Settings

MALFORMED_BUDGET = 1_000
"""Generated malformed inputs every run must try, summed over the ``test_malformed_*`` tests."""

OUTCOMES: Counter[str] = Counter()
"""How the generated imports of this run ended, shown at the end of the run."""


def fuzz_settings(max_examples: int) -> settings:
    """Settings of a property test: ``max_examples`` inputs, no deadline (the machine is busy)."""
    return settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )


@contextmanager
def workdir() -> Iterator[Path]:
    """A fresh folder for one generated example (hypothesis cannot use ``tmp_path``)."""
    with tempfile.TemporaryDirectory(prefix="maillage-robust-") as name:
        yield Path(name)


# ---------------------------------------------------------------------- the pre-filled store

KNOWN = Dataset(
    actors=(
        Actor("k1", "Mairie de Kerlan", Sector.PUBLIC, ("Kerlan",), city="Kerlan"),
        Actor("k2", "Asso Les Liens", Sector.ASSOCIATION, ("Kerlan",), joined=date(2020, 1, 1)),
        Actor("k3", "Lycée du Port", Sector.ACADEMIC, ("Kerlan", "Pors"), attributes={"uai": "1"}),
        Actor("k4", "Fondation Mer", Sector.FUNDER, ("Pors",), lat=47.5, lon=-3.5),
    ),
    ties=(
        Tie("k1", "k2", TieKind.FUNDING, 2.0, since=date(2021, 3, 1), directed=True),
        Tie("k2", "k3", TieKind.PARTNERSHIP, note="jardin partagé"),
        Tie("k3", "k4", TieKind.EVENT, 1.0, ref="forum"),
    ),
)
KNOWN_IDS = tuple(a.id for a in KNOWN.actors)


@dataclass(frozen=True)
class StoreState:
    territories: tuple[TerritorySummary, ...]
    data_version: str


class SeededStore:
    """A SQLite store holding ``KNOWN``, put back in a millisecond by copying a template file."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.template = folder / "template.db"
        self.path = folder / "store.db"
        self.url = f"sqlite:///{self.path}"
        template = SQLiteStore(self.template)
        try:
            template.setup_schema()
            template.upsert(KNOWN)
        finally:
            template.close()  # the last connection to close folds the WAL into the file
        self.reset()
        self.initial = self.state()

    def reset(self) -> None:
        for suffix in ("-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(self.template, self.path)

    def open(self) -> SQLiteStore:
        return SQLiteStore(self.path)

    def state(self) -> StoreState:
        store = self.open()
        try:
            return StoreState(tuple(store.territories()), store.data_version())
        finally:
            store.close()


# ---------------------------------------------------------------------- outcome checks


def _names(paths: Sequence[Path], mapping: Path | None) -> list[str]:
    return [str(p) for p in (*paths, *([mapping] if mapping is not None else []))]


def assert_names_the_files(error: MaillageError, paths: Sequence[Path], mapping: Path | None):
    """Every problem of a ``ValidationError`` names one of the input files; other errors too."""
    names = _names(paths, mapping)
    if isinstance(error, ValidationError):
        assert error.problems, "a ValidationError without any problem"
        for problem in error.problems:
            assert any(problem.file == n or problem.file.startswith(n + "[") for n in names), (
                f"problem does not name an input file: {problem}"
            )
            assert problem.message.strip(), f"problem without a message: {problem!r}"
    else:
        assert any(n in str(error) for n in names), f"error names no input file: {error}"


def import_outcome(
    seeded: SeededStore,
    paths: Sequence[Path],
    mapping: Path | None = None,
    *,
    limits: FileLimits | None = None,
) -> str:
    """Import through ``Maillage.import_files`` into the reset store; ``loaded`` or ``rejected``.

    ``limits`` replace the default file limits (the amplification cases use small ones).

    Fails the test on any exception that is not a ``MaillageError``, on a rejection
    that does not name the files, and on a rejection that changed the store.
    """
    seeded.reset()
    settings = Settings(limits=Limits(files=limits)) if limits is not None else None
    app = Maillage(settings, store=seeded.open())
    try:
        summary = app.import_files(list(paths), mapping=mapping)
    except MaillageError as error:
        assert_names_the_files(error, paths, mapping)
        outcome = "rejected"
    else:
        stored = {t.name for t in app.store.territories()}
        missing = summary.dataset.territories - stored
        assert not missing, f"loaded but not stored: {sorted(missing)}"
        outcome = "loaded"
    finally:
        app.close()
    if outcome == "rejected":
        assert seeded.state() == seeded.initial, "a rejected import changed the store"
    OUTCOMES[outcome] += 1
    return outcome


def cli_outcome(seeded: SeededStore, paths: Sequence[Path], mapping: Path | None = None) -> str:
    """``maillage import PATH... --store URL`` through click's runner; as ``import_outcome``."""
    seeded.reset()
    arguments = ["import", *map(str, paths), "--store", seeded.url]
    if mapping is not None:
        arguments += ["--mapping", str(mapping)]
    result = CliRunner().invoke(main, arguments, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    output = result.output  # standard output and error, as a terminal shows them
    assert "Traceback" not in output
    if result.exit_code == 0:
        OUTCOMES["loaded"] += 1
        return "loaded"
    assert result.exit_code == 1, output
    assert any(name in output for name in _names(paths, mapping)), output
    assert seeded.state() == seeded.initial, "a rejected import changed the store"
    OUTCOMES["rejected"] += 1
    return "rejected"
