"""The problems of an import read in French: every template, and real loaders' problems."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from maillage.graph.errors import ValidationError
from maillage.graph.problem_text import PROBLEM_TEMPLATES, recognise_problem, render
from maillage.loaders import load
from maillage.reports.i18n import translator
from maillage.reports.problems import problem_in

FR = translator("fr")


def _example(template: str) -> dict[str, str]:
    names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
    return {
        name: ("'x1'" if name == "actor" else "7" if name in ("count", "width") else f"<{name}>")
        for name in names
    }


@pytest.mark.parametrize("template", PROBLEM_TEMPLATES)
def test_every_template_is_recognised_back_and_has_a_french_message(template):
    fields = _example(template)
    assert recognise_problem(render(template, **fields)) == (template, fields)
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
            "lien vers soi-même : la source et la cible sont toutes deux 'a1'",
        ),
        ("ties.csv", 3, "weight", "le poids doit être un nombre > 0, et non '-2'"),
        ("ties.csv", 3, "since", "date invalide '2020-13-01' (attendu : YYYY-MM-DD)"),
        (
            "ties.csv",
            4,
            "kind",
            "type de lien inconnu 'friendship' (attendu : l'un de "
            + told[3][3].split("l'un de ", 1)[1],
        ),
        ("ties.csv", 4, "until", "la fin 2020-01-01 précède le début 2021-01-01"),
    ]
    assert all(recognise_problem(p.message) for p in error.value.problems)
