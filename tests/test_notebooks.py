"""Student copies, answer keys and launchable notebooks (`make notebooks`, `make assignments`), and
the check a student runs: right or not yet, never the answer."""

from __future__ import annotations

import inspect
import json
import math
import re
from pathlib import Path

import nbformat
import pytest

from aiparadox import answer_key, exercises, notebooks
from aiparadox.paths import ROOT

CHAPTERS_WITH_EXERCISES = [p for p in notebooks.chapters() if notebooks.exercise_labels(p.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("assignments")
    notebooks.write(out, teacher=True)
    return out


def outputs(notebook: nbformat.NotebookNode) -> str:
    streams = [out for cell in notebook.cells for out in cell.get("outputs", []) if out.output_type == "stream"]
    return "".join(out.get("text", "") for out in streams)


def test_every_exercise_has_a_solution_and_an_expected_answer_or_is_a_declared_written_question():
    registered, written = exercises.registered(), exercises.written_questions()
    texts = [p.read_text(encoding="utf-8") for p in CHAPTERS_WITH_EXERCISES]
    checked = [s.label for text in texts for s in notebooks.solutions(text)]
    writing = [label for text in texts for label in notebooks.written_labels(text)]
    assert checked and writing, "the chapters have checked exercises and written questions"
    assert len(checked + writing) == len(set(checked + writing)), "exercise labels are unique"
    assert set(checked) == set(registered), "every checked exercise has an @expects answer, and every answer a chapter"
    assert set(writing) == set(written), "every written question is declared with @written, and every declaration used"


def test_every_chapter_with_exercises_asks_for_reasoning_too():
    for chapter in CHAPTERS_WITH_EXERCISES:
        assert notebooks.written_labels(chapter.read_text(encoding="utf-8")), f"{chapter.name} has no written question"


@pytest.mark.parametrize("chapter", CHAPTERS_WITH_EXERCISES, ids=lambda p: p.stem)
def test_the_student_copy_holds_no_solution_and_no_answer(written: Path, chapter: Path):
    text = chapter.read_text(encoding="utf-8")
    student = (written / "chapters" / f"{chapter.stem}-student.ipynb").read_text(encoding="utf-8")
    key = (written / "teacher" / f"{chapter.stem}-key.ipynb").read_text(encoding="utf-8")
    notebook = nbformat.reads(student, as_version=4)
    # Where a solution or an answer would sit. (A short text answer such as a column's name can be in the
    # question itself.)
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    for solution in notebooks.solutions(text):
        lines = solution.code_lines()
        assert lines, f"{solution.label}: the solution has no code"
        for line in lines:
            assert json.dumps(line)[1:-1] not in student, f"{solution.label}: solution line in student copy: {line}"
            assert json.dumps(line)[1:-1] in key
        answer = answer_key.expected(solution.label)
        if isinstance(answer, str):
            assert not re.search(rf"\b{re.escape(answer)}\b", code), (
                f"{solution.label}: the answer {answer!r} is in a code cell"
            )
        if isinstance(answer, float):
            for written_form in (repr(answer), f"{answer:.4f}", f"{answer:.3f}"):
                assert written_form not in student, f"{solution.label}: the expected answer is in the student copy"
        # The check holds the key, whose fingerprint of the answer is there, and nothing computes the answer.
        assert answer_key.key(solution.label)["right"] in student
    assert "answer_key" not in student and "expected(" not in student
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
    assert "solution-start" not in student and "solution" not in json.dumps([c.metadata for c in notebook.cells])


@pytest.mark.parametrize("chapter", CHAPTERS_WITH_EXERCISES, ids=lambda p: p.stem)
def test_the_student_copy_names_each_exercise_as_the_book_does_and_hides_the_hint(written: Path, chapter: Path):
    notebook = nbformat.read(written / "chapters" / f"{chapter.stem}-student.ipynb", as_version=4)
    names = notebooks.exercise_names()
    markdown = [cell.source for cell in notebook.cells if cell.cell_type == "markdown"]
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    for label in notebooks.exercise_labels(chapter.read_text(encoding="utf-8")):
        (heading,) = [m for m in markdown if f'<a id="{label}"></a>' in m]
        assert heading.startswith(f"### {names[label]} "), heading
        if label in exercises.registered():
            hint = exercises.registered()[label].hint
            assert notebooks.hint_details(hint) in heading
            # The hint is behind its toggle only: not in the question's text, not in the check's words.
            assert heading.replace(notebooks.hint_details(hint), "").find(hint) == -1
            assert any(f'check("{label}", answer, name="{names[label]}", key=' in c for c in code)
        else:
            assert any(f"*Your answer to {names[label]}" in m for m in markdown), f"{label}: no cell for the answer"
    written = notebooks.written_labels(chapter.read_text(encoding="utf-8"))
    assert sum("*Your answer to " in m for m in markdown) == len(written), (
        "a written-answer cell for each written question only"
    )


def test_the_names_are_those_of_the_built_book(built_book: Path):
    """sphinx-exercise numbers the exercises; the notebooks must call them the same."""
    names = notebooks.exercise_names()
    found = {}
    for chapter in CHAPTERS_WITH_EXERCISES:
        html = (built_book / chapter.relative_to(ROOT).with_suffix(".html")).read_text(encoding="utf-8")
        pattern = (
            r'<div class="exercise admonition" id="(?P<label>[\w-]+)">\s*'
            r'<p class="admonition-title"><span class="caption-number">(?P<name>Exercise [\d.]+) </span>'
        )
        found.update({m.group("label"): m.group("name") for m in re.finditer(pattern, html)})
    assert found == names


@pytest.mark.parametrize("chapter", CHAPTERS_WITH_EXERCISES, ids=lambda p: p.stem)
def test_the_check_speaks_plainly(written: Path, chapter: Path):
    """Run both copies: the key's checks say "right", the blank student copy's say "no answer yet", and
    neither prints a hint."""
    from nbclient import NotebookClient

    results = {}
    copies = {
        "student": written / "chapters" / f"{chapter.stem}-student.ipynb",
        "key": written / "teacher" / f"{chapter.stem}-key.ipynb",
    }
    for version, path in copies.items():
        notebook = nbformat.read(path, as_version=4)
        resources = {"metadata": {"path": str(path.parent)}}
        NotebookClient(notebook, timeout=120, kernel_name="python3", resources=resources).execute()
        results[version] = outputs(notebook)
    names = notebooks.exercise_names()
    for solution in notebooks.solutions(chapter.read_text(encoding="utf-8")):
        name = names[solution.label]
        assert f"{name}: right." in results["key"]
        assert f"{name}: no answer yet." in results["student"]
        assert exercises.registered()[solution.label].hint not in results["student"] + results["key"]


def test_every_anticipated_mistake_gets_its_feedback_and_not_the_answer():
    for label in exercises.registered():
        key, answer = answer_key.key(label), answer_key.expected(label)
        for mistake_name, mistake in answer_key.mistakes(label).items():
            right, message = exercises.assess(label, mistake.value, key=key)
            assert not right, f"{label}: the mistake {mistake_name!r} is accepted"
            assert mistake.feedback in message, (label, mistake_name, message)
            if isinstance(answer, (str, float)):
                assert repr(answer) not in message and str(answer) not in message


def test_a_wrong_answer_that_no_one_anticipated_gets_a_plain_not_yet(capsys):
    label = "top500-majority-rmax"
    assert exercises.check(label, "certainly not this") is False
    assert f"{label}: not yet; 'certainly not this' is not what the data give." in capsys.readouterr().out
    assert exercises.check(label, 2019, name="Exercise 1.1") is False
    assert "Exercise 1.1: not yet" in capsys.readouterr().out


def test_the_key_is_for_one_exercise():
    with pytest.raises(ValueError, match="this key is for 'top500-majority-rmax'"):
        exercises.assess("top500-top100-majority", "2019-11", key=answer_key.key("top500-majority-rmax"))


def key_for(value, tolerance: float = 1e-3) -> dict:
    """A key made the way answer_key makes one, for a value of our choosing."""
    kind = exercises.answer_kind(value)
    forms = exercises.readings(value, kind, tolerance, 1e-9)
    return {
        "label": "x",
        "kind": kind,
        "tolerance": tolerance,
        "floor": 1e-9,
        "salt": "s",
        "right": exercises.fingerprint("s", "x", forms[len(forms) // 2]),
        "mistakes": {},
    }


def test_whole_numbers_must_match_exactly_text_loosely():
    assert exercises.assess("x", 2023, key=key_for(2023))[0] and exercises.assess("x", 2023.0, key=key_for(2023))[0]
    assert not exercises.assess("x", 2024, key=key_for(2023))[0]
    assert not exercises.assess("x", 2023.5, key=key_for(2023))[0]
    assert exercises.assess("x", " 2019-11 ", key=key_for("2019-11"))[0]
    assert exercises.assess("x", "RE", key=key_for("re"))[0]
    assert exercises.assess("x", ["b", "a"], key=key_for(["a", "b"]))[0]
    assert not exercises.assess("x", "2019-11", key=key_for(["2019-11"]))[0]


@pytest.mark.parametrize("target", [0.7954545, 1.0, 1.0005, 12.0333, 456.42, 4.1e-6, -0.25])
def test_a_fraction_passes_within_the_tolerance_and_never_beyond_the_widest(target: float):
    """Also at the edges of the grid's cells: every step of a fine sweep around the target."""
    tolerance = 1e-3
    key = key_for(target, tolerance)
    for step in range(-400, 401):
        value = target * (1 + step * tolerance / 200)
        accepted = exercises.assess("x", value, key=key)[0]
        if math.isclose(value, target, rel_tol=tolerance):
            assert accepted, f"{value} is within the tolerance of {target} but rejected"
        if abs(value - target) > exercises.WIDEST_ACCEPTED * tolerance * abs(target):
            assert not accepted, f"{value} is beyond the widest accepted distance from {target} but accepted"
    assert not exercises.assess("x", 100 * target, key=key)[0], "a percentage for a fraction"


def test_the_exercises_module_offers_no_function_that_returns_an_answer():
    """What a student may call: declarations, the registry of levels and hints, fingerprints and the check.
    Anything new here must be added deliberately, after asking whether it gives an answer away."""
    public = {
        name
        for name, value in vars(exercises).items()
        if inspect.isfunction(value) and not name.startswith("_") and value.__module__ == exercises.__name__
    }
    assert public == {
        "expects", "anticipates", "written", "registered", "written_questions",
        "answer_kind", "readings", "fingerprint", "seal", "assess", "check",
    }  # fmt: skip
    for exercise in exercises.registered().values():
        assert not any(callable(getattr(exercise, field)) for field in vars(exercise)), "a record holds a function"


def test_published_notebooks_leave_out_keys_and_grading_notebooks(tmp_path: Path):
    published = notebooks.write(tmp_path)
    assert published and not any("teacher" in p.parts or p.name.endswith("-key.ipynb") for p in published)
    workflow = (ROOT / ".github" / "workflows" / "book.yml").read_text(encoding="utf-8")
    job = workflow[workflow.index("\n  notebooks:") :]
    assert "make notebooks" in job and "make assignments" not in job and "assignments/" not in job
    assert "-key" not in job and "teacher" not in job


def test_launchable_copies_install_the_package_at_the_commit_they_were_made_from(written: Path):
    from aiparadox.pages import git_commit
    from aiparadox.paths import REPOSITORY, ROOT

    commit = git_commit(ROOT)
    for chapter in notebooks.chapters():
        notebook = nbformat.read(written / chapter.relative_to(ROOT).with_suffix(".ipynb"), as_version=4)
        assert notebook.cells[0].source == notebooks.bootstrap(commit)
        assert f'"aiparadox @ git+{REPOSITORY}@{commit}"' in notebook.cells[0].source
        assert f'copies.ready(made_from="{commit}")' in notebook.cells[0].source
        assert notebook.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("chapter", CHAPTERS_WITH_EXERCISES, ids=lambda p: p.stem)
def test_in_the_book_every_checked_exercise_has_its_hint_in_a_dropdown_and_no_written_one_does(chapter: Path):
    text = chapter.read_text(encoding="utf-8")
    checked = {s.label for s in notebooks.solutions(text)}
    assert {m.group("label") for m in notebooks.HINT.finditer(text)} == checked
    (glued,) = re.findall(r"^book\.hints\((.*?)\)$", text, re.M | re.S)
    assert set(re.findall(r'"([\w-]+)"', glued)) == checked, "book.hints glues the hint of each checked exercise"
