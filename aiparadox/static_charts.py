"""Each chart of a page as the reader gets it before any script runs, built when Sphinx writes the page.

The notebook leaves an inert placeholder per chart (:func:`aiparadox.charts.chart_html`: the
Vega-Lite spec as JSON). Here each placeholder becomes:

* Chart | Table | Sources, as Our World in Data offers them: radio buttons and CSS, so that they
  work with no script (``static/aiparadox-charts.js`` only keeps browsers without ``:has()`` in step);
* the chart: a ``<picture>`` of the SVG drawings (:mod:`aiparadox.chart_drawing`), light or dark as
  the page is, wide or narrow as the screen is, with the chart's description as its text; under
  it, the chart's selectors (radio buttons, menus) as Vega writes them, which Vega replaces with its
  own when the chart becomes interactive, so that nothing moves;
* the table: a real HTML table of the chart's data, headers as the chart titles them
  (:mod:`aiparadox.chart_data`); the data are on the page only there;
* the sources: the provenance of the tables the chart draws, from ``data/datapackage.json``;
* files in ``_charts/``: the data as CSV, beside it a text file with its source, licence,
  retrieval date and how to cite it, and the spec that the page fetches when the chart becomes
  interactive (on the first interaction, once it is in view).

This module imports neither Altair nor pandas: the Sphinx extension uses it on every page it writes.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import chart_data, chart_drawing
from .i18n import gettext

FOLDER = "_charts"
PLACEHOLDER = re.compile(
    r'<div class="aiparadox-chart" data-chart="(?P<name>[^"]+)">'
    r'<script type="application/json" class="aiparadox-chart-spec">(?P<spec>.*?)</script></div>',
    re.S,
)
CAPTION = re.compile(
    r'<figcaption>\s*<p><span class="caption-number">(?P<number>[^<]*)</span>'
    r'<span class="caption-text">(?P<text>.*?)</span><a class="headerlink"',
    re.S,
)
VIEWS = ("chart", "table", "sources")


@dataclass(frozen=True)
class Book:
    """What every chart's files say about where they come from."""

    title: str
    url: str  # the published book's address, ending in "/"
    resources: dict[str, dict[str, Any]]  # data/datapackage.json's resources, by name
    language: str = "en"  # of the edition: the words around each chart are in it (aiparadox.i18n)


@dataclass(frozen=True)
class Placement:
    """Where a page's charts go: its name, the build's folders, and how the page links a file."""

    pagename: str
    outdir: Path
    cache_dir: Path
    link: Callable[[str], str]  # "_charts/x.svg" -> the address of that file from this page


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def caption_after(body: str, start: int) -> tuple[str, str]:
    """(number, text) of the figure caption that follows a chart, or empty strings outside a figure."""
    end = body.find("</figure>", start)
    match = CAPTION.search(body, start, end if end != -1 else start)
    return (_text(match.group("number")), _text(match.group("text"))) if match else ("", "")


def _write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def _remove_stale(folder: Path, name: str, key: str) -> None:
    """Drawings and specs of earlier versions of this chart (their names carry another key)."""
    stale = re.compile(re.escape(name) + r"-(?P<key>[0-9a-f]{16})(?:-\w+-\w+\.svg|\.json)")
    for path in folder.glob(f"{name}-*"):
        match = stale.fullmatch(path.name)
        if match and match.group("key") != key:
            path.unlink()


def provenance(tables: list[str], book: Book, chart: str) -> list[dict[str, Any]]:
    missing = [t for t in tables if t not in book.resources]
    if missing:
        raise ValueError(f"chart {chart!r} names tables that data/datapackage.json does not have: {', '.join(missing)}")
    return [book.resources[t] for t in tables]


def citation(source: dict[str, Any]) -> str:
    return f"{source['publisher']}, {source['title']} ({source['series']}), {source['path']}, retrieved {source['retrieved']}"


