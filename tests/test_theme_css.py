"""The theme's stylesheets cut to what the book's pages can match (aiparadox.theme_css): what the
rule drops and keeps, and, in Chromium, that no element of a page is styled differently than with
the stylesheets as the theme ships them, in every state the theme's scripts put a page in."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from aiparadox import icons, theme_css

from .test_browser import browser, chromium_path, server  # noqa: F401 (fixtures)


def names(markup: str = "", script: str = "") -> theme_css.Names:
    found = theme_css.Names()
    found.add_markup(markup)
    found.add_script(script)
    return found


def test_a_rule_naming_a_class_no_page_has_is_dropped_and_the_others_stay_in_order():
    css = ".used{color:red}.unused{color:blue}p{margin:0}#here .used{top:0}#gone{top:1px}:root{--x:1px}"
    cut = theme_css.cut(css, names('<p class="used" id="here">'))
    assert cut.splitlines() == [".used{color:red}", "p{margin:0}", "#here .used{top:0}", ":root{--x:1px}"]


def test_a_selector_list_keeps_its_matching_selectors_and_media_blocks_their_matching_rules():
    css = ".a,.b:is(.c, .d),.gone{x:1}@media (max-width:10px){.gone{x:2}.a{x:3}}@media print{.gone{x:4}}"
    cut = theme_css.cut(css, names('<i class="a b">'))
    assert cut.splitlines() == [".a,.b:is(.c, .d){x:1}", "@media (max-width:10px){.a{x:3}}"]


def test_classes_a_script_adds_or_builds_are_kept():
    script = 'el.classList.add("show"); tip.classList.add(`bs-${this.constructor.NAME}-auto`); n = "col-" + i'
    css = ".show{a:1}.bs-tooltip-auto{a:2}.x-auto{a:3}.col-6{a:4}.hidden{a:5}"
    assert theme_css.cut(css, names("", script)).splitlines() == [
        ".show{a:1}",
        ".bs-tooltip-auto{a:2}",
        ".x-auto{a:3}",
        ".col-6{a:4}",
    ]


def test_what_the_rule_cannot_judge_is_kept():
    css = (
        "html[data-theme=dark] .a{a:1}.a:not(.never){a:2}.md\\:flex{a:3}"
        "@font-face{font-family:x;src:url(x.woff2)}@keyframes spin{to{transform:rotate(1turn)}}"
    )
    cut = theme_css.cut(css, names('<b class="a">'))
    assert "html[data-theme=dark] .a{a:1}" in cut and ".a:not(.never){a:2}" in cut and ".md\\:flex{a:3}" in cut
    assert "@font-face" in cut and "@keyframes spin" in cut


def test_unreadable_css_is_refused_with_its_line():
    with pytest.raises(ValueError, match="unreadable CSS .* line 2"):
        theme_css.cut(".a{x:1}\n}", names('<b class="a">'))


def test_the_names_come_from_the_pages_and_every_script_they_load_or_import(tmp_path: Path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "page.html").write_text(
        '<div class="from-markup" id="an-id"><script type="module" src="../_static/main.js?v=1"></script>'
    )
    (tmp_path / "_static" / "main.js").write_text(
        'import(new URL("bundle.js", import.meta.url)); el.className = "from-script"'
    )
    (tmp_path / "_static" / "bundle.js").write_text('el.className = "from-bundle"')
    (tmp_path / "_static" / "unloaded.js").write_text('el.className = "from-nowhere"')
    # The other edition, published inside this build with its own _static, is cut by its own build.
    (tmp_path / "fr" / "_static").mkdir(parents=True)
    (tmp_path / "fr" / "page.html").write_text('<div class="from-the-other-edition">')
    found = theme_css.names_in_build(tmp_path)
    assert {"from-markup", "an-id", "from-script", "from-bundle"} <= found.words
    assert "from-nowhere" not in found.words and "from-the-other-edition" not in found.words
    assert "from-the-other-edition" in theme_css.names_in_build(tmp_path / "fr").words


def test_each_pages_link_to_a_cut_stylesheet_names_the_cut_files_own_checksum(tmp_path: Path):
    """The theme's ?digest= is of the file as installed: after a change to the pages changed the
    cut, a browser would keep its cached copy of the old cut under the same address."""
    styles = tmp_path / "_static" / "styles"
    styles.mkdir(parents=True)
    shipped = ".used { color: red }\n.unused { color: blue }\n.new { color: green }\n"
    link = '<link href="../_static/styles/pydata-sphinx-theme.css?digest=dfe6caa3" rel="stylesheet" />'
    page = tmp_path / "chapters" / "page.html"
    page.parent.mkdir()

    def build(markup: str) -> str:
        (styles / "pydata-sphinx-theme.css").write_text(shipped)  # Sphinx copies the theme's file
        page.write_text(f"<head>{link}<a href='#x'>x</a></head>{markup}")
        theme_css.cut_theme_stylesheets(tmp_path)
        version = hashlib.sha256((styles / "pydata-sphinx-theme.css").read_bytes()).hexdigest()[:8]
        assert page.read_text().startswith(
            f'<head><link href="../_static/styles/pydata-sphinx-theme.css?v={version}" rel'
        )
        theme_css.cut_theme_stylesheets(tmp_path)  # a warm rebuild that writes no page
        assert page.read_text().count(f"?v={version}") == 1
        return version

    before = build('<p class="used">')
    assert build('<p class="used">') == before
    assert build('<p class="used new">') != before


def test_a_cut_is_kept_for_the_next_build_while_the_names_stay_the_same(tmp_path: Path, monkeypatch):
    out, cache = tmp_path / "html", tmp_path / "cache"
    sheet = out / "_static" / "sphinx-design.min.css"
    sheet.parent.mkdir(parents=True)
    shipped = ".used{color:red}.unused{color:blue}"

    def build(markup: str) -> str:
        sheet.write_text(shipped)
        (out / "page.html").write_text(markup)
        theme_css.cut_theme_stylesheets(out, cache)
        return sheet.read_text()

    assert build('<p class="used">') == ".used{color:red}\n"
    # A build that writes no page finds the copy as the last build cut it, and cuts nothing again.
    with monkeypatch.context() as patched:
        patched.setattr(theme_css, "cut", lambda *args: pytest.fail("cut again"))
        theme_css.cut_theme_stylesheets(out, cache)
    assert sheet.read_text() == ".used{color:red}\n"
    kept = {p.name for p in cache.glob("*.css")}  # the cut, under the shipped file's key and under its own
    assert len(kept) == 2
    for each in cache.glob("*.css"):
        each.write_text(".used{color:red}/* from the cache */\n")
    assert build('<p class="used">') == ".used{color:red}/* from the cache */\n"
    # Another name is another cut, made from the stylesheet; the one no build uses any more goes.
    assert build('<p class="used unused">') == ".used{color:red}\n.unused{color:blue}\n"
    assert not kept & {p.name for p in cache.glob("*.css")} and len(list(cache.glob("*.css"))) == 2
    # A script a page loads is read too (the search page loads ../searchindex.js): a change to it is another cut.
    (out / "index.js").write_text("Search.setIndex({})")
    assert build('<script src="index.js"></script><p class="used">') == ".used{color:red}\n"
    (out / "index.js").write_text('Search.setIndex({"unused": 1})')
    assert build('<script src="index.js"></script><p class="used">') == ".used{color:red}\n.unused{color:blue}\n"


# Where the build's cut stylesheets come from, as the theme and the extensions ship them: the
# theme's two are those aiparadox.icons already reads.
INSTALLED = {
    **{f"styles/{Path(path).name}": (package, path) for package, path in icons.THEME_STYLESHEETS},
    "sphinx-design.min.css": ("sphinx_design", "static/sphinx-design.min.css"),
    "mystnb.css": ("myst_nb", "static/mystnb.css"),  # the build adds its hash to the name
}


def shipped_name(name: str) -> str:
    return re.sub(r"^mystnb\.[0-9a-f]+\.css$", "mystnb.css", name)


def installed(name: str) -> str:
    return icons.package_file(*INSTALLED[shipped_name(name)]).read_text(encoding="utf-8")


def cut_in(html_root: Path) -> dict[str, Path]:
    return {p.relative_to(html_root / "_static").as_posix(): p for p in theme_css.stylesheets(html_root)}


def test_the_built_stylesheets_are_cut_and_every_one_is_the_installed_one_cut(built_book: Path):
    for html_root in (built_book, built_book / "fr"):
        found = theme_css.names_in_build(html_root)
        cut = cut_in(html_root)
        assert {shipped_name(n) for n in cut} == set(INSTALLED)
        for name, path in cut.items():
            shipped = installed(name)
            assert path.read_text(encoding="utf-8") == theme_css.cut(shipped, found), f"{html_root}: {name}"
        theme = cut["styles/pydata-sphinx-theme.css"].stat().st_size
        assert theme < 0.4 * len(installed("styles/pydata-sphinx-theme.css").encode())
        # Every page links each cut file by the cut's own checksum.
        versions = {name: hashlib.sha256(path.read_bytes()).hexdigest()[:8] for name, path in cut.items()}
        for page in (p for p in theme_css.own_pages(html_root) if "_static" not in p.parts):
            links = dict(re.findall(r'href="[^"]*_static/([^"?]+\.css)(\?[^"]*)?"', page.read_text()))
            linked = {name: links[name] for name in versions if name in links}
            assert linked == {n: f"?v={v}" for n, v in versions.items() if n in links}, page
            assert len(linked) == len(versions) or "chapters" not in page.parts, f"{page} lacks a stylesheet"


# Every element's computed style, and its ::before and ::after when they have content, property
# by property, hashed (14,000 styles of 360 properties are too much to send). Custom properties are
# left out: hundreds of the theme's are inherited by every element, and what one changes shows in
# the properties that use it.
COMPUTED_STYLES = """() => {
  const out = [];
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      parts.unshift(e.tagName.toLowerCase() + (e.className && typeof e.className === 'string'
        ? '.' + e.className.trim().split(/\\s+/).join('.') : ''));
    }
    return parts.join(' > ');
  };
  const standard = [...getComputedStyle(document.documentElement)].filter((name) => !name.startsWith('--'));
  let n = 0;
  for (const el of document.querySelectorAll('*')) {
    n += 1;
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(el, pseudo);
      if (pseudo && style.content === 'none') {
        out.push([n + ' ' + path(el) + pseudo, 0]);
        continue;
      }
      let hash = 2166136261;
      for (const name of standard) {
        const text = name + ':' + style.getPropertyValue(name) + ';';
        for (let j = 0; j < text.length; j++) hash = Math.imul(hash ^ text.charCodeAt(j), 16777619) >>> 0;
      }
      out.push([n + ' ' + path(el) + (pseudo || ''), hash]);
    }
  }
  return out;
}"""

# (name, page, window width, colour scheme, what the reader does first): the theme's scripts'
# states (search dialog, sidebars, menus, tooltips), a chart's other views, both modes and widths.
STATES = (
    ("top500 light", "chapters/top500.html", 1280, "light", None),
    ("top500 dark phone", "chapters/top500.html", 390, "dark", None),
    ("search dialog", "chapters/top500.html", 1280, "dark", "open-search"),
    ("download menu", "chapters/top500.html", 1280, "light", "open-download"),
    ("tooltip", "chapters/ledger.html", 1280, "light", "hover-tooltip"),
    ("bls dark phone", "chapters/bls.html", 390, "dark", None),
    ("phone navigation", "chapters/bls.html", 390, "light", "open-navigation"),
    ("chart table view", "chapters/scale.html", 1280, "light", "table-view"),
    ("search results", "search.html?q=accelerator", 1280, "light", "search-results"),
    ("french guide", "fr/chapters/teachers-guide.html", 390, "light", None),
)


def act(page, action: str | None) -> None:
    if action == "open-search":
        page.locator(".search-button__button:visible").first.click()
        page.wait_for_selector("#pst-search-dialog[open]")
    elif action == "open-download":
        page.locator(".dropdown-download-buttons .dropdown-toggle").click()
        page.wait_for_selector(".dropdown-download-buttons .dropdown-menu.show")
    elif action == "hover-tooltip":
        page.locator('.article-header-buttons [data-bs-toggle="tooltip"]:visible').first.hover()
        page.wait_for_selector(".tooltip.show")
    elif action == "open-navigation":
        page.locator(".bd-header-article .primary-toggle").click()
        page.wait_for_selector("#pst-primary-sidebar-modal[open]")
    elif action == "table-view":
        page.locator(".aiparadox-chart-views label").nth(1).click()
    elif action == "search-results":
        page.wait_for_selector("#search-results li", timeout=20_000)
    if action:
        # A first interaction fetches the vega bundle and the specs of the charts in view; their
        # live charts then replace the drawings. Both variants are compared once that has settled.
        page.wait_for_load_state("networkidle")
    page.wait_for_timeout(400)  # transitions (the theme's are at most 0.3 s)


def serving(css: str):
    def fulfil(route) -> None:
        route.fulfill(body=css, content_type="text/css")

    return fulfil


def styles(browser, url: str, width: int, scheme: str, action: str | None, originals: dict[str, str]):  # noqa: F811
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, reduced_motion="reduce"
    )
    try:
        for name, css in originals.items():
            context.route(re.compile(r"/_static/" + re.escape(name) + r"(\?.*)?$"), serving(css))
        page = context.new_page()
        page.goto(url, wait_until="load")
        act(page, action)
        return dict(page.evaluate(COMPUTED_STYLES))
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("state", STATES, ids=[s[0].replace(" ", "-") for s in STATES])
def test_no_element_is_styled_differently_than_with_the_themes_whole_stylesheets(
    built_book: Path,
    server: str,  # noqa: F811
    browser,  # noqa: F811
    state,
):
    _, page, width, scheme, action = state
    root = built_book / "fr" if page.startswith("fr/") else built_book
    base = f"{server}/fr" if page.startswith("fr/") else server
    relative = page.removeprefix("fr/")
    shipped = {name: installed(name) for name in cut_in(root)}
    cut = styles(browser, f"{base}/{relative}", width, scheme, action, {})
    whole = styles(browser, f"{base}/{relative}", width, scheme, action, shipped)
    assert len(cut) > 500 and cut.keys() == whole.keys()
    differ = [element for element in whole if whole[element] != cut[element]]
    assert not differ, f"{len(differ)} styled differently, e.g. {differ[:3]}"
