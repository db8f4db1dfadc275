"""Broken mapping files (invalid TOML, unknown keys, wrong types, unknown columns) fail cleanly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from malformed_inputs import csv_bytes, export_csv, mapping_bytes, table
from robustness_support import SeededStore, fuzz_settings, import_outcome, workdir


@fuzz_settings(200)
@given(mapping=mapping_bytes(), data=st.data())
def test_broken_mapping_files_load_or_are_rejected_whole(
    seeded: SeededStore, mapping: bytes, data: st.DataObject
):
    with workdir() as folder:
        partners = folder / "partners.csv"
        partners.write_bytes(export_csv())
        paths = [partners]
        if data.draw(st.booleans()):
            actors = folder / "actors.csv"
            actors.write_bytes(data.draw(csv_bytes(data.draw(table("actors", clean=True)))))
            paths.append(actors)
        mapping_path = folder / "mapping.toml"
        mapping_path.write_bytes(mapping)
        import_outcome(seeded, paths, mapping_path)
