"""The claims no dataset here can test.

Forecasts, anecdotes and framings are part of the article's argument, so the ledger lists them
too; their verdict is "not checkable" because no data set in this book bears on them, and the
evidence sentence says what kind of statement each is.
"""

from __future__ import annotations

from ...i18n import N_
from ...ledger import assesses

LEDGER_PAGE = "chapters/ledger"
UNTESTABLE_SECTION = "ledger-untestable"

_UNTESTABLE = {
    "C01": N_("A forecast about the next ten to twenty years: no data can confirm or refute it today."),
    "C05": N_("Anecdotes about lawyers, developers and designers, with no study or dataset named."),
    "C07": N_("No series on after-hours availability or e-mail use is among the sources of this book."),
    "C10": N_("A way of naming a period, not a measurable statement."),
}


def _untestable(claim_id: str):
    @assesses(claim_id, chapter=LEDGER_PAGE, section=UNTESTABLE_SECTION)
    def assess() -> tuple[str, str, str]:
        return "not checkable", _UNTESTABLE[claim_id], N_("the article itself")

    assess.__name__ = assess.__qualname__ = f"assess_{claim_id.lower()}"
    return assess


for _claim in _UNTESTABLE:
    _untestable(_claim)
