"""The teachers' guide: each chapter's exercises by level, and the wrong answers students give.

The exercises are read from the chapters (:func:`aiparadox.notebooks.solutions`) and their
checks from the registry (:func:`aiparadox.exercises.registered`), so the guide lists what the
chapters hold. Each topic's ``exercises`` module declares, beside each answer, its level (the
guide's judgement) and the wrong answers its common mistakes give (``@anticipates``); a chapter
exercise without a declared answer stops the guide with an error.

:func:`wrong_answers` gathers those wrong answers, computed from the same tables the exercises
use; a test checks that the answer check rejects every one of them. :func:`figures` gathers the
other numbers the guide's feedback quotes, from each topic's ``guide_figures()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import exercises, notebooks, toc
from .paths import ROOT


@dataclass(frozen=True)
class GuideExercise:
    chapter: str  # the page, relative to the book's root and without suffix: "chapters/top500"
    label: str
    level: str
    hint: str


def _in_toc_order(pages: list[Path], root: Path) -> list[Path]:
    """The pages in the order of ``_toc.yml`` (pages it does not list go last, by name)."""
    order = toc.docnames(root)
    position = {name: i for i, name in enumerate(order)}
    return sorted(pages, key=lambda p: (position.get(p.relative_to(root).with_suffix("").as_posix(), len(order)), p.name))


def chapter_exercises(root: Path = ROOT) -> list[GuideExercise]:
    """Every exercise of every chapter, in the book's order, with its level and its check's hint."""
    registry = exercises.registered()
    found = []
    for page in _in_toc_order(notebooks.chapters(root), root):
        for solution in notebooks.solutions(page.read_text(encoding="utf-8")):
            if solution.label not in registry:
                raise KeyError(f"{page.name}: exercise {solution.label!r} has no @expects answer")
            chapter = page.relative_to(root).with_suffix("").as_posix()
            exercise = registry[solution.label]
            found.append(GuideExercise(chapter, solution.label, exercise.level, exercise.hint))
    return found


def _title(page: Path) -> str:
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    raise ValueError(f"{page.name}: no title")


def overview_markdown(root: Path = ROOT, section: str = "guide-{stem}") -> str:
    """A MyST table: each chapter with exercises and its exercises by level, each linked by its label.

    ``section`` names the label of the guide's section on a chapter (``{stem}`` is the chapter's
    file name); the first column links there.
    """
    rows = chapter_exercises(root)
    lines = ["| Chapter | " + " | ".join(level.capitalize() for level in exercises.LEVELS) + " |", "|---" * (len(exercises.LEVELS) + 1) + "|"]
    for chapter in dict.fromkeys(r.chapter for r in rows):
        cells = [f"{{ref}}`{section.format(stem=Path(chapter).name)}`"]
        for level in exercises.LEVELS:
            labels = [f"{{ref}}`{r.label} <{r.label}>`" for r in rows if r.chapter == chapter and r.level == level]
            cells.append(", ".join(labels) or "none")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def hints_markdown(root: Path = ROOT) -> str:
    """A MyST table of what each answer check says to a student whose answer is wrong."""
    lines = ["| Exercise | Level | The check's hint |", "|---|---|---|"]
    for r in chapter_exercises(root):
        hint = r.hint.replace("|", "\\|").replace("$", "\\$")
        lines.append(f"| {{ref}}`{r.label}` (`{r.label}`) | {r.level} | {hint} |")
    return "\n".join(lines)


def wrong_answers() -> dict[str, dict[str, Any]]:
    """For each exercise, the answers that its common mistakes produce, computed from the data.

    Keys are ``label`` then the mistake's name; the guide glues each as ``wrong-<label>-<name>``.
    """
    # Each topic's exercises module declares its anticipated mistakes (@anticipates), beside the answer.
    return {label: mistakes for label, exercise in exercises.registered().items() if (mistakes := exercise.mistakes())}


def figures() -> dict[str, float]:
    """Numbers the guide's feedback quotes that are not answers: margins and hours.

    Each topic's exercises module declares them in ``guide_figures()``."""
    from . import topics

    declared = {}
    for module in topics.parts("exercises"):
        if callable(getattr(module, "guide_figures", None)):
            declared.update(module.guide_figures())

    return declared
