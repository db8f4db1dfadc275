"""The map: located actors at their projected coordinates, ties between them, outlines offline."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import pytest

from maillage.graph.model import Network
from maillage.graph.vocabulary import SECTORS, sector_colour
from maillage.loaders.demo import demo_dataset
from maillage.reports import map_figure as mf
from maillage.reports.i18n import translator
from maillage.reports.labels import sector_label

ROOT = Path(__file__).resolve().parents[2]
TERRITORY = "Lons-le-Saunier"


@pytest.fixture(scope="module")
def network() -> Network:
    dataset = demo_dataset(seed=2026)
    actors = tuple(a for a in dataset.actors if TERRITORY in a.territories)
    members = {a.id for a in actors}
    ties = tuple(t for t in dataset.ties if t.source in members or t.target in members)
    return Network(TERRITORY, actors, ties)


def actor_traces(figure):
    return [trace for trace in figure["data"] if trace["mode"] == "markers"]


def test_the_outlines_are_the_13_regions_and_96_departments_of_metropolitan_france():
    regions, departments = mf.outlines("regions"), mf.outlines("departements")
    assert len(regions) == 13 and len(departments) == 96
    assert {o.code for o in regions} >= {"11", "27", "84", "93", "94"}  # Corse is 94
    jura = next(o for o in departments if o.code == "39")
    assert jura.name == "Jura"
    assert all(ring[0] == ring[-1] and len(ring) >= 4 for o in departments for ring in o.rings)
    with pytest.raises(ValueError, match="unknown outline level"):
        mf.outlines("communes")


def test_the_shipped_files_are_reduced_as_the_script_says():
    data = json.loads((mf.OUTLINES / "regions.geojson").read_text(encoding="utf-8"))
    for feature in data["features"]:
        assert set(feature["properties"]) == {"code", "nom"}
        assert feature["geometry"]["type"] == "MultiPolygon"
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                assert all(round(x, 3) == x and round(y, 3) == y for x, y in ring)
    assert sum((mf.OUTLINES / f"{level}.geojson").stat().st_size for level in mf.LEVELS) < 400_000


def test_every_located_actor_is_a_point_at_its_projected_coordinates(network):
    figure = mf.map_figure(network)
    points = actor_traces(figure)
    located = mf.located(network.actors)
    assert len(located) == len(network.actors) > 0  # the demo places every actor
    assert sum(len(trace["x"]) for trace in points) == len(located)
    mean_lat = sum(a.lat for a in located) / len(located)
    assert figure["layout"]["meta"]["mean_lat"] == pytest.approx(mean_lat)
    actor = located[0]
    trace = next(t for t in points if actor.id in t["ids"])
    i = trace["ids"].index(actor.id)
    assert trace["x"][i] == pytest.approx(actor.lon * math.cos(math.radians(mean_lat)))
    assert trace["y"][i] == actor.lat
    # the sector as the reader names it (French by default), its code kept in meta
    assert trace["customdata"][i] == [actor.name, sector_label(actor.sector, translator("fr"))]
    assert trace["meta"]["sector"] == str(actor.sector)
    assert "%{customdata[0]}" in trace["hovertemplate"]


def test_sectors_keep_their_one_colour_and_order(network):
    points = actor_traces(mf.map_figure(network))
    codes = [trace["meta"]["sector"] for trace in points]
    assert codes == [s for s in SECTORS if s in codes]
    assert all(
        trace["marker"]["color"] == sector_colour(trace["meta"]["sector"]) for trace in points
    )
    assert [trace["name"] for trace in points] == [sector_label(s, translator("fr")) for s in codes]


def test_ties_join_located_actors_only(network):
    figure = mf.map_figure(network)
    ties = next(t for t in figure["data"] if t.get("meta", {}).get("ties") is not None)
    ids = {a.id for a in network.actors}
    inside = [t for t in network.ties if t.source in ids and t.target in ids]
    assert ties["meta"]["ties"] == len(inside) == len(ties["x"]) // 3
    assert ties["x"][2] is None and ties["hoverinfo"] == "skip"


def test_outline_traces_one_per_region_or_department_and_regions_on_top(network):
    regions = mf.map_figure(network)
    outlines = [t for t in regions["data"] if "outline" in t.get("meta", {})]
    assert len(outlines) == 13 and all(t["type"] == "scatter" for t in regions["data"])
    departments = mf.map_figure(network, level="departements")
    layers = [t["meta"]["outline"] for t in departments["data"] if "outline" in t.get("meta", {})]
    assert layers == ["departements"] * 96 + ["regions"] * 13


def test_the_view_is_fitted_to_the_actors_with_equal_scales(network):
    figure = mf.map_figure(network)
    layout = figure["layout"]
    xs = [x for t in actor_traces(figure) for x in t["x"]]
    ys = [y for t in actor_traces(figure) for y in t["y"]]
    (x0, x1), (y0, y1) = layout["xaxis"]["range"], layout["yaxis"]["range"]
    assert x0 < min(xs) and max(xs) < x1 and y0 < min(ys) and max(ys) < y1
    pad = max(mf.MARGIN, 0.08 * max(max(xs) - min(xs), max(ys) - min(ys)))
    assert (y0, y1) == pytest.approx((min(ys) - pad, max(ys) + pad))  # the actors, not France
    assert y1 - y0 < 51.1 - 41.3
    assert layout["yaxis"]["scaleanchor"] == "x" and layout["yaxis"]["scaleratio"] == 1


def test_actors_without_coordinates_are_counted_not_drawn(network):
    stripped = tuple(
        dataclasses.replace(a, lat=None, lon=None) if i < 12 else a
        for i, a in enumerate(network.actors)
    )
    partial = dataclasses.replace(network, actors=stripped)
    figure = mf.map_figure(partial)
    assert sum(len(t["x"]) for t in actor_traces(figure)) == len(network.actors) - 12
    assert mf.missing_note(partial, translator("fr")) == "12 acteurs sans coordonnées"
    assert mf.missing_note(partial, translator("en")) == "12 actors without coordinates"
    one = dataclasses.replace(network, actors=stripped[11:])
    assert mf.missing_note(one, translator("fr")) == "1 acteur sans coordonnées"
    assert mf.missing_note(network) is None


def test_no_located_actor_shows_metropolitan_france(network):
    nobody = dataclasses.replace(
        network, actors=tuple(dataclasses.replace(a, lat=None, lon=None) for a in network.actors)
    )
    figure = mf.map_figure(nobody)
    assert actor_traces(figure) == []
    y0, y1 = figure["layout"]["yaxis"]["range"]
    assert (y0, y1) == (41.3, 51.1)


def test_names_are_escaped_for_plotly(network):
    actor = dataclasses.replace(network.actors[0], name="<b>Bold</b> & co")
    tricky = dataclasses.replace(network, actors=(actor,), ties=())
    (trace,) = actor_traces(mf.map_figure(tricky))
    assert trace["customdata"][0][0] == "&lt;b&gt;Bold&lt;/b&gt; &amp; co"


def test_every_word_of_the_map_is_in_french():
    from test_observatory_catalog import literal_msgids

    fr = translator("fr")
    for path in (
        ROOT / "reports" / "map_figure.py",
        ROOT / "dashboard" / "pages" / "territory_map.py",
        ROOT / "dashboard" / "presenters" / "territory_map.py",
    ):
        for msgid in literal_msgids(path):
            assert fr.gettext(msgid) != msgid, (path.name, msgid)


def test_the_build_script_rounds_drops_near_points_and_keeps_rings_closed():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_outlines", ROOT / "scripts" / "build_outlines.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    ring = [[0.0, 0.0], [0.0041, 0.0], [1.00049, 0.0], [1.0, 1.0], [0.0, 0.0]]
    assert script.reduce_ring(ring, 0.01) == [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]
    assert script.reduce_ring([[0, 0], [0.001, 0], [0, 0.001], [0, 0]], 0.01) is None
    feature = {
        "properties": {"code": "39", "nom": "Jura", "extra": 1},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }
    reduced = script.reduce_feature(feature, 0.01)
    assert reduced["properties"] == {"code": "39", "nom": "Jura"}
    assert reduced["geometry"]["type"] == "MultiPolygon"
