"""Issue 10 in a real headless Chromium: a facilitator records a participation, then undoes it."""

from __future__ import annotations

from typing import Any

import pytest
from dash.testing.wait import until
from network_view_support import view, wait_drawn

from maillage.dashboard import ids
from maillage.dashboard.presenters.editing import activity_options
from maillage.graph.model import TieKind

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

TERRITORY = "Lons-le-Saunier"


def drawn_ties(dash_duo: Any) -> int:
    """The ties in the network drawing."""
    return view(dash_duo, "return v.renderer.getGraph().size;") or 0


def newcomer(maillage: Any) -> tuple[str, Any]:
    """A member of the territory and an activity of it that would tie them to someone new."""
    members = sorted(maillage.network(TERRITORY).member_ids)
    for activity in maillage.activities(TERRITORY):
        for actor_id in members:
            record = maillage.store.activity_record(activity.id, actor_id)
            taking_part = {p.actor for p in record.participations}
            tied = {end for t in record.event_ties for end in (t.source, t.target)}
            if actor_id not in taking_part and taking_part - tied - {actor_id}:
                return actor_id, activity
    raise AssertionError("the demo has no such pair")


def event_ties(maillage: Any, actor_id: str) -> set:
    ties = maillage.store.neighbourhood(actor_id, 1).ties
    return {t for t in ties if t.kind == TieKind.EVENT and actor_id in (t.source, t.target)}


def test_a_facilitator_records_a_participation_and_undo_reverts_it(
    dash_duo: Any, writable_demo: Any, signed_in_facilitator: str
) -> None:
    maillage = writable_demo
    actor_id, activity = newcomer(maillage)
    ties_before = event_ties(maillage, actor_id)
    (label,) = [o["label"] for o in activity_options([activity])]
    dash_duo.driver.get(f"{signed_in_facilitator}/?territory={TERRITORY}&actor={actor_id}")
    dash_duo.wait_for_element(f"#{ids.NETWORK} canvas", timeout=60)
    wait_drawn(dash_duo)
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", maillage.actor(actor_id).name, timeout=60)
    until(lambda: drawn_ties(dash_duo) > 0, timeout=60, msg="no tie drawn")
    before = drawn_ties(dash_duo)

    submit = dash_duo.wait_for_element(f"#{ids.PART_SUBMIT}", timeout=30)
    until(lambda: submit.is_displayed(), timeout=30)
    dash_duo.select_dcc_dropdown(f"#{ids.PART_ACTIVITY}", value=label)
    until(lambda: label in dash_duo.find_element(f"#{ids.PART_ACTIVITY}").text, timeout=10)
    submit.click()

    expected = f"Participation of {actor_id} in {activity.id} recorded"
    dash_duo.wait_for_contains_text(f"#{ids.EDIT_MESSAGE}", expected, timeout=30)
    # Saved: the activity chosen is cleared for the next participation.
    chosen = dash_duo.find_element(f"#{ids.PART_ACTIVITY}")
    until(lambda: label not in chosen.text, timeout=30, msg="the activity stayed")
    latest = maillage.history()[-1]
    assert latest.user == "felix" and activity.id in latest.description
    record = maillage.store.activity_record(activity.id, actor_id)
    assert actor_id in {p.actor for p in record.participations}
    assert len(event_ties(maillage, actor_id)) > len(ties_before)
    until(lambda: drawn_ties(dash_duo) > before, timeout=60, msg="the new ties are not drawn")

    undo = dash_duo.find_element(f"#{ids.EDIT_UNDO}")
    until(lambda: undo.is_enabled(), timeout=30)
    undo.click()
    dash_duo.wait_for_contains_text(
        f"#{ids.EDIT_MESSAGE}", f"Change {latest.id} undone", timeout=30
    )
    until(lambda: drawn_ties(dash_duo) == before, timeout=60, msg="the ties are still drawn")
    record = maillage.store.activity_record(activity.id, actor_id)
    assert actor_id not in {p.actor for p in record.participations}
    assert event_ties(maillage, actor_id) == ties_before
    assert dash_duo.get_logs() == []
