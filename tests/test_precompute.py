"""The precompute job on a real SQLite store: computed on writes, invalidated, read from disk."""

from __future__ import annotations

import dataclasses

from maillage.app import Maillage
from maillage.graph.changes import Edit
from maillage.graph.model import Actor, Sector
from maillage.settings import Limits, Settings


def _app(tmp_path) -> Maillage:
    settings = dataclasses.replace(
        Settings.from_env(), store_url=f"sqlite:///{tmp_path / 'm.db'}", data_dir=tmp_path
    )
    return Maillage(settings)


def test_import_precomputes_edit_invalidates_restart_reads_disk(tmp_path):
    app = _app(tmp_path)
    app.load_demo()
    assert app.precomputer.wait(120)
    territories = app.territory_names()
    assert app.computed["report"] == len(territories)
    assert app.computed["layout"] == len(territories)
    assert app.computed["community layouts"] == len(territories)
    before = app.report("Alsace")
    assert app.computed["report"] == len(territories)  # served, not computed again
    old_count = before["network"]["actors"]

    app.store.write(
        Edit(
            actors=(
                Actor(
                    id="new-one",
                    name="Nouvel acteur",
                    sector=Sector.BUSINESS,
                    territories=("Alsace",),
                ),
            )
        )
    )
    after = app.report("Alsace")
    assert after["network"]["actors"] == old_count + 1
    assert "new-one" in app.layout("Alsace")
    app.community_layouts("Alsace")
    app.close()

    restarted = _app(tmp_path)
    again = restarted.report("Alsace")
    positions = restarted.layout("Alsace")
    opened = restarted.community_layouts("Alsace")
    assert restarted.computed["report"] == 0
    assert restarted.computed["layout"] == 0
    assert restarted.computed["community layouts"] == 0
    assert "new-one" in {actor for community in opened for actor in community}
    assert again["network"]["actors"] == old_count + 1
    assert "new-one" in positions
    restarted.close()


def test_one_job_per_territory_and_version(tmp_path):
    app = _app(tmp_path)
    app.load_demo()
    assert app.precomputer.wait(120)
    jobs = sum(app.precomputer.jobs.values())
    app.precompute(["Alsace", "Alsace", "Alsace"])
    assert app.precomputer.wait(60)
    assert sum(app.precomputer.jobs.values()) == jobs + 1
    assert app.computed["report"] == len(app.territory_names())  # read back, not recomputed
    assert app.precomputer.progress("Alsace") is None
    app.close()


def test_the_web_apps_worker_computes_nothing_over_the_size_of_one_analysis(tmp_path):
    app = _app(tmp_path)
    app.load_demo()
    assert app.precomputer.wait(120)
    app.close()
    small = dataclasses.replace(_app(tmp_path).settings, limits=Limits(work=1_000))
    serving = Maillage(dataclasses.replace(small, data_dir=tmp_path / "elsewhere"))
    serving.bound_for_serving()
    serving.precompute(["Alsace"])
    assert serving.precomputer.wait(120)
    assert serving.computed["report"] == 0  # Alsace (600 actors and their ties) is over 1,000
    serving.close()
