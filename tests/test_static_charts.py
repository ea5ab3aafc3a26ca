"""Charts first: every chart's static-first block, with its table, its sources and its files; what a
page carries, and what it does not (its data twice, data: URIs). The drawings themselves are tested
in test_chart_drawing.py, the theme's head and icons in test_theme_head.py. The first tests need no
build; those marked ``book`` read the built book."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from aiparadox import chart_data, static_charts
from aiparadox.paths import ROOT

from .conftest import book_pages

HELPER_COLUMNS = {"stretch", "order", "rank", "shown", "jitter", "selected", "pillar_order", "label_offset"}


def small_spec(**usermeta) -> dict:
    """A layered chart as Altair writes one: a named dataset with a helper column, tooltips, a
    calculated field and a dataset that no tooltip reads."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "description": "Two points, the second higher.",
        "width": "container",
        "height": 200,
        "data": {"name": "main"},
        "layer": [
            {
                "mark": "point",
                "transform": [{"calculate": "datum.code + '!'", "as": "shout"}],
                "encoding": {
                    "x": {"field": "year", "type": "quantitative"},
                    "y": {"field": "share", "type": "quantitative"},
                    "order": {"field": "rank"},
                    "tooltip": [
                        {"field": "year", "type": "quantitative", "title": "Year", "format": "d"},
                        {"field": "share", "type": "quantitative", "title": "Share", "format": ".1%"},
                        {"field": "shout", "type": "nominal", "title": "Code"},
                    ],
                },
            },
            {
                "data": {"name": "notes"},
                "mark": "text",
                "encoding": {
                    "x": {"field": "year", "type": "quantitative", "title": "Year"},
                    "text": {"field": "note"},
                },
            },
        ],
        "datasets": {
            "main": [
                {"year": 2020, "share": 0.1234, "rank": 2, "code": "=HYPERLINK(1)"},
                {"year": 2021, "share": -0.5, "rank": 1, "code": "B"},
            ],
            "notes": [{"year": 2021, "note": "a note"}],
        },
        "usermeta": {
            "aiparadox": {
                "name": "fig-small",
                "source": "Somebody's survey",
                "tables": ["top500_accelerators"],
                **usermeta,
            }
        },
    }


def test_the_table_has_the_columns_the_tooltips_show_titled_as_they_title_them():
    main, notes = chart_data.chart_tables(small_spec())
    assert [c.field for c in main.columns] == ["year", "share", "code"]  # "rank" only orders marks
    assert [c.header for c in main.columns] == ["Year", "Share (%)", "Code"]
    assert [chart_data.format_cell(main.rows[0][c.field], c) for c in main.columns] == [
        "2020",
        "12.3%",
        "=HYPERLINK(1)",
    ]
    assert [c.field for c in notes.columns] == ["year", "note"]  # no tooltip: what its marks encode


def test_a_folded_column_is_shown_under_its_own_name():
    spec = {
        "data": {"name": "d"},
        "transform": [{"fold": ["Share of systems", "Share of Rmax"], "as": ["measure", "share"]}],
        "mark": "bar",
        "encoding": {
            "tooltip": [{"field": "family", "title": "Family"}, {"field": "share", "title": "Share", "format": ".1%"}]
        },
        "datasets": {"d": [{"family": "NVIDIA", "Share of systems": 0.25, "Share of Rmax": 0.5, "order": 1}]},
    }
    (table,) = chart_data.chart_tables(spec)
    assert [c.header for c in table.columns] == ["Family", "Share of systems (%)", "Share of Rmax (%)"]
    assert chart_data.csv_text(table).splitlines() == ["Family,Share of systems (%),Share of Rmax (%)", "NVIDIA,25,50"]


