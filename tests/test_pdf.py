"""`make pdf`: the whole book in one PDF, every chapter and every figure in it; each figure the same
SVG drawing the pages show (its light, wide version), so printed as vector text in the book's fonts,
with its source line under it and no hint meant for a screen; code wrapped at the margin; an outline
of the chapters."""

from __future__ import annotations

import html
import re
import shutil
import unicodedata
from urllib.parse import unquote, urlsplit

import pytest

from aiparadox import pdf, toc
from aiparadox.paths import ROOT

from .conftest import jupyter_book

pytestmark = pytest.mark.book

# What a page says about using an interactive chart (the page's own hints, and Vega's legend titles).
SCREEN_HINT = re.compile(r"\b(hover\w*|click\w*|tap|taps|tapping|selector|point at|use the buttons|menu under)\b", re.I)


def page_title(page: str) -> str:
    text = (ROOT / f"{page}.md").read_text(encoding="utf-8")
    return re.search(r"^# (.+)$", text, re.M).group(1).strip()


def figure_count() -> int:
    return sum((ROOT / f"{page}.md").read_text(encoding="utf-8").count("```{glue:figure}") for page in toc.docnames())


def plain(text: str) -> str:
    # PDF text extraction gives ligatures ("ﬁ", "ﬀ"); its lines and spaces are not the page's.
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def book_pdf():
    if not (shutil.which("chromium") or shutil.which("google-chrome")):
        pytest.skip("printing the PDF needs Chromium (apt-get install chromium)")
    result = jupyter_book(
        "build", ".", "--builder", "singlehtml", "--path-output", "_build/pdf", "-W", "--keep-going", cwd=ROOT
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return pdf.print_pdf()


@pytest.fixture(scope="module")
def reader(book_pdf):
    from pypdf import PdfReader

    return PdfReader(book_pdf)


@pytest.fixture(scope="module")
def pdf_text(reader) -> str:
    return plain(" ".join(page.extract_text() for page in reader.pages))


def printed_charts() -> list[dict]:
    """Each chart of the page that was printed, in order: its source line and the texts of its drawing."""
    page = pdf.SINGLE_PAGE.read_text(encoding="utf-8")
    charts = []
    # From each chart's opening tag to its figure's caption.
    for block in (chunk.split("<figcaption")[0] for chunk in re.split(r'<div class="aiparadox-chart[ "]', page)[1:]):
        source = re.search(r'class="aiparadox-chart-source">(.*?)</span>', block, re.S)
        image = re.search(r'<img\b[^>]*\bsrc="([^"]+\.svg)"', block)
        path = unquote(urlsplit(image.group(1)).path) if image else ""
        svg = (pdf.SINGLE_PAGE.parent / path).read_text(encoding="utf-8") if image else ""
        # Upright texts only: a rotated axis title comes out of the PDF in pieces.
        texts = [
            html.unescape(text)
            for attrs, text in re.findall(r"<text\b([^>]*)>([^<]+)</text>", svg)
            if "rotate(" not in attrs
        ]
        source_line = plain(html.unescape(re.sub(r"<[^>]+>", "", source.group(1)))) if source else ""
        charts.append({"drawing": path, "source": source_line, "texts": texts})
    return charts


def test_the_pdf_has_every_chapter_and_every_figure(pdf_text):
    missing = [page for page in toc.docnames() if plain(page_title(page)) not in pdf_text]
    assert not missing, f"chapters missing from the PDF: {missing}"
    figures = figure_count()
    captions = re.findall(r"Fig\. (\d+(?:\.\d+)?)", pdf_text)
    assert len(set(captions)) == figures, f"{figures} figures in the book, {len(set(captions))} captions in the PDF"


def test_each_figure_is_drawn_as_text_with_its_source_line_under_it(pdf_text):
    """A figure printed as an image of pixels has no text in the PDF: every chart's axis titles and
    legend must be there, in order, each chart followed by its source line and then its caption."""
    charts = printed_charts()
    assert len(charts) == figure_count(), f"{figure_count()} figures, {len(charts)} charts on the printed page"
    position = 0
    for number, chart in enumerate(charts, 1):
        assert chart["source"].startswith("Source: "), f"chart {number} has no source line"
        # Paper is white and as wide as the desktop's column: the light, wide drawing.
        assert chart["drawing"].endswith("-wide-light.svg"), f"chart {number} printed from {chart['drawing']!r}"
        # The drawing's longest text (an axis title, usually) is printed, as text, before the source line.
        title = max(chart["texts"], key=len)
        at = pdf_text.find(plain(title), position)
        assert at >= 0, f"chart {number}: its text {title!r} is not in the PDF (drawn as pixels?)"
        source = pdf_text.find(chart["source"][:60], at)
        assert source >= 0, f"chart {number}: its source line {chart['source'][:60]!r} is not under it"
        # "Fig. 1" in an unnumbered chapter (the ledger), "Fig. 2.3" in a numbered one.
        caption = re.compile(r"Fig\. \d+(?:\.\d+)?").search(pdf_text, source)
        assert caption, f"chart {number}: no caption after its source line"
        position = caption.end()


def test_no_figure_tells_the_reader_to_hover_click_or_select(pdf_text):
    hints = sorted({m.group(0) for m in SCREEN_HINT.finditer(pdf_text)})
    around = [pdf_text[max(m.start() - 60, 0) : m.end() + 40] for m in SCREEN_HINT.finditer(pdf_text)][:5]
    assert not hints, f"the PDF tells its reader to {hints}: {around}"


def test_the_pdf_does_not_print_the_link_to_the_other_language(pdf_text):
    """On paper the link to the French page leads nowhere (aiparadox.css hides it in print)."""
    from aiparadox.sphinxext import SWITCH_LABELS

    assert plain(SWITCH_LABELS["fr"]) not in plain(pdf_text)


def test_the_figures_use_the_books_fonts(reader):
    """Each chart's text is set in the family of the book's text (the family most of the PDF's
    characters are in), not in a font of the drawing's own."""
    runs = []
    for page in reader.pages:
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: runs.append((text, family(font))))
    by_family: dict[str, int] = {}
    for text, name in runs:
        by_family[name] = by_family.get(name, 0) + len(text.strip())
    book_family = max(by_family, key=by_family.get)
    elsewhere = []
    for number, chart in enumerate(printed_charts(), 1):
        title = plain(max(chart["texts"], key=len))[:12]
        fonts = {name for text, name in runs if title in plain(text)}
        assert fonts, f"chart {number}: its text {title!r} is in no text run of the PDF"
        elsewhere += [f"chart {number}: {title!r} in {fonts}"] if fonts != {book_family} else []
    assert not elsewhere, f"chart text not in the book's font family ({book_family}): {elsewhere}"


