"""Issue 10: a French reader gets Brokers, Gaps, Introductions, History and Compare in French.

Each page's layout and presenters are built with the French translator and checked for
real French words; every message those modules give ``gettext`` has its French msgstr.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from dashboard_support import ROWS, text_of

from maillage.dashboard import layout
from maillage.dashboard.pages import brokers, compare, gaps, history, introductions
from maillage.dashboard.presenters import brokers as broker_views
from maillage.dashboard.presenters import compare as compare_views
from maillage.dashboard.presenters import gaps as gap_views
from maillage.dashboard.presenters import history as history_views
from maillage.dashboard.presenters.guard import error_alert, require_territory
from maillage.dashboard.sources import Sources
from maillage.reports.i18n import translator
from maillage.reports.labels import readable

ROOT = Path(__file__).resolve().parents[2]
FR, EN = translator("fr"), translator("en")
TRANSLATED = (
    "dashboard/pages/brokers.py",
    "dashboard/presenters/brokers.py",
    "dashboard/pages/gaps.py",
    "dashboard/presenters/gaps.py",
    "dashboard/pages/introductions.py",
    "dashboard/presenters/introductions.py",
    "dashboard/pages/compare.py",
    "dashboard/presenters/compare.py",
    "dashboard/pages/history.py",
    "dashboard/presenters/history.py",
    "dashboard/presenters/guard.py",
    "reports/figures.py",
)


def words(component: Any) -> str:
    """Every prop of a component tree (labels, placeholders, columns), as its repr."""
    return repr(component)


def literal_msgids(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            first = node.args[0]
            if name in ("gettext", "ngettext", "N_") and isinstance(first, ast.Constant):
                found.add(first.value)
    return found


@pytest.mark.parametrize("module", TRANSLATED)
def test_every_message_of_the_translated_pages_has_its_french(module):
    missing = sorted(m for m in literal_msgids(ROOT / module) if m not in FR.messages)
    assert missing == []


def test_the_brokers_page_is_french():
    page = words(brokers.layout(FR))
    for french in ("Intermédiaires", "Classer par", "pondéré par la force des liens"):
        assert french in page
    assert "Intermédiarité" in page and "Rôle d'agent de liaison" in page  # the menu
    columns = [c["name"] for c in broker_views.broker_columns(FR)]
    assert columns[:4] == ["Acteur", "Secteur", "Communauté", "Degré"]
    figure = broker_views.top_brokers_figure({"actors": ROWS}, "betweenness", t=FR)
    assert figure.layout.title.text == "Les 4 premiers acteurs par intermédiarité"
    assert figure.layout.xaxis.title.text.startswith("Intermédiarité (part des plus courts")
    summary = text_of(broker_views.report_summary({"actors": ROWS, "variant": "weighted"}, FR))
    assert summary == "4 acteurs · pondéré"
    assert "Brokers" not in words(brokers.layout(FR)) and "Brokers" in words(brokers.layout(EN))


def test_the_brokers_view_speaks_french(maillage: Any):
    rows, columns, figure, summary, alert = broker_views.brokers_view(
        maillage, "Nantes", "closeness", False, FR
    )
    assert alert is None and text_of(summary).startswith("4 acteurs · non pondéré")
    assert "proximité" in figure.layout.title.text
    nothing = broker_views.brokers_view(maillage, None, "degree", False, FR)[-1]
    assert "Pas encore de territoire" in text_of(nothing)


def test_the_brokers_chart_hovers_in_french_with_a_decimal_comma():
    figure = broker_views.top_brokers_figure({"actors": ROWS}, "betweenness", t=FR)
    names = [trace.name for trace in figure.data]
    assert {"Entreprise", "Public"} <= set(names) and names[0] == "Entreprise"
    assert not {"business", "public", "association"} & set(names)
    trace = figure.data[0]
    assert "intermédiarité" in trace.hovertemplate and "%{customdata[2]}" in trace.hovertemplate
    assert "%{x" not in trace.hovertemplate  # the value is written here, not by plotly
    name, roles, value = trace.customdata[0]
    assert (name, value) == ("Atelier", "0,500")
    assert roles == "rôles d'intermédiaire\u202f: intermédiaire itinérant 1, agent de liaison 2"
    assert figure.layout.separators == ",\u202f"  # plotly's own numbers (the axis) too
    english = broker_views.top_brokers_figure({"actors": ROWS}, "betweenness", t=EN)
    assert english.data[0].customdata[0][2] == "0.500" and english.layout.separators is None
    assert "betweenness" in english.data[0].hovertemplate


def test_the_brokers_table_names_sectors_in_french(maillage: Any):
    rows = broker_views.brokers_view(maillage, "Nantes", "betweenness", False, FR)[0]
    sectors = {row["sector"] for row in rows}
    assert sectors and sectors <= {"Entreprise", "Association", "Public", "Académique"}
    assert broker_views.broker_rows(maillage.report("Nantes"))[0]["sector"] in (
        "business",
        "association",
        "public",
        "academic",
    )


def test_the_gaps_page_is_french(maillage: Any):
    page = words(gaps.layout(FR))
    for french in ("Manques", "Ponts fragiles", "Mises en relation suggérées"):
        assert french in page
    heatmap, found, fragile, suggested, method, alert = gap_views.gaps_view(maillage, "Nantes", FR)
    assert alert is None
    steps = text_of(method)
    assert steps.startswith(
        "Comment ces valeurs sont calculées Graphe\u202f: liens entre les membres"
    )
    assert "Règle des manques\u202f: deux secteurs différents" in steps
    assert "z ≤ \u22121,96 (seuil bilatéral 0,05" in steps and "; lowest" not in steps
    assert "Mises en relation\u202f: paires d'acteurs non liés" in steps
    assert heatmap.layout.title.text.startswith("Liens entre secteurs\u202f: observés (attendus)")
    assert "liens observés\u202f:" in heatmap.data[0].customdata[0][0]
    text = text_of(suggested)
    assert "Voir dans le réseau" in text and "J'ai fait cette mise en relation" in text
    assert re.search(r"score \d+,\d{3} · à 2 étapes · partenaires communs", text)
    empty = {"gaps": [], "fragile_bridges": [], "introductions": []}
    assert "Aucune paire de secteurs" in text_of(gap_views.gap_items(empty, FR))
    assert "Aucun acteur ni aucun lien" in text_of(gap_views.fragile_items(empty, FR))


def test_the_introductions_page_is_french():
    page = words(introductions.layout(FR))
    for french in ("Mises en relation", "J'ai fait cette mise en relation", "Enregistrer"):
        assert french in page
    for french in ("Faire avancer", "Seulement les relances dues", "Toutes", "Dernière note"):
        assert french in page
    assert "Introductions" not in page


def test_the_router_builds_the_pages_in_the_request_s_language(maillage: Any):
    french = Sources(maillage, language=lambda: "fr")
    english = Sources(maillage, language=lambda: "en")
    for path, heading, english_heading in (
        ("/brokers", "Intermédiaires", "Brokers"),
        ("/gaps", "Manques", "Gaps"),
        ("/introductions", "Mises en relation", "Introductions"),
        ("/history", "Historique des modifications", "Changes to the data"),
        ("/compare", "Comparer des territoires", "Compare territories"),
    ):
        assert heading in words(layout.page_for(path, {}, ["Nantes"], french)[0])
        assert english_heading in words(layout.page_for(path, {}, ["Nantes"], english)[0])


def test_the_guard_and_numbers_speak_french():
    alert = error_alert(ValueError("x"), FR)
    assert "Cette analyse n'a pas pu être affichée." in text_of(alert)
    assert "This analysis could not be shown." in text_of(error_alert(ValueError("x"), EN))
    with pytest.raises(Exception, match="Pas encore de territoire"):
        require_territory(None, FR)
    assert readable(0.38, FR) == "0,380" and readable(0.38) == "0.380"
    assert readable(1234, FR) == "1\u202f234" and readable(12, EN) == "12"


def test_the_history_page_is_french(maillage: Any):
    page = words(history.layout(FR))
    for french in ("Historique des modifications", "ce territoire", "tous les territoires"):
        assert french in page
    assert "Annuler la modification sélectionnée" in page and "Quand (UTC)" in page
    edit = maillage.edit_actor("n1", {"city": "Rezé"}, user="amina")
    maillage.undo(edit.id, user="amina")
    french = Sources(maillage, language=lambda: "fr")
    rows, alert = history_views.rows_view(french, "Nantes", "all")
    state = {row["id"]: row["state"] for row in rows}
    assert alert is None and state[edit.id].startswith("annulée par ")
    assert rows[0]["state"] == "en vigueur"
    _, message, alert = history_views.undo_view(french, rows, [], 1)
    assert "Sélectionnez dans la liste" in text_of(alert)
    readers = Sources(maillage, lambda: False, may_write=lambda: False, language=lambda: "fr")
    assert "réservé aux animateurs" in text_of(history_views.rows_view(readers, "Nantes", "")[-1])


def test_the_compare_page_is_french(maillage: Any):
    page = words(compare.layout(["Nantes", "Rennes"], FR))
    for french in ("Comparer des territoires", "Ce qui ressort", "Taux de partenariat"):
        assert french in page
    assert "Comparé au hasard" in page and "par année (plus long)" in page
    assert "partenariat" in page  # the kinds of tie
    rows, columns, tips, *_, rates, rate_columns, _chart = compare_views.compare_view(
        maillage, ["Nantes", "Rennes"], None, FR
    )[:8]
    assert columns[0]["name"] == ["", "Indicateur"] and rows[0]["indicator"] == "Acteurs"
    assert rate_columns[0]["name"] == "Secteurs"
    assert rates[0]["pair"] == "entreprises → associations"
    assert "Choisissez un ou plusieurs" in text_of(compare_views.compare_view(maillage, [])[-1])
    asked = compare_views.yearly_view(maillage, ["Nantes"], None, [], FR)[-1]
    assert "Cochez « par année »" in text_of(asked)
