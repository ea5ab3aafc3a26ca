"""Notebooks for people who run the chapters: launchable copies, student copies and answer keys.

The chapters are MyST Markdown notebooks. This module turns each into ``.ipynb`` files:

* ``<chapter>.ipynb``: the chapter as a notebook that runs on its own (Colab, Binder, a
  download), with a first cell that installs the book's package when it is missing;
* ``<chapter>-student.ipynb``: the same with every exercise's solution removed and replaced by an
  empty answer cell and a cell that checks the student's ``answer`` against the data;
* ``<chapter>-key.ipynb``: the answer key, solutions in place.

Exercises follow the gated sphinx-exercise form described in CONTRIBUTING.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat

from .paths import BRANCH, REPOSITORY, ROOT

BOOTSTRAP = f'''# Setup, for running this notebook on its own (Colab, Binder, a download): install the book's
# package if it is missing. Tables are then read from the book's published data, hashes checked.
import importlib.util

if importlib.util.find_spec("aiparadox") is None:
    %pip install --quiet "aiparadox @ git+{REPOSITORY}@{BRANCH}"'''

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


def to_notebook(text: str) -> nbformat.NotebookNode:
    notebook = jupytext.reads(text, fmt="md:myst")
    notebook.cells.insert(0, nbformat.v4.new_code_cell(BOOTSTRAP, metadata={"tags": ["setup"]}))
    notebook.metadata.pop("jupytext", None)
    notebook.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    notebook.nbformat, notebook.nbformat_minor = 4, 5
    # Stable ids, so that regenerating a notebook from an unchanged chapter gives the same file.
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{number:03d}"
    nbformat.validate(notebook)
    return notebook


def chapters(root: Path = ROOT) -> list[Path]:
    """Every page that is a notebook: the introduction and the chapters."""
    pages = [root / "intro.md", *sorted((root / "chapters").glob("*.md"))]
    return [p for p in pages if p.exists() and "```{code-cell}" in p.read_text(encoding="utf-8")]


def write(out: Path, root: Path = ROOT) -> list[Path]:
    """Write every page's launchable copy, and for pages with exercises a student copy and a key,
    at the same relative paths as the pages (``intro.ipynb``, ``chapters/top500-student.ipynb``)."""
    written = []
    for chapter in chapters(root):
        text = chapter.read_text(encoding="utf-8")
        base = out / chapter.relative_to(root).with_suffix("")
        versions = {"launch": (base.with_name(f"{base.name}.ipynb"), text)}
        if solutions(text):
            versions["student"] = (base.with_name(f"{base.name}-student.ipynb"), student_text(text))
            versions["key"] = (base.with_name(f"{base.name}-key.ipynb"), key_text(text))
        for path, version in versions.values():
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(to_notebook(version), path)
            written.append(path)
    return written
