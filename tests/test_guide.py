"""The teachers' guide: it lists every exercise with a level, every wrong answer it quotes is one
that the check rejects, and every written question has a model answer and a rubric."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aiparadox import answer_key, exercises, guide, notebooks
from aiparadox.paths import ROOT


def test_every_exercise_of_every_chapter_has_a_level():
    in_chapters = {s.label for p in notebooks.chapters() for s in notebooks.solutions(p.read_text(encoding="utf-8"))}
    listed = guide.chapter_exercises()
    # Every declared answer is used by a chapter, and every chapter's exercise is declared.
    assert {e.label for e in listed} == in_chapters == set(exercises.registered())
    assert {e.level for e in listed} <= set(exercises.LEVELS)
    assert all(e.hint == exercises.registered()[e.label].hint for e in listed)
    assert all(e.name == notebooks.exercise_names()[e.label] for e in listed)


def test_the_overview_follows_the_book_and_links_every_exercise():
    overview = guide.overview_markdown()
    assert overview.index("`guide-top500`") < overview.index("`guide-bls`") < overview.index("`guide-scale`")
    for label in exercises.registered():
        assert f"{{ref}}`{label} <{label}>`" in overview
        assert f"{{ref}}`{label}`" in guide.hints_markdown()


def test_every_wrong_answer_the_guide_quotes_is_rejected_by_the_check_with_its_feedback(capsys):
    wrong = guide.wrong_answers()
    assert set(wrong) == set(exercises.registered()), "every exercise has at least one anticipated mistake"
    for label, mistakes in wrong.items():
        assert mistakes, label
        declared = answer_key.mistakes(label)
        for mistake, value in mistakes.items():
            assert exercises.check(label, value) is False, (
                f"{label}: the mistake {mistake!r} gives the right answer ({value!r})"
            )
            assert declared[mistake].feedback in capsys.readouterr().out, f"{label}: {mistake!r} without its feedback"
        assert guide.feedback_markdown().count(f"| {{ref}}`{label}` |") == len(mistakes)


def test_every_written_question_has_a_model_answer_and_a_rubric_in_the_guide():
    text = (ROOT / "chapters" / "teachers-guide.md").read_text(encoding="utf-8")
    written = guide.chapter_written_questions()
    assert {w.label for w in written} == set(exercises.written_questions())
    for question in written:
        section = text.split(f"(guide-written-{question.label})=\n", 1)
        assert len(section) == 2, f"{question.label}: no section guide-written-{question.label} in the guide"
        body = re.split(r"^\([\w-]+\)=$|^## ", section[1], maxsplit=1, flags=re.M)[0]
        assert "*Model answer.*" in body and "*Rubric.*" in body, question.label
        assert f"{{glue:text}}`guide-points-{question.label}`" in body
        # The model answer's figures are glued from the question's own declaration.
        for name in answer_key.written_figures(question.label):
            assert f"guide-{question.label}-{name}" in body, f"{question.label}: the figure {name!r} is not quoted"


def test_the_guide_says_how_to_grade_with_otter_as_the_tests_do():
    text = (ROOT / "chapters" / "teachers-guide.md").read_text(encoding="utf-8")
    assert "make assignments" in text
    assert ".venv/bin/otter assign assignments/teacher/otter/top500.ipynb assignments/otter/top500" in text
    assert ".venv/bin/otter run -a assignments/otter/top500/autograder/top500-autograder_<date>.zip" in text


def test_a_chapter_exercise_without_a_declared_answer_stops_the_guide(tmp_path: Path):
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: intro\nparts:\n  - chapters:\n      - file: chapters/new\n"
    )
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "new.md").write_text(
        "# New\n\n```{code-cell} ipython3\nx = 1\n```\n\n"
        "```{solution-start} new-unlevelled\n:class: dropdown\n```\n"
        '```{code-cell} ipython3\nanswer = 1\ncheck("new-unlevelled", answer)\n```\n'
        "```{solution-end}\n```\n"
    )
    with pytest.raises(KeyError, match="new-unlevelled.*no @expects answer"):
        guide.chapter_exercises(tmp_path)
