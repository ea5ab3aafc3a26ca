"""Exercises: their declarations, and the check a student runs, which never holds the answer.

A topic's ``exercises`` module declares, side by side, each exercise's answer, level and hint,
the wrong answers the teacher's guide anticipates with the feedback each deserves, and the
chapter's written questions::

    @expects("top500-majority-rmax", level="introductory", tables=("top500_accelerators",),
             hint="Keep the rows where share_accelerated_rmax is above 0.5; take the first edition.")
    def first_majority_rmax_edition(shares) -> str:
        ...

    @anticipates("top500-majority-rmax")
    def first_majority_rmax_mistakes(shares) -> dict[str, Mistake]:
        return {
            # Share of systems instead of share of performance.
            "count": Mistake(..., "That edition is when accelerated systems became a majority by count ..."),
        }

    @written("top500-count-or-performance", points=3, tables=("top500_accelerators", "top500_tiers"))
    def count_or_performance_figures(shares, tiers) -> dict[str, Any]:
        return {"systems-now": ...}  # the figures the guide's model answer quotes

The answers are computed on the teacher's side (:mod:`aiparadox.answer_key`). What a student
runs is :func:`check`, given a *key*: a salted fingerprint of the right answer, rounded to the
check's tolerance, and the fingerprints of the anticipated wrong answers, each with its
feedback sealed by that wrong answer (readable only by someone who gives it). The student copy
carries the key; the answer cannot be read back from it, only guessed and tried, as with any
check. Without a key (in the book, whose solutions are public) the check asks the answer key for
one. This module offers no function that returns an answer.
"""

from __future__ import annotations

import hashlib
import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from . import topics
from .i18n import N_, gettext

# The levels are identifiers (``@expects(level=...)``) and, translated, the guide's words for them.
LEVELS = (N_("introductory"), N_("intermediate"), N_("advanced"))
# The points a graded exercise is worth (otter-grader's notebooks): one per step of difficulty.
POINTS = {"introductory": 1, "intermediate": 2, "advanced": 3}

# A fraction is accepted within a relative tolerance. Its fingerprint is taken on a grid of
# GRID_STEPS cells per tolerance (in logarithms, so that the grid does not depend on the answer's
# size), and the check tries the student's cell and SPAN cells on either side: any answer within
# the tolerance passes, and none more than WIDEST_ACCEPTED times the tolerance away.
DEFAULT_REL_TOLERANCE = 1e-3
GRID_STEPS = 4
SPAN = GRID_STEPS + 1
WIDEST_ACCEPTED = (SPAN + 1) / GRID_STEPS


@dataclass(frozen=True)
class Exercise:
    label: str
    level: str
    hint: str
    tables: tuple[str, ...]
    rel_tolerance: float
    abs_tolerance: float

    @property
    def points(self) -> int:
        return POINTS[self.level]


class Mistake(NamedTuple):
    """A wrong answer the data make likely, and what to tell the student who gives it (never the answer)."""

    value: Any
    feedback: str


@dataclass(frozen=True)
class WrittenQuestion:
    """A question that asks for reasoning: graded by hand, with the guide's model answer and rubric."""

    label: str
    points: int
    tables: tuple[str, ...]


_EXERCISES: dict[str, Exercise] = {}
# What computes each answer, each exercise's anticipated mistakes and each written question's
# figures, from the tables named: the teacher's side (aiparadox.answer_key) calls them.
_ANSWERS: dict[str, Callable[..., Any]] = {}
_MISTAKES: dict[str, Callable[..., dict[str, Mistake]]] = {}
_WRITTEN: dict[str, WrittenQuestion] = {}
_WRITTEN_FIGURES: dict[str, Callable[..., dict[str, Any]]] = {}


