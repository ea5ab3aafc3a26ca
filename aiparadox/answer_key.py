"""The teacher's side of the exercises: the answers, the anticipated mistakes and the keys.

Students never need this module. The book's build, the teacher's guide, ``make assignments``
and the tests use it: :func:`expected` computes an exercise's answer from the tables it names,
:func:`mistakes` the wrong answers the guide anticipates, and :func:`key` what a student copy
carries instead of the answer (see :mod:`aiparadox.exercises`).
"""

from __future__ import annotations

import hashlib
from typing import Any

from . import exercises
from .exercises import Mistake
from .i18n import gettext


def _exercise(label: str) -> exercises.Exercise:
    known = exercises.registered()
    if label not in known:
        raise KeyError(f"no exercise labelled {label!r}; known: {sorted(known)}")
    return known[label]


def _tables(names: tuple[str, ...]) -> list:
    from .datapackage import load

    return [load(name) for name in names]


def expected(label: str) -> Any:
    """The answer the data give to an exercise."""
    exercise = _exercise(label)
    return exercises._ANSWERS[label](*_tables(exercise.tables))


def _mistakes_from(label: str, tables: list) -> dict[str, Mistake]:
    wrong = exercises._MISTAKES.get(label)
    if wrong is None:
        return {}
    found = dict(wrong(*tables))
    for name, mistake in found.items():
        if not isinstance(mistake, Mistake) or not mistake.feedback.strip():
            raise TypeError(f"{label}: the mistake {name!r} needs a Mistake(value, feedback), got {mistake!r}")
    return found


def mistakes(label: str) -> dict[str, Mistake]:
    """The anticipated mistakes of an exercise, by name (empty when none is declared)."""
    return _mistakes_from(label, _tables(_exercise(label).tables))


def written_figures(label: str) -> dict[str, Any]:
    """The figures a written question's model answer quotes, computed from the tables it names."""
    question = exercises.written_questions()[label]
    return dict(exercises._WRITTEN_FIGURES[label](*_tables(question.tables)))


def _salt(label: str, tables: list) -> str:
    """A salt that is the same for the same exercise on the same data (so that regenerating an
    unchanged chapter gives the same file) and changes when the tables do."""
    digest = hashlib.sha256(label.encode())
    for table in tables:
        digest.update(table.to_csv(index=False).encode())
    return digest.hexdigest()[:16]


def _central_reading(value: Any, kind: str, exercise: exercises.Exercise) -> str:
    forms = exercises.readings(value, kind, exercise.rel_tolerance, exercise.abs_tolerance)
    if not forms:
        raise ValueError(f"{exercise.label}: the value {value!r} cannot be read as {kind}")
    # A number's readings are its grid cell and the cells around it; the key holds the cell itself.
    return forms[len(forms) // 2]


def key(label: str) -> dict[str, Any]:
    """What a student copy carries for an exercise: the fingerprint of its answer and of each
    anticipated mistake (with the mistake's feedback sealed by that mistake), never the answer."""
    exercise = _exercise(label)
    tables = _tables(exercise.tables)
    answer = exercises._ANSWERS[label](*tables)
    kind = exercises.answer_kind(answer)
    salt = _salt(label, tables)
    made: dict[str, Any] = {"label": label, "kind": kind}
    if kind == "number":
        made["tolerance"] = exercise.rel_tolerance
        made["floor"] = exercise.abs_tolerance
    made["salt"] = salt
    made["right"] = exercises.fingerprint(salt, label, _central_reading(answer, kind, exercise))
    # Several mistakes can give the same wrong answer (a yes-or-no question has only one): the
    # student who gives it is told each.
    feedback_by_reading: dict[str, list[str]] = {}
    for mistake in _mistakes_from(label, tables).values():
        # Sealed in the language of the copy being made (the exercises module marks the feedback).
        feedback_by_reading.setdefault(_central_reading(mistake.value, kind, exercise), []).append(
            gettext(mistake.feedback)
        )
    made["mistakes"] = {
        exercises.fingerprint(salt, label, reading): exercises.seal(
            gettext(" Or: ").join(feedback), salt, label, reading
        )
        for reading, feedback in feedback_by_reading.items()
    }
    return made
