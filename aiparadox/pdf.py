"""The book as one PDF: a single-page build printed by headless Chromium. Its charts are the same
SVG drawings that every page shows before any script runs (:mod:`aiparadox.static_charts`), in
their light version (the print style sheet shows the drawing, its source line and caption, and
hides the Chart | Table | Sources choice), so the PDF's figures are vector drawings with real text.

``make pdf`` runs ``jupyter-book build . --builder singlehtml --path-output _build/pdf`` and then
:func:`print_pdf`.
"""

from __future__ import annotations

import shutil
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


def print_pdf(page: Path = SINGLE_PAGE, out: Path = PDF, chromium: str | None = None) -> Path:
    from playwright.sync_api import sync_playwright

    executable = chromium or shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not executable:
        raise RuntimeError("printing the PDF needs Chromium (apt-get install chromium)")
    if not page.exists():
        raise FileNotFoundError(f"{page}: build the single-page book first (make pdf does)")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        tab = browser.new_page()
        # Offline by construction: only the book's own files are served to the printer.
        tab.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        tab.emulate_media(media="print", color_scheme="light")
        tab.goto(page.as_uri(), wait_until="load")
        tab.add_style_tag(content=PRINT_CSS)
        # Every drawing decoded before printing (the page is long; print waits for nothing).
        tab.wait_for_function("[...document.images].every(i => i.complete)")
        out.parent.mkdir(parents=True, exist_ok=True)
        tab.pdf(path=str(out), format="A4", print_background=True, margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"})
        browser.close()
    return out
