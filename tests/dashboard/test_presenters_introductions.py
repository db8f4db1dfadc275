"""The Introductions page's presenters, on a real Maillage over SQLite (``small_dataset``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from maillage.dashboard import ids
from maillage.dashboard.presenters import introductions as page
from maillage.dashboard.sources import Sources
from maillage.graph.model import TieKind
from maillage.reports.i18n import translator

EN = translator("en")

TODAY = date(2026, 3, 1)
RECORD = {
    "source": "n1",
    "target": "n3",
    "via": ["n2"],
    "date": "2026-01-05",
    "note": "au forum",
    "follow_up": "2026-02-01",
    "proposed": False,
}


def writers(maillage: Any, language: str = "en") -> Sources:
    return Sources(
        maillage, may_write=lambda: True, user=lambda: "marie", language=lambda: language
    )


def viewers(maillage: Any) -> Sources:
    return Sources(
        maillage, lambda: False, may_write=lambda: False, user=lambda: "paul", language=lambda: "en"
    )


def test_a_facilitator_records_an_introduction_and_it_is_listed_as_due(maillage):
    token, message, alert = page.write_view(
        writers(maillage), ids.INTRO_RECORD, "Nantes", RECORD, {}, None, None, TODAY
    )
    assert alert is None and message == "Introduction 1 recorded (made)."
    assert token == "1:1:made"
    rows, funnel, alert = page.follow_up_view(maillage, "Nantes", "", False, TODAY, EN)
    assert alert is None
    assert rows == [
        {
            "id": "1",
            "status": "made",
            "source": "Atelier Nord",
            "target": "Mairie de Nantes",
            "via": "Asso Lien",
            "made": "2026-01-05",
            "changed": "2026-01-05",
            "follow_up": "2026-02-01",
            "note": "au forum",
            "due": True,
        }
    ]
    assert funnel.layout.title.text.startswith("1 made, 0 met, 0 partnerships")
    assert maillage.introduction("1").history[0].by == "marie"


def test_moving_to_partnership_adds_the_tie_to_the_network(maillage):
    sources = writers(maillage)
    page.write_view(sources, ids.INTRO_RECORD, "Nantes", RECORD, {}, None, None, TODAY)
    rows, _, _ = page.follow_up_view(maillage, "Nantes", "", False, TODAY, EN)
    move = {"status": "partnership", "date": "2026-03-01", "note": "signé", "follow_up": None}
    _, message, alert = page.write_view(
        sources, ids.INTRO_MOVE, "Nantes", {}, move, rows, [0], TODAY
    )
    assert alert is None and "partnership tie is on the network" in message
    ties = [t for t in maillage.network("Nantes").ties if t.ref == "introduction:1"]
    assert [(t.source, t.target, t.kind) for t in ties] == [("n1", "n3", TieKind.PARTNERSHIP)]
    rows, _, _ = page.follow_up_view(maillage, "Nantes", "partnership", False, TODAY, EN)
    assert [r["status"] for r in rows] == ["partnership"] and rows[0]["due"] is False


def test_a_viewer_cannot_write_whatever_the_browser_sends(maillage):
    _, message, alert = page.write_view(
        viewers(maillage), ids.INTRO_RECORD, "Nantes", RECORD, {}, None, None, TODAY
    )
    assert message is None and "may read this network but not change it" in str(alert)
    assert maillage.introductions() == []
    assert page.editing_style(viewers(maillage)) == {"display": "none"}
    assert page.editing_style(writers(maillage)) == {}


def test_moving_without_a_selection_says_what_to_do(maillage):
    _, message, alert = page.write_view(
        writers(maillage), ids.INTRO_MOVE, "Nantes", {}, {"status": "met"}, [], [], TODAY
    )
    assert message is None and "Pick an introduction" in str(alert)


def test_the_form_offers_the_territory_s_actors_and_a_link_preselects_two(maillage):
    options, targets, via, first, second, alert = page.form_view(
        maillage, "Nantes", "?from=n1&to=n2"
    )
    assert targets == via == options and alert is None
    assert [o["value"] for o in options] == ["n2", "n1", "n3", "b4"]  # by name
    assert options[0]["label"] == "Asso Lien (Association)"
    assert (first, second) == ("n1", "n2")
    assert page.form_view(maillage, "Nantes", "?from=r1&to=zz")[3:5] == (None, None)


def test_the_gaps_page_links_each_suggestion_to_the_introductions_page():
    from maillage.dashboard.presenters.gaps import introduction_items

    gaps = {
        "introductions": [
            {
                "source": {"id": "a 1", "name": "A"},
                "target": {"id": "b", "name": "B"},
                "score": 1.0,
                "reason": "r",
            }
        ]
    }
    links = [c for c in _walk(introduction_items(gaps)) if getattr(c, "href", None)]
    assert [link.href for link in links] == ["/introductions?from=a+1&to=b"]


def _walk(components):
    for component in components if isinstance(components, list) else [components]:
        yield component
        children = getattr(component, "children", None)
        if isinstance(children, list | tuple):
            yield from _walk(list(children))
        elif children is not None and not isinstance(children, str):
            yield from _walk([children])


def test_a_french_facilitator_reads_the_introductions_in_french(maillage):
    fr = translator("fr")
    sources = writers(maillage, "fr")
    _, message, _ = page.write_view(
        sources, ids.INTRO_RECORD, "Nantes", RECORD, {}, None, None, TODAY
    )
    assert message == "Mise en relation 1 enregistrée (faite)."
    rows, funnel, alert = page.follow_up_view(maillage, "Nantes", "", False, TODAY, fr)
    assert alert is None and rows[0]["status"] == "faite"
    assert funnel.layout.title.text.startswith(
        "faites\u202f: 1, rencontres\u202f: 0, partenariats\u202f: 0"
    )
    assert [c["name"] for c in page.table_columns(fr)][1:4] == ["Statut", "De", "À"]
    _, message, alert = page.write_view(
        sources, ids.INTRO_MOVE, "Nantes", {}, {"status": "met"}, [], [], TODAY
    )
    assert "Choisissez une mise en relation" in str(alert)
    nothing = page.follow_up_view(maillage, None, "", False, TODAY, fr)[-1]
    assert "Pas encore de territoire" in str(nothing)


def test_the_dates_read_in_french_and_the_rows_come_due_first(maillage):
    sources = writers(maillage, "fr")
    later = {**RECORD, "target": "n2", "via": [], "date": "2025-12-04", "follow_up": "2026-12-04"}
    due = {**RECORD, "date": "2026-01-05", "follow_up": "2026-02-01"}
    closed = {**RECORD, "source": "n2", "target": "n3", "via": [], "follow_up": None}
    for record in (later, due, closed):
        page.write_view(sources, ids.INTRO_RECORD, "Nantes", record, {}, None, None, TODAY)
    move = {"status": "dropped", "date": "2026-02-10", "note": None, "follow_up": None}
    rows, _, _ = page.follow_up_view(maillage, "Nantes", "", False, TODAY, translator("fr"))
    at = next(i for i, row in enumerate(rows) if row["id"] == "3")
    page.write_view(sources, ids.INTRO_MOVE, "Nantes", {}, move, rows, [at], TODAY)
    rows, _, _ = page.follow_up_view(maillage, "Nantes", "", False, TODAY, translator("fr"))
    shown = [(r["id"], r["made"], r["changed"], r["follow_up"], r["due"]) for r in rows]
    assert shown == [
        ("2", "5 janv. 2026", "5 janv. 2026", "1 févr. 2026", True),
        ("1", "4 déc. 2025", "4 déc. 2025", "4 déc. 2026", False),
        ("3", "5 janv. 2026", "10 févr. 2026", "", False),
    ]
    english = page.follow_up_view(maillage, "Nantes", "", False, TODAY, EN)[0]
    assert [(r["id"], r["made"], r["follow_up"]) for r in english] == [
        ("2", "2026-01-05", "2026-02-01"),
        ("1", "2025-12-04", "2026-12-04"),
        ("3", "2026-01-05", ""),
    ]


def test_a_refused_move_says_why_in_french(maillage):
    sources = writers(maillage, "fr")
    page.write_view(sources, ids.INTRO_RECORD, "Nantes", RECORD, {}, None, None, TODAY)
    rows, _, _ = page.follow_up_view(maillage, "Nantes", "", False, TODAY, translator("fr"))
    move = {"status": "made", "date": "2025-12-01"}
    _, message, alert = page.write_view(
        sources, ids.INTRO_MOVE, "Nantes", {}, move, rows, [0], TODAY
    )
    assert alert.children[1].children == (
        "la date 2025-12-01 précède la dernière étape (2026-01-05)"
    )
    same = {**RECORD, "target": "n1", "via": []}
    _, _, alert = page.write_view(sources, ids.INTRO_RECORD, "Nantes", same, {}, None, None, TODAY)
    assert alert.children[1].children == "une mise en relation a besoin de deux acteurs différents"


def test_a_territory_without_introductions_shows_an_empty_state_not_empty_axes(maillage):
    fr = translator("fr")
    rows, funnel, alert = page.follow_up_view(maillage, "Nantes", "", False, TODAY, fr)
    assert rows == [] and alert is None
    assert list(funnel.data) == []
    assert funnel.layout.xaxis.visible is False and funnel.layout.yaxis.visible is False
    (note,) = funnel.layout.annotations
    assert note.text == "Aucune mise en relation enregistrée pour l'instant"
    assert (note.x, note.y, note.showarrow) == (0.5, 0.5, False)


def test_only_proposed_introductions_say_none_was_made_yet():
    fr = translator("fr")
    counts = {"proposed": 2, "made": 0, "met": 0, "partnership": 0, "dropped": 0, "open": 2}
    funnel = page.funnel_figure({**counts, "days": None}, fr)
    assert list(funnel.data) == [] and funnel.layout.xaxis.visible is False
    assert funnel.layout.annotations[0].text == "Aucune mise en relation faite pour l'instant"
    assert funnel.layout.title.text.startswith("faites\u202f: 0, rencontres\u202f: 0")
