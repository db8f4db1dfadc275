"""The precompute job on a real SQLite store: computed on writes, invalidated, read from disk."""

from __future__ import annotations

import dataclasses
from collections import Counter

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


def test_the_report_at_every_slider_date_is_precomputed_and_is_the_on_demand_one(tmp_path):
    import json

    from maillage.dashboard.presenters.explore import (
        as_of_for,
        explore_controls_view,
        summary_view,
    )
    from maillage.precompute import AS_OF_REPORT

    app = _app(tmp_path)
    app.load_demo()
    assert app.precomputer.wait(120)
    assert app.date_precomputer.wait(300)
    territory = "Lons-le-Saunier"
    year, _ = explore_controls_view(app, territory)
    offered = [as_of_for(y, year["max"]) for y in range(year["min"], year["max"])]
    days = app.slider_days(territory)
    assert [day.isoformat() for day in days] == offered  # every date the slider offers
    offering = Counter(d for t in app.territory_names() for d in app.slider_days(t))
    for day in days:  # once for every territory whose slider offers that date
        assert app.computed[AS_OF_REPORT.format(day=day.isoformat())] == offering[day]

    elsewhere = dataclasses.replace(app.settings, data_dir=tmp_path / "on-demand")
    on_demand = Maillage(elsewhere)  # the same store, nothing precomputed
    for day in days:
        computed = json.loads(json.dumps(on_demand.report(territory, as_of=day)))
        assert app.report(territory, as_of=day) == computed
        for sectors in (None, ["association"]):
            shown = summary_view(app, territory, day.isoformat(), sectors)
            assert shown == summary_view(on_demand, territory, day.isoformat(), sectors)
            assert shown.startswith(f"{computed['network']['actors']} actor")
    on_demand.close()

    app.close()

    restarted = _app(tmp_path)
    assert restarted.report(territory, as_of=days[-1])["as_of"] == days[-1].isoformat()
    assert sum(restarted.computed.values()) == 0  # read from disk
    restarted.close()


def test_close_stops_the_dates_and_a_write_moves_them_to_the_new_version(tmp_path):
    app = _app(tmp_path)
    app.load_demo()
    app.close()  # the first paint's results are done; the dates stop where they are
    assert app.date_precomputer.stopped.is_set()
    app.date_precomputer.schedule(["Alsace"])
    assert app.date_precomputer.pending() == 0


def test_a_new_server_warms_the_graph_and_added_steps_in_memory(tmp_path, monkeypatch):
    app = _app(tmp_path)
    app.load_demo()
    assert app.precomputer.wait(120)
    actors = app.graph("Lille").number_of_nodes()
    app.close()

    restarted = _app(tmp_path)
    seen = []

    def step(source, territory):
        seen.append((source, territory))
        return source.cached("actors drawn", (territory,), lambda: len(source.graph(territory)))

    restarted.precompute_also("actors drawn", step)
    restarted.precompute(["Lille"])
    assert restarted.precomputer.wait(120)
    assert seen == [(restarted, "Lille")]
    assert restarted.computed["report"] == restarted.computed["layout"] == 0  # read from disk

    def no_store(*args, **kwargs):
        raise AssertionError("the first visitor read the store")

    monkeypatch.setattr(restarted.store, "network", no_store)
    assert restarted.graph("Lille").number_of_nodes() == actors  # warmed: from memory
    assert restarted.cached("actors drawn", ("Lille",), no_store) == actors
    restarted.close()


def test_added_steps_run_for_the_viewers_instance_and_again_after_a_write(tmp_path):
    app = _app(tmp_path)
    app.load_demo()
    assert app.precomputer.wait(120)
    seen = []
    app.precompute_also("seen", lambda source, territory: seen.append((source.scope, territory)))
    viewers = app.pseudonymised()
    app.precompute(["Lille"])
    assert app.precomputer.wait(60) and viewers.precomputer.wait(60)
    assert sorted(seen) == [("pseudonymised", "Lille"), ("real", "Lille")]

    seen.clear()
    app.add_actor("Lille", "Nouvel acteur", "business")
    assert app.precomputer.wait(60)
    assert ("real", "Lille") in seen  # the write queued its territory again
    app.close()


def test_the_dates_run_in_another_process_from_the_network_sent_once(tmp_path):
    import os

    app = _app(tmp_path)
    app.load_demo()
    assert app.precomputer.wait(120)
    assert app.date_precomputer.wait(300)
    viewers = app.pseudonymised()
    assert viewers.date_reports is app.date_reports  # one process for both
    assert not app.date_reports.unavailable
    assert app.date_reports.answered_by not in (None, os.getpid())
    for source in (app, viewers):  # what the process filters is what the store reads
        for territory in ("Lille", "Alsace"):
            whole = source.network(territory)
            for day in app.slider_days(territory):
                stored, filtered = source.store.network(territory, as_of=day), whole.on(day)
                assert (filtered.actors, filtered.ties) == (stored.actors, stored.ties)
    app.close()
    assert app.date_reports.pid is None


def test_stop_ends_the_dates_process_under_way():
    import os
    import threading
    import time
    from datetime import date

    import networkx as nx
    import pytest

    from maillage.date_reports import DateReports, DatesStopped
    from maillage.graph.model import Network, Tie

    graph = nx.powerlaw_cluster_graph(3_000, 4, 0.3, seed=1)
    actors = tuple(Actor(f"a{n}", f"A {n}", Sector.BUSINESS, ("T",)) for n in graph)
    network = Network("T", actors, tuple(Tie(f"a{u}", f"a{v}") for u, v in graph.edges()))
    dates = DateReports(seed=1)
    raised = []

    def ask() -> None:
        with pytest.raises(DatesStopped):
            dates.report("key", lambda: network, date(2020, 12, 31))
        raised.append(True)

    asking = threading.Thread(target=ask)
    asking.start()
    while dates.pid is None and asking.is_alive():
        time.sleep(0.01)
    pid = dates.pid
    dates.stop()
    asking.join(30)
    assert raised == [True]  # the report under way was abandoned, not waited for
    assert pid is not None and pid != os.getpid() and dates.pid is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # ended (and reaped)


def test_without_the_dates_process_the_thread_computes_them(tmp_path, monkeypatch, caplog):
    import multiprocessing

    from maillage.precompute import AS_OF_REPORT

    def no_spawn(method=None):
        raise ValueError("no spawn on this platform")

    monkeypatch.setattr(multiprocessing, "get_context", no_spawn)
    app = _app(tmp_path)
    app.load_demo()
    assert app.precomputer.wait(120) and app.date_precomputer.wait(300)
    assert app.date_reports.unavailable and app.date_reports.answered_by is None
    assert "the dates' process did not start" in caplog.text
    offering = Counter(d for t in app.territory_names() for d in app.slider_days(t))
    for day in app.slider_days("Lille"):  # once for every territory whose slider offers it
        assert app.computed[AS_OF_REPORT.format(day=day.isoformat())] == offering[day]
    app.close()