def about_text(
    name: str,
    caption: tuple[str, str],
    meta: dict[str, Any],
    tables: list[chart_data.DataTable],
    drawn_from: list[dict[str, Any]],
    book: Book,
    page_url: str,
) -> str:
    """The text file beside a chart's CSV: what it is, where its numbers come from, how to cite it."""
    number, text = caption
    lines = [f"{number or name}: {text}".rstrip(": "), f"From {book.title}: {page_url}#{name}", ""]
    for i, table in enumerate(tables):
        lines.append(f"{csv_name(name, i, len(tables))}: the chart's data, one row per data point. Columns:")
        lines += [f"  {c.header}" for c in table.columns]
    lines += ["", f"Source line under the chart: {meta.get('source', '')}"]
    if meta.get("note"):
        lines.append(f"Note: {meta['note']}")
    lines += ["", "Drawn from these tables of the book's data package (data/datapackage.json):"]
    for resource in drawn_from:
        lines.append(f"- {resource['title']} (data/{resource['path']})")
        for s in resource["sources"]:
            lines += [
                f"  Publisher: {s['publisher']}",
                f"  Series or table: {s['title']}; {s['series']}",
                f"  Address: {s['path']}",
                f"  Retrieved: {s['retrieved']}",
                f"  Licence: {s['licence']}" + (f" ({s['licenceUrl']})" if s.get("licenceUrl") else ""),
                f"  How our copy came: {s['route']}",
            ]
    if not drawn_from:
        lines.append("- none: the chart draws what the book's chapters compute (see the source line)")
    lines += ["", "How to cite:", f"  {book.title}, {number or name}, {page_url}#{name}."]
    lines += [f"  Data: {citation(s)}." for resource in drawn_from for s in resource["sources"]]
    return "\n".join(lines) + "\n"


def csv_name(name: str, index: int, count: int) -> str:
    return f"{name}.csv" if count == 1 else f"{name}-{index + 1}.csv"


def _picture(files: dict[tuple[str, str], str], sizes: dict[str, tuple[int, int]], description: str) -> str:
    """Light or dark as the page is; wide or narrow as the screen is. The dark drawings follow the
    system's preference where scripts run (the theme then follows it too); the script switches them
    when the reader chose a mode. Print, and pages without script (which the theme leaves light),
    get the light drawing."""
    wide = sizes["wide"]
    dark = "(prefers-color-scheme: dark) and (scripting: enabled)"
    narrow_screen = f"screen and {chart_drawing.NARROW_MEDIA}"

    def source(width: str, mode: str, media: str, screen: str) -> str:
        w, h = sizes[width]
        marker = f' data-mode="dark" data-screen="{screen}"' if mode == "dark" else ""
        return f'<source media="{media}" srcset="{files[(width, mode)]}" width="{w}" height="{h}"{marker}>'

    return "".join(
        [
            "<picture>",
            source("narrow", "dark", f"{narrow_screen} and {dark}", narrow_screen),
            source("narrow", "light", narrow_screen, narrow_screen),
            source("wide", "dark", f"screen and {dark}", "screen"),
            # Fetched ahead of the deferred scripts, even below the fold: a chart is part of the text.
            f'<img fetchpriority="high" src="{files[("wide", "light")]}" width="{wide[0]}" height="{wide[1]}"'
            f' alt="{html.escape(description)}">',
            "</picture>",
        ]
    )


# The inputs Vega binds a chart's parameters to; a legend binding ("legend") draws nothing of its own.
CONTROL_INPUTS = ("radio", "select")


def controls_html(spec: dict[str, Any]) -> str:
    """The chart's selectors, written as Vega writes its bindings (vega-view's bind.js: the same
    elements and classes, so the same styles and height), each set to the parameter's first value.
    The page script hands this element to Vega, which empties it and draws its own live inputs in
    it: the drawing is not moved by the selectors appearing under it. (``data-placeholder`` marks
    the build's, which the tests check are gone.) Empty for a chart without."""
    controls = []
    for param in spec.get("params", []):
        bind = param.get("bind")
        if not isinstance(bind, dict) or bind.get("input") not in CONTROL_INPUTS:
            continue
        signal = html.escape(param["name"])
        labels = bind.get("labels") or []
        options = [(option, labels[i] if i < len(labels) else option) for i, option in enumerate(bind["options"])]
        title = f'<span class="vega-bind-name">{html.escape(bind.get("name") or param["name"])}</span>'
        if bind["input"] == "radio":
            inputs = "".join(
                f'<label><input type="radio" name="{signal}" value="{html.escape(str(option))}"'
                f"{' checked' if option == param.get('value') else ''}>{html.escape(str(label))}</label>"
                for option, label in options
            )
            controls.append(
                f'<div class="vega-bind" data-placeholder>{title}<span class="vega-bind-radio">{inputs}</span></div>'
            )
        else:
            choices = "".join(
                f'<option value="{html.escape(str(option))}"{" selected" if option == param.get("value") else ""}>'
                f"{html.escape(str(label))}</option>"
                for option, label in options
            )
            controls.append(
                f'<div class="vega-bind" data-placeholder><label>{title}<select name="{signal}">{choices}</select></label></div>'
            )
    return f'<div class="aiparadox-chart-controls vega-bindings">{"".join(controls)}</div>' if controls else ""


