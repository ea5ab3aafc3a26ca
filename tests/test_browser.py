"""The built book in a real browser: Debian's headless Chromium loads every page from a server on
127.0.0.1. Every chart is there before any script runs (its drawing, in the page's mode), the heavy
scripts wait for the first interaction, and then every chart becomes interactive SVG in the same
box; no console error; no request leaves 127.0.0.1."""

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


INTERACTIVE = (
    "[...document.querySelectorAll('.aiparadox-chart')].every(c => ['true', 'error'].includes(c.dataset.interactive))"
)
DRAWINGS = """[...document.querySelectorAll('.aiparadox-chart')].map(c => {
    const img = c.querySelector('.aiparadox-chart-drawing img'), box = c.querySelector('.aiparadox-chart-drawing');
    const r = box.getBoundingClientRect(), footer = c.querySelector('.aiparadox-chart-footer').getBoundingClientRect();
    // The lowest of what the chart shows above its source line: its box, its selectors, Vega's drawing.
    const above = [box, ...c.querySelectorAll('.aiparadox-chart-controls, .aiparadox-chart-view svg')];
    const bottom = Math.max(...above.map(e => e.getBoundingClientRect().bottom));
    return {name: c.dataset.chart, src: img.currentSrc, loaded: img.complete && img.naturalWidth > 0, alt: img.alt,
            top: r.top + scrollY, width: r.width, height: r.height, footer: footer.top + scrollY, bottom: bottom + scrollY};
})"""
CHARTS = """[...document.querySelectorAll('.aiparadox-chart')].map(c => {
    const svg = c.querySelector('.aiparadox-chart-view svg');
    return {name: c.dataset.chart, interactive: c.dataset.interactive, svg: !!svg,
            label: svg ? svg.getAttribute('aria-label') || '' : '', width: svg ? svg.getBoundingClientRect().width : 0};
})"""


def interact(page, touch: bool = False) -> None:
    """The reader's first interaction, then every chart scrolled into view, until each is drawn. On
    a touch screen the first interaction is a tap on the title: a mouse moved there would stay, and
    Chromium sends the page its return (a mouseout) after each later tap."""
    if touch:
        page.locator(".bd-article h1").first.tap()
    else:
        page.mouse.move(5, 5)
        page.mouse.wheel(0, 1)
    for chart in page.locator(".aiparadox-chart").all():
        chart.scroll_into_view_if_needed()
    page.wait_for_function(INTERACTIVE, timeout=20000)


def visit(browser, url: str, width: int = 1280, interactive: bool = True, **options) -> dict:
    """Load a page, block and record any request to another host, collect console errors and
    warnings; then, unless told not to, interact and wait until every chart is interactive."""
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    page = context.new_page()
    report = {"errors": [], "warnings": [], "external": [], "failed": [], "requests": []}

    def guard(route):
        host = urlsplit(route.request.url).hostname
        report["requests"].append(route.request.url)
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
    report["static"] = page.evaluate(DRAWINGS)
    if interactive:
        interact(page, touch=options.get("has_touch", False))
    report["charts"] = page.evaluate(CHARTS)
    report["page"] = page
    report["context"] = context
    return report


