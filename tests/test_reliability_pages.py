"""What a reader gets when the data are hostile or damaged (issue 15): text from data enters the
pages as text (never a link, an image, HTML or a broken chart), cells that a spreadsheet would run
are defused in every CSV a reader downloads, and the book build stops on damaged data with one
line, prints the DataError behind a failed page, keeps no old report, and runs one at a time."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from aiparadox import book, charts, ledger, sources_page
from aiparadox.datapackage import Field, Source, Table, to_csv_bytes
from aiparadox.paths import ROOT
from tests.conftest import BUILD_COMMAND
from tests.reliability_toys import PUBLIC_DOMAIN

HOSTILE_NAME = "[China](https://evil.example/x) ![t](https://evil.example/t.png)"
BREAKING_NAME = "Germany <!--<script>"
FORMULA = '=HYPERLINK("https://evil.example/x","click")'


def as_html(markdown: str) -> str:
    """Render MyST Markdown the way the book's parser does (docutils, MyST), to HTML."""
    from docutils.core import publish_string
    from myst_parser.parsers.docutils_ import Parser

    return publish_string(
        markdown,
        parser=Parser(),
        writer_name="html5",
        settings_overrides={"report_level": 5, "output_encoding": "unicode", "myst_enable_extensions": ["colon_fence"]},
    )


def assert_shown_as_text(html: str) -> None:
    assert "evil.example" in html, "the text is still shown"
    assert not re.search(r"""(href|src)=["']https://evil\.example""", html), "no link or image to the host"
    assert "<img" not in html and "<code>" not in html and "<script" not in html.split("<body>")[1]


# --- prose, the ledger and the sources page ---------------------------------------------------


def test_a_name_from_the_data_enters_the_prose_as_text(monkeypatch):
    glued = {}
    monkeypatch.setattr(book, "_glue", lambda name, value, *_: glued.__setitem__(name, value))
    book.facts({"components_top_di": f"{HOSTILE_NAME} <code>", "aipi_economies": 174})
    html = as_html(f"The highest DI is {glued['components_top_di'].data}.")
    assert_shown_as_text(html)
    assert "[China](https://evil.example/x)" in html and "&lt;code&gt;" in html
    assert glued["aipi_economies"] == 174


def test_markup_that_the_code_writes_is_glued_as_it_is(monkeypatch):
    from aiparadox.markup import Markdown

    glued = {}
    monkeypatch.setattr(book, "_glue", lambda name, value, *_: glued.__setitem__(name, value))
    book.facts({"steps": Markdown("| Step | Result |\n|---|---|\n| a | b |")})
    assert "<table>" in as_html(glued["steps"].data)


def test_evidence_computed_from_the_data_enters_the_ledger_as_text():
    assessment = SimpleNamespace(
        claim=SimpleNamespace(id="C99", short=f"A claim about {HOSTILE_NAME}", attribution="Nobody"),
        verdict="Supported",
        evidence=f"{HOSTILE_NAME} holds 12% | of the total <code> at $20,000",
        source="<code>a source</code>",
        section="nowhere",
    )
    for markdown in (
        ledger.verdict_markdown(assessment),
        ledger.markdown_table([assessment]).replace("{ref}`nowhere`", ""),
    ):
        html = as_html(markdown)
        assert_shown_as_text(html)
        assert "12% | of the total &lt;code&gt; at $20,000" in html


def test_the_sources_page_escapes_what_the_descriptor_says(data_copy: Path):
    descriptor = json.loads((data_copy / "datapackage.json").read_text())
    res = next(r for r in descriptor["resources"] if r["name"] == "imf_aipi")
    res["description"] = "The index; see <code>AI_PI</code> and " + HOSTILE_NAME
    res["title"] = "AIPI " + HOSTILE_NAME
    res["sources"][0]["publisher"] = "IMF <code>"
    res["sources"][0]["path"] = 'https://evil.example/x"><img src=x>'
    res["schema"]["fields"][1]["description"] = "Name | as in <code> the workbook"
    (data_copy / "datapackage.json").write_text(json.dumps(descriptor))
    markdown = sources_page.markdown(data_copy).replace("{download}", "")
    html = as_html(markdown)
    assert_shown_as_text(html)
    assert "see &lt;code&gt;AI_PI&lt;/code&gt; and" in html
    assert "Name | as in &lt;code&gt; the workbook" in html, "a pipe in a description stays in its cell"


# --- charts and downloads -----------------------------------------------------------------------


