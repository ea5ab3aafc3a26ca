"""The radiology chapter's four figures: chart frames, charts, and the descriptions a screen reader says.

Each ``*_description`` is computed from the same tables as its chart, so that what is said of a
figure is what it draws.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...charts import DATA_COLOUR, PALETTE, SECONDARY_COLOUR, legend_highlight
from ...i18n import N_, _, day, number
from .facts import (
    OTHER_PANELS,
    RADIOLOGY_GROUP,
    TAKE_OFF_DEVICES,
    employment_frame,
    fda_frame,
    fda_summary,
    secondary_value,
    year_on_year,
)
from .sampling_error import CONFIDENCE, Z, employment_change, estimate_index, index_gap, radiologist_years, row
from .tables import ALL_OCCUPATIONS, PHYSICIANS, RADIOLOGISTS

WAGE_SERIES = {
    RADIOLOGISTS: N_("Radiologists"),
    PHYSICIANS: N_("Physicians (all specialties)"),
    ALL_OCCUPATIONS: N_("All occupations"),
}


def _interval_label() -> str:
    return _("{confidence} interval").format(confidence=number(CONFIDENCE, ".0%"))


def _compared(change) -> str:
    """Whether a change is larger or smaller than its margin, in the edition's language."""
    return _(N_("larger") if change.beyond_error else N_("smaller"))


# --- Employment ---------------------------------------------------------------------------------
def employment_chart(oews: pd.DataFrame):
    """Radiologist employment with its sampling interval, and the first year's level for reference."""
    frame = employment_frame(oews)
    first_year = int(frame["year"].iloc[0])
    y_axis = alt.Axis(format=",.0f")
    base = alt.Chart(frame).encode(
        x=alt.X("year:O", title=_("May of year"), axis=alt.Axis(labelAngle=0)),
        tooltip=[
            alt.Tooltip("year:O", title=_("May")),
            alt.Tooltip("employment:Q", title=_("Radiologists employed (jobs)"), format=","),
            alt.Tooltip("rse_pct:Q", title=_("Relative standard error (%)"), format=".1f"),
            alt.Tooltip("low:Q", title=_("{interval}, low (jobs)").format(interval=_interval_label()), format=","),
            alt.Tooltip("high:Q", title=_("{interval}, high (jobs)").format(interval=_interval_label()), format=","),
        ],
    )
    title = _("Radiologists employed (jobs, excl. self-employed)")
    bars = base.mark_rule(color=DATA_COLOUR, strokeWidth=2).encode(
        y=alt.Y("low:Q", title=title, scale=alt.Scale(zero=False), axis=y_axis), y2="high:Q"
    )
    points = base.mark_point(color=DATA_COLOUR, size=90, filled=True, opacity=1).encode(
        y=alt.Y("employment:Q", title=title, axis=y_axis)
    )
    line = base.mark_line(color=DATA_COLOUR, strokeDash=[4, 3], strokeWidth=1.5).encode(
        y=alt.Y("employment:Q", title=title, axis=y_axis)
    )
    # The first year's level across the whole chart, drawn from the same data so the chart keeps one dataset.
    reference = (
        alt.Chart(frame)
        .transform_filter(alt.datum.year == first_year)
        # A guide, not data: hidden from screen readers, which get the chart's description instead.
        .mark_rule(color="#888888", strokeDash=[2, 2], aria=False)
        .encode(y=alt.Y("employment:Q", title=title, axis=y_axis))
    )
    return (reference + bars + line + points).properties(width="container", height=300)