def family(font) -> str:
    """A font's family as the PDF names it: "ABCDEF+DejaVuSans-Bold" is DejaVuSans."""
    name = str((font or {}).get("/BaseFont", "")).lstrip("/")
    return re.sub(r"^[A-Z]{6}\+", "", name).split("-")[0].split(",")[0]


def test_the_pdf_has_an_outline_of_its_chapters(reader):
    """A bookmark for each chapter, titled as the chapter is, in reading order, each to a page that
    has the chapter's title."""
    bookmarks = []

    def walk(outline) -> None:
        for item in outline:
            if isinstance(item, list):
                walk(item)
            else:
                bookmarks.append((plain(item.title), reader.get_destination_page_number(item)))

    walk(reader.outline)
    pages = []
    for page in toc.docnames():
        title = plain(page_title(page))
        found = [(at, number) for at, (text, number) in enumerate(bookmarks) if text.endswith(title)]
        assert found, f"no bookmark for {title!r}: {[text for text, _ in bookmarks][:12]}"
        at, number = found[0]
        assert title in plain(reader.pages[number].extract_text()), (
            f"the bookmark {title!r} points to page {number + 1}"
        )
        pages.append(at)
    assert pages == sorted(pages), "the chapters' bookmarks are not in reading order"


def test_code_is_wrapped_at_the_margin_not_cut(book_pdf):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=pdf.chromium_path(), args=["--no-sandbox", "--disable-gpu"])
        tab = pdf.open_for_print(browser)
        cut = tab.evaluate(
            """[...document.querySelectorAll('pre')].filter(pre => pre.scrollWidth > pre.clientWidth + 1)
                .map(pre => pre.textContent.split('\\n').sort((a, b) => b.length - a.length)[0].slice(0, 80))"""
        )
        browser.close()
    assert not cut, f"{len(cut)} code blocks run past the margin, e.g. {cut[:3]}"


def test_the_french_pdf_has_every_french_page_with_its_bookmark(built_book):
    """`make pdf` also prints the French edition (built after the English site, whose inventory links
    the pages it has not translated): every page of fr/_toc.yml, in French, with its bookmark."""
    import subprocess
    import sys

    from pypdf import PdfReader

    if not (shutil.which("chromium") or shutil.which("google-chrome")):
        pytest.skip("printing the PDF needs Chromium (apt-get install chromium)")
    build = jupyter_book(
        "build", "fr", "--builder", "singlehtml", "--path-output", "_build/pdf-fr", "-W", "-n", cwd=ROOT
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    printed = subprocess.run(
        [sys.executable, "-m", "aiparadox", "pdf", "--edition", "fr"], cwd=ROOT, capture_output=True, text=True
    )
    assert printed.returncode == 0, printed.stderr[-3000:]
    reader = PdfReader(printed.stdout.strip())
    # Sphinx prints the French apostrophe as a typographic one.
    text = plain(" ".join(page.extract_text() for page in reader.pages)).replace("\u2019", "'")
    titles = []
    for page in toc.docnames(ROOT / "fr"):
        source = (ROOT / "fr" / f"{page}.md").read_text(encoding="utf-8")
        titles.append(plain(re.search(r"^# (.+)$", source, re.M).group(1).strip()))
    assert [t for t in titles if t not in text] == [], "French pages missing from the French PDF"
    bookmarks = []

    def walk(outline) -> None:
        for item in outline:
            walk(item) if isinstance(item, list) else bookmarks.append(plain(item.title).replace("\u2019", "'"))

    walk(reader.outline)
    assert [t for t in titles if not any(b.endswith(t) for b in bookmarks)] == [], bookmarks[:12]
    assert "The scorecard" not in text and "Le décompte" in text