def cut_chart_text(page) -> list[str]:
    """Text of a drawn chart that the reader cannot read whole: cut short by Vega ("…"), or drawn
    past the edge of its chart, where it is clipped."""
    return page.evaluate(
        """[...document.querySelectorAll('.aiparadox-chart')].flatMap(chart => {
            const svg = chart.querySelector('.aiparadox-chart-view svg');
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


def chart_pages(built_book: Path) -> list[str]:
    pages = [p for p in book_pages(built_book) if 'class="aiparadox-chart"' in p.read_text(encoding="utf-8")]
    return [p.relative_to(built_book).as_posix() for p in pages]


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
            if chart["interactive"] != "true" or not chart["svg"]:
                problems.append(f"{relative}: chart {chart['name']} not made interactive ({chart['interactive']})")
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


def test_with_javascript_off_every_chart_is_drawn_with_its_description(browser, server, built_book: Path):
    problems = []
    for relative in chart_pages(built_book):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{server}/{relative}", wait_until="load")
        for chart in page.evaluate(DRAWINGS):
            if (
                not chart["loaded"]
                or chart["width"] < 100
                or not chart["src"].endswith("-wide-light.svg")
                or not chart["alt"]
            ):
                problems.append(f"{relative}: {chart}")
        # Table and Sources work with no script: choosing one shows it in place of the drawing.
        first = page.locator(".aiparadox-chart").first
        first.locator("label", has_text="Table").click()
        if not first.locator("table").first.is_visible() or first.locator("picture").is_visible():
            problems.append(f"{relative}: the Table view does not replace the chart without script")
        first.locator("label", has_text="Sources").click()
        if not first.locator(".aiparadox-chart-panel[data-view=sources] a").first.is_visible():
            problems.append(f"{relative}: the Sources view does not show without script")
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("which", ["heaviest", "with selectors"])
def test_heavy_scripts_wait_for_the_first_interaction_and_the_page_does_not_move(
    browser, server, built_book: Path, which
):
    """Nothing heavy before the first interaction; then each chart becomes interactive in its
    drawing's box, and its selectors (Vega's, in place of the ones the page showed) take the same
    room: no chart and no source line under one moves. On the heaviest chapter, and on the chapter
    with the most charts that have selectors."""
    pages = chart_pages(built_book)
    if which == "heaviest":
        relative = max(pages, key=lambda r: (built_book / r).stat().st_size)
    else:
        relative = max(
            pages, key=lambda r: (built_book / r).read_text(encoding="utf-8").count("aiparadox-chart-controls")
        )
    report = visit(browser, f"{server}/{relative}", interactive=False)
    page = report["page"]
    page.wait_for_load_state("networkidle")
    early = [u for u in report["requests"] if re.search(r"(vega-bundle|fontawesome)\.js|\.woff2?|_charts/.*\.json", u)]
    untouched = page.evaluate(
        "[...document.querySelectorAll('.aiparadox-chart')].filter(c => c.dataset.interactive).length"
    )
    before = page.evaluate(DRAWINGS)
    interact(page)
    after = page.evaluate(DRAWINGS)
    late = [u for u in report["requests"] if "vega-bundle.js" in u]
    assert not early and not untouched, f"before any interaction: {early}, {untouched} charts made interactive"
    assert late, "the vega bundle was never loaded"
    moved = [
        f"{b['name']}: {b['top']:.0f}+{b['height']:.0f}, source line at {b['footer']:.0f}"
        f" -> {a['top']:.0f}+{a['height']:.0f}, {a['footer']:.0f}"
        for b, a in zip(before, after, strict=True)
        if any(abs(b[key] - a[key]) > 1 for key in ("top", "height", "footer"))
    ]
    controls = page.evaluate(
        """[...document.querySelectorAll('.aiparadox-chart-controls')].map(c => [
            c.querySelectorAll('.vega-bind').length, c.querySelectorAll('.vega-bind[data-placeholder]').length])"""
    )
    changed = None
    chart = page.locator(".aiparadox-chart:has(.aiparadox-chart-controls input[type=radio])").first
    if chart.count():
        # Vega's own inputs are live: another choice redraws the chart.
        drawn = chart.locator(".aiparadox-chart-view svg").inner_html()
        chart.locator(".aiparadox-chart-controls label:has(input:not(:checked))").first.click()
        page.wait_for_timeout(300)
        changed = chart.locator(".aiparadox-chart-view svg").inner_html() != drawn
    report["context"].close()
    assert not moved, f"charts moved when they became interactive: {moved}"
    covered = [
        f"{a['name']}: source line at {a['footer']:.0f}, chart down to {a['bottom']:.0f}"
        for a in after
        if a["footer"] < a["bottom"] - 1
    ]
    assert not covered, f"a chart runs over its source line: {covered}"
    if which == "with selectors":
        assert controls and all(shown > 0 and left == 0 for shown, left in controls), (
            f"selectors (Vega's, left from the page's): {controls}"
        )
        assert changed, "choosing another option in a chart's selector did not redraw it"


@pytest.mark.parametrize("edition", ["", "fr/"])
@pytest.mark.parametrize(("relative", "kind"), [("chapters/imf.html", "radio"), ("chapters/scale.html", "select")])
def test_a_choice_made_before_a_chart_is_interactive_is_the_live_chart_s(
    browser, server, built_book: Path, relative: str, kind: str, edition: str
):
    """The selectors under a drawing are the page's until Vega's replace them. A reader who picks an
    option, then another, while the vega bundle is still on its way finds the live chart showing the
    last one picked: its parameter set to it, its input checked; and so does the chart redrawn in
    the other mode. The bundle's response is held until both choices are made."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    held = []

    def hold_the_bundle(route):
        if "vega-bundle.js" in route.request.url:
            held.append(route)
        elif urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            route.abort()

    page.route("**/*", hold_the_bundle)
    page.goto(f"{server}/{edition}{relative}", wait_until="load")
    inputs = "input[type=radio]" if kind == "radio" else "select"
    chart = page.locator(f".aiparadox-chart:has(.aiparadox-chart-controls {inputs})").first
    controls = chart.locator(".aiparadox-chart-controls")
    if kind == "radio":
        name = controls.locator("input").first.get_attribute("name")
        values = controls.locator("input").evaluate_all("inputs => inputs.map(i => i.value)")
        initial = controls.locator("input:checked").get_attribute("value")
    else:
        select = controls.locator("select")
        name = select.get_attribute("name")
        values = select.locator("option").evaluate_all("options => options.map(o => o.value)")
        initial = select.input_value()
    first, second = [value for value in values if value != initial][:2]

    def choose(value: str) -> None:
        if kind == "radio":
            controls.locator("label").nth(values.index(value)).click()
        else:
            select.select_option(value)

    if kind == "select":
        select.click()  # a reader opens the menu (the page's first interaction), then picks
    choose(first)
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the vega bundle was never requested"
    choose(second)
    state = chart.evaluate("c => c.dataset.interactive")
    assert state == "loading", f"the chart was {state!r} when the reader chose: the test chose too late"
    held[0].continue_()
    page.wait_for_function("c => c.dataset.interactive !== 'loading'", arg=chart.element_handle(), timeout=20000)
    state = """(c, name) => ({
        interactive: c.dataset.interactive,
        signal: String(c.aiparadox.result.view.signal(name)),
        input: c.querySelector(`.aiparadox-chart-controls :is(input:checked, select)`)?.value,
        placeholders: c.querySelectorAll('.aiparadox-chart-controls [data-placeholder]').length,
    })"""
    shown = chart.evaluate(state, name)
    other = "light" if chart.evaluate("c => c.dataset.mode") == "dark" else "dark"
    page.evaluate(f"document.documentElement.dataset.theme = '{other}'")
    page.wait_for_function(f"c => c.dataset.mode === '{other}'", arg=chart.element_handle(), timeout=20000)
    redrawn = chart.evaluate(state, name)
    context.close()
    expected = {"interactive": "true", "signal": second, "input": second, "placeholders": 0}
    assert shown == expected, f"picked {first!r} then {second!r} of {name} (first {initial!r}): {shown}"
    assert redrawn == expected, f"redrawn in {other} mode: {redrawn}"


