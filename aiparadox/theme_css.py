"""The theme's stylesheets cut, after the build, to the rules that a page of the book can match.

pydata-sphinx-theme ships all of Bootstrap and a style for every feature it has: 397 KB of CSS,
with sphinx-design's 55 KB and myst-nb's 43 KB beside it. A browser downloads and parses all of it
before it paints anything, and matches its selectors against every element of the page: on a
phone-like CPU most of the time before the first paint went there (issue 19). The book uses a
small part of it.

The rule is PurgeCSS's, made conservative: a selector is dropped only if it names a class or an id
that is in no page of the build (``class`` and ``id`` attributes) and in no script a page loads
(every word of it: the theme's scripts add classes such as ``show`` or ``collapsing``, and build
some from pieces, as Bootstrap's ```bs-${name}-auto```, whose pieces are kept as prefixes and
suffixes). Classes inside ``:not()``, ``:is()``, ``:where()`` and ``:has()`` and attribute
selectors are not required (the theme sets ``data-theme`` by script); a selector with a CSS
escape is kept. A rule is dropped when all its selectors are; an ``@media`` or ``@supports``
block when all its rules are. Everything else (``@font-face``, ``@keyframes``, custom
properties, element selectors) stays as it was, in its order, so the cascade is unchanged.
``tests/test_theme_css.py`` checks that no element's computed style changes, in the states the
theme's scripts put a page in.

Only the copies in the build's ``_static`` are rewritten; the installed theme is not touched. The
pages' links to them then carry each cut file's own checksum (``?v=``): the theme's ``?digest=`` and
Sphinx's ``?v=`` are of the file as installed, and would stay the same when a change to the pages
changes the cut, so a browser would keep serving its cached copy, which may lack a rule the new
pages need.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2

# The heavy third-party stylesheets, as the build names them under _static/ (myst-nb adds its
# content's hash to its name). The book's own stylesheets are not cut: an unused rule there is a bug.
STYLESHEETS = (
    "styles/pydata-sphinx-theme.css",
    "styles/sphinx-book-theme.css",
    "sphinx-design.min.css",
    "mystnb.*.css",
)
WORD = re.compile(r"[A-Za-z0-9_-]+")
MARKUP_NAMES = re.compile(r'\s(?:class|id)="([^"]*)"')
SCRIPT_SOURCE = re.compile(r'<script\b[^>]*\bsrc="([^"?#]+)')
# What a module script loads by itself: aiparadox-charts.js imports the vega bundle this way.
SCRIPT_IMPORT = re.compile(r"""import\(\s*(?:new URL\(\s*)?["']([^"']+\.js)["']|\bfrom\s*["']([^"']+\.js)["']""")
# Pieces of a class name a script builds: `bs-${name}-auto`, "col-" + n.
TEMPLATE_PREFIX = re.compile(r"([A-Za-z0-9_-]*-)\$\{")
TEMPLATE_SUFFIX = re.compile(r"\}(-[A-Za-z0-9_-]+)")
QUOTED_PREFIX = re.compile(r"""["']([A-Za-z][A-Za-z0-9_]*-)["']""")
NAMED = re.compile(r"([.#])((?:[A-Za-z0-9_-]|[^\x00-\x7f])+)")
ATTRIBUTE = re.compile(r"\[[^\]]*\]")
UNREQUIRED = re.compile(r":(?:not|is|where|has)\(")
MIN_PIECE = 3  # a piece shorter than "bs-" would keep nearly everything


@dataclass
class Names:
    """The class and id names a page of the build can have, and the pieces scripts build them from."""

    words: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    suffixes: set[str] = field(default_factory=set)

    def add_markup(self, markup: str) -> None:
        for value in MARKUP_NAMES.findall(markup):
            self.words.update(value.split())

    def add_script(self, script: str) -> None:
        self.words.update(WORD.findall(script))
        self.prefixes.update(p for p in TEMPLATE_PREFIX.findall(script) + QUOTED_PREFIX.findall(script))
        self.suffixes.update(TEMPLATE_SUFFIX.findall(script))

    def may_have(self, name: str) -> bool:
        return (
            name in self.words
            or any(name.startswith(p) for p in self.prefixes if len(p) >= MIN_PIECE)
            or any(name.endswith(s) for s in self.suffixes if len(s) >= MIN_PIECE)
        )


def _without_unrequired(selector: str) -> str:
    """The selector without its attribute selectors and the arguments of :not() and the like."""
    out, start = [], 0
    for match in UNREQUIRED.finditer(selector):
        if match.start() < start:
            continue
        out.append(selector[start : match.start()])
        depth, end = 1, match.end()
        while end < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[end], 0)
            end += 1
        start = end
    out.append(selector[start:])
    return ATTRIBUTE.sub("", "".join(out))


def selector_may_match(selector: str, names: Names) -> bool:
    if "\\" in selector:
        return True
    return all(names.may_have(name) for _, name in NAMED.findall(_without_unrequired(selector)))


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :is(a, b))."""
    parts, depth, current = [], 0, []
    for char in prelude:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [" ".join(p.split()) for p in parts]


def _kept(rules: Iterable, names: Names) -> list[str]:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _selectors(tinycss2.serialize(rule.prelude)) if selector_may_match(s, names)]
            if selectors:
                out.append(",".join(selectors) + "{" + tinycss2.serialize(rule.content).strip() + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = _kept(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), names)
            if inner:
                out.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":
            out.append(tinycss2.serialize([rule]).strip())
        elif rule.type == "error":
            raise ValueError(f"unreadable CSS ({rule.message}) at line {rule.source_line}")
    return out


def cut(css: str, names: Names) -> str:
    """The stylesheet with only the rules whose selectors a page may match, in their order."""
    return "\n".join(_kept(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), names)) + "\n"


def own_files(outdir: Path, pattern: str) -> list[Path]:
    """The build's files matching ``pattern``. Another build published inside this one (the French
    edition in fr/) has its own _static and is cut by its own build: its files are not this
    build's, and arrive after it is cut."""
    nested = [folder.parent for folder in outdir.glob("*/**/_static") if folder.is_dir()]
    return sorted(path for path in outdir.rglob(pattern) if not any(path.is_relative_to(root) for root in nested))


