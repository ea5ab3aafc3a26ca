"""The book's chart theme and the renderer that makes charts work with no network.

Altair's default HTML output loads vega, vega-lite and vega-embed from a CDN. The book's
renderer instead returns

* the Vega-Lite mimetype (JupyterLab and Notebook 7 draw it natively, offline), and
* HTML that holds the spec as inert JSON: when Sphinx writes the page, :mod:`aiparadox.static_charts`
  replaces it with the chart drawn as SVG at build time (light and dark), its table and its sources;
  ``_static/aiparadox-charts.js`` makes it interactive on demand with the vega bundle that
  vl-convert produced at build time. Every builder gets the same drawings, the PDF's included.
"""

from __future__ import annotations

import html
import json
from typing import Any

import altair as alt

from .chart_drawing import without_nan

THEME = "aiparadox"
RENDERER = "aiparadox"
VEGALITE_MIMETYPE = f"application/vnd.vegalite.v{alt.SCHEMA_VERSION.lstrip('v').split('.')[0]}+json"

# Okabe & Ito (2008), a palette designed to stay distinct for the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
# What the article claims is drawn in one colour everywhere, so a reader learns it once.
CLAIM_COLOUR = "#D55E00"
DATA_COLOUR = "#0072B2"
SECONDARY_COLOUR = "#6b6b6b"


def theme() -> dict[str, Any]:
    font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
    return {
        "config": {
            "background": "transparent",
            "font": font,
            "view": {"stroke": None, "continuousWidth": 560, "continuousHeight": 300},
            "range": {"category": PALETTE},
            # Text and rule colours are left out: each mode's are set where the chart is drawn
            # (aiparadox.chart_drawing.INK, for the SVG and the interactive chart); Jupyter uses
            # Vega's defaults.
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": "normal"},
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom", "labelLimit": 320},
            "title": {"fontSize": 15, "anchor": "start", "subtitleFontSize": 12},
            "line": {"strokeWidth": 2.5},
            "point": {"size": 50, "filled": True},
            "text": {"fontSize": 12},
        }
    }


def legend_highlight(field: str, dimmed: float = 0.2):
    """Clicking a legend entry highlights that series and dims the others to ``dimmed``.

    Returns the selection (add it to the chart with ``add_params``) and the opacity encoding.
    """
    pick = alt.selection_point(fields=[field], bind="legend")
    return pick, alt.condition(pick, alt.value(1), alt.value(dimmed))


def _inline_json(spec: dict[str, Any]) -> str:
    # Inside <script>, "</script" ends the element and "<!--" changes how the rest is parsed (a
    # country named "Germany <!--<script>" broke the page). Every "<" is written "\u003c", which
    # JSON.parse reads back as "<"; outside strings JSON has no "<" at all.
    text = json.dumps(without_nan(spec), separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return text.replace("<", "\\u003c")


def chart_html(spec: dict[str, Any]) -> str:
    """The placeholder the book embeds for one chart: its name and its spec, which the Sphinx
    extension turns into the drawn chart, its table and its sources (aiparadox.static_charts)."""
    name = spec.get("usermeta", {}).get("aiparadox", {}).get("name", "chart")
    return (
        f'<div class="aiparadox-chart" data-chart="{html.escape(name)}">'
        f'<script type="application/json" class="aiparadox-chart-spec">{_inline_json(spec)}</script></div>'
    )


def book_renderer(spec: dict[str, Any], **_: Any) -> dict[str, Any]:
    return {VEGALITE_MIMETYPE: spec, "text/html": chart_html(spec)}


def enable() -> None:
    """Register and enable the theme and the right renderer for where the code runs."""
    import sys

    alt.theme.register(THEME, enable=True)(theme)
    alt.renderers.register(RENDERER, book_renderer)
    if "google.colab" in sys.modules:
        # Colab shows HTML in a sandboxed frame with internet access but cannot see the book's
        # _static folder; Altair's own Colab renderer is the one that works there.
        alt.renderers.enable("colab")
    else:
        alt.renderers.enable(RENDERER)