def employment_description(oews: pd.DataFrame) -> str:
    frame = employment_frame(oews)
    first, last = frame.iloc[0].to_dict(), frame.iloc[-1].to_dict()
    peak = frame.loc[frame["employment"].idxmax()].to_dict()
    first, last, peak = ({k: (int(v) if k != "rse_pct" else v) for k, v in d.items()} for d in (first, last, peak))
    whole = employment_change(oews, int(first["year"]), int(last["year"]))
    moves = year_on_year(oews)
    beyond = moves.loc[moves["beyond_error"]]
    moves_text = ", ".join(
        _("{start} to {end} ({change} jobs against a margin of {margin})").format(
            start=r.start, end=r.end, change=number(r.change, "+,"), margin=number(r.margin, ",.0f")
        )
        for r in beyond.itertuples()
    )
    beyond_text = (
        (
            _("; the only year-to-year move larger than its margin is {moves}")
            if len(beyond) == 1
            else _("; the year-to-year moves larger than their margins are {moves}")
        ).format(moves=moves_text)
        if not beyond.empty
        else _("; no year-to-year move is larger than its margin")
    )
    return _(
        "Dot chart with {intervals} of the number of radiologists employed in the United States (OEWS, excluding the "
        "self-employed), May {first_year} to May {last_year}. The estimate goes from {first} ({first_low} to "
        "{first_high}) to {last} ({last_low} to {last_high}), a change of {change} jobs ({relative}) that is {compared} "
        "than its {confidence} margin of {margin}. The highest estimate is {peak} in {peak_year}{beyond}."
    ).format(
        intervals=_("{confidence} intervals").format(confidence=number(CONFIDENCE, ".0%")),
        first_year=first["year"],
        last_year=last["year"],
        first=number(first["employment"], ","),
        first_low=number(first["low"], ","),
        first_high=number(first["high"], ","),
        last=number(last["employment"], ","),
        last_low=number(last["low"], ","),
        last_high=number(last["high"], ","),
        change=number(whole.change, "+,.0f"),
        relative=number(whole.relative, "+.1%"),
        compared=_compared(whole),
        confidence=number(CONFIDENCE, ".0%"),
        margin=number(whole.margin, ",.0f"),
        peak=number(peak["employment"], ","),
        peak_year=peak["year"],
        beyond=beyond_text,
    )


# --- Pay ------------------------------------------------------------------------------------------
def wage_index_frame(oews: pd.DataFrame) -> pd.DataFrame:
    """Mean annual wage indexed to the first radiologist year (= 100), with intervals at CONFIDENCE."""
    first, last = radiologist_years(oews)
    rows = []
    for code, label in WAGE_SERIES.items():
        for year in range(first, last + 1):
            index, se = estimate_index(oews, code, first, year)
            r = row(oews, code, year)
            rows.append(
                {
                    "year": year,
                    "series": _(label),
                    "index": round(100 * index, 2),
                    "low": round(100 * (index - Z * se), 2),
                    "high": round(100 * (index + Z * se), 2),
                    "mean_wage": int(r["mean_annual_wage"]),
                    "rse_pct": float(r["mean_wage_rse_pct"]),
                }
            )
    return pd.DataFrame(rows)


def wage_chart(oews: pd.DataFrame):
    """Mean annual wage indexed to the first radiologist year, three series, with intervals."""
    frame = wage_index_frame(oews)
    first = int(frame["year"].min())
    highlight, highlighted = legend_highlight("series")
    colour = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=[_(label) for label in WAGE_SERIES.values()], range=PALETTE[:3]),
        legend=alt.Legend(orient="bottom", columns=1),
    )
    base = alt.Chart(frame).encode(
        x=alt.X("year:O", title=_("May of year"), axis=alt.Axis(labelAngle=0)),
        color=colour,
        opacity=highlighted,
        tooltip=[
            alt.Tooltip("series:N", title=_("Occupation")),
            alt.Tooltip("year:O", title=_("May")),
            alt.Tooltip("mean_wage:Q", title=_("Mean annual wage (nominal US$)"), format="$,.0f"),
            alt.Tooltip("index:Q", title=_("Index (May {first} = 100)").format(first=first), format=".1f"),
            alt.Tooltip("low:Q", title=_("{interval}, low").format(interval=_interval_label()), format=".1f"),
            alt.Tooltip("high:Q", title=_("{interval}, high").format(interval=_interval_label()), format=".1f"),
            alt.Tooltip("rse_pct:Q", title=_("Relative standard error of the wage (%)"), format=".1f"),
        ],
    )
    lines = base.mark_line(point=alt.OverlayMarkDef(size=50, filled=True)).encode(
        y=alt.Y(
            "index:Q",
            title=_("Mean annual wage, nominal (index, May {first} = 100)").format(first=first),
            scale=alt.Scale(zero=False),
        )
    )
    bars = base.mark_rule(strokeWidth=2).encode(y="low:Q", y2="high:Q")
    return (bars + lines).add_params(highlight).properties(width="container", height=300)


