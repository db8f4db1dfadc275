"""The introduction path in words: each step as a sentence, and what the chain means."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import networkx as nx
from dash import html

from ...graph.analytics import path_explanation
from ...reports.i18n import N_, Translator
from ...reports.labels import sector_label, tie_kind_label
from .formatting import number, period, reader

STEP_PERIOD = (N_(" from {since} to {until}"), N_(" since {since}"), N_(" until {until}"))


def _step_actor(ref: Mapping[str, Any], t: Translator) -> str:
    if not ref.get("sector"):
        return str(ref["name"])
    return f"{ref['name']} ({sector_label(ref['sector'], t)})"


def step_text(step: Mapping[str, Any], t: Translator | None = None) -> str:
    """One step of ``path_explanation`` as a sentence in ``t``'s language, sectors named as
    people read them (``Atelier (Business)``, not the code ``business``)."""
    t = reader(t)
    when = period(step["since"], step["until"], t, STEP_PERIOD)
    kinds = ", ".join(tie_kind_label(kind, t) for kind in step["kinds"])
    return t.gettext("{first} and {second}: {kinds}{when}, weight {weight}.").format(
        first=_step_actor(step["from"], t),
        second=_step_actor(step["to"], t),
        kinds=kinds,
        when=when,
        weight=number(step["weight"], t),
    )


def path_in_words(
    graph: nx.Graph, path: Sequence[Hashable], t: Translator | None = None
) -> list[str]:
    """Each step of an introduction chain as a sentence (see ``path_explanation``)."""
    return [step_text(step, t) for step in path_explanation(graph, path)]


def path_summary(graph: nx.Graph, path: Sequence[Hashable], t: Translator | None = None) -> str:
    """One sentence on what the chain means for an introduction."""
    t = reader(t)
    names = [str(graph.nodes[n].get("name") or n) for n in path]
    if len(path) < 2:
        return t.gettext("Pick two different actors.")
    if len(path) == 2:
        return t.gettext("{first} and {second} are already tied directly.").format(
            first=names[0], second=names[1]
        )
    middle = t.gettext(", then ").join(names[1:-1])
    return t.gettext(
        "{first} can reach {last} in {hops} steps: ask {middle} for the introduction."
    ).format(first=names[0], last=names[-1], hops=len(path) - 1, middle=middle)


def path_panel(graph: nx.Graph, path: Sequence[Hashable], t: Translator | None = None) -> list[Any]:
    """The introduction chain, listed in words."""
    steps = path_in_words(graph, path, t)
    return [
        html.P(path_summary(graph, path, t), className="path-summary"),
        html.Ol([html.Li(text) for text in steps], className="path-steps"),
    ]
