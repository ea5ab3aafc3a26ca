"""Numbers in French typography, from the value and the Python format spec the English edition uses.

The English prose shows ``format(value, spec)`` (myst-nb's ``{glue:text}`key:spec```). The French
edition shows the very same digits, so the rounding is Python's by construction (Babel's
``format_decimal`` rounds ``Decimal(str(value))`` half-even and would print ``2,68`` where Python
prints ``2.67`` for 2.675, whose binary value is below the tie); only the marks change:

* the decimal point becomes a comma: ``1.8`` -> ``1,8``;
* a thousands separator (asked for by ``,`` or ``_`` in the spec) becomes a narrow no-break space
  (U+202F): ``4,178`` -> ``4 178``; a number glued without one is not grouped, so a year stays ``2025``;
* a per cent sign is preceded by a narrow no-break space: ``29.0%`` -> ``29,0 %``.

No import beyond the standard library: the Sphinx extension uses this on every build.
"""

from __future__ import annotations

from ast import literal_eval

NARROW_NO_BREAK_SPACE = "\u202f"


def read_back(text_plain: str):
    """The glued value, read back from its ``text/plain`` as myst-nb reads it."""
    try:
        return literal_eval(text_plain)
    except (SyntaxError, ValueError):
        return text_plain


def english(value, spec: str) -> str:
    """What myst-nb's ``{glue:text}`` prints (``myst_nb.core.variables.format_plain_text``)."""
    if spec == "":
        return str(value)
    kind = spec[-1]
    if kind == "s":
        value = str(value)
    elif kind in "bcdoxX":
        value = int(value)
    elif kind in "eEfFgGn%":
        value = float(value)
    return format(value, spec)


def french(english_text: str) -> str:
    """Python's rendering of a number, in French typography (see the module's docstring)."""
    marks = {",": NARROW_NO_BREAK_SPACE, "_": NARROW_NO_BREAK_SPACE, ".": ",", "%": NARROW_NO_BREAK_SPACE + "%"}
    return "".join(marks.get(character, character) for character in english_text)


def format_number(text_plain: str, spec: str, language: str) -> str:
    """What ``{glue:text}`key:spec``` shows in an edition: the English text exactly, or its French form.

    Only numbers change; a glued string (``spec`` ``s`` on a string) is shown as it is."""
    value = read_back(text_plain)
    shown = english(value, spec)
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    return french(shown) if language == "fr" and is_number else shown
