"""What reaches a terminal holds no control character: names cannot drive the terminal.

An imported name may hold ``ESC ] 0 ; … BEL`` (set the window title),
cursor moves that rewrite earlier lines, or a bell. :func:`printable` removes
every C0 and C1 control character but tab and newline (ESC, BEL, CR, DEL…);
:func:`protect_terminal` puts it in front of standard output and error when
they are terminals, so every line the command line prints goes through it:
territories, report tables and titles, summaries, errors. Only the colour
sequences (SGR, ``ESC [ … m``) of the command's own tables are kept.

Output that is not a terminal (a pipe, a file, ``-o FILE``) is written as it
is: a CSV export keeps its data byte for byte.
"""

from __future__ import annotations

import io
import re
import sys
from typing import Any, TextIO

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 control characters and DEL, tab and newline excepted."""
COLOUR = re.compile(r"\x1b\[[0-9;]{0,32}m")
"""A Select Graphic Rendition sequence: colours and bold, nothing else."""
_COLOUR_MARK = "\ufdd0"  # a noncharacter: never in the text, so it can hold a place


def printable(text: str, *, keep_colour: bool = False) -> str:
    """``text`` without control characters; with ``keep_colour``, SGR sequences stay.

    Lone surrogates (which no terminal can show) become ``\\udXXX`` escapes.

    >>> printable("Kerlan\\x1b]0;owned\\x07 \\x9b2J\\r\\tok\\n")
    'Kerlan]0;owned 2J\\tok\\n'
    >>> printable("\\x1b[1mbold\\x1b[0m \\x1b[2Kgone", keep_colour=True)
    '\\x1b[1mbold\\x1b[0m [2Kgone'
    """
    if keep_colour and "\x1b" in text:
        kept: list[str] = []

        def hold(match: re.Match[str]) -> str:
            kept.append(match.group(0))
            return _COLOUR_MARK

        held = COLOUR.sub(hold, text.replace(_COLOUR_MARK, ""))
        cleaned = CONTROL.sub("", held)
        parts = cleaned.split(_COLOUR_MARK)
        text = "".join(part + (kept[i] if i < len(kept) else "") for i, part in enumerate(parts))
    else:
        text = CONTROL.sub("", text)
    if not text.isascii():
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


class SafeTerminal(io.TextIOBase):
    """A text stream that writes to ``stream`` what :func:`printable` leaves of its text."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(printable(text, keep_colour=True))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", "utf-8")

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self.stream, "errors", None)

    @property
    def buffer(self) -> Any:
        """The bytes underneath: binary output (``--format xlsx`` to a pipe) is not text."""
        return self.stream.buffer

    def writable(self) -> bool:
        return True


def protect_terminal() -> None:
    """Put :class:`SafeTerminal` in front of standard output and error, if they are terminals."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if isinstance(stream, SafeTerminal) or stream is None:
            continue
        try:
            interactive = stream.isatty()
        except (AttributeError, ValueError):
            interactive = False
        if interactive:
            setattr(sys, name, SafeTerminal(stream))


def unprotected(stream: TextIO) -> TextIO:
    """The stream under a :class:`SafeTerminal` (for the progress bar's own cursor moves)."""
    return stream.stream if isinstance(stream, SafeTerminal) else stream