def own_pages(outdir: Path) -> list[Path]:
    return own_files(outdir, "*.html")


def names_in_build(outdir: Path) -> Names:
    """Every class and id of the build's own pages, and every word of the scripts they load (and of
    the scripts those import)."""
    names, scripts = Names(), set()
    static = (outdir / "_static").resolve()
    for page in own_pages(outdir):
        markup = page.read_text(encoding="utf-8", errors="replace")
        names.add_markup(markup)
        scripts.update((page.parent / source).resolve() for source in SCRIPT_SOURCE.findall(markup))
    pending = sorted(s for s in scripts if s.is_file())
    seen = set()
    while pending:
        script = pending.pop()
        if script in seen:
            continue
        seen.add(script)
        text = script.read_text(encoding="utf-8", errors="replace")
        names.add_script(text)
        for imported in SCRIPT_IMPORT.findall(text):
            target = (script.parent / (imported[0] or imported[1])).resolve()
            if target.is_file() and target.is_relative_to(static):
                pending.append(target)
    return names


def stylesheets(outdir: Path) -> list[Path]:
    """The build's copies of :data:`STYLESHEETS`."""
    return [path for pattern in STYLESHEETS for path in sorted((outdir / "_static").glob(pattern))]


def cut_theme_stylesheets(outdir: Path, cache: Path | None = None) -> dict[str, tuple[int, int]]:
    """Rewrite the build's copies of :data:`STYLESHEETS`; (bytes before, after) by file. Sphinx
    copies the theme's files again in a build that writes pages, which then cuts the files as
    shipped; a build that writes none finds them as the last one cut them. With ``cache`` (a
    folder), a cut is kept there under the hash of all it can depend on: a warm rebuild that changed
    no page takes it from there, instead of reading the names and parsing the theme's CSS again."""
    inputs = inputs_digest(outdir) if cache is not None else ""
    names = None
    sizes = {}

    # Named by the inputs first: the cuts of other inputs are a build's that is gone, and go.
    def kept_for(css: str) -> Path:
        key = hashlib.sha256((inputs + "\n" + css).encode()).hexdigest()[:16]
        return cache / f"{inputs[:16]}-{key}.css"

    def keep(path: Path, text: str) -> None:
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, path)

    for path in stylesheets(outdir):
        css = path.read_text(encoding="utf-8")
        kept = kept_for(css) if cache is not None else None
        if kept is not None and kept.is_file():
            smaller = kept.read_text(encoding="utf-8")
        else:
            names = names or names_in_build(outdir)
            smaller = cut(css, names)
            if kept is not None:
                keep(kept, smaller)
        if kept is not None:
            # Sphinx copies the theme's files only in a build that writes pages: in one that writes
            # none, the build's copy is still this cut, made for the same pages, and stays as it is.
            keep(kept_for(smaller), smaller)
        if smaller != css:
            path.write_text(smaller, encoding="utf-8")
        sizes[path.relative_to(outdir / "_static").as_posix()] = (len(css.encode()), len(smaller.encode()))
    if cache is not None:
        for old in cache.glob("*.css"):
            if not old.name.startswith(f"{inputs[:16]}-"):
                old.unlink(missing_ok=True)
    relink(outdir, stylesheets(outdir))
    return sizes


# A page's links to stylesheets, whose queries relink() rewrites after each cut.
STYLESHEET_QUERY = re.compile(r'(\shref="[^"]*\.css)\?[^"#]*"')


def inputs_digest(outdir: Path) -> str:
    """SHA-256 over all that :func:`names_in_build` can read (every page of the build, less its
    stylesheet links' queries, which the cut itself sets; every script of the build, the search
    index included) and this module's code, which is the rule."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for page in own_pages(outdir):
        digest.update(page.relative_to(outdir).as_posix().encode() + b"\0")
        digest.update(STYLESHEET_QUERY.sub(r'\1"', page.read_text(encoding="utf-8", errors="replace")).encode())
    for script in own_files(outdir, "*.js"):
        digest.update(script.relative_to(outdir).as_posix().encode() + b"\0" + script.read_bytes())
    return digest.hexdigest()


def relink(outdir: Path, files: Iterable[Path]) -> None:
    """Every link of the build's pages to one of ``files`` (under _static/) ends in ``?v=`` and the
    first 8 hex digits of the file's SHA-256, in place of the query it had. Idempotent, and run over
    every page each build: a warm rebuild rewrites only the pages that changed, but can change a cut."""
    static = outdir / "_static"
    versions = {
        path.relative_to(static).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()[:8] for path in files
    }
    if not versions:
        return
    names = "|".join(re.escape(name) for name in sorted(versions, key=len, reverse=True))
    link = re.compile(r'(\shref="(?:[^"]*/)?_static/(' + names + r'))(?:\?[^"#]*)?"')
    for page in own_pages(outdir):
        markup = page.read_text(encoding="utf-8")
        linked = link.sub(lambda m: f'{m.group(1)}?v={versions[m.group(2)]}"', markup)
        if linked != markup:
            page.write_text(linked, encoding="utf-8")