def chart_spec() -> dict:
    rows = [
        {"country": BREAKING_NAME, "AI_PI": 0.7},
        {"country": FORMULA, "AI_PI": -0.1},
        {"country": "@SUM(A1)", "AI_PI": 0.2},
    ]
    tooltip = [
        {"field": "country", "type": "nominal", "title": "country"},
        {"field": "AI_PI", "type": "quantitative", "title": "AI_PI"},
    ]
    return {
        "data": {"name": "d1"},
        "mark": "point",
        "encoding": {"x": {"field": "AI_PI", "type": "quantitative"}, "tooltip": tooltip},
        "datasets": {"d1": rows},
        "usermeta": {"aiparadox": {"name": "fig-test", "source": "IMF", "tables": []}},
        "description": BREAKING_NAME,
    }


def test_a_name_that_opens_a_comment_or_a_script_does_not_break_the_chart(tmp_path: Path):
    from aiparadox import static_charts

    html = charts.chart_html(chart_spec())
    content = re.search(
        r'<script type="application/json" class="aiparadox-chart-spec">(.*?)</script>', html, re.S
    ).group(1)
    assert "<" not in content, "no '<' at all inside the script element"
    assert json.loads(content)["datasets"]["d1"][0]["country"] == BREAKING_NAME
    # On the page the name is text: in the drawing's description and in the table.
    place = static_charts.Placement("chapters/x", tmp_path / "html", tmp_path / "cache", lambda target: f"../{target}")
    block = static_charts.rewrite(html, static_charts.Book("A book", "https://example.org/", {}), place)
    assert "<!--" not in block and "<script" not in block
    assert block.count("Germany &lt;!--&lt;script&gt;") == 2


def test_the_chart_download_defuses_formulas_and_keeps_numbers():
    from aiparadox import chart_data

    (table,) = chart_data.chart_tables(chart_spec())
    frame = pd.read_csv(pd.io.common.StringIO(chart_data.csv_text(table)))
    assert frame["country"].tolist() == [BREAKING_NAME, "'" + FORMULA, "'@SUM(A1)"]
    assert frame["AI_PI"].tolist() == [0.7, -0.1, 0.2]


def test_a_committed_table_defuses_formulas_in_text_cells():
    table = Table(
        name="toy_names",
        title="Toy",
        description="Names",
        fields=(Field("name", "string", "A name"), Field("value", "number", "A value")),
        primary_key=("name",),
        sources=(Source("Nobody", "Toy", "t", "https://example.org", "2026-01-01", PUBLIC_DOMAIN, "test"),),
    )
    frame = pd.DataFrame({"name": [FORMULA, "+1 (555)", "-minus", "@at", "plain"], "value": [-1.5, 2.0, 3.0, 4.0, 5.0]})
    text = to_csv_bytes(frame, table).decode()
    names = pd.read_csv(pd.io.common.StringIO(text))["name"].tolist()
    assert names == ["'" + FORMULA, "'+1 (555)", "'-minus", "'@at", "plain"]
    assert pd.read_csv(pd.io.common.StringIO(text))["value"].tolist() == [-1.5, 2.0, 3.0, 4.0, 5.0]


# --- the book build --------------------------------------------------------------------------------

PAGE_HEADER = (
    "---\njupytext:\n  text_representation:\n    format_name: myst\n"
    "kernelspec:\n  display_name: Python 3\n  language: python\n  name: python3\n---\n\n"
)


