"""The preamble every chapter imports, and the glue helpers its prose relies on.

A chapter starts with::

    from aiparadox import book
    book.setup()

and then glues every number and every chart it mentions, so that no number is typed into the
prose and every chart becomes a numbered figure::

    book.facts(facts.whole_list(shares, tiers))     # prose: {glue:text}`share_rmax_now:.1%`
    book.claim("C08")                               # prose: {glue:md}`claim-C08:myst`
    book.figure("fig-top500-share", chart, description=..., source=..., tables=("top500_accelerators",))
"""

from __future__ import annotations

import numbers
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import altair as alt
import pandas as pd

from . import charts
from .environment import BUILD_ENV
from .i18n import gettext
from .jupyter_markdown import Figure, Page, convert
from .markup import Markdown, plain_text


def in_book_build() -> bool:
    """True inside the kernel of a book build (the Sphinx extension sets the variable)."""
    return os.environ.get(BUILD_ENV) == "1"


# Where glued values go. In a book build, to myst-nb, which pastes them where the prose names them.
# While aiparadox.notebooks writes a page as a notebook, into this dict, from which it writes the
# numbers into the Markdown cells. Anywhere else (a notebook opened in Jupyter or Colab), into a
# table shown under the cell that computed them, so that re-running a cell shows what the text
# quotes, labelled, instead of a column of bare numbers.
_recorded: dict[str, Any] | None = None
_pending: dict[str, Any] = {}


@contextmanager
def recording() -> Iterator[dict[str, Any]]:
    """Collect what a page glues, by name: numbers, MyST phrases, and :class:`Figure` records."""
    global _recorded
    previous, _recorded = _recorded, {}
    try:
        yield _recorded
    finally:
        _recorded = previous


def setup() -> None:
    """Theme, renderer and table display for a chapter; in a notebook, the table of glued values."""
    charts.enable()
    pd.set_option("display.max_rows", 20)
    pd.set_option("display.precision", 3)
    if _recorded is None and not in_book_build():
        _show_glued_values_under_each_cell()


def _show_glued_values_under_each_cell() -> None:
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None and _show_pending not in shell.events.callbacks["post_run_cell"]:
        shell.events.register("post_run_cell", _show_pending)


def _show_pending(*_: Any) -> None:
    if not _pending:
        return
    from IPython.display import Markdown, display

    rows = ["| In the text as | Value |", "|---|---|"]
    for name, value in _pending.items():
        shown = _plain_number(value) if isinstance(value, numbers.Number) else convert(value, Page(""))
        rows.append(f"| `{name}` | {shown.replace('|', chr(92) + '|').replace(chr(10), ' ')} |")
    _pending.clear()
    display(Markdown("\n".join(rows)))


def _plain_number(value: int | float) -> str:
    if isinstance(value, int) or float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.2f}" if abs(value) >= 1000 else f"{value:.6g}"


def _glue(name: str, value: Any, recorded: Any) -> None:
    """``value`` for myst-nb, ``recorded`` for the notebook writer and the table under a cell."""
    if _recorded is not None:
        _recorded[name] = recorded
    elif in_book_build():
        from myst_nb import glue

        glue(name, value, display=False)
    elif isinstance(recorded, Figure):
        from IPython.display import display

        display(value)
    else:
        _pending[name] = recorded


