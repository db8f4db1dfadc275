"""The garbage collector around an import: paused, then survivors go to the oldest generation."""

from __future__ import annotations

import gc
import weakref

from maillage.graph.storage.bulk import collector_paused
from maillage.loaders import load
from maillage.loaders.importing import _collector_paused


class _Node:
    def __init__(self) -> None:
        self.me = self


def test_survivors_of_a_load_are_in_the_oldest_generation_and_the_collector_is_back(
    tmp_path,
) -> None:
    (tmp_path / "actors.csv").write_text(
        "id,name,sector,territory\na,A,public,T\nb,B,public,T\n", encoding="utf-8"
    )
    (tmp_path / "ties.csv").write_text("source,target\na,b\n", encoding="utf-8")
    assert gc.isenabled()
    dataset = load([tmp_path / "actors.csv", tmp_path / "ties.csv"]).dataset
    assert gc.isenabled()
    assert any(o is dataset.ties[0] for o in gc.get_objects(generation=2))


def test_cycles_made_while_paused_are_still_collected() -> None:
    for pause in (_collector_paused, collector_paused):
        with pause():
            assert not gc.isenabled()
            node = _Node()
            alive = weakref.ref(node)
        assert gc.isenabled()
        del node
        assert alive() is not None  # a cycle: reference counting alone never frees it
        gc.collect()
        assert alive() is None
