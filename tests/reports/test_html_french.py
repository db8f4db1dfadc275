"""The HTML pages in French: words, numbers, dates and sectors; English unchanged."""

from __future__ import annotations

import pytest

from maillage.graph.analytics import gap_report, territory_report
from maillage.graph.storage.sqlite import SQLiteStore
from maillage.loaders.demo import demo_dataset
from maillage.reports import render, render_html_report
from maillage.reports.i18n import translator

FR = translator("fr")


def test_the_french_report_speaks_french(report, gaps):
    html = render_html_report(report, gaps, FR)
    assert '<html lang="fr">' in html
    assert "<title>Rapport sur le réseau\u202f: Pays de Morlaix</title>" in html
    assert "Au 30 juin 2024 · liens non pondérés · intermédiarité exacte" in html
    assert '<div class="value">0,250</div><div class="label">Densité</div>' in html
    assert "<h2>Le réseau en un coup d&#x27;œil</h2>" in html
    assert "<h2>Les 9 premiers intermédiaires</h2>" in html
    assert "<h2>Mélange des secteurs</h2>" in html
    assert "<h2>Manques entre secteurs</h2>" in html
    assert "<h3>Ponts fragiles</h3>" in html
    assert "<h2>Mises en relation suggérées</h2>" in html
    assert "4 communautés, modularité 0,222." in html
    assert "<h2>Méthode</h2>" in html and "<h3>Ce calcul</h3>" in html
    assert '<th class="num">Intermédiarité</th>' in html
    assert '<th class="num">Indice E-I</th>' in html
    assert '<span class="sector" style="--sector: #E69F00">Entreprise</span>' in html
    assert "Réalisé avec Maillage" in html
    for english in ("Network report", "Suggested introductions", "Betweenness", "As of"):
        assert english not in html
    assert '<td class="num">0,714</td>' in html and '<td class="num">0.' not in html


def test_french_gaps_and_bridges_pages(gaps, bridges):
    page = render("gaps", gaps, "html", lang="fr").decode("utf-8")
    assert '<html lang="fr">' in page
    assert "<title>Manques entre secteurs\u202f: Pays de Morlaix</title>" in page
    assert '<th class="num">Observés</th><th class="num">Attendus</th>' in page
    changes = render("bridges", bridges, "html", lang="fr").decode("utf-8")
    assert "<h1>Ponts gagnés et perdus</h1>" in changes
    assert "Du 1 janv. 2023 au 30 juin 2024" in changes
    assert "<h2>Ponts gagnés</h2>" in changes


def test_english_stays_as_it_was(report, gaps):
    html = render_html_report(report, gaps)
    assert html == render_html_report(report, gaps, translator("en"))
    assert '<html lang="en">' in html
    assert "As of 2024-06-30 · unweighted ties · exact betweenness" in html
    assert '<span class="sector" style="--sector: #E69F00">business</span>' in html


@pytest.fixture(scope="module")
def demo_results(tmp_path_factory):
    store = SQLiteStore.from_url(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}")
    try:
        store.upsert(demo_dataset())
        network = store.network("Lille")
    finally:
        store.close()
    return territory_report(network, seed=42), gap_report(network, seed=42)


def test_a_french_report_of_a_demo_territory(demo_results):
    report, gaps = demo_results
    html = render_html_report(report, gaps, FR)
    assert "<title>Rapport sur le réseau\u202f: Lille</title>" in html
    assert "Tous les liens (sans filtre de date)" in html
    assert "<h2>Les 20 premiers intermédiaires</h2>" in html
    assert "Afficher les 150 acteurs, par intermédiarité" in html
    assert "<h2>Tous les acteurs</h2>" in html
    modularity = FR.number(report["network"]["modularity"], 3)
    assert "," in modularity
    assert f"modularité {modularity}." in html
    assert "référence par permutation des secteurs, 1\u202f000 permutations" in html
