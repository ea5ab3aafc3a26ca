"""Notebooks for people who run the chapters: launchable copies, student copies and answer keys.

The chapters are MyST Markdown notebooks. This module turns each into ``.ipynb`` files:

* ``<chapter>.ipynb``: the chapter as a notebook that runs on its own (Colab, Binder, a
  download), with a first cell that installs the book's package when it is missing;
* ``<chapter>-student.ipynb``: the same with every exercise's solution removed and replaced by an
  empty answer cell and a cell that checks the student's ``answer`` with the exercise's key
  (fingerprints, not the answer: :mod:`aiparadox.exercises`), each exercise named as the book
  names it ("Exercise 1.2") and its hint behind a toggle; a written question is followed by a
  cell for the student's answer;
* for teachers only (``make assignments``, never published): ``teacher/<chapter>-key.ipynb``,
  the answer key, solutions in place, and ``teacher/otter/<chapter>.ipynb``, the chapter as an
  otter-grader source notebook (:mod:`aiparadox.grading`).

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
import json
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


EXERCISE = re.compile(
    r"^```\{exercise-start\}\s*\n:label:\s*(?P<label>\S+)\s*\n```\s*\n(?P<body>.*?)^```\{exercise-end\}\s*\n```[ \t]*$",
    re.M | re.S,
)
SOLUTION = re.compile(
    r"^```\{solution-start\}\s+(?P<label>\S+)\s*\n(?::[^\n]*\n)*```\s*\n(?P<body>.*?)^```\{solution-end\}\s*\n```[ \t]*$",
    re.M | re.S,
)
# A checked exercise's hint, in the book a dropdown that glues the hint its @expects declares.
HINT = re.compile(
    r"^```\{admonition\} Hint\s*\n:class: dropdown\s*\n\{glue:md\}`hint-(?P<label>[\w-]+)`\s*\n```[ \t]*$", re.M
)
CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(?P<code>.*?)^```[ \t]*$", re.M | re.S)
CHECK_CALL = re.compile(r"^check\(\"(?P<label>[\w-]+)\", answer\)[ \t]*$", re.M)


@dataclass(frozen=True)
class Solution:
    label: str
    body: str

    def code_lines(self) -> list[str]:
        """The lines of the solution's code cells that carry the answer: not the check call, the
        imports, comments, or fragments too short to give anything away (a lone ")" or "1")."""
        lines = []
        for cell in CODE_CELL.finditer(self.body):
            for line in cell.group("code").splitlines():
                line = line.strip()
                if len(line) >= 8 and not line.startswith(("#", "from aiparadox", "import ", "check(")):
                    lines.append(line)
        return lines


def solutions(text: str) -> list[Solution]:
    return [Solution(m.group("label"), m.group("body")) for m in SOLUTION.finditer(text)]


def exercise_labels(text: str) -> list[str]:
    """Every exercise of a page in its order, checked or written."""
    return [m.group("label") for m in EXERCISE.finditer(text)]


def written_labels(text: str) -> list[str]:
    """The page's written questions: its exercises without a checked solution."""
    checked = {s.label for s in solutions(text)}
    return [label for label in exercise_labels(text) if label not in checked]


def numbered_chapters(root: Path = ROOT) -> list[str]:
    """The chapters the book numbers, in order (``chapters/top500``), from ``_toc.yml``: with
    multitoc numbering the count runs on across the numbered parts."""
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    return [c["file"] for part in toc.get("parts", []) if part.get("numbered") for c in part.get("chapters", [])]


def exercise_names(root: Path = ROOT) -> dict[str, str]:
    """What the book calls each exercise ("Exercise 1.2": the chapter's number, then the exercise's
    place in it, as sphinx-exercise numbers them), by label."""
    names = {}
    for number, chapter in enumerate(numbered_chapters(root), start=1):
        page = root / f"{chapter}.md"
        if page.exists():
            for place, label in enumerate(exercise_labels(page.read_text(encoding="utf-8")), start=1):
                names[label] = f"Exercise {number}.{place}"
    return names


def _name(names: dict[str, str], label: str) -> str:
    if label not in names:
        raise KeyError(f"exercise {label!r} is in no numbered chapter of _toc.yml, so it has no name")
    return names[label]


def hint_details(hint: str) -> str:
    """A hint behind a toggle that every notebook program shows (Jupyter, Colab, VS Code)."""
    return f"<details><summary>Hint</summary>\n\n{hint}\n\n</details>"


def readable_exercises(text: str, names: dict[str, str]) -> str:
    """sphinx-exercise fences and glued hints mean nothing in Jupyter: each exercise gets the
    heading the book shows ("Exercise 1.2"), its label kept as the anchor's id, and its hint a
    toggle that the student opens."""
    from .exercises import registered

    hints = {label: exercise.hint for label, exercise in registered().items()}

    def heading(match: re.Match) -> str:
        label = match.group("label")
        # "+++" starts a cell of its own: the exercise is not glued to the prose before it.
        return f'+++\n\n### {_name(names, label)} <a id="{label}"></a>\n\n{match.group("body").rstrip()}\n\n'

    text = EXERCISE.sub(heading, text)
    return HINT.sub(lambda m: hint_details(hints[m.group("label")]), text)


