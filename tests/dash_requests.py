"""The JSON a browser posts to ``/_dash-update-component``, built from ``app.callback_map``.

Tests and the load test (``benchmarks/load_test.py``) drive the server with
these bodies, exactly as Dash's renderer sends them, without a browser. It
lives with the tests: the application itself never builds them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import dash

UPDATE_COMPONENT = "/_dash-update-component"


def callback_key(app: dash.Dash, output: str) -> str:
    """The ``callback_map`` key of the callback that has ``output`` (``"id.property"``).

    A pattern-matching output is named by its ``type``: ``"actor-picker.options"``.

    >>> app = dash.Dash(__name__)
    >>> @app.callback(dash.Output("a", "children"), dash.Output("b", "children"),
    ...               dash.Input("c", "value"))
    ... def f(value):
    ...     return value, value
    >>> callback_key(app, "b.children")
    '..a.children...b.children..'
    """
    for key in app.callback_map:
        outputs = key.strip(".").split("...") if key.startswith("..") else [key]
        if output in map(_output_name, outputs):
            return key
    raise KeyError(f"no callback has the output {output!r}")


def _output_name(spec: str) -> str:
    component, prop = spec.split("@", 1)[0].rsplit(".", 1)
    if component.startswith("{"):
        component = json.loads(component).get("type", component)
    return f"{component}.{prop}"


def _dependency(spec: str, match: Mapping[str, Any]) -> tuple[Any, str]:
    """``(id, property)`` of ``"id.property"``, pattern ids made concrete with ``match``."""
    component, prop = spec.rsplit(".", 1)
    if not component.startswith("{"):
        return component, prop
    pattern = json.loads(component)
    concrete = {
        key: match[key] if isinstance(value, list) and value == ["MATCH"] else value
        for key, value in pattern.items()
    }
    return concrete, prop


def _prop_id(component: Any, prop: str) -> str:
    if isinstance(component, Mapping):
        component = json.dumps(component, sort_keys=True, separators=(",", ":"))
    return f"{component}.{prop}"


def _is_all(component: Any) -> bool:
    return isinstance(component, Mapping) and ["ALL"] in component.values()


def request_body(
    app: dash.Dash,
    output: str,
    values: Mapping[str, Any],
    *,
    changed: Sequence[str] | None = None,
    match: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The body that fires the callback with ``output``.

    Parameters
    ----------
    app : dash.Dash
        The app whose ``callback_map`` describes the callback.
    output : str
        One of the callback's outputs, ``"id.property"``.
    values : mapping
        Each input's and state's value by ``"id.property"``; missing ones are
        None. A pattern-matching ``ALL`` dependency is keyed by its ``type``
        (``"download-button.n_clicks"``) and given as a list of
        ``(concrete id, value)`` pairs.
    changed : sequence of str, optional
        The ``"id.property"`` that fired (pattern ids as their JSON); by
        default the first input.
    match : mapping, optional
        Values of ``MATCH`` wildcards (``{"role": "search"}``).
    """
    key = callback_key(app, output)
    entry = app.callback_map[key]
    match = match or {}
    specs = key.strip(".").split("...") if key.startswith("..") else [key]
    outputs = []
    for spec in specs:
        component, prop = _dependency(spec, match)
        outputs.append({"id": component, "property": prop.split("@", 1)[0]})

    def encode(dependencies: Sequence[Mapping[str, Any]]) -> list[Any]:
        encoded: list[Any] = []
        for dependency in dependencies:
            component, prop = _dependency(f"{dependency['id']}.{dependency['property']}", match)
            if _is_all(component):
                given = values.get(f"{component['type']}.{prop}", [])
                encoded.append([{"id": i, "property": prop, "value": v} for i, v in given])
                continue
            name = _prop_id(component, prop)
            plain = f"{component['type']}.{prop}" if isinstance(component, Mapping) else name
            value = values.get(name, values.get(plain))
            encoded.append({"id": component, "property": prop, "value": value})
        return encoded

    inputs = encode(entry["inputs"])
    if changed is None:
        first = inputs[0]
        if isinstance(first, list):
            changed = [_prop_id(item["id"], item["property"]) for item in first[:1]]
        else:
            changed = [_prop_id(first["id"], first["property"])]
    return {
        "output": key,
        "outputs": outputs if key.startswith("..") else outputs[0],
        "inputs": inputs,
        "state": encode(entry["state"]),
        "changedPropIds": list(changed),
    }
