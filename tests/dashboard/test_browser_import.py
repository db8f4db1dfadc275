"""The web import in a real headless Chromium: a non-canonical file, mapped, previewed, imported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from dash.testing.wait import until

from maillage.dashboard import ids
from maillage.dashboard.app import create_app

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

PARTNERS = (
    "Code;Nom de la structure;Statut juridique;Département\n"
    "V1;Scierie des Vosges;Entreprise;Vosges\n"
    "V2;Amis du Donon;Collectif;Vosges\n"
    "V3;Lycée forestier;Université;Vosges\n"
    "V4;;Entreprise;Vosges\n"
)


@pytest.fixture
def maillage(writable_demo: Any) -> Any:
    return writable_demo


def test_a_non_canonical_file_is_mapped_previewed_and_imported_with_its_bad_row_set_aside(
    dash_duo: Any, maillage: Any, tmp_path: Path, screenshots: Callable[[Any, str], Path]
) -> None:
    upload = tmp_path / "partenaires.csv"
    upload.write_text(PARTNERS, encoding="utf-8")
    dash_duo.start_server(create_app(maillage))
    dash_duo.wait_for_element(f"#{ids.TERRITORY}")
    dash_duo.find_element("#nav-import").click()
    dash_duo.wait_for_element(f"#{ids.IMPORT_UPLOAD} input[type='file']").send_keys(str(upload))

    # The builder guessed the columns; "Collectif" is no alias: the user picks its sector.
    dash_duo.wait_for_contains_text(f"#{ids.IMPORT_FILE}", "partenaires.csv", timeout=30)
    dash_duo.wait_for_contains_text(f"#{ids.IMPORT_SECTORS}", "Collectif", timeout=30)
    dash_duo.find_element(f"#{ids.IMPORT_BUILDER} details summary").click()
    dash_duo.wait_for_contains_text(
        f"#{ids.IMPORT_MAPPING_TEXT}", 'territory = "Département"', timeout=30
    )
    row = f"#{ids.IMPORT_SECTORS} tbody tr:nth-child(3)"  # the first is the header
    assert "Collectif" in dash_duo.find_element(row).text
    dash_duo.find_element(f"{row} td:nth-child(2)").click()
    dash_duo.wait_for_element(f"{row} .Select-control").click()
    option = dash_duo.wait_for_element(f"#{ids.IMPORT_SECTORS} .Select-option:nth-child(2)")
    assert option.text == "Association"  # its French name; the mapping keeps the code
    option.click()
    dash_duo.wait_for_contains_text(
        f"#{ids.IMPORT_MAPPING_TEXT}", '"Collectif" = "association"', timeout=30
    )

    # The preview: one bad row (no name, told in French), what the import would add.
    dash_duo.find_element(f"#{ids.IMPORT_PREVIEW}").click()
    dash_duo.wait_for_contains_text(f"#{ids.IMPORT_PROBLEMS}", "valeur manquante", timeout=60)
    dash_duo.wait_for_contains_text(f"#{ids.IMPORT_PROBLEMS}", "5", timeout=10)
    dash_duo.wait_for_contains_text(f"#{ids.IMPORT_PLAN}", "Vosges", timeout=10)
    scroll_to = "arguments[0].scrollIntoView({block: 'start'});"
    dash_duo.driver.execute_script(scroll_to, dash_duo.find_element(f"#{ids.IMPORT_PREVIEW}"))
    screenshots(dash_duo.driver, "import-preview")

    dash_duo.find_element(f"#{ids.IMPORT_RUN_SET_ASIDE}").click()
    dash_duo.wait_for_contains_text(f"#{ids.IMPORT_RESULT}", "révision", timeout=60)  # French
    until(lambda: dash_duo.find_element(f"#{ids.IMPORT_REJECTS_BUTTON}").is_displayed(), 10)
    revision = maillage.history()[-1]
    assert revision.description.startswith("import partenaires.csv: actors 3 added")

    # The territory is in the picker at once, and Explore shows it.
    dash_duo.select_dcc_dropdown(f"#{ids.TERRITORY}", value="Vosges")
    dash_duo.find_element("#nav-explore").click()
    dash_duo.wait_for_contains_text(f"#{ids.NETWORK_SUMMARY}", "3 acteurs", timeout=60)
    assert sorted(a.id for a in maillage.network("Vosges").actors) == ["V1", "V2", "V3"]

    # Explore speaks French too: its filters, buttons, path finder and actor card.
    page = dash_duo.find_element(".explore").text
    for french in (
        "Trouver un acteur",
        "Taille selon",
        "Types de liens",
        "Chemin entre deux acteurs",
    ):
        assert french in page, french
    assert dash_duo.find_element(f"#{ids.PLAY}").text == "▶ Lecture"
    assert dash_duo.find_element(f"#{ids.COPY_LINK}").text == "Copier le lien"
    fit = dash_duo.find_element(f"#{ids.NETWORK} .nv-fit")
    assert fit.get_attribute("title") == "Voir tout le réseau"  # the drawing's toolbar
    legend = dash_duo.find_element(f"#{ids.NETWORK} .nv-legend-item")
    assert legend.get_attribute("title").startswith("Masquer ")
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", "Cliquez sur un acteur", timeout=30)
    dash_duo.wait_for_contains_text(f"#{ids.PATH_STEPS}", "Choisissez deux acteurs", timeout=30)
    dash_duo.select_dcc_dropdown(f".picker-{ids.SEARCH_ROLE}", index=0)
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", "Mesures", timeout=60)
    assert "Rôles d'intermédiaire" in dash_duo.find_element(f"#{ids.CARD}").text
    assert dash_duo.get_logs() == []
