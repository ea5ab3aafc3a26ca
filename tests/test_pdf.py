"""`make pdf`: the whole book in one PDF, every chapter and every figure in it, charts as images."""

from __future__ import annotations

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


def test_the_pdf_has_every_chapter_and_every_figure_as_an_image(book_pdf):
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
    images = sum(len(page.images) for page in reader.pages)
    assert images >= figures, f"{figures} figures but {images} images: a chart was not drawn as an image"
