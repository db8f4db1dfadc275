"""Where a command's document goes: a file written whole (or not at all), or standard output."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import click


def emit(payload: str | bytes, output: Path | None) -> None:
    """Write a rendered document to ``output`` whole, or to standard output."""
    data = payload.encode("utf-8") if isinstance(payload, str) else payload
    if output is not None:
        write_file(output, [data])
    elif isinstance(payload, str):
        click.echo(payload.removeprefix("\ufeff"), nl=not payload.endswith("\n"))
    elif sys.stdout.isatty():
        raise click.UsageError("this format is binary: give -o FILE")
    else:
        sys.stdout.buffer.write(data)


def emit_blocks(blocks: Iterable[str], output: Path | None) -> None:
    """Write a document's text ``blocks`` as they are rendered (else as :func:`emit`)."""
    pieces = (block.encode("utf-8") for block in blocks)  # UTF-8 whatever the locale
    if output is not None:
        return write_file(output, pieces)
    for piece in pieces:
        click.echo(piece, nl=False)


def write_file(output: Path, pieces: Iterable[bytes]) -> None:
    """Write ``pieces`` to ``output`` through a partial file, so it is whole or absent."""
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.partial")
    try:
        with partial.open("wb") as handle:
            handle.writelines(pieces)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(output)
    click.echo(f"Wrote {output}", err=True)
