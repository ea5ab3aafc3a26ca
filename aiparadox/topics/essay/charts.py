"""The ledger's chart: the claims by the page that assesses them, coloured by verdict, and its description."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from ...charts import PALETTE, SECONDARY_COLOUR
from ...i18n import N_, gettext, language
from ...ledger import VERDICTS, Assessment
from ...paths import ROOT
from .claims import LEDGER_PAGE

UNTESTABLE_LABEL = N_("No data here can test these")
# The source line under the ledger's chart.
LEDGER_SOURCE = N_("the chapters of this book, which compute each verdict from the data")


def chapter_title(docname: str) -> str:
    """A page's title in the edition's language: its translated page's, else the catalogue's."""
    if docname == LEDGER_PAGE:
        return gettext(UNTESTABLE_LABEL)
    translated = ROOT / language() / f"{docname}.md"
    page = translated if language() != "en" and translated.exists() else ROOT / f"{docname}.md"
    title = re.search(r"^# (.+)$", page.read_text(encoding="utf-8"), re.M).group(1).strip()
    return title if page == translated else gettext(title)


def verdict_counts(assessments: list[Assessment]) -> pd.DataFrame:
    """How many claims of each verdict each page assesses, in the scale's order."""
    rows = [{"page": chapter_title(a.chapter), "verdict": gettext(a.verdict), "claim": a.claim.id} for a in assessments]
    frame = pd.DataFrame(rows)
    counts = frame.groupby(["page", "verdict"], sort=False).agg(claims=("claim", "count"), ids=("claim", ", ".join))
    counts = counts.reset_index()
    counts["order"] = counts["verdict"].map([gettext(v) for v in VERDICTS].index)
    return counts.sort_values(["order", "page"]).reset_index(drop=True)


def verdict_chart(assessments: list[Assessment]):
    counts = verdict_counts(assessments)
    colours = [PALETTE[2], PALETTE[1], PALETTE[3], PALETTE[4], SECONDARY_COLOUR]
    return (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y("page:N", title=None, sort=[chapter_title(a.chapter) for a in assessments], axis=alt.Axis(labelLimit=260)),
            x=alt.X("sum(claims):Q", title=gettext("Claims (count)"), axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(
                "verdict:N", title=gettext("Verdict"), scale=alt.Scale(domain=[gettext(v) for v in VERDICTS], range=colours)
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("page:N", title=gettext("Where")),
                alt.Tooltip("verdict:N", title=gettext("Verdict")),
                alt.Tooltip("claims:Q", title=gettext("Claims")),
                alt.Tooltip("ids:N", title=gettext("Which")),
            ],
        )
        .properties(width="container", height=alt.Step(28))
    )


def verdict_description(assessments: list[Assessment]) -> str:
    totals = pd.Series([a.verdict for a in assessments]).value_counts()
    parts = [f"{totals[v]} {gettext(v)}" for v in VERDICTS if v in totals]
    return gettext(
        "Stacked bar chart of the {count} claims of the article by the page of this book that "
        "assesses them, coloured by verdict: {verdicts}."
    ).format(count=len(assessments), verdicts=", ".join(parts))
