"""What the book does to the theme's page head and icons: Font Awesome's script and fonts replaced by
the book's icon stylesheet, the theme's scripts deferred, and the search index only on the search page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aiparadox import icons

from .conftest import book_pages


def test_the_icon_stylesheet_draws_the_themes_icons_without_its_fonts():
    script = icons.theme_fontawesome().read_text(encoding="utf-8")
    css = [icons.package_file(p, f).read_text(encoding="utf-8") for p, f in icons.THEME_STYLESHEETS]
    sheet = icons.stylesheet(script, "licence", css)
    assert '.fa-bars::before { --aiparadox-icon: url("data:image/svg+xml,' in sheet
    assert "a.reference.download:before { --aiparadox-icon" in sheet  # a glyph the theme's CSS puts in content
    # The icons' own elements keep the text's font, so that the browser fetches no Font Awesome font.
    assert (
        ".fa, .fas, .fa-solid, .far, .fa-regular, .fab, .fa-brands, .fa-classic { font-family: inherit !important; }"
        in sheet
    )
    with pytest.raises(RuntimeError, match="no icon named not-an-icon"):
        icons.stylesheet(script, "licence", css, names=("not-an-icon",))


@pytest.mark.book
def test_every_icon_on_a_page_is_drawn_by_the_icon_stylesheet(built_book: Path):
    sheet = (built_book / "_static" / icons.CSS_NAME).read_text(encoding="utf-8")
    families = {"fa-solid", "fa-regular", "fa-brands", "fa-lg", "fa-classic"}
    used = set()
    for page in book_pages(built_book):
        for classes in re.findall(r'class="([^"]*\bfa[srb]?-[^"]*)"', page.read_text(encoding="utf-8")):
            used |= {c for c in classes.split() if c.startswith("fa-") and c not in families}
    used.add("fa-xmark")  # the theme's script adds it to the search dialog
    missing = sorted(name for name in used if f".{name}::before {{ --aiparadox-icon" not in sheet)
    assert used and not missing, f"icons the stylesheet does not draw (add them to aiparadox.icons.ICONS): {missing}"


def test_the_theme_head_loses_font_awesome_and_its_search_scripts_wait():
    from aiparadox import sphinxext

    head = '<link href="a.css" rel="stylesheet" />\n  <script defer src="../_static/scripts/fontawesome.js?digest=1"></script>\n<link rel="preload" />'
    assert sphinxext.without_fontawesome(head) == '<link href="a.css" rel="stylesheet" />\n<link rel="preload" />'
    extra = '<script src="../_static/searchtools.js"></script>\n<script src="../searchindex.js"></script>'
    assert (
        sphinxext.deferred(extra)
        == '<script defer src="../_static/searchtools.js"></script>\n<script defer src="../searchindex.js"></script>'
    )
    # The search page's scripts block also holds documentation_options.js, which inline scripts use at once.
    options = '<script src="_static/documentation_options.js?v=9"></script>'
    assert sphinxext.deferred(options) == options
    # Other pages lose them: with search-as-you-type off, only the search page uses the index.
    head = f'<meta name="docsearch:version" content="" />\n    {extra.replace("<script src=", "<script defer src=", 1)}\n<script src="../_static/language_data.js?v=2"></script>'
    assert sphinxext.without_inline_search(head, False) == '<meta name="docsearch:version" content="" />'
    assert sphinxext.without_inline_search(extra, "True") == sphinxext.deferred(extra)


@pytest.mark.book
def test_only_the_search_page_loads_the_search_index(built_book: Path):
    loads_index = re.compile(r'<script\b[^>]*src="[^"]*searchindex\.js')
    every_page = [p for p in built_book.rglob("*.html") if "_static" not in p.parts]
    pages = {page.relative_to(built_book).as_posix(): page.read_text(encoding="utf-8") for page in every_page}
    assert loads_index.search(pages["search.html"]) and loads_index.search(pages["fr/search.html"])
    loading = sorted(
        name for name, text in pages.items() if loads_index.search(text) and not name.endswith("search.html")
    )
    assert len(pages) > 20 and not loading, f"pages that load the whole search index: {loading}"
    # Their search field still sends the query to the search page.
    assert re.search(r'<form class="bd-search[^>]*action="../search.html"', pages["chapters/bls.html"])
