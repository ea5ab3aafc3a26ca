"""The book as one PDF: a single-page build printed by headless Chromium with the page's print styles
(static/aiparadox.css: no hints on how to use an interactive chart, code wrapped at the margin) and
an outline of its headings. Its charts are the same SVG drawings that every page shows before any
script runs (:mod:`aiparadox.static_charts`), in their light version (the print style sheet shows the
drawing, its source line and caption, and hides the Chart | Table | Sources choice), so the PDF's
figures are vector drawings with real text in the book's fonts.

``make pdf`` runs ``jupyter-book build . --builder singlehtml --path-output _build/pdf`` and then
:func:`print_pdf`.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

from .paths import ROOT

# Jupyter Book names the single page after the root document (index.html only redirects to it).
SINGLE_PAGE = ROOT / "_build" / "pdf" / "_build" / "singlehtml" / "intro.html"
PDF = ROOT / "_build" / "pdf" / "who-gains-from-ai.pdf"

# The theme's navigation, buttons and sidebars mean nothing on paper.
PRINT_CSS = """
.bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .header-article, .prev-next-area,
.bd-footer, .bd-footer-article, .headerlink, .toggle-details__summary, .search-button-field { display: none !important; }
.bd-main .bd-content .bd-article-container { max-width: 100% !important; }
details { display: block; } details > * { display: block !important; }
figure, .cell_output img { break-inside: avoid; }
"""


# A4 less the margins below, in CSS pixels (96 to the inch): the width the page is laid out at.
MARGIN_MM = {"top": 18, "bottom": 18, "left": 16, "right": 16}
PRINT_WIDTH = round((210 - MARGIN_MM["left"] - MARGIN_MM["right"]) / 25.4 * 96)


def chromium_path(chromium: str | None = None) -> str:
    executable = (
        chromium or shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    )
    if not executable:
        raise RuntimeError("printing the PDF needs Chromium (apt-get install chromium)")
    return executable


def open_for_print(browser, page: Path = SINGLE_PAGE):
    """The single page in a tab as the printer lays it out: print media, the print styles, the
    printed width. The PDF is printed from it, and the tests look at it."""
    if not page.exists():
        raise FileNotFoundError(f"{page}: build the single-page book first (make pdf does)")
    tab = browser.new_page(viewport={"width": PRINT_WIDTH, "height": 1100})
    # Offline by construction: only the book's own files are served to the printer.
    tab.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    # Light: the drawings' dark <source> follows prefers-color-scheme, and paper is white.
    tab.emulate_media(media="print", color_scheme="light")
    tab.goto(page.as_uri(), wait_until="load")
    tab.add_style_tag(content=PRINT_CSS)
    # Every drawing decoded before printing (the page is long; print waits for nothing).
    tab.wait_for_function("[...document.images].every(i => i.complete)")
    return tab


def headings(tab) -> list[tuple[int, str]]:
    """The printed page's headings in order, as (level, text): the chapters (h1, h2) and their sections (h3)."""
    return tab.evaluate(
        """[...document.querySelectorAll('h1, h2, h3')]
            .filter(h => h.getClientRects().length > 0)
            .map(h => {
                const copy = h.cloneNode(true);
                copy.querySelectorAll('.headerlink').forEach(link => link.remove());
                return [Number(h.tagName.slice(1)), copy.textContent.replace(/\\s+/g, ' ').trim()];
            })"""
    )


def _squeezed(text: str) -> str:
    # Text as found on a PDF page: ligatures ("ﬁ", "ﬀ") undone, and without the spaces and line
    # breaks that extraction adds or drops.
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def add_outline(path: Path, entries: list[tuple[int, str]]) -> None:
    """Bookmarks for the headings, each to the first page, from the previous heading's on, whose
    text holds it, nested by level. (Chromium's own outline joins a heading's wrapped lines without
    a space: "Did supercomputing flip toaccelerators?".)"""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(path)
    pages = [_squeezed(page.extract_text()) for page in reader.pages]
    writer = PdfWriter(clone_from=reader)
    parents: dict[int, object] = {}
    at = 0
    for level, title in entries:
        key = _squeezed(title)
        found = next((i for i in range(at, len(pages)) if key in pages[i]), None)
        if found is None:
            raise ValueError(f"{path}: the heading {title!r} is on no page after page {at + 1}")
        at = found
        parent = next((parents[lv] for lv in sorted(parents, reverse=True) if lv < level), None)
        parents = {lv: item for lv, item in parents.items() if lv < level}
        parents[level] = writer.add_outline_item(title=title, page_number=at, parent=parent)
    writer.page_mode = "/UseOutlines"
    with path.open("wb") as out:
        writer.write(out)


def print_pdf(page: Path = SINGLE_PAGE, out: Path = PDF, chromium: str | None = None) -> Path:
    from playwright.sync_api import sync_playwright

    executable = chromium_path(chromium)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        tab = open_for_print(browser, page)
        out.parent.mkdir(parents=True, exist_ok=True)
        # Tagged, so that a reader's software knows headings, paragraphs and figures.
        tab.pdf(
            path=str(out),
            format="A4",
            print_background=True,
            margin={side: f"{mm}mm" for side, mm in MARGIN_MM.items()},
            tagged=True,
        )
        entries = headings(tab)
        browser.close()
    add_outline(out, entries)
    return out
