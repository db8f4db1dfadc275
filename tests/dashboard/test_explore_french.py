"""The Explore page in French: its controls, the card, the path, the summary, the guards."""

from __future__ import annotations

from typing import Any

import pytest
from dashboard_support import find, text_of

from maillage.dashboard import ids
from maillage.dashboard.pages import explore as page
from maillage.dashboard.presenters import editing
from maillage.dashboard.presenters.explore import (
    card_view,
    focus_view,
    network_view,
    path_view,
    picker_view,
    year_slider,
)
from maillage.dashboard.presenters.explore_play import play_step
from maillage.dashboard.presenters.formatting import number, sector_badge, sector_options
from maillage.dashboard.presenters.guard import error_alert
from maillage.dashboard.presenters.network import filters_set, network_labels, network_summary
from maillage.dashboard.sources import Sources
from maillage.graph.vocabulary import SECTORS
from maillage.reports.i18n import translator

FR = translator("fr")


def words(component: Any) -> str:
    """Every text a person reads in a component tree: children, labels, titles, placeholders."""
    if component is None or isinstance(component, bool):
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(words(c) for c in component)
    if isinstance(component, dict):
        return " ".join(words(v) for k, v in component.items() if k in ("label", "children"))
    props = ("children", "placeholder", "title", "options", "marks", "data")
    return " ".join(words(getattr(component, p, None)) for p in props)


def test_the_explore_page_reads_french() -> None:
    text = words(page.layout({}, FR))
    for french in (
        "Trouver un acteur",
        "Tapez un nom…",
        "Taille selon",
        "Degré (nombre de partenaires)",
        "Couleur selon",
        "communauté",
        "Types de liens",
        "partenariat",
        "Poids minimal des liens",
        "▶ Lecture",
        "Copier le lien",
        "Lien copié",
        "Chemin entre deux acteurs",
        "Qui peut présenter un acteur à un autre\u202f?",
        "Acteur",
        "Mettre en évidence les liens à",
        "2 pas",
        "Corriger cet acteur",
        "Enregistrer le lien",
        "Terminer le lien",
        "Annuler",
        "Vues enregistrées",
    ):
        assert french in text, french
    for english in (
        "Find an actor",
        "Copy link",
        "Path between two actors",
        "▶ Play",
        "Size by",
        "hops",
    ):
        assert english not in text, english


def test_the_network_drawing_gets_its_toolbar_and_legend_words_in_french() -> None:
    drawing = page.network_panel(None, "sector", FR).children[-1].children
    assert drawing.labels["zoomIn"] == "Zoom avant" and drawing.labels["hide"] == "Masquer {label}"
    assert drawing.labels["locale"] == "fr"
    english = page.network_panel(None, "sector", translator("en")).children[-1].children
    assert english.labels["fit"] == "Fit the whole network"


def test_the_explore_page_reads_english_when_asked() -> None:
    text = words(page.layout({}, translator("en")))
    assert "Find an actor" in text and "Copy link" in text and "2 hops" in text


def test_numbers_on_french_pages_have_a_decimal_comma() -> None:
    assert number(0.38, FR) == "0,380" and number(0.38) == "0.380"
    assert number(12345, FR) == "12\u202f345" and number(None, FR) == "–"
    summary = network_summary(
        {"network": {"actors": 3, "ties": 2, "density": 0.375}, "as_of": "2020-12-31"},
        {"actors": 1, "ties": 1},
        FR,
        filters_set(["public"], None, 2, FR),
    )
    assert summary == (
        "3 acteurs · 2 liens · densité 0,375 · au 31 déc. 2020 "
        "· affichés\u202f: 1 acteur, 1 lien (filtres\u202f: secteurs, poids ≥ 2)"
    )


def test_the_year_slider_and_play_button_read_french() -> None:
    assert year_slider([2019, 2020], FR)["marks"][2021] == "tout"
    assert play_step(ids.PLAY, False, 2021, 2019, 2021, FR)[2] == "❚❚ Pause"
    assert play_step(ids.PLAY, True, 2020, 2019, 2021, FR)[2] == "▶ Lecture"


def test_the_actor_card_reads_french(maillage: Any) -> None:
    card, _, alert = card_view(maillage, "Nantes", None, "n1", 1, FR)
    assert alert is None
    text = text_of(card)
    assert (
        "nature\u202f: SME" in text
        and "ville\u202f: Nantes" in text
        and "arrivée\u202f: 1 janv. 2019" in text
    )
    assert "Mesures" in text and "Intermédiarité" in text and "Rôles d'intermédiaire" in text
    assert (
        "Liens (3)" in text
        and "En évidence\u202f: 4 acteurs à 1 pas ou moins de «\u202fAtelier Nord\u202f»." in text
    )
    assert "(orienté, depuis lui), poids 1,500, du 1 janv. 2018 au 31 déc. 2020" in text
    assert "Betweenness" not in text and "weight" not in text
    hint = text_of(card_view(maillage, "Nantes", None, None, 1, FR)[0])
    assert hint == "Cliquez sur un acteur du réseau, ou cherchez-le par son nom."


