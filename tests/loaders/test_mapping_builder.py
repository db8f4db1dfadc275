"""The mapping builder's guesses, and the TOML it writes read back by the loader unchanged."""

from __future__ import annotations

from maillage.graph.model import Sector
from maillage.loaders import load
from maillage.loaders.limits import FileLimits
from maillage.loaders.mapping import Role, read_mapping
from maillage.loaders.mapping_builder import (
    guess_columns,
    guess_sectors,
    mapping_toml,
    table_columns,
)
from maillage.loaders.validate import ProblemLog

HEADER = ["Code", "Nom de la structure", "Statut juridique", "Département", "Projet", "Date"]


def test_columns_are_guessed_from_french_and_english_headers():
    nothing = {"kind": None, "city": None, "lat": None, "lon": None}
    assert guess_columns(HEADER) == {
        "id": "Code",
        "name": "Nom de la structure",
        "sector": "Statut juridique",
        "territory": "Département",
        **nothing,
        "activity": "Projet",
        "date": "Date",
    }
    assert guess_columns(["Organisation", "Type", "Region"]) == {
        "id": None,
        "name": "Organisation",
        "sector": "Type",
        "territory": "Region",
        **nothing,
        "activity": None,
        "date": None,
    }
    assert guess_columns(["Nom", "Ville", "Relation", "Latitude", "Long."]) == {
        "id": None,
        "name": "Nom",
        "sector": None,
        "territory": None,
        "kind": None,
        "city": "Ville",
        "lat": "Latitude",  # not "Relation", which only contains "lat"
        "lon": "Long.",
        "activity": None,
        "date": None,
    }


def test_sectors_are_guessed_from_the_aliases_and_unknown_ones_are_left_to_the_user():
    assert guess_sectors(["Entreprise", "asso", "Collectif", "public"]) == {
        "Entreprise": "business",
        "asso": "association",
        "Collectif": None,
        "public": "public",
    }


def test_the_written_mapping_is_read_back_to_the_same_mapping(tmp_path):
    fields = ["id", "name", "sector", "territory", "activity", "date"]  # and no kind, city…
    columns = dict(zip(fields, HEADER, strict=True))
    sectors = {'Coll. "libre"\\': "association", "Entreprise": "business", "public": "public"}
    sectors["Ukjent"] = None
    text = mapping_toml(columns, sectors)
    path = tmp_path / "mapping.toml"
    path.write_text(text, encoding="utf-8")
    log = ProblemLog()
    mapping = read_mapping(path, log)
    assert log.problems == []
    spec = mapping.default
    assert spec.role == Role.TWO_MODE
    assert dict(spec.columns) == columns
    assert dict(spec.sectors) == {
        'coll. "libre"\\': Sector.ASSOCIATION,
        "entreprise": Sector.BUSINESS,
    }
    assert spec.kinds == {}


def test_without_an_activity_the_file_holds_actors_and_it_loads(tmp_path):
    data = tmp_path / "partenaires.csv"
    data.write_text("Code;Nom;Statut;Dept\nA1;Alpha;Collectif;Vosges\n", encoding="utf-8")
    header = table_columns(data, "partenaires.csv", FileLimits())
    assert header.header == ("Code", "Nom", "Statut", "Dept")
    assert header.values["Statut"] == ("Collectif",)
    assert not header.is_canonical()
    chosen = {"id": "Code", "name": "Nom", "sector": "Statut", "territory": "Dept"}
    mapping = tmp_path / "m.toml"
    mapping.write_text(mapping_toml(chosen, {"Collectif": "association"}), encoding="utf-8")
    (actor,) = load([data], mapping=mapping).dataset.actors
    assert (actor.id, actor.name, actor.sector, actor.territories) == (
        "A1",
        "Alpha",
        Sector.ASSOCIATION,
        ("Vosges",),
    )


def test_a_canonical_header_needs_no_mapping(tmp_path):
    data = tmp_path / "actors.csv"
    data.write_text("id,name,sector,territory\na,A,public,T\n", encoding="utf-8")
    assert table_columns(data, "actors.csv", FileLimits()).is_canonical()


def test_a_file_without_id_and_territory_columns_loads_with_the_name_as_id(tmp_path):
    data = tmp_path / "partenaires.csv"
    data.write_text(
        "Nom;Secteur;Ville\nCafé Solidaire;Association;Sélestat\n"
        "Mairie de Ribeauvillé;Collectivité;Ribeauvillé\n",
        encoding="utf-8",
    )
    chosen = {"id": None, "name": "Nom", "sector": "Secteur", "territory": None, "city": "Ville"}
    text = mapping_toml(chosen, {"Collectivité": "public"}, default_territory=" Centre-Alsace ")
    mapping = tmp_path / "m.toml"
    mapping.write_text(text, encoding="utf-8")
    log = ProblemLog()
    spec = read_mapping(mapping, log).default
    assert log.problems == []
    assert (spec.default_territory, spec.ids_ignore_case) == ("Centre-Alsace", True)
    assert dict(spec.columns) == {"id": "Nom", "name": "Nom", "sector": "Secteur", "city": "Ville"}
    loaded = load([data], mapping=mapping)
    assert loaded.warnings == []
    assert [(a.id, a.name, a.sector, a.territories, a.city) for a in loaded.dataset.actors] == [
        ("Café Solidaire", "Café Solidaire", Sector.ASSOCIATION, ("Centre-Alsace",), "Sélestat"),
        (
            "Mairie de Ribeauvillé",
            "Mairie de Ribeauvillé",
            Sector.PUBLIC,
            ("Centre-Alsace",),
            "Ribeauvillé",
        ),
    ]


def test_a_column_the_mapping_does_not_name_is_a_warning_not_a_silent_loss(tmp_path):
    data = tmp_path / "partenaires.csv"
    data.write_text("Code;Nom;Statut;Dept;Ville;Site\nA1;Alpha;public;Vosges;Épinal;a.fr\n")
    chosen = {"id": "Code", "name": "Nom", "sector": "Statut", "territory": "Dept"}
    mapping = tmp_path / "m.toml"
    mapping.write_text(mapping_toml(chosen), encoding="utf-8")
    assert load([data], mapping=mapping).warnings == [f"{data}: ignored columns: Ville, Site"]