def _table_html(table: chart_data.DataTable, caption: str, language: str = "en") -> str:
    """A real table of the chart's data. A column that changes in a few runs only (a series' name)
    heads each run instead of filling every row. HTML lets a cell and a row end where the next
    begins: without "</td>" and "</tr>" a long table is a quarter lighter."""
    grouped = chart_data.grouping_columns(table)
    shown = [c for c in table.columns if c not in grouped]
    head = "".join(f"<th>{html.escape(c.header)}</th>" for c in shown)

    def rows(run: list[dict[str, Any]]) -> str:
        return "".join(
            "<tr>" + "".join(f"<td>{html.escape(chart_data.format_cell(row.get(c.field), c, language))}" for c in shown)
            for row in run
        )

    if grouped:
        bodies = "".join(
            f'<tbody><tr><th colspan="{len(shown)}" scope="rowgroup">'
            + html.escape(
                # French spaces the semicolon between two values ("; " is in the catalogue).
                gettext("; ", language).join(
                    gettext("{header}: {value}", language).format(
                        header=c.header, value=chart_data.format_cell(v, c, language)
                    )
                    for c, v in zip(grouped, values, strict=True)
                )
            )
            + f"</th></tr>{rows(run)}</tbody>"
            for values, run in chart_data.runs_of(table, grouped)
        )
    else:
        bodies = f"<tbody>{rows(list(table.rows))}</tbody>"
    label = html.escape(caption)
    return (
        f'<div class="aiparadox-chart-table" role="region" aria-label="{label}" tabindex="0">'
        f'<table class="table"><caption>{label}</caption><thead><tr>{head}</tr></thead>{bodies}</table></div>'
    )


def _sources_html(
    drawn_from: list[dict[str, Any]], links: list[tuple[str, str]], cite: str, _: Callable[[str], str]
) -> str:
    parts = []
    for resource in drawn_from:
        for s in resource["sources"]:
            licence = html.escape(s["licence"])
            if s.get("licenceUrl"):
                licence = f'<a href="{html.escape(s["licenceUrl"])}">{licence}</a>'
            address = html.escape(s["path"])
            if s["path"].startswith(("https://", "http://")):
                address = f'<a href="{address}">{address}</a>'
            facts = _("{address}; retrieved {date}; licence: {licence}. In the book's data: {table}.").format(
                address=address,
                date=html.escape(s["retrieved"]),
                licence=licence,
                table=f"<code>{html.escape(resource['name'])}</code>",
            )
            parts.append(
                f"<li><strong>{html.escape(s['publisher'])}</strong>: {html.escape(s['title'])} ({html.escape(s['series'])}). {facts}</li>"
            )
    # The messages are outside the f-strings, where `make messages` finds them to be translated.
    computed = _("The chart draws what the book itself computes.")
    listing = f"<ul>{''.join(parts)}</ul>" if parts else f"<p>{html.escape(computed)}</p>"
    files = ", ".join(f'<a href="{href}">{html.escape(label)}</a>' for label, href in links)
    files_line = _("Files: {files}.").format(files=files)
    cite_line = _("How to cite: {citation}").format(citation=cite)
    # The source line itself is under the chart whichever view is shown.
    return f"{listing}<p>{files_line}</p><p>{html.escape(cite_line)}</p>"


def _drawing_files(name: str, spec: dict[str, Any], key: str, title: str, place: Placement, language: str):
    """The drawings copied from the cache into the build, and the interactive spec written beside
    them: (links by width and mode, sizes by width, the spec's link)."""
    folder = place.outdir / FOLDER
    files, sizes = {}, {}
    for (width, mode), path in chart_drawing.drawings(spec, place.cache_dir, title, language).items():
        target = folder / f"{name}-{key}-{width}-{mode}.svg"
        if not target.exists():
            shutil.copyfile(path, target)
        files[(width, mode)] = place.link(f"{FOLDER}/{target.name}")
        sizes[width] = chart_drawing.svg_size(path.read_text(encoding="utf-8"))
    spec_file = folder / f"{name}-{key}.json"
    if not spec_file.exists():
        spec_file.write_text(
            json.dumps(chart_drawing.interactive_spec(spec, language), separators=(",", ":"), ensure_ascii=False),
            encoding="utf-8",
        )
    return files, sizes, place.link(f"{FOLDER}/{spec_file.name}")


