"""The benchmark's own logic: the pages it finds, the bare book it writes, the build log it reads,
the targets it checks and the table it prints. No book is built here (`make bench` does that); the
one browser test loads a small synthetic page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from aiparadox import toc
from aiparadox.paths import ROOT
from bench import run


def test_page_title_skips_the_front_matter():
    text = "---\njupytext:\n  title: not this\n---\n\n(label)=\n# The real title\n\n## A section\n"
    assert run.page_title(text, "fallback") == "The real title"
    assert run.page_title("No heading here.\n", "fallback") == "fallback"


def test_bare_config_drops_only_the_books_own_extensions():
    config = {
        "title": "A book",
        "execute": {"execute_notebooks": "cache"},
        "sphinx": {"extra_extensions": ["aiparadox.sphinxext", "sphinx_exercise", "sphinxext.opengraph"], "config": {"numfig": True}},
    }
    bare = run.bare_config(config)
    assert bare["sphinx"]["extra_extensions"] == ["sphinx_exercise", "sphinxext.opengraph"]
    assert bare["sphinx"]["config"] == {"numfig": True}
    assert bare["execute"] == {"execute_notebooks": "cache"}
    assert bare["title"] != config["title"]
    assert config["sphinx"]["extra_extensions"][0] == "aiparadox.sphinxext", "the book's config was changed"


def test_the_bare_book_mirrors_the_books_pages_without_code(tmp_path: Path):
    docnames = run.make_bare_book(ROOT, tmp_path / "bare")
    assert docnames == toc.docnames(ROOT)
    assert (tmp_path / "bare" / "_toc.yml").read_bytes() == (ROOT / "_toc.yml").read_bytes()
    config = yaml.safe_load((tmp_path / "bare" / "_config.yml").read_text())
    book_config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert not [e for e in config["sphinx"]["extra_extensions"] if e.startswith("aiparadox")]
    assert config["execute"] == book_config["execute"]
    assert config["parse"] == book_config["parse"]
    for bibliography in book_config.get("bibtex_bibfiles", []):
        assert (tmp_path / "bare" / bibliography).read_bytes() == (ROOT / bibliography).read_bytes()
    for docname in docnames:
        page = (tmp_path / "bare" / f"{docname}.md").read_text()
        assert "code-cell" not in page and "kernelspec" not in page
        book_title = run.page_title(run.source_of(ROOT, docname).read_text(), docname)
        assert page.startswith(f"# {book_title}\n")


def test_a_page_missing_from_the_book_is_named(tmp_path: Path):
    book = tmp_path / "book"
    book.mkdir()
    (book / "_config.yml").write_text("title: A book\n")
    (book / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: chapters/gone\n")
    (book / "intro.md").write_text("# Intro\n")
    with pytest.raises(FileNotFoundError, match="chapters/gone"):
        run.make_bare_book(book, tmp_path / "bare")


def test_executed_notebooks_are_read_from_the_build_log(tmp_path: Path):
    log = (
        "reading sources... [ 33%] chapters/top500\n"
        f"{tmp_path}/chapters/top500.md: Executing notebook using local CWD [mystnb]\n"
        f"{tmp_path}/chapters/top500.md: Executed notebook in 6.79 seconds [mystnb]\n"
        f"{tmp_path}/intro.md: Executed notebook in 10 seconds [mystnb]\n"
        f"{tmp_path}/intro.md: Cached executed notebook: ID=3 [mystnb]\n"
    )
    assert run.executed_notebooks(log, tmp_path) == {"chapters/top500": 6.79, "intro": 10.0}
    assert run.executed_notebooks("no targets are out of date.\n", tmp_path) == {}


def test_page_weights_count_the_html_and_the_inline_specs(tmp_path: Path):
    spec = '{"mark":"line","data":{"values":[1,2,3]}}'
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "a.html").write_text(
        f'<html><div class="aiparadox-chart"><script type="application/json" class="aiparadox-chart-spec">{spec}</script></div>'
        f'<div class="aiparadox-chart"><script type="application/json" class="aiparadox-chart-spec">{{}}</script></div></html>'
    )
    (tmp_path / "intro.html").write_text("<html>é</html>")
    weights = run.page_weights(tmp_path, ["intro", "chapters/a"])
    assert weights["intro"] == {"bytes": len("<html>é</html>".encode()), "charts": 0, "largest_spec_bytes": 0}
    assert weights["chapters/a"]["charts"] == 2
    assert weights["chapters/a"]["largest_spec_bytes"] == len(spec)
    assert weights["chapters/a"]["bytes"] == (tmp_path / "chapters" / "a.html").stat().st_size


def test_paired_ratio_is_the_median_of_the_pairs_ratios():
    # The second pair ran during a load spike that slowed both builds.
    assert run.paired_ratio([2.5, 9.0, 2.6], [2.0, 9.0, 2.0]) == pytest.approx(1.25)
    with pytest.raises(ValueError, match="paired"):
        run.paired_ratio([1.0, 2.0], [1.0])


def _results(**overrides) -> dict:
    results = {
        "machine": {"date": "2026-01-01T00:00:00+00:00", "cores": 2, "load_average": 0.5},
        "settings": {"runs": 3, "loads": 5, "raw": "/raw"},
        "builds": {
            "samples": {"book": {"cold": [30.0, 31.0, 29.0], "warm": [6.0, 9.0, 6.5]}, "bare": {"cold": [8.0, 8.0, 9.0], "warm": [5.0, 5.0, 6.0]}},
            "notebooks": {"intro": [2.0, 2.5, 3.0], "chapters/top500": [4.0, 6.0, 5.5]},
            "reference_notebooks": {"(reference: an empty notebook)": [1.0, 1.1, 0.9]},
            "warm_executed": [],
        },
        "datasets": {"top500": {"seconds": [10.0, 12.0, 11.0]}, "bls": {"seconds": [1.0, 1.0, 2.0]}},
        "pages": {
            "intro": {"bytes": 20_000, "charts": 0, "largest_spec_bytes": 0},
            "chapters/top500": {"bytes": 40_000, "charts": 1, "largest_spec_bytes": 9_000},
            "chapters/data-and-sources": {"bytes": 60_000, "charts": 0, "largest_spec_bytes": 0},
        },
        "bundle_bytes": 900_000,
        "renders": {
            "intro": {"charts_ms": [], "bundle_ms": [], "load_ms": [300.0] * 5, "bare_load_ms": [250.0] * 5, "failed_charts": 0},
            "chapters/top500": {
                "charts_ms": [900.0, 1200.0, 800.0, 1100.0, 1000.0], "bundle_ms": [200.0] * 5,
                "load_ms": [400.0] * 5, "bare_load_ms": [260.0] * 5, "failed_charts": 0,
            },
            "chapters/data-and-sources": {"charts_ms": [], "bundle_ms": [], "load_ms": [310.0] * 5, "bare_load_ms": [255.0] * 5, "failed_charts": 0},
        },
    }
    results.update(overrides)
    return results


def _by_name(targets: list[dict]) -> dict[str, dict]:
    return {t["target"]: t for t in targets}


def test_targets_take_medians_and_the_heaviest_page_with_charts():
    targets = _by_name(run.evaluate_targets(_results()))
    warm = targets["warm rebuild / bare book's"]
    assert warm["measured"] == pytest.approx(6.0 / 5.0) and warm["met"] is True  # pairs: 1.2, 1.8, 1.08
    slowest = targets["slowest notebook execution"]
    assert (slowest["where"], slowest["measured"], slowest["met"]) == ("chapters/top500", 5.5, False)
    assert targets["heaviest page, without the bundle"]["where"] == "chapters/data-and-sources"
    assert targets["largest chart spec"]["measured"] == pytest.approx(9_000 / 1024)
    # data-and-sources is heavier but draws nothing: the render target is about pages with charts.
    render = targets["charts drawn, heaviest page"]
    assert (render["where"], render["measured"], render["met"]) == ("chapters/top500", 1000.0, True)
    derive = targets["deriving every dataset"]
    assert derive["measured"] == pytest.approx(11.0 + 1.0) and derive["met"] is True


def test_targets_not_measured_say_why():
    results = _results(datasets={"top500": {"skipped": "no raw inputs at /raw/top500"}, "bls": {"seconds": [1.0]}})
    del results["builds"]
    results["renders"] = "skipped: Debian's chromium is not installed (apt-get install chromium)"
    targets = _by_name(run.evaluate_targets(results))
    for name in ("warm rebuild / bare book's", "slowest notebook execution", "charts drawn, heaviest page", "deriving every dataset"):
        assert targets[name]["met"] is None and targets[name]["measured"] is None, name
    assert "top500" in targets["deriving every dataset"]["where"]
    assert "chromium" in targets["charts drawn, heaviest page"]["where"]
    assert targets["largest chart spec"]["met"] is True


def test_format_table_aligns_text_left_and_numbers_right():
    table = run.format_table(["name", "seconds", "note"], [["a", 1.5, None], ["longer name", 123.25, "x"], ["c", 12_345, "y"]])
    lines = table.splitlines()
    assert lines[0] == "name         seconds  note"
    assert lines[1] == "-----------  -------  ----"
    assert lines[2] == "a               1.50  -"
    assert lines[3] == "longer name    123.2  x"
    assert lines[4] == "c             12,345  y"


def test_the_report_carries_the_header_the_ratio_and_every_target():
    results = _results()
    results["targets"] = run.evaluate_targets(results)
    text = run.report(results)
    assert "2 cores" in text and "3 runs" in text and "5 loads" in text
    warm_line = next(line for line in text.splitlines() if line.startswith("warm rebuild"))
    assert warm_line.split()[-1] == "1.20"
    assert "(reference: an empty notebook)" in text
    assert "MISSED" in text and "chapters/top500" in text
    targets_table = text.split("\nTargets\n")[1].splitlines()[2:]
    assert len(targets_table) == 6
    assert sum(" MISSED " in line for line in targets_table) == 1  # only the slowest notebook


@pytest.mark.browser
def test_render_time_waits_for_every_chart(tmp_path: Path):
    """A page whose two charts are marked drawn 300 and 600 ms after the module runs: the
    measured time is after the second, and a page without charts reports none."""
    chromium = shutil.which("chromium")
    if not chromium:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "vega-bundle.js").write_text("window.bundleLoaded = true;\n")
    (tmp_path / "charts.html").write_text(
        "<!doctype html><html><body>"
        '<div class="aiparadox-chart" id="one"></div><div class="aiparadox-chart" id="two"></div>'
        '<script type="module">await import("./_static/vega-bundle.js");'
        "setTimeout(() => { document.getElementById('one').dataset.rendered = 'true'; }, 300);"
        "setTimeout(() => { document.getElementById('two').dataset.rendered = 'error'; }, 600);</script>"
        "</body></html>"
    )
    (tmp_path / "plain.html").write_text("<!doctype html><html><body><p>No chart.</p></body></html>")
    results = run.measure_renders(tmp_path, ["charts", "plain"], loads=2, bare_root=tmp_path)
    charts, plain = results["charts"], results["plain"]
    assert len(charts["charts_ms"]) == 2 and min(charts["charts_ms"]) >= 600
    assert len(charts["bundle_ms"]) == 2 and max(charts["bundle_ms"]) < min(charts["charts_ms"])
    assert charts["failed_charts"] == 1
    assert plain["charts_ms"] == [] and plain["bundle_ms"] == [] and len(plain["load_ms"]) == 2
    assert len(plain["bare_load_ms"]) == 2


def test_the_sphinx_extension_does_not_import_pandas_or_altair():
    """Every build imports the extension, a warm rebuild with nothing to do included; pandas and
    Altair took more than a second of it (aiparadox/environment.py says why they are kept out)."""
    import subprocess
    import sys

    probe = "import sys, aiparadox.sphinxext; print(sorted({'pandas', 'altair'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


def test_only_the_pages_a_build_wrote_get_a_new_downloadable_notebook(tmp_path: Path):
    """A warm rebuild writes no page and so converts no chapter (that conversion was most of its
    cost beyond the bare book's); a page that was written gets the copy that runs on its own."""
    import json
    from types import SimpleNamespace

    from aiparadox import sphinxext

    sources = tmp_path / "_sources"
    (sources / "chapters").mkdir(parents=True)
    executed = json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    for name in ("intro", "chapters/top500"):
        (sources / f"{name}.ipynb").write_text(executed)

    warm = SimpleNamespace(srcdir=str(ROOT), outdir=str(tmp_path), parallel=1, aiparadox_written_pages=set())
    sphinxext._downloadable_notebooks(warm)
    assert (sources / "intro.ipynb").read_text() == executed
    assert (sources / "chapters" / "top500.ipynb").read_text() == executed

    one_page = SimpleNamespace(
        srcdir=str(ROOT), outdir=str(tmp_path), parallel=1, aiparadox_written_pages={"chapters/top500", "search"}
    )
    sphinxext._downloadable_notebooks(one_page)
    assert (sources / "intro.ipynb").read_text() == executed
    rewritten = json.loads((sources / "chapters" / "top500.ipynb").read_text())
    assert rewritten["cells"][0]["metadata"]["tags"] == ["setup"]
