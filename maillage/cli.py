"""The ``maillage`` command line: thin click commands over ``Maillage``."""

from __future__ import annotations

import functools
import logging
import shlex
import shutil
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from .app import Maillage
from .graph.errors import MaillageError, ValidationError
from .output import emit as _emit
from .output import emit_blocks
from .settings import (
    ENGINE_ENV,
    ENGINES,
    STORE_ENV,
    USERS_FILE_ENV,
    Settings,
    default_store_url,
    default_users_file,
)

OUT_OF_MEMORY = (
    "not enough memory to finish: the input expands far beyond its size on disk "
    "(lower MAILLAGE_MAX_EXPANDED_BYTES or MAILLAGE_MAX_CELL_CHARS, or give it more memory)"
)
OUTPUT_FORMATS = ("table", "csv", "json", "xlsx", "html")
EXPORT_FORMATS = ("csv", "xlsx", "gexf", "graphml")


def _store_option(command: Callable) -> Callable:
    """``--store URL`` on every command (and on the group), as the contract says."""
    return click.option(
        "--store",
        "store",
        envvar=STORE_ENV,
        default=None,
        metavar="URL",
        help=f"sqlite:///file.db or neo4j://host:7687 (env {STORE_ENV}).",
    )(command)


def _app(ctx: click.Context, store: str | None, *, users_file: Path | None = None) -> Maillage:
    url = store or ctx.find_root().params.get("store")
    app = Maillage(Settings.from_env(url, users_file=users_file))
    ctx.call_on_close(lambda: _close(app))
    return app


def _close(app: Maillage) -> None:
    """Close ``app``, saying so when it first finishes what the web app will show."""
    if waiting := app.precomputer.pending():
        click.echo(
            f"Preparing what the web app shows first for {waiting} territor"
            f"{'y' if waiting == 1 else 'ies'} (the data is saved; Ctrl+C skips this)…",
            err=True,
        )
    app.close()


