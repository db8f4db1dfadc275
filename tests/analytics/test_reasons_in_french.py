"""The reasons of suggested introductions, told from their parts in English and French."""

from __future__ import annotations

import networkx as nx

from maillage.graph.analytics import suggest_introductions
from maillage.graph.reasons import REASON_TEMPLATES, reason_text
from maillage.reports.i18n import translator
from maillage.reports.reasons import reason_in

EN, FR = translator("en"), translator("fr")


def small_graph() -> nx.Graph:
    G = nx.Graph([("a1", "m"), ("m", "p1")])
    nx.set_node_attributes(G, {"a1": "association", "m": "business", "p1": "public"}, "sector")
    nx.set_node_attributes(G, {"a1": "Asso", "m": "Garage", "p1": "Mairie"}, "name")
    return G


def test_the_english_reason_is_made_from_its_parts_and_the_french_one_reads_french():
    (intro,) = suggest_introductions(small_graph(), [("association", "public")])
    english = (
        "both work with Garage; would bring 1 association and 1 public body closer to each other"
    )
    assert intro["reason"] == english
    assert reason_text(intro["reason_parts"]) == english
    assert reason_in(intro, EN) == english
    assert reason_in(intro, FR) == (
        "travaillent tous deux avec Garage\u202f; "
        "rapprocherait 1 association et 1 organisme public les uns des autres"
    )


def test_names_beyond_the_limit_are_counted_in_the_language():
    parts = [
        {
            "template": "{distance} steps apart, through {names}",
            "distance": 5,
            "names": ["A", "B", "C", "D", "E"],
            "limit": 3,
        },
        {
            "template": "would give {who} a first path to {whom}",
            "who": [{"sector": "business", "count": 2}],
            "whom": "public",
        },
    ]
    assert reason_text(parts) == (
        "5 steps apart, through A, B, C and 2 others; "
        "would give 2 businesses a first path to public bodies"
    )
    assert reason_in({"reason_parts": parts}, FR) == (
        "à 5 étapes l'un de l'autre, par A, B, C et 2 autres\u202f; "
        "donnerait à 2 entreprises un premier chemin vers les organismes publics"
    )


def test_every_reason_template_has_a_french_message():
    assert all(FR.gettext(template) != template for template in REASON_TEMPLATES)


def test_a_suggestion_without_parts_shows_its_stored_reason():
    assert reason_in({"reason": "both work with X"}, FR) == "both work with X"


def test_the_other_sector_is_named_as_a_sector_in_french():
    parts = [
        {
            "template": "would bring {who} closer to {whom}",
            "who": [{"sector": "other", "count": 2}],
            "whom": "other",
        },
        {
            "template": "would give {who} a first path to {whom}",
            "who": [{"sector": "other", "count": 1}],
            "whom": "association",
        },
    ]
    assert reason_in({"reason_parts": parts}, FR) == (
        "rapprocherait 2 acteurs du secteur Autre des acteurs du secteur Autre\u202f; "
        "donnerait à 1 acteur du secteur Autre un premier chemin vers les associations"
    )