def expects(
    label: str,
    *,
    level: str,
    hint: str,
    tables: tuple[str, ...] = (),
    rel_tolerance: float = DEFAULT_REL_TOLERANCE,
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
        _EXERCISES[label] = Exercise(label, level, hint, tuple(tables), rel_tolerance, abs_tolerance)
        _ANSWERS[label] = compute
        return compute

    return register


def anticipates(label: str):
    """Register the function that computes the answers an exercise's common mistakes give.

    It is given the same tables as the exercise's ``@expects`` function and returns a dict from
    the mistake's name to a :class:`Mistake`: the value that mistake produces and the feedback
    the check gives for it. The teacher's guide glues each value as ``guide-<label>-<name>``; a
    test checks that the check rejects every one with its feedback.
    """

    def register(compute: Callable[..., dict[str, Mistake]]):
        _MISTAKES[label] = compute
        return compute

    return register


def written(label: str, *, points: int, tables: tuple[str, ...] = ()):
    """Register a chapter's written question and the function that computes, from the tables named,
    the figures its model answer in the teacher's guide quotes (glued as ``guide-<label>-<name>``)."""
    if points < 1:
        raise ValueError(f"written question {label!r}: points must be at least 1, not {points}")

    def register(compute: Callable[..., dict[str, Any]]):
        _WRITTEN[label] = WrittenQuestion(label, points, tuple(tables))
        _WRITTEN_FIGURES[label] = compute
        return compute

    return register


def registered() -> dict[str, Exercise]:
    """Every exercise with a checked answer, by label (its level, hint and tolerance; not its answer),
    its hint in the edition's language (a topic marks it with ``N_``; the catalogue translates it)."""
    topics.parts("exercises")
    return {label: replace(exercise, hint=gettext(exercise.hint)) for label, exercise in _EXERCISES.items()}


def written_questions() -> dict[str, WrittenQuestion]:
    topics.parts("exercises")
    return dict(_WRITTEN)


# --- Fingerprints: what the key holds, and how a student's answer is compared with it ---------


def answer_kind(value: Any) -> str:
    """How an answer is compared: "text" (case and spaces aside), "whole" (exact), "number"
    (within a tolerance) or "set" (the same items in any order)."""
    if isinstance(value, (bool, str)) or getattr(getattr(value, "dtype", None), "kind", "") == "b":
        return "text"
    if isinstance(value, numbers.Integral):
        return "whole"
    if isinstance(value, numbers.Real):
        return "number"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "set"
    raise TypeError(f"an answer must be text, a number or a list, not {type(value).__name__}")


def _grid_cell(value: float, tolerance: float, floor: float) -> int | None:
    """The cell of the logarithmic grid that holds ``value`` (None for a value at zero)."""
    if abs(value) <= floor:
        return None
    return round(math.log(abs(value)) / (math.log1p(tolerance) / GRID_STEPS))


def readings(answer: Any, kind: str, tolerance: float = 0.0, floor: float = 0.0) -> list[str]:
    """The forms of an answer that its fingerprint is compared in: one for text, whole numbers and
    sets; for a number, its grid cell and the cells around it. Empty when the answer has the wrong form."""
    if answer is None or answer is Ellipsis:
        return []
    if kind == "text":
        return [str(answer).strip().lower()]
    if kind == "set":
        if isinstance(answer, (str, bytes)) or not hasattr(answer, "__iter__"):
            return []
        return ["\n".join(sorted(str(item).strip().lower() for item in answer))]
    try:
        number = float(answer)
    except (TypeError, ValueError):
        return []
    if not math.isfinite(number):
        return []
    if kind == "whole":
        # Counts and years are exact: 2024 is not "close enough" to 2023.
        return [str(int(number))] if number.is_integer() else []
    if tolerance == 0:
        return [repr(number)]
    cell = _grid_cell(number, tolerance, floor)
    if cell is None:
        return ["0"]
    sign = "-" if number < 0 else "+"
    return [f"{sign}{cell + step}" for step in range(-SPAN, SPAN + 1)]


def fingerprint(salt: str, label: str, reading: str) -> str:
    return hashlib.sha256(f"{salt}\n{label}\n{reading}".encode()).hexdigest()[:32]


def _keystream(salt: str, label: str, reading: str, length: int) -> bytes:
    blocks = b""
    counter = 0
    while len(blocks) < length:
        blocks += hashlib.sha256(f"seal\n{salt}\n{label}\n{reading}\n{counter}".encode()).digest()
        counter += 1
    return blocks[:length]


def seal(text: str, salt: str, label: str, reading: str) -> str:
    """Feedback for a wrong answer, readable only with that wrong answer (XOR with a keystream)."""
    data = text.encode()
    return bytes(a ^ b for a, b in zip(data, _keystream(salt, label, reading, len(data)), strict=True)).hex()


def _unseal(sealed: str, salt: str, label: str, reading: str) -> str:
    data = bytes.fromhex(sealed)
    return bytes(a ^ b for a, b in zip(data, _keystream(salt, label, reading, len(data)), strict=True)).decode()


_FORMS = {
    "text": N_("text, in the form the question asks for"),
    "whole": N_("a whole number"),
    "number": N_("a number"),
    "set": N_("a list"),
}


def assess(label: str, answer: Any, *, name: str | None = None, key: dict | None = None) -> tuple[bool, str]:
    """Whether ``answer`` is right, and the sentence that says so: the exercise's name, then
    "right", "no answer yet" or "not yet", with the feedback of an anticipated mistake when the
    answer is one. The answer itself is never in the sentence."""
    if key is None:
        from . import answer_key

        key = answer_key.key(label)
    name = name or label
    if key.get("label", label) != label:
        raise ValueError(f"{name}: this key is for {key['label']!r}, not {label!r}")
    if answer is None or answer is Ellipsis:
        return False, gettext("{name}: no answer yet. Store your result in `answer` and run this cell again.").format(
            name=name
        )
    salt = key["salt"]
    forms = readings(answer, key["kind"], key.get("tolerance", 0.0), key.get("floor", 0.0))
    if not forms:
        form = gettext(_FORMS[key["kind"]])
        return False, gettext("{name}: not yet; the answer should be {form}, not {type}.").format(
            name=name, form=form, type=type(answer).__name__
        )
    prints = {fingerprint(salt, label, form): form for form in forms}
    if key["right"] in prints:
        return True, gettext("{name}: right.").format(name=name)
    for digest, sealed in key.get("mistakes", {}).items():
        if digest in prints:
            return False, gettext("{name}: not yet. {feedback}").format(
                name=name, feedback=gettext(_unseal(sealed, salt, label, prints[digest]))
            )
    return False, gettext("{name}: not yet; {answer} is not what the data give. The hint above may help.").format(
        name=name, answer=repr(answer)
    )


def check(label: str, answer: Any, *, name: str | None = None, key: dict | None = None) -> bool:
    """Say plainly whether a student's answer is right, and return True if it is."""
    right, message = assess(label, answer, name=name, key=key)
    print(message)
    return right
