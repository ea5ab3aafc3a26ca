"""The drawings of the charts (aiparadox.chart_drawing): the spec as drawn, at each width and in each
mode; drawn once and cached; in the edition's locale; and lean, with nothing an image never shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aiparadox import chart_drawing

from .test_static_charts import small_spec


def test_the_static_spec_is_drawn_at_a_width_in_the_modes_colours():
    spec = small_spec()
    dark = chart_drawing.static_spec(spec, "dark", 342)
    assert dark["width"] == 342 and dark["autosize"] == {"type": "fit-x", "contains": "padding"}
    assert dark["background"] == chart_drawing.INK["dark"]["background"]
    assert dark["config"]["axis"]["labelColor"] == chart_drawing.INK["dark"]["text"]
    assert spec["width"] == "container" and "config" not in spec, "the chart's own spec was changed"
    interactive = chart_drawing.interactive_spec(spec)
    assert (
        set(interactive["usermeta"]["aiparadox"]["modes"]) == {"light", "dark"}
        and interactive["usermeta"]["aiparadox"]["fits"]
    )


def test_drawings_are_svg_with_a_title_and_description_and_are_not_drawn_twice(tmp_path: Path, monkeypatch):
    import vl_convert

    spec = small_spec()
    files = chart_drawing.drawings(spec, tmp_path, "Fig. 9.1")
    assert set(files) == {(w, m) for w in chart_drawing.WIDTHS for m in chart_drawing.MODES}
    wide = files[("wide", "light")].read_text()
    assert wide.startswith("<svg") and '<title id="chart-title">Fig. 9.1</title>' in wide and "Two points" in wide
    assert chart_drawing.svg_size(wide)[0] == chart_drawing.WIDTHS["wide"]
    assert chart_drawing.svg_size(files[("narrow", "dark")].read_text())[0] == chart_drawing.WIDTHS["narrow"]

    def refuse(*args, **kwargs):
        raise AssertionError("a cached drawing was drawn again")

    monkeypatch.setattr(vl_convert, "vegalite_to_svg", refuse)
    assert chart_drawing.drawings(spec, tmp_path, "Fig. 9.1") == files
    changed = small_spec(note="a new note")
    with pytest.raises(AssertionError, match="drawn again"):
        chart_drawing.drawings(changed, tmp_path, "Fig. 9.1")


def percent_by_month_spec() -> dict:
    """A line of shares by month: its axes show a percentage and month names, its tooltip a decimal."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "height": 150,
        "data": {"name": "main"},
        "datasets": {"main": [{"month": "2020-01-01", "share": 0.1}, {"month": "2020-06-01", "share": 0.125}]},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": "month", "type": "temporal", "timeUnit": "yearmonth", "axis": {"format": "%b %Y"}},
            "y": {"field": "share", "type": "quantitative", "axis": {"format": ".1%"}},
        },
    }


def test_a_french_drawing_shows_french_numbers_and_months_and_the_english_one_is_drawn_as_before(tmp_path: Path):
    import vl_convert

    spec = percent_by_month_spec()
    english = chart_drawing.drawings(spec, tmp_path, "Fig. 9.1", "en")[("wide", "light")].read_text()
    french = chart_drawing.drawings(spec, tmp_path, "Fig. 9.1", "fr")[("wide", "light")].read_text()
    assert "10.0%" in english and "Jan 2020" in english
    assert "10,0\u202f%" in french and "janv. 2020" in french, "the French drawing is not in the French locale"
    assert "10.0%" not in french and "Jan 2020" not in french
    # The English drawing is exactly what it was before the editions had locales: drawn with d3's default.
    before = vl_convert.vegalite_to_svg(chart_drawing.static_spec(spec, "light", 672), allowed_base_urls=[])
    assert english == chart_drawing.with_accessible_text(
        chart_drawing.lean(chart_drawing.compact(before)), "Fig. 9.1", ""
    )
    assert (
        chart_drawing.drawing_key(spec)
        == chart_drawing.drawing_key(spec, "en")
        != chart_drawing.drawing_key(spec, "fr")
    )
    interactive = chart_drawing.interactive_spec(spec, "fr")["usermeta"]["aiparadox"]
    assert (
        interactive["formatLocale"]["percent"] == "\u202f%"
        and interactive["timeFormatLocale"]["months"][0] == "janvier"
    )
    assert "formatLocale" not in chart_drawing.interactive_spec(spec)["usermeta"]["aiparadox"]


