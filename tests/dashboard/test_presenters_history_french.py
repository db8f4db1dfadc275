"""Revision descriptions: one home for their templates, recognised back and told in French."""

from __future__ import annotations

from datetime import date

import pytest

from maillage.dashboard.presenters.history import description_in, revision_rows
from maillage.graph.analytics.method_text import METHOD_TEMPLATES, method_phrases
from maillage.graph.revision_text import (
    ACTOR_EDITED,
    IMPORTED,
    REVISION_TEMPLATES,
    TIE_ENDED,
    describe,
    recognise_revision,
    undo_description,
)
from maillage.reports.i18n import translator

FR = translator("fr")

EXAMPLES = {
    IMPORTED: {
        "files": "a.csv, b b.xlsx",
        "actors_added": 3,
        "actors_updated": 0,
        "ties_added": 1200,
        "ties_updated": 2,
    },
    ACTOR_EDITED: {"actor": "a1", "fields": "name, sector"},
    "actor {actor} added to {territory}": {"actor": "atelier-velo", "territory": "Saint-Dié"},
    "tie {source}–{target} ({kind}) recorded": {"source": "a1", "target": "b 2", "kind": "event"},
    TIE_ENDED: {"source": "a1", "target": "b2", "kind": "partnership", "until": date(2026, 12, 2)},
    "participation of {actor} in {activity} recorded": {"actor": "n1", "activity": "forum-2026"},
    "undo of revision {revisions}": {"revisions": "7"},
    "undo of revisions {revisions}": {"revisions": "7, 8, 12"},
    "partnership of introduction {introduction}": {"introduction": "i-3f2a"},
}


@pytest.mark.parametrize("template", REVISION_TEMPLATES)
def test_every_template_is_recognised_back_and_has_a_french_message(template):
    fields = EXAMPLES[template]
    found = recognise_revision(describe(template, **fields))
    assert found == (template, {key: str(value) for key, value in fields.items()})
    assert FR.gettext(template) != template


def test_descriptions_read_in_french_with_the_locales_digits():
    text = describe(IMPORTED, **EXAMPLES[IMPORTED])
    assert text == ("import a.csv, b b.xlsx: actors 3 added, 0 updated; ties 1200 added, 2 updated")
    assert description_in(text, FR) == (
        "import a.csv, b b.xlsx\u202f: acteurs 3 ajoutés, 0 mis à jour\u202f; "
        "liens 1\u202f200 ajoutés, 2 mis à jour"
    )
    assert undo_description([4]) == "undo of revision 4"
    assert description_in(undo_description([4, 5]), FR) == "annulation des modifications 4, 5"
    assert description_in("typed by hand", FR) == "typed by hand"


def test_the_history_of_a_real_sqlite_store_reads_in_french(maillage, small_dataset):
    imported = next(r for r in maillage.history() if r.action == "import")
    template, fields = recognise_revision(imported.description)
    assert template == IMPORTED
    assert fields["actors_added"] == str(len(small_dataset.actors))
    row = revision_rows([imported], FR)[0]
    assert (
        f": acteurs {len(small_dataset.actors)} ajoutés, 0 mis à jour\u202f; liens " in row["what"]
    )
    assert row["what"].startswith("import ")


def test_method_phrases_are_recognised_and_have_french_messages():
    untranslated = [t for t in METHOD_TEMPLATES if FR.gettext(t) == t]
    assert untranslated == []  # "local" too: the engine said in French words
    assert method_phrases("estimated from 40 sampled pivots; something new") == [
        ("estimated from {pivots} sampled pivots", {"pivots": "40"}),
        None,
    ]


def test_an_edit_names_its_fields_in_the_readers_words(maillage):
    revision = maillage.edit_actor("n1", {"name": "Atelier Nord-Est", "city": "Rezé"})
    assert revision.description == "edit of actor n1 (name, city)"
    assert description_in(revision.description, FR) == "modification de l'acteur n1 (nom, ville)"
    assert description_in(revision.description, translator("en")) == revision.description
    assert revision_rows([revision], FR)[0]["what"] == "modification de l'acteur n1 (nom, ville)"
