"""Two-mode data: participations become event ties between co-participants."""

from __future__ import annotations

from datetime import date
from itertools import combinations

from maillage.graph.model import Activity, Participation, Tie, TieKind
from maillage.loaders import load
from maillage.loaders.participations import co_participation_ties

PARTICIPATIONS = """actor,activity,activity_name,date
a1,forum-2019,Forum des partenariats,2019-10-03
a2,forum-2019,,
a3,forum-2019,,
a1,atelier-7,Atelier mécénat,2021-02-11
a2,atelier-7,,
a2,atelier-7,,
a1,solo,Visite,2022-05-05
"""


def test_participations_give_weighted_event_ties(write, actors_csv):
    parts = write("participations.csv", PARTICIPATIONS)
    dataset = load([actors_csv, parts]).dataset
    assert dataset.activities == (
        Activity("forum-2019", "Forum des partenariats", date(2019, 10, 3)),
        Activity("atelier-7", "Atelier mécénat", date(2021, 2, 11)),
        Activity("solo", "Visite", date(2022, 5, 5)),
    )
    assert dataset.participations == (
        Participation("a1", "forum-2019"),
        Participation("a2", "forum-2019"),
        Participation("a3", "forum-2019"),
        Participation("a1", "atelier-7"),
        Participation("a2", "atelier-7"),
        Participation("a1", "solo"),
    )
    assert dataset.ties == (
        Tie(
            "a1",
            "a2",
            TieKind.EVENT,
            2.0,
            since=date(2019, 10, 3),
            activities=("atelier-7", "forum-2019"),
        ),
        Tie("a1", "a3", TieKind.EVENT, 1.0, since=date(2019, 10, 3), activities=("forum-2019",)),
        Tie("a2", "a3", TieKind.EVENT, 1.0, since=date(2019, 10, 3), activities=("forum-2019",)),
    )


def test_earliest_shared_date_is_since_even_when_listed_later(write, actors_csv):
    parts = write(
        "participations.csv",
        "actor,activity,date\na1,late,2024-01-01\na2,late,2024-01-01\n"
        "a1,early,2010-06-30\na2,early,2010-06-30\na1,undated,\na2,undated,\n",
    )
    [tie] = load([actors_csv, parts]).dataset.ties
    assert (tie.weight, tie.since, tie.activities) == (
        3.0,
        date(2010, 6, 30),
        ("early", "late", "undated"),
    )


def test_participation_of_an_unknown_actor(write, actors_csv, problems):
    parts = write("participations.csv", "actor,activity\na1,x\nzz,x\n")
    assert problems([actors_csv, parts]) == [f"{parts}:3: actor: unknown actor 'zz'"]


def test_conflicting_activity_details(write, actors_csv, problems):
    parts = write(
        "participations.csv",
        "actor,activity,activity_name,date\na1,x,Forum,2020-01-01\na2,x,Forum,2020-02-01\n",
    )
    assert problems([actors_csv, parts]) == [
        f"{parts}:3: date: conflicting value for activity 'x': '2020-02-01' here, "
        "'2020-01-01' at line 2"
    ]


def test_explicit_event_tie_must_agree_with_the_participations(write, actors_csv, problems):
    parts = write("participations.csv", "actor,activity\na1,x\na2,x\n")
    same = write("same.csv", "source,target,kind,weight,activities\na2,a1,event,1,x\n")
    assert len(load([actors_csv, parts, same]).dataset.ties) == 1
    other = write("other.csv", "source,target,kind,weight\na1,a2,event,4\n")
    assert problems([actors_csv, parts, other]) == [
        f"{other}:2: this event tie 'a1'–'a2' differs from the one the participations give "
        "(weight 1, activities x)"
    ]


def test_a_large_activity_gives_every_pair():
    people = [f"p{i:03d}" for i in range(300)]
    participations = [Participation(p, "congress") for p in people]
    participations += [Participation(p, "workshop") for p in people[:10]]
    ties = co_participation_ties(participations, {"congress": date(2020, 1, 1)})
    assert len(ties) == 300 * 299 // 2
    assert [(t.source, t.target) for t in ties] == list(combinations(people, 2))
    assert sum(t.weight for t in ties) == 300 * 299 // 2 + 10 * 9 // 2
    assert ties[0].activities == ("congress", "workshop")
