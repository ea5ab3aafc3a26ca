"""The ledger's chart: the claims by the page that assesses them, coloured by verdict, and its description."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from ...charts import PALETTE, SECONDARY_COLOUR
from ...i18n import N_, gettext, language
from ...ledger import VERDICTS, Assessment
from ...pages import book_root
from .claims import LEDGER_PAGE

UNTESTABLE_LABEL = N_("No data here can test these")
# The source line under the ledger's chart.
LEDGER_SOURCE = N_("the chapters of this book, which compute each verdict from the data")


def chapter_title(docname: str) -> str:
    """A page's title in the edition's language: its translated page's, else the catalogue's."""
    if docname == LEDGER_PAGE:
        return gettext(UNTESTABLE_LABEL)
    translated = book_root() / language() / f"{docname}.md"
    page = translated if language() != "en" and translated.exists() else book_root() / f"{docname}.md"
    title = re.search(r"^# (.+)$", page.read_text(encoding="utf-8"), re.M).group(1).strip()
    return title if page == translated else gettext(title)


# Each page's name is written above its bar, across the whole width, and wrapped to lines that fit
# a phone's text column (about 45 characters at 12 pixels): a name beside its bar would leave the
# bars no room there.
LINE_CHARACTERS = 44
ROW_PIXELS = 58


def wrapped(title: str, width: int = LINE_CHARACTERS) -> str:
    """A title broken into lines of at most ``width`` characters, at spaces, joined by newlines."""
    lines: list[str] = []
    for word in title.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def verdict_counts(assessments: list[Assessment]) -> pd.DataFrame:
    """How many claims of each verdict each page assesses, in the scale's order."""
    rows = [{"page": chapter_title(a.chapter), "verdict": gettext(a.verdict), "claim": a.claim.id} for a in assessments]
    frame = pd.DataFrame(rows)
    counts = frame.groupby(["page", "verdict"], sort=False).agg(claims=("claim", "count"), ids=("claim", ", ".join))
    counts = counts.reset_index()
    counts["order"] = counts["verdict"].map([gettext(v) for v in VERDICTS].index)
    counts["label"] = counts["page"].map(wrapped)
    return counts.sort_values(["order", "page"]).reset_index(drop=True)


def verdict_chart(assessments: list[Assessment]):
    counts = verdict_counts(assessments)
    pages = list(dict.fromkeys(chapter_title(a.chapter) for a in assessments))
    colours = [PALETTE[2], PALETTE[1], PALETTE[3], PALETTE[4], SECONDARY_COLOUR]
    y = alt.Y("page:N", title=None, sort=pages, axis=None)
    bars = (
        alt.Chart()
        .mark_bar(height=16, yOffset=14)
        .encode(
            y=y,
            x=alt.X("sum(claims):Q", title=gettext("Claims (count)"), axis=alt.Axis(tickMinStep=1, format="d")),
            # Every verdict of the scale is in the legend, in one column, whether or not a page reaches it.
            color=alt.Color(
                "verdict:N",
                title=gettext("Verdict"),
                scale=alt.Scale(domain=[gettext(v) for v in VERDICTS], range=colours),
                legend=alt.Legend(columns=1, labelLimit=300),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("page:N", title=gettext("Where")),
                alt.Tooltip("verdict:N", title=gettext("Verdict")),
                alt.Tooltip("claims:Q", title=gettext("Claims")),
                alt.Tooltip("ids:N", title=gettext("Which")),
            ],
        )
    )
    names = (
        alt.Chart()
        .transform_aggregate(groupby=["page", "label"])
        .mark_text(align="left", baseline="top", lineBreak="\n", dy=-26)
        .encode(y=y, x=alt.value(0), text="label:N")
    )
    return alt.layer(bars, names, data=counts).properties(width="container", height=ROW_PIXELS * len(pages))


def verdict_description(assessments: list[Assessment]) -> str:
    totals = pd.Series([a.verdict for a in assessments]).value_counts()
    parts = [f"{totals[v]} {gettext(v)}" for v in VERDICTS if v in totals]
    return gettext(
        "Stacked bar chart of the {count} claims of the article by the page of this book that "
        "assesses them, coloured by verdict: {verdicts}."
    ).format(count=len(assessments), verdicts=", ".join(parts))
