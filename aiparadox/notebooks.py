"""Notebooks for people who run the chapters: launchable copies, student copies and answer keys.

The chapters are MyST Markdown notebooks. This module turns each into ``.ipynb`` files:

* ``<chapter>.ipynb``: the chapter as a notebook that runs on its own (Colab, Binder, a
  download), with a first cell that installs the book's package when it is missing;
* ``<chapter>-student.ipynb``: the same with every exercise's solution removed and replaced by an
  empty answer cell and a cell that checks the student's ``answer`` against the data;
* ``<chapter>-key.ipynb``: the answer key, solutions in place.

Each copy reads like the page (:mod:`aiparadox.jupyter_markdown`): the page is run once, in this
process, and what it glues is written into the Markdown cells (numbers formatted as the page
formats them, verdicts, figure captions with their source lines); cross-references and citations
link to the online book. The cell that computes a number shows it again, labelled, when a reader
runs it (:func:`aiparadox.book.setup`). The first cell installs the package at the commit the
notebook was made from and checks that commit's tables (:func:`bootstrap`).

Exercises follow the gated sphinx-exercise form described in CONTRIBUTING.md.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import pages
from .jupyter_markdown import Page, convert, leftovers
from .paths import BRANCH, REPOSITORY, ROOT

# jupytext and nbformat are imported where a notebook is written: aiparadox.guide reads the
# chapters' exercises through this module in a notebook too, where neither is installed.


def bootstrap(commit: str | None) -> str:
    """The first cell: install the package at ``commit`` where it is missing, then check that the
    tables of that commit can be read (downloading them once, each SHA-256 checked), so that "Run
    all" stops here, with one line saying what to do, rather than at every cell that loads a table."""
    made_from = commit or BRANCH
    return f'''# Run this cell first. Where the book's package is missing (Colab, a download), it installs it at the
# commit this notebook was made from, then checks that commit's tables: the clone's data/, or else a
# copy downloaded once into a cache, each file checked against its SHA-256. Offline, point
# AIPARADOX_DATA_DIR at a folder holding the book's data/ files (see the book's repository).
import importlib.util

if importlib.util.find_spec("aiparadox") is None:
    %pip install --quiet "aiparadox @ git+{REPOSITORY}@{made_from}"
    importlib.invalidate_caches()
if importlib.util.find_spec("aiparadox") is None:
    raise ModuleNotFoundError("aiparadox is not installed: connect to the internet and run this cell again")

from aiparadox import copies

copies.ready(made_from="{made_from}")'''


EXERCISE_START = re.compile(r"^```\{exercise-start\}\s*\n:label:\s*(?P<label>\S+)\s*\n```\s*$", re.M)
EXERCISE_END = re.compile(r"^```\{exercise-end\}\s*\n```\s*$", re.M)
SOLUTION = re.compile(
    r"^```\{solution-start\}\s+(?P<label>\S+)\s*\n(?::[^\n]*\n)*```\s*\n(?P<body>.*?)^```\{solution-end\}\s*\n```\s*$",
    re.M | re.S,
)


@dataclass(frozen=True)
class Solution:
    label: str
    body: str

    def code_lines(self) -> list[str]:
        """The lines of the solution's code cells that carry the answer: not the check call, the
        imports, comments, or fragments too short to give anything away (a lone ")" or "1")."""
        lines = []
        for cell in re.findall(r"```\{code-cell\}[^\n]*\n(.*?)^```", self.body, re.M | re.S):
            for line in cell.splitlines():
                line = line.strip()
                if len(line) >= 8 and not line.startswith(("#", "from aiparadox", "import ", "check(")):
                    lines.append(line)
        return lines


def solutions(text: str) -> list[Solution]:
    return [Solution(m.group("label"), m.group("body")) for m in SOLUTION.finditer(text)]


def _exercise_headings(text: str) -> str:
    """sphinx-exercise fences mean nothing in Jupyter: show a heading instead."""
    text = EXERCISE_START.sub(lambda m: f"**Exercise** (`{m.group('label')}`)", text)
    return EXERCISE_END.sub("", text)


def student_text(text: str) -> str:
    def blank(match: re.Match) -> str:
        label = match.group("label")
        return (
            "```{code-cell} ipython3\n"
            "# Your answer: write the code that answers the exercise above and store the result in `answer`.\n"
            "answer = None\n"
            "```\n\n"
            "```{code-cell} ipython3\n"
            "from aiparadox.exercises import check\n\n"
            f'check("{label}", answer)\n'
            "```"
        )

    return _exercise_headings(SOLUTION.sub(blank, text))


def key_text(text: str) -> str:
    return _exercise_headings(SOLUTION.sub(lambda m: f"**Solution** (`{m.group('label')}`)\n\n{m.group('body')}", text))