def test_charts_fit_a_phone_screen(browser, server, built_book: Path):
    """At 375 px each chart shows its narrow drawing, and neither it nor the interactive chart is
    wider than the screen."""
    too_wide = []
    for relative in chart_pages(built_book):
        report = visit(browser, f"{server}/{relative}", width=375)
        report["context"].close()
        for c in report["static"]:
            if c["width"] > 375 or "-narrow-" not in c["src"]:
                too_wide.append(f"{relative}: {c['name']} drawing {c['width']:.0f} px, {c['src']}")
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
        # As the page first shows (charts as drawings), then with its charts interactive.
        report = visit(browser, f"{server}/{relative}", interactive=False)
        page = report["page"]
        page.add_script_tag(path=str(AXE))
        for state in ("drawn", "interactive"):
            if state == "interactive":
                if not report["static"]:
                    break
                interact(page)
            result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            for violation in result["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
                    found = f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}"
                    problems.append(f"{relative} ({state}): {found}")
        report["context"].close()
    assert not problems, "\n".join(problems)


def test_charts_follow_dark_mode(browser, server, built_book: Path):
    relative = chart_pages(built_book)[0]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script("localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');")
    page = context.new_page()
    page.goto(f"{server}/{relative}")
    drawn = page.evaluate(DRAWINGS)
    interact(page)
    modes = page.evaluate("[...document.querySelectorAll('.aiparadox-chart')].map(c => c.dataset.mode)")
    label_fill = page.evaluate(
        "getComputedStyle(document.querySelector('.aiparadox-chart-view .role-axis-label text')).fill"
    )
    # The reader switches to light: the drawings and the interactive charts follow.
    page.evaluate("document.documentElement.dataset.theme = 'light'")
    page.wait_for_function("[...document.querySelectorAll('.aiparadox-chart')].every(c => c.dataset.mode === 'light')")
    light = page.evaluate(DRAWINGS)
    context.close()
    assert all(c["src"].endswith("-wide-dark.svg") for c in drawn), [c["src"] for c in drawn]
    assert set(modes) == {"dark"}
    red, green, blue = (int(v) for v in re.findall(r"\d+", label_fill)[:3])
    assert min(red, green, blue) > 180, f"axis labels are {label_fill} on a dark page"
    assert all(c["src"].endswith("-wide-light.svg") for c in light), [c["src"] for c in light]


