"""The renderer and the glue helpers that every chapter uses."""

from __future__ import annotations

import collections
import re

import altair as alt
import numpy as np
import pandas as pd
import pytest

from aiparadox import book, chart_drawing, charts

from .conftest import EDITIONS, figure_names


@pytest.fixture
def chart():
    frame = pd.DataFrame({"x": [1, 2], "y": [0.5, 0.25], "label": ['a "quoted", name', "</script><b>"]})
    return alt.Chart(frame).mark_line().encode(x="x:Q", y="y:Q")


def test_renderer_gives_jupyter_the_vegalite_mimetype_and_the_book_offline_html(chart):
    charts.enable()
    bundle = book.figure_chart("fig-test", chart, description="A test chart.", source="Nobody", tables=()).to_dict()
    output = charts.book_renderer(bundle)
    assert set(output) == {charts.VEGALITE_MIMETYPE, "text/html"}
    html = output["text/html"]
    # Nothing to fetch: no script or stylesheet source, only the spec (whose $schema is a name, not a load).
    assert not re.search(r"\b(src|href)=\"https?:", html)
    assert "<script src" not in html and "<link" not in html
    assert 'class="aiparadox-chart"' in html and 'data-chart="fig-test"' in html


def test_spec_cannot_close_its_script_element(chart):
    html = charts.chart_html(chart.to_dict())
    spec_text = re.search(r'class="aiparadox-chart-spec">(.*?)</script>', html, re.S).group(1)
    assert "</" not in spec_text


def test_a_figure_carries_its_source_and_the_tables_it_draws_to_the_page(chart):
    spec = book.figure_chart(
        "fig-test", chart, description="A test chart.", source="Somebody's survey", tables=("top500_accelerators",)
    ).to_dict()
    assert spec["description"] == "A test chart."
    assert spec["usermeta"]["aiparadox"] == {
        "name": "fig-test",
        "source": "Somebody's survey",
        "tables": ["top500_accelerators"],
    }


def test_a_figure_refuses_a_table_name_given_as_a_bare_string(chart):
    with pytest.raises(TypeError, match="tuple of table names"):
        book.figure_chart("fig-x", chart, description="A chart.", source="Somebody", tables="top500_accelerators")


def test_figure_requires_a_description_and_a_source(chart):
    with pytest.raises(ValueError, match="description and a source"):
        book.figure_chart("fig-x", chart, description=" ", source="Somebody", tables=())


def test_numbers_are_glued_as_plain_python_numbers():
    assert type(book.as_python_number(np.float64(0.25))) is float
    assert type(book.as_python_number(np.int64(3))) is int
    with pytest.raises(ValueError, match="missing value"):
        book.as_python_number(pd.NA)
    with pytest.raises(TypeError):
        book.as_python_number("3")


def test_missing_values_become_null_not_nan():
    frame = pd.DataFrame({"x": [1, 2, 3], "y": [0.5, float("nan"), 0.25]})
    spec = alt.Chart(frame).mark_line().encode(x="x:Q", y="y:Q").to_dict()
    html = charts.chart_html(spec)
    spec_text = re.search(r'class="aiparadox-chart-spec">(.*?)</script>', html, re.S).group(1)
    assert "NaN" not in spec_text and '"y":null' in spec_text


def test_legend_highlight_dims_the_series_not_clicked():
    frame = pd.DataFrame({"x": [1, 2], "y": [1, 2], "series": ["a", "b"]})
    pick, opacity = charts.legend_highlight("series", dimmed=0.25)
    spec = (
        alt.Chart(frame)
        .mark_line()
        .encode(x="x:Q", y="y:Q", color="series:N", opacity=opacity)
        .add_params(pick)
        .to_dict()
    )
    param = spec["params"][0]
    assert param["select"] == {"type": "point", "fields": ["series"]} and param["bind"] == "legend"
    assert spec["encoding"]["opacity"] == {"condition": {"param": param["name"], "value": 1}, "value": 0.25}


# --- Dark mode hides nothing -------------------------------------------------------------------
# WCAG 2.1, success criterion 1.4.11 (non-text contrast): a graphical object needed to understand
# the content stands out from what is next to it by at least 3:1. Every mark of a chart, and every
# symbol of its legend, is checked against the background it is drawn on.
NON_TEXT_CONTRAST = 3.0
# The groups vl-convert's SVG gives the data marks and the legend's symbols (axes, grid and legend
# labels take the mode's own text and rule colours).
CHECKED_ROLES = ("role-mark", "role-legend-symbol")
SVG_NS = "{http://www.w3.org/2000/svg}"
DARK_BACKGROUND = chart_drawing.INK["dark"]["background"]


