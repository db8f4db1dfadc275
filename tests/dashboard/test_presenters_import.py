"""The Import page's presenters and ``Maillage``'s web import, on a real SQLite store.

The store holds ``small_dataset`` (Nantes, Rennes); each upload is sent as a
browser sends it (``data:...;base64,...``).
"""

from __future__ import annotations

import base64
import hashlib
import tempfile
from pathlib import Path
from typing import Any

import pytest
from dashboard_support import text_of

from maillage.dashboard import ids
from maillage.dashboard.presenters import import_page as page
from maillage.dashboard.sources import NotAllowed, Sources
from maillage.graph.errors import ValidationError
from maillage.imports import UploadRefused, decode_upload
from maillage.reports.i18n import translator

PARTNERS = (
    "Code;Nom;Statut;Département\n"
    "V1;Scierie;Entreprise;Vosges\n"
    "V2;Amis du Donon;Collectif;Vosges\n"
    "V3;;Entreprise;Vosges\n"
)
MAPPING = [None] * len(page.FIELD_LABELS)


def sent(text: str) -> str:
    return "data:text/csv;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")


def writers(maillage: Any, language: str = "en") -> Sources:
    return Sources(
        maillage, may_write=lambda: True, user=lambda: "marie", language=lambda: language
    )


def viewers(maillage: Any) -> Sources:
    return Sources(maillage, lambda: False, may_write=lambda: False, user=lambda: "paul")


def mapping_of(sources: Sources, contents: str) -> str:
    _, style, needs, _options, columns, alert = page.upload_view(sources, contents, "p.csv")
    assert (style, needs, alert) == ({}, True, None)
    (rows, _alert) = page.sectors_view(sources, contents, "p.csv", columns[2])
    assert rows == [
        {"value": "Entreprise", "sector": "business"},
        {"value": "Collectif", "sector": None},
    ]
    rows[1]["sector"] = "association"
    text, shown, territory_field = page.mapping_view(sources, needs, columns, rows)
    assert (
        text == shown and territory_field == page.HIDDEN
    )  # a column holds the territory and '"Collectif" = "association"' in text
    return text


def test_the_upload_is_mapped_previewed_and_imported_with_its_bad_row_set_aside(maillage):
    sources = writers(maillage)
    contents = sent(PARTNERS)
    mapping = mapping_of(sources, contents)

    problems, plan, merge_box, alert = page.preview_view(
        sources, contents, "p.csv", mapping, False, ""
    )
    assert alert is None and merge_box == page.HIDDEN  # no id collision: nothing to merge
    assert problems == [
        {
            "file": "p.csv",
            "line": 4,
            "column": "Nom",
            "problem": "missing value",
        }
    ]
    assert "Vosges" in str(plan) and maillage.territory_names() == ["Nantes", "Rennes"]

    result, rejects, style, territories, alert = page.import_view(
        sources, ids.IMPORT_RUN_SET_ASIDE, contents, "p.csv", mapping, False, ""
    )
    assert alert is None and style == {}
    assert "revision" in str(result)
    assert rejects.splitlines() == [
        "file,line,column,problem,Code,Nom,Statut,Département",
        "p.csv,4,Nom,missing value,V3,,Entreprise,Vosges",
    ]
    assert territories == ["Nantes", "Rennes", "Vosges"]
    assert sorted(a.id for a in maillage.network("Vosges").actors) == ["V1", "V2"]
    revision = maillage.history()[-1]
    assert (revision.user, [f.name for f in revision.files]) == ("marie", ["p.csv"])
    assert page.rejects_download(rejects, "p.csv")["filename"] == "p-rejects.csv"

    maillage.undo(revision.id, user="marie")
    assert maillage.territory_names() == ["Nantes", "Rennes"]


def test_import_without_setting_aside_refuses_a_file_with_a_bad_row(maillage):
    sources = writers(maillage)
    contents = sent(PARTNERS)
    mapping = mapping_of(sources, contents)
    result, rejects, style, _territories, alert = page.import_view(
        sources, ids.IMPORT_RUN, contents, "p.csv", mapping, False, ""
    )
    assert "1 problem found: nothing was imported" in str(result)
    assert (rejects, style, alert) == (None, page.HIDDEN, None)
    assert maillage.territory_names() == ["Nantes", "Rennes"]


