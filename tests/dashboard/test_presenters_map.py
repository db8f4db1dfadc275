"""The Map page's presenter and page: the figure and the note for a territory, in its language."""

from __future__ import annotations

from typing import Any

from dashboard_support import find, find_ids, text_of

from maillage.dashboard import ids, layout
from maillage.dashboard.presenters.territory_map import level_options, map_view
from maillage.reports.i18n import translator
from maillage.reports.map_figure import located

FR, EN = translator("fr"), translator("en")


def points(figure: dict) -> int:
    return sum(len(t["x"]) for t in figure["data"] if t["mode"] == "markers")


def test_the_map_of_a_territory_draws_its_located_actors_and_counts_the_others(
    maillage: Any,
) -> None:
    network = maillage.network("Nantes")
    on_map = len(located(network.actors))
    missing = len(network.actors) - on_map
    assert 0 < on_map < len(network.actors)
    figure, note, alert = map_view(maillage, FR, "Nantes", "regions")
    assert alert is None and points(figure) == on_map
    assert note == f"{missing} acteur{'s' if missing > 1 else ''} sans coordonnées"
    outlines = [t for t in figure["data"] if "outline" in t.get("meta", {})]
    assert len(outlines) == 13
    departments, _, _ = map_view(maillage, EN, "Nantes", "departements")
    assert len([t for t in departments["data"] if "outline" in t.get("meta", {})]) == 96 + 13
    fallback, _, _ = map_view(maillage, EN, "Nantes", "<script>")
    assert len([t for t in fallback["data"] if "outline" in t.get("meta", {})]) == 13


def test_viewers_see_no_citizen_on_the_map(maillage: Any) -> None:
    citizens = [a for a in maillage.network("Rennes").actors if a.sector == "citizen"]
    hidden = maillage.pseudonymised().network("Rennes")
    assert citizens and not located(a for a in hidden.actors if a.sector == "citizen")


def test_no_territory_or_an_unknown_one_shows_a_panel(maillage: Any) -> None:
    figure, note, alert = map_view(maillage, FR, None, "regions")
    assert figure == {} and note is None and alert.color == "info"
    assert map_view(maillage, FR, "Atlantis", "regions")[-1].color == "danger"


def test_the_page_is_in_the_navigation_and_in_french() -> None:
    page, nav = layout.page_for("/map", {}, ["A"])
    assert {ids.MAP_GRAPH, ids.MAP_LEVEL, ids.MAP_NOTE, ids.MAP_ALERT} <= set(find_ids(page))
    assert "Carte" in text_of(page)
    link = next(link for link in nav if link.href == "/map")
    assert link.className == "nav-link active" and link.children == "Carte"
    assert [o["value"] for o in find(page, ids.MAP_LEVEL).options] == ["regions", "departements"]
    assert [o["label"].strip() for o in level_options(FR)] == ["Régions", "Départements"]