def _friendly_errors(command: Callable) -> Callable:
    """Show a ``MaillageError`` as a message and a non-zero exit, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ValidationError as error:
            click.echo(str(error), err=True)
            sys.exit(1)
        except MaillageError as error:
            click.echo(f"Error: {error}", err=True)
            sys.exit(1)
        except MemoryError:
            click.echo(f"Error: {OUT_OF_MEMORY}", err=True)
            sys.exit(1)

    return wrapper


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


TEXT_FORMATS = ("table", "csv", "json", "html")


def _render(
    kind: str, data: dict, fmt: str, output: Path | None, *, lang: str = "en"
) -> str | bytes:
    from .reports import render

    terminal = fmt == "table" and output is None and sys.stdout.isatty()
    width = shutil.get_terminal_size((120, 24)).columns if terminal else None
    payload = render(kind, data, fmt, color=terminal, lang=lang, width=width)
    return payload.decode("utf-8") if fmt in TEXT_FORMATS else payload


format_option = click.option(
    "--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True
)
output_option = click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE."
)
engine_option = click.option(
    "--engine",
    type=click.Choice(ENGINES),
    envvar=ENGINE_ENV,
    default=None,
    help=f"Where to compute: local (this process, the default) or gds (inside Neo4j with its "
    f"Graph Data Science library) (env {ENGINE_ENV}).",
)
lang_option = click.option(
    "--lang",
    type=click.Choice(("fr", "en")),
    default="en",
    show_default=True,
    help="Language of the HTML page (--format html).",
)
as_of_option = click.option(
    "--as-of", callback=_date, metavar="DATE", help="The network as it was on DATE (ISO)."
)


@click.group(
    help=(
        "Maillage: explore who works with whom on a territory, find brokers, gaps "
        "between sectors and introductions worth making.\n\n"
        f"Without --store or ${STORE_ENV}, data lives in the embedded store "
        f"{default_store_url()}"
    )
)
@_store_option
@click.option("-v", "--verbose", is_flag=True, help="Log what happens, the store driver's too.")
@click.version_option(package_name="maillage")
def main(store: str | None, verbose: bool) -> None:
    """Entry point of the ``maillage`` command."""
    from .terminal import protect_terminal

    protect_terminal()  # no control character of a name ever reaches a terminal
    configure_logging(verbose)


def configure_logging(verbose: bool) -> None:
    """Warnings to stderr; with ``verbose``, everything from INFO up.

    The Neo4j driver logs every failed connection attempt as an error; the
    store already reports an unreachable server in one message with the
    remedy, so the driver speaks only with ``--verbose``, except for the
    server's warnings about a statement (``neo4j.notifications``).
    """
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("neo4j").setLevel(logging.NOTSET if verbose else logging.CRITICAL)
    # The server's warnings about a statement (deprecations, say) are always shown.
    logging.getLogger("neo4j.notifications").setLevel(logging.INFO if verbose else logging.WARNING)


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--mapping", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what the import would change; write nothing.")
@click.option(
    "--rejects",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Import the valid rows; write the invalid ones to this CSV file.",
)
@click.option(
    "--replace",
    is_flag=True,
    help="The files' values, territories included, replace the stored ones (default: add).",
)
@click.option(
    "--id-prefix",
    metavar="PREFIX",
    help="Make the files' actor ids PREFIX + id (their ties follow): for ids that collide.",
)
@click.option("--merge", is_flag=True, help="Actors whose ids collide are the same actors.")
@click.option(
    "--bulk",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="First load of a new Neo4j database: write the files for neo4j-admin's offline "
    "importer into DIR (the store is not touched).",
)
@_store_option
@click.pass_context
@_friendly_errors
def import_(
    ctx: click.Context, paths, mapping, dry_run, rejects, replace, id_prefix, merge, bulk, store
) -> None:
    """Validate PATH... (files, or folders that export --format csv wrote), show what
    changes and load them: all or nothing, one revision, unless --rejects sets the
    invalid rows aside.
    """
    from .progress import import_progress

    app = _app(ctx, store)
    if bulk is not None:
        with import_progress() as progress:
            dataset, options = app.bulk_import_files(
                paths, bulk, mapping=mapping, progress=progress
            )
        click.echo(
            f"Wrote {len(dataset.actors)} actors and {len(dataset.ties)} ties for neo4j-admin "
            f"into {bulk}. With the Neo4j server stopped, run:\n  neo4j-admin database import "
            f"full --overwrite-destination {shlex.join(options)} neo4j\n(test server: python "
            f"scripts/neo4j_server.py bulk-import {shlex.quote(str(bulk))})"
        )
        return
    with import_progress() as progress:
        summary = app.import_files(
            paths,
            mapping=mapping,
            dry_run=dry_run,
            progress=progress,
            rejects=rejects,
            replace=replace,
            merge=merge,
            id_prefix=id_prefix,
        )
    click.echo(summary.describe(dry_run=dry_run))


@main.command()
@click.argument("territory", required=False)
@_store_option
@click.pass_context
@_friendly_errors
def history(ctx: click.Context, territory: str | None, store) -> None:
    """List the revisions (every write), oldest first: id, time, who, what, files."""
    revisions = _app(ctx, store).history(territory)
    if not revisions:
        click.echo(
            "No revisions yet." if territory is None else f"No revision touched {territory}."
        )
        return
    click.echo("revision\ttime\tuser\twhat")
    for revision in revisions:
        click.echo(revision.describe())
        for line in revision.file_lines():
            click.echo(line)


@main.command()
@click.argument("revision", type=int, required=False)
@_store_option
@click.pass_context
@_friendly_errors
def undo(ctx: click.Context, revision: int | None, store) -> None:
    """Restore the state before REVISION (default: the latest); later ones are undone too."""
    done = _app(ctx, store).undo(revision)
    undone = ", ".join(map(str, done.undoes))
    click.echo(
        f"Undid revision{'s' if len(done.undoes) > 1 else ''} {undone}: saved as revision "
        f"{done.id} (`maillage undo {done.id}` redoes it)."
    )


@main.command()
@click.option("--format", "fmt", type=click.Choice(("table", "csv", "json")), default="table")
@_store_option
@click.pass_context
@_friendly_errors
def territories(ctx: click.Context, fmt: str, store) -> None:
    """List territories: actors, ties inside, and ties leaving to other territories."""
    from .reports.listing import territories_listing

    click.echo(territories_listing(_app(ctx, store).territory_counts(), fmt), nl=False)


@main.command()
@click.argument("territory")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File, or folder for csv.")
@as_of_option
@_store_option
@click.pass_context
@_friendly_errors
def export(ctx: click.Context, territory, fmt, output, as_of, store) -> None:
    """Write TERRITORY out as csv (a folder), xlsx, gexf or graphml; re-importable."""
    for written in _app(ctx, store).export(territory, fmt, output, as_of=as_of):
        click.echo(f"Wrote {written}", err=True)


@main.command()
@click.argument("territory")
@as_of_option
@click.option("--since", callback=_date, metavar="DATE", help="With --until: bridges gained/lost.")
@click.option("--until", callback=_date, metavar="DATE")
@click.option("--weighted", is_flag=True, help="Use tie weights where a measure has them.")
@engine_option
@lang_option
@format_option
@output_option
@_store_option
@click.pass_context
@_friendly_errors
def report(
    ctx: click.Context, territory, as_of, since, until, weighted, engine, lang, fmt, output, store
):
    """Per-actor centrality and brokerage report for TERRITORY."""
    app = _app(ctx, store)
    if since or until:
        if not (since and until):
            raise click.UsageError("--since and --until go together")
        data = app.bridge_changes(territory, since=since, until=until)
        _emit(_render("bridges", data, fmt, output, lang=lang), output)
        return
    data = app.report(territory, as_of=as_of, weighted=weighted, engine=engine)
    if fmt == "html":
        from .reports import render_html_report
        from .reports.i18n import translator

        gaps = app.gaps(territory, as_of=as_of, engine=engine)
        _emit(render_html_report(data, gaps, translator(lang)), output)
        return
    if fmt == "json":  # a piece at a time: a national report never stands whole as text
        from .reports.json_export import json_blocks

        emit_blocks(json_blocks(data), output)
        return
    _emit(_render("report", data, fmt, output), output)


@main.command()
@click.argument("territory")
@as_of_option
@engine_option
@lang_option
@format_option
@output_option
@_store_option
@click.pass_context
@_friendly_errors
def gaps(ctx: click.Context, territory, as_of, engine, lang, fmt, output, store) -> None:
    """Sector x sector gaps, fragile bridges and suggested introductions."""
    data = _app(ctx, store).gaps(territory, as_of=as_of, engine=engine)
    _emit(_render("gaps", data, fmt, output, lang=lang), output)


TIE_KINDS = ("partnership", "event", "funding", "governance", "service", "other")


@main.command()
@click.argument("territories", nargs=-1, required=True)
@as_of_option
@engine_option
@click.option(
    "--kind",
    type=click.Choice(TIE_KINDS, case_sensitive=False),
    default=None,
    help="Partnership rates count only ties of this kind (default: any kind).",
)
@click.option(
    "--by-year",
    is_flag=True,
    help="Every indicator and rate as of each 31 December, and the bridges of each year.",
)
@click.option(
    "--lang",
    type=click.Choice(("fr", "en")),
    default="en",
    show_default=True,
    help="Language of the coordinator's brief (--format html) and of the workbook (xlsx).",
)
@format_option
@output_option
@_store_option
@click.pass_context
@_friendly_errors
def compare(
    ctx: click.Context, territories, as_of, engine, kind, by_year, lang, fmt, output, store
) -> None:
    """Territory indicators, partnership rates and what stands out, side by side.

    With --format html, the coordinator's brief: one printable page with the
    charts and the summary, in --lang.
    """
    data = _app(ctx, store).compare(
        territories, as_of=as_of, kind=kind and kind.lower(), by_year=by_year, engine=engine
    )
    _emit(_render("compare", data, fmt, output, lang=lang), output)


@main.command()
@click.argument("territory")
@click.argument("source")
@click.argument("target")
@as_of_option
@_store_option
@click.pass_context
@_friendly_errors
def path(ctx: click.Context, territory, source, target, as_of, store) -> None:
    """The introduction chain from SOURCE to TARGET (actor ids or names) in TERRITORY."""
    click.echo(_app(ctx, store).describe_path(territory, source, target, as_of=as_of))


@main.command("delete-territory")
@click.argument("territory")
@click.confirmation_option(prompt="Delete this territory and the actors only it holds?")
@_store_option
@click.pass_context
@_friendly_errors
def delete_territory(ctx: click.Context, territory, store) -> None:
    """Remove TERRITORY; actors in other territories stay there."""
    from .imports import os_user

    app = _app(ctx, store)
    name = app.resolve_territory(territory)
    app.store.delete_territory(name, user=os_user())
    click.echo(f"Deleted {name} (`maillage undo` brings it back)")


host_option = click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; beyond loopback, users must be configured.",
)
port_option = click.option("--port", default=8050, show_default=True, type=int)
users_option = click.option(
    "--users",
    "users_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"Users file made by `maillage users add`: sign-in required (env {USERS_FILE_ENV}).",
)


def _serve(app: Maillage, host: str, port: int) -> None:
    from .serving.web import wsgi_server

    logging.getLogger("maillage").setLevel(logging.INFO)  # sign-ins and sign-outs
    try:
        serving = wsgi_server(app, host=host, port=port)
    except OSError as error:
        raise MaillageError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    count = serving.users
    who = f"sign-in, {count} user{'s' * (count != 1)}" if count else "open, no sign-in"
    click.echo(f"Maillage is serving on http://{host}:{port}/ ({who}; Ctrl+C to stop)")
    serving.run()


@main.command()
@host_option
@port_option
@users_option
@_store_option
@click.pass_context
@_friendly_errors
def serve(ctx: click.Context, host: str, port: int, users_file: Path | None, store) -> None:
    """Serve the Dash web app (waitress)."""
    _serve(_app(ctx, store, users_file=users_file), host, port)


@main.command()
@host_option
@port_option
@users_option
@click.option("--no-serve", is_flag=True, help="Load the demo territories and stop.")
@_store_option
@click.pass_context
@_friendly_errors
def demo(
    ctx: click.Context, host: str, port: int, users_file: Path | None, no_serve: bool, store
) -> None:
    """Load the fictional demo territories into the store (once) and serve the app."""
    app = _app(ctx, store, users_file=users_file)
    if not no_serve:
        from .serving.web import sign_in_for

        sign_in_for(app, host)  # refuse an exposed host before loading anything
    click.echo(app.load_demo().describe(dry_run=False))
    click.echo(f"Store: {app.settings.store_url}")
    if not no_serve:
        _serve(app, host, port)


@main.group()
def users() -> None:
    """Who may sign in to the web app: names, roles, hashed passwords.

    Roles: viewer (citizens shown under pseudonyms), facilitator (sees
    everything), admin (sees everything; the role that may import).
    """


users_file_option = click.option(
    "--file",
    "users_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"The users file (default: ${USERS_FILE_ENV}, else {default_users_file()}).",
)


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(("viewer", "facilitator", "admin")), required=True)
@users_file_option
@_friendly_errors
def users_add(name: str, role: str, users_file: Path | None) -> None:
    """Add NAME (or change its role and password); the password is asked twice, never shown."""
    from .serving import users as accounts

    path = users_file or default_users_file()
    accounts.check_account(name, role)  # before asking for a password
    if path.exists():
        accounts.read_users(path)
    password = click.prompt(
        f"Password for {name} (at least {accounts.MIN_PASSWORD_LENGTH} characters)",
        hide_input=True,
        confirmation_prompt=True,
    )
    accounts.add_user(path, name, role, password)
    click.echo(f"Saved {name} ({role}) in {path}: the password is kept as a scrypt hash only.")


@users.command("list")
@users_file_option
@_friendly_errors
def users_list(users_file: Path | None) -> None:
    """List the users and their roles."""
    from .serving import users as accounts

    path = users_file or default_users_file()
    for user in accounts.read_users(path).values():
        click.echo(f"{user.name}\t{user.role}")


@users.command("remove")
@click.argument("name")
@users_file_option
@_friendly_errors
def users_remove(name: str, users_file: Path | None) -> None:
    """Remove NAME from the users file (signed-in sessions end when the server restarts)."""
    from .serving import users as accounts

    path = users_file or default_users_file()
    accounts.remove_user(path, name)
    click.echo(f"Removed {name} from {path}")


@users.command("unlock")
@click.argument("name")
@_friendly_errors
def users_unlock(name: str) -> None:
    """Let NAME sign in again at once, from every address, after failed sign-ins.

    The running server (same data folder) reads the request at its next sign-in.
    """
    from .throttle import UNLOCK_FILE, UnlockRequests

    path = Settings.from_env().data_dir / UNLOCK_FILE
    UnlockRequests(path).request(name)
    click.echo(f"Unlocked {name}: the server forgets its failed sign-ins.")


if __name__ == "__main__":
    main()


from .cli_introductions import introductions  # noqa: E402  (the group needs the helpers above)

main.add_command(introductions)
