"""`make pdf`: the whole book in one PDF, every chapter and every figure in it; each figure drawn as
vector text in the book's fonts with its source line under it and no hint meant for a screen; code
wrapped at the margin; an outline of the chapters."""

from __future__ import annotations

import base64
import html
import re
import shutil
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
    # PDF text extraction turns "fi" and "fl" into ligatures; lines and spaces are not the page's.
    return " ".join(text.replace("\ufb01", "fi").replace("\ufb02", "fl").split())


@pytest.fixture(scope="module")
def book_pdf():
    if not (shutil.which("chromium") or shutil.which("google-chrome")):
        pytest.skip("printing the PDF needs Chromium (apt-get install chromium)")
    result = jupyter_book("build", ".", "--builder", "singlehtml", "--path-output", "_build/pdf", "-W", "--keep-going", cwd=ROOT)
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
        image = re.search(r'<img\b[^>]*\bsrc="([^"]+\.svg|data:image/svg\+xml;base64,[^"]+)"', block)
        if image is None:
            svg = ""
        elif image.group(1).startswith("data:"):
            svg = base64.b64decode(image.group(1).split(",", 1)[1]).decode()
        else:
            svg = (pdf.SINGLE_PAGE.parent / unquote(urlsplit(image.group(1)).path)).read_text(encoding="utf-8")
        texts = [html.unescape(t) for t in re.findall(r"<text\b[^>]*>([^<]+)</text>", svg)]
        charts.append({"source": plain(html.unescape(re.sub(r"<[^>]+>", "", source.group(1)))) if source else "", "texts": texts})
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
        # The drawing's longest text (an axis title, usually) is printed, as text, before the source line.
        title = max(chart["texts"], key=len)
        at = pdf_text.find(plain(title), position)
        assert at >= 0, f"chart {number}: its text {title!r} is not in the PDF (drawn as pixels?)"
        source = pdf_text.find(chart["source"][:60], at)
        assert source >= 0, f"chart {number}: its source line {chart['source'][:60]!r} is not under it"
        caption = re.compile(r"Fig\. \d+\.\d+").search(pdf_text, source)
        assert caption, f"chart {number}: no caption after its source line"
        position = caption.end()


def test_no_figure_tells_the_reader_to_hover_click_or_select(pdf_text):
    hints = sorted({m.group(0) for m in SCREEN_HINT.finditer(pdf_text)})
    around = [pdf_text[max(m.start() - 60, 0) : m.end() + 40] for m in SCREEN_HINT.finditer(pdf_text)][:5]
    assert not hints, f"the PDF tells its reader to {hints}: {around}"


def test_the_figures_use_the_books_fonts(reader):
    """One proportional family in the whole PDF, the text's and the figures' alike (plus the code's
    monospace): a figure drawn in a font of its own would add another."""
    families = {}
    for page in reader.pages:
        for font in page_fonts(page.get("/Resources")):
            name = str(font.get("/BaseFont", "")).lstrip("/")
            family = re.sub(r"^[A-Z]{6}\+", "", name).split("-")[0].split(",")[0]
            families.setdefault("monospace" if fixed_pitch(font) else "proportional", set()).add(family)
    assert families.get("proportional"), "no font in the PDF"
    assert len(families["proportional"]) == 1, f"more than one proportional font family: {families['proportional']}"


def page_fonts(resources, seen=None):
    """The fonts of a page's resources, those of its forms (the printed SVG drawings) included."""
    seen = set() if seen is None else seen
    if resources is None or id(resources) in seen:
        return
    seen.add(id(resources))
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        yield font.get_object()
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            yield from page_fonts(xobject.get("/Resources"), seen)


def fixed_pitch(font) -> bool:
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and font.get("/DescendantFonts"):
        descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
    return bool(descriptor and int(descriptor.get_object().get("/Flags", 0)) & 1)


def test_the_pdf_has_an_outline_of_its_chapters(reader):
    def titles(outline) -> list[str]:
        out = []
        for item in outline:
            out += titles(item) if isinstance(item, list) else [plain(item.title)]
        return out

    outline = " | ".join(titles(reader.outline))
    missing = [page for page in toc.docnames() if plain(page_title(page)) not in outline]
    assert not missing, f"chapters without a bookmark in the PDF: {missing}"


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

