"""``maillage introductions add|list|update``: the facilitator's follow-up on the command line.

The same use cases as the web app's Introductions page, through ``Maillage``.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from .cli import _app, _date, _emit, _friendly_errors, _store_option
from .graph.introductions import Status

STATUSES = tuple(s.value for s in Status)


@click.group()
def introductions() -> None:
    """Record introductions and follow them up until a partnership exists."""


@introductions.command("add")
@click.argument("territory")
@click.argument("source")
@click.argument("target")
@click.option("--via", multiple=True, metavar="ACTOR", help="An intermediary (repeatable).")
@click.option("--date", "day", callback=_date, metavar="DATE", help="When (default: today).")
@click.option("--note", default=None, help="What was said or agreed.")
@click.option("--follow-up", callback=_date, metavar="DATE", help="When to check on it.")
@click.option("--proposed", is_flag=True, help="Only proposed: the actors were not told yet.")
@_store_option
@click.pass_context
@_friendly_errors
def add(ctx, territory, source, target, via, day, note, follow_up, proposed, store) -> None:
    """Record that SOURCE and TARGET were put in touch on TERRITORY; prints its id."""
    introduction = _app(ctx, store).add_introduction(
        territory,
        source,
        target,
        via=via,
        day=day,
        note=note,
        follow_up=follow_up,
        status=Status.PROPOSED if proposed else Status.MADE,
    )
    click.echo(introduction.id)


@introductions.command("list")
@click.argument("territory", required=False)
@click.option("--status", type=click.Choice(STATUSES), default=None)
@click.option("--due", is_flag=True, help="Only follow-ups due today or earlier.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("table", "csv", "json", "xlsx")),
    default="table",
    show_default=True,
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@_store_option
@click.pass_context
@_friendly_errors
def list_(ctx, territory, status, due, fmt, output, store) -> None:
    """Introductions with their status (all territories unless TERRITORY)."""
    from .reports.follow_up import introductions_listing

    app = _app(ctx, store)
    found = app.introductions(
        territory,
        status=Status(status) if status else None,
        due=date.today() if due else None,
    )
    payload = introductions_listing(app.introduction_records(found), fmt)
    if fmt == "xlsx" and output is None and sys.stdout.isatty():
        raise click.UsageError("xlsx is binary: give -o FILE")
    _emit(payload if fmt == "xlsx" else payload.decode("utf-8"), output)


@introductions.command("update")
@click.argument("introduction_id", metavar="ID")
@click.option("--status", type=click.Choice(STATUSES), required=True)
@click.option("--date", "day", callback=_date, metavar="DATE", help="When (default: today).")
@click.option("--note", default=None)
@click.option("--follow-up", callback=_date, metavar="DATE")
@_store_option
@click.pass_context
@_friendly_errors
def update(ctx, introduction_id, status, day, note, follow_up, store) -> None:
    """Move introduction ID on; a partnership creates the tie."""
    moved = _app(ctx, store).update_introduction(
        introduction_id, Status(status), day=day, note=note, follow_up=follow_up
    )
    tie = f" (tie {moved.tie})" if moved.tie and moved.status == Status.PARTNERSHIP else ""
    click.echo(f"Introduction {moved.id}: {moved.status}{tie}")
