"""The BLS chapter's charts, the tidy frame each one draws, and their descriptions computed from the data."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...charts import CLAIM_COLOUR, DATA_COLOUR, PALETTE, SECONDARY_COLOUR, legend_highlight
from ...datapackage import DataError
from .article import (
    ARTICLE_DECEMBER,
    ARTICLE_DECEMBER_THOUSANDS,
    ARTICLE_JANUARY,
    ARTICLE_JANUARY_THOUSANDS,
    ARTICLE_LAYOFF_SHARE,
    ARTICLE_LAYOFF_TIMING,
    ARTICLE_REPLACED_SHARE,
)
from .facts import (
    c03_figures,
    c04_figures,
    csd_figures,
    csd_series,
    episode_peaks,
    jolts_figures,
    month_name,
    value_at,
    winter_changes,
)
from .tables import CSD_EMPLOYMENT_ID, LAYOFFS_ID, LEVEL_ID, MEASURES, OPENINGS_ID

CLAIM_SERIES = "The article's figures"
MEASURED_SERIES = f"Measured by BLS ({LEVEL_ID})"


def month_date(month: pd.Series) -> pd.Series:
    """'2025-01' -> '2025-01-01', a date Vega-Lite reads without time-zone surprises."""
    return month.astype(str) + "-01"


def monthly_frame(unemployed: pd.DataFrame) -> pd.DataFrame:
    """The monthly count and the article's two figures, one tidy frame.

    Months without a value are left out of the frame (JSON has no NaN) and ``stretch`` numbers
    the runs of consecutive months, so the line stops at a gap instead of bridging it.
    """
    stretch = unemployed["unemployed_thousands"].isna().cumsum()
    known = unemployed.assign(stretch=stretch).dropna(subset=["unemployed_thousands"])
    measured = pd.DataFrame(
        {
            "month": known["month"].astype(str),
            "date": month_date(known["month"]),
            "series": MEASURED_SERIES,
            "stretch": known["stretch"].astype(int),
            "thousands": known["unemployed_thousands"].astype(float),
        }
    )
    claimed = pd.DataFrame(
        {
            "month": [ARTICLE_DECEMBER, ARTICLE_JANUARY],
            "date": month_date(pd.Series([ARTICLE_DECEMBER, ARTICLE_JANUARY])).to_list(),
            "series": CLAIM_SERIES,
            "stretch": -1,
            "thousands": [float(ARTICLE_DECEMBER_THOUSANDS), float(ARTICLE_JANUARY_THOUSANDS)],
        }
    )
    return pd.concat([measured, claimed], ignore_index=True)


def gap_frame(unemployed: pd.DataFrame) -> pd.DataFrame:
    gaps = unemployed.loc[unemployed["unemployed_thousands"].isna()]
    return pd.DataFrame({"month": gaps["month"].astype(str), "date": month_date(gaps["month"]), "reason": gaps["gap"].astype(str)})


def monthly_chart(unemployed: pd.DataFrame):

    frame = monthly_frame(unemployed)
    base = alt.Chart(frame).encode(
        x=alt.X("date:T", title="Month", axis=alt.Axis(format="%Y", tickCount=8)),
        y=alt.Y("thousands:Q", title="Unemployed, last job in Information (thousands, not seasonally adjusted)"),
        color=alt.Color(
            "series:N", title=None, scale=alt.Scale(domain=[MEASURED_SERIES, CLAIM_SERIES], range=[DATA_COLOUR, CLAIM_COLOUR])
        ),
        tooltip=[
            alt.Tooltip("month:N", title="Month"),
            alt.Tooltip("series:N", title="Series"),
            alt.Tooltip("thousands:Q", title="Thousands", format=",.0f"),
        ],
    )
    measured = alt.datum.series == MEASURED_SERIES
    line = base.transform_filter(measured).mark_line(point=alt.OverlayMarkDef(size=20)).encode(detail="stretch:N")
    claims = base.transform_filter(~measured).mark_point(shape="diamond", size=170, filled=True, opacity=1)
    # The month the survey was not run: a dashed rule so the hole in the line is explained.
    gaps = alt.Chart(gap_frame(unemployed))
    gap = gaps.mark_rule(strokeDash=[4, 3], color=SECONDARY_COLOUR).encode(
        x="date:T", tooltip=[alt.Tooltip("month:N", title="Month"), alt.Tooltip("reason:N", title="No value")]
    )
    gap_label = gaps.mark_text(align="right", dx=-4, dy=-6, color=SECONDARY_COLOUR, text="not collected").encode(
        x="date:T", y=alt.value(8)
    )
    return (line + claims + gap + gap_label).properties(width="container", height=320)


def monthly_description(unemployed: pd.DataFrame, rate: pd.DataFrame) -> str:
    f = c03_figures(unemployed, rate)
    known = unemployed.dropna(subset=["unemployed_thousands"])
    peak = known.loc[known["unemployed_thousands"].idxmax()]
    gaps = unemployed.loc[unemployed["unemployed_thousands"].isna(), "month"].map(month_name).to_list()
    return (
        f"Line chart of the monthly number of unemployed whose last job was in the Information industry, "
        f"{month_name(known['month'].iloc[0])} to {month_name(known['month'].iloc[-1])}, in thousands, not "
        f"seasonally adjusted. It swings every year, peaks at {peak['unemployed_thousands']:.0f} thousand in "
        f"{month_name(peak['month'])}, and went from {f['december']:.0f} to {f['january']:.0f} thousand between "
        f"December {ARTICLE_DECEMBER[:4]} and January {ARTICLE_JANUARY[:4]}, the article's figures, drawn as "
        f"diamonds. No value for {', '.join(gaps) or 'no month'}: the survey was not run."
    )


ARTICLE_WINTER = "The winter the article cites"
OTHER_WINTER = "Other winters"


def winter_frame(unemployed: pd.DataFrame) -> pd.DataFrame:
    changes = winter_changes(unemployed, "unemployed_thousands")
    article_year = int(ARTICLE_DECEMBER[:4])
    changes["which"] = changes["december_year"].map(lambda y: ARTICLE_WINTER if y == article_year else OTHER_WINTER)
    return changes


def winter_chart(unemployed: pd.DataFrame):

    frame = winter_frame(unemployed)
    base = alt.Chart(frame).encode(
        x=alt.X("short:N", title="Winter (December to January)", sort=frame["short"].to_list(), axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("change:Q", title="Change, December to January (thousands, not seasonally adjusted)"),
        tooltip=[
            alt.Tooltip("winter:N", title="Winter"),
            alt.Tooltip("december:Q", title="December (thousands)", format=",.0f"),
            alt.Tooltip("january:Q", title="January (thousands)", format=",.0f"),
            alt.Tooltip("change:Q", title="Change (thousands)", format="+,.0f"),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "which:N",
            title=None,
            scale=alt.Scale(domain=[ARTICLE_WINTER, OTHER_WINTER], range=[CLAIM_COLOUR, DATA_COLOUR]),
            legend=alt.Legend(columns=1),
        )
    )
    labels = base.mark_text(dy=-8).encode(text=alt.Text("change:Q", format="+,.0f"))
    return (bars + labels).properties(width="container", height=280)


def winter_description(unemployed: pd.DataFrame, rate: pd.DataFrame) -> str:
    f = c03_figures(unemployed, rate)
    frame = winter_frame(unemployed)
    parts = ", ".join(f"{w}: {c:+.0f}" for w, c in zip(frame["winter"], frame["change"]))
    return (
        f"Bar chart of the change in the unemployed count of the Information industry from December to January, "
        f"in thousands, not seasonally adjusted, for each of {f['n_winters']} winters ({parts}). The count rose "
        f"in {f['n_rises']} of them; the largest rise was {f['largest_year']}-{f['largest_year'] + 1}, "
        f"{f['largest_change']:+.0f} thousand, larger than the {f['change']:+.0f} thousand the article cites."
    )


MONTHLY_SERIES, MEAN_SERIES = "Monthly", "Calendar-year average"


def long_rate_frame(rate: pd.DataFrame) -> pd.DataFrame:
    """Monthly rate and, drawn at mid-year, the average of each complete calendar year, long form."""
    monthly = pd.DataFrame({"date": month_date(rate["month"]), "series": MONTHLY_SERIES, "rate_percent": rate["rate_percent"].astype(float)})
    years = rate["month"].astype(str).str[:4]
    counts = years.value_counts()
    complete = rate.loc[years.isin(counts.index[counts == 12])]
    yearly = complete.groupby(complete["month"].astype(str).str[:4])["rate_percent"].mean().round(2)
    averages = pd.DataFrame({"date": [f"{y}-07-01" for y in yearly.index], "series": MEAN_SERIES, "rate_percent": yearly.to_numpy()})
    return pd.concat([monthly, averages], ignore_index=True)


def long_rate_chart(rate: pd.DataFrame):

    frame = long_rate_frame(rate)
    peaks = episode_peaks(rate).assign(date=lambda p: month_date(p["month"]))
    series = [MONTHLY_SERIES, MEAN_SERIES]
    colour = alt.Color("series:N", title=None, scale=alt.Scale(domain=series, range=[PALETTE[5], PALETTE[0]]))
    long = alt.Chart(frame)
    nearest = alt.selection_point(nearest=True, on="pointerover", fields=["date"], empty=False)
    x = alt.X("date:T", title="Month", axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 4}))
    y = alt.Y("rate_percent:Q", title="Unemployment rate, Information industry (%, not seasonally adjusted)")
    lines = long.mark_line().encode(
        x=x,
        y=y,
        color=colour,
        strokeWidth=alt.condition(alt.datum.series == MONTHLY_SERIES, alt.value(1.2), alt.value(2.8)),
    )
    points = (
        long.mark_point(filled=True, size=40)
        .encode(
            x="date:T",
            y="rate_percent:Q",
            color=alt.Color("series:N", scale=alt.Scale(domain=series, range=[PALETTE[5], PALETTE[0]]), legend=None),
            opacity=alt.condition(nearest, alt.value(1), alt.value(0)),
            tooltip=[
                alt.Tooltip("date:T", title="Month (mid-year for averages)", format="%B %Y"),
                alt.Tooltip("series:N", title="Series"),
                alt.Tooltip("rate_percent:Q", title="Rate (%)", format=".1f"),
            ],
        )
        .add_params(nearest)
    )
    peak_labels = (
        alt.Chart(peaks)
        .transform_calculate(label=alt.expr.format(alt.datum.rate_percent, ".1f") + "%")
        .mark_text(align="center", dy=-10, fontWeight="bold")
        .encode(
            x="date:T",
            y="rate_percent:Q",
            text=alt.Text("label:N"),
            tooltip=[alt.Tooltip("episode:N", title="Peak of"), alt.Tooltip("month:N", title="Month"), alt.Tooltip("label:N", title="Rate")],
        )
    )
    return (lines + points + peak_labels).properties(width="container", height=320)


def long_rate_description(rate: pd.DataFrame) -> str:
    peaks = episode_peaks(rate)
    last = rate.iloc[-1]
    last_year = str(last["month"])[:4]
    year_mean = rate.loc[rate["month"].str.startswith(last_year), "rate_percent"].mean()
    named = "; ".join(f"{e} peak {r:.1f}% in {month_name(m)}" for e, m, r in peaks.itertuples(index=False))
    return (
        f"Line chart of the monthly unemployment rate of the Information industry, not seasonally adjusted, from "
        f"{month_name(rate['month'].iloc[0])} to {month_name(last['month'])}, with calendar-year averages. {named}. "
        f"In {last_year} the rate averaged {year_mean:.1f}%, well below those peaks."
    )


# What "tech" means: one series per measure; secondary figures get their own grey series.
SERIES_NAMES = {
    ("information_industry", "primary"): "Information industry (BLS)",
    ("information_industry", "secondary"): "Information industry (press, secondary)",
    ("computer_math_occupations", "primary"): "Computer & math occupations (BLS)",
    ("all_workers", "primary"): "All workers (BLS)",
    ("comptia_it_occupations", "secondary"): "IT occupations, CompTIA (secondary)",
}


def definitions_frame(measures: pd.DataFrame) -> pd.DataFrame:
    """One series per measure and status, so that secondary figures can be drawn in grey."""
    frame = measures.copy()
    keys = list(zip(frame["measure"], frame["status"]))
    unknown = sorted(set(keys) - set(SERIES_NAMES))
    if unknown:
        raise DataError(f"{MEASURES.name}: no chart series for {unknown}")
    frame["series"] = [SERIES_NAMES[k] for k in keys]
    frame["date"] = month_date(frame["month"])
    frame["unemployed"] = frame["unemployed_thousands"].map(lambda v: "not given" if pd.isna(v) else f"{v:,.0f} thousand")
    return frame[["measure", "series", "status", "month", "date", "rate_percent", "unemployed", "label", "publisher"]]


def definitions_chart(measures: pd.DataFrame):

    frame = definitions_frame(measures)
    primary = [s for s in frame.loc[frame["status"] == "primary", "series"].drop_duplicates()]
    secondary = [s for s in frame.loc[frame["status"] != "primary", "series"].drop_duplicates()]
    order = {"information_industry": 0, "computer_math_occupations": 2, "all_workers": 7}
    colours = [PALETTE[order[frame.loc[frame["series"] == s, "measure"].iloc[0]]] for s in primary]
    shapes = ["circle"] * len(primary) + ["triangle-up", "square", "diamond"][: len(secondary)]
    return (
        alt.Chart(frame)
        .mark_point(filled=True, size=140, opacity=0.9)
        .encode(
            x=alt.X("date:T", title="Month", axis=alt.Axis(format="%b %Y", tickCount={"interval": "month", "step": 6}, labelOverlap="greedy")),
            y=alt.Y("rate_percent:Q", title="Unemployment rate (%, not seasonally adjusted for BLS)", scale=alt.Scale(zero=True)),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=primary + secondary, range=colours + [SECONDARY_COLOUR] * len(secondary)),
                legend=alt.Legend(columns=1),
            ),
            shape=alt.Shape("series:N", scale=alt.Scale(domain=primary + secondary, range=shapes), legend=None),
            tooltip=[
                alt.Tooltip("label:N", title="Measure"),
                alt.Tooltip("status:N", title="Status"),
                alt.Tooltip("month:N", title="Month"),
                alt.Tooltip("rate_percent:Q", title="Rate (%)", format=".1f"),
                alt.Tooltip("unemployed:N", title="Unemployed"),
                alt.Tooltip("publisher:N", title="Published by"),
            ],
        )
        .properties(width="container", height=320)
    )


def definitions_description(measures: pd.DataFrame) -> str:
    def rate(measure: str, month: str) -> float:
        return value_at(measures.loc[measures["measure"] == measure], "rate_percent", month)

    cm = measures.loc[measures["measure"] == "computer_math_occupations"]
    return (
        f"Scatter of unemployment rates, in percent, under four meanings of 'tech' at the months the stored "
        f"material gives them. Information industry: {rate('information_industry', ARTICLE_DECEMBER):.1f}% in "
        f"{month_name(ARTICLE_DECEMBER)} and {rate('information_industry', ARTICLE_JANUARY):.1f}% in "
        f"{month_name(ARTICLE_JANUARY)} (the latter quoted by the press). CompTIA's IT occupations: "
        f"{rate('comptia_it_occupations', ARTICLE_DECEMBER):.1f}% and {rate('comptia_it_occupations', ARTICLE_JANUARY):.1f}% "
        f"in the same months (secondary). Computer and mathematical occupations (BLS table A-30): between "
        f"{cm['rate_percent'].min():.1f}% and {cm['rate_percent'].max():.1f}% in the months shown. All workers "
        f"sit between {measures.loc[measures['measure'] == 'all_workers', 'rate_percent'].min():.1f}% and "
        f"{measures.loc[measures['measure'] == 'all_workers', 'rate_percent'].max():.1f}%."
    )


JOLTS_MEASURES = {OPENINGS_ID: "Job openings", LAYOFFS_ID: "Layoffs and discharges"}


def jolts_frame(employers: pd.DataFrame) -> pd.DataFrame:
    frame = employers.loc[employers["series_id"].isin(JOLTS_MEASURES)].copy()
    frame["series"] = frame["series_id"].map(JOLTS_MEASURES)
    frame["date"] = month_date(frame["month"])
    return frame[["series_id", "series", "month", "date", "thousands"]].reset_index(drop=True)


def jolts_chart(employers: pd.DataFrame):

    frame = jolts_frame(employers)
    pick, highlighted = legend_highlight("series")
    return (
        alt.Chart(frame)
        .mark_line(point=alt.OverlayMarkDef(size=16))
        .encode(
            x=alt.X("date:T", title="Month", axis=alt.Axis(format="%Y", tickCount=8)),
            y=alt.Y("thousands:Q", title="Information industry (thousands per month, seasonally adjusted)"),
            color=alt.Color(
                "series:N",
                title="Click to highlight",
                # Not PALETTE[3]: that orange is the article's colour everywhere in the book.
                scale=alt.Scale(domain=list(JOLTS_MEASURES.values()), range=[PALETTE[0], PALETTE[2]]),
            ),
            opacity=highlighted,
            tooltip=[
                alt.Tooltip("month:N", title="Month"),
                alt.Tooltip("series:N", title="Series"),
                alt.Tooltip("series_id:N", title="BLS series"),
                alt.Tooltip("thousands:Q", title="Thousands", format=",.0f"),
            ],
        )
        .add_params(pick)
        .properties(width="container", height=300)
    )


def jolts_description(employers: pd.DataFrame) -> str:
    f = jolts_figures(employers)
    frame = jolts_frame(employers)
    return (
        f"Line chart of monthly job openings and of layoffs and discharges in the Information industry "
        f"(JOLTS, thousands, seasonally adjusted), {month_name(frame['month'].min())} to "
        f"{month_name(frame['month'].max())}. Openings averaged {f['openings_first']:.0f} thousand a month in "
        f"{f['first_year']}, {f['openings_peak']:.0f} thousand in {f['openings_peak_year']} and "
        f"{f['openings_last']:.0f} thousand in {f['last_year']}; layoffs and discharges averaged "
        f"{f['layoffs_first']:.0f} thousand in {f['first_year']} and {f['layoffs_last']:.0f} thousand in {f['last_year']}"
        + (
            f", then {f['layoffs_recent']:.0f} thousand from {f['recent_span']}, more than in any full year after "
            f"{f['layoffs_recent_higher_since']}."
            if f["recent_span"]
            else "."
        )
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
            x=alt.X("date:T", title="Month", axis=alt.Axis(format="%Y", tickCount=8)),
            y=alt.Y(
                "thousands:Q",
                title="Jobs in computer systems design (thousands, seasonally adjusted)",
                scale=alt.Scale(zero=False),
            ),
            tooltip=[alt.Tooltip("month:N", title="Month"), alt.Tooltip("thousands:Q", title="Jobs (thousands)", format=",.1f")],
        )
        .properties(width="container", height=260)
    )


def csd_description(employers: pd.DataFrame) -> str:
    f = csd_figures(employers)
    return (
        f"Line chart of payroll jobs in computer systems design and related services ({CSD_EMPLOYMENT_ID}, thousands, "
        f"seasonally adjusted): {f['first']:,.0f} thousand in {f['first_month']}, a peak of {f['peak']:,.0f} thousand "
        f"in {f['peak_month']}, and {f['last']:,.0f} thousand in {f['last_month']}, {f['last_vs_peak']:+.1%} from the "
        f"peak and {f['last_vs_first']:+.1%} from the start."
    )


SURVEY_ROWS = {
    "replaced_2023": "Replaced (reported)",
    "layoffs_2024_definitely": "Definitely (expected)",
    "layoffs_2024_probably": "Probably (expected)",
}
SURVEY_LINES = {
    "replaced_2023": "Replaced, 2023",
    "layoffs_2024_definitely": "Layoffs, 2024",
    "layoffs_2024_probably": "Layoffs, 2024",
}
ARTICLE_READING = "The article's reading"


def survey_frame(survey: pd.DataFrame) -> pd.DataFrame:
    """Stacked segments of the secondary figures, and the article's two shares as marks."""
    bars = survey.loc[survey["answer"].isin(SURVEY_ROWS)].copy()
    bars["row"] = bars["answer"].map(SURVEY_LINES)
    bars["segment"] = bars["answer"].map(SURVEY_ROWS)
    bars = bars[["row", "segment", "share", "timing", "quoted_by"]]
    article = pd.DataFrame(
        {
            "row": ["Replaced, 2023", "Layoffs, 2024"],
            "segment": [
                f"{ARTICLE_READING}: replaced jobs in 2023",
                f"{ARTICLE_READING}: carried out layoffs in 2024",
            ],
            "share": [ARTICLE_REPLACED_SHARE, ARTICLE_LAYOFF_SHARE],
            "timing": ["reported", ARTICLE_LAYOFF_TIMING],
            "quoted_by": "the article",
        }
    )
    return pd.concat([bars, article], ignore_index=True)


