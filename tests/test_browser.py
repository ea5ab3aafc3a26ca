"""The built book in a real browser: Debian's headless Chromium loads every page from a server on
127.0.0.1; every chart ends up drawn as SVG; no console error; no request leaves 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .conftest import book_pages

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail("Chromium is required in CI (.ci/run installs Debian's chromium)")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium); the browser tests need it")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the test reports what matters
        pass


@pytest.fixture(scope="module")
def server(built_book: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_book))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def visit(browser, url: str, width: int = 1280, **options) -> dict:
    """Load a page, block and record any request to another host, collect console errors and warnings."""
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    page = context.new_page()
    report = {"errors": [], "warnings": [], "external": [], "failed": []}

    def guard(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith("data:") or host == "127.0.0.1":
            route.continue_()
        else:
            report["external"].append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.on("console", lambda m: report["errors"].append(m.text) if m.type == "error" else None)
    # Vega-Lite logs what it had to drop or guess ("WARN Dropping ...") as a console warning.
    page.on("console", lambda m: report["warnings"].append(m.text) if m.type == "warning" else None)
    page.on("pageerror", lambda e: report["errors"].append(str(e)))
    page.on("response", lambda r: report["failed"].append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(url, wait_until="load")
    page.wait_for_function(
        "[...document.querySelectorAll('.aiparadox-chart')].every(c => c.dataset.rendered)", timeout=15000
    )
    report["charts"] = page.evaluate(
        """[...document.querySelectorAll('.aiparadox-chart')].map(c => ({
            name: c.dataset.chart,
            rendered: c.dataset.rendered,
            svg: !!c.querySelector('svg'),
            label: (c.querySelector('svg') || {getAttribute: () => ''}).getAttribute('aria-label') || '',
            width: c.querySelector('svg') ? c.querySelector('svg').getBoundingClientRect().width : 0,
        }))"""
    )
    report["page"] = page
    report["context"] = context
    return report


def cut_chart_text(page) -> list[str]:
    """Text of a drawn chart that the reader cannot read whole: cut short by Vega ("…"), or drawn
    past the edge of its chart, where it is clipped."""
    return page.evaluate(
        """[...document.querySelectorAll('.aiparadox-chart')].flatMap(chart => {
            const svg = chart.querySelector('svg');
            if (!svg) return [];
            // What shows of the drawing: the SVG's own box, within the chart's (which may scroll).
            const drawing = svg.getBoundingClientRect(), frame = chart.getBoundingClientRect();
            const left = Math.max(drawing.left, frame.left), right = Math.min(drawing.right, frame.right);
            return [...svg.querySelectorAll('text')].flatMap(text => {
                const r = text.getBoundingClientRect(), words = text.textContent.trim();
                if (!words || r.width === 0) return [];
                if (words.endsWith('…')) return [`chart ${chart.dataset.chart}: "${words}" is cut`];
                if (r.left < left - 1 || r.right > right + 1)
                    return [`chart ${chart.dataset.chart}: "${words}" runs past the chart's edge`];
                return [];
            });
        })"""
    )


def test_every_page_renders_its_charts_offline(browser, server, built_book: Path):
    """Every chart drawn, labelled, whole (no text cut or outside it), with no console error or
    warning and no request to another host."""
    problems = []
    total = 0
    for path in book_pages(built_book):
        relative = path.relative_to(built_book).as_posix()
        report = visit(browser, f"{server}/{relative}")
        problems += [f"{relative}: {p}" for p in cut_chart_text(report["page"])]
        report["context"].close()
        for chart in report["charts"]:
            total += 1
            if chart["rendered"] != "true" or not chart["svg"]:
                problems.append(f"{relative}: chart {chart['name']} not drawn ({chart['rendered']})")
            elif not chart["label"]:
                problems.append(f"{relative}: chart {chart['name']} has no accessible label")
            elif chart["width"] < 100:
                problems.append(f"{relative}: chart {chart['name']} is {chart['width']:.0f} px wide")
        problems += [f"{relative}: console error: {e}" for e in report["errors"]]
        problems += [f"{relative}: console warning: {w}" for w in report["warnings"]]
        problems += [f"{relative}: request to another host: {u}" for u in report["external"]]
        problems += [f"{relative}: {f}" for f in report["failed"]]
    assert total > 0, "no chart found in the book"
    assert not problems, "\n".join(problems)


def test_charts_fit_a_phone_screen(browser, server, built_book: Path):
    """At 375 px no chart is wider than the screen."""
    too_wide = []
    for path in book_pages(built_book):
        relative = path.relative_to(built_book).as_posix()
        report = visit(browser, f"{server}/{relative}", width=375)
        report["context"].close()
        too_wide += [f"{relative}: {c['name']} {c['width']:.0f} px" for c in report["charts"] if c["width"] > 375]
    assert not too_wide, "\n".join(too_wide)


PHONE = 390


def test_every_page_fits_a_phone(browser, server, built_book: Path):
    """At 390 px no page is wider than the screen, no chart's text is cut or clipped, and the
    ledger's table is read down the screen (its rows as cards), not scrolled sideways."""
    problems = []
    for path in book_pages(built_book):
        relative = path.relative_to(built_book).as_posix()
        report = visit(browser, f"{server}/{relative}", width=PHONE)
        page = report["page"]
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE:
            problems.append(f"{relative}: {width} px wide")
        problems += [f"{relative}: {p}" for p in cut_chart_text(page)]
        tables = page.evaluate(
            """[...document.querySelectorAll('.aiparadox-ledger table')].map(table => {
                const scroller = table.closest('.pst-scrollable-table-container') || table;
                const cells = [...table.querySelectorAll('td')].map(td => td.getBoundingClientRect().width);
                return {wide: scroller.scrollWidth - scroller.clientWidth, narrowest: Math.min(...cells)};
            })"""
        )
        for table in tables:
            if table["wide"] > 1:
                problems.append(f"{relative}: the ledger's table scrolls sideways by {table['wide']} px")
            # A card's cells span the screen's text column; a table's four columns would be a quarter of it.
            if table["narrowest"] < PHONE / 2:
                problems.append(f"{relative}: a cell of the ledger's table is {table['narrowest']:.0f} px wide")
        report["context"].close()
    assert not problems, "\n".join(problems)


