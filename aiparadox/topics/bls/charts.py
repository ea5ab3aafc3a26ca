"""The BLS chapter's charts, the tidy frame each one draws, and their descriptions computed from the data.

The words a chart shows are marked ``N_`` where they are defined and translated with ``gettext`` when
the chart is drawn, in the edition's language; a label that is also a value of the chart's data is
translated in the frame and in the scale alike. (Values the tables themselves hold, such as a
measure's label or its publisher, are shown as the tables hold them.)
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...charts import CLAIM_COLOUR, DATA_COLOUR, PALETTE, SECONDARY_COLOUR
from ...datapackage import DataError
from ...i18n import N_, gettext, number
from .article import (
    ARTICLE_DECEMBER,
    ARTICLE_DECEMBER_THOUSANDS,
    ARTICLE_JANUARY,
    ARTICLE_JANUARY_THOUSANDS,
)
from .facts import (
    c03_figures,
    episode_peaks,
    month_name,
    value_at,
    winter_changes,
)
from .raw import LEVEL_ID
from .tables import MEASURES

CLAIM_SERIES = N_("The article's figures")
MEASURED_SERIES = N_("Measured by BLS ({series})")
# The source lines and notes the chapter gives its figures that are plain text (book.figure
# translates them with the catalogue, which holds them because they are marked here).
FIGURE_SOURCES = (
    N_(
        "BLS tables A-14 and A-30 (not seasonally adjusted); CompTIA via CIO Dive and Janco via The Register "
        "(secondary)"
    ),
    N_("Grey marks are figures quoted by the press (secondary), not read in a BLS table."),
    N_("ResumeBuilder survey as quoted by CNBC and The Christian Post (secondary); the article"),
    N_("Grey bars are survey figures known only through the press; the original report was not found."),
)


def measured_series() -> str:
    return gettext(MEASURED_SERIES).format(series=LEVEL_ID)


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
            "series": measured_series(),
            "stretch": known["stretch"].astype(int),
            "thousands": known["unemployed_thousands"].astype(float),
        }
    )
    claimed = pd.DataFrame(
        {
            "month": [ARTICLE_DECEMBER, ARTICLE_JANUARY],
            "date": month_date(pd.Series([ARTICLE_DECEMBER, ARTICLE_JANUARY])).to_list(),
            "series": gettext(CLAIM_SERIES),
            "stretch": -1,
            "thousands": [float(ARTICLE_DECEMBER_THOUSANDS), float(ARTICLE_JANUARY_THOUSANDS)],
        }
    )
    return pd.concat([measured, claimed], ignore_index=True)


def gap_frame(unemployed: pd.DataFrame) -> pd.DataFrame:
    gaps = unemployed.loc[unemployed["unemployed_thousands"].isna()]
    return pd.DataFrame(
        {"month": gaps["month"].astype(str), "date": month_date(gaps["month"]), "reason": gaps["gap"].astype(str)}
    )


def monthly_chart(unemployed: pd.DataFrame):

    frame = monthly_frame(unemployed)
    base = alt.Chart(frame).encode(
        x=alt.X("date:T", title=gettext("Month"), axis=alt.Axis(format="%Y", tickCount=8)),
        y=alt.Y(
            "thousands:Q",
            title=[gettext("Unemployed, last job in Information"), gettext("(thousands, not seasonally adjusted)")],
        ),
        color=alt.Color(
            "series:N",
            title=None,
            scale=alt.Scale(domain=[measured_series(), gettext(CLAIM_SERIES)], range=[DATA_COLOUR, CLAIM_COLOUR]),
            # One entry a line: side by side they are wider than a chart on a phone.
            legend=alt.Legend(columns=1),
        ),
        tooltip=[
            alt.Tooltip("month:N", title=gettext("Month")),
            alt.Tooltip("series:N", title=gettext("Series")),
            alt.Tooltip("thousands:Q", title=gettext("Thousands"), format=",.0f"),
        ],
    )
    measured = alt.datum.series == measured_series()
    line = base.transform_filter(measured).mark_line(point=alt.OverlayMarkDef(size=20)).encode(detail="stretch:N")
    claims = base.transform_filter(~measured).mark_point(shape="diamond", size=170, filled=True, opacity=1)
    # The month the survey was not run: a dashed rule so the hole in the line is explained.
    gaps = alt.Chart(gap_frame(unemployed))
    gap = gaps.mark_rule(strokeDash=[4, 3], color=SECONDARY_COLOUR).encode(
        x="date:T",
        tooltip=[alt.Tooltip("month:N", title=gettext("Month")), alt.Tooltip("reason:N", title=gettext("No value"))],
    )
    gap_label = gaps.mark_text(
        align="right", dx=-4, dy=-6, color=SECONDARY_COLOUR, text=gettext("not collected")
    ).encode(x="date:T", y=alt.value(8))
    return (line + claims + gap + gap_label).properties(width="container", height=320)


def monthly_description(unemployed: pd.DataFrame, rate: pd.DataFrame) -> str:
    f = c03_figures(unemployed, rate)
    known = unemployed.dropna(subset=["unemployed_thousands"])
    peak = known.loc[known["unemployed_thousands"].idxmax()]
    gaps = unemployed.loc[unemployed["unemployed_thousands"].isna(), "month"].map(month_name).to_list()
    return gettext(
        "Line chart of the monthly number of unemployed whose last job was in the Information industry, {first} to "
        "{last}, in thousands, not seasonally adjusted. It swings every year, peaks at {peak} thousand in "
        "{peak_month}, and went from {december} to {january} thousand between {december_month} and {january_month}, "
        "the article's figures, drawn as diamonds. No value for {gaps}: the survey was not run."
    ).format(
        first=month_name(known["month"].iloc[0]),
        last=month_name(known["month"].iloc[-1]),
        peak=number(peak["unemployed_thousands"], ".0f"),
        peak_month=month_name(peak["month"]),
        december=number(f["december"], ".0f"),
        january=number(f["january"], ".0f"),
        december_month=month_name(ARTICLE_DECEMBER),
        january_month=month_name(ARTICLE_JANUARY),
        gaps=", ".join(gaps) or gettext("no month"),
    )


ARTICLE_WINTER = N_("The winter the article cites")
OTHER_WINTER = N_("Other winters")


def winter_frame(unemployed: pd.DataFrame) -> pd.DataFrame:
    changes = winter_changes(unemployed, "unemployed_thousands")
    article_year = int(ARTICLE_DECEMBER[:4])
    changes["which"] = changes["december_year"].map(
        lambda y: gettext(ARTICLE_WINTER if y == article_year else OTHER_WINTER)
    )
    return changes


def winter_chart(unemployed: pd.DataFrame):

    frame = winter_frame(unemployed)
    base = alt.Chart(frame).encode(
        x=alt.X(
            "short:N",
            title=gettext("Winter (December to January)"),
            sort=frame["short"].to_list(),
            axis=alt.Axis(labelAngle=-40),
        ),
        y=alt.Y(
            "change:Q", title=[gettext("Change, December to January"), gettext("(thousands, not seasonally adjusted)")]
        ),
        tooltip=[
            alt.Tooltip("winter:N", title=gettext("Winter")),
            alt.Tooltip("december:Q", title=gettext("December (thousands)"), format=",.0f"),
            alt.Tooltip("january:Q", title=gettext("January (thousands)"), format=",.0f"),
            alt.Tooltip("change:Q", title=gettext("Change (thousands)"), format="+,.0f"),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "which:N",
            title=None,
            scale=alt.Scale(domain=[gettext(ARTICLE_WINTER), gettext(OTHER_WINTER)], range=[CLAIM_COLOUR, DATA_COLOUR]),
            legend=alt.Legend(columns=1),
        )
    )
    labels = base.mark_text(dy=-8).encode(text=alt.Text("change:Q", format="+,.0f"))
    return (bars + labels).properties(width="container", height=280)


def winter_description(unemployed: pd.DataFrame, rate: pd.DataFrame) -> str:
    f = c03_figures(unemployed, rate)
    frame = winter_frame(unemployed)
    winter = gettext("{winter}: {change}")
    parts = ", ".join(
        winter.format(winter=w, change=number(c, "+.0f")) for w, c in zip(frame["winter"], frame["change"], strict=True)
    )
    return gettext(
        "Bar chart of the change in the unemployed count of the Information industry from December to January, in "
        "thousands, not seasonally adjusted, for each of {n_winters} winters ({parts}). The count rose in {n_rises} "
        "of them; the largest rise was {largest_winter}, {largest_change} thousand, larger than the {change} "
        "thousand the article cites."
    ).format(
        n_winters=f["n_winters"],
        parts=parts,
        n_rises=f["n_rises"],
        largest_winter=f"{f['largest_year']}-{f['largest_year'] + 1}",
        largest_change=number(f["largest_change"], "+.0f"),
        change=number(f["change"], "+.0f"),
    )


MONTHLY_SERIES, MEAN_SERIES = N_("Monthly"), N_("Calendar-year average")


def long_rate_frame(rate: pd.DataFrame) -> pd.DataFrame:
    """Monthly rate and, drawn at mid-year, the average of each complete calendar year, long form."""
    monthly = pd.DataFrame(
        {
            "date": month_date(rate["month"]),
            "series": gettext(MONTHLY_SERIES),
            "rate_percent": rate["rate_percent"].astype(float),
        }
    )
    years = rate["month"].astype(str).str[:4]
    counts = years.value_counts()
    complete = rate.loc[years.isin(counts.index[counts == 12])]
    yearly = complete.groupby(complete["month"].astype(str).str[:4])["rate_percent"].mean().round(2)
    averages = pd.DataFrame(
        {
            "date": [f"{y}-07-01" for y in yearly.index],
            "series": gettext(MEAN_SERIES),
            "rate_percent": yearly.to_numpy(),
        }
    )
    return pd.concat([monthly, averages], ignore_index=True)


def long_rate_chart(rate: pd.DataFrame):

    frame = long_rate_frame(rate)
    peaks = episode_peaks(rate).assign(
        date=lambda p: month_date(p["month"]), episode=lambda p: p["episode"].map(gettext)
    )
    series = [gettext(MONTHLY_SERIES), gettext(MEAN_SERIES)]
    # One colour encoding for both layers: a layer without the legend would take it from the other.
    colour = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=series, range=[PALETTE[5], PALETTE[0]]),
        legend=alt.Legend(columns=1),
    )
    long = alt.Chart(frame)
    nearest = alt.selection_point(nearest=True, on="pointerover", fields=["date"], empty=False)
    x = alt.X("date:T", title=gettext("Month"), axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 4}))
    y = alt.Y(
        "rate_percent:Q",
        title=[gettext("Unemployment rate, Information industry"), gettext("(%, not seasonally adjusted)")],
    )
    lines = long.mark_line().encode(
        x=x,
        y=y,
        color=colour,
        strokeWidth=alt.condition(alt.datum.series == gettext(MONTHLY_SERIES), alt.value(1.2), alt.value(2.8)),
    )
    points = (
        long.mark_point(filled=True, size=40)
        .encode(
            x="date:T",
            y="rate_percent:Q",
            color=colour,
            opacity=alt.condition(nearest, alt.value(1), alt.value(0)),
            tooltip=[
                alt.Tooltip("date:T", title=gettext("Month (mid-year for averages)"), format="%B %Y"),
                # format="" takes Vega-Lite's formatted path, which reads the nearest point's own
                # datum; without it the tooltip of a nearest-point selection says "undefined".
                alt.Tooltip("series:N", title=gettext("Series"), format=""),
                alt.Tooltip("rate_percent:Q", title=gettext("Rate (%)"), format=".1f"),
            ],
        )
        .add_params(nearest)
    )
    # What follows the number in "8.6%" ("8,6 %" in French): the message's, spaced as its language spaces it.
    per_cent = gettext("{rate}%").split("{rate}")[-1]
    peak_labels = (
        alt.Chart(peaks)
        .transform_calculate(label=alt.expr.format(alt.datum.rate_percent, ".1f") + per_cent)
        .mark_text(align="center", dy=-10, fontWeight="bold")
        .encode(
            x="date:T",
            y="rate_percent:Q",
            text=alt.Text("label:N"),
            tooltip=[
                alt.Tooltip("episode:N", title=gettext("Peak of")),
                alt.Tooltip("month:N", title=gettext("Month")),
                alt.Tooltip("label:N", title=gettext("Rate")),
            ],
        )
    )
    return (lines + points + peak_labels).properties(width="container", height=320)


def long_rate_description(rate: pd.DataFrame) -> str:
    peaks = episode_peaks(rate)
    last = rate.iloc[-1]
    last_year = str(last["month"])[:4]
    year_mean = rate.loc[rate["month"].str.startswith(last_year), "rate_percent"].mean()
    # The rates are in percent: each message writes its per cent sign as its language spaces it.
    peak = gettext("{episode} peak {rate}% in {month}")
    named = gettext("; ").join(  # a list of clauses: French spaces its semicolons
        peak.format(episode=gettext(e), rate=number(r, ".1f"), month=month_name(m))
        for e, m, r in peaks.itertuples(index=False)
    )
    return gettext(
        "Line chart of the monthly unemployment rate of the Information industry, not seasonally adjusted, from "
        "{first} to {last}, with calendar-year averages. {named}. In {last_year} the rate averaged {mean}%, well "
        "below those peaks."
    ).format(
        first=month_name(rate["month"].iloc[0]),
        last=month_name(last["month"]),
        named=named,
        last_year=last_year,
        mean=number(year_mean, ".1f"),
    )


# What "tech" means: one series per measure; secondary figures get their own grey series.
SERIES_NAMES = {
    ("information_industry", "primary"): N_("Information industry (BLS)"),
    ("information_industry", "secondary"): N_("Information industry (press, secondary)"),
    ("computer_math_occupations", "primary"): N_("Computer & math occupations (BLS)"),
    ("all_workers", "primary"): N_("All workers (BLS)"),
    ("comptia_it_occupations", "secondary"): N_("IT occupations, CompTIA (secondary)"),
}


def definitions_frame(measures: pd.DataFrame) -> pd.DataFrame:
    """One series per measure and status, so that secondary figures can be drawn in grey."""
    frame = measures.copy()
    keys = list(zip(frame["measure"], frame["status"], strict=True))
    unknown = sorted(set(keys) - set(SERIES_NAMES))
    if unknown:
        raise DataError(f"{MEASURES.name}: no chart series for {unknown}")
    frame["series"] = [gettext(SERIES_NAMES[k]) for k in keys]
    frame["date"] = month_date(frame["month"])
    thousand = gettext("{n} thousand")
    frame["unemployed"] = frame["unemployed_thousands"].map(
        lambda v: gettext("not given") if pd.isna(v) else thousand.format(n=number(v, ",.0f"))
    )
    return frame[["measure", "series", "status", "month", "date", "rate_percent", "unemployed", "label", "publisher"]]


def definitions_chart(measures: pd.DataFrame):

    frame = definitions_frame(measures)
    primary = list(frame.loc[frame["status"] == "primary", "series"].drop_duplicates())
    secondary = list(frame.loc[frame["status"] != "primary", "series"].drop_duplicates())
    palette_index = {"information_industry": 0, "computer_math_occupations": 2, "all_workers": 4}
    colours = [PALETTE[palette_index[frame.loc[frame["series"] == s, "measure"].iloc[0]]] for s in primary]
    shapes = ["circle"] * len(primary) + ["triangle-up", "square", "diamond"][: len(secondary)]
    return (
        alt.Chart(frame)
        .mark_point(filled=True, size=140, opacity=0.9)
        .encode(
            x=alt.X(
                "date:T",
                title=gettext("Month"),
                axis=alt.Axis(format="%b %Y", tickCount={"interval": "month", "step": 6}, labelOverlap="greedy"),
            ),
            y=alt.Y(
                "rate_percent:Q",
                title=[gettext("Unemployment rate"), gettext("(%, not seasonally adjusted for BLS)")],
                scale=alt.Scale(zero=True),
            ),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=primary + secondary, range=colours + [SECONDARY_COLOUR] * len(secondary)),
                legend=alt.Legend(columns=1),
            ),
            # The same legend as the colour: each entry shows its colour and its shape.
            shape=alt.Shape(
                "series:N", scale=alt.Scale(domain=primary + secondary, range=shapes), legend=alt.Legend(columns=1)
            ),
            tooltip=[
                alt.Tooltip("label:N", title=gettext("Measure")),
                alt.Tooltip("status:N", title=gettext("Status")),
                alt.Tooltip("month:N", title=gettext("Month")),
                alt.Tooltip("rate_percent:Q", title=gettext("Rate (%)"), format=".1f"),
                alt.Tooltip("unemployed:N", title=gettext("Unemployed")),
                alt.Tooltip("publisher:N", title=gettext("Published by")),
            ],
        )
        .properties(width="container", height=320)
    )


def definitions_description(measures: pd.DataFrame) -> str:
    def rate(measure: str, month: str) -> float:
        return value_at(measures.loc[measures["measure"] == measure], "rate_percent", month)

    cm = measures.loc[measures["measure"] == "computer_math_occupations", "rate_percent"]
    everyone = measures.loc[measures["measure"] == "all_workers", "rate_percent"]
    # The rates are in percent: the message writes the per cent signs as its language spaces them.
    return gettext(
        "Scatter of unemployment rates, in percent, under four meanings of 'tech' at the months the stored material "
        "gives them. Information industry: {info_december}% in {december} and {info_january}% in {january} (the "
        "latter quoted by the press). CompTIA's IT occupations: {comptia_december}% and {comptia_january}% in the "
        "same months (secondary). Computer and mathematical occupations (BLS table A-30): between {cm_low}% and "
        "{cm_high}% in the months shown. All workers sit between {all_low}% and {all_high}%."
    ).format(
        info_december=number(rate("information_industry", ARTICLE_DECEMBER), ".1f"),
        december=month_name(ARTICLE_DECEMBER),
        info_january=number(rate("information_industry", ARTICLE_JANUARY), ".1f"),
        january=month_name(ARTICLE_JANUARY),
        comptia_december=number(rate("comptia_it_occupations", ARTICLE_DECEMBER), ".1f"),
        comptia_january=number(rate("comptia_it_occupations", ARTICLE_JANUARY), ".1f"),
        cm_low=number(cm.min(), ".1f"),
        cm_high=number(cm.max(), ".1f"),
        all_low=number(everyone.min(), ".1f"),
        all_high=number(everyone.max(), ".1f"),
    )
