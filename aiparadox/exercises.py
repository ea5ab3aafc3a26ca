"""Exercises: the expected answers, computed from the data, and the check a student runs.

A topic's ``exercises`` module declares, side by side, each exercise's answer, level and hint,
and the wrong answers the teacher's guide anticipates::

    @expects("top500-majority-rmax", level="introductory", tables=("top500_accelerators",),
             hint="Keep the rows where share_accelerated_rmax is above 0.5; take the first edition.")
    def first_majority_rmax_edition(shares) -> str:
        ...

    @anticipates("top500-majority-rmax")
    def first_majority_rmax_mistakes(shares) -> dict[str, Any]:
        return {"count": ...}  # share of systems instead of share of performance

Both functions are given the tables named in ``tables``, loaded in that order. The chapter's
solution ends with ``check("top500-majority-rmax", answer)``. The student copy made by
``make assignments`` keeps that check and removes the solution, so the student's own ``answer``
is compared with the value computed from the same data.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import topics

LEVELS = ("introductory", "intermediate", "advanced")


@dataclass(frozen=True)
class Exercise:
    label: str
    level: str
    hint: str
    tables: tuple[str, ...]
    compute: Callable[..., Any]
    rel_tolerance: float
    abs_tolerance: float

    def _tables(self) -> list:
        from .datapackage import load

        return [load(name) for name in self.tables]

    def answer(self) -> Any:
        return self.compute(*self._tables())

    def mistakes(self) -> dict[str, Any]:
        """The answers each anticipated mistake gives, by the mistake's name (empty when none is declared)."""
        wrong = _MISTAKES.get(self.label)
        return dict(wrong(*self._tables())) if wrong else {}


_EXERCISES: dict[str, Exercise] = {}
_MISTAKES: dict[str, Callable[..., dict[str, Any]]] = {}


def expects(
    label: str,
    *,
    level: str,
    hint: str,
    tables: tuple[str, ...] = (),
    rel_tolerance: float = 1e-3,
    abs_tolerance: float = 1e-9,
):
    """Register the function that computes an exercise's expected answer from the tables it is given.

    ``level`` is the teacher's guide's judgement: introductory = one table, a filter and one
    operation; intermediate = a choice to make (a denominator, a pairing, a grouping); advanced =
    a trap in the data's structure or a statistical idea beyond shares and means.
    """
    if level not in LEVELS:
        raise ValueError(f"exercise {label!r}: level {level!r} is not one of {LEVELS}")

    def register(compute: Callable[..., Any]):
        _EXERCISES[label] = Exercise(label, level, hint, tuple(tables), compute, rel_tolerance, abs_tolerance)
        return compute

    return register


def anticipates(label: str):
    """Register the function that computes the answers an exercise's common mistakes give.

    It is given the same tables as the exercise's ``@expects`` function and returns a dict from
    the mistake's name to the value that mistake produces; the teacher's guide glues each as
    ``wrong-<label>-<name>`` and a test checks that the answer check rejects every one.
    """

    def register(compute: Callable[..., dict[str, Any]]):
        _MISTAKES[label] = compute
        return compute

    return register


def registered() -> dict[str, Exercise]:
    topics.parts("exercises")
    return dict(_EXERCISES)


def expected(label: str) -> Any:
    exercises = registered()
    if label not in exercises:
        raise KeyError(f"no exercise labelled {label!r}; known: {sorted(exercises)}")
    return exercises[label].answer()


def _same(answer: Any, target: Any, ex: Exercise) -> bool:
    if isinstance(target, (bool, str)):
        return str(answer).strip().lower() == str(target).strip().lower()
    if isinstance(target, (int, float)):
        try:
            value = float(answer)
        except (TypeError, ValueError):
            return False
        if isinstance(target, int):
            # Counts and years are exact: 2024 is not "close enough" to 2023.
            return value == target
        return math.isclose(value, float(target), rel_tol=ex.rel_tolerance, abs_tol=ex.abs_tolerance)
    if isinstance(target, (list, tuple, set)):
        return sorted(map(str, answer)) == sorted(map(str, target)) if answer is not None else False
    return answer == target


def check(label: str, answer: Any) -> bool:
    """Compare a student's answer with the one computed from the data, and say so plainly."""
    ex = registered()[label]
    if answer is None or answer is Ellipsis:
        print(f"{label}: no answer yet. Hint: {ex.hint}")
        return False
    if _same(answer, ex.answer(), ex):
        print(f"{label}: right.")
        return True
    print(f"{label}: not yet; {answer!r} is not what the data give. Hint: {ex.hint}")
    return False
