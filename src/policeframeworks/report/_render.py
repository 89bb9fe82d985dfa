"""Document blocks written out: Markdown (GitHub-flavoured) and one self-contained HTML page."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence

from ._markdown import markdown_table, numeric_columns
from ._sections import Block

__all__ = ["anchor", "render_html", "render_markdown"]


def render_markdown(doc: Iterable[Block]) -> str:
    r"""The blocks as Markdown (GitHub-flavoured tables; figures as image links to their SVG files).

    Example:
        >>> print(render_markdown([("h1", "T"), ("table", ["a", "b"], [[1, "x|y"]])]), end="")
        # T
        <BLANKLINE>
        | a | b |
        |---:|---|
        | 1 | x\|y |
    """
    parts: list[str] = []
    doc = list(doc)
    for block in doc:
        kind = block[0]
        if kind == "h1":
            parts.append(f"# {block[1]}")
        elif kind == "meta":
            parts.append("\n".join(f"{line}  " for line in block[1]).rstrip())
        elif kind == "toc":
            parts.append("Contents:\n\n" + "\n".join(f"- [{t}](#{anchor(t)})" for t in _h2_titles(doc)))
        elif kind == "h2":
            parts.append(f"## {block[1]}")
        elif kind == "h3":
            parts.append(f"### {block[1]}")
        elif kind == "p":
            parts.append(block[1])
        elif kind == "list":
            parts.append("\n".join(f"- {item}" for item in block[1]))
        elif kind == "table":
            parts.append(markdown_table(block[1], block[2]))
        elif kind == "figure":
            parts.append(f"![{block[2]}]({block[1]})")
    return "\n\n".join(parts) + "\n"


_CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 62em; margin: 2em auto;
  padding: 0 1em; line-height: 1.5; color: #1b1b1b; }
header.title { border-bottom: 2px solid #333; margin-bottom: 1.5em; }
header.title p { margin: 0.2em 0; color: #444; }
nav.toc { background: #f6f6f6; border: 1px solid #ddd; padding: 0.5em 1.2em; margin: 1em 0 2em; }
nav.toc ol { margin: 0.3em 0; padding-left: 1.4em; }
h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
h3 { margin-top: 1.5em; }
h2 a.anchor, h3 a.anchor { visibility: hidden; text-decoration: none; margin-left: 0.3em; color: #888; }
h2:hover a.anchor, h3:hover a.anchor { visibility: visible; }
.table-wrap { overflow-x: auto; max-width: 100%; margin: 1em 0; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; vertical-align: top; }
th { background: #eee; text-align: left; }
td.num, th.num { text-align: right; white-space: nowrap; }
figure { margin: 1.5em 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #444; font-size: 0.92em; }
a { color: #0b57a4; overflow-wrap: anywhere; }
p, li { overflow-wrap: break-word; }
@media (max-width: 600px) { body { margin: 1em auto; font-size: 15px; } }
@media print {
  body { max-width: none; margin: 0; font-size: 10.5pt; }
  nav.toc, h2 a.anchor, h3 a.anchor { display: none; }
  .table-wrap { overflow: visible; }
  h2, h3 { break-after: avoid; }
  table, figure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 0.85em; }
}
""".strip()

_URL = re.compile(r"https?://[^\s<>\"')\]]+[^\s<>\"')\].,;:]")


def anchor(title: str) -> str:
    """The HTML id (and Markdown anchor) of a heading: lowercase words joined by hyphens.

    Example:
        >>> anchor("Coverage matrix: 8 Can't Wait -> USCM")
        'coverage-matrix-8-can-t-wait-uscm'
    """
    return re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-") or "section"


def _h2_titles(doc: Sequence[Block]) -> list[str]:
    return [str(b[1]) for b in doc if b[0] == "h2"]


def _linked(text: str) -> str:
    """HTML-escaped text in which every address is a link."""
    out: list[str] = []
    last = 0
    for m in _URL.finditer(text):
        out.append(html.escape(text[last : m.start()]))
        url = m.group(0)
        out.append(f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>')
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def render_html(doc: Iterable[Block], figures: Mapping[str, str] | None) -> str:
    """The blocks as one self-contained HTML page (the SVG figures are inlined).

    Headings get ids (see :func:`anchor`) and a table of contents lists the sections; addresses are links;
    wide tables scroll inside their own box; numbers are right-aligned; a print stylesheet drops the
    navigation and prints each link's address.

    Example:
        >>> page = render_html([("h1", "A & B"), ("p", "<x> https://example.org/a.")], None)
        >>> "<h1>A &amp; B</h1>" in page and '<p>&lt;x&gt; <a href="https://example.org/a">' in page
        True
    """
    esc = html.escape
    doc = list(doc)
    body: list[str] = []
    title = "policeframeworks report"
    for block in doc:
        kind = block[0]
        if kind == "h1":
            title = block[1]
            body.append(f"<h1>{esc(block[1])}</h1>")
        elif kind == "meta":
            body.append('<header class="title">' + "".join(f"<p>{_linked(line)}</p>" for line in block[1]))
            body.append("</header>")
        elif kind == "toc":
            items = "".join(f'<li><a href="#{anchor(t)}">{esc(t)}</a></li>' for t in _h2_titles(doc))
            body.append(
                f'<nav class="toc" aria-label="Contents"><strong>Contents</strong><ol>{items}</ol></nav>'
            )
        elif kind in ("h2", "h3"):
            ident = anchor(block[1])
            body.append(
                f'<{kind} id="{ident}">{esc(block[1])}'
                f'<a class="anchor" href="#{ident}" aria-label="Link to this section">#</a></{kind}>'
            )
        elif kind == "p":
            body.append(f"<p>{_linked(block[1])}</p>")
        elif kind == "list":
            body.append("<ul>\n" + "\n".join(f"<li>{_linked(str(i))}</li>" for i in block[1]) + "\n</ul>")
        elif kind == "table":
            headers, rows = block[1], block[2]
            numeric = numeric_columns(rows, len(headers))
            head = "".join(
                f'<th class="num">{esc(str(h))}</th>' if num else f"<th>{esc(str(h))}</th>"
                for h, num in zip(headers, numeric, strict=True)
            )
            lines = [f'<div class="table-wrap"><table>\n<thead><tr>{head}</tr></thead>\n<tbody>']
            for row in rows:
                cells = "".join(
                    f'<td class="num">{esc(str(c))}</td>'
                    if num
                    else f"<td>{_linked('' if c is None else str(c))}</td>"
                    for c, num in zip(row, numeric, strict=True)
                )
                lines.append(f"<tr>{cells}</tr>")
            lines.append("</tbody>\n</table></div>")
            body.append("\n".join(lines))
        elif kind == "figure" and figures is not None and block[1] in figures:
            svg = _strip_xml_header(figures[block[1]])
            body.append(f"<figure>\n{svg}\n<figcaption>{esc(block[2])}</figcaption>\n</figure>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


def _strip_xml_header(svg: str) -> str:
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg
