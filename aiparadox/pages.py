"""The book's own files that its pages read when they run, in a clone or in an installed package.

The introduction cites the book from ``CITATION.cff``, the ledger names each chapter by its title,
the teachers' guide lists every chapter's exercises in the order of ``_toc.yml``, and a notebook's
links point to the sections, figures and references of the online book. In a clone those files
are beside the package. An installed package (a wheel, or ``pip install git+...@<commit>``) has
no clone around it, so the wheel carries copies of them, made when it is built
(:func:`ship`, called by ``setup.py``), in ``aiparadox/_book/``: the pages, ``_toc.yml``,
``CITATION.cff``, ``references.bib``, ``data/datapackage.json`` (the hashes of the tables of that
commit) and the commit itself.

:func:`book_root` is the one place that says where those files are; everything else reads them
through it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from .i18n import LANGUAGES, SOURCE_LANGUAGE, gettext
from .paths import PAGES_URL, ROOT

SHIPPED = Path(__file__).resolve().parent / "_book"
# What an installed package needs of the clone: the pages and what they read at run time.
# The French edition's pages too: a French notebook names the pages by their French titles.
SHIPPED_FILES = (
    "_toc.yml",
    "CITATION.cff",
    "references.bib",
    "intro.md",
    "chapters/*.md",
    "fr/_toc.yml",
    "fr/intro.md",
    "fr/chapters/*.md",
    "data/datapackage.json",
)
COMMIT_FILE = "commit.txt"


def in_clone() -> bool:
    """True when the package runs from the repository (a clone, an editable install)."""
    return (ROOT / "_toc.yml").is_file()


def book_root() -> Path:
    """The folder holding the book's pages, ``_toc.yml`` and ``CITATION.cff``: the clone, or the
    copies an installed package carries."""
    if in_clone():
        return ROOT
    if not (SHIPPED / "_toc.yml").is_file():
        raise FileNotFoundError(
            f"{SHIPPED}: this installation of aiparadox carries no copy of the book's pages; "
            "install it from a wheel or from the repository (pip install git+...), which build them in"
        )
    return SHIPPED


def ship(target: Path, source: Path = ROOT) -> list[Path]:
    """Copy what an installed package needs of the clone into ``target`` (``aiparadox/_book`` of a
    wheel being built), with the commit the clone is at when git can tell."""
    written = []
    for pattern in SHIPPED_FILES:
        matches = sorted(source.glob(pattern))
        if not matches:
            raise FileNotFoundError(f"{source / pattern}: needed in the package, and missing")
        for path in matches:
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
            written.append(destination)
    commit = git_commit(source)
    if commit:
        (target / COMMIT_FILE).write_text(commit + "\n", encoding="utf-8")
        written.append(target / COMMIT_FILE)
    return written


def git_commit(source: Path = ROOT) -> str | None:
    """The commit a clone is at, or None outside a git checkout."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=source, capture_output=True, text=True, timeout=30, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    commit = result.stdout.strip()
    return commit if re.fullmatch(r"[0-9a-f]{40}", commit) else None


def commit() -> str | None:
    """The commit whose code and data this package is: the clone's, or the one the wheel was built from."""
    if in_clone():
        return git_commit(ROOT)
    path = SHIPPED / COMMIT_FILE
    return path.read_text(encoding="utf-8").strip() if path.is_file() else None


# --- where each page, section, figure and exercise is in the online book ---------------------


@dataclass(frozen=True)
class Target:
    """Something a cross-reference can point to: its page, its anchor, and how a link names it."""

    docname: str
    anchor: str | None
    title: str
    number: str | None = None  # "Fig. 4.1", "Exercise 4.1"
    edition: str = PAGES_URL  # the online book's address for the edition the page belongs to

    @property
    def url(self) -> str:
        return self.edition + self.docname + ".html" + (f"#{self.anchor}" if self.anchor else "")


@dataclass
class Site:
    """The targets of every page, as Sphinx numbers and titles them (numfig, numbered toc parts)."""

    pages: dict[str, Target] = field(default_factory=dict)
    labels: dict[str, Target] = field(default_factory=dict)
    references: dict[str, str] = field(default_factory=dict)  # bibtex key -> "Author (year)"
    order: list[str] = field(default_factory=list)

    def page(self, docname: str) -> Target:
        if docname not in self.pages:
            raise KeyError(f"no page {docname!r} in _toc.yml")
        return self.pages[docname]

    def label(self, name: str) -> Target:
        if name not in self.labels:
            raise KeyError(f"no label {name!r} on any page of the book")
        return self.labels[name]


HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$")
TARGET = re.compile(r"^\((?P<label>[\w.-]+)\)=\s*$")
FENCE_OPEN = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}\s*(?P<arg>.*)$")