def test_an_id_collision_shows_the_ways_on_and_an_id_prefix_takes_one(maillage):
    sources = writers(maillage)
    taken = "id,name,sector,territory\nn1,Quelqu'un d'autre,public,Vosges\n"
    problems, panel, merge_box, _alert = page.preview_view(
        sources, sent(taken), "a.csv", None, False, ""
    )
    assert problems == [] and "already names another actor" in str(panel)
    assert merge_box == {}  # the "same actors" box is one of the ways on
    assert "id prefix" in str(panel)
    _, panel, merge_box, _alert = page.preview_view(
        sources, sent(taken), "a.csv", None, False, "v-"
    )
    assert merge_box == page.HIDDEN
    assert "Vosges" in str(panel)


def test_a_french_collision_and_refusal_are_told_in_french(maillage):
    from maillage.dashboard.presenters.guard import error_alert
    from maillage.graph.errors import MaillageError
    from maillage.reports.i18n import translator

    sources = writers(maillage, "fr")
    taken = "id,name,sector,territory\nn1,Quelqu'un d'autre,public,Vosges\n"
    _problems, panel, _box, _alert = page.preview_view(
        sources, sent(taken), "a.csv", None, False, ""
    )
    assert "identifiant 'n1'\u202f: en base 'Atelier Nord' (Nantes), dans le fichier " in text_of(
        panel
    )
    assert "'Quelqu'un d'autre' (Vosges)" in str(panel)
    refused = error_alert(MaillageError("unknown actor 'x9'"), translator("fr"))
    assert refused.children[1].children == "acteur inconnu 'x9'"


def test_a_canonical_file_needs_no_mapping(maillage):
    contents = sent("id,name,sector,territory\nx1,X,public,Vosges\n")
    _, style, needs, _options, _columns, alert = page.upload_view(
        writers(maillage), contents, "actors.csv"
    )
    assert (style, needs, alert) == (page.HIDDEN, False, None)
    assert page.mapping_view(writers(maillage), needs, MAPPING, []) == (None, "", {})


def test_a_viewer_is_refused_by_every_view_whatever_the_browser_sends(maillage):
    sources, contents = viewers(maillage), sent(PARTNERS)
    assert "may read this network but not change it" in str(
        page.upload_view(sources, contents, "p.csv")[-1]
    )
    assert "not change it" in str(page.preview_view(sources, contents, "p.csv", None, 0, "")[-1])
    result = page.import_view(sources, ids.IMPORT_RUN_SET_ASIDE, contents, "p.csv", None, 0, "")
    assert "not change it" in str(result[-1]) and result[1] is None
    with pytest.raises(NotAllowed):
        viewers(maillage).writer()
    assert maillage.territory_names() == ["Nantes", "Rennes"]


def test_uploads_are_bounded_and_named_without_their_folder():
    with pytest.raises(UploadRefused, match="over the limit of 10 bytes"):
        decode_upload(sent("id,name\n" * 5), "a.csv", 10)
    with pytest.raises(UploadRefused, match="cannot be imported"):
        decode_upload(sent("x"), "notes.docx", 100)
    with pytest.raises(UploadRefused, match="not received whole"):
        decode_upload("data:text/csv;base64,@@@", "a.csv", 100)
    assert decode_upload(sent("id"), "C:\\Users\\x\\..\\b.csv", 100).name == "b.csv"


def test_no_uploaded_file_is_left_behind(maillage):
    before = set(Path(tempfile.gettempdir()).glob("maillage-upload-*"))
    page.preview_view(writers(maillage), sent(PARTNERS), "p.csv", None, False, "")
    assert set(Path(tempfile.gettempdir()).glob("maillage-upload-*")) == before


def test_bad_rows_of_a_canonical_file_are_named_by_the_upload(maillage):
    upload = maillage.decode_upload(sent("id,name,sector,territory\nx,X,planet,T\n"), "a.csv")
    with pytest.raises(ValidationError) as error:
        maillage.import_upload(upload, dry_run=False)
    assert [(p.file, p.line, p.column) for p in error.value.problems] == [("a.csv", 2, "sector")]


