"""The Explore network's summary line (the drawing is tested in test_network_view.py)."""

from __future__ import annotations

from maillage.dashboard.presenters.network import network_summary


def test_network_summary() -> None:
    report = {
        "as_of": "2020-12-31",
        "network": {"actors": 600, "ties": 1800, "density": 0.01, "communities": 9},
    }
    line = network_summary(report)
    assert line.startswith("600 actors · 1,800 ties · density 0.010 · 9 communities")
    assert line.endswith("as of 2020-12-31")
    assert "shown" not in network_summary(report, {"actors": 600, "ties": 1800})
    filtered = network_summary(report, {"actors": 400, "ties": 1000}, filters=["sectors"])
    assert filtered.endswith("as of 2020-12-31 · shown: 400 actors, 1,000 ties (filter: sectors)")


def test_network_summary_says_n_a_without_ties() -> None:
    """Bug of issue 11: a date with no ties printed "E-I index 0.000, modularity 0.000"."""
    report = {
        "as_of": "2008-12-31",
        "network": {
            "actors": 12,
            "ties": 0,
            "density": 0.0,
            "communities": 12,
            "modularity": 0.0,
            "ei_index": 0.0,
        },
    }
    line = network_summary(report)
    assert "modularity n/a" in line and "E-I index n/a" in line
    assert "0.000" not in line.replace("density 0.000", "")


def test_every_figure_of_the_summary_has_the_registry_s_decimals() -> None:
    """Review: "indice E-I 1" was printed "1" where the other figures had three decimals."""
    from maillage.reports.i18n import translator

    report = {
        "network": {
            "actors": 4,
            "ties": 3,
            "density": 0.5,
            "communities": 1,
            "modularity": 0.0,
            "ei_index": 1.0,
            "openness": 0.0,
        }
    }
    line = network_summary(report, t=translator("fr"))
    assert "densité 0,500" in line and "indice E-I 1,000" in line
    assert "modularité 0,000" in line and "ouverture 0,000" in line
    assert "indice E-I 1 " not in line
