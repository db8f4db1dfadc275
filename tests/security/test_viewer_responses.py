"""A viewer's session never receives a citizen's name: asserted on the raw HTTP responses.

Every callback that shows data is fired over HTTP (``POST /_dash-update-component``
with the JSON body Dash's renderer sends, built from ``app.callback_map``),
signed in as a viewer and as a facilitator, on two demo territories. In the
viewer's responses (and in the files that download responses carry, decoded
and unzipped) no citizen's name appears in any spelling, nor any citizen's
real id; the facilitator's responses do carry them, so the check is not vacuous.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from dash_requests import UPDATE_COMPONENT, request_body
from security_support import found_in, readable, sign_in

from maillage.dashboard import menus
from maillage.graph.model import Dataset, Sector

TERRITORIES = ("Romans", "Lille")


def citizens(dataset: Dataset) -> list[Any]:
    return [a for a in dataset.actors if a.sector == Sector.CITIZEN]


def clicked(kind: str, key: str, value: Any, choices: list[Any]) -> tuple[list, list[str]]:
    """An ``ALL`` input where the ``value`` button was clicked, and its changed prop id."""
    buttons = [({key: c, "type": kind}, 1 if c == value else None) for c in choices]
    prop = json.dumps({key: value, "type": kind}, sort_keys=True, separators=(",", ":"))
    return buttons, [f"{prop}.n_clicks"]


def data_requests(app, view, territory: str, probe: list[str] = ()) -> Iterator[tuple[str, dict]]:
    """(label, body) of every callback that shows data, with the actor ids ``view`` hands out.

    ``probe`` adds requests naming these ids (real citizen ids, for the viewer).
    """
    network = view.network(territory)
    people = [a.id for a in network.actors if a.sector == Sector.CITIZEN]
    organisation = next(a.id for a in network.actors if a.sector != Sector.CITIZEN)
    where = {"territory.value": territory, "as-of-store.data": None, "drill-store.data": None}
    other = next(t for t in TERRITORIES if t != territory)

    def route(source: str, target: str) -> dict:
        search = "?" + urlencode({"from": source, "to": target})
        values = {"url.pathname": "/", "url.search": search, "territory.value": territory}
        return request_body(app, "page.children", values)

    yield "route", route(people[0], organisation)
    yield "sliders", request_body(app, "as-of-year.min", where)
    yield "network", request_body(app, "network.elements", where)
    dated = {**where, "as-of-store.data": "2016-12-31"}
    yield "network-2016", request_body(app, "network.elements", dated)
    for colour in ("sector", "community"):
        yield "legend", request_body(app, "legend.children", {**where, "colour-by.value": colour})
    for actor in [*people, organisation, *probe]:
        selected = {**where, "selected-store.data": actor, "ego-hops.value": 2}
        yield f"card {actor}", request_body(app, "actor-card.children", selected)
    pairs = [(people[0], people[-1]), (people[0], organisation)]
    pairs += [(a, b) for a, b in zip(probe, probe[1:], strict=False)]
    for start, end in pairs:
        ends = {
            **where,
            "actor-picker.value": None,
            '{"role":"source","type":"actor-picker"}.value': start,
            '{"role":"target","type":"actor-picker"}.value': end,
        }
        yield f"path {start} {end}", request_body(app, "path-steps.children", ends)
    search = '{"role":"search","type":"actor-picker"}.value'
    for actor in (people[0], *probe[:1]):
        values = {**where, search: actor}
        yield f"pick {actor}", request_body(app, "selected-store.data", values, changed=[search])
    for typed in ("", "a", "e", people[0][:10]):
        values = {"actor-picker.search_value": typed, "territory.value": territory}
        for role in ("search", "source", "target"):
            body = request_body(app, "actor-picker.options", values, match={"role": role})
            yield f"picker {role} {typed!r}", body
    for weighted in (False, True):
        values = {
            **where,
            "brokers-measure.value": "betweenness",
            "brokers-weighted.value": weighted,
        }
        yield "brokers", request_body(app, "brokers-table.data", values)
    formats = list(menus.DOWNLOAD_FORMATS)
    for fmt in formats:
        buttons, changed = clicked("download-button", "fmt", fmt, formats)
        values = {"download-button.n_clicks": buttons, **where}
        yield f"download {fmt}", request_body(app, "download.data", values, changed=changed)
    yield "gaps", request_body(app, "gaps-heatmap.figure", where)
    for index in range(3):
        buttons, changed = clicked("introduction", "index", index, [0, 1, 2])
        values = {"introduction.n_clicks": buttons, **where}
        yield f"introduce {index}", request_body(app, "url.pathname", values, changed=changed)
    compared = {"compare-territories.value": [territory, other]}
    yield "compare", request_body(app, "compare-table.data", compared)


def responses(client, app, view, territory, probe=()) -> Iterator[tuple[str, int, bytes]]:
    for path in ("/", "/_dash-layout", "/_dash-dependencies"):
        answer = client.get(path)
        yield path, answer.status_code, answer.data
    for label, body in data_requests(app, view, territory, list(probe)):
        answer = client.post(UPDATE_COMPONENT, json=body)
        yield label, answer.status_code, readable(answer.data)


@pytest.fixture(scope="module")
def everyone(demo: Dataset) -> dict[str, list[str]]:
    people = citizens(demo)
    return {"names": [a.name for a in people], "ids": [a.id for a in people]}


@pytest.mark.parametrize("territory", TERRITORIES)
def test_a_viewer_never_receives_a_citizens_name_or_id(app, client, maillage, territory, everyone):
    assert sign_in(client, "vera").status_code == 303
    view = maillage.pseudonymised()
    real_ids = [a.id for a in maillage.network(territory).actors if a.sector == Sector.CITIZEN]
    probe = real_ids[:3]
    seen = b""
    for label, status, data in responses(client, app, view, territory, probe):
        assert status in (200, 204), (label, status, data[:300])
        assert found_in(data, everyone["names"]) == [], label
        named = [i for i in everyone["ids"] if i not in label]
        assert found_in(data, named) == [], label
        seen += data
    # Not vacuous: organisations, pseudonyms and the report files did come through.
    organisations = [a.name for a in view.network(territory).actors if a.sector != "citizen"]
    assert len(found_in(seen, organisations)) == len(organisations)
    pseudonyms = [a.name for a in view.network(territory).actors if a.sector == "citizen"]
    assert len(pseudonyms) >= 5 and found_in(seen, pseudonyms) == sorted(pseudonyms)
    assert b"Citoyen" in seen and b"<html" in seen.lower()


@pytest.mark.parametrize("territory", TERRITORIES)
def test_a_facilitator_receives_the_citizens_names(app, client, maillage, territory):
    assert sign_in(client, "felix").status_code == 303
    names = [a.name for a in maillage.network(territory).actors if a.sector == Sector.CITIZEN]
    by_label: dict[str, bytes] = {}
    for label, status, data in responses(client, app, maillage, territory):
        assert status in (200, 204), (label, status)
        by_label[label] = by_label.get(label, b"") + data
    assert found_in(by_label["network"], names) == sorted(names)
    assert found_in(by_label["brokers"], names) == sorted(names)
    for fmt in menus.DOWNLOAD_FORMATS:
        assert found_in(by_label[f"download {fmt}"], names) == sorted(names), fmt


def test_an_admin_sees_what_a_facilitator_sees(app, client, maillage):
    assert sign_in(client, "ada").status_code == 303
    body = request_body(app, "network.elements", {"territory.value": "Romans"})
    data = client.post(UPDATE_COMPONENT, json=body).data
    names = [a.name for a in maillage.network("Romans").actors if a.sector == Sector.CITIZEN]
    assert found_in(data, names) == sorted(names)


def test_the_viewer_is_told_citizens_are_pseudonymised(client):
    sign_in(client, "vera")
    layout = client.get("/_dash-layout").data
    assert b"vera \\u00b7 viewer" in layout or "vera · viewer".encode() in layout
    assert b"Citizens are shown under pseudonyms." in layout