def test_a_french_facilitator_reads_the_page_in_french(maillage):
    sources = writers(maillage, "fr")
    assert page.limit_text(sources) == "CSV, XLSX, GEXF ou GraphML, jusqu'à 720\u00a0ko."
    contents = sent(PARTNERS)
    mapping = mapping_of(sources, contents)
    problems, plan, _box, _alert = page.preview_view(sources, contents, "p.csv", mapping, False, "")
    assert "Ce que l'import changerait" in str(plan) and "Ajoutés" in str(plan)
    assert "1 ligne a un problème" in str(plan)
    row = {"file": "p.csv", "line": 4, "column": "Nom", "problem": "valeur manquante"}
    assert problems == [row]


def test_a_french_preview_tells_each_bad_row_in_french_with_its_line_and_column(maillage):
    sources = writers(maillage, "fr")
    contents = sent(
        "id,name,sector,territory\n"
        "a1,Alpha,business,Vosges\n"
        "a2,Beta,guild,Vosges\n"
        "a1,Gamma,public,Vosges\n"
    )
    problems, _plan, _box, alert = page.preview_view(sources, contents, "b.csv", None, False, "")
    assert alert is None
    assert problems == [
        {
            "file": "b.csv",
            "line": 3,
            "column": "sector",
            "problem": "secteur inconnu 'guild' (attendu\u202f: l'un de business, "
            "association, public, "
            "academic, media, citizen, funder, other, ou un alias)",
        },
        {
            "file": "b.csv",
            "line": 4,
            "column": "id",
            "problem": "identifiant 'a1' en double, au contenu différent "
            "(première occurrence\u202f: ligne 2)",
        },
    ]
    english, *_ = page.preview_view(writers(maillage), contents, "b.csv", None, False, "")
    assert english[1]["problem"] == "duplicate id 'a1' with different content (first at line 2)"


@pytest.mark.parametrize("fmt", ["xlsx", "graphml", "gexf"])
def test_workbooks_and_graph_files_are_imported_too(maillage, tmp_path, fmt):
    from maillage.loaders import write

    network = maillage.network("Nantes")
    (path,) = write(network, fmt, tmp_path / f"nantes.{fmt}")
    contents = "data:application/octet-stream;base64," + base64.b64encode(path.read_bytes()).decode(
        "ascii"
    )
    sources = writers(maillage)
    _, style, needs, _options, _columns, alert = page.upload_view(sources, contents, path.name)
    assert (style, needs, alert) == (page.HIDDEN, False, None)
    problems, plan, _box, alert = page.preview_view(sources, contents, path.name, None, True, "")
    assert (problems, alert) == ([], None)
    assert "Added" in str(plan)


CANONICAL = "id,name,sector,territory\nx1,X,public,Vosges\nx2,,public,Vosges\n"


def test_an_upload_named_like_the_import_s_own_files_is_still_itself(maillage):
    contents = sent(CANONICAL)
    sources = writers(maillage)
    for name in ("rejects.csv", "mapping.csv"):
        problems, _plan, _box, alert = page.preview_view(sources, contents, name, None, False, "")
        assert alert is None and [row["file"] for row in problems] == [name]
    page.import_view(sources, ids.IMPORT_RUN_SET_ASIDE, contents, "rejects.csv", None, 0, "")
    revision = maillage.history()[-1]
    assert [f.name for f in revision.files] == ["rejects.csv"]
    assert revision.files[0].sha256 == hashlib.sha256(CANONICAL.encode()).hexdigest()


def test_a_saved_mapping_file_fills_the_builder_again(maillage):
    sources = writers(maillage)
    contents = sent(PARTNERS)
    saved = mapping_of(sources, contents)
    columns, sectors, territory, alert = page.saved_mapping_view(sources, sent(saved))
    assert alert is None and territory is None
    assert columns == ["Code", "Nom", "Statut", "Département", *[None] * 6]
    assert sectors == {"entreprise": "business", "collectif": "association"}
    (rows, _alert) = page.sectors_view(sources, contents, "p.csv", "Statut", sectors)
    assert rows == [
        {"value": "Entreprise", "sector": "business"},
        {"value": "Collectif", "sector": "association"},
    ]
    *_, alert = page.saved_mapping_view(sources, sent('sectors = "x"\n'))
    assert "mapping.toml: sectors: must be a table" in str(alert)


