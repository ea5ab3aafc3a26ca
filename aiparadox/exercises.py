"""Exercises: the expected answers, computed from the data, and the check a student runs.

A topic module registers each exercise's answer::

    @expects("top500-top50", hint="Sort by rank, keep ranks 1-50, then count named accelerators.")
    def top50_share() -> float:
        ...

The chapter's solution ends with ``check("top500-top50", answer)``. The student copy made by
``make assignments`` keeps that check and removes the solution, so the student's own ``answer``
is compared with the value computed from the same data.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import topics


@dataclass(frozen=True)
class Exercise:
    label: str
    hint: str
    compute: Callable[[], Any]
    rel_tolerance: float
    abs_tolerance: float


_EXERCISES: dict[str, Exercise] = {}


def expects(label: str, *, hint: str, rel_tolerance: float = 1e-3, abs_tolerance: float = 1e-9):
    """Register the function that computes an exercise's expected answer from the data."""

    def register(compute: Callable[[], Any]):
        _EXERCISES[label] = Exercise(label, hint, compute, rel_tolerance, abs_tolerance)
        return compute

    return register


def registered() -> dict[str, Exercise]:
    for info in pkgutil.iter_modules(topics.__path__):
        importlib.import_module(f"{topics.__name__}.{info.name}")
    return dict(_EXERCISES)


def expected(label: str) -> Any:
    exercises = registered()
    if label not in exercises:
        raise KeyError(f"no exercise labelled {label!r}; known: {sorted(exercises)}")
    return exercises[label].compute()


def _same(answer: Any, target: Any, ex: Exercise) -> bool:
    if isinstance(target, bool) or isinstance(target, str):
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
    if _same(answer, ex.compute(), ex):
        print(f"{label}: right.")
        return True
    print(f"{label}: not yet; {answer!r} is not what the data give. Hint: {ex.hint}")
    return False