@pytest.mark.parametrize(
    ("value", "spec", "shown"),
    [
        (1234.5, ",.0f", "1,235"),  # a tie goes up, as in JavaScript
        (-2760, "+,.0f", "\u22122,760"),
        (5, "+,.0f", "+5"),
        (0.125, ".0%", "13%"),
        (-0.0004, ".1%", "0.0%"),  # no sign on a value that rounds to zero
        (301720, "$,.0f", "$301,720"),
        (1234567.891, ",", "1,234,567.891"),
        (7.0, "d", "7"),
    ],
)
def test_numbers_are_written_as_the_charts_tooltips_write_them(value, spec, shown):
    assert chart_data.format_number(value, spec) == shown


@pytest.mark.parametrize(
    ("value", "column", "english", "french"),
    [
        (0.2904, chart_data.Column("s", "Share", ".1%"), "29.0%", "29,0\u202f%"),
        (4178.2, chart_data.Column("e", "Energy", ",.0f"), "4,178", "4\u202f178"),
        (2025, chart_data.Column("y", "Year", "d"), "2025", "2025"),
        ("2025-11-01", chart_data.Column("m", "Month", "%B %Y", temporal=True), "November 2025", "novembre 2025"),
        ("Huberman and Minns", chart_data.Column("e", "Estimate"), "Huberman and Minns", "Huberman and Minns"),
    ],
)
def test_a_tables_cells_follow_the_editions_typography(value, column, english, french):
    assert chart_data.format_cell(value, column) == english
    assert chart_data.format_cell(value, column, "fr") == french


def test_a_french_table_heads_each_run_of_rows_the_french_way():
    """A run's heading spaces its colon and semicolon as French does ("Pays : Belgique ; Groupe : AE")."""
    columns = (
        chart_data.Column("country", "Pays"),
        chart_data.Column("group", "Groupe"),
        chart_data.Column("year", "Année", "d"),
        chart_data.Column("share", "Part", ".0%"),
    )
    rows = tuple(
        {"country": "Belgique" if i < 8 else "France", "group": "AE", "year": 2000 + i, "share": i / 100}
        for i in range(16)
    )
    table = chart_data.DataTable("main", columns, rows)
    french = static_charts._table_html(table, "Données", "fr")
    assert "Pays\u00a0: Belgique\u202f; Groupe\u00a0: AE" in french and "<td>15\u202f%" in french
    assert "Pays: Belgique; Groupe: AE" in static_charts._table_html(table, "Data", "en")


def test_the_csv_has_units_raw_values_and_no_cell_a_spreadsheet_would_run():
    main, _ = chart_data.chart_tables(small_spec())
    lines = chart_data.csv_text(main).splitlines()
    assert lines == ["Year,Share (%),Code", "2020,12.34,'=HYPERLINK(1)", "2021,-50,B"]


def test_inline_data_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="named dataset"):
        chart_data.chart_tables({"data": {"values": [{"a": 1}]}, "mark": "point"})


def page_with(spec: dict) -> str:
    from aiparadox.charts import _inline_json

    return (
        '<p>Before.</p><figure class="align-default" id="fig-small"><div class="output text_html">'
        f'<div class="aiparadox-chart" data-chart="fig-small"><script type="application/json" class="aiparadox-chart-spec">{_inline_json(spec)}</script></div>'
        '</div><figcaption>\n<p><span class="caption-number">Fig. 9.1 </span><span class="caption-text">Two <em>points</em>.</span>'
        '<a class="headerlink" href="#fig-small" title="Link to this image">#</a></p>\n</figcaption>\n</figure>'
    )


@pytest.fixture
def book_info() -> static_charts.Book:
    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text())
    return static_charts.Book("A book", "https://example.org/book/", {r["name"]: r for r in descriptor["resources"]})


def placement(tmp_path: Path) -> static_charts.Placement:
    return static_charts.Placement("chapters/x", tmp_path / "html", tmp_path / "cache", lambda target: f"../{target}")


