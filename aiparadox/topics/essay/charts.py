"""The ledger's chart: the claims by the page that assesses them, coloured by verdict, and its description."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from ...charts import PALETTE, SECONDARY_COLOUR
from ...ledger import VERDICTS, Assessment
from ...paths import ROOT
from .claims import LEDGER_PAGE

UNTESTABLE_LABEL = "No data here can test these"


def chapter_title(docname: str) -> str:
    if docname == LEDGER_PAGE:
        return UNTESTABLE_LABEL
    text = (ROOT / f"{docname}.md").read_text(encoding="utf-8")
    return re.search(r"^# (.+)$", text, re.M).group(1).strip()


def verdict_counts(assessments: list[Assessment]) -> pd.DataFrame:
    """How many claims of each verdict each page assesses, in the scale's order."""
    rows = [{"page": chapter_title(a.chapter), "verdict": a.verdict, "claim": a.claim.id} for a in assessments]
    frame = pd.DataFrame(rows)
    counts = frame.groupby(["page", "verdict"], sort=False).agg(claims=("claim", "count"), ids=("claim", ", ".join))
    counts = counts.reset_index()
    counts["order"] = counts["verdict"].map(VERDICTS.index)
    return counts.sort_values(["order", "page"]).reset_index(drop=True)


def verdict_chart(assessments: list[Assessment]):
    counts = verdict_counts(assessments)
    colours = [PALETTE[2], PALETTE[1], PALETTE[3], PALETTE[4], SECONDARY_COLOUR]
    return (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y("page:N", title=None, sort=[chapter_title(a.chapter) for a in assessments], axis=alt.Axis(labelLimit=260)),
            x=alt.X("sum(claims):Q", title="Claims (count)", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color("verdict:N", title="Verdict", scale=alt.Scale(domain=list(VERDICTS), range=colours)),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("page:N", title="Where"),
                alt.Tooltip("verdict:N", title="Verdict"),
                alt.Tooltip("claims:Q", title="Claims"),
                alt.Tooltip("ids:N", title="Which"),
            ],
        )
        .properties(width="container", height=alt.Step(28))
    )


def verdict_description(assessments: list[Assessment]) -> str:
    totals = pd.Series([a.verdict for a in assessments]).value_counts()
    parts = [f"{totals[v]} {v}" for v in VERDICTS if v in totals]
    return (
        f"Stacked bar chart of the {len(assessments)} claims of the article by the page of this book that "
        f"assesses them, coloured by verdict: {', '.join(parts)}."
    )
