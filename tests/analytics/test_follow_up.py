"""Recorded introductions: the road to a partnership and the funnel."""

from datetime import date

import pytest

from maillage.graph.analytics.follow_up import introduction_funnel
from maillage.graph.introductions import (
    Introduction,
    InvalidMove,
    Status,
    check_move,
    parse_status,
)
from maillage.graph.model import TieKind

D = date(2026, 1, 5)


def made(id="1", territory="Alsace", day=D, **kwargs):
    return Introduction.new(id, territory, "a", "b", day=day, by="marie", **kwargs)


def test_a_new_introduction_is_made_with_its_first_step():
    intro = made(via=("c",), note="au forum", follow_up=date(2026, 2, 1))
    assert intro.status == Status.MADE
    assert intro.history[0].by == "marie"
    assert intro.made_on == D
    assert intro.is_open
    assert intro.is_due(date(2026, 2, 1)) and not intro.is_due(date(2026, 1, 31))


@pytest.mark.parametrize(
    ("current", "new"),
    [
        (Status.PROPOSED, Status.MADE),
        (Status.MADE, Status.PARTNERSHIP),
        (Status.MET, Status.DROPPED),
        (Status.DROPPED, Status.MADE),
        (Status.MET, Status.MET),
    ],
)
def test_allowed_moves(current, new):
    check_move(current, new)


@pytest.mark.parametrize(
    ("current", "new", "words"),
    [
        (Status.MET, Status.MADE, "cannot go back from met to made"),
        (Status.PARTNERSHIP, Status.DROPPED, "final"),
    ],
)
def test_refused_moves(current, new, words):
    with pytest.raises(InvalidMove, match=words):
        check_move(current, new)


def test_moves_keep_history_and_close_the_follow_up():
    intro = made(follow_up=date(2026, 2, 1))
    met = intro.moved(Status.MET, day=date(2026, 1, 20), by="luc", note="café")
    assert met.follow_up == date(2026, 2, 1)
    done = met.moved(Status.PARTNERSHIP, day=date(2026, 3, 6), tie="k")
    assert [s.status for s in done.history] == [Status.MADE, Status.MET, Status.PARTNERSHIP]
    assert done.history[1].note == "café" and done.history[1].by == "luc"
    assert done.follow_up is None and done.tie == "k"
    assert done.closed_on == date(2026, 3, 6)
    assert not done.is_due(date(2030, 1, 1))


def test_a_step_cannot_be_dated_before_the_last_one():
    with pytest.raises(InvalidMove, match="before the last step"):
        made().moved(Status.MET, day=date(2025, 12, 31))


def test_two_different_actors_and_no_intermediary_among_them():
    with pytest.raises(InvalidMove):
        Introduction.new("1", "T", "a", "a", day=D)
    with pytest.raises(InvalidMove):
        Introduction.new("1", "T", "a", "b", day=D, via=("b",))
    with pytest.raises(InvalidMove, match="proposed or made"):
        Introduction.new("1", "T", "a", "b", day=D, status=Status.MET)


def test_unknown_status_names_the_known_ones():
    assert parse_status("PARTNERSHIP") == Status.PARTNERSHIP
    with pytest.raises(InvalidMove, match="proposed, made, met, partnership, dropped"):
        parse_status("signed")


def test_the_partnership_tie_says_where_it_came_from():
    tie = made(id="7").partnership_tie(date(2026, 3, 6))
    assert (tie.source, tie.target, tie.kind) == ("a", "b", TieKind.PARTNERSHIP)
    assert tie.ref == "introduction:7" and tie.since == date(2026, 3, 6)


def test_document_round_trip_matches_the_contract():
    intro = made(via=("c",), follow_up=date(2026, 2, 1)).moved(
        Status.MET, day=date(2026, 1, 9), note="ok"
    )
    document = intro.as_document()
    assert set(document) == {
        "id",
        "territory",
        "source",
        "target",
        "via",
        "status",
        "history",
        "follow_up",
        "tie",
    }
    assert document["history"][1] == {"status": "met", "date": "2026-01-09", "by": "", "note": "ok"}
    assert Introduction.from_document(document) == intro


def test_funnel_counts_each_status_reached_and_the_median_delay():
    intros = [
        made("1")
        .moved(Status.MET, day=date(2026, 1, 10))
        .moved(Status.PARTNERSHIP, day=date(2026, 2, 4)),  # 30 days
        made("2").moved(Status.PARTNERSHIP, day=date(2026, 3, 6)),  # 60 days, met skipped
        made("3")
        .moved(Status.MET, day=date(2026, 1, 8))
        .moved(Status.DROPPED, day=date(2026, 1, 9)),
        made("4"),
        Introduction.new("5", "Alsace", "a", "b", day=D, status=Status.PROPOSED),
        made("6", territory="Lille"),
    ]
    funnel = introduction_funnel(intros)
    assert list(funnel) == ["Alsace", "Lille"]
    assert funnel["Alsace"] == {
        "proposed": 5,
        "made": 4,
        "met": 3,
        "partnership": 2,
        "dropped": 1,
        "open": 2,
        "days": 45,
    }
    assert funnel["Lille"]["days"] is None
