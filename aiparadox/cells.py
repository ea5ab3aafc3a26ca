"""Text cells that readers open in a spreadsheet: one rule for every CSV the book writes, the tables
of ``data/`` and each chart's download. It imports nothing, so that the Sphinx extension, which
writes the charts' downloads, does not load pandas to use it."""

from __future__ import annotations

# A cell that starts with one of these is run as a formula by spreadsheet programs
# (=HYPERLINK(...) sends the reader's click, or the sheet's data, elsewhere).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse_formula(text: str) -> str:
    """A text cell as a spreadsheet shows it, never runs it: a leading quote makes it text."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