def chart_markup(name: str, spec: dict[str, Any], caption: tuple[str, str], book: Book, place: Placement) -> str:
    """The chart's whole block, and its files written into the build."""

    def _(message: str) -> str:
        return gettext(message, book.language)

    meta = spec.get("usermeta", {}).get("aiparadox", {})
    folder = place.outdir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    key = chart_drawing.drawing_key(spec, book.language)
    _remove_stale(folder, name, key)
    files, sizes, spec_link = _drawing_files(name, spec, key, caption[0] or name, place, book.language)

    tables = chart_data.chart_tables(spec)
    drawn_from = provenance(list(meta.get("tables", [])), book, name)
    page_url = f"{book.url}{place.pagename}.html"
    label = caption[0] or _("the chart")
    downloads = []  # (label, link) of each CSV
    for i, table in enumerate(tables):
        csv = csv_name(name, i, len(tables))
        _write_if_changed(folder / csv, chart_data.csv_text(table))
        what = _("data (CSV)") if len(tables) == 1 else _("data (CSV, part {number})").format(number=i + 1)
        downloads.append((what, place.link(f"{FOLDER}/{csv}")))
    _write_if_changed(folder / f"{name}.txt", about_text(name, caption, meta, tables, drawn_from, book, page_url))
    links = [
        *downloads,
        (_("source, licence and how to cite (text)"), place.link(f"{FOLDER}/{name}.txt")),
        (_("drawing (SVG)"), files[("wide", "light")]),
        (_("chart spec (Vega-Lite JSON)"), spec_link),
    ]
    cite = f"{book.title}, {label}, {page_url}#{name}."

    names = {"chart": _("Chart"), "table": _("Table"), "sources": _("Sources")}
    views = "".join(
        f'<input type="radio" name="{name}-view" id="{name}-{view}" value="{view}"{" checked" if view == "chart" else ""}>'
        f'<label for="{name}-{view}">{html.escape(names[view])}</label>'
        for view in VIEWS
    )
    table_caption = _("Data of {figure}").format(figure=label)
    tables_html = "".join(
        _table_html(
            t,
            table_caption
            if len(tables) == 1
            else _("{caption}, part {number}").format(caption=table_caption, number=i + 1),
            book.language,
        )
        for i, t in enumerate(tables)
    )
    # Each item after the source line carries its own separator, so that print can drop the links.
    source = _("Source: {source}").format(source=meta.get("source", ""))
    footer = [f'<span class="aiparadox-chart-source">{html.escape(source)}</span>']
    download = _("Download the {what}")
    footer += [
        f'<span class="aiparadox-chart-data"> · <a href="{href}" download>{html.escape(download.format(what=what))}</a></span>'
        for what, href in downloads
    ]
    if meta.get("note"):
        footer.append(f'<span class="aiparadox-chart-note"> · {html.escape(meta["note"])}</span>')
    legend = html.escape(_("Show {figure} as").format(figure=label))
    return "".join(
        [
            f'<div class="aiparadox-chart" data-chart="{html.escape(name)}" data-spec="{spec_link}">',
            f'<fieldset class="aiparadox-chart-views"><legend>{legend}</legend>{views}</fieldset>',
            '<div class="aiparadox-chart-panel" data-view="chart"><div class="aiparadox-chart-drawing">',
            _picture(files, sizes, spec.get("description", "")),
            "</div>",
            controls_html(spec),
            "</div>",
            f'<div class="aiparadox-chart-panel" data-view="table">{tables_html}</div>',
            f'<div class="aiparadox-chart-panel" data-view="sources">{_sources_html(drawn_from, links, cite, _)}</div>',
            f'<p class="aiparadox-chart-footer">{"".join(footer)}</p>',
            "</div>",
        ]
    )


def rewrite(body: str, book: Book, place: Placement) -> str:
    """The page's body with every chart placeholder replaced by the chart's static-first block."""
    seen: set[str] = set()
    bound: dict[str, str] = {}  # parameter bound to a selector -> the chart that binds it

    def replace(match: re.Match) -> str:
        name = html.unescape(match.group("name"))
        if name in seen:
            raise ValueError(f"{place.pagename}: two charts are named {name!r}")
        seen.add(name)
        try:
            spec = json.loads(match.group("spec"))
        except json.JSONDecodeError as error:
            raise ValueError(f"{place.pagename}: the spec of chart {name!r} is not JSON ({error})") from None
        # Vega names a radio group after its parameter, page-wide: two charts binding the same name
        # would share one group, and a choice in one would clear the other's.
        for param in spec.get("params", []):
            if isinstance(param.get("bind"), dict) and param["bind"].get("input") in CONTROL_INPUTS:
                other = bound.setdefault(param["name"], name)
                if other != name:
                    raise ValueError(
                        f"{place.pagename}: charts {other!r} and {name!r} both bind a selector to "
                        f"{param['name']!r}; give one of them another parameter name"
                    )
        return chart_markup(name, spec, caption_after(body, match.end()), book, place)

    return PLACEHOLDER.sub(replace, body)