def wage_description(oews: pd.DataFrame) -> str:
    first, last = radiologist_years(oews)
    frame = wage_index_frame(oews).set_index(["series", "year"])
    rad = frame.loc[(_(WAGE_SERIES[RADIOLOGISTS]), last)]
    phys = frame.loc[(_(WAGE_SERIES[PHYSICIANS]), last)]
    every = frame.loc[(_(WAGE_SERIES[ALL_OCCUPATIONS]), last)]
    gap_all, gap_phys = index_gap(oews, first, last, ALL_OCCUPATIONS), index_gap(oews, first, last, PHYSICIANS)
    return _(
        "Line chart of mean annual wages in nominal dollars, indexed to May {first} = 100, for radiologists, all "
        "physicians and all occupations, with {intervals}. By May {last} radiologists reach {rad} ({rad_low} to "
        "{rad_high}), all occupations {every} and physicians {phys}. The radiologists' lead over all occupations, "
        "{gap_all} points, is {compared_all} than its margin of {margin_all}; their lead over physicians, {gap_phys} "
        "points, is {compared_phys} than its margin of {margin_phys}."
    ).format(
        first=first,
        intervals=_("{confidence} intervals").format(confidence=number(CONFIDENCE, ".0%")),
        last=last,
        rad=number(rad["index"], ".1f"),
        rad_low=number(rad["low"], ".1f"),
        rad_high=number(rad["high"], ".1f"),
        every=number(every["index"], ".1f"),
        phys=number(phys["index"], ".1f"),
        gap_all=number(100 * gap_all.change, ".1f"),
        compared_all=_compared(gap_all),
        margin_all=number(100 * gap_all.margin, ".1f"),
        gap_phys=number(100 * gap_phys.change, ".1f"),
        compared_phys=_compared(gap_phys),
        margin_phys=number(100 * gap_phys.margin, ".1f"),
    )


# --- FDA devices -------------------------------------------------------------------------------
def fda_chart(fda: pd.DataFrame):
    frame = fda_frame(fda)
    highlight, highlighted = legend_highlight("group", dimmed=0.25)
    partial_label = (
        alt.Chart(frame)
        .transform_filter((alt.datum.complete == False) & (alt.datum.group == _(RADIOLOGY_GROUP)))  # noqa: E712 - a Vega expression
        # In the page's text colour (each mode's own), like every label.
        .mark_text(dy=-8, fontSize=11)
        .encode(x=alt.X("decision_year:O"), y=alt.Y("year_total:Q"), text=alt.value(_("partial year")))
    )
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(
                "decision_year:O",
                title=_("Year of the FDA's final decision"),
                axis=alt.Axis(labelAngle=-90, labelOverlap=True),
            ),
            y=alt.Y("devices:Q", title=_("AI-enabled devices authorised (devices per year)"), stack=True),
            color=alt.Color(
                "group:N",
                title=None,
                scale=alt.Scale(domain=[_(RADIOLOGY_GROUP), _(OTHER_PANELS)], range=[PALETTE[0], PALETTE[1]]),
                legend=alt.Legend(orient="bottom", title=_("Review panel"), titleLimit=300),
            ),
            order=alt.Order("group:N", sort="descending"),
            opacity=highlighted,
            tooltip=[
                alt.Tooltip("year_label:N", title=_("Decision year")),
                alt.Tooltip("group:N", title=_("Review panel")),
                alt.Tooltip("devices:Q", title=_("Devices")),
                alt.Tooltip("year_total:Q", title=_("All panels that year")),
                alt.Tooltip("radiology_share:Q", title=_("Radiology share that year"), format=".0%"),
            ],
        )
        .add_params(highlight)
    )
    return (bars + partial_label).properties(width="container", height=300)


