"""The book's chart theme and the renderer that makes charts work with no network.

Altair's default HTML output loads vega, vega-lite and vega-embed from a CDN. The book's
renderer instead returns

* the Vega-Lite mimetype (JupyterLab and Notebook 7 draw it natively, offline), and
* HTML that holds the spec as inert JSON plus a source line and a CSV download of the data;
  ``_static/aiparadox-charts.js`` (added to every page by :mod:`aiparadox.sphinxext`) draws
  it as SVG with the vega bundle that vl-convert produced at build time.

For PDF builds, ``AIPARADOX_STATIC_CHARTS=1`` switches to SVG images made by vl-convert, with their source line.
"""

from __future__ import annotations

import base64
import copy
import html
import json
import os
import urllib.parse
from typing import Any

import altair as alt

from .datapackage import defuse_formula
from .environment import STATIC_ENV

THEME = "aiparadox"
RENDERER = "aiparadox"
VEGALITE_MIMETYPE = f"application/vnd.vegalite.v{alt.SCHEMA_VERSION.lstrip('v').split('.')[0]}+json"

# Okabe & Ito (2008), a palette designed to stay distinct for the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
# What the article claims is drawn in one colour everywhere, so a reader learns it once.
CLAIM_COLOUR = "#D55E00"
DATA_COLOUR = "#0072B2"
SECONDARY_COLOUR = "#6b6b6b"

# The page's background and the text and rule colours of each mode (sphinx-book-theme's
# background, pydata-sphinx-theme's text colours). Every mark must stand out from the background
# by 3:1 (WCAG, non-text contrast): tests/test_charts.py checks each chart's dark drawing. A mark
# that should read as "ink" in both modes takes its colour from the mode, not from a fixed value:
# a text mark from `text`, a rule mark from `rule` (see mode_config).
INK = {
    "light": {"background": "#ffffff", "text": "#222832", "muted": "#48566b", "grid": "#dddddd", "domain": "#888888"},
    "dark": {"background": "#121212", "text": "#ced6dd", "muted": "#9ca4af", "grid": "#3a4350", "domain": "#9ca4af"},
}
MODES = tuple(INK)


def theme() -> dict[str, Any]:
    font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
    return {
        "config": {
            "background": "transparent",
            "font": font,
            "view": {"stroke": None, "continuousWidth": 560, "continuousHeight": 300},
            "range": {"category": PALETTE},
            # Text and rule colours are left out: the page sets them for its light or dark mode
            # (static/aiparadox-charts.js); Jupyter and PNG exports use Vega's defaults.
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": "normal"},
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom", "labelLimit": 320},
            "title": {"fontSize": 15, "anchor": "start", "subtitleFontSize": 12},
            "line": {"strokeWidth": 2.5},
            "point": {"size": 50, "filled": True},
            "text": {"fontSize": 12},
        }
    }


def mode_config(mode: str) -> dict[str, Any]:
    """The Vega-Lite config of a mode's text and rules (a chart's own config is applied over it)."""
    ink = INK[mode]
    return {
        "axis": {
            "labelColor": ink["text"], "titleColor": ink["text"], "gridColor": ink["grid"],
            "domainColor": ink["domain"], "tickColor": ink["domain"],
        },
        "legend": {"labelColor": ink["text"], "titleColor": ink["text"]},
        "title": {"color": ink["text"], "subtitleColor": ink["muted"]},
        "header": {"labelColor": ink["text"], "titleColor": ink["text"]},
        "text": {"color": ink["text"]},
        "rule": {"color": ink["muted"]},
    }


def merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``over`` applied on ``base``, recursively for nested objects (as static/aiparadox-charts.js
    applies a chart's own config over its mode's)."""
    out = dict(base)
    for key, value in over.items():
        out[key] = merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def legend_highlight(field: str, dimmed: float = 0.2):
    """Clicking a legend entry highlights that series and dims the others to ``dimmed``.

    Returns the selection (add it to the chart with ``add_params``) and the opacity encoding.
    """
    pick = alt.selection_point(fields=[field], bind="legend")
    return pick, alt.condition(pick, alt.value(1), alt.value(dimmed))


def without_nan(value: Any) -> Any:
    """Missing values reach the spec as float NaN, which is not JSON: the browser would refuse the
    whole spec. They become null, which Vega-Lite reads as missing."""
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dict):
        return {k: without_nan(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_nan(v) for v in value]
    return value


def _inline_json(spec: dict[str, Any]) -> str:
    # Inside <script>, "</script" ends the element and "<!--" changes how the rest is parsed (a
    # country named "Germany <!--<script>" broke the page). Every "<" is written "\u003c", which
    # JSON.parse reads back as "<"; outside strings JSON has no "<" at all.
    text = json.dumps(without_nan(spec), separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return text.replace("<", "\\u003c")


def _csv(values: list[dict[str, Any]]) -> str:
    columns: list[str] = []
    for row in values:
        columns.extend(k for k in row if k not in columns)

    def cell(value: Any) -> str:
        missing = value is None or (isinstance(value, float) and value != value)
        # Text that a spreadsheet would run as a formula is defused; numbers (-3.5) stay numbers.
        text = "" if missing else defuse_formula(value) if isinstance(value, str) else str(value)
        return f'"{text.replace(chr(34), chr(34) * 2)}"' if any(c in text for c in ',"\n') else text

    lines = [",".join(cell(c) for c in columns)]
    lines += [",".join(cell(row.get(c)) for c in columns) for row in values]
    return "\n".join(lines) + "\n"


def chart_html(spec: dict[str, Any]) -> str:
    """The HTML the book embeds for one chart: a container, its spec, a source line and data links."""
    meta = spec.get("usermeta", {}).get("aiparadox", {})
    name = meta.get("name", "chart")
    parts = [
        f'<div class="aiparadox-chart" data-chart="{html.escape(name)}">',
        # The SVG gets the description as its accessible label once drawn (static/aiparadox-charts.js).
        '<div class="aiparadox-chart-view"></div>',
        f'<script type="application/json" class="aiparadox-chart-spec">{_inline_json(spec)}</script>',
    ]
    footer = []
    if meta.get("source"):
        footer.append(f'<span class="aiparadox-chart-source">Source: {html.escape(meta["source"])}</span>')
    datasets = spec.get("datasets", {})
    for i, values in enumerate(datasets.values()):
        filename = f"{name}.csv" if len(datasets) == 1 else f"{name}-{i + 1}.csv"
        href = "data:text/csv;charset=utf-8," + urllib.parse.quote(_csv(values))
        label = "Download the data (CSV)" if len(datasets) == 1 else f"Data part {i + 1} (CSV)"
        footer.append(f'<a class="aiparadox-chart-data" download="{filename}" href="{href}">{label}</a>')
    if meta.get("note"):
        footer.append(f'<span class="aiparadox-chart-note">{html.escape(meta["note"])}</span>')
    if footer:
        parts.append('<p class="aiparadox-chart-footer">' + " · ".join(footer) + "</p>")
    parts.append("</div>")
    return "".join(parts)


def book_renderer(spec: dict[str, Any], **_: Any) -> dict[str, Any]:
    return {VEGALITE_MIMETYPE: spec, "text/html": chart_html(spec)}


# The width a chart is drawn at for paper: the book's text column at a 1280-pixel window, about
# the width of an A4 page less its margins.
STATIC_WIDTH = 672


def static_spec(spec: dict[str, Any], mode: str, width: int) -> dict[str, Any]:
    """The spec as drawn at build time: ``width`` pixels wide in all (axes and legend included), in
    the colours and on the background of ``mode``."""
    drawn = copy.deepcopy(spec)
    drawn["config"] = merged(mode_config(mode), drawn.get("config", {}))
    drawn["background"] = INK[mode]["background"]
    # Vega-Lite sizes a single or layered view to a given width; not a concatenation or a facet.
    if not any(key in drawn for key in ("concat", "hconcat", "vconcat", "facet", "repeat")):
        drawn["width"] = width
        drawn["autosize"] = {"type": "fit-x", "contains": "padding"}
    return drawn


def static_renderer(spec: dict[str, Any], **_: Any) -> dict[str, Any]:
    """The chart for the PDF: an SVG image, so that its text is printed as text in the page's fonts,
    with its description as the image's text and its source line (and note) under it."""
    import vl_convert

    meta = spec.get("usermeta", {}).get("aiparadox", {})
    svg = vl_convert.vegalite_to_svg(without_nan(static_spec(spec, "light", STATIC_WIDTH)), allowed_base_urls=[])
    image = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    footer = [f'<span class="aiparadox-chart-source">Source: {html.escape(meta["source"])}</span>'] if meta.get("source") else []
    if meta.get("note"):
        footer.append(f'<span class="aiparadox-chart-note">{html.escape(meta["note"])}</span>')
    description = spec.get("description", "chart")
    markup = (
        f'<div class="aiparadox-chart aiparadox-chart-static" data-chart="{html.escape(meta.get("name", "chart"))}">'
        f'<img src="{image}" alt="{html.escape(description)}" style="max-width: 100%; height: auto">'
        + ('<p class="aiparadox-chart-footer">' + " · ".join(footer) + "</p>" if footer else "")
        + "</div>"
    )
    return {"text/html": markup, "text/plain": description}


def enable() -> None:
    """Register and enable the theme and the right renderer for where the code runs."""
    import sys

    alt.theme.register(THEME, enable=True)(theme)
    alt.renderers.register(RENDERER, book_renderer)
    alt.renderers.register(f"{RENDERER}-static", static_renderer)
    if os.environ.get(STATIC_ENV) == "1":
        alt.renderers.enable(f"{RENDERER}-static")
    elif "google.colab" in sys.modules:
        # Colab shows HTML in a sandboxed frame with internet access but cannot see the book's
        # _static folder; Altair's own Colab renderer is the one that works there.
        alt.renderers.enable("colab")
    else:
        alt.renderers.enable(RENDERER)