def small_book(tmp_path: Path, cell: str | None = None) -> Path:
    folder = tmp_path / "book"
    folder.mkdir()
    shutil.copy(ROOT / "_config.yml", folder / "_config.yml")
    (folder / "references.bib").write_text("")
    (folder / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
    body = f"```{{code-cell}} ipython3\n{cell}\n```\n" if cell else "No code here.\n"
    (folder / "intro.md").write_text(PAGE_HEADER + "# A page\n\n" + body)
    return folder


def build_command(folder: Path, data_dir: Path | None = None) -> list[str]:
    """Jupyter Book's own command line, in a Python that may point the package at another data/."""
    point = (
        f"import aiparadox.paths; aiparadox.paths.DATA_DIR = __import__('pathlib').Path({str(data_dir)!r}); "
        if data_dir
        else ""
    )
    return [sys.executable, "-c", f"{point}from jupyter_book.cli.main import main; main({BUILD_COMMAND[1:]!r})"]


def test_damaged_data_stop_the_build_with_one_line(tmp_path: Path, data_copy: Path):
    path = data_copy / "top500_tiers.csv"
    path.write_bytes(path.read_bytes() + b"2026-06,10,10,10,1.0,1.0\n")
    folder = small_book(tmp_path, "from aiparadox import load\nload('top500_tiers')")
    result = subprocess.run(build_command(folder, data_copy), cwd=folder, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    lines = [line for line in output.splitlines() if "top500_tiers.csv" in line]
    assert lines == [
        f"aiparadox: the book's data cannot be used: {path}: sha256 does not match datapackage.json "
        "(the file changed since it was derived); re-derive it with `make data-build` or restore it with git"
    ], output
    assert "Traceback" not in output and "WARNING" not in output


def test_a_table_emptied_and_rehashed_stops_the_build_with_one_line(tmp_path: Path, data_copy: Path):
    """Its hash matches, so only the table's own rules (it has rows) stop the build before the pages."""
    from .test_reliability import damage_and_rehash

    path = damage_and_rehash(data_copy, "top500_tiers", lambda data: data.splitlines(keepends=True)[0])
    folder = small_book(tmp_path, "from aiparadox import load\nload('top500_tiers')")
    result = subprocess.run(build_command(folder, data_copy), cwd=folder, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    lines = [line for line in output.splitlines() if "top500_tiers.csv" in line]
    assert lines == [f"aiparadox: the book's data cannot be used: {path}: the table has no rows"], output
    assert "Traceback" not in output and "WARNING" not in output


def test_a_table_damaged_after_a_good_build_stops_the_next_build(tmp_path: Path, data_copy: Path):
    """A build whose data, descriptor and code are those a build already checked skips the check;
    one rehashed damaged table makes them differ, and the next build checks again and stops."""
    from .test_reliability import damage_and_rehash

    folder = small_book(tmp_path, "from aiparadox import load\nload('top500_tiers')")
    first = subprocess.run(build_command(folder, data_copy), cwd=folder, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, (first.stdout + first.stderr)[-3000:]
    path = damage_and_rehash(data_copy, "top500_tiers", lambda data: data.splitlines(keepends=True)[0])
    result = subprocess.run(build_command(folder, data_copy), cwd=folder, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    lines = [line for line in output.splitlines() if "top500_tiers.csv" in line]
    assert lines == [f"aiparadox: the book's data cannot be used: {path}: the table has no rows"], output


def test_a_folder_where_a_table_should_be_stops_the_build_with_one_line(tmp_path: Path, data_copy: Path):
    path = data_copy / "top500_tiers.csv"
    path.unlink()
    path.mkdir()
    folder = small_book(tmp_path)
    result = subprocess.run(build_command(folder, data_copy), cwd=folder, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    lines = [line for line in output.splitlines() if "top500_tiers.csv" in line]
    assert lines == [f"aiparadox: the book's data cannot be used: {path}: cannot be read (Is a directory)"], output
    assert "Traceback" not in output


def test_a_page_that_stops_on_a_data_error_says_why_and_old_reports_go(tmp_path: Path):
    folder = small_book(tmp_path, "from aiparadox.datapackage import DataError\nraise DataError('data/x.csv: no rows')")
    old = folder / "_build" / "html" / "reports" / "chapters" / "gone.err.log"
    old.parent.mkdir(parents=True)
    old.write_text("DataError: from a build long ago\n")
    result = subprocess.run(build_command(folder), cwd=folder, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "aiparadox: intro stopped on a data error: data/x.csv: no rows" in output, output[-3000:]
    assert not old.exists()
    assert (folder / "_build" / "html" / "reports" / "intro.err.log").exists()


def test_a_second_build_waits_for_the_first(tmp_path: Path):
    from aiparadox import swap

    folder = small_book(tmp_path)
    lines: list[str] = []
    with swap.lock(folder / "_build"):
        process = subprocess.Popen(
            build_command(folder), cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)
        reader.start()
        deadline = time.monotonic() + 120
        while (
            not any("another build of this book is running" in line for line in lines) and time.monotonic() < deadline
        ):
            assert process.poll() is None, "".join(lines)
            time.sleep(0.2)
        time.sleep(1.0)
        assert process.poll() is None, "the build waited while another held the lock"
    assert process.wait(timeout=300) == 0, "".join(lines)
    reader.join(timeout=10)
    assert any("another build of this book is running" in line and "waiting" in line for line in lines)
