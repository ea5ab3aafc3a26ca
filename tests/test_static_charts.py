"""Charts first: every chart drawn at build time (light and dark, wide and narrow), with its table,
its sources and its files; what a page carries, and what it does not (its data twice, data: URIs,
Font Awesome). The first tests need no build; those marked ``book`` read the built book."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from aiparadox import chart_data, chart_drawing, icons, static_charts
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


def test_the_icon_stylesheet_draws_the_themes_icons_without_its_fonts():
    script = icons.theme_fontawesome().read_text(encoding="utf-8")
    css = [icons.package_file(p, f).read_text(encoding="utf-8") for p, f in icons.THEME_STYLESHEETS]
    sheet = icons.stylesheet(script, "licence", css)
    assert '.fa-bars::before { --aiparadox-icon: url("data:image/svg+xml,' in sheet
    assert "a.reference.download:before { --aiparadox-icon" in sheet  # a glyph the theme's CSS puts in content
    # The icons' own elements keep the text's font, so that the browser fetches no Font Awesome font.
    assert (
        ".fa, .fas, .fa-solid, .far, .fa-regular, .fab, .fa-brands, .fa-classic { font-family: inherit !important; }"
        in sheet
    )
    with pytest.raises(RuntimeError, match="no icon named not-an-icon"):
        icons.stylesheet(script, "licence", css, names=("not-an-icon",))


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


@pytest.mark.book
def test_every_icon_on_a_page_is_drawn_by_the_icon_stylesheet(built_book: Path):
    sheet = (built_book / "_static" / icons.CSS_NAME).read_text(encoding="utf-8")
    families = {"fa-solid", "fa-regular", "fa-brands", "fa-lg", "fa-classic"}
    used = set()
    for page in book_pages(built_book):
        for classes in re.findall(r'class="([^"]*\bfa[srb]?-[^"]*)"', page.read_text(encoding="utf-8")):
            used |= {c for c in classes.split() if c.startswith("fa-") and c not in families}
    used.add("fa-xmark")  # the theme's script adds it to the search dialog
    missing = sorted(name for name in used if f".{name}::before {{ --aiparadox-icon" not in sheet)
    assert used and not missing, f"icons the stylesheet does not draw (add them to aiparadox.icons.ICONS): {missing}"


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


def test_the_theme_head_loses_font_awesome_and_its_search_scripts_wait():
    from aiparadox import sphinxext

    head = '<link href="a.css" rel="stylesheet" />\n  <script defer src="../_static/scripts/fontawesome.js?digest=1"></script>\n<link rel="preload" />'
    assert sphinxext.without_fontawesome(head) == '<link href="a.css" rel="stylesheet" />\n<link rel="preload" />'
    extra = '<script src="../_static/searchtools.js"></script>\n<script src="../searchindex.js"></script>'
    assert (
        sphinxext.deferred(extra)
        == '<script defer src="../_static/searchtools.js"></script>\n<script defer src="../searchindex.js"></script>'
    )
    # The search page's scripts block also holds documentation_options.js, which inline scripts use at once.
    options = '<script src="_static/documentation_options.js?v=9"></script>'
    assert sphinxext.deferred(options) == options
    # Other pages lose them: with search-as-you-type off, only the search page uses the index.
    head = f'<meta name="docsearch:version" content="" />\n    {extra.replace("<script src=", "<script defer src=", 1)}\n<script src="../_static/language_data.js?v=2"></script>'
    assert sphinxext.without_inline_search(head, False) == '<meta name="docsearch:version" content="" />'
    assert sphinxext.without_inline_search(extra, "True") == sphinxext.deferred(extra)


@pytest.mark.book
def test_only_the_search_page_loads_the_search_index(built_book: Path):
    loads_index = re.compile(r'<script\b[^>]*src="[^"]*searchindex\.js')
    every_page = [p for p in built_book.rglob("*.html") if "_static" not in p.parts]
    pages = {page.relative_to(built_book).as_posix(): page.read_text(encoding="utf-8") for page in every_page}
    assert loads_index.search(pages["search.html"]) and loads_index.search(pages["fr/search.html"])
    loading = sorted(
        name for name, text in pages.items() if loads_index.search(text) and not name.endswith("search.html")
    )
    assert len(pages) > 20 and not loading, f"pages that load the whole search index: {loading}"
    # Their search field still sends the query to the search page.
    assert re.search(r'<form class="bd-search[^>]*action="../search.html"', pages["chapters/bls.html"])
