"""Explore's edit panel: adding an actor, on a real Maillage over SQLite (``small_dataset``)."""

from __future__ import annotations

from typing import Any

from dash import dcc, no_update
from dashboard_support import find

from maillage.dashboard import ids
from maillage.dashboard.pages import explore as page
from maillage.dashboard.presenters import editing
from maillage.dashboard.presenters.formatting import sector_options
from maillage.dashboard.sources import Sources
from maillage.reports.i18n import translator

NEW = {"new_name": "Atelier Vélo", "new_sector": "association", "new_city": "Rezé"}
FORUM_OPTION = [{"label": "Forum ESS 2020 (2020-09-15)", "value": "forum-2020"}]
KEPT = [no_update] * 7  # both forms as the user left them


def writers(maillage: Any, language: str = "en") -> Sources:
    return Sources(
        maillage, may_write=lambda: True, user=lambda: "marie", language=lambda: language
    )


def viewers(maillage: Any) -> Sources:
    return Sources(maillage, lambda: False, may_write=lambda: False, user=lambda: "paul")


def add(sources: Sources, fields: dict[str, Any], territory: str | None = "Nantes") -> tuple:
    return editing.write_view(sources, ids.ADD_SUBMIT, None, fields, None, territory)


def test_the_panel_shows_to_writers_its_actor_part_once_an_actor_is_selected(maillage):
    hidden, shown = editing.HIDDEN, editing.SHOWN
    empty = ("", None, "", "", shown, hidden, [], None)
    assert editing.form_view(maillage, True, None, "Nantes") == empty
    values = editing.form_view(maillage, True, "n1", "Nantes")
    assert values[4:] == (shown, shown, FORUM_OPTION, None)
    assert values[0] == maillage.actor("n1").name
    assert editing.form_view(maillage, True, "n1")[6] == []
    assert editing.form_view(maillage, False, "n1", "Nantes")[4:7] == (hidden, hidden, [])


def test_an_actor_added_from_the_panel_is_named_in_the_message_and_undo_removes_it(maillage):
    sources = writers(maillage)
    last, message, undo_disabled, *forms, alert = add(sources, NEW)
    assert alert is None and undo_disabled is False
    # Saved: the "add an actor" form is blank for the next one, the other form untouched.
    assert forms == ["", None, "", "", no_update, no_update, no_update]
    revision = maillage.history()[-1]
    assert last == {"revision": revision.id, "undo": revision.id}
    assert message == f"Actor atelier-velo added to Nantes (change {revision.id})."
    assert revision.user == "marie"
    added = maillage.actor("atelier-velo")
    assert (added.name, str(added.sector), added.city) == ("Atelier Vélo", "association", "Rezé")
    assert "atelier-velo" in maillage.network("Nantes").member_ids

    last, message, undo_disabled, *forms, alert = editing.write_view(
        sources, ids.EDIT_UNDO, None, {}, last, "Nantes"
    )
    assert alert is None and undo_disabled is True and last["undo"] is None
    assert message == f"Change {revision.id} undone." and forms == KEPT
    assert "atelier-velo" not in maillage.network("Nantes").member_ids


def test_the_message_is_in_the_readers_language(maillage):
    _, message, _, *forms, _ = add(writers(maillage, "fr"), NEW)
    assert message.startswith("Acteur atelier-velo ajouté à Nantes (modification ")


def test_a_saved_edit_names_its_fields_in_french_and_unchanged_in_english(maillage):
    kept = maillage.actor("n1")
    fields = {"name": "Atelier Nord-Est", "sector": str(kept.sector), "kind": kept.kind}
    fields["city"] = "Rezé"
    _, message, *_ = editing.write_view(writers(maillage, "fr"), ids.EDIT_SAVE, "n1", fields, None)
    revision = maillage.history()[-1]
    assert message == (
        f"Enregistré comme modification {revision.id}\u202f: modification de "
        f"l'acteur n1 (nom, ville)."
    )
    fields["city"] = "Nantes"
    _, message, *_ = editing.write_view(writers(maillage), ids.EDIT_SAVE, "n1", fields, None)
    revision = maillage.history()[-1]
    assert message == f"Saved as change {revision.id}: edit of actor n1 (city)."


def test_a_viewer_may_not_add_an_actor_and_a_bad_form_writes_nothing(maillage):
    revisions = maillage.history()
    last, message, _, *forms, alert = add(viewers(maillage), NEW)
    assert last is None and message == "" and "may read this network" in str(alert)
    _, _, _, *forms, alert = add(writers(maillage), {**NEW, "new_name": "  "})
    assert "needs a name" in str(alert) and forms == KEPT
    _, _, _, *forms, alert = add(writers(maillage), {**NEW, "new_sector": None})
    assert "sector" in str(alert)
    _, _, _, *forms, alert = add(writers(maillage), NEW, territory=None)
    assert "Choose a territory first." in str(alert)
    assert forms == KEPT  # refused: what the user typed stays, to be corrected
    assert maillage.history() == revisions