def test_a_placeholder_becomes_the_chart_its_table_its_sources_and_its_files(tmp_path: Path, book_info):
    body = static_charts.rewrite(page_with(small_spec()), book_info, placement(tmp_path))
    assert "aiparadox-chart-spec" not in body and '="data:' not in body and '"datasets"' not in body
    assert body.startswith("<p>Before.</p><figure")
    picture = re.search(r"<picture>.*?</picture>", body).group(0)
    assert len(re.findall(r"<source ", picture)) == 3 and 'alt="Two points, the second higher."' in picture
    assert 'media="screen and (prefers-color-scheme: dark) and (scripting: enabled)"' in picture
    for src in re.findall(r'(?:srcset|src)="\.\./([^"]+)"', picture):
        assert (tmp_path / "html" / src).read_text().startswith("<svg"), src
    assert re.findall(r'value="(\w+)"', body) == ["chart", "table", "sources"]
    assert "<caption>Data of Fig. 9.1, part 1</caption>" in body and "<th>Share (%)</th>" in body
    assert "<td>12.3%<td>=HYPERLINK(1)" in body  # escaped text on the page; neutralised only in the file
    resource = book_info.resources["top500_accelerators"]
    source = resource["sources"][0]
    for fact in (source["publisher"], source["path"], source["retrieved"]):
        assert fact in body or fact.replace("'", "&#x27;") in body
    assert "Source: Somebody&#x27;s survey" in body
    folder = tmp_path / "html" / "_charts"
    assert (folder / "fig-small-1.csv").read_text().splitlines()[1] == "2020,12.34,'=HYPERLINK(1)"
    about = (folder / "fig-small.txt").read_text()
    assert about.startswith("Fig. 9.1: Two points.")
    for needed in (
        f"Licence: {source['licence']}",
        f"Retrieved: {source['retrieved']}",
        "How to cite:",
        "https://example.org/book/chapters/x.html#fig-small",
    ):
        assert needed in about
    spec_file = re.search(r'data-spec="\.\./(_charts/[^"]+\.json)"', body).group(1)
    assert json.loads((tmp_path / "html" / spec_file).read_text())["datasets"]["main"][0]["year"] == 2020


def test_a_charts_selectors_are_under_its_drawing_as_vega_writes_them(tmp_path: Path, book_info):
    spec = small_spec()
    spec["params"] = [
        {
            "name": "measure",
            "value": "rmax",
            "bind": {"input": "radio", "options": ["count", "rmax"], "labels": ["Count", "Rmax"], "name": "Measure: "},
        },
        {"name": "country", "value": "Spain", "bind": {"input": "select", "options": ["France", "Spain"]}},
    ]
    body = static_charts.rewrite(page_with(spec), book_info, placement(tmp_path))
    controls = re.search(
        r'<div class="aiparadox-chart-controls vega-bindings">.*?</select></label></div></div>', body
    ).group(0)
    assert controls.count('<div class="vega-bind" data-placeholder>') == 2
    assert body.index("</picture>") < body.index(controls) < body.index('data-view="table"')
    assert re.findall(r'<input type="radio" name="measure" value="(\w+)"( checked)?>(\w+)</label>', controls) == [
        ("count", "", "Count"),
        ("rmax", " checked", "Rmax"),
    ]
    assert '<span class="vega-bind-name">Measure: </span>' in controls
    assert '<label><span class="vega-bind-name">country</span><select name="country">' in controls
    assert '<option value="Spain" selected>Spain</option>' in controls
    # A chart with no selector (a legend binding draws none of its own) has no empty block under it.
    assert "aiparadox-chart-controls" not in static_charts.rewrite(
        page_with(small_spec()), book_info, placement(tmp_path)
    )
    legend = {"params": [{"name": "pick", "select": {"type": "point", "fields": ["year"]}, "bind": "legend"}]}
    assert static_charts.controls_html(legend) == ""


