"""The essay as a whole: the claims no dataset here can test, and the ledger's chart.

Forecasts, anecdotes and framings are part of the article's argument, so the ledger lists them
too; their verdict is "not checkable" because no data set in this book bears on them, and the
evidence sentence says what kind of statement each is.
"""

from __future__ import annotations

import re

import pandas as pd

from ..ledger import VERDICTS, Assessment, assesses
from ..pages import book_root

LEDGER_PAGE = "chapters/ledger"
UNTESTABLE_SECTION = "ledger-untestable"

_UNTESTABLE = {
    "C01": "A forecast about the next ten to twenty years: no data can confirm or refute it today.",
    "C05": "Anecdotes about lawyers, developers and designers, with no study or dataset named.",
    "C07": "No series on after-hours availability or e-mail use is among the sources of this book.",
    "C10": "A way of naming a period, not a measurable statement.",
}


def _untestable(claim_id: str):
    @assesses(claim_id, chapter=LEDGER_PAGE, section=UNTESTABLE_SECTION)
    def assess() -> tuple[str, str, str]:
        return "not checkable", _UNTESTABLE[claim_id], "the article itself"

    assess.__name__ = assess.__qualname__ = f"assess_{claim_id.lower()}"
    return assess


for _claim in _UNTESTABLE:
    _untestable(_claim)


UNTESTABLE_LABEL = "No data here can test these"


def chapter_title(docname: str) -> str:
    if docname == LEDGER_PAGE:
        return UNTESTABLE_LABEL
    text = (book_root() / f"{docname}.md").read_text(encoding="utf-8")
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
    import altair as alt

    from ..charts import PALETTE, SECONDARY_COLOUR

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


def verdict_totals(assessments: list[Assessment]) -> dict[str, int]:
    """How many claims received each verdict, every verdict of the scale included (zeros too)."""
    counts = pd.Series([a.verdict for a in assessments]).value_counts()
    return {verdict: int(counts.get(verdict, 0)) for verdict in VERDICTS}


def claims_with(assessments: list[Assessment], verdict: str) -> str:
    """The ids of the claims with a verdict, as a phrase ("C08, C11 and C12")."""
    ids = [a.claim.id for a in assessments if a.verdict == verdict]
    return ids[0] if len(ids) == 1 else ", ".join(ids[:-1]) + " and " + ids[-1] if ids else "none"


def citation(path=None) -> str:
    """How to cite the book, in words, from CITATION.cff (the one place that says it)."""
    import yaml

    cff = yaml.safe_load(((path or book_root()) / "CITATION.cff").read_text(encoding="utf-8"))
    authors = ", ".join(a.get("name") or f"{a.get('given-names', '')} {a.get('family-names', '')}".strip() for a in cff["authors"])
    year = str(cff["date-released"])[:4]
    return f"{authors} ({year}). *{cff['title']}*. Version {cff['version']}. <{cff['url']}>"