def fda_description(fda: pd.DataFrame) -> str:
    s = fda_summary(fda)
    partial = (
        _(" The list stops on {through}, so {year} is partial ({devices} radiology devices so far).").format(
            through=day(s["partial_through"]), year=s["partial_year"], devices=s["radiology_partial"]
        )
        if s["partial_year"]
        else ""
    )
    return _(
        "Stacked bar chart of AI-enabled medical devices on the FDA's list per year of final decision, {first} to "
        "{last}, radiology panel against all {others} other panels. No year has {take_off} devices before "
        "{take_off_year}; radiology is the larger part in every year from {majority_since}. Of all {total} listed "
        "devices, {radiology} ({share}) were reviewed by the radiology panel; in {last_complete}, the last complete "
        "year, {last_complete_devices} radiology devices were authorised.{partial}"
    ).format(
        first=s["first_year"],
        last=s["partial_year"] or s["last_complete_year"],
        others=s["panels"] - 1,
        take_off=TAKE_OFF_DEVICES,
        take_off_year=s["take_off_year"],
        majority_since=s["radiology_majority_since"],
        total=number(s["total"], ","),
        radiology=number(s["radiology"], ","),
        share=number(s["radiology_share"], ".1%"),
        last_complete=s["last_complete_year"],
        last_complete_devices=s["radiology_last_complete"],
        partial=partial,
    )


# --- Demand in the material's own terms -------------------------------------------------------
MEASURED = N_("Measured: BLS OEWS, 90% interval")
QUOTED_KIND = N_("Quoted figure (secondary)")