def test_two_charts_of_a_page_binding_selectors_to_one_parameter_name_are_refused(tmp_path: Path, book_info):
    def chart(name: str, params: list) -> str:
        spec = small_spec()
        spec["params"] = params
        return page_with(spec).replace("fig-small", name)

    radio = [{"name": "measure", "value": "a", "bind": {"input": "radio", "options": ["a", "b"]}}]
    with pytest.raises(ValueError, match="charts 'fig-one' and 'fig-two' both bind a selector to 'measure'"):
        static_charts.rewrite(chart("fig-one", radio) + chart("fig-two", radio), book_info, placement(tmp_path))
    # One chart binding it is fine, and so is a second chart whose parameter of that name is bound to nothing.
    unbound = [{"name": "measure", "value": "a"}]
    body = static_charts.rewrite(chart("fig-one", radio) + chart("fig-three", unbound), book_info, placement(tmp_path))
    assert body.count("aiparadox-chart-controls") == 1


def test_a_chart_naming_a_table_the_data_package_lacks_is_refused(tmp_path: Path, book_info):
    spec = small_spec()
    spec["usermeta"]["aiparadox"]["tables"] = ["no_such_table"]
    with pytest.raises(
        ValueError, match="'fig-small' names tables that data/datapackage.json does not have: no_such_table"
    ):
        static_charts.rewrite(page_with(spec), book_info, placement(tmp_path))


def test_a_new_version_of_a_chart_replaces_the_old_files(tmp_path: Path, book_info):
    static_charts.rewrite(page_with(small_spec()), book_info, placement(tmp_path))
    static_charts.rewrite(page_with(small_spec(note="changed")), book_info, placement(tmp_path))
    keys = {
        re.match(r"fig-small-([0-9a-f]{16})", p.name).group(1)
        for p in (tmp_path / "html" / "_charts").glob("fig-small-*")
        if re.match(r"fig-small-[0-9a-f]{16}", p.name)
    }
    assert len(keys) == 1


# ---------------------------------------------------------------------------------------------
# The built book


class _Charts(HTMLParser):
    """The chart blocks of a page: each one's images, views, table rows and links."""

    def __init__(self) -> None:
        super().__init__()
        self.charts: list[dict] = []
        self.in_chart = 0
        self.figure_captions = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "div" and "aiparadox-chart" in classes:
            self.charts.append(
                {
                    "name": attrs["data-chart"],
                    "spec": attrs.get("data-spec"),
                    "images": [],
                    "views": [],
                    "rows": 0,
                    "links": [],
                    "source": False,
                }
            )
        if not self.charts:
            return
        chart = self.charts[-1]
        if tag in ("img", "source"):
            chart["images"].append(attrs.get("src") or attrs.get("srcset"))
            if tag == "img":
                chart["alt"] = attrs.get("alt", "")
        elif tag == "input" and attrs.get("name") == f"{chart['name']}-view":
            # Chart | Table | Sources (a chart's own selectors are inputs too).
            chart["views"].append(attrs.get("value"))
        elif tag == "tr":
            chart["rows"] += 1
        elif tag == "a" and attrs.get("href"):
            chart["links"].append(attrs["href"])
        elif tag == "span" and "aiparadox-chart-source" in classes:
            chart["source"] = True
        elif tag == "figcaption":
            chart["caption"] = True


def charts_of(page: Path) -> list[dict]:
    parser = _Charts()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.charts


def figures_in_sources() -> int:
    pages = [root / "intro.md" for root in (ROOT, ROOT / "fr")] + sorted((ROOT / "chapters").glob("*.md"))
    pages += sorted((ROOT / "fr" / "chapters").glob("*.md"))
    return sum(p.read_text(encoding="utf-8").count("```{glue:figure}") for p in pages)


@pytest.mark.book
def test_every_chart_is_on_its_page_with_no_script(built_book: Path):
    problems, total = [], 0
    for page in book_pages(built_book):
        for chart in charts_of(page):
            total += 1
            where = f"{page.relative_to(built_book)}: {chart['name']}"
            if len(chart["images"]) != 4:
                problems.append(f"{where}: {len(chart['images'])} drawings, expected light and dark, wide and narrow")
            for image in chart["images"]:
                if not (page.parent / image).is_file():
                    problems.append(f"{where}: no file {image}")
            if len(chart.get("alt", "")) < 40:
                problems.append(f"{where}: the drawing has no description")
            if chart["views"] != ["chart", "table", "sources"]:
                problems.append(f"{where}: views {chart['views']}")
            if chart["rows"] < 2:
                problems.append(f"{where}: no table of its data")
            if not chart["source"] or not chart.get("caption"):
                problems.append(f"{where}: no source line or no caption")
            if not (page.parent / chart["spec"]).is_file():
                problems.append(f"{where}: no interactive spec at {chart['spec']}")
    assert total == figures_in_sources(), (
        f"{figures_in_sources()} figures in the pages' sources, {total} charts on the pages"
    )
    assert not problems, "\n".join(problems)


