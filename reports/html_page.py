"""Building blocks of the HTML reports: escaping, tables, the page around the sections.

Every piece of data reaches the page through :func:`esc` (or a helper that
calls it): actor names, territories, reasons and method notes are text, never
markup. The page is one self-contained file: inline CSS, plotly.js inlined
once in the head when the page has figures, no fonts, CDN or other request.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from maillage.graph.vocabulary import sector_colour

from .i18n import Translator
from .labels import localised, sector_label, show

CSS = """
:root { --ink: #1f2937; --muted: #6b7280; --line: #d1d5db; --soft: #f3f4f6; --accent: #1d4ed8; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
       sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 32px 0 8px; padding-bottom: 4px;
     border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 20px 0 6px; }
p.meta { color: var(--muted); margin: 0 0 16px; }
p.note, figcaption { color: var(--muted); font-size: 0.9rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.card .value { font-size: 1.35rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.card .label { color: var(--muted); font-size: 0.85rem; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.88rem; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left;
         vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) { background: #fafafa; }
.wide { overflow-x: auto; }
.wide table { font-size: 0.82rem; }
span.name { display: inline-block; min-width: 12em; }
.sector { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 0.8rem;
          border: 1px solid var(--line); white-space: nowrap; }
.sector::before { content: ""; display: inline-block; width: 8px; height: 8px; border-radius: 50%;
                  margin-right: 4px; background: var(--sector, #999); }
.flag { color: #b91c1c; font-weight: 600; }
details summary { cursor: pointer; color: var(--accent); margin: 8px 0; }
figure { margin: 8px 0 16px; }
dl.method { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
dl.method dt { font-weight: 600; }
dl.method dd { margin: 0; }
ol.references li { margin-bottom: 4px; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.8rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; }
  table, figure, .card { break-inside: avoid; }
  details summary { display: none; }
  .wide { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
"""

OPEN_DETAILS_FOR_PRINT = (
    "window.addEventListener('beforeprint', function () {"
    " document.querySelectorAll('details').forEach(function (d) { d.open = true; }); });"
)


def esc(value: Any, t: Translator | None = None) -> str:
    """``value`` shown as text (numbers in ``t``'s language) and escaped for HTML."""
    return html.escape(show(value, t), quote=True)


def sector_chip(sector: Any, t: Translator | None = None) -> str:
    """A sector as a small coloured label (its name in a non-English ``t``'s language)."""
    colour = sector_colour(sector)
    t = localised(t)
    text = sector_label(sector, t) if t is not None else sector
    return f'<span class="sector" style="--sector: {colour}">{esc(text)}</span>'


class Raw(str):
    """HTML built here from escaped parts: a table cell shows it as it is."""


def cell_html(value: Any, t: Translator | None = None) -> str:
    return value if isinstance(value, Raw) else esc(value, t)


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def table_html(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    numeric: Iterable[str] = (),
    caption: str | None = None,
    t: Translator | None = None,
) -> str:
    """A table; ``numeric`` columns are right-aligned. Cells are escaped unless :class:`Raw`.

    Numbers and dates in the cells are written in ``t``'s language when given.
    """
    numeric = set(numeric)
    align = [' class="num"' if c in numeric else "" for c in columns]
    head = "".join(f"<th{a}>{esc(c)}</th>" for c, a in zip(columns, align, strict=True))
    body = "\n".join(
        "<tr>"
        + "".join(f"<td{a}>{cell_html(v, t)}</td>" for v, a in zip(row, align, strict=True))
        + "</tr>"
        for row in rows
    )
    caption_html = f"<caption>{esc(caption)}</caption>" if caption else ""
    return f"<table>{caption_html}<thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>"


def cards_html(items: Iterable[tuple[str, Any]], t: Translator | None = None) -> str:
    cards = "".join(
        f'<div class="card"><div class="value">{esc(v, t)}</div><div class="label">{esc(k)}</div>'
        "</div>"
        for k, v in items
    )
    return f'<div class="cards">{cards}</div>'


def section(title: str, *parts: str, id: str | None = None) -> str:
    anchor = f' id="{esc(id)}"' if id else ""
    return (
        f"<section{anchor}><h2>{esc(title)}</h2>\n"
        + "\n".join(p for p in parts if p)
        + "</section>"
    )


def paragraph(text: str, css: str = "note") -> str:
    return f'<p class="{css}">{esc(text)}</p>'


@cache
def plotly_js() -> str:
    """plotly.js, read once per process."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


FOOTER = "Made with Maillage, an open-source territorial network explorer."


def page(
    title: str,
    subtitle: str,
    body: Sequence[str],
    *,
    figures: bool,
    lang: str = "en",
    footer: str = FOOTER,
) -> str:
    """The whole HTML document in ``lang``; plotly.js inlined in the head when ``figures``."""
    script = ""
    if figures:
        script = (
            "<script>window.PlotlyConfig = {MathJaxConfig: 'local'};</script>\n"
            f"<script>{plotly_js()}</script>\n"
        )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="Maillage">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n{script}"
        f"<script>{OPEN_DETAILS_FOR_PRINT}</script>\n"
        "</head>\n<body>\n"
        f'<header><h1>{esc(title)}</h1><p class="meta">{esc(subtitle)}</p></header>\n'
        + "\n".join(body)
        + f"\n<footer>{esc(footer)}</footer>\n"
        "</body>\n</html>\n"
    )
