"""The teachers' guide: each chapter's exercises by level, the wrong answers students give, and
the written questions.

The exercises are read from the chapters (:func:`aiparadox.notebooks.solutions`) and their
checks from the registry (:func:`aiparadox.exercises.registered`), so the guide lists what the
chapters hold. Each topic's ``exercises`` module declares, beside each answer, its level (the
guide's judgement) and the wrong answers its common mistakes give with the check's feedback on
each (``@anticipates``), and its written questions (``@written``); a chapter exercise without a
declared answer or written question stops the guide with an error.

:func:`wrong_answers` gathers those wrong answers, computed from the same tables the exercises
use; a test checks that the check rejects every one of them with its feedback.
:func:`written_figures` gathers the figures the model answers quote, and :func:`figures` the
other numbers the guide's feedback quotes, from each topic's ``guide_figures()``. This is the
teacher's side: it uses :mod:`aiparadox.answer_key`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import answer_key, exercises, notebooks, toc
from .i18n import _, gettext, pgettext
from .pages import book_root


@dataclass(frozen=True)
class GuideExercise:
    chapter: str  # the page, relative to the book's root and without suffix: "chapters/top500"
    label: str
    level: str
    hint: str
    name: str  # what the book calls it: "Exercise 1.2"


def _in_toc_order(pages: list[Path], root: Path) -> list[Path]:
    """The pages in the order of ``_toc.yml`` (pages it does not list go last, by name)."""
    order = toc.docnames(root)
    position = {name: i for i, name in enumerate(order)}
    return sorted(
        pages, key=lambda p: (position.get(p.relative_to(root).with_suffix("").as_posix(), len(order)), p.name)
    )


def chapter_exercises(root: Path | None = None) -> list[GuideExercise]:
    """Every exercise of every chapter, in the book's order, with its level and its check's hint."""
    root = root or book_root()
    registry = exercises.registered()
    names = notebooks.exercise_names(root)
    found = []
    for page in _in_toc_order(notebooks.chapters(root), root):
        for solution in notebooks.solutions(page.read_text(encoding="utf-8")):
            if solution.label not in registry:
                raise KeyError(f"{page.name}: exercise {solution.label!r} has no @expects answer")
            chapter = page.relative_to(root).with_suffix("").as_posix()
            exercise = registry[solution.label]
            name = names.get(solution.label, "")
            found.append(GuideExercise(chapter, solution.label, exercise.level, exercise.hint, name))
    return found


@dataclass(frozen=True)
class GuideWrittenQuestion:
    chapter: str
    label: str
    points: int
    name: str


def chapter_written_questions(root: Path | None = None) -> list[GuideWrittenQuestion]:
    """Every written question of every chapter, in the book's order."""
    root = root or book_root()
    declared = exercises.written_questions()
    names = notebooks.exercise_names(root)
    found = []
    for page in _in_toc_order(notebooks.chapters(root), root):
        for label in notebooks.written_labels(page.read_text(encoding="utf-8")):
            if label not in declared:
                raise KeyError(f"{page.name}: exercise {label!r} has neither a solution nor a @written declaration")
            chapter = page.relative_to(root).with_suffix("").as_posix()
            found.append(GuideWrittenQuestion(chapter, label, declared[label].points, names.get(label, "")))
    return found


def _title(page: Path) -> str:
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    raise ValueError(f"{page.name}: no title")


def overview_markdown(root: Path | None = None, section: str = "guide-{stem}") -> str:
    """A MyST table: each chapter with exercises and its exercises by level, each linked by its label.

    ``section`` names the label of the guide's section on a chapter (``{stem}`` is the chapter's
    file name); the first column links there.
    """
    rows = chapter_exercises(root)
    written = chapter_written_questions(root)
    columns = [_("Chapter"), *(gettext(level).capitalize() for level in exercises.LEVELS), _("Written")]
    lines = ["| " + " | ".join(columns) + " |", "|---" * len(columns) + "|"]
    none = pgettext("exercises", "none")
    for chapter in dict.fromkeys([r.chapter for r in rows] + [w.chapter for w in written]):
        cells = [f"{{ref}}`{section.format(stem=Path(chapter).name)}`"]
        for level in exercises.LEVELS:
            labels = [f"{{ref}}`{r.label} <{r.label}>`" for r in rows if r.chapter == chapter and r.level == level]
            cells.append(", ".join(labels) or none)
        cells.append(", ".join(f"{{ref}}`{w.label} <{w.label}>`" for w in written if w.chapter == chapter) or none)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def hints_markdown(root: Path | None = None) -> str:
    """A MyST table of what each answer check says to a student whose answer is wrong."""
    header = [_("Exercise"), _("Level"), _("Points"), _("The hint (behind a toggle)")]
    lines = ["| " + " | ".join(header) + " |", "|---|---|---|---|"]
    for r in chapter_exercises(root):
        points = exercises.POINTS[r.level]
        # The hint is the exercises module's text (marked there), shown in the edition's language.
        lines.append(f"| {{ref}}`{r.label}` (`{r.label}`) | {gettext(r.level)} | {points} | {_cell(gettext(r.hint))} |")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("$", "\\$")


def feedback_markdown(root: Path | None = None) -> str:
    """A MyST table of what the check says to each anticipated wrong answer (never the answer)."""
    root = root or book_root()
    header = [_("Exercise"), _("Mistake"), _("What the check says")]
    lines = ["| " + " | ".join(header) + " |", "|---|---|---|"]
    for r in chapter_exercises(root):
        for mistake, declared in answer_key.mistakes(r.label).items():
            lines.append(f"| {{ref}}`{r.label}` | `{mistake}` | {_cell(gettext(declared.feedback))} |")
    return "\n".join(lines)


def wrong_answers() -> dict[str, dict[str, Any]]:
    """For each exercise, the answers that its common mistakes produce, computed from the data.

    Keys are ``label`` then the mistake's name; the guide glues each as ``wrong-<label>-<name>``.
    """
    # Each topic's exercises module declares its anticipated mistakes (@anticipates), beside the answer.
    wrong: dict[str, dict[str, Any]] = {}
    for label in exercises.registered():
        if mistakes := answer_key.mistakes(label):
            wrong[label] = {name: mistake.value for name, mistake in mistakes.items()}
    return wrong


def written_figures() -> dict[str, dict[str, Any]]:
    """For each written question, the figures its model answer quotes (glued ``guide-<label>-<name>``)."""
    return {label: answer_key.written_figures(label) for label in exercises.written_questions()}


def figures() -> dict[str, float]:
    """Numbers the guide's feedback quotes that are not answers: margins and hours.

    Each topic's exercises module declares them in ``guide_figures()``."""
    from . import topics

    declared: dict[str, float] = {
        # What the check accepts (section guide-handing-out).
        "check-tolerance": exercises.DEFAULT_REL_TOLERANCE,
        "check-widest": exercises.DEFAULT_REL_TOLERANCE * exercises.WIDEST_ACCEPTED,
    }
    for level, points in exercises.POINTS.items():
        declared[f"points-{level}"] = points
    for label, question in exercises.written_questions().items():
        declared[f"points-{label}"] = question.points
    for module in topics.parts("exercises"):
        if callable(getattr(module, "guide_figures", None)):
            declared.update(module.guide_figures())
    return declared