def test_a_french_interactive_chart_speaks_french_numbers_and_the_language_link_is_not_printed(
    browser, server, built_book: Path
):
    """The interactive chart gets the locale its drawing had ("10 %", a narrow no-break space, in
    French; "10%" in English), shipped with its spec; on paper the link to the other edition is gone."""
    axis_text = """[...document.querySelectorAll('.aiparadox-chart-view svg text')].map(t => t.textContent).join(' ')"""
    shown = {}
    for edition in ("", "fr/"):
        report = visit(browser, f"{server}/{edition}chapters/top500.html")
        page = report["page"]
        shown[edition] = page.evaluate(axis_text)
        assert page.locator(".aiparadox-language").is_visible(), f"{edition}: no link to the other edition on screen"
        page.emulate_media(media="print")
        assert not page.locator(".aiparadox-language").is_visible(), f"{edition}: the language link is printed"
        report["context"].close()
    assert re.search(r"\d%", shown[""]) and "\u202f%" not in shown[""]
    assert re.search(r"\d\u202f%", shown["fr/"]) and not re.search(r"\d%", shown["fr/"])


@pytest.mark.parametrize("edition", ["", "fr/"])
def test_the_search_page_finds_the_pages_that_have_the_words(server: str, browser, edition: str):
    """Searching runs in the search page's own scripts, which need doctools.js (deferred with the
    page's other scripts): they once ran before it, failed, and the page never showed a result."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(f"{server}/{edition}search.html?q=TOP500", wait_until="load")
        page.wait_for_selector("#search-results li a", timeout=30_000)
        found = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.getAttribute('href'))")
    finally:
        page.close()
    assert not errors, errors
    assert any("chapters/top500.html" in href for href in found), found


@pytest.mark.parametrize("edition", ["", "fr/"])
def test_a_search_typed_on_a_chapter_shows_its_results_on_the_search_page(server: str, browser, edition: str):
    """A chapter page no longer loads the search index (search-as-you-type is off): its search
    field sends the query to the search page, which loads the index and finds the pages."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(f"{server}/{edition}chapters/bls.html", wait_until="load")
        page.locator(".search-button__button").first.click()
        field = page.locator("#pst-search-dialog input[name=q]")
        field.fill("TOP500")
        field.press("Enter")
        page.wait_for_url("**/search.html?q=TOP500*")
        page.wait_for_selector("#search-results li a", timeout=30_000)
        found = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.getAttribute('href'))")
    finally:
        page.close()
    assert not errors, errors
    assert any("chapters/top500.html" in href for href in found), found


def test_the_search_fields_icon_is_beside_what_the_reader_types(server: str, browser):
    page = browser.new_page()
    try:
        page.goto(f"{server}/search.html?q=TOP500", wait_until="load")
        icon, text_starts = page.evaluate(
            """(() => {
            const form = document.querySelector('.bd-search-container form.bd-search');
            const input = form.querySelector('input'), icon = form.querySelector('.fa-magnifying-glass');
            const left = input.getBoundingClientRect().left + parseFloat(getComputedStyle(input).paddingLeft);
            return [icon.getBoundingClientRect().toJSON(), left];
        })()"""
        )
    finally:
        page.close()
    assert icon["width"] > 0 and icon["right"] <= text_starts, (
        f"the icon ends at {icon['right']}, the text starts at {text_starts}"
    )


@pytest.mark.parametrize("edition", ["", "fr/"])
def test_the_sidebar_buttons_a_reader_sees_open_the_navigation_and_the_contents(server: str, browser, edition: str):
    """The theme's scripts served only the first of two buttons of each kind, the hidden one:
    on a phone the visible menu button did nothing (pydata-sphinx-theme issue 2451)."""
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        phone.goto(f"{server}/{edition}chapters/bls.html", wait_until="load")
        for kind in ("primary", "secondary"):
            button = phone.locator(f".bd-header-article .{kind}-toggle")
            assert button.is_visible(), f"no visible {kind} button"
            button.click()
            phone.wait_for_selector(f"#pst-{kind}-sidebar-modal[open]", timeout=5_000)
            phone.keyboard.press("Escape")
            phone.wait_for_selector(f"#pst-{kind}-sidebar-modal:not([open])", state="attached", timeout=5_000)
    finally:
        phone.close()
    wide = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        wide.goto(f"{server}/{edition}chapters/bls.html", wait_until="load")
        hidden = "document.getElementById('pst-primary-sidebar').classList.contains('pst-sidebar-hidden')"
        assert not wide.evaluate(hidden)
        wide.locator(".bd-header-article .primary-toggle").click()
        assert wide.evaluate(hidden), "the wide screen's menu button did not fold the navigation away"
        wide.locator(".bd-header-article .primary-toggle").click()
        assert not wide.evaluate(hidden)
    finally:
        wide.close()
