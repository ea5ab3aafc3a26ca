"""Grading with otter-grader: `make assignments` writes an otter-assign source notebook per chapter;
`otter assign` turns it into a student notebook and an autograder, and `otter run` (no Docker)
grades the key with full marks, the blank student notebook with none, and each anticipated wrong
answer with none and the guide's feedback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from aiparadox import answer_key, exercises, grading, notebooks

OTTER = Path(sys.executable).parent / "otter"
CHAPTERS_WITH_EXERCISES = [p for p in notebooks.chapters() if notebooks.solutions(p.read_text(encoding="utf-8"))]


def otter(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(OTTER), *args], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"otter {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def assignments(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("assignments")
    notebooks.write(out, teacher=True)
    return out


def grade(autograder_dir: Path, submission: Path, results: Path) -> dict[str, dict]:
    """otter run on one submission: each question's score, maximum and output, by question name."""
    results.mkdir(parents=True, exist_ok=True)
    (zipped,) = autograder_dir.glob("*-autograder_*.zip")
    otter("run", "-a", str(zipped), str(submission), "-o", str(results), "--no-logo", cwd=results)
    tests = json.loads((results / "results.json").read_text(encoding="utf-8"))["tests"]
    return {t["name"]: t for t in tests if "max_score" in t}


def with_answers(student: Path, answers: dict[str, object], target: Path) -> Path:
    """The student notebook with some answer cells filled in, as a student who made a mistake would."""
    notebook = nbformat.read(student, as_version=4)
    names = notebooks.exercise_names()
    by_prompt = {f"# Your answer to {names[label]}:": value for label, value in answers.items()}
    filled = set()
    for cell in notebook.cells:
        for prompt, value in by_prompt.items():
            if cell.cell_type == "code" and cell.source.startswith(prompt):
                cell.source = f"{cell.source.splitlines()[0]}\nanswer = {value!r}"
                filled.add(prompt)
    assert filled == set(by_prompt), f"answer cells not found: {set(by_prompt) - filled}"
    nbformat.write(notebook, target)
    return target


@pytest.mark.parametrize("chapter", CHAPTERS_WITH_EXERCISES, ids=lambda p: p.stem)
def test_the_autograder_grades_the_key_the_blank_copy_and_every_anticipated_mistake(assignments: Path, chapter: Path):
    stem = chapter.stem
    built = assignments / "otter" / stem
    otter("assign", str(assignments / "teacher" / "otter" / f"{stem}.ipynb"), str(built), cwd=assignments)
    autograder, student = built / "autograder", built / "student" / f"{stem}.ipynb"
    labels = [s.label for s in notebooks.solutions(chapter.read_text(encoding="utf-8"))]
    registry = exercises.registered()

    key = grade(autograder, autograder / f"{stem}.ipynb", assignments / "results" / stem / "key")
    assert {label: key[label]["score"] for label in labels} == {label: registry[label].points for label in labels}

    blank = grade(autograder, student, assignments / "results" / stem / "blank")
    assert all(blank[label]["score"] == 0 for label in labels), blank
    assert all("no answer yet" in blank[label]["output"] for label in labels)

    # One submission per round: the n-th anticipated mistake of every exercise that has one.
    mistakes = {label: list(answer_key.mistakes(label).values()) for label in labels}
    for n in range(max(len(m) for m in mistakes.values())):
        wrong = {label: m[n] for label, m in mistakes.items() if len(m) > n}
        values = {label: m.value for label, m in wrong.items()}
        submission = with_answers(student, values, built / f"mistakes-{n}.ipynb")
        graded = grade(autograder, submission, assignments / "results" / stem / f"mistakes-{n}")
        for label, mistake in wrong.items():
            assert graded[label]["score"] == 0, (label, mistake)
            assert mistake.feedback in graded[label]["output"], (label, graded[label]["output"])


@pytest.mark.parametrize("chapter", CHAPTERS_WITH_EXERCISES, ids=lambda p: p.stem)
def test_the_student_notebook_holds_no_solution_and_no_hidden_test(assignments: Path, chapter: Path):
    """The otter source holds the solutions and the hidden tests; `otter assign` must strip both."""
    stem = chapter.stem
    built = assignments / "otter-strip" / stem
    source = assignments / "teacher" / "otter" / f"{stem}.ipynb"
    otter("assign", "--no-run-tests", str(source), str(built), cwd=assignments)
    student = (built / "student" / f"{stem}.ipynb").read_text(encoding="utf-8")
    for solution in notebooks.solutions(chapter.read_text(encoding="utf-8")):
        for line in solution.code_lines():
            assert json.dumps(line)[1:-1] not in student, f"{solution.label}: solution line in the notebook: {line}"
        assert f"def test_{grading.kept_name(solution.label)}" not in student
    assert all(
        f"name: {label}" in source.read_text(encoding="utf-8")
        for label in notebooks.exercise_labels(chapter.read_text(encoding="utf-8"))
    )
