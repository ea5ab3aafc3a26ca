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
from bench import pages, report, run


def test_page_title_skips_the_front_matter():
    text = "---\njupytext:\n  title: not this\n---\n\n(label)=\n# The real title\n\n## A section\n"
    assert run.page_title(text, "fallback") == "The real title"
    assert run.page_title("No heading here.\n", "fallback") == "fallback"


def test_bare_config_drops_only_the_books_own_extensions():
    config = {
        "title": "A book",
        "execute": {"execute_notebooks": "cache"},
        "sphinx": {
            "extra_extensions": ["aiparadox.sphinxext", "sphinx_exercise", "sphinxext.opengraph"],
            "config": {"numfig": True},
        },
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


def test_page_weights_count_the_html_the_charts_and_the_specs_they_fetch(tmp_path: Path):
    (tmp_path / "chapters").mkdir()
    (tmp_path / "_charts").mkdir()
    (tmp_path / "_charts" / "a.json").write_text('{"mark":"line","data":{"values":[1,2,3]}}')
    (tmp_path / "_charts" / "b.json").write_text("{}")
    (tmp_path / "chapters" / "a.html").write_text(
        '<html><div class="aiparadox-chart" data-chart="a" data-spec="../_charts/a.json"></div>'
        '<div class="aiparadox-chart" data-chart="b" data-spec="../_charts/b.json"></div></html>'
    )
    (tmp_path / "intro.html").write_text("<html>é</html>")
    weights = pages.page_weights(tmp_path, ["intro", "chapters/a"])
    assert weights["intro"] == {"bytes": len("<html>é</html>".encode()), "charts": 0, "largest_spec_bytes": 0}
    assert weights["chapters/a"]["charts"] == 2
    assert weights["chapters/a"]["largest_spec_bytes"] == (tmp_path / "_charts" / "a.json").stat().st_size
    assert weights["chapters/a"]["bytes"] == (tmp_path / "chapters" / "a.html").stat().st_size


def test_a_static_host_gzips_text_and_sends_fonts_as_they_are():
    text = b"body { color: red; }\n" * 100
    assert pages.sent_bytes(text, "text/css") < len(text) / 10
    assert pages.sent_bytes(text, "image/svg+xml") == pages.sent_bytes(text, "text/css")
    assert pages.sent_bytes(text, "font/woff2") == len(text)


def test_warm_rebuilds_count_the_drawings_they_made(tmp_path: Path):
    import os
    import time

    old, new = tmp_path / "k1" / "wide-light.svg", tmp_path / "k2" / "wide-light.svg"
    for path in (old, new):
        path.parent.mkdir()
        path.write_text("<svg/>")
    os.utime(old, (time.time() - 100, time.time() - 100))
    assert run.drawings_since(tmp_path, time.time() - 10) == 1
    assert run.drawings_since(tmp_path / "absent", 0) == 0


def test_paired_ratio_is_the_median_of_the_pairs_ratios():
    # The second pair ran during a load spike that slowed both builds.
    assert report.paired_ratio([2.5, 9.0, 2.6], [2.0, 9.0, 2.0]) == pytest.approx(1.25)
    with pytest.raises(ValueError, match="paired"):
        report.paired_ratio([1.0, 2.0], [1.0])


def _results(**overrides) -> dict:
    results = {
        "machine": {"date": "2026-01-01T00:00:00+00:00", "cores": 2, "load_average": 0.5},
        "settings": {"runs": 3, "loads": 5, "raw": "/raw"},
        "builds": {
            "samples": {
                "book": {"cold": [30.0, 31.0, 29.0], "warm": [6.0, 9.0, 6.5]},
                "bare": {"cold": [8.0, 8.0, 9.0], "warm": [5.0, 5.0, 6.0]},
            },
            "notebooks": {"intro": [2.0, 2.5, 3.0], "chapters/top500": [4.0, 6.0, 5.5]},
            "reference_notebooks": {"(reference: an empty notebook)": [1.0, 1.1, 0.9]},
            "warm_executed": [],
            "warm_drawings": 2,
        },
        "datasets": {"top500": {"seconds": [10.0, 12.0, 11.0]}, "bls": {"seconds": [1.0, 1.0, 2.0]}},
        "pages": {
            "intro": {"bytes": 20_000, "charts": 0, "largest_spec_bytes": 0},
            "chapters/top500": {"bytes": 40_000, "charts": 1, "largest_spec_bytes": 9_000},
            "chapters/data-and-sources": {"bytes": 130_000, "charts": 0, "largest_spec_bytes": 0},
        },
        "visits": {
            "intro": {
                "files": [["intro.html", 8_000], ["_static/theme.css", 100_000]],
                "fcp_ms": [300.0] * 5,
                "after_fcp_ms": [],
                "throttled_visible_ms": [],
            },
            "chapters/top500": {
                "files": [
                    ["chapters/top500.html", 20_000],
                    ["_static/theme.css", 100_000],
                    ["_charts/a-wide-light.svg", 40_000],
                ],
                "bare_files": [["chapters/top500.html", 5_000], ["_static/theme.css", 100_000]],
                "fcp_ms": [400.0] * 5,
                "after_fcp_ms": [40.0, 120.0, 60.0, 80.0, 20.0],
                "load_ms": [500.0] * 5,
                "throttled_fcp_ms": [900.0] * 5,
                "throttled_visible_ms": [900.0, 1200.0, 1300.0, 1100.0, 1000.0],
            },
            "chapters/data-and-sources": {
                "files": [["chapters/data-and-sources.html", 30_000], ["_static/theme.css", 100_000]]
            },
        },
    }
    results.update(overrides)
    return results


def _by_name(targets: list[dict]) -> dict[str, dict]:
    return {t["target"]: t for t in targets}


def test_targets_take_medians_and_the_heaviest_chapter_with_charts():
    targets = _by_name(report.evaluate_targets(_results()))
    warm = targets["warm rebuild / bare book's"]
    assert warm["measured"] == pytest.approx(6.0 / 5.0) and warm["met"] is True  # pairs: 1.2, 1.8, 1.08
    drawn = targets["chart drawings made by warm rebuilds"]
    assert (drawn["measured"], drawn["met"]) == (2, False)
    slowest = targets["slowest notebook execution"]
    assert (slowest["where"], slowest["measured"], slowest["met"]) == ("chapters/top500", 5.5, False)
    html = targets["heaviest page's HTML"]
    assert (html["where"], html["met"]) == ("chapters/data-and-sources", False)
    assert targets["largest chart spec"]["measured"] == pytest.approx(9_000 / 1024)
    sent = targets["heaviest chapter, sent before any interaction"]
    assert (sent["where"], sent["measured"], sent["met"]) == ("chapters/top500", 160_000 / 1024, True)
    # data-and-sources draws nothing: the chart targets are about the heaviest chapter with charts.
    visible = targets["charts visible after first paint, heaviest chapter"]
    assert (visible["where"], visible["measured"], visible["met"]) == ("chapters/top500", 60.0, True)
    throttled = targets["charts visible from navigation, CPU 4x slower"]
    assert (throttled["measured"], throttled["met"]) == (1100.0, False)
    derive = targets["deriving every dataset"]
    assert derive["measured"] == pytest.approx(11.0 + 1.0) and derive["met"] is True


def test_targets_not_measured_say_why():
    results = _results(datasets={"top500": {"skipped": "no raw inputs at /raw/top500"}, "bls": {"seconds": [1.0]}})
    del results["builds"]
    results["visits"] = "skipped: Debian's chromium is not installed (apt-get install chromium)"
    targets = _by_name(report.evaluate_targets(results))
    for name in (
        "warm rebuild / bare book's",
        "chart drawings made by warm rebuilds",
        "slowest notebook execution",
        "heaviest chapter, sent before any interaction",
        "charts visible after first paint, heaviest chapter",
        "charts visible from navigation, CPU 4x slower",
        "deriving every dataset",
    ):
        assert targets[name]["met"] is None and targets[name]["measured"] is None, name
    assert "top500" in targets["deriving every dataset"]["where"]
    assert "chromium" in targets["heaviest chapter, sent before any interaction"]["where"]
    assert targets["largest chart spec"]["met"] is True


def test_format_table_aligns_text_left_and_numbers_right():
    table = report.format_table(
        ["name", "seconds", "note"], [["a", 1.5, None], ["longer name", 123.25, "x"], ["c", 12_345, "y"]]
    )
    lines = table.splitlines()
    assert lines[0] == "name         seconds  note"
    assert lines[1] == "-----------  -------  ----"
    assert lines[2] == "a               1.50  -"
    assert lines[3] == "longer name    123.2  x"
    assert lines[4] == "c             12,345  y"


def test_the_report_carries_the_header_the_ratio_and_every_target():
    results = _results()
    results["targets"] = report.evaluate_targets(results)
    text = report.report(results)
    assert "2 cores" in text and "3 runs" in text and "5 loads" in text
    warm_line = next(line for line in text.splitlines() if line.startswith("warm rebuild"))
    assert warm_line.split()[-1] == "1.20"
    assert "(reference: an empty notebook)" in text
    assert "MISSED" in text and "chapters/top500" in text
    targets_table = text.split("\nTargets\n")[1].splitlines()[2:]
    assert len(targets_table) == 9
    missed = [line.split("  ")[0] for line in targets_table if " MISSED " in line]
    assert missed == [
        "chart drawings made by warm rebuilds",
        "slowest notebook execution",
        "heaviest page's HTML",
        "charts visible from navigation, CPU 4x slower",
    ]
    assert "sent for chapters/top500, largest first: theme.css 97.7, a-wide-light.svg 39.1" in text


@pytest.mark.browser
def test_charts_are_visible_when_every_drawing_has_loaded(tmp_path: Path):
    """A page whose second chart gets its drawing 600 ms after the page starts: the measured time
    is after it; the files of the visit are counted; a page without charts reports no time."""
    if not shutil.which("chromium"):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    (tmp_path / "a.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    )
    chart = '<div class="aiparadox-chart"><div class="aiparadox-chart-drawing"><img {}></div></div>'
    (tmp_path / "charts.html").write_text(
        "<!doctype html><html><body><p>Text first.</p>"
        + chart.format('src="a.svg"')
        + chart.format('id="late"')
        + "<script>setTimeout(() => { document.getElementById('late').src = 'a.svg?late'; }, 600);</script></body></html>"
    )
    (tmp_path / "plain.html").write_text("<!doctype html><html><body><p>No chart.</p></body></html>")
    results = pages.measure_pages(tmp_path, ["charts", "plain"], loads=2, bare_root=tmp_path)
    charts, plain = results["charts"], results["plain"]
    assert len(charts["visible_ms"]) == 2 and min(charts["visible_ms"]) >= 600
    assert len(charts["throttled_visible_ms"]) == 2 and len(charts["fcp_ms"]) == 2
    assert sorted(name for name, _ in charts["files"]) == ["a.svg", "a.svg", "charts.html"]  # the late one too
    assert plain["visible_ms"] == [] and len(plain["fcp_ms"]) == 2 and len(plain["bare_fcp_ms"]) == 2


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
