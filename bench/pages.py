"""The built pages, measured: their HTML, and in headless Chromium what a first visit costs before
the reader does anything (bytes transferred, gzipped as a static host sends them) and how soon
every chart is visible, on this machine's CPU and with it slowed four times (Chromium's CPU
throttling, a mid-range phone). Each page of the book is measured beside the bare book's page of
the same name, in the same run.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import re
import shutil
import statistics
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CHART_FILES = "_charts"
THROTTLE = 4  # Chromium's CPU slow-down factor for the phone-like visits
# What a static host compresses; fonts and raster images are sent as they are.
COMPRESSED_TYPES = re.compile(r"^(text/|application/(javascript|json|xml|x-javascript)|image/svg\+xml)")
CHART = re.compile(r'<div class="aiparadox-chart"')

# Injected before any script of the page, after the number of charts the page's HTML has
# (window.__benchExpected): records performance.now() (ms since navigation) at the first animation
# frame at which every chart is visible: its drawing loaded, or (the book before it drew charts at
# build time) its SVG drawn by script. Counting them lets the page be measured while it is parsed.
CHARTS_VISIBLE_SCRIPT = """
(() => {
  const visible = (chart) => {
    const img = chart.querySelector(".aiparadox-chart-drawing img");
    if (img) return img.complete && img.naturalWidth > 0;
    return chart.dataset.rendered === "true" && !!chart.querySelector("svg");
  };
  const frame = () => {
    const charts = [...document.querySelectorAll(".aiparadox-chart")];
    if (charts.length >= window.__benchExpected || document.readyState !== "loading") {
      if (charts.every(visible)) {
        window.__benchVisible = performance.now();
        window.__benchCharts = charts.length;
        return;
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();
"""


def median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def page_weights(html_root: Path, docnames: Sequence[str]) -> dict[str, dict[str, int]]:
    """Per page: its HTML, its charts, and the largest spec it fetches when a chart becomes interactive."""
    weights = {}
    for docname in docnames:
        page = html_root / f"{docname}.html"
        text = page.read_text(encoding="utf-8")
        specs = re.findall(r'data-spec="([^"]+)"', text)
        sizes = [(page.parent / s).stat().st_size for s in specs if (page.parent / s).is_file()]
        weights[docname] = {
            "bytes": len(text.encode()),
            "charts": len(CHART.findall(text)),
            "largest_spec_bytes": max(sizes, default=0),
        }
    return weights


def sent_bytes(body: bytes, content_type: str) -> int:
    """What a static host sends for a file: gzipped (level 6, the usual default) if it is text."""
    return len(gzip.compress(body, compresslevel=6, mtime=0)) if COMPRESSED_TYPES.match(content_type) else len(body)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 at a free port for as long as the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def visit(browser, url: str, charts: int, throttle: int = 1, transfer: bool = False) -> dict[str, Any]:
    """One first visit in a fresh context (empty cache); nothing leaves 127.0.0.1 and nothing is
    clicked, scrolled or hovered. Milliseconds from navigation: first contentful paint, every chart
    visible, the load event; with ``transfer``, every file the page fetched until the network was
    idle, and the bytes a static host would have sent for each. ``charts``: how many the page has."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    files: list[tuple[str, int]] = []
    try:
        context.add_init_script(f"window.__benchExpected = {int(charts)};" + CHARTS_VISIBLE_SCRIPT)
        local = ("http://127.0.0.1", "data:")
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(local) else route.abort())
        page = context.new_page()
        if throttle > 1:
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        responses = []
        if transfer:
            page.on("response", lambda response: responses.append(response))
        page.goto(url, wait_until="load")
        page.wait_for_function("window.__benchVisible !== undefined", timeout=60_000)
        # A page with no chart is "visible" at its first frame, which can come before Chromium has
        # recorded its first contentful paint: wait for that entry too, or its time is lost.
        page.wait_for_function('performance.getEntriesByName("first-contentful-paint").length > 0', timeout=60_000)
        if transfer:
            page.wait_for_load_state("networkidle")
            for response in responses:
                if response.url.startswith("http://127.0.0.1") and response.status == 200:
                    files.append(
                        (
                            response.url.split("/", 3)[-1].split("?")[0],
                            sent_bytes(response.body(), response.headers.get("content-type", "")),
                        )
                    )
        fcp, visible, found, load = page.evaluate(
            """[performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null, window.__benchVisible,
            window.__benchCharts, performance.getEntriesByType("navigation")[0].loadEventEnd]"""
        )
    finally:
        context.close()
    result = {"fcp_ms": fcp, "visible_ms": visible if found else None, "load_ms": load}
    if transfer:
        result["files"] = files
    return result


def measure_pages(
    html_root: Path, docnames: Sequence[str], loads: int, bare_root: Path | None = None
) -> dict[str, Any] | str:
    """Per page: the files of a first visit and their sent bytes (once: they do not vary), and
    ``loads`` visits at full speed and as many with the CPU slowed, each paired with the same visit
    to the bare book's page of the same name when ``bare_root`` is given. A string instead says
    why nothing was measured."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        return "skipped: Debian's chromium is not installed (apt-get install chromium)"
    from playwright.sync_api import sync_playwright

    results: dict[str, Any] = {}
    with serve(html_root) as book, serve(bare_root or html_root) as bare, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            visit(browser, f"{book}/{docnames[0]}.html", 0)  # the browser's own start-up is not the page's
            for docname in docnames:
                charts = len(CHART.findall((html_root / f"{docname}.html").read_text(encoding="utf-8")))
                entry: dict[str, Any] = {
                    "files": visit(browser, f"{book}/{docname}.html", charts, transfer=True)["files"]
                }
                if bare_root:
                    entry["bare_files"] = visit(browser, f"{bare}/{docname}.html", 0, transfer=True)["files"]
                for throttle, label in ((1, ""), (THROTTLE, "throttled_")):
                    visits, bare_visits = [], []
                    for _ in range(loads):
                        visits.append(visit(browser, f"{book}/{docname}.html", charts, throttle))
                        if bare_root:
                            bare_visits.append(visit(browser, f"{bare}/{docname}.html", 0, throttle))
                    for v in visits:
                        v["after_fcp_ms"] = (
                            None
                            if v["visible_ms"] is None or v["fcp_ms"] is None
                            else max(0.0, v["visible_ms"] - v["fcp_ms"])
                        )
                    for key in ("fcp_ms", "visible_ms", "after_fcp_ms", "load_ms"):
                        entry[f"{label}{key}"] = [v[key] for v in visits if v.get(key) is not None]
                        entry[f"{label}bare_{key}"] = [v[key] for v in bare_visits if v.get(key) is not None]
                results[docname] = entry
        finally:
            browser.close()
    return results


def transfer_bytes(files: Sequence[Sequence[Any]]) -> int:
    return sum(size for _, size in files)