def scan_page(
    docname: str, text: str, number: str | None, lang: str = SOURCE_LANGUAGE
) -> tuple[str, dict[str, Target]]:
    """The page's title and its labels: targets before headings, figures' names, exercises' labels
    (an exercise named in the page's language, "Exercise 4.1", "Exercice 4.1", as sphinx-exercise names it)."""
    title, labels, pending = None, {}, []
    figures = exercises = 0
    prefix = f"{number}." if number else ""
    lines = text.splitlines()
    in_code = False
    for i, line in enumerate(lines):
        if line.startswith("```{code-cell}"):
            in_code = True
            continue
        if in_code:
            in_code = not line.startswith("```")
            continue
        if match := TARGET.match(line):
            pending.append(match["label"])
            continue
        if match := HEADING.match(line):
            heading = plain_title(match[1])
            title = title or heading
            for label in pending:
                labels[label] = Target(docname, label, heading)
            pending = []
            continue
        if match := FENCE_OPEN.match(line):
            options = _options(lines[i + 1 :])
            if match["name"] == "glue:figure" and "name" in options:
                figures += 1
                tag = f"Fig. {prefix}{figures}"
                labels[options["name"]] = Target(docname, options["name"], tag, tag)
            elif match["name"] == "exercise-start" and "label" in options:
                exercises += 1
                tag = gettext("Exercise {number}", lang).format(number=f"{prefix}{exercises}")
                labels[options["label"]] = Target(docname, options["label"], tag, tag)
        if line.strip():
            pending = []
    if title is None:
        raise ValueError(f"{docname}: no title")
    return title, labels


def _options(lines: list[str]) -> dict[str, str]:
    options = {}
    for line in lines:
        match = re.match(r"^:([\w-]+):\s*(.*)$", line)
        if not match:
            break
        options[match[1]] = match[2].strip()
    return options


def plain_title(heading: str) -> str:
    """A heading as a link shows it: without Markdown emphasis or code marks."""
    return re.sub(r"[*`]", "", heading).strip()


def bibliography(text: str) -> dict[str, str]:
    """Each entry of references.bib as a short citation: "Author (year)", "A and B (year)",
    "A et al. (year)"; an entry without author is named by its publisher (``howpublished``)."""
    cites = {}
    for match in re.finditer(r"@\w+\s*\{\s*([^,\s]+)\s*,(.*?)\n\}", text, re.S):
        key, body = match[1], match[2]
        fields = {
            name.lower(): " ".join(value.split())
            for name, value in re.findall(r"(\w+)\s*=\s*\{((?:[^{}]|\{[^{}]*\})*)\}", body)
        }
        names = [_surname(a) for a in _split_authors(fields.get("author", ""))]
        if not names:
            names = [re.split(r"[,(]", fields.get("howpublished", key))[0].strip()]
        who = names[0] if len(names) == 1 else f"{names[0]} and {names[1]}" if len(names) == 2 else f"{names[0]} et al."
        cites[key] = f"{who} ({fields.get('year', 'n.d.')})".replace("{", "").replace("}", "")
    return cites


def _split_authors(field_text: str) -> list[str]:
    """BibTeX's " and " between authors, but not inside braces ({U.S. Food and Drug Administration})."""
    authors, depth, current = [], 0, ""
    for token in re.split(r"(\{|\}|\s+and\s+)", field_text):
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        if depth == 0 and re.fullmatch(r"\s+and\s+", token or ""):
            authors.append(current)
            current = ""
        else:
            current += token or ""
    return [a.strip() for a in [*authors, current] if a.strip()]


def _surname(author: str) -> str:
    if author.startswith("{") and author.endswith("}"):
        return author[1:-1]  # an organisation, written as one name
    if "," in author:
        return author.split(",")[0].strip()
    return author.split()[-1]


def edition_language(root: Path) -> str:
    """The language of the edition whose pages are in ``root``: an edition's folder in the book is
    named by its language (``fr/``); the book's own folder, or any other (a test's toy book), is English."""
    folder = root.resolve()
    return folder.name if folder.parent == book_root().resolve() and folder.name in LANGUAGES else SOURCE_LANGUAGE


@cache
def site(root: Path | None = None) -> Site:
    """Every page's title and number, every label's target, every reference's short citation."""
    from . import toc

    home = book_root()
    root = root or home
    # Another edition (fr/) is a folder of the book, served at the same path under the book's address;
    # a book elsewhere (a test's toy book) is taken as served at the book's address.
    inside = root != home and root.resolve().is_relative_to(home.resolve())
    edition = PAGES_URL + root.resolve().relative_to(home.resolve()).as_posix() + "/" if inside else PAGES_URL
    lang = edition_language(root)
    order, numbers = toc.docnames(root), toc.chapter_numbers(root)
    found = Site(order=order)
    for docname in order:
        path = root / f"{docname}.md"
        if not path.exists():
            continue
        number = numbers.get(docname)
        title, labels = scan_page(docname, path.read_text(encoding="utf-8"), number, lang)
        found.pages[docname] = Target(docname, None, f"{number}. {title}" if number else title, number, edition)
        found.labels.update({k: replace(v, edition=edition) for k, v in labels.items()})
    # Every edition cites from the one bibliography (fr/_config.yml names ../references.bib).
    found.references = bibliography((home / "references.bib").read_text(encoding="utf-8"))
    return found
