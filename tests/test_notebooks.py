"""Student copies, answer keys and launchable notebooks (`make assignments`)."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from aiparadox import exercises, notebooks

CHAPTERS_WITH_EXERCISES = [p for p in notebooks.chapters() if notebooks.solutions(p.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("assignments")
    notebooks.write(out)
    return out


def test_every_exercise_has_a_solution_and_an_expected_answer():
    registered = exercises.registered()
    labels = [s.label for p in CHAPTERS_WITH_EXERCISES for s in notebooks.solutions(p.read_text(encoding="utf-8"))]
    assert labels, "no chapter has exercises"
    assert len(labels) == len(set(labels)), "exercise labels are unique"
    missing = [label for label in labels if label not in registered]
    assert not missing, f"exercises without an @expects answer: {missing}"


@pytest.mark.parametrize("chapter", CHAPTERS_WITH_EXERCISES, ids=lambda p: p.stem)
def test_the_student_copy_holds_no_solution_in_any_form(written: Path, chapter: Path):
    text = chapter.read_text(encoding="utf-8")
    student = (written / "chapters" / f"{chapter.stem}-student.ipynb").read_text(encoding="utf-8")
    key = (written / "chapters" / f"{chapter.stem}-key.ipynb").read_text(encoding="utf-8")
    for solution in notebooks.solutions(text):
        lines = solution.code_lines()
        assert lines, f"{solution.label}: the solution has no code"
        for line in lines:
            assert json.dumps(line)[1:-1] not in student, f"{solution.label}: solution line in student copy: {line}"
            assert json.dumps(line)[1:-1] in key
        assert f'check(\\"{solution.label}\\", answer)' in student
        answer = exercises.expected(solution.label)
        if isinstance(answer, str):
            assert answer not in student, f"{solution.label}: the expected answer {answer!r} is in the student copy"
    notebook = nbformat.reads(student, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
    assert "solution-start" not in student and "solution" not in json.dumps([c.metadata for c in notebook.cells])


@pytest.mark.parametrize("chapter", CHAPTERS_WITH_EXERCISES, ids=lambda p: p.stem)
def test_the_answer_check_speaks_plainly(written: Path, chapter: Path):
    """Run both copies: the key's checks say "right", the blank student copy's say "no answer yet"."""
    from nbclient import NotebookClient

    results = {}
    for version in ("student", "key"):
        notebook = nbformat.read(written / "chapters" / f"{chapter.stem}-{version}.ipynb", as_version=4)
        NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(written / "chapters")}}).execute()
        results[version] = "".join(
            out.get("text", "") for cell in notebook.cells for out in cell.get("outputs", []) if out.output_type == "stream"
        )
    for solution in notebooks.solutions(chapter.read_text(encoding="utf-8")):
        assert f"{solution.label}: right." in results["key"]
        assert f"{solution.label}: no answer yet. Hint:" in results["student"]


def test_a_wrong_answer_gets_a_hint(capsys):
    label = next(iter(exercises.registered()))
    assert exercises.check(label, "certainly not this") is False
    assert f"{label}: not yet; 'certainly not this' is not what the data give. Hint:" in capsys.readouterr().out


def test_launchable_copies_install_the_package_when_missing(written: Path):
    from aiparadox.paths import ROOT

    for chapter in notebooks.chapters():
        notebook = nbformat.read(written / chapter.relative_to(ROOT).with_suffix(".ipynb"), as_version=4)
        assert notebook.cells[0].source == notebooks.BOOTSTRAP
        assert notebook.metadata["kernelspec"]["name"] == "python3"


def test_whole_numbers_must_match_exactly_and_fractions_closely():
    ex = exercises.Exercise("x", "introductory", "hint", (), lambda: None, rel_tolerance=1e-3, abs_tolerance=1e-9)
    assert exercises._same(2023, 2023, ex) and exercises._same(2023.0, 2023, ex)
    assert not exercises._same(2024, 2023, ex)
    assert exercises._same(0.50049, 0.5, ex) and not exercises._same(0.51, 0.5, ex)
    assert exercises._same(" 2019-11 ", "2019-11", ex)