def rgb(colour: str) -> tuple[float, float, float, float] | None:
    """A colour as vl-convert writes it ("#rgb", "#rrggbb", "rgb()", "rgba()", a few names), with
    its alpha; None for no paint."""
    colour = colour.strip().lower()
    if colour in ("none", "transparent", ""):
        return None
    names = {"white": "#ffffff", "black": "#000000"}
    colour = names.get(colour, colour)
    if colour.startswith("#"):
        digits = colour[1:]
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return (*(int(digits[i : i + 2], 16) for i in (0, 2, 4)), 1.0)
    match = re.fullmatch(r"rgba?\(([^)]*)\)", colour)
    if not match:
        raise ValueError(f"unreadable colour {colour!r}")
    parts = [float(p) for p in match.group(1).split(",")]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def relative_luminance(red: float, green: float, blue: float) -> float:
    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(one: tuple[float, float, float], other: tuple[float, float, float]) -> float:
    light, dark = sorted((relative_luminance(*one), relative_luminance(*other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def low_contrast_marks(svg: str, background: str) -> list[str]:
    """The marks and legend symbols of a drawing whose every paint (fill, stroke), blended over the
    background at its opacity, contrasts with the background by less than 3:1. Invisible items
    (opacity 0, no paint: hover targets, points shown only on hover) are not drawn, so not checked."""
    from xml.etree import ElementTree

    ground = rgb(background)[:3]
    found = []

    def visit(element, inherited: dict[str, str], opacity: float, role: str) -> None:
        paint = {**inherited, **{k: v for k, v in element.attrib.items() if k in ("fill", "stroke", "stroke-width")}}
        opacity *= float(element.get("opacity", 1))
        role = next((r for r in CHECKED_ROLES if r in element.get("class", "").split()), role)
        tag = element.tag.removeprefix(SVG_NS)
        if role and tag in ("path", "rect", "line", "circle", "text", "polygon"):
            painted = []
            for channel in ("fill", "stroke"):
                colour = rgb(paint.get(channel, "none"))
                if colour is None or (channel == "stroke" and float(paint.get("stroke-width", 1)) == 0):
                    continue
                alpha = opacity * float(element.get(f"{channel}-opacity", 1)) * colour[3]
                if alpha > 0:
                    seen = tuple(alpha * c + (1 - alpha) * g for c, g in zip(colour[:3], ground, strict=True))
                    painted.append((contrast(seen, ground), f"{channel} {paint[channel]} at opacity {alpha:.2f}"))
            if painted and max(ratio for ratio, _ in painted) < NON_TEXT_CONTRAST:
                ratio, what = max(painted)
                found.append(f"{role} {tag}: {what}, {ratio:.2f}:1")
        for child in element:
            visit(child, paint, opacity, role)

    visit(ElementTree.fromstring(svg), {}, 1.0, "")
    return found


def dark_drawing(spec: dict) -> str:
    """A chart as the dark page shows it: in the mode's text and rule colours, on its background."""
    import vl_convert

    return vl_convert.vegalite_to_svg(chart_drawing.static_spec(spec, "dark", chart_drawing.WIDTHS["wide"]))


def book_drawings(chart: str, spec: dict) -> dict[tuple[str, str], str]:
    """The SVG drawings the book put on the page for a chart ("<edition><page>#<name>"), by (width,
    mode): read from the edition's build cache, where the build drew them."""
    edition = "fr/" if chart.startswith("fr/") else ""
    cache = EDITIONS[edition][1].parent / "aiparadox-charts"
    files = chart_drawing.drawings(spec, cache, chart)
    return {key: path.read_text(encoding="utf-8") for key, path in files.items()}


def test_low_contrast_marks_are_found():
    black_on_black = (
        alt.Chart(pd.DataFrame({"x": [1, 2], "y": [1, 2]})).mark_line(color="#000000").encode(x="x:Q", y="y:Q")
    )
    faint = alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_point(color="#0072B2", opacity=0.3).encode(x="x:Q")
    light = alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_point(color="#E69F00", opacity=1).encode(x="x:Q")
    assert low_contrast_marks(dark_drawing(black_on_black.to_dict()), DARK_BACKGROUND)
    assert len(low_contrast_marks(dark_drawing(faint.to_dict()), DARK_BACKGROUND)) == 2
    assert low_contrast_marks(dark_drawing(light.to_dict()), DARK_BACKGROUND) == []


@pytest.mark.book
def test_every_mark_of_every_dark_chart_stands_out_from_the_background(chart_specs):
    assert sorted(chart_specs) == sorted(figure_names()), "the figures of the pages and the charts glued differ"
    problems = []
    for name, spec in sorted(chart_specs.items()):
        for width in chart_drawing.WIDTHS:
            found = low_contrast_marks(book_drawings(name, spec)[(width, "dark")], DARK_BACKGROUND)
            problems += [f"{name} ({width}): {n} x {item}" for item, n in collections.Counter(found).items()]
    assert not problems, "marks that do not stand out by 3:1 from the dark background:\n" + "\n".join(problems)


@pytest.mark.book
def test_no_chart_text_is_cut_at_the_wide_or_the_narrow_width(chart_specs):
    """Vega cuts a label or a legend entry longer than its limit and ends it with "…": at the width of
    the text column on a desktop and on a phone, every chapter name, legend entry and label is whole."""
    cut = []
    for name, spec in sorted(chart_specs.items()):
        for width, pixels in chart_drawing.WIDTHS.items():
            svg = book_drawings(name, spec)[(width, "light")]
            cut += [f"{name} at {pixels} px: {text!r}" for text in re.findall(r"<text\b[^>]*>([^<]*…)</text>", svg)]
    assert not cut, "text cut short:\n" + "\n".join(cut)


@pytest.mark.book
def test_a_nearest_point_tooltip_reads_the_point_it_names(chart_specs):
    """A nearest-point selection draws invisible cells over the chart whose tooltip must read the
    point's own fields (datum.datum); a field read off the cell itself shows "undefined"."""
    import vl_convert

    wrong = []
    for name, spec in sorted(chart_specs.items()):
        for mark in vl_convert.vegalite_to_vega(spec).get("marks", []):
            if mark.get("name", "").endswith("_voronoi"):
                tooltip = mark.get("encode", {}).get("update", {}).get("tooltip", {}).get("signal", "")
                wrong += [f"{name}: {field}" for field in re.findall(r'(?<!datum\.)datum\["(\w+)"\]', tooltip)]
    assert not wrong, "tooltips reading a field the nearest-point cell does not have:\n" + "\n".join(wrong)
