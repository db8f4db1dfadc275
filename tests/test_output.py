"""A command's document is written whole or not at all."""

from __future__ import annotations

import pytest

from maillage.output import write_file


def test_a_document_is_written_whole(tmp_path):
    target = tmp_path / "out" / "report.json"
    write_file(target, [b'{"a": ', b"1}"])
    assert target.read_bytes() == b'{"a": 1}'
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.json"]


def test_a_rendering_that_fails_leaves_neither_the_file_nor_its_partial(tmp_path):
    target = tmp_path / "report.json"

    def pieces():
        yield b'{"a": '
        raise RuntimeError("rendering failed")

    with pytest.raises(RuntimeError, match="rendering failed"):
        write_file(target, pieces())
    assert list(tmp_path.iterdir()) == []
