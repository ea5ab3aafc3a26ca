"""The theme's icons as CSS masks, so that neither Font Awesome's script nor its fonts are loaded.

pydata-sphinx-theme draws icons two ways, both heavy:

* its buttons' ``<i class="fa-solid fa-bars">`` by loading Font Awesome's script (1.49 MB, 543 KB
  gzipped), which swaps each ``<i>`` for an inline SVG;
* admonition titles, download links, breadcrumbs, GitHub links and the like by CSS pseudo-elements
  whose ``content`` is a glyph of Font Awesome's web fonts (the solid and brands fonts: 270 KB).

The book shows a few dozen of those icons. At build time this module takes their outlines from the
installed theme's own copy of the script and writes a small stylesheet that paints each one as a
CSS mask in the text colour: for the ``<i>`` icons by class name, for the pseudo-elements by
overriding every rule of the theme's stylesheets that puts a Font Awesome glyph in ``content``
(same selector, so the same cascade). The extension drops the script from every page; with no
glyph left to draw, the browser never fetches the fonts. The buttons keep their markup, names and
behaviour: only how an icon is painted changes.
"""

from __future__ import annotations

import importlib.util
import re
import urllib.parse
from pathlib import Path

CSS_NAME = "aiparadox-icons.css"
# Every icon the theme's templates and scripts draw as <i> or <span> in this book's configuration (header
# buttons, sidebars, search, colour mode, launch and download menus, the search dialog's close
# button). tests/test_static_charts.py checks that every icon on a built page is here.
ICONS = (
    "angle-left",
    "angle-right",
    "arrow-up",
    "bars",
    "chevron-down",
    "circle-half-stroke",
    "code",
    "compress",
    "download",
    "expand",
    "file",
    "file-pdf",
    "github",
    "list",
    "magnifying-glass",
    "moon",
    "outdent",
    "rocket",
    "sun",
    "xmark",
)
# The theme's stylesheets whose pseudo-elements draw Font Awesome glyphs.
THEME_STYLESHEETS = (
    ("pydata_sphinx_theme", "theme/pydata_sphinx_theme/static/styles/pydata-sphinx-theme.css"),
    ("sphinx_book_theme", "theme/sphinx_book_theme/static/styles/sphinx-book-theme.css"),
)
ICON = re.compile(
    r'[{,]"?(?P<name>[a-z0-9-]+)"?:\[(?P<width>\d+),(?P<height>\d+),\[[^\]]*\],"(?P<code>[0-9a-f]*)","(?P<path>[^"]+)"\]'
)
PACK_END = re.compile(r'\w\("(?P<pack>fa[bsr])",\s*\w+\)')
# Where a pack's name and a glyph's code point differ between packs, the solid one is meant.
PACK_PREFERENCE = ("fas", "fab", "far")
RULE = re.compile(r"(?P<selector>[^{}]+)\{(?P<body>[^{}]*)\}")
VARIABLE = re.compile(r"(--[\w-]+):([^;}]+)")
CONTENT = re.compile(r"(?:^|;)content:(?P<value>[^;}]+)")
PRIVATE_USE = range(0xE000, 0xF900)
FONT_AWESOME_FAMILIES = (".fa", ".fas", ".fa-solid", ".far", ".fa-regular", ".fab", ".fa-brands", ".fa-classic")
FONT_AWESOME_CLASS = re.compile(r"\.fa-[\w-]+::?before")


def package_file(package: str, relative: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"{package} is not installed: the book's theme needs it")
    return Path(spec.origin).parent / relative


def theme_fontawesome() -> Path:
    return package_file("pydata_sphinx_theme", "theme/pydata_sphinx_theme/static/scripts/fontawesome.js")


class Outlines:
    """The icons of Font Awesome's script, by name and by code point, solid first."""

    def __init__(self, script: str) -> None:
        by_pack: dict[str, list[re.Match]] = {}
        start = 0
        for end in PACK_END.finditer(script):
            by_pack.setdefault(end.group("pack"), []).extend(ICON.finditer(script, start, end.start()))
            start = end.end()
        self.by_name: dict[str, tuple[int, int, str]] = {}
        self.by_code: dict[int, tuple[int, int, str]] = {}
        for pack in PACK_PREFERENCE:
            for match in by_pack.get(pack, []):
                outline = (int(match.group("width")), int(match.group("height")), match.group("path"))
                self.by_name.setdefault(match.group("name"), outline)
                if match.group("code"):
                    self.by_code.setdefault(int(match.group("code"), 16), outline)