def test_the_form_reads_in_french_its_sectors_labelled_where_sector_labels_live():
    t = translator("fr")
    panel = page.edit_panel(t)
    sector = find(panel, ids.ADD_SECTOR)
    assert isinstance(sector, dcc.Dropdown) and sector.options == sector_options(t)
    assert [o["value"] for o in sector.options][:2] == ["business", "association"]
    assert sector.options[0]["label"] == "Entreprise"  # French labels, stored values
    assert "Ajouter un acteur" in str(panel) and "Ajouter à ce territoire" in str(panel)
    assert find(panel, ids.EDIT_UNDO) is not None and find(panel, ids.ADD_CITY) is not None


def take_part(sources: Sources, fields: dict[str, Any], actor: str | None = "n1") -> tuple:
    return editing.write_view(sources, ids.PART_SUBMIT, actor, fields, None, "Nantes")


def test_a_participation_recorded_from_the_panel_is_named_and_undo_reverts_it(maillage):
    before = maillage.network("Nantes")
    sources = writers(maillage)
    fields = {"part_activity": "forum-2020"}
    last, message, undo_disabled, *forms, alert = take_part(sources, fields)
    assert alert is None and undo_disabled is False
    # Saved: the participation form is blank for the next one, the other form untouched.
    assert forms == [no_update] * 4 + [None, "", None]
    revision = maillage.history()[-1]
    assert last == {"revision": revision.id, "undo": revision.id}
    assert message == f"Participation of n1 in forum-2020 recorded (change {revision.id})."
    assert revision.user == "marie"
    assert {"n2", "n3"} <= set(maillage.ego("Nantes", "n1").nodes)

    last, message, undo_disabled, *forms, alert = editing.write_view(
        sources, ids.EDIT_UNDO, "n1", {}, last, "Nantes"
    )
    assert alert is None and undo_disabled is True
    assert message == f"Change {revision.id} undone."
    assert maillage.network("Nantes") == before


def test_a_new_activity_from_the_panel_joins_the_dropdown_in_french(maillage):
    fields = {"part_name": "Atelier vélo", "part_date": "2026-03-01"}
    _, message, _, *forms, alert = take_part(writers(maillage, "fr"), fields)
    assert alert is None
    assert message.startswith("Participation de n1 à atelier-velo enregistrée (modification ")
    options = editing.form_view(maillage, True, "n1", "Nantes")[6]
    assert {"label": "Atelier vélo (2026-03-01)", "value": "atelier-velo"} in options


def test_a_viewer_may_not_record_a_participation_and_a_bad_form_writes_nothing(maillage):
    revisions = maillage.history()
    fields = {"part_activity": "forum-2020"}
    last, message, _, *forms, alert = take_part(viewers(maillage), fields)
    assert last is None and message == "" and "may read this network" in str(alert)
    fields = {"part_activity": "forum-2020"}
    _, _, _, *forms, alert = take_part(writers(maillage), fields, actor="n2")
    assert "takes part in 'forum-2020' already" in str(alert) and forms == KEPT
    _, _, _, *forms, alert = take_part(writers(maillage), {"part_name": " "})
    assert "choose an activity, or name a new one" in str(alert)
    _, _, _, *forms, alert = take_part(writers(maillage), fields, actor=None)
    assert "Select an actor first." in str(alert)
    assert maillage.history() == revisions


def test_the_participation_form_reads_in_french():
    panel = page.edit_panel(translator("fr"))
    assert isinstance(find(panel, ids.PART_ACTIVITY), dcc.Dropdown)
    assert isinstance(find(panel, ids.PART_DATE), dcc.DatePickerSingle)
    assert "Enregistrer une participation" in str(panel)
    assert find(panel, ids.PART_NAME) is not None and find(panel, ids.PART_SUBMIT) is not None


def test_refused_edits_say_why_in_french(maillage):
    fr = writers(maillage, "fr")
    failed = "Cette analyse n'a pas pu être affichée. "
    *_, alert = add(fr, {**NEW, "new_name": "  "})
    assert [c.children for c in alert.children] == [failed, "un acteur a besoin d'un nom"]
    *_, alert = take_part(fr, {"part_activity": "forum-2020"}, actor="n2")
    assert alert.children[1].children == "'n2' participe déjà à 'forum-2020'"
    *_, alert = take_part(fr, {"part_name": " "})
    assert alert.children[1].children == "choisissez une activité, ou nommez-en une nouvelle"