def test_a_tap_on_a_chart_shows_its_tooltip(browser, server, built_book: Path):
    """On a touch screen a tap shows the tooltip that a mouse shows on hover (a finger leaves the
    mark as it lifts, which would hide it at once)."""
    relative = "chapters/top500.html"
    report = visit(browser, f"{server}/{relative}", width=PHONE, has_touch=True, is_mobile=True)
    page = report["page"]
    bar = page.locator('.aiparadox-chart[data-chart="fig-top500-segments"] .mark-rect.role-mark path').first
    bar.scroll_into_view_if_needed()
    bar.tap()
    page.wait_for_timeout(300)
    tooltip = page.evaluate(
        "(() => { const t = document.querySelector('#vg-tooltip-element');"
        " return t && t.classList.contains('visible') ? t.innerText : null; })()"
    )
    report["context"].close()
    assert tooltip and "Segment" in tooltip, f"a tap on a bar of the segments chart shows no tooltip ({tooltip!r})"


AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


def test_no_serious_or_critical_accessibility_violation(browser, server, built_book: Path):
    """axe-core, from the npm registry and injected from disk (never fetched by the page)."""
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE} is missing: `make test` installs it with npm ci")
        pytest.skip("axe-core is not installed (npm ci); the accessibility test needs it")
    problems = []
    for path in book_pages(built_book):
        relative = path.relative_to(built_book).as_posix()
        report = visit(browser, f"{server}/{relative}")
        page = report["page"]
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        for violation in result["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
                problems.append(f"{relative}: {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
        report["context"].close()
    assert not problems, "\n".join(problems)


def test_charts_follow_dark_mode(browser, server, built_book: Path):
    pages = [p for p in book_pages(built_book) if 'class="aiparadox-chart"' in p.read_text(encoding="utf-8")]
    relative = pages[0].relative_to(built_book).as_posix()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script("localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');")
    page = context.new_page()
    page.goto(f"{server}/{relative}")
    page.wait_for_function("[...document.querySelectorAll('.aiparadox-chart')].every(c => c.dataset.rendered)")
    modes = page.evaluate("[...document.querySelectorAll('.aiparadox-chart')].map(c => c.dataset.mode)")
    label_fill = page.evaluate(
        "getComputedStyle(document.querySelector('.aiparadox-chart .role-axis-label text')).fill"
    )
    context.close()
    assert set(modes) == {"dark"}
    red, green, blue = (int(v) for v in re.findall(r"\d+", label_fill)[:3])
    assert min(red, green, blue) > 180, f"axis labels are {label_fill} on a dark page"