def test_an_upload_s_problems_keep_their_place_and_read_in_french(maillage):
    contents = sent("Code;Nom\nV1;" + "x" * 40_000 + "\n")
    *_, alert = page.upload_view(writers(maillage, "fr"), contents, "p.csv")
    assert alert.children[1].children == (
        "p.csv:2: Nom: une valeur de 40\u202f000 caractères dépasse la limite de 32\u202f767 "
        "(relevez-la avec MAILLAGE_MAX_CELL_CHARS=...)"
    )
    *_, alert = page.upload_view(writers(maillage), contents, "p.csv")
    assert alert.children[1].children == (
        "p.csv:2: Nom: a value in characters of 40,000 is over the limit of 32,767 "
        "(raise it with MAILLAGE_MAX_CELL_CHARS=...)"
    )


def test_the_plan_s_warnings_read_in_french_and_stay_english_in_english(maillage):
    contents = sent("source,target,kind,colour\nn1,n3,partnership,red\n")
    _problems, french, _box, _alert = page.preview_view(
        writers(maillage, "fr"), contents, "t.csv", None, False, ""
    )
    assert "t.csv\u202f: colonnes ignorées\u202f: colour" in text_of(french)
    _problems, english, _box, _alert = page.preview_view(
        writers(maillage), contents, "t.csv", None, False, ""
    )
    assert "t.csv: ignored columns: colour" in str(english)


def test_the_plan_s_examples_read_in_french_and_stay_english_in_english(maillage):
    contents = sent(
        "id,name,sector,territory,lat,lon,joined\n"
        "n1,Atelier Sud,public,Nantes,47.5,-1.5536,2019-02-01\n"
    )
    _problems, french, _box, _alert = page.preview_view(
        writers(maillage, "fr"), contents, "a.csv", None, False, ""
    )
    assert "Par exemple\u202f:" in text_of(french)
    assert (
        "n1 'Atelier Sud'\u202f: nom Atelier Nord -> Atelier Sud\u202f; "
        "secteur Entreprise -> Public\u202f; "
        "latitude 47,2184 -> 47,5\u202f; arrivée 1 janv. 2019 -> 1 févr. 2019"
    ) in text_of(french)
    assert "1 acteur change de latitude" in str(french)
    _problems, english, _box, _alert = page.preview_view(
        writers(maillage), contents, "a.csv", None, False, ""
    )
    assert (
        "n1 'Atelier Sud': name Atelier Nord -> Atelier Sud; sector business -> public; "
        "lat 47.2184 -> 47.5; joined 2019-01-01 -> 2019-02-01"
    ) in str(english)


def test_a_french_facilitator_s_rejects_file_is_french_excel_s_with_french_problems(maillage):
    sources = writers(maillage, "fr")
    contents = sent(PARTNERS + "V4;Donon;Entreprise;Vosges\nV4;=Donon;Entreprise;Vosges\n")
    mapping = mapping_of(sources, contents)
    _result, rejects, style, _names, alert = page.import_view(
        sources, ids.IMPORT_RUN_SET_ASIDE, contents, "p.csv", mapping, False, ""
    )
    assert alert is None and style == {}
    assert rejects.startswith("\ufeff")
    assert rejects[1:].split("\r\n") == [
        "file;line;column;problem;Code;Nom;Statut;Département",
        "p.csv;4;Nom;valeur manquante;V3;;Entreprise;Vosges",
        "p.csv;6;Code;identifiant 'V4' en double, au contenu différent (première occurrence\u202f: "
        "ligne 5);V4;'=Donon;Entreprise;Vosges",
        "",
    ]
    download = page.rejects_download(rejects, "p.csv")
    assert (download["filename"], download["content"]) == ("p-rejects.csv", rejects)


