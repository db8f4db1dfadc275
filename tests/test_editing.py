"""Correcting an actor by hand (the web app's actor card): one revision, undone exactly."""

from __future__ import annotations

from datetime import date

import pytest

from maillage.app import Maillage
from maillage.graph.errors import ConcurrentChange, InvalidEdit, NotFound
from maillage.settings import Settings


@pytest.fixture
def maillage(store_url, small_dataset, tmp_path):
    instance = Maillage(Settings(store_url=store_url, data_dir=tmp_path / "data"))
    instance.store.setup_schema()
    instance.store.upsert(small_dataset, user="import")
    yield instance
    instance.close()


def test_an_edit_is_one_revision_that_undo_reverts(maillage):
    before = maillage.actor("n1")
    revision = maillage.edit_actor(
        "n1", {"name": "  Atelier   du Nord ", "city": "", "sector": "Association"}, user="fa"
    )
    edited = maillage.actor("n1")
    assert (edited.name, edited.city) == ("Atelier du Nord", None)
    assert str(edited.sector) == "association"
    assert edited.territories == before.territories and edited.kind == before.kind
    assert revision.user == "fa" and "edit of actor n1 (name, sector" in revision.description
    assert maillage.history("Nantes")[-1].id == revision.id

    maillage.undo_latest(revision.id, user="fa")
    assert maillage.actor("n1") == before


def test_nothing_to_change_writes_nothing_and_bad_values_are_refused(maillage):
    actor = maillage.actor("n1")
    count = len(maillage.history())
    assert maillage.edit_actor("n1", {"name": actor.name}) is None
    with pytest.raises(InvalidEdit, match="needs a name"):
        maillage.edit_actor("n1", {"name": "  "})
    with pytest.raises(InvalidEdit, match="plumbing"):
        maillage.edit_actor("n1", {"sector": "plumbing"})
    with pytest.raises(InvalidEdit, match="territories"):
        maillage.edit_actor("n1", {"territories": "Rennes"})
    with pytest.raises(NotFound):
        maillage.edit_actor("nobody", {"name": "X"})
    assert len(maillage.history()) == count and maillage.actor("n1") == actor


def test_undo_of_an_edit_is_refused_once_a_later_change_stands_on_it(maillage):
    first = maillage.edit_actor("n1", {"city": "Saint-Nazaire"})
    maillage.edit_actor("n2", {"city": "Rezé"})
    with pytest.raises(ConcurrentChange, match="later change"):
        maillage.undo_latest(first.id)
    assert maillage.actor("n1").city == "Saint-Nazaire"


def test_a_tie_added_by_hand_then_ended_is_two_revisions_and_undo_reverts_each(maillage):
    before = maillage.network("Nantes")
    added = maillage.add_tie("n3", "b4", "funding", since=date(2026, 3, 1), note=" forum ")
    ties = {t.identity: t for t in maillage.network("Nantes").ties}
    tie = ties[("funding", False, "b4", "n3")]
    assert (tie.since, tie.note, tie.until, tie.weight) == (date(2026, 3, 1), "forum", None, 1.0)
    assert "tie n3–b4 (funding) recorded" in added.description
    assert added.territories == ("Nantes", "Rennes")  # n3's and b4's: the history lists it there
    assert maillage.add_tie("b4", "n3", "funding") is None  # there already: nothing written

    ended = maillage.end_tie("n1", "n2", "partnership", date(2026, 6, 30))
    stored = {t.identity: t for t in maillage.network("Nantes").ties}
    partnership = stored[("partnership", False, "n1", "n2")]
    assert (partnership.until, partnership.weight, partnership.ref) == (
        date(2026, 6, 30),
        2.0,
        "survey-2023",
    )
    assert maillage.network("Nantes", as_of=date(2026, 12, 31)).ties != before.ties

    maillage.undo_latest(ended.id)
    maillage.undo_latest(added.id)
    assert maillage.network("Nantes") == before