def survey_chart(survey: pd.DataFrame):

    frame = survey_frame(survey)
    rows = ["Replaced, 2023", "Layoffs, 2024"]
    segments = list(SURVEY_ROWS.values())
    y = alt.Y("row:N", title=None, sort=rows, axis=alt.Axis(labelLimit=200))
    tooltip = [
        alt.Tooltip("segment:N", title="Answer"),
        alt.Tooltip("share:Q", title="Share of respondents", format=".0%"),
        alt.Tooltip("timing:N", title="Reported or expected"),
        alt.Tooltip("quoted_by:N", title="Quoted by"),
    ]
    is_article = alt.expr.indexof(alt.datum.segment, ARTICLE_READING) == 0
    bars = (
        alt.Chart(frame)
        .transform_filter(~is_article)
        .mark_bar(height=26, stroke="white")
        .encode(
            x=alt.X("sum(share):Q", title="Share of leaders surveyed (%)", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 0.6])),
            y=y,
            color=alt.Color(
                "segment:N",
                title="Quoted survey answers",
                scale=alt.Scale(domain=segments, range=[SECONDARY_COLOUR, SECONDARY_COLOUR, "#b0b0b0"]),
                legend=alt.Legend(columns=1),
            ),
            order=alt.Order("segment:N"),
            tooltip=tooltip,
        )
    )
    article = alt.Chart(frame).transform_filter(is_article)
    marks = article.mark_point(shape="diamond", size=220, filled=True, color=CLAIM_COLOUR, opacity=1).encode(
        x="share:Q", y=y, tooltip=tooltip
    )
    labels = article.mark_text(align="center", dy=-20, color=CLAIM_COLOUR, fontWeight="bold").encode(
        x="share:Q", y=y, text=alt.Text("label:N")
    ).transform_calculate(label="'Article: ' + format(datum.share, '.0%')")
    return (bars + marks + labels).properties(width="container", height=190)


def survey_description(survey: pd.DataFrame) -> str:
    f = c04_figures(survey)
    return (
        f"Horizontal bars of the ResumeBuilder survey as quoted by the press (secondary): {f['replaced']:.0%} of "
        f"{f['respondents']} business leaders said AI replaced workers in 2023; {f['definitely']:.0%} said AI would "
        f"definitely and {f['probably']:.0%} probably lead to layoffs in 2024, {f['layoffs']:.0%} in all. Diamonds "
        f"mark the article's reading: {ARTICLE_REPLACED_SHARE:.0%} replaced, and {ARTICLE_LAYOFF_SHARE:.0%} presented "
        "as layoffs already made in 2024."
    )
