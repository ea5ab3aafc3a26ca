"""The charts of the BLS chapter's sections on layoffs: what employers did (JOLTS openings and
layoffs, CES employment in computer systems design) and the ResumeBuilder survey, the tidy frame each
one draws, and their descriptions computed from the data.

The conventions of the chapter's charts (words marked ``N_``, translated when drawn) are those of
:mod:`.charts`, whose series names these charts share.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...charts import CLAIM_COLOUR, DATA_COLOUR, PALETTE, SECONDARY_COLOUR, legend_highlight
from ...i18n import N_, gettext, number
from .article import (
    ARTICLE_LAYOFF_SHARE,
    ARTICLE_LAYOFF_TIMING,
    ARTICLE_REPLACED_SHARE,
)
from .charts import month_date
from .facts import (
    c04_figures,
    csd_figures,
    csd_series,
    jolts_figures,
    month_name,
)
from .raw import CSD_EMPLOYMENT_ID, LAYOFFS_ID, OPENINGS_ID

JOLTS_MEASURES = {OPENINGS_ID: N_("Job openings"), LAYOFFS_ID: N_("Layoffs and discharges")}


def jolts_frame(employers: pd.DataFrame) -> pd.DataFrame:
    frame = employers.loc[employers["series_id"].isin(JOLTS_MEASURES)].copy()
    frame["series"] = frame["series_id"].map(JOLTS_MEASURES).map(gettext)
    frame["date"] = month_date(frame["month"])
    return frame[["series_id", "series", "month", "date", "thousands"]].reset_index(drop=True)


def jolts_chart(employers: pd.DataFrame):

    frame = jolts_frame(employers)
    pick, highlighted = legend_highlight("series")
    return (
        alt.Chart(frame)
        .mark_line(point=alt.OverlayMarkDef(size=16))
        .encode(
            x=alt.X("date:T", title=gettext("Month"), axis=alt.Axis(format="%Y", tickCount=8)),
            y=alt.Y(
                "thousands:Q",
                title=[gettext("Information industry"), gettext("(thousands per month, seasonally adjusted)")],
            ),
            color=alt.Color(
                "series:N",
                title=None,
                # Not PALETTE[3]: that orange is the article's colour everywhere in the book.
                scale=alt.Scale(domain=[gettext(m) for m in JOLTS_MEASURES.values()], range=[PALETTE[0], PALETTE[2]]),
                legend=alt.Legend(columns=1),
            ),
            opacity=highlighted,
            tooltip=[
                alt.Tooltip("month:N", title=gettext("Month")),
                alt.Tooltip("series:N", title=gettext("Series")),
                alt.Tooltip("series_id:N", title=gettext("BLS series")),
                alt.Tooltip("thousands:Q", title=gettext("Thousands"), format=",.0f"),
            ],
        )
        .add_params(pick)
        .properties(width="container", height=300)
    )


def jolts_description(employers: pd.DataFrame) -> str:
    f = jolts_figures(employers)
    frame = jolts_frame(employers)
    recent = (
        gettext(", then {recent} thousand from {span}, more than in any full year after {since}.").format(
            recent=number(f["layoffs_recent"], ".0f"), span=f["recent_span"], since=f["layoffs_recent_higher_since"]
        )
        if f["recent_span"]
        else "."
    )
    return gettext(
        "Line chart of monthly job openings and of layoffs and discharges in the Information industry (JOLTS, "
        "thousands, seasonally adjusted), {first} to {last}. Openings averaged {openings_first} thousand a month in "
        "{first_year}, {openings_peak} thousand in {peak_year} and {openings_last} thousand in {last_year}; layoffs "
        "and discharges averaged {layoffs_first} thousand in {first_year} and {layoffs_last} thousand in "
        "{last_year}{recent}"
    ).format(
        first=month_name(frame["month"].min()),
        last=month_name(frame["month"].max()),
        openings_first=number(f["openings_first"], ".0f"),
        first_year=f["first_year"],
        openings_peak=number(f["openings_peak"], ".0f"),
        peak_year=f["openings_peak_year"],
        openings_last=number(f["openings_last"], ".0f"),
        last_year=f["last_year"],
        layoffs_first=number(f["layoffs_first"], ".0f"),
        layoffs_last=number(f["layoffs_last"], ".0f"),
        recent=recent,
    )


def csd_frame(employers: pd.DataFrame) -> pd.DataFrame:
    frame = csd_series(employers)
    frame["date"] = month_date(frame["month"])
    return frame


def csd_chart(employers: pd.DataFrame):

    frame = csd_frame(employers)
    return (
        alt.Chart(frame)
        .mark_line(color=DATA_COLOUR, point=alt.OverlayMarkDef(size=16, color=DATA_COLOUR))
        .encode(
            x=alt.X("date:T", title=gettext("Month"), axis=alt.Axis(format="%Y", tickCount=8)),
            y=alt.Y(
                "thousands:Q",
                title=gettext("Jobs in computer systems design (thousands, seasonally adjusted)"),
                scale=alt.Scale(zero=False),
            ),
            tooltip=[
                alt.Tooltip("month:N", title=gettext("Month")),
                alt.Tooltip("thousands:Q", title=gettext("Jobs (thousands)"), format=",.1f"),
            ],
        )
        .properties(width="container", height=260)
    )


def csd_description(employers: pd.DataFrame) -> str:
    f = csd_figures(employers)
    return gettext(
        "Line chart of payroll jobs in computer systems design and related services ({series}, thousands, seasonally "
        "adjusted): {first} thousand in {first_month}, a peak of {peak} thousand in {peak_month}, and {last} thousand "
        "in {last_month}, {last_vs_peak} from the peak and {last_vs_first} from the start."
    ).format(
        series=CSD_EMPLOYMENT_ID,
        first=number(f["first"], ",.0f"),
        first_month=f["first_month"],
        peak=number(f["peak"], ",.0f"),
        peak_month=f["peak_month"],
        last=number(f["last"], ",.0f"),
        last_month=f["last_month"],
        last_vs_peak=number(f["last_vs_peak"], "+.1%"),
        last_vs_first=number(f["last_vs_first"], "+.1%"),
    )


SURVEY_ROWS = {
    "replaced_2023": N_("Replaced (reported)"),
    "layoffs_2024_definitely": N_("Definitely (expected)"),
    "layoffs_2024_probably": N_("Probably (expected)"),
}
REPLACED_ROW, LAYOFFS_ROW = N_("Replaced, 2023"), N_("Layoffs, 2024")
SURVEY_LINES = {
    "replaced_2023": REPLACED_ROW,
    "layoffs_2024_definitely": LAYOFFS_ROW,
    "layoffs_2024_probably": LAYOFFS_ROW,
}
ARTICLE_READING = N_("The article's reading")
SURVEY_GREYS = [SECONDARY_COLOUR, "#959595", "#c2c2c2"]


def survey_frame(survey: pd.DataFrame) -> pd.DataFrame:
    """Stacked segments of the secondary figures, and the article's two shares as marks."""
    bars = survey.loc[survey["answer"].isin(SURVEY_ROWS)].copy()
    bars["row"] = bars["answer"].map(SURVEY_LINES).map(gettext)
    bars["segment"] = bars["answer"].map(SURVEY_ROWS).map(gettext)
    bars["order"] = bars["answer"].map(list(SURVEY_ROWS).index)
    bars = bars[["row", "segment", "order", "share", "timing", "quoted_by"]]
    article = pd.DataFrame(
        {
            "row": [gettext(REPLACED_ROW), gettext(LAYOFFS_ROW)],
            # Each starts with the words of ARTICLE_READING, which the chart looks for (is_article).
            "segment": [
                gettext("{reading}: replaced jobs in 2023").format(reading=gettext(ARTICLE_READING)),
                gettext("{reading}: carried out layoffs in 2024").format(reading=gettext(ARTICLE_READING)),
            ],
            "share": [ARTICLE_REPLACED_SHARE, ARTICLE_LAYOFF_SHARE],
            "timing": ["reported", ARTICLE_LAYOFF_TIMING],
            "quoted_by": gettext("the article"),
            "order": len(SURVEY_ROWS),
        }
    )
    return pd.concat([bars, article], ignore_index=True)


