"""`make pdf`: the whole book in one PDF, every chapter and every figure in it, each figure the
same SVG drawing the pages show (so drawn as vector graphics with real text) with its source line."""

from __future__ import annotations

import html
import re
import shutil

import pytest

from aiparadox import pdf, toc
from aiparadox.paths import ROOT

from .conftest import jupyter_book

pytestmark = pytest.mark.book


def page_title(page: str) -> str:
    text = (ROOT / f"{page}.md").read_text(encoding="utf-8")
    return re.search(r"^# (.+)$", text, re.M).group(1).strip()


def figure_count() -> int:
    return sum((ROOT / f"{page}.md").read_text(encoding="utf-8").count("```{glue:figure}") for page in toc.docnames())


@pytest.fixture(scope="module")
def book_pdf():
    if not (shutil.which("chromium") or shutil.which("google-chrome")):
        pytest.skip("printing the PDF needs Chromium (apt-get install chromium)")
    result = jupyter_book("build", ".", "--builder", "singlehtml", "--path-output", "_build/pdf", "-W", "--keep-going", cwd=ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return pdf.print_pdf()


def drawing_labels(svg: str) -> list[str]:
    """The texts a drawing writes (axis titles, tick and legend labels) of five characters or more."""
    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]{5,})</text>", svg)]


def test_the_pdf_has_every_chapter_and_every_figure_drawn_with_its_source(book_pdf):
    from pypdf import PdfReader

    reader = PdfReader(book_pdf)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    # PDF text extraction turns "fi" and "fl" into ligatures.
    text = text.replace("\ufb01", "fi").replace("\ufb02", "fl")
    missing = [page for page in toc.docnames() if " ".join(page_title(page).split()) not in text]
    assert not missing, f"chapters missing from the PDF: {missing}"
    figures = figure_count()
    captions = set(re.findall(r"Fig\. (\d+(?:\.\d+)?)", text))
    assert len(captions) == figures, f"{figures} figures in the book, {len(captions)} captions in the PDF"
    # Each figure is printed from its light, wide drawing; its labels are text in the PDF.
    single = pdf.SINGLE_PAGE.read_text(encoding="utf-8")
    drawings = re.findall(r'<img [^>]*\bsrc="(_charts/[^"]+-wide-light\.svg)"', single)
    assert len(drawings) == figures, f"{figures} figures, {len(drawings)} drawings on the printed page"
    not_drawn = [
        d for d in drawings if not any(label in text for label in drawing_labels((pdf.SINGLE_PAGE.parent / d).read_text()))
    ]
    assert not not_drawn, f"drawings whose labels are not in the PDF: {not_drawn}"
    assert text.count("Source: ") >= figures, "a figure lost its source line"