def _css_string(value: str) -> str | None:
    """The text of a CSS string literal such as ``"\\f107"``, or None if ``value`` is not one."""
    value = value.strip().removesuffix("!important").strip()
    if len(value) < 2 or value[0] not in "\"'" or value[-1] != value[0]:
        return None
    return re.sub(r"\\([0-9a-fA-F]{1,6})\s?", lambda m: chr(int(m.group(1), 16)), value[1:-1])


def glyph_rules(stylesheets: list[str]) -> list[tuple[str, int]]:
    """(selector, code point) of every rule that puts one Font Awesome glyph in ``content``,
    directly or through the theme's custom properties (``--pst-icon-download``), in their order."""
    variables: dict[str, str] = {}
    for css in stylesheets:
        for rule in RULE.finditer(css):
            for name, value in VARIABLE.findall(rule.group("body")):
                variables.setdefault(name, value)

    def resolve(value: str, depth: int = 0) -> str:
        match = re.fullmatch(r"\s*var\((--[\w-]+)\)\s*", value)
        return resolve(variables.get(match.group(1), ""), depth + 1) if match and depth < 10 else value

    found = []
    for css in stylesheets:
        for rule in RULE.finditer(css):
            content = CONTENT.search(rule.group("body"))
            text = _css_string(resolve(content.group("value"))) if content else None
            selector = " ".join(rule.group("selector").split())
            # Font Awesome's own ".fa-bars:before" rules, one per icon: the <i> icons, by name, above.
            if all(FONT_AWESOME_CLASS.fullmatch(s.strip()) for s in selector.split(",")):
                continue
            if text and len(text) == 1 and ord(text) in PRIVATE_USE:
                found.append((selector, ord(text)))
    return found


def _mask(width: int, height: int, path: str) -> str:
    svg = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}'><path d='{path}'/></svg>"
    return "data:image/svg+xml," + urllib.parse.quote(svg, safe=" /:=',")


def stylesheet(script: str, licence: str, stylesheets: list[str], names: tuple[str, ...] = ICONS) -> str:
    """The CSS that draws ``names`` and the theme's glyphs; ``licence`` is Font Awesome's notice."""
    outlines = Outlines(script)
    missing = [n for n in names if n not in outlines.by_name]
    if missing:
        raise RuntimeError(f"the theme's fontawesome.js has no icon named {', '.join(missing)}")
    glyphs = [(selector, code) for selector, code in glyph_rules(stylesheets) if code in outlines.by_code]
    painted = [f".fa-{name}::before" for name in names] + [selector for selector, _ in glyphs]
    rules = [
        "/* The theme's icons, drawn with CSS instead of Font Awesome's script and fonts (made by\n"
        f"   aiparadox/icons.py from the theme's own copy).\n{licence.replace('/*!', '').replace('*/', '').rstrip()}\n*/",
        # Font Awesome's sizing: one em tall, on the text's baseline as its SVGs sit.
        ", ".join(painted)
        + ' { content: "" !important; font-family: inherit !important; display: inline-block; height: 1em; vertical-align: -0.125em;'
        " background-color: currentColor; -webkit-mask: var(--aiparadox-icon) center / contain no-repeat;"
        " mask: var(--aiparadox-icon) center / contain no-repeat; }",
        # An element in Font Awesome's font makes the browser fetch the font for the line's metrics
        # even when it draws no glyph: the icons' elements keep the text's font.
        ", ".join(FONT_AWESOME_FAMILIES) + " { font-family: inherit !important; }",
    ]
    for name in names:
        width, height, path = outlines.by_name[name]
        rules.append(
            f'.fa-{name}::before {{ --aiparadox-icon: url("{_mask(width, height, path)}"); width: {width / height:.4g}em; }}'
        )
    for selector, code in glyphs:
        width, height, path = outlines.by_code[code]
        rules.append(
            f'{selector} {{ --aiparadox-icon: url("{_mask(width, height, path)}"); width: {width / height:.4g}em; }}'
        )
    return "\n".join(rules) + "\n"


def write_stylesheet(folder: Path) -> Path:
    """The stylesheet for the installed theme, made once per theme version and reused."""
    import pydata_sphinx_theme
    import sphinx_book_theme

    versions = f"{pydata_sphinx_theme.__version__}-{sphinx_book_theme.__version__}"
    target = folder / f"icons-{versions}" / CSS_NAME
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        script = theme_fontawesome()
        licence = script.with_name(script.name + ".LICENSE.txt")
        notice = (
            licence.read_text(encoding="utf-8")
            if licence.exists()
            else "Font Awesome Free, https://fontawesome.com/license/free"
        )
        css = [package_file(package, path).read_text(encoding="utf-8") for package, path in THEME_STYLESHEETS]
        partial = target.with_suffix(".partial")
        partial.write_text(stylesheet(script.read_text(encoding="utf-8"), notice, css), encoding="utf-8")
        partial.replace(target)
    return target.parent
