"""otter-grader source notebooks: one per chapter, for teachers who grade (``make assignments``).

:func:`otter_source` writes a chapter in otter-assign's format: an ``# ASSIGNMENT CONFIG`` cell,
and for each exercise a question block taken from the same declarations as the student copy
(:mod:`aiparadox.exercises`):

* a checked exercise is an autograded question worth its level's points
  (:data:`aiparadox.exercises.POINTS`): its solution (stripped from the student's notebook, the
  student's ``answer = None`` left), the student's check cell (which holds the key, not the
  answer), and one hidden test that grades with the same key and fails with the check's
  feedback;
* a written question is a manually graded question worth the points its ``@written`` declares,
  whose solution points to the model answer and rubric in the teacher's guide.

``otter assign teacher/top500-otter.ipynb DIR`` then writes ``DIR/student/top500.ipynb`` and
``DIR/autograder/`` (the solutions notebook and the autograder zip); ``otter run -a
DIR/autograder/<zip> SUBMISSION.ipynb`` grades a submission in the current environment, without
Docker. Every exercise stores its result in ``answer``; the check cell also keeps it under the
exercise's own name (``answer_top500_majority_rmax``), which the hidden test reads, since otter
runs the hidden tests once the whole notebook has run.
"""

from __future__ import annotations

import json
import re

from . import exercises, notebooks
from .i18n import _

CONFIG = """# ASSIGNMENT CONFIG
name: {name}
# The student's notebook needs nothing but the book's package: no otter cells in it.
init_cell: false
check_all_cell: false
export_cell: false
generate:
  pdf: false
solutions_pdf: false
tests:
  files: false
  ok_format: false
"""


def kept_name(label: str) -> str:
    """The variable under which an exercise's answer is kept for grading."""
    return "answer_" + re.sub(r"\W", "_", label)


def _raw(text: str) -> str:
    return f"```{{raw-cell}}\n{text}\n```"


def _code(text: str) -> str:
    return f"```{{code-cell}} ipython3\n{text}\n```"


def _solution_cells(body: str, name: str) -> str:
    """A solution's cells for otter: each code cell wrapped so that otter strips it, the first one
    opening with the student's prompt; the check call dropped (the check cell follows)."""
    first = True

    def wrap(match: re.Match) -> str:
        nonlocal first
        lines = match.group("code").rstrip("\n").splitlines()
        code = "\n".join(line for line in lines if not notebooks.CHECK_CALL.match(line))
        prompt = ""
        if first:
            prompt = notebooks.answer_prompt(name) + "\n"
            first = False
        return _code(f"{prompt}# BEGIN SOLUTION NO PROMPT\n{code}\n# END SOLUTION")

    return notebooks.CODE_CELL.sub(wrap, body.strip())


def _hidden_test(label: str, name: str, points: int, key: dict) -> str:
    kept = kept_name(label)
    return _code(
        f'""" # BEGIN TEST CONFIG\nhidden: true\npoints: {points}\n""" # END TEST CONFIG\n'
        f"def test_{kept}({kept}):\n"
        "    from aiparadox.exercises import assess\n\n"
        f"    right, message = assess({json.dumps(label)}, {kept}, name={json.dumps(name)}, key={json.dumps(key)})\n"
        "    assert right, message"
    )


def _graded_check(label: str, name: str, key: dict) -> str:
    cell = notebooks.check_cell(label, name, key)
    comment = _("# Kept under its own name for grading: the next exercise stores its result in `answer` too.")
    kept = f"{comment}\n{kept_name(label)} = answer\n"
    imports = "from aiparadox.exercises import check\n\n"
    return cell.replace(imports, imports + kept, 1)


def otter_source(text: str, names: dict[str, str], keys: dict[str, dict], *, assignment: str) -> str:
    """A chapter as an otter-assign source notebook (MyST text, for :func:`notebooks.to_notebook`)."""
    checked = {s.label: s for s in notebooks.solutions(text)}
    written = exercises.written_questions()
    registry = exercises.registered()

    def question(match: re.Match) -> str:
        label = match.group("label")
        if label in checked:
            # The solution that follows closes the question.
            return _raw(f"# BEGIN QUESTION\nname: {label}\npoints: {registry[label].points}") + "\n\n" + match.group(0)
        if label not in written:
            raise KeyError(f"exercise {label!r} has neither a solution nor a @written declaration")
        return "\n\n".join(
            [
                _raw(f"# BEGIN QUESTION\nname: {label}\nmanual: true\npoints: {written[label].points}"),
                match.group(0),
                _raw("# BEGIN SOLUTION"),
                notebooks.guide_pointer(label),
                _raw("# END SOLUTION"),
                _raw("# END QUESTION"),
            ]
        )

    def solution(match: re.Match) -> str:
        label = match.group("label")
        name = notebooks._name(names, label)
        return "\n\n".join(
            [
                _raw("# BEGIN SOLUTION"),
                _solution_cells(match.group("body"), name),
                _raw("# END SOLUTION"),
                _graded_check(label, name, keys[label]),
                _raw("# BEGIN TESTS"),
                _hidden_test(label, name, registry[label].points, keys[label]),
                _raw("# END TESTS"),
                _raw("# END QUESTION"),
            ]
        )

    def solution_follows(match: re.Match) -> bool:
        return bool(re.match(r"\s*```\{solution-start\}\s+" + re.escape(match.group("label")), text[match.end() :]))

    unfollowed = [
        m.group("label")
        for m in notebooks.EXERCISE.finditer(text)
        if m.group("label") in checked and not solution_follows(m)
    ]
    if unfollowed:
        raise ValueError(f"{assignment}: the solution of {unfollowed} must follow its exercise directly")
    text = notebooks.SOLUTION.sub(solution, notebooks.EXERCISE.sub(question, text))
    text = notebooks.readable_exercises(text, names)
    return _front_matter_then(text, _raw(CONFIG.format(name=assignment).rstrip()))


def _front_matter_then(text: str, cell: str) -> str:
    """Put a cell right after the page's front matter (jupytext reads the front matter as metadata)."""
    match = re.match(r"---\n.*?\n---\n", text, re.S)
    cut = match.end() if match else 0
    return text[:cut] + "\n" + cell + "\n\n" + text[cut:]