def test_drawings_are_compacted_in_their_coordinates_only():
    svg = '<svg width="10" height="10"><path d="M1.23456,-0.004L3.5,7.999999"/><text x="2.345678">3.14159 of 1.00001</text></svg>'
    assert (
        chart_drawing.compact(svg)
        == '<svg width="10" height="10"><path d="M1.23,0L3.5,8"/><text x="2.35">3.14159 of 1.00001</text></svg>'
    )


def test_drawings_lose_the_marks_aria_and_empty_paths_but_keep_what_is_painted_and_the_marks_roles():
    import vl_convert

    drawn = vl_convert.vegalite_to_svg(chart_drawing.static_spec(small_spec(), "light", 672), allowed_base_urls=[])
    lean = chart_drawing.lean(drawn)
    assert 'aria-label="' in drawn and 'aria-roledescription="' in drawn and 'd="M0,0h0v0h0Z"' in drawn
    assert "aria-" not in lean and "role=" not in lean and "pointer-events" not in lean and "h0v0h0Z" not in lean
    assert len(lean) < 0.9 * len(drawn)
    # Everything painted is still there, in the same order, and the groups still name their marks' roles.
    painted = re.compile(r"<(?:path|line|text|rect|circle)\b[^>]*>")

    def paint(svg: str) -> list[str]:
        return [re.sub(r'\s(?:aria-[a-z]+|role|pointer-events)="[^"]*"', "", tag) for tag in painted.findall(svg)]

    shown = [t for t in paint(drawn) if "h0v0h0Z" not in t and 'display="none"' not in t and ' opacity="0"' not in t]
    assert shown == paint(lean)
    assert 'class="mark-symbol role-mark' in lean or 'class="mark-line role-mark' in lean
    # On the page the drawing is an <img>: what a screen reader hears is its alt text, the description.
    whole = chart_drawing.with_accessible_text(lean, "Fig. 9.1", "Two points.")
    assert whole.startswith("<svg") and ' role="img" aria-labelledby="chart-title chart-desc">' in whole[:400]


def test_drawings_lose_the_marks_painted_fully_transparent_and_keep_those_with_a_stroke():
    hover = '<path transform="translate(3,4)" d="M3,0A3,3,0,1,1,-3,0" fill="#56B4E9" stroke-width="2" opacity="0"/>'
    hidden_label = '<text transform="translate(9,16)" fill="#ced6dd" opacity="0">20<tspan>22</tspan></text>'
    stroked = '<path d="M0,0L5,5" fill-opacity="0" stroke="#000"/>'
    faint = '<path d="M0,0L5,5" opacity="0.05"/>'
    label = '<text transform="translate(9,16)" opacity="1">2024</text>'
    svg = f'<svg><g class="mark-symbol role-mark">{hover}{stroked}{faint}</g><g>{hidden_label}{label}</g></svg>'
    assert chart_drawing.lean(svg) == f'<svg><g class="mark-symbol role-mark">{stroked}{faint}</g><g>{label}</g></svg>'
    # A nearest-point selection's Voronoi cells paint nothing unless a cell sets its own fill or stroke.
    cells = '<path transform="translate(0,0)" d="M0,2L4,2L5,4Z" stroke-width="0.35"/>' * 3
    voronoi = f'<g class="mark-path role-mark view_1_voronoi">{cells}</g>'
    filled = '<g class="mark-path role-mark view_2_voronoi"><path d="M0,2L4,2Z" fill="#eee"/></g>'
    assert chart_drawing.lean(f"<svg>{voronoi}{filled}</svg>") == f"<svg>{filled}</svg>"
