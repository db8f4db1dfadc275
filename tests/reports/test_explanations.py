"""Every measure the app shows is explained in plain words, in French and English, from one home;
and the French catalog puts its space before : ; ? !"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from maillage.dashboard import menus
from maillage.dashboard.presenters.brokers import BROKER_COLUMNS, broker_header_tips
from maillage.dashboard.presenters.network import SUMMARY_MEASURES, summary_explanations
from maillage.graph.vocabulary import (
    ACTOR_MEASURES,
    MIXING_MEASURES,
    NETWORK_MEASURES,
    TIE_WEIGHT_EXPLANATION,
)
from maillage.reports.html_method import GLOSSARY_MEASURES, glossary, method_section
from maillage.reports.i18n import translator

CATALOG = Path(__file__).resolve().parents[2] / "reports" / "locales" / "fr" / "LC_MESSAGES"
EN, FR = translator("en"), translator("fr")
MEASURES = [
    *(("actor", m) for m in ACTOR_MEASURES.values()),
    *(("network", m) for m in NETWORK_MEASURES.values()),
    *(("mixing", m) for m in MIXING_MEASURES.values()),
]


@pytest.mark.parametrize(("kind", "measure"), MEASURES, ids=lambda v: getattr(v, "key", v))
def test_every_measure_is_explained_in_english_and_french(kind, measure):
    assert measure.explanation.strip(), (kind, measure.key)
    french = FR.gettext(measure.explanation)
    assert french != measure.explanation, (kind, measure.key, "no French")
    assert FR.gettext(measure.label) != measure.label or measure.label in ("PageRank", "z")


def test_the_terms_the_reviewer_met_are_explained_in_plain_french():
    said = {
        "Densité": NETWORK_MEASURES["density"],
        "Modularité": NETWORK_MEASURES["modularity"],
        "Indice E-I": NETWORK_MEASURES["ei_index"],
        "Ouverture": NETWORK_MEASURES["openness"],
        "Intermédiarité": ACTOR_MEASURES["betweenness"],
        "Vecteur propre": ACTOR_MEASURES["eigenvector"],
        "PageRank": ACTOR_MEASURES["pagerank"],
        "Contrainte": ACTOR_MEASURES["constraint"],
        "Taille effective": ACTOR_MEASURES["effective_size"],
    }
    for french_label, measure in said.items():
        assert FR.gettext(measure.short).startswith(french_label), measure.key
        assert len(FR.gettext(measure.explanation)) > 30, measure.key
    assert FR.gettext(TIE_WEIGHT_EXPLANATION).startswith("À quel point deux acteurs")
    assert FR.gettext("n/a") == "non disponible"


def test_the_glossary_reads_the_registry_not_a_text_of_its_own():
    for t in (EN, FR):
        entries = dict(glossary(t))
        for measure in GLOSSARY_MEASURES:
            assert entries[t.gettext(measure.label)].startswith(t.gettext(measure.explanation))
    html = method_section(t=FR)
    assert FR.gettext(NETWORK_MEASURES["density"].explanation).replace("'", "&#x27;") in html
    assert "(Freeman 1977; Brandes 2001)" in html


def test_where_the_app_names_a_measure_it_explains_it():
    sized = {o["value"]: o["title"] for o in menus.size_options(FR)}
    assert sized["betweenness"] == FR.gettext(ACTOR_MEASURES["betweenness"].explanation)
    ranked = {o["value"]: o.get("title") for o in menus.broker_options(FR)}
    assert ranked["effective_size"] == FR.gettext(ACTOR_MEASURES["effective_size"].explanation)
    tips = broker_header_tips(FR)
    shown = {key for key, _, _ in BROKER_COLUMNS if key in ACTOR_MEASURES}
    assert set(tips) == shown and tips["pagerank"].startswith("Influence transmise")
    summary = summary_explanations(FR).splitlines()
    assert len(summary) == len(SUMMARY_MEASURES) + 1
    assert summary[0].startswith("Densité\u202f: Part des liens possibles")
    assert summary[-1].startswith("non disponible\u202f: ")


# a French mark must follow a space; not in URLs (neo4j://h:7687), times (12:30), paths (C:\),
# R's namespaces (sna::brokerage)
MISSING_SPACE = re.compile(r"[^\s\u00a0\u202f:]([:;?!])(?![/\d\\:])")
SPACE_THAT_BREAKS = re.compile(r"[ \u00a0]([:;?!])(?=\s|$)")


def french_messages():
    with (CATALOG / "maillage.po").open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            yield message.id, text


def test_every_french_colon_semicolon_question_and_exclamation_has_its_narrow_space():
    missing = [
        (msgid, text)
        for msgid, text in french_messages()
        if MISSING_SPACE.search(re.sub(r"\{[^}]*\}", "x", text))
    ]
    assert missing == []
    breaking = [
        (msgid, text) for msgid, text in french_messages() if SPACE_THAT_BREAKS.search(text)
    ]
    assert breaking == []  # a plain space would let the mark start a new line


def test_the_typography_rule_tells_a_bad_message_from_a_good_one():
    assert MISSING_SPACE.search("(4 637 paires): liaison")
    assert not MISSING_SPACE.search("(4\u202f637 paires)\u202f: liaison")
    assert not MISSING_SPACE.search("écrivez neo4j://hôte:7687 ou sqlite:///chemin")
    assert SPACE_THAT_BREAKS.search("Densité : 0,3")
