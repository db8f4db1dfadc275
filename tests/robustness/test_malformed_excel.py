"""Broken workbooks load or fail cleanly: missing sheets, typed cells, formulas, merges, damage."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from malformed_inputs import workbook_bytes
from robustness_support import SeededStore, fuzz_settings, import_outcome, workdir


@fuzz_settings(150)
@given(book=workbook_bytes(), suffix=st.sampled_from([".xlsx", ".xlsm"]))
def test_broken_workbooks_load_or_are_rejected_whole(seeded: SeededStore, book: bytes, suffix):
    with workdir() as folder:
        path = folder / f"book{suffix}"
        path.write_bytes(book)
        import_outcome(seeded, [path])