@dataclass
class RunPage:
    """What running a page's code gives the notebook writer: the values it glues, and the Markdown
    its ``remove-input`` cells show (keyed by the cell's code, the same in every copy)."""

    glued: dict[str, Any] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)


def run_page(text: str, docname: str) -> RunPage:
    """Run a page's code cells in order, in this process, recording what they glue and show."""
    import jupytext

    from . import book

    namespace: dict[str, Any] = {"__name__": "__main__"}
    shown = {}
    cells = [c for c in jupytext.reads(text, fmt="md:myst").cells if c.cell_type == "code"]
    with book.recording() as glued, contextlib.redirect_stdout(io.StringIO()):
        for number, cell in enumerate(cells, 1):
            try:
                value = _run_cell(cell.source, namespace, f"<{docname} cell {number}>")
            except Exception as exc:
                raise RuntimeError(f"{docname}: code cell {number} fails when the page is run: {exc!r}") from exc
            if "remove-input" in cell.metadata.get("tags", []) and hasattr(value, "_repr_markdown_"):
                shown[cell.source] = value._repr_markdown_()
    return RunPage(dict(glued), shown)


def _run_cell(source: str, namespace: dict[str, Any], filename: str) -> Any:
    """Run a cell as IPython does, returning the value of a last bare expression (None otherwise)."""
    tree = ast.parse(source, filename)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, filename, "exec"), namespace)
    return eval(compile(ast.Expression(last.value), filename, "eval"), namespace) if last else None


def to_notebook(text: str, page: Page, run: RunPage):
    """One copy of a page (its text as the launch, student or key version has it) as a notebook."""
    import jupytext
    import nbformat

    notebook = jupytext.reads(text, fmt="md:myst")
    cells = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = convert(cell.source, page)
            if left := leftovers(cell.source):
                raise ValueError(f"{page.docname}: MyST left in a Markdown cell: {left}")
            if not cell.source.strip():
                continue
        elif cell.cell_type == "code" and cell.source in run.shown:
            # The page shows only this cell's output: the notebook shows it too, already rendered
            # (re-running the cell shows it again), with the code folded.
            cell.outputs = [
                nbformat.v4.new_output("display_data", data={"text/markdown": convert(run.shown[cell.source], page)})
            ]
            cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
        cells.append(cell)
    notebook.cells = [nbformat.v4.new_code_cell(bootstrap(page.commit), metadata={"tags": ["setup"]}), *cells]
    notebook.metadata.pop("jupytext", None)
    notebook.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    notebook.nbformat, notebook.nbformat_minor = 4, 5
    # Stable ids, so that regenerating a notebook from an unchanged chapter gives the same file.
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{number:03d}"
    nbformat.validate(notebook)
    return notebook


def answers(text: str) -> frozenset[str]:
    """The page's exercises' answers that are words (an edition, a quarter): the student copy's text
    withholds a glued value written as one of them (the page itself states some in its prose)."""
    from . import exercises

    return frozenset(a for s in solutions(text) if isinstance(a := exercises.expected(s.label), str))


def launch_notebook(chapter: Path, root: Path = ROOT, commit: str | None = None):
    """The copy of a page that the launch buttons and the download button offer."""
    docname = chapter.relative_to(root).with_suffix("").as_posix()
    text = chapter.read_text(encoding="utf-8")
    run = run_page(text, docname)
    return to_notebook(text, Page(docname, run.glued, commit, links=pages.site(root)), run)


def chapters(root: Path = ROOT) -> list[Path]:
    """Every page that is a notebook: the introduction and the chapters."""
    pages = [root / "intro.md", *sorted((root / "chapters").glob("*.md"))]
    return [p for p in pages if p.exists() and "```{code-cell}" in p.read_text(encoding="utf-8")]


def write(out: Path, root: Path = ROOT) -> list[Path]:
    """Write every page's launchable copy, and for pages with exercises a student copy and a key,
    at the same relative paths as the pages (``intro.ipynb``, ``chapters/top500-student.ipynb``)."""
    import nbformat

    commit = pages.git_commit(root)
    written = []
    for chapter in chapters(root):
        text = chapter.read_text(encoding="utf-8")
        docname = chapter.relative_to(root).with_suffix("").as_posix()
        run = run_page(text, docname)
        base = out / chapter.relative_to(root).with_suffix("")
        versions = {"launch": (base.with_name(f"{base.name}.ipynb"), text)}
        if solutions(text):
            versions["student"] = (base.with_name(f"{base.name}-student.ipynb"), student_text(text))
            versions["key"] = (base.with_name(f"{base.name}-key.ipynb"), key_text(text))
        for kind, (path, version) in versions.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            # One Page per copy: footnotes are numbered within each.
            page = Page(docname, run.glued, commit, withheld=answers(text) if kind == "student" else frozenset())
            nbformat.write(to_notebook(version, page, run), path)
            written.append(path)
    return written
