"""Issue 10's audit: every page, loaded in French as a browser loads it, reads French.

Each page is opened through Dash's own HTTP API (``/_dash-layout``, then every server
callback that the page's components fire on load, with the values the layout gives them,
round after round as a browser does), and every string a person reads is collected:
text, labels, titles (tooltips), placeholders, aria-labels, table heads and cells, the
figures' titles and texts, the network drawing's words. None may be an English msgid of
the catalog whose French differs, nor hold a word that only English has.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from dash_requests import UPDATE_COMPONENT  # noqa: E402
from dashboard_support import text_of  # noqa: E402

from maillage.dashboard.app import create_app  # noqa: E402
from maillage.reports.i18n import translator  # noqa: E402

PAGES = ("/", "/gaps", "/brokers", "/compare", "/introductions", "/import", "/history", "/map")
READ = {"children", "label", "title", "placeholder", "aria-label", "name", "text", "ticktext"}
READ_INSIDE = {"labels", "data", "columns", "options", "marks", "annotations", "tooltip_header"}
READ_INSIDE |= {"tooltip_data", "tooltip", "legend", "hovertext", "customdata"}
"""Props whose strings a person reads, and props whose every nested string is read."""
ENGLISH = re.compile(
    r"\b(the|of|and|with|without|show|hide|ties|actors|download|none|yes|no|from|"
    r"between|which|shared|sectors?|pick|choose|loading|search)\b",
    re.IGNORECASE,
)
"""Words that only English has (``sector`` / ``sectors`` are ``secteur(s)`` in French)."""
ENGLISH_NUMBERS = re.compile(r"\b\d{4}-\d\d-\d\d\b|(?<![\w.])\d+\.\d+(?![\w.])")
"""An ISO date or a decimal point: French writes ``2 déc. 2026`` and ``0,38``."""
SKIPPED = {
    *("id", "value", "href", "className", "style", "type", "namespace", "htmlFor", "html_for"),
    *("meta", "color", "fillcolor", "bgcolor", "paper_bgcolor", "plot_bgcolor"),
}
"""Props that hold codes, not words (``name`` of a column is read, its ``id`` is not)."""
KNOWN: set[str] = set()
"""English still shown on a French page on purpose: none (list any here, never hide it)."""
FR = translator("fr")
UNTRANSLATED = {
    english for english, french in FR.messages.items() if isinstance(french, str) and french
} - {english for english, french in FR.messages.items() if english == french}


def _component_id(value: Any) -> str:
    if isinstance(value, Mapping):
        return json.dumps(value, sort_keys=True, separators=(",", ":"))
    return str(value)


def props_of(node: Any, found: dict[tuple[str, str], Any]) -> None:
    """Every ``(id, prop) -> value`` of the components in a layout's JSON."""
    if isinstance(node, list):
        for child in node:
            props_of(child, found)
    elif isinstance(node, Mapping):
        if "props" in node and "type" in node:
            props = node["props"]
            if props.get("id") is not None:
                for key, value in props.items():
                    found[_component_id(props["id"]), key] = value
            node = props
        for value in node.values():
            props_of(value, found)


def read_strings(node: Any, inside: bool = False) -> Iterator[str]:
    """The strings a person reads in a layout's or a callback output's JSON."""
    if isinstance(node, str):
        if inside:
            yield node
    elif isinstance(node, list):
        for child in node:
            yield from read_strings(child, inside)
    elif isinstance(node, Mapping):
        component = "props" in node and "type" in node
        for key, value in (node["props"] if component else node).items():
            if key in SKIPPED:
                continue
            read = key in READ or key in READ_INSIDE
            yield from read_strings(value, read if component else inside or read)


def _fire(client: Any, app: Any, key: str, values: Mapping[tuple[str, str], Any]) -> Any:
    entry = app.callback_map[key]
    specs = key.strip(".").split("...") if key.startswith("..") else [key]
    outputs = []
    for spec in specs:
        component, prop = spec.split("@")[0].rsplit(".", 1)
        if component.startswith("{"):
            return None
        outputs.append({"id": component, "property": prop})
    dependencies = []
    for group in (entry["inputs"], entry["state"]):
        encoded = []
        for dependency in group:
            if dependency["id"].startswith("{"):
                return None
            value = values.get((dependency["id"], dependency["property"]))
            encoded.append({**dependency, "value": value})
        dependencies.append(encoded)
    first = entry["inputs"][0]
    body = {
        "output": key,
        "outputs": outputs if key.startswith("..") else outputs[0],
        "inputs": dependencies[0],
        "state": dependencies[1],
        "changedPropIds": [f"{first['id']}.{first['property']}"],
    }
    response = client.post(UPDATE_COMPONENT, json=body)
    assert response.status_code in (200, 204), (key, response.status_code)
    return response.get_json().get("response", {}) if response.status_code == 200 else {}


def page_strings(app: Any, pathname: str) -> list[str]:
    """What a French reader reads on ``pathname`` once it has loaded."""
    return load_page(app, pathname)[0]


def components_of(node: Any) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every ``(type, props)`` of the components in a layout's JSON."""
    if isinstance(node, list):
        for child in node:
            yield from components_of(child)
    elif isinstance(node, Mapping):
        if "props" in node and "type" in node:
            yield node["type"], node["props"]
            node = node["props"]
        for value in node.values():
            yield from components_of(value)


