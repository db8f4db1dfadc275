"""The problems of an import read in French: every template, and real loaders' problems."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from maillage.graph import names
from maillage.graph.actor_edits import new_actor, new_tie
from maillage.graph.analytics import ego_network, introduction_path
from maillage.graph.errors import InvalidEdit, MaillageError, Problem, ValidationError
from maillage.graph.introductions import InvalidMove, Status, check_move, parse_status
from maillage.graph.problem_text import PROBLEM_TEMPLATES, recognise_problem, render
from maillage.graph.warning_text import WARNING_TEMPLATES, recognise_warning
from maillage.loaders import load
from maillage.reports.i18n import translator
from maillage.reports.problems import located_in, problem_in, warning_in

FR = translator("fr")
EN = translator("en")


def _example(template: str) -> dict[str, str]:
    names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
    return {
        name: (
            "'x1'"
            if name == "actor"
            else "7"
            if name in ("count", "width", "line")
            else f"<{name}>"
        )
        for name in names
    }


@pytest.mark.parametrize("template", PROBLEM_TEMPLATES)
def test_every_template_is_recognised_back_and_has_a_french_message(template):
    fields = _example(template)
    assert recognise_problem(render(template, **fields)) == (template, fields)
    assert msgfmt_safe(FR.gettext(template))
    assert FR.gettext(template) != template
    assert set(_example(FR.gettext(template))) == set(fields)


def test_a_bad_ties_file_s_problems_read_in_french_at_their_line_and_column(tmp_path):
    actors = tmp_path / "actors.csv"
    actors.write_text("id,name,sector,territory\na1,Alpha,business,T\na2,Beta,public,T\n")
    ties = tmp_path / "ties.csv"
    ties.write_text(
        "source,target,kind,weight,since,until\n"
        "a1,a1,partnership,1,,\n"
        "a1,a2,partnership,-2,2020-13-01,\n"
        "a1,a9,friendship,1,2021-01-01,2020-01-01\n"
    )
    with pytest.raises(ValidationError) as error:
        load([actors, ties])
    told = [
        (Path(p.file).name, p.line, p.column, problem_in(p.message, FR))
        for p in error.value.problems
    ]
    assert told == [
        (
            "ties.csv",
            2,
            "target",
            "lien vers soi-même\u202f: la source et la cible sont toutes deux 'a1'",
        ),
        ("ties.csv", 3, "weight", "le poids doit être un nombre > 0, et non '-2'"),
        ("ties.csv", 3, "since", "date invalide '2020-13-01' (attendu\u202f: YYYY-MM-DD)"),
        (
            "ties.csv",
            4,
            "kind",
            "type de lien inconnu 'friendship' (attendu\u202f: l'un de "
            + told[3][3].split("l'un de ", 1)[1],
        ),
        ("ties.csv", 4, "until", "la fin 2020-01-01 précède le début 2021-01-01"),
    ]
    assert all(recognise_problem(p.message) for p in error.value.problems)


def msgfmt_safe(text: str) -> bool:
    """A French message renders with its fields (no stray brace)."""
    return bool(text.format(**_example(text)))


def _refusal(call, *args, **kwargs) -> str:
    with pytest.raises(MaillageError) as refused:
        call(*args, **kwargs)
    return problem_in(str(refused.value), FR)


def test_refusals_of_edits_and_introductions_read_in_french():
    assert _refusal(new_tie, "a1", "a1", "partnership") == (
        "un acteur ne peut pas être lié à lui-même"
    )
    assert _refusal(new_tie, "a1", "b2", "friendship").startswith(
        "type de lien inconnu 'friendship'\u202f: l'un de partnership, "
    )
    taken = _refusal(new_actor, "Nantes", "Atelier", "business", actor_id="a1", taken={"a1"})
    assert taken == "l'identifiant 'a1' désigne déjà un autre acteur\u202f: choisissez-en un autre"
    assert _refusal(check_move, Status.MET, Status.MADE) == (
        "une mise en relation ne peut pas revenir de « rencontre » à « faite »"
    )
    assert _refusal(parse_status, "lost").startswith(
        "statut inconnu 'lost' (attendu\u202f: l'un de "
    )
    with pytest.raises(InvalidMove):
        parse_status("lost")
    with pytest.raises(InvalidEdit):
        new_tie("", "b2", None)


def test_an_upload_problem_keeps_its_place_and_reads_its_message_in_french():
    problem = Problem(
        "p.csv",
        4,
        "Nom",
        "a value in characters of 40,000 is over the limit of "
        "32,767 (raise it with MAILLAGE_MAX_CELL_CHARS=...)",
    )
    assert located_in(problem, FR) == (
        "p.csv:4: Nom: une valeur de 40\u202f000 caractères dépasse la limite de 32\u202f767 "
        "(relevez-la avec MAILLAGE_MAX_CELL_CHARS=...)"
    )
    assert located_in(problem, translator("en")) == str(problem)


def _problems_in_french(paths, **options) -> list[tuple[str, int | None, str | None, str]]:
    with pytest.raises(ValidationError) as error:
        load(paths, **options)
    return [
        (Path(p.file).name, p.line, p.column, problem_in(p.message, FR))
        for p in error.value.problems
    ]


def test_a_bad_mapping_file_s_problems_read_in_french(tmp_path):
    actors = tmp_path / "actors.csv"
    actors.write_text("id,name,sector,territory\na1,Alpha,business,T\n")
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('delimiter = ";;"\nconflict = "last"\nwhatever = 1\n[sectors]\nx = 3\n')
    told = sorted(_problems_in_french([actors], mapping=mapping), key=lambda p: p[2])
    assert [(column, text) for _, _, column, text in told] == [
        ("conflict", "règle inconnue 'last' (attendu\u202f: error, first, most_common)"),
        ("delimiter", "un séparateur est un seul caractère, et non ';;'"),
        ("sectors.x", 'doit être un nom de secteur (ou "" pour une cellule vide)'),
        (
            "whatever",
            "clé inconnue (attendu\u202f: l'une de " + told[3][3].split("l'une de ", 1)[1],
        ),
    ]


def test_an_extract_a_graph_file_and_an_unreadable_file_read_in_french(tmp_path):
    actors = tmp_path / "actors.csv"
    actors.write_text("id,name,sector,territory\nA-1,Alpha,business,T\nb2,Beta,public,T\n")
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('[extract]\nid = "^A-(\\\\d+)$"\n')
    told = _problems_in_french([actors], mapping=mapping)
    assert told == [
        (
            "actors.csv",
            3,
            "id",
            "'b2' ne correspond pas à l'extraction « ^A-(\\d+)$ » du fichier de correspondance",
        )
    ]
    broken = tmp_path / "network.gexf"
    broken.write_text("<gexf><graph><node id='1'></graph></gexf>")
    assert _problems_in_french([broken]) == [
        ("network.gexf", 1, None, "XML mal formé\u202f: mismatched tag")
    ]
    workbook = tmp_path / "book.xlsx"
    workbook.write_bytes(b"not a zip")
    (told,) = _problems_in_french([workbook])
    assert told[3].startswith("lecture impossible comme classeur Excel")


@pytest.mark.parametrize("forms", WARNING_TEMPLATES)
def test_every_warning_is_recognised_back_and_has_a_french_message(forms):
    for count, template in enumerate((forms,) if isinstance(forms, str) else forms, start=1):
        fields = _example(template)
        fields.update(
            {k: v for k, v in (("count", str(count)), ("lines", "3, 4, …")) if k in fields}
        )
        english = render(template, **fields)
        assert recognise_warning(english) == (forms, fields)
        assert warning_in(english, EN) == english
        french = FR.gettext(template) if isinstance(forms, str) else FR.ngettext(*forms, count)
        assert french != template and msgfmt_safe(french)
        assert set(_example(french)) == set(fields)


def test_a_graph_file_s_warnings_read_in_french_with_their_counts(tmp_path):
    graph = tmp_path / "g.graphml"
    graph.write_text(
        '<graphml><key id="c" for="edge" attr.name="strength"/><graph edgedefault="undirected">'
        '<node id="a"/><node id="b"/>'
        '<edge source="a" target="b"><data key="c">red</data></edge>'
        '<edge source="a" target="b"/><edge source="a" target="b"/>'
        '<edge source="a" target="a"/></graph></graphml>'
    )
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('default_sector = "other"\ndefault_territory = "T"\n')
    warnings = load([graph], mapping=mapping).warnings
    assert [warning_in(w, FR) for w in warnings] == [
        f"{graph}\u202f: attributs d'arêtes ignorés\u202f: strength",
        f"{graph}\u202f: 2 arêtes parallèles additionnées au poids du lien entre les deux mêmes "
        "nœuds (comme le fait Gephi)",
        f"{graph}\u202f: 1 boucle écartée (une arête d'un nœud vers lui-même\u202f; ligne 1)",
    ]
    assert (
        [warning_in(w, EN) for w in warnings]
        == warnings
        == [
            f"{graph}: ignored edge attributes: strength",
            f"{graph}: 2 parallel edges summed into the weight of the tie between the same two "
            "nodes (as Gephi does)",
            f"{graph}: 1 self-loop dropped (an edge from a node to itself; line 1)",
        ]
    )


def test_a_name_not_found_reads_in_french_with_its_suggestions():
    with pytest.raises(names.UnknownName) as territory:
        names.resolve_territory("Alsase", ["Alsace", "Alsace-Moselle", "Lille"])
    assert str(territory.value) == (
        "no territory named 'Alsase'; did you mean 'Alsace' or 'Alsace-Moselle'?"
    )
    assert problem_in(str(territory.value), FR) == (
        "aucun territoire nommé 'Alsase'\u202f; vouliez-vous dire 'Alsace' ou "
        "'Alsace-Moselle'\u202f?"
    )
    pairs = [("a1", "Les Jardins"), ("a2", "Les jardins or Bois"), ("a3", "Lesjardin")]
    with pytest.raises(names.UnknownName) as actor:
        names.resolve_actor("les jardin", pairs, where="Alsace")
    assert str(actor.value) == (
        "no actor 'les jardin' in Alsace; did you mean 'a1' (Les Jardins), "
        "'a2' (Les jardins or Bois) or 'a3' (Lesjardin)?"
    )
    assert problem_in(str(actor.value), FR) == (
        "aucun acteur 'les jardin' dans Alsace\u202f; vouliez-vous dire 'a1' (Les Jardins), "
        "'a2' (Les jardins or Bois) ou 'a3' (Lesjardin)\u202f?"
    )
    with pytest.raises(names.AmbiguousName) as several:
        names.resolve_actor("les jardins", pairs[:1] + [("a4", "Les jardins")])
    assert problem_in(str(several.value), FR) == (
        "'les jardins' peut désigner plusieurs acteurs\u202f; "
        "vouliez-vous dire 'a1' (Les Jardins) ou 'a4' (Les jardins)\u202f?"
    )


def test_an_actor_not_in_the_network_is_a_refusal_read_in_french():
    import networkx as nx

    graph = nx.path_graph(["a1", "a2"])
    for ask in (lambda: ego_network(graph, "a9"), lambda: introduction_path(graph, "a1", "a9")):
        with pytest.raises(MaillageError) as refused:
            ask()
        assert isinstance(refused.value, nx.NodeNotFound)
        assert str(refused.value) == "actor 'a9' is not in the network"
        assert problem_in(str(refused.value), FR) == "l'acteur 'a9' n'est pas dans le réseau"


@pytest.mark.parametrize(
    ("contents", "name", "french"),
    [
        (None, "a.csv", "aucun fichier n'a été reçu\u202f: choisissez un fichier à importer"),
        (
            "data:text/plain;base64,aWQK",
            "notes.exe",
            "notes.exe\u202f: ce type de fichier ne peut pas être importé "
            "(attendu\u202f: .csv, .gexf, "
            ".graphml, .tsv, .txt, .xlsm, .xlsx)",
        ),
        (
            "data:text/csv;base64,a!!",
            "a.csv",
            "a.csv\u202f: le fichier n'a pas été reçu en entier\u202f; envoyez-le de nouveau",
        ),
        (
            "data:text/csv;base64," + "A" * 4000,
            "a.csv",
            "a.csv\u202f: 3\u202f000 octets dépassent la limite de 1\u202f000 "
            "octets pour un fichier "
            "envoyé depuis le navigateur (un administrateur peut la relever avec "
            "MAILLAGE_MAX_REQUEST_BYTES=..., ou l'importer avec `maillage import`)",
        ),
    ],
)
def test_an_upload_refused_reads_in_french(contents, name, french):
    from maillage.imports import UploadRefused, decode_upload

    with pytest.raises(UploadRefused) as refused:
        decode_upload(contents, name, 1000)
    assert problem_in(str(refused.value), translator("fr")) == french


def test_a_store_that_cannot_be_used_is_told_in_french_and_unchanged_in_english(tmp_path):
    from maillage.graph.errors import StoreUnavailable
    from maillage.graph.storage.breaker import DatabaseUnreachable
    from maillage.graph.storage.neo4j import Neo4jStore
    from maillage.graph.storage.sqlite import SQLiteStore

    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreUnavailable) as caught:
        SQLiteStore.from_url(f"sqlite:///{path}")
    english = str(caught.value)
    assert english == (
        f"{path} is not a usable SQLite store (file is not a database): point --store at "
        "another file, or move this one away to start afresh"
    )
    assert problem_in(english, EN) == english
    assert problem_in(english, FR) == (
        f"{path} n'est pas une base SQLite utilisable (file is not a database)\u202f: indiquez un "
        "autre fichier à --store, ou déplacez celui-ci pour repartir de zéro"
    )
    with pytest.raises(StoreUnavailable) as caught:
        SQLiteStore.from_url("sqlite://")
    assert problem_in(str(caught.value), FR) == (
        "adresse de base SQLite invalide 'sqlite://'\u202f: écrivez sqlite:///chemin/absolu/vers/"
        "fichier.db"
    )
    with pytest.raises(StoreUnavailable) as caught:
        Neo4jStore("bolt://127.0.0.1:notaport")
    assert problem_in(str(caught.value), FR).startswith(
        "adresse Neo4j invalide 'bolt://127.0.0.1:notaport' ("
    )
    assert problem_in(str(DatabaseUnreachable()), FR) == (
        "La base de données est injoignable\u202f: réessayez dans une minute. "
        "Le journal du serveur "
        "en donne la raison à son administrateur."
    )
