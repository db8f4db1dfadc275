"""Broken GEXF and GraphML files load or fail cleanly; no entity is ever declared or expanded."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from malformed_inputs import DOCTYPES, graph_bytes
from robustness_support import SeededStore, fuzz_settings, import_outcome, workdir

from maillage.graph.errors import ValidationError
from maillage.loaders import load


@fuzz_settings(150)
@given(document=graph_bytes("gexf"))
def test_broken_gexf_files_load_or_are_rejected_whole(seeded: SeededStore, document: bytes):
    with workdir() as folder:
        path = folder / "graph.gexf"
        path.write_bytes(document)
        import_outcome(seeded, [path])


@fuzz_settings(150)
@given(document=graph_bytes("graphml"))
def test_broken_graphml_files_load_or_are_rejected_whole(seeded: SeededStore, document: bytes):
    with workdir() as folder:
        path = folder / "graph.graphml"
        path.write_bytes(document)
        import_outcome(seeded, [path])


@pytest.mark.parametrize("doctype", DOCTYPES)
@pytest.mark.parametrize("suffix", [".gexf", ".graphml"])
def test_document_type_declarations_are_refused(tmp_path: Path, doctype: str, suffix: str):
    root = "gexf" if suffix == ".gexf" else "graphml"
    uses = "&lol4;" if "lol" in doctype else "&xxe;" if "xxe" in doctype else ""
    path = tmp_path / f"graph{suffix}"
    path.write_text(
        f'<?xml version="1.0"?>\n{doctype}\n<{root}><graph><nodes>'
        f'<node id="n1" label="{uses}"/></nodes></graph></{root}>',
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as caught:
        load([path])
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == (str(path), 2)
    assert "document type declarations (DOCTYPE, ENTITY) are refused" in problem.message
    assert "root:" not in str(caught.value)
