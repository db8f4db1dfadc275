"""The message shown while a territory's first-paint results are computed in the background."""

from __future__ import annotations

from maillage.dashboard.presenters.progress import progress_message, progress_view
from maillage.reports.i18n import translator


def test_the_message_names_the_territory_and_the_share_done_in_each_language():
    assert progress_message(translator("fr"), "Lille", 40) == (
        "Calcul du réseau de Lille… 40\u202f% effectués"
    )
    assert (
        progress_message(translator("en"), "Lille", 0) == "Computing the network of Lille… 0% done"
    )
    assert progress_message(translator("fr"), "Lille", None) is None
    assert progress_message(translator("fr"), None, 10) is None


def test_a_territory_with_its_results_ready_shows_nothing_and_stops_asking(maillage):
    maillage.precompute(["Nantes"])
    assert maillage.precomputer.wait(120)
    assert progress_view(maillage, translator("fr"), "Nantes") == (None, True)
    assert progress_view(maillage, translator("fr"), None) == (None, True)