def demand_frame(secondary: pd.DataFrame, oews: pd.DataFrame) -> pd.DataFrame:
    """Growth figures about radiologist demand and supply, each over its own period, as fractions.

    Ratios of two quoted counts are computed here ("computed from two quoted figures"); the rest
    are the quoted percentages. The OEWS change is added, with its interval, for comparison.
    """
    v = lambda figure_id: secondary_value(secondary, figure_id)  # noqa: E731 - a local shorthand
    computed, stated = N_("computed from two quoted figures"), N_("as quoted")
    rows = [
        (
            N_("Residency slots, DR+IR"),
            "2018-2022",
            v("residency_positions_2022") / v("residency_positions_2018") - 1,
            None,
            computed,
            N_("PGY-2 diagnostic and interventional radiology positions (ACR, from NRMP)"),
        ),
        (
            N_("Residency slots, all radiology"),
            "2024-2025",
            v("residency_growth_2024_2025") / 100,
            None,
            stated,
            N_("All radiology specialties (Works in Progress, from NRMP); a wider definition than the row above"),
        ),
        (
            N_("BLS projected jobs"),
            "2021-2031",
            v("bls_projection_2021_2031") / 100,
            None,
            stated,
            N_("BLS Employment Projections, via Becker's"),
        ),
        (
            N_("BLS projected jobs"),
            "2022-2032",
            v("bls_projection_2022_2032") / 100,
            None,
            stated,
            N_("BLS Employment Projections, via Becker's"),
        ),
        (
            N_("HRSA projected demand"),
            "2023-2036",
            v("hrsa_demand_2023_2036") / 100,
            None,
            stated,
            N_("HRSA, via Becker's"),
        ),
        (
            N_("Imaging use (range)"),
            "2025-2055",
            v("imaging_use_growth_2055_low") / 100,
            v("imaging_use_growth_2055_high") / 100,
            stated,
            N_("Neiman Health Policy Institute; the range covers imaging modalities"),
        ),
        (
            N_("US population"),
            "2025-2055",
            v("population_growth_2055") / 100,
            None,
            stated,
            N_("U.S. Census Bureau, via DOTmed"),
        ),
        (
            N_("Supply, slots flat"),
            "2023-2055",
            v("projected_supply_2055_flat") / v("medicare_radiologists_2023") - 1,
            None,
            computed,
            N_(
                "Neiman Health Policy Institute: Medicare-enrolled radiologists if residency positions stay at the 2024 level"
            ),
        ),
        (
            N_("Supply, slots growing"),
            "2023-2055",
            v("projected_supply_2055_growing") / v("medicare_radiologists_2023") - 1,
            None,
            computed,
            N_("Neiman Health Policy Institute: Medicare-enrolled radiologists if residency positions grow"),
        ),
    ]
    # The words in the edition's language: the chart and its data table show them as they are.
    rows = [
        (_(indicator), period, low, high, _(basis), _(detail)) for indicator, period, low, high, basis, detail in rows
    ]
    frame = pd.DataFrame(rows, columns=["indicator", "period", "low", "high", "basis", "detail"])
    frame["value"] = frame[["low", "high"]].mean(axis=1)
    frame["kind"] = _(QUOTED_KIND)
    first, last = radiologist_years(oews)
    jobs = employment_change(oews, first, last)
    measured = pd.DataFrame(
        {
            "indicator": [_(OEWS_JOBS)],
            "period": [f"{first}-{last}"],
            "low": [(jobs.change - jobs.margin) / jobs.start],
            "high": [(jobs.change + jobs.margin) / jobs.start],
            "basis": [
                _("estimate with its {confidence} sampling interval").format(confidence=number(CONFIDENCE, ".0%"))
            ],
            "detail": [_("BLS OEWS, wage and salary jobs (excludes the self-employed)")],
            "value": [jobs.relative],
            "kind": [_(MEASURED)],
        }
    )
    frame = pd.concat([measured, frame], ignore_index=True)
    frame["label"] = [short_label(i, p) for i, p in zip(frame["indicator"], frame["period"], strict=True)]
    frame["high"] = frame["high"].fillna(frame["low"])
    frame.loc[frame["kind"] != _(MEASURED), "low"] = frame["low"].where(frame["high"] != frame["low"], frame["value"])
    return frame[["label", "indicator", "period", "value", "low", "high", "kind", "basis", "detail"]]


OEWS_JOBS = N_("Radiologist jobs (OEWS)")
SHORT_NAMES = {
    OEWS_JOBS: OEWS_JOBS,
    N_("Residency slots, DR+IR"): N_("Residency slots"),
    N_("Residency slots, all radiology"): N_("Residency slots (all)"),
    N_("BLS projected jobs"): N_("BLS projection"),
    N_("HRSA projected demand"): N_("HRSA demand"),
    N_("Imaging use (range)"): N_("Imaging use"),
    N_("US population"): N_("US population"),
    N_("Supply, slots flat"): N_("Supply, slots flat"),
    N_("Supply, slots growing"): N_("Supply, slots grow"),
}


def short_label(indicator: str, period: str) -> str:
    """'BLS projected jobs', '2021-2031' -> 'BLS projection 2021-31': short enough for a phone."""
    start, _dash, end = period.partition("-")
    span = f"{start}-{end[-2:]}" if end and end[:2] == start[:2] else period
    short = {_(name): _(short) for name, short in SHORT_NAMES.items()}
    return f"{short.get(indicator, indicator)} {span}"