def test_the_path_finder_reads_french(maillage: Any) -> None:
    steps, path, _ = path_view(maillage, "Nantes", None, "n2", "b4", FR)
    text = text_of(steps)
    assert (
        "Asso Lien peut joindre Université Ouest en 2 étapes\u202f: "
        "demandez la mise en relation à Atelier Nord." in text
    )
    assert "Asso Lien (Association) et Atelier Nord (Entreprise)\u202f: partenariat" in text
    assert path == ["n2", "n1", "b4"]
    lonely = text_of(path_view(maillage, "Rennes", None, "r3", "r1", FR)[0])
    assert lonely.startswith("Aucune chaîne de liens ne relie Claire Martin et Rennes Média")
    assert text_of(path_view(maillage, "Nantes", None, "n2", "n2", FR)[0]) == (
        "Choisissez deux acteurs différents."
    )


def test_the_actor_pickers_name_the_sector_in_french(maillage: Any) -> None:
    university = {"label": "Université Ouest · Académique", "value": "b4"}
    university["search"] = "universite ouest b4"  # what the browser matches "universite" to
    found = picker_view(maillage, "Nantes", "universite", None, FR)
    assert found == [university]
    focus = focus_view(maillage, "Nantes", "?from=n2&to=b4", FR)
    association = {"label": "Asso Lien · Association", "value": "n2", "search": "asso lien n2"}
    assert focus["from"]["options"] == [association]
    assert focus["to"]["options"] == [university]


def test_the_guards_read_french() -> None:
    *_, alert = network_view(None, None, None, "degree", FR)
    assert text_of(alert).startswith("Pas encore de territoire\u202f: importez des données")
    failed = text_of(error_alert(RuntimeError("boom"), FR))
    assert failed == "Cette analyse n'a pas pu être affichée.  RuntimeError: boom"


def test_an_actor_not_in_the_network_or_not_found_is_a_refusal_read_in_french(maillage: Any):
    from maillage.graph.errors import MaillageError

    refusals = []
    for ask in (
        lambda: maillage.path("Nantes", "n1", "r1"),
        lambda: maillage.ego("Nantes", "Atelier Nort"),
        lambda: maillage.network("Nant\ud800es"),
    ):
        with pytest.raises(MaillageError) as refused:
            ask()
        refusals.append((str(refused.value), text_of(error_alert(refused.value, FR))))
    shown = "Cette analyse n'a pas pu être affichée.  "
    assert refusals == [
        ("actor 'r1' is not in the network", shown + "l'acteur 'r1' n'est pas dans le réseau"),
        (
            "no actor 'Atelier Nort' in Nantes; did you mean 'n1' (Atelier Nord)?",
            shown + "aucun acteur 'Atelier Nort' dans Nantes\u202f; "
            "vouliez-vous dire 'n1' (Atelier Nord)\u202f?",
        ),
        (
            "no territory named 'Nant\\\\ud800es'",
            shown + "aucun territoire nommé 'Nant\\\\ud800es'",
        ),
    ]
    with pytest.raises(MaillageError) as refused:
        maillage.actor("a\ud800")
    assert str(refused.value) == "no actor named 'a\\\\ud800'"
    assert text_of(error_alert(refused.value, FR)) == shown + "aucun acteur nommé 'a\\\\ud800'"


def test_a_failing_french_view_says_so_in_french(maillage: Any, monkeypatch) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(maillage, "graph", broken)
    *_, alert = network_view(maillage, "Nantes", None, "degree", FR)
    assert "Cette analyse n'a pas pu être affichée." in text_of(alert)


@pytest.mark.parametrize(
    ("trigger", "actor", "message"),
    [
        (ids.EDIT_SAVE, None, "Sélectionnez d'abord un acteur."),
        (ids.EDIT_TIE_ADD, "n1", "Sélectionnez un acteur, puis l'autre acteur du lien."),
    ],
)
def test_the_editing_panel_reads_french(maillage: Any, trigger: str, actor: Any, message: str):
    sources = Sources(maillage, may_write=lambda: True, user=lambda: "marie")
    _, said, _, *forms, alert = editing.write_view(sources, trigger, actor, {}, None, "Nantes")
    assert text_of(alert) == message


def test_the_sector_checklist_names_the_sectors_in_french_and_keeps_their_codes() -> None:
    checklist = find(page.controls({}, FR), ids.SECTOR_FILTER)
    labels = {o["value"]: o["label"] for o in checklist.options}
    assert [o["value"] for o in checklist.options] == list(SECTORS)
    assert checklist.value == list(SECTORS)
    assert labels["business"] == "Entreprise" and labels["association"] == "Association"
    assert labels["academic"] == "Académique" and labels["funder"] == "Financeur"
    assert labels["other"] == "Autre"
    english = find(page.controls({}, translator("en")), ids.SECTOR_FILTER)
    assert english.options[0] == {"label": "Business", "value": "business"}
    assert checklist.options == sector_options(FR)
    chosen = find(page.controls({"sectors": ["citizen"]}, FR), ids.SECTOR_FILTER)
    assert chosen.value == ["citizen"]


def test_sector_badges_and_the_network_legend_name_the_sectors_in_french() -> None:
    assert sector_badge("business", FR).children == "Entreprise"
    assert sector_badge("media", FR).children == "Média"
    assert sector_badge(None, FR).children == "inconnu"
    assert sector_badge("guild", FR).children == "guild"  # outside the list: as the data has it
    legend = network_labels(FR)["sectors"]
    assert list(legend) == list(SECTORS)
    assert legend["citizen"] == "Citoyen" and legend["public"] == "Public"
    assert network_labels(translator("en"))["sectors"]["business"] == "Business"
    drawing = page.network_panel(None, "sector", FR).children[-1].children
    assert drawing.labels["sectors"]["business"] == "Entreprise"