def test_ties_by_hand_refuse_what_cannot_be(maillage):
    with pytest.raises(InvalidEdit, match="itself"):
        maillage.add_tie("n1", "n1", "partnership")
    with pytest.raises(InvalidEdit, match="unknown tie kind"):
        maillage.add_tie("n1", "n3", "friendship")
    with pytest.raises(NotFound):
        maillage.add_tie("n1", "nobody", "partnership")
    with pytest.raises(NotFound, match="no funding tie"):
        maillage.end_tie("n1", "n2", "funding", date(2026, 1, 1))
    with pytest.raises(InvalidEdit, match="before it began"):
        maillage.end_tie("n1", "n2", "partnership", date(2018, 1, 1))


def test_an_actor_added_by_hand_is_one_revision_and_undo_removes_it_exactly(maillage):
    before = maillage.network("Nantes")
    revision = maillage.add_actor(
        "nantes", " Atelier  Vélo ", "Asso", kind="workshop", city="Rezé", user="fa"
    )
    added = maillage.actor("atelier-velo")
    assert (added.name, str(added.sector), added.kind, added.city, added.territories) == (
        "Atelier Vélo",
        "association",
        "workshop",
        "Rezé",
        ("Nantes",),
    )
    assert "atelier-velo" in maillage.network("Nantes").member_ids
    assert revision.user == "fa" and revision.description == "actor atelier-velo added to Nantes"

    count = len(maillage.history())
    with pytest.raises(
        InvalidEdit, match=r"'Atelier Vélo' is on Nantes already \(id atelier-velo\)"
    ):
        maillage.add_actor("Nantes", "atelier velo", "association")  # a second click
    assert len(maillage.history()) == count
    homonym = maillage.add_actor("Nantes", "Atelier Vélo", "association", actor_id="av2")
    assert homonym.description == "actor av2 added to Nantes"  # a homonym, given its own id

    maillage.undo_latest(homonym.id)
    maillage.undo_latest(revision.id)
    assert maillage.network("Nantes") == before
    with pytest.raises(NotFound):
        maillage.actor("atelier-velo")


def test_adding_an_actor_refuses_a_taken_id_a_blank_name_and_an_unknown_sector(maillage):
    count = len(maillage.history())
    with pytest.raises(InvalidEdit, match="'n1' names another actor already"):
        maillage.add_actor("Nantes", "Someone", "business", actor_id="n1")
    with pytest.raises(InvalidEdit, match="needs a name"):
        maillage.add_actor("Nantes", "  ", "business", actor_id="x1")
    with pytest.raises(InvalidEdit, match="plumbing"):
        maillage.add_actor("Nantes", "Someone", "plumbing")
    with pytest.raises(InvalidEdit, match="sector"):
        maillage.add_actor("Nantes", "Someone", None)
    with pytest.raises(NotFound):
        maillage.add_actor("Atlantis", "Someone", "business")
    assert len(maillage.history()) == count


def test_without_sign_in_the_web_apps_changes_are_by_the_servers_user(maillage):
    from dash_requests import UPDATE_COMPONENT, request_body

    from maillage.dashboard import ids
    from maillage.imports import os_user
    from maillage.serving.web import web_app

    app = web_app(maillage)  # no users: it runs open, nobody signs in
    client = app.server.test_client()
    clicked = f"{ids.EDIT_UNDO}.n_clicks"
    edit = maillage.edit_actor("n1", {"city": "Rezé"}, user="marie")
    values = {clicked: 1, f"{ids.EDITED}.data": {"revision": edit.id, "undo": edit.id}}
    body = request_body(app, f"{ids.EDITED}.data", values, changed=[clicked])
    assert client.post(UPDATE_COMPONENT, json=body).status_code == 200
    undo = maillage.history()[-1]
    assert (undo.action, undo.user) == ("undo", os_user())
    assert undo.user != ""
