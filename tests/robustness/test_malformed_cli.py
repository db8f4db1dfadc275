"""``maillage import`` on broken files: a listed error and exit status 1, or a load; never half."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from malformed_inputs import csv_import, export_csv, graph_bytes, mapping_bytes, workbook_bytes
from robustness_support import SeededStore, cli_outcome, fuzz_settings, workdir


@fuzz_settings(100)
@given(data=st.data())
def test_cli_import_of_broken_files(seeded: SeededStore, data: st.DataObject):
    what = data.draw(st.sampled_from(["csv", "xlsx", "gexf", "graphml", "mapping"]))
    with workdir() as folder:
        mapping = None
        if what == "csv":
            files = data.draw(csv_import(("actors", "ties")))
        elif what == "xlsx":
            files = {"book.xlsx": data.draw(workbook_bytes())}
        elif what in ("gexf", "graphml"):
            files = {f"graph.{what}": data.draw(graph_bytes(what))}
        else:
            files = {"partners.csv": export_csv()}
            mapping = folder / "mapping.toml"
            mapping.write_bytes(data.draw(mapping_bytes()))
        paths = []
        for name, content in files.items():
            (folder / name).write_bytes(content)
            paths.append(folder / name)
        cli_outcome(seeded, paths, mapping)