@pytest.mark.book
def test_french_charts_are_drawn_in_the_french_locale_and_english_ones_in_the_english(built_book: Path):
    """The TOP500 chapter's share axis: "10%" in English, "10 %" (a narrow no-break space) in French,
    in the drawings and in the locale the interactive chart is given."""

    def drawn_text(page: Path) -> str:
        charts = charts_of(page)
        assert charts, f"{page}: no chart"
        drawings = [(page.parent / image).read_text(encoding="utf-8") for chart in charts for image in chart["images"]]
        return "".join(re.sub(r"<[^>]+>", " ", svg) for svg in drawings)

    english = drawn_text(built_book / "chapters" / "top500.html")
    french = drawn_text(built_book / "fr" / "chapters" / "top500.html")
    assert re.search(r"\d%", english) and "\u202f%" not in english
    assert re.search(r"\d\u202f%", french) and not re.search(r"\d%", french)
    # The Table view writes its numbers as the tooltips do.
    cells = re.findall(r"<td>([^<]*)", (built_book / "fr" / "chapters" / "top500.html").read_text(encoding="utf-8"))
    assert any(re.search(r"\d\u202f%", c) for c in cells) and not any(re.search(r"\d%|\d\.\d", c) for c in cells)
    french_specs = [
        built_book / "fr" / "chapters" / c["spec"] for c in charts_of(built_book / "fr" / "chapters" / "top500.html")
    ]
    assert all(
        json.loads(s.read_text())["usermeta"]["aiparadox"]["formatLocale"]["decimal"] == "," for s in french_specs
    )


@pytest.mark.book
def test_no_page_carries_a_charts_data_twice_or_loads_heavy_scripts_first(built_book: Path):
    problems = []
    for page in book_pages(built_book):
        html = page.read_text(encoding="utf-8")
        where = page.relative_to(built_book)
        if 'href="data:' in html or 'src="data:' in html:
            problems.append(f"{where}: a data: URI (downloads are files)")
        if "aiparadox-chart-spec" in html or '"datasets"' in html:
            problems.append(f"{where}: a chart's spec and its data are inline (the table already carries them)")
        for script in re.findall(r"<script\b[^>]*\bsrc=\"([^\"]+)\"", html):
            if re.search(r"(fontawesome|vega-bundle)\.js", script):
                problems.append(f"{where}: loads {script} before any interaction")
    assert not problems, "\n".join(problems)


@pytest.mark.book
def test_downloads_carry_meaningful_columns_with_their_source_beside_them(built_book: Path):
    problems = []
    folder = built_book / "_charts"
    csvs = sorted(folder.glob("*.csv"))
    assert csvs
    for path in csvs:
        header, *rows = path.read_text(encoding="utf-8").splitlines()
        helpers = HELPER_COLUMNS & {h.strip('"') for h in header.split(",")}
        if helpers or not rows:
            problems.append(f"{path.name}: helper columns {sorted(helpers)} or no rows")
        for line in rows:
            if re.search(r"(^|,)[=+@]", line):
                problems.append(f"{path.name}: a cell a spreadsheet would run: {line}")
        about = folder / (re.sub(r"-\d+$", "", path.stem) + ".txt")
        text = about.read_text(encoding="utf-8") if about.exists() else ""
        if not all(word in text for word in ("How to cite:", "Source line under the chart:")):
            problems.append(f"{path.name}: no source and citation beside it")
    assert not problems, "\n".join(problems)
