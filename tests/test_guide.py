"""The teachers' guide: it lists every exercise with a level, and every wrong answer it quotes is
one that the answer check rejects."""

from __future__ import annotations

from pathlib import Path

import pytest

from aiparadox import exercises, guide, notebooks


def test_every_exercise_of_every_chapter_has_a_level():
    in_chapters = {s.label for p in notebooks.chapters() for s in notebooks.solutions(p.read_text(encoding="utf-8"))}
    listed = guide.chapter_exercises()
    # Every declared answer is used by a chapter, and every chapter's exercise is declared.
    assert {e.label for e in listed} == in_chapters == set(exercises.registered())
    assert {e.level for e in listed} <= set(exercises.LEVELS)
    assert all(e.hint == exercises.registered()[e.label].hint for e in listed)


def test_the_overview_follows_the_book_and_links_every_exercise():
    overview = guide.overview_markdown()
    assert overview.index("`guide-top500`") < overview.index("`guide-bls`") < overview.index("`guide-scale`")
    for label in exercises.registered():
        assert f"{{ref}}`{label} <{label}>`" in overview
        assert f"{{ref}}`{label}`" in guide.hints_markdown()


def test_every_wrong_answer_the_guide_quotes_is_rejected_by_the_check(capsys):
    wrong = guide.wrong_answers()
    assert set(wrong) == set(exercises.registered()), "every exercise has at least one anticipated mistake"
    for label, mistakes in wrong.items():
        assert mistakes, label
        for mistake, value in mistakes.items():
            assert exercises.check(label, value) is False, f"{label}: the mistake {mistake!r} gives the right answer ({value!r})"
    assert "right." not in capsys.readouterr().out


def test_a_chapter_exercise_without_a_declared_answer_stops_the_guide(tmp_path: Path):
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\nparts:\n  - chapters:\n      - file: chapters/new\n")
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "new.md").write_text(
        "# New\n\n```{code-cell} ipython3\nx = 1\n```\n\n"
        "```{solution-start} new-unlevelled\n:class: dropdown\n```\n"
        '```{code-cell} ipython3\nanswer = 1\ncheck("new-unlevelled", answer)\n```\n'
        "```{solution-end}\n```\n"
    )
    with pytest.raises(KeyError, match="new-unlevelled.*no @expects answer"):
        guide.chapter_exercises(tmp_path)