VILLES = (
    "Nom;Secteur;Ville;Site\n"
    "Café Solidaire;Association;Sélestat;cafe.fr\n"
    "Mairie de Ribeauvillé;Collectivité;Ribeauvillé;\n"
)


def test_a_file_without_id_and_territory_columns_has_a_way_on(maillage):
    sources = writers(maillage, "fr")
    contents = sent(VILLES)
    _, _style, needs, _options, columns, _alert = page.upload_view(sources, contents, "v.csv")
    chosen = dict(zip(page.FIELD_LABELS, columns, strict=True))
    assert {k: v for k, v in chosen.items() if v} == {
        "name": "Nom",
        "sector": "Secteur",
        "city": "Ville",
    }
    rows = [{"value": "Association", "sector": "association"}]
    rows.append({"value": "Collectivité", "sector": "public"})
    # Without a territory: the problem names the builder's field, in French.
    text, _shown, territory_field = page.mapping_view(sources, needs, columns, rows, "")
    assert territory_field == {}  # the "territory of every row" field is shown
    problems, _plan, _box, _alert = page.preview_view(sources, contents, "v.csv", text, 0, "")
    missing = "une colonne obligatoire est absente"
    assert problems == [{"file": "v.csv", "line": 1, "column": "Territoire", "problem": missing}]

    text, _shown, _field = page.mapping_view(sources, needs, columns, rows, "Centre-Alsace")
    assert 'default_territory = "Centre-Alsace"' in text and 'id = "Nom"' in text
    problems, plan, _box, _alert = page.preview_view(sources, contents, "v.csv", text, 0, "")
    assert problems == [] and "Centre-Alsace" in str(plan)
    assert "v.csv\u202f: colonnes ignorées\u202f: Site" in text_of(plan)  # not dropped silently
    page.import_view(sources, ids.IMPORT_RUN, contents, "v.csv", text, False, "")
    actors = {a.id: a for a in maillage.network("Centre-Alsace").actors}
    assert sorted(actors) == ["Café Solidaire", "Mairie de Ribeauvillé"]
    assert actors["Café Solidaire"].city == "Sélestat"

    columns, _sectors, territory, alert = page.saved_mapping_view(sources, sent(text))
    assert (territory, alert) == ("Centre-Alsace", None)
    assert dict(zip(page.FIELD_LABELS, columns, strict=True))["id"] == "Nom"


def test_each_french_reject_keeps_its_own_problems_whatever_the_english_file_s_order():
    from maillage.graph.model import Dataset
    from maillage.imports import ImportSummary, UploadOutcome
    from maillage.loaders.rejects import RejectedRow, rejects_header

    rows = (
        RejectedRow("p.csv", 3, ("Nom",), ("missing value",), ("V2", "", "Vosges")),
        RejectedRow(
            "p.csv",
            5,
            ("Code", "Nom"),
            ("duplicate id 'V4' with different content (first at line 4)", "missing value"),
            ("V4", "", "Vosges"),
        ),
        RejectedRow("p.csv", 7, ("Code",), ("missing value",), ("", "=Donon", "Vosges")),
    )
    header = rejects_header(rows, {"p.csv": ["Code", "Nom", "Territoire"]})
    summary = ImportSummary(
        Dataset(), None, (), len(rows), "rejects.csv", rejected_rows=rows, rejects_header=header
    )
    english = "file,line,column,problem,Code,Nom,Territoire\r\n" + "".join(  # another order
        f"p.csv,{r.line},x,{'; '.join(r.problems)},{','.join(r.cells)}\r\n" for r in rows[::-1]
    )
    french = page.rejects_in(UploadOutcome(summary, english), translator("fr"))
    assert french[1:].split("\r\n") == [
        "file;line;column;problem;Code;Nom;Territoire",
        "p.csv;3;Nom;valeur manquante;V2;;Vosges",
        'p.csv;5;"Code; Nom";"identifiant \'V4\' en double, au contenu différent (première '
        'occurrence\u202f: ligne 4)\u202f; valeur manquante";V4;;Vosges',
        "p.csv;7;Code;valeur manquante;;'=Donon;Vosges",
        "",
    ]
    assert page.rejects_in(UploadOutcome(summary, english), translator("en")) == english
