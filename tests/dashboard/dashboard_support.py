"""Helpers of the dashboard tests: reading Dash component trees, and literal report rows."""

from __future__ import annotations

from typing import Any


def text_of(component: Any) -> str:
    """Every string inside a Dash component tree, joined by spaces."""
    if component is None:
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(text_of(c) for c in component)
    return text_of(getattr(component, "children", None))


def find_ids(component: Any) -> list[Any]:
    """Every component id in a Dash component tree."""
    found = []
    if isinstance(component, list | tuple):
        for child in component:
            found.extend(find_ids(child))
        return found
    if hasattr(component, "to_plotly_json"):
        if getattr(component, "id", None) is not None:
            found.append(component.id)
        found.extend(find_ids(getattr(component, "children", None)))
    return found


def find(component: Any, wanted: Any) -> Any:
    """The component with id ``wanted`` in a Dash component tree, or None."""
    if isinstance(component, list | tuple):
        return next((f for c in component if (f := find(c, wanted)) is not None), None)
    if not hasattr(component, "to_plotly_json"):
        return None
    if getattr(component, "id", None) == wanted:
        return component
    return find(getattr(component, "children", None), wanted)


ROWS = [
    {
        "id": "a",
        "name": "Atelier",
        "sector": "business",
        "degree": 3,
        "betweenness": 0.5,
        "closeness": 0.75,
        "eigenvector": 0.6,
        "pagerank": 0.3,
        "constraint": 0.4,
        "effective_size": 2.0,
        "ei_index": 1.0,
        "brokerage": {
            "coordinator": 0,
            "itinerant": 1,
            "gatekeeper": 0,
            "representative": 0,
            "liaison": 2,
        },
        "community": 7,
    },
    {
        "id": "b",
        "name": "Bibliothèque",
        "sector": "public",
        "degree": 2,
        "betweenness": 0.125,
        "closeness": 0.6,
        "eigenvector": 0.5,
        "pagerank": 0.25,
        "constraint": 0.6,
        "effective_size": 1.0,
        "ei_index": 0.0,
        "brokerage": {"coordinator": 0, "itinerant": 0, "gatekeeper": 0},
        "community": 7,
    },
    {
        "id": "c",
        "name": "Collectif",
        "sector": "association",
        "degree": 2,
        "betweenness": 0.0,
        "closeness": 0.6,
        "eigenvector": 0.5,
        "pagerank": 0.25,
        "constraint": 0.8,
        "effective_size": 1.0,
        "ei_index": 1.0,
        "brokerage": {},
        "community": 2,
    },
    {
        "id": "d",
        "name": "Dé",
        "sector": "public",
        "degree": 1,
        "betweenness": 0.0,
        "closeness": 0.43,
        "eigenvector": 0.2,
        "pagerank": 0.2,
        "constraint": None,
        "effective_size": None,
        "ei_index": 1.0,
        "brokerage": {},
        "community": 2,
    },
]