def load_page(app: Any, pathname: str) -> tuple[list[str], list[Any]]:
    """What a French reader reads on ``pathname``, and the JSON trees it was read from."""
    client = app.server.test_client()
    shell = client.get("/_dash-layout").get_json()
    trees = [shell]
    values: dict[tuple[str, str], Any] = {}
    props_of(shell, values)
    values["url", "pathname"], values["url", "search"] = pathname, ""
    texts = list(read_strings(shell))
    fired: set[str] = set()
    for _ in range(4):
        present = {component for component, _ in values}
        ready = [
            key
            for key, entry in app.callback_map.items()
            if key not in fired
            and "callback" in entry
            and not entry.get("prevent_initial_call")
            and all(d["id"] in present for d in entry["inputs"] if not d["id"].startswith("{"))
        ]
        if not ready:
            break
        for key in ready:
            fired.add(key)
            response = _fire(client, app, key, values)
            for component, outputs in (response or {}).items():
                for prop, value in outputs.items():
                    values[component, prop] = value
                    props_of(value, values)
                    trees.append(value)
                    texts.extend(read_strings(value, prop in READ | READ_INSIDE))
    return texts, trees


@pytest.fixture(scope="module")
def french_app(demo_store_url: str) -> Iterator[Any]:
    from maillage.app import Maillage
    from maillage.settings import Settings

    instance = Maillage(Settings(store_url=demo_store_url))
    yield create_app(instance, language=lambda: "fr")
    instance.close()


@pytest.mark.parametrize("pathname", PAGES)
def test_every_page_reads_french(french_app: Any, pathname: str):
    texts = page_strings(french_app, pathname)
    assert len(texts) > 20  # the page and its callbacks' outputs were read
    english = {
        s
        for s in texts
        if s.strip() in UNTRANSLATED or ENGLISH.search(s) or ENGLISH_NUMBERS.search(s)
    }
    english = sorted(english - KNOWN)
    assert english == []


@pytest.mark.parametrize("pathname", PAGES)
def test_the_components_own_words_are_french(french_app: Any, pathname: str):
    """What Dash and plotly write themselves (not in the layout's strings) is French too."""
    found = [c for tree in load_page(french_app, pathname)[1] for c in components_of(tree)]
    kinds = {kind for kind, _ in found}
    assert "Dropdown" in kinds or pathname in ("/gaps", "/history", "/map")
    for kind, props in found:
        if kind == "Dropdown":
            labels = props.get("labels") or {}
            assert labels.get("search") == "Rechercher", props.get("id")
            assert labels.get("no_options_found") == "Aucune option trouvée"
            assert labels.get("selected_count") == "sélection\u202f: {num_selected}"
        elif kind == "DataTable":
            assert props["locale_format"] == {"decimal": ",", "group": "\u202f"}, props["id"]
            assert props["filter_options"] == {"placeholder_text": "filtrer…"}
        elif kind == "Graph":
            config = props["config"]
            assert config["locale"] == "fr", props["id"]
            words = config["locales"]["fr"]["dictionary"]
            assert words["Download plot as a PNG"] == "Télécharger le graphique en PNG"
            assert words["Pan"] == "Déplacer" and words["Autoscale"] == "Échelle automatique"
    switch = [p for k, p in found if k == "Div" and p.get("id") == "language-switch"][0]
    assert "".join(link["props"]["children"] for link in switch["children"]) == "FR / EN"


def test_the_audit_finds_english():
    english_page = {"props": {"children": ["Show in the network", "Voir"], "id": "x"}}
    found = list(read_strings(english_page))
    assert found == ["Show in the network", "Voir"]
    assert "Show in the network" in UNTRANSLATED and ENGLISH.search(found[0])
    assert ENGLISH_NUMBERS.search("depuis le 2018-12-22") and ENGLISH_NUMBERS.search("0.38")
    assert not ENGLISH_NUMBERS.search("22 déc. 2018, 0,38, version 1.2.3")


def english_in(component: Any) -> list[str]:
    """The strings of a presenter's output a French reader would find English."""
    import plotly

    tree = json.loads(json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder))
    return sorted(
        {
            s
            for s in read_strings(tree, True)
            if s.strip() in UNTRANSLATED or ENGLISH.search(s) or ENGLISH_NUMBERS.search(s)
        }
    )


def test_a_chosen_actor_and_a_path_read_french(demo_store_url: str):
    from maillage.app import Maillage
    from maillage.dashboard.presenters import explore
    from maillage.settings import Settings

    instance = Maillage(Settings(store_url=demo_store_url))
    try:
        actors = instance.network("Alsace").actors
        first, far = actors[0].id, actors[40].id
        card = explore.card_view(instance, "Alsace", None, first, 1, FR)
        path = explore.path_view(instance, "Alsace", None, first, far, FR)
        summary = explore.summary_view(instance, "Alsace", "2022-06-01", ["business"], FR)
    finally:
        instance.close()
    assert re.search(r"arrivée\u202f: \d{1,2} \w+\.? \d{4}", text_of(card[0]))  # a French date
    assert english_in(card) == english_in(path) == english_in(summary) == []