def survey_chart(survey: pd.DataFrame):

    frame = survey_frame(survey)
    rows = [gettext(REPLACED_ROW), gettext(LAYOFFS_ROW)]
    segments = [gettext(s) for s in SURVEY_ROWS.values()]
    y = alt.Y("row:N", title=None, sort=rows, axis=alt.Axis(labelLimit=200))
    tooltip = [
        alt.Tooltip("segment:N", title=gettext("Answer")),
        alt.Tooltip("share:Q", title=gettext("Share of respondents"), format=".0%"),
        alt.Tooltip("timing:N", title=gettext("Reported or expected")),
        alt.Tooltip("quoted_by:N", title=gettext("Quoted by")),
    ]
    is_article = alt.expr.indexof(alt.datum.segment, gettext(ARTICLE_READING)) == 0
    bars = (
        alt.Chart(frame)
        .transform_filter(~is_article)
        .mark_bar(height=26, stroke="white")
        .encode(
            x=alt.X(
                "sum(share):Q",
                title=gettext("Share of leaders surveyed (%)"),
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 0.6]),
            ),
            y=y,
            color=alt.Color(
                "segment:N",
                title=gettext("Quoted survey answers"),
                # Secondary figures are grey; each answer its own grey, darkest for what was reported.
                scale=alt.Scale(domain=segments, range=SURVEY_GREYS),
                legend=alt.Legend(columns=1),
            ),
            order=alt.Order("order:Q"),
            tooltip=tooltip,
        )
    )
    article = alt.Chart(frame).transform_filter(is_article)
    marks = article.mark_point(shape="diamond", size=220, filled=True, color=CLAIM_COLOUR, opacity=1).encode(
        x="share:Q", y=y, tooltip=tooltip
    )
    # The label's words are quoted in a Vega expression: their translation has no apostrophe.
    article_label = gettext("Article: ")
    labels = (
        article.mark_text(align="center", dy=-20, color=CLAIM_COLOUR, fontWeight="bold")
        .encode(x="share:Q", y=y, text=alt.Text("label:N"))
        .transform_calculate(label=f"'{article_label}' + format(datum.share, '.0%')")
    )
    return (bars + marks + labels).properties(width="container", height=190)


def survey_description(survey: pd.DataFrame) -> str:
    f = c04_figures(survey)
    return gettext(
        "Horizontal bars of the ResumeBuilder survey as quoted by the press (secondary): {replaced} of {respondents} "
        "business leaders said AI replaced workers in 2023; {definitely} said AI would definitely and {probably} "
        "probably lead to layoffs in 2024, {layoffs} in all. Diamonds mark the article's reading: {article_replaced} "
        "replaced, and {article_layoffs} presented as layoffs already made in 2024."
    ).format(
        replaced=number(f["replaced"], ".0%"),
        respondents=f["respondents"],
        definitely=number(f["definitely"], ".0%"),
        probably=number(f["probably"], ".0%"),
        layoffs=number(f["layoffs"], ".0%"),
        article_replaced=number(ARTICLE_REPLACED_SHARE, ".0%"),
        article_layoffs=number(ARTICLE_LAYOFF_SHARE, ".0%"),
    )