def as_python_number(value: Any) -> int | float:
    """numpy and pandas scalars print as ``np.float64(0.3)``; the prose needs plain numbers."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        raise ValueError("a missing value cannot be glued into the prose")
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    return int(value) if isinstance(value, numbers.Integral) else float(value)


def number(name: str, value: Any) -> None:
    """Glue a number for ``{glue:text}`name``` (format with ``{glue:text}`name:.1%```)."""
    value = as_python_number(value)
    _glue(name, value, value)


def facts(named: dict[str, Any]) -> None:
    """Glue every value of a topic's ``facts`` function under its own key.

    Numbers are glued as numbers (``{glue:text}`key:.1%```), strings for ``{glue:md}`key``` as
    text: facts come from the tables, and a country named ``[China](https://...)`` must show as
    those characters, not become a link. Markup that the facts function writes itself (a table
    of steps) is returned as :class:`aiparadox.markup.Markdown` and glued as it is. The keys are
    spelled out in the facts function, so ``grep`` finds where each glued value of a page is made.
    """
    for name, value in named.items():
        if isinstance(value, Markdown):
            text(name, value)
        elif isinstance(value, str):
            text(name, plain_text(value))
        else:
            number(name, value)


def text(name: str, markdown: str) -> None:
    """Glue a phrase of MyST markdown for ``{glue:md}`name```. Text from data goes through
    :func:`aiparadox.markup.plain_text` first (``facts`` does it for every string)."""
    from IPython.display import Markdown as Displayed

    _glue(name, Displayed(markdown), markdown)


def markdown(myst: str):
    """A block of MyST Markdown that a cell shows (a table, a list): as MyST where Sphinx renders
    it, as plain Markdown with links to the online book in Jupyter."""
    from IPython.display import Markdown as Displayed

    return Displayed(myst if _recorded is not None or in_book_build() else convert(myst, Page("")))


def hints(*labels: str) -> None:
    """Glue each exercise's hint, as its ``@expects`` declares it, for the chapter's hint dropdown:
    ``{glue:md}`hint-<label>```. (The student copies show the same hint behind a toggle.)"""
    from .exercises import registered

    known = registered()
    for label in labels:
        text(f"hint-{label}", known[label].hint)


def claim(claim_id: str):
    """Glue a claim's verdict and evidence as ``claim-<id>`` for ``{glue:md}`claim-C08:myst```.

    The verdict is marked up (``span.verdict.claim-C08``) so that a test can compare what each
    chapter shows with what the ledger page shows.
    """
    from . import ledger

    assessment = ledger.assess(claim_id)
    text(f"claim-{claim_id}", ledger.verdict_markdown(assessment))
    # The bare verdict, for sentences such as "(C08: {glue:md}`verdict-C08`)".
    text(f"verdict-{claim_id}", gettext(assessment.verdict))
    return assessment


def figure(
    name: str,
    chart: alt.TopLevelMixin,
    *,
    description: str,
    source: str,
    tables: tuple[str, ...],
    note: str | None = None,
) -> None:
    """Glue a chart for a ``{glue:figure}`` with the same name (see :func:`figure_chart`).

    In a notebook the chart is drawn once, here; its caption and source line are the Markdown
    cell that follows.
    """
    # A chapter passes its English text; the edition's catalogue gives the page's language.
    description, source = gettext(description), gettext(source)
    note = gettext(note) if note else note
    shown = figure_chart(name, chart, description=description, source=source, tables=tables, note=note)
    _glue(name, shown, Figure(name, source, note))


def figure_chart(
    name: str,
    chart: alt.TopLevelMixin,
    *,
    description: str,
    source: str,
    tables: tuple[str, ...],
    note: str | None = None,
) -> alt.TopLevelMixin:
    """The chart as the book draws it: ``description`` becomes the text of the drawing (say what the
    chart shows and its message, for someone who cannot see it); ``source`` is printed under the
    chart; ``tables`` names the tables of ``data/`` the chart draws (their provenance is its Sources
    tab and the file beside its data download; ``()`` for a chart of what the book itself computes,
    such as the ledger's verdicts); ``note`` is an optional plain-language remark."""
    if not description.strip() or not source.strip():
        raise ValueError(f"figure {name!r}: a description and a source are required")
    # A string would be read as a tuple of its letters. (Whether each table exists is checked where
    # the provenance is read, when the page is written: aiparadox.static_charts.provenance.)
    if isinstance(tables, str):
        raise TypeError(f"figure {name!r}: tables is a tuple of table names, not the string {tables!r}")
    meta = {"name": name, "source": source, "tables": list(tables)}
    if note:
        meta["note"] = note
    return chart.properties(description=description, usermeta={"aiparadox": meta})