def demand_chart(secondary: pd.DataFrame, oews: pd.DataFrame):
    """One row per growth figure; each row's name is written above its dot, so a phone keeps the full width."""
    frame = demand_frame(secondary, oews)
    colour = alt.Color(
        "kind:N",
        title=None,
        scale=alt.Scale(domain=[_(MEASURED), _(QUOTED_KIND)], range=[DATA_COLOUR, SECONDARY_COLOUR]),
        legend=alt.Legend(orient="bottom", columns=1, labelLimit=320),
    )
    base = alt.Chart().encode(
        y=alt.Y("label:N", title=None, sort=frame["label"].tolist(), axis=None),
        tooltip=[
            alt.Tooltip("indicator:N", title=_("Figure")),
            alt.Tooltip("period:N", title=_("Period")),
            alt.Tooltip("value:Q", title=_("Change (% over the period)"), format="+.1%"),
            alt.Tooltip("low:Q", title=_("Low end (%)"), format="+.1%"),
            alt.Tooltip("high:Q", title=_("High end (%)"), format="+.1%"),
            alt.Tooltip("basis:N", title=_("Basis")),
            alt.Tooltip("detail:N", title=_("Source and definition")),
        ],
    )
    x = alt.X("low:Q", title=_("Change over the stated period (%)"), axis=alt.Axis(format="%", grid=True))
    zero = alt.Chart().mark_rule(color="#888888", aria=False).encode(x=alt.datum(0))
    ranges = base.mark_rule(strokeWidth=3, yOffset=7).encode(x=x, x2="high:Q", color=colour)
    points = base.mark_point(filled=True, size=80, yOffset=7, opacity=1).encode(x="value:Q", color=colour)
    # The names in the page's text colour (each mode's own).
    names = base.mark_text(align="left", baseline="bottom", dy=-2, fontSize=12).encode(x=alt.value(0), text="label:N")
    return alt.layer(zero, ranges, points, names, data=frame).properties(width="container", height=40 * len(frame))


def demand_description(secondary: pd.DataFrame, oews: pd.DataFrame) -> str:
    frame = demand_frame(secondary, oews).set_index("indicator")
    measured = frame.loc[_(OEWS_JOBS)]
    flat, growing = frame.loc[_("Supply, slots flat")], frame.loc[_("Supply, slots growing")]
    imaging = frame.loc[_("Imaging use (range)")]
    quoted = frame.loc[frame["kind"] == _(QUOTED_KIND)]
    measured_first, measured_last = measured["period"].split("-")
    return _(
        "Dot and range chart of {count} growth figures on radiologist training, supply and demand quoted by press and "
        "society pages (grey), each over its own period, and the measured OEWS change in radiologist jobs (blue). All "
        "quoted figures are increases, from {lowest} to {highest}. Projected supply to 2055 grows {flat} with residency "
        "slots flat and {growing} if they grow, against imaging use {imaging_low} to {imaging_high}. The measured "
        "change in jobs, {measured} from {period}, has an interval from {measured_low} to {measured_high}."
    ).format(
        count=len(quoted),
        lowest=number(quoted["value"].min(), "+.1%"),
        highest=number(quoted["high"].max(), "+.1%"),
        flat=number(flat["value"], "+.1%"),
        growing=number(growing["value"], "+.1%"),
        imaging_low=number(imaging["low"], "+.1%"),
        imaging_high=number(imaging["high"], "+.1%"),
        measured=number(measured["value"], "+.1%"),
        period=_("{start} to {end}").format(start=measured_first, end=measured_last),
        measured_low=number(measured["low"], "+.1%"),
        measured_high=number(measured["high"], "+.1%"),
    )


# The source lines and notes that chapters/radiology.md passes to book.figure, which shows them in the
# edition's language: marked here for the catalogue (tests/test_french.py checks that every one the
# chapter writes is translated).
FIGURE_TEXTS = (
    N_(
        "BLS OEWS national estimates, SOC 29-1224 (national Excel files; flat files for the latest year); intervals: the book's calculation from the published RSEs"
    ),
    N_(
        "BLS OEWS national estimates (SOC 29-1224, 29-1210, 00-0000), nominal mean annual wages; index and intervals: the book's calculation"
    ),
    N_("FDA, Artificial Intelligence-Enabled Medical Devices list (XML download); counts: the book's calculation"),
    N_(
        "Quoted by ACR, Works in Progress, Becker's, AuntMinnie, Radiology Business and DOTmed (see the data table); OEWS: BLS"
    ),
    N_(
        "Grey rows are secondary figures quoted by press and society pages, each over its own period and definition; the blue row is the book's own OEWS calculation."
    ),
)
