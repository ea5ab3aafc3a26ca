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
from typing import Any

import altair as alt
import pandas as pd

from . import charts
from .environment import BUILD_ENV
from .i18n import gettext
from .markup import Markdown, plain_text


def in_book_build() -> bool:
    """True inside the kernel of a book build (the Sphinx extension sets the variable)."""
    return os.environ.get(BUILD_ENV) == "1"


def setup() -> None:
    """Theme, renderer and table display for a chapter."""
    charts.enable()
    pd.set_option("display.max_rows", 20)
    pd.set_option("display.precision", 3)


def _glue(name: str, value: Any) -> None:
    from myst_nb import glue

    # In the book the glued value appears where the prose references it; run by hand, the
    # chapter shows it in place so a student sees what the cell produced.
    glue(name, value, display=not in_book_build())


def as_python_number(value: Any) -> int | float:
    """numpy and pandas scalars print as ``np.float64(0.3)``; the prose needs plain numbers."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        raise ValueError("a missing value cannot be glued into the prose")
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    return int(value) if isinstance(value, numbers.Integral) else float(value)


def number(name: str, value: Any) -> int | float:
    """Glue a number for ``{glue:text}`name``` (format with ``{glue:text}`name:.1%```)."""
    value = as_python_number(value)
    _glue(name, value)
    return value


def facts(named: dict[str, Any]) -> dict[str, Any]:
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
    return named


def text(name: str, markdown: str) -> str:
    """Glue a phrase of MyST markdown for ``{glue:md}`name```. Text from data goes through
    :func:`aiparadox.markup.plain_text` first (``facts`` does it for every string)."""
    from IPython.display import Markdown as Displayed

    _glue(name, Displayed(markdown))
    return markdown


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
) -> alt.TopLevelMixin:
    """Glue a chart for a ``{glue:figure}`` with the same name.

    ``description`` becomes the text of the drawing (say what the chart shows and its message, for
    someone who cannot see it); ``source`` is printed under the chart; ``tables`` names the tables of
    ``data/`` the chart draws (their provenance is its Sources tab and the file beside its data
    download; ``()`` for a chart of what the book itself computes, such as the ledger's verdicts);
    ``note`` is an optional plain-language remark.
    """
    # A chapter passes its English text; the edition's catalogue gives the page's language.
    description, source = gettext(description), gettext(source)
    note = gettext(note) if note else note
    if not description.strip() or not source.strip():
        raise ValueError(f"figure {name!r}: a description and a source are required")
    # A string would be read as a tuple of its letters. (Whether each table exists is checked where
    # the provenance is read, when the page is written: aiparadox.static_charts.provenance.)
    if isinstance(tables, str):
        raise TypeError(f"figure {name!r}: tables is a tuple of table names, not the string {tables!r}")
    meta = {"name": name, "source": source, "tables": list(tables)}
    if note:
        meta["note"] = note
    chart = chart.properties(description=description, usermeta={"aiparadox": meta})
    _glue(name, chart)
    return chart
