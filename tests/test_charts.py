"""The renderer and the glue helpers that every chapter uses."""

from __future__ import annotations

import re

import altair as alt
import numpy as np
import pandas as pd
import pytest

from aiparadox import book, charts


@pytest.fixture
def chart():
    frame = pd.DataFrame({"x": [1, 2], "y": [0.5, 0.25], "label": ['a "quoted", name', "</script><b>"]})
    return alt.Chart(frame).mark_line().encode(x="x:Q", y="y:Q")


def test_renderer_gives_jupyter_the_vegalite_mimetype_and_the_book_offline_html(chart):
    charts.enable()
    bundle = book.figure("fig-test", chart, description="A test chart.", source="Nobody", tables=()).to_dict()
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
    spec = book.figure(
        "fig-test", chart, description="A test chart.", source="Somebody's survey", tables=("top500_accelerators",)
    ).to_dict()
    assert spec["description"] == "A test chart."
    assert spec["usermeta"]["aiparadox"] == {"name": "fig-test", "source": "Somebody's survey", "tables": ["top500_accelerators"]}


def test_a_figure_refuses_a_table_name_given_as_a_bare_string(chart):
    with pytest.raises(TypeError, match="tuple of table names"):
        book.figure("fig-x", chart, description="A chart.", source="Somebody", tables="top500_accelerators")


def test_figure_requires_a_description_and_a_source(chart):
    with pytest.raises(ValueError, match="description and a source"):
        book.figure("fig-x", chart, description=" ", source="Somebody", tables=())


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
    spec = alt.Chart(frame).mark_line().encode(x="x:Q", y="y:Q", color="series:N", opacity=opacity).add_params(pick).to_dict()
    param = spec["params"][0]
    assert param["select"] == {"type": "point", "fields": ["series"]} and param["bind"] == "legend"
    assert spec["encoding"]["opacity"] == {"condition": {"param": param["name"], "value": 1}, "value": 0.25}