def check_cell(label: str, name: str, key: dict) -> str:
    """The cell that checks a student's ``answer``: it holds the exercise's key, never its answer."""
    return (
        "```{code-cell} ipython3\n"
        "from aiparadox.exercises import check\n\n"
        "# The key holds fingerprints of the right answer and of likely wrong ones, not the answer itself.\n"
        f"check({json.dumps(label)}, answer, name={json.dumps(name)}, key={json.dumps(key)})\n"
        "```"
    )


def answer_prompt(name: str) -> str:
    """The lines of a student's answer cell, before the student writes the code."""
    return f"# Your answer to {name}: write the code that answers it and store the result in `answer`.\nanswer = None"


def answer_cell(name: str) -> str:
    return f"```{{code-cell}} ipython3\n{answer_prompt(name)}\n```"


def written_answer_cell(name: str) -> str:
    return f"+++\n\n*Your answer to {name} (a few sentences, with the figures they rest on):*\n\n+++"


def guide_pointer(label: str) -> str:
    from .paths import PAGES_URL

    return (
        f"**Model answer and rubric** (`{label}`): in the teacher's guide, "
        f"[{PAGES_URL}chapters/teachers-guide.html#guide-written-{label}]"
        f"({PAGES_URL}chapters/teachers-guide.html#guide-written-{label}), or in a local build, "
        f"`_build/html/chapters/teachers-guide.html`."
    )


def _after_written(text: str, written: list[str], addition) -> str:
    """Add a cell after each written question's block."""

    def add(match: re.Match) -> str:
        label = match.group("label")
        return match.group(0) + ("\n\n" + addition(label) if label in written else "")

    return EXERCISE.sub(add, text)


def student_text(text: str, names: dict[str, str], keys: dict[str, dict]) -> str:
    """The student copy: every solution replaced by an answer cell and a check that holds its key;
    every written question followed by a cell for the student's answer."""

    def blank(match: re.Match) -> str:
        label = match.group("label")
        name = _name(names, label)
        return f"{answer_cell(name)}\n\n{check_cell(label, name, keys[label])}"

    written = written_labels(text)
    text = _after_written(SOLUTION.sub(blank, text), written, lambda label: written_answer_cell(_name(names, label)))
    return readable_exercises(text, names)


def key_text(text: str, names: dict[str, str]) -> str:
    """The answer key: solutions in place, and for each written question where its model answer is."""

    def solution(match: re.Match) -> str:
        name = _name(names, match.group("label"))
        # The key's check names the exercise as the book does, like the student copy's.
        body = CHECK_CALL.sub(lambda c: f'check("{c.group("label")}", answer, name="{name}")', match.group("body"))
        return f"**Solution** to {name}\n\n{body}"

    written = written_labels(text)
    return readable_exercises(_after_written(SOLUTION.sub(solution, text), written, guide_pointer), names)


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
    from . import answer_key

    return frozenset(a for s in solutions(text) if isinstance(a := answer_key.expected(s.label), str))


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


def write(out: Path, root: Path = ROOT, *, teacher: bool = False) -> list[Path]:
    """Write every page's launchable copy, and for pages with exercises a student copy, at the same
    relative paths as the pages (``intro.ipynb``, ``chapters/top500-student.ipynb``): what may be
    published. With ``teacher``, also each chapter's answer key and otter-grader source notebook,
    in ``teacher/`` (``teacher/top500-key.ipynb``, ``teacher/otter/top500.ipynb``): never published."""
    import nbformat

    from . import answer_key, grading

    commit = pages.git_commit(root)
    names = exercise_names(root)
    written = []
    for chapter in chapters(root):
        text = chapter.read_text(encoding="utf-8")
        docname = chapter.relative_to(root).with_suffix("").as_posix()
        run = run_page(text, docname)
        base = out / chapter.relative_to(root).with_suffix("")
        versions = {"launch": (base.with_name(f"{base.name}.ipynb"), text)}
        if exercise_labels(text):
            keys = {s.label: answer_key.key(s.label) for s in solutions(text)}
            versions["student"] = (base.with_name(f"{base.name}-student.ipynb"), student_text(text, names, keys))
            if teacher:
                versions["key"] = (out / "teacher" / f"{base.name}-key.ipynb", key_text(text, names))
                versions["otter"] = (
                    out / "teacher" / "otter" / f"{base.name}.ipynb",
                    grading.otter_source(text, names, keys, assignment=base.name),
                )
        for kind, (path, version) in versions.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            # One Page per copy: footnotes are numbered within each. What a student receives (the
            # student copy, and the notebook otter assign makes from the otter source) withholds the
            # glued values that are answers.
            withheld = answers(text) if kind in ("student", "otter") else frozenset()
            page = Page(docname, run.glued, commit, withheld=withheld)
            nbformat.write(to_notebook(version, page, run), path)
            written.append(path)
    return written
