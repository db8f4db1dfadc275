"""Broken CSV imports (actors, ties, participations) load or fail cleanly, never half-written."""

from __future__ import annotations

from hypothesis import given
from malformed_inputs import csv_import
from robustness_support import SeededStore, fuzz_settings, import_outcome, workdir


@fuzz_settings(300)
@given(files=csv_import(("actors", "ties", "participations")))
def test_broken_csv_files_load_or_are_rejected_whole(seeded: SeededStore, files: dict[str, bytes]):
    with workdir() as folder:
        for name, content in files.items():
            (folder / name).write_bytes(content)
        import_outcome(seeded, [folder / name for name in files])
