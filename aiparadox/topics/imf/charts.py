"""IMF: the chapter's three charts, the frames they draw and their computed descriptions.

* :func:`exposure_chart`: exposed employment by group (section ``imf-exposure``);
* :func:`aipi_strip_chart`: each economy's AI Preparedness Index by IMF group (``imf-preparedness``);
* :func:`aipi_components_chart`: what the selected countries' scores are made of.
"""

from __future__ import annotations

import json
import math
import zlib

import altair as alt
import pandas as pd

from ...charts import CLAIM_COLOUR, DATA_COLOUR, PALETTE, SECONDARY_COLOUR, legend_highlight
from ...datapackage import DataError
from .article import CLAIMED_ADVANCED_PCT, CLAIMED_WORLD_PCT
from .facts import (
    SELECTED,
    emerging_above_weakest_advanced,
    exposure_figures,
    first_last_pillar_gaps,
    group_labels,
    selected_by_composite,
)
from .tables import (
    ADVANCED,
    AIPI,
    AIPI_INDICATORS,
    BRAZIL,
    CATEGORIES,
    COMPONENTS,
    EMERGING,
    EXPOSED,
    GROUPS,
    HIGH_COMPLEMENTARITY,
    INDIA,
    INDICATOR_LABELS,
    LOW_COMPLEMENTARITY,
    LOW_INCOME,
    SDN_VIA_AETHER,
    UK,
    US,
    WORLD,
)

# The buttons' labels of the strip chart, one per indicator.
SHORT_LABELS = {
    "AI_PI": "Composite",
    "DI": "Digital",
    "HCLMP": "Human capital",
    "IEI": "Innovation",
    "RE": "Regulation",
}


def labels_above_bands(offset: float):
    """A band axis whose labels sit above each row, inside the plot, so narrow screens keep the width."""
    return alt.Axis(
        domain=False,
        ticks=False,
        labelAlign="left",
        labelBaseline="bottom",
        labelPadding=0,
        labelOffset=offset,
        labelLimit=400,
        labelFontWeight="bold",
    )


# --- Chart 1: exposure by country group -----------------------------------------------------
SERIES_HIGH = "High complementarity (secondary)"
SERIES_LOW = "Low complementarity (secondary)"
SERIES_COUNTRY = "Exposed, country, not split (secondary)"
SERIES_PRIMARY = "Exposed, the note's summary (primary)"
SERIES_CLAIM = "The article's figure"
EXPOSURE_SERIES = (SERIES_HIGH, SERIES_LOW, SERIES_COUNTRY, SERIES_PRIMARY, SERIES_CLAIM)
EXPOSURE_ORDER = (WORLD, ADVANCED, EMERGING, LOW_INCOME, UK, US, BRAZIL, INDIA)
CLAIMED_BY_ECONOMY = {WORLD: CLAIMED_WORLD_PCT, ADVANCED: CLAIMED_ADVANCED_PCT}


def exposure_chart_frame(table: pd.DataFrame) -> pd.DataFrame:
    """What the exposure chart draws, as one tidy frame: bar spans, the primary totals, the claims."""
    rows = []
    for economy in EXPOSURE_ORDER:
        in_note = (table["economy"] == economy) & (table["document"] == SDN_VIA_AETHER)
        split = {c: table.loc[in_note & (table["category"] == c)] for c in CATEGORIES}
        if not split[HIGH_COMPLEMENTARITY].empty:
            high = float(split[HIGH_COMPLEMENTARITY]["share_pct"].iloc[0])
            low = float(split[LOW_COMPLEMENTARITY]["share_pct"].iloc[0])
            rows.append((economy, SERIES_HIGH, 0.0, high, high, "secondary", SDN_VIA_AETHER))
            rows.append((economy, SERIES_LOW, high, high + low, low, "secondary", SDN_VIA_AETHER))
        elif not split[EXPOSED].empty:
            total = float(split[EXPOSED]["share_pct"].iloc[0])
            rows.append((economy, SERIES_COUNTRY, 0.0, total, total, "secondary", SDN_VIA_AETHER))
        is_primary = (table["economy"] == economy) & (table["category"] == EXPOSED) & (table["status"] == "primary")
        primary = table.loc[is_primary]
        if not primary.empty:
            value = float(primary["share_pct"].iloc[0])
            rows.append((economy, SERIES_PRIMARY, value, value, value, "primary", primary["document"].iloc[0]))
        if economy in CLAIMED_BY_ECONOMY:
            claimed = float(CLAIMED_BY_ECONOMY[economy])
            rows.append((economy, SERIES_CLAIM, claimed, claimed, claimed, "the article", "the article"))
    return pd.DataFrame(rows, columns=["economy", "series", "start", "end", "share_pct", "status", "document"])


# A thin upright bar: the legend's symbol for the note's totals, drawn as ticks.
TICK_SYMBOL = "M-0.2,-1H0.2V1H-0.2Z"
LIGHT_GREY = "#b0b0b0"


def exposure_chart(table: pd.DataFrame):
    """Exposed employment by group: the note's totals, the third-party split, the article's figures."""
    frame = exposure_chart_frame(table)
    # The three kinds of grey bar differ by their fill (the country shares, not split, are hollow);
    # every bar has the same grey outline, which stands out from either page's background by 3:1.
    # (Fill colours, not opacities: a legend cannot show a fill opacity.)
    series_scale = alt.Scale(
        domain=list(EXPOSURE_SERIES),
        range=[SECONDARY_COLOUR, LIGHT_GREY, "transparent", DATA_COLOUR, CLAIM_COLOUR],
    )
    dash_scale = alt.Scale(domain=list(EXPOSURE_SERIES), range=[[1, 0], [1, 0], [4, 2], [1, 0], [1, 0]])
    shape_scale = alt.Scale(domain=list(EXPOSURE_SERIES), range=["square", "square", "square", TICK_SYMBOL, "diamond"])
    legend = alt.Legend(title=None, columns=1, symbolStrokeWidth=1.5)
    y = alt.Y("economy:N", sort=list(EXPOSURE_ORDER), title=None, axis=labels_above_bands(-13))
    tooltip = [
        alt.Tooltip("economy:N", title="Economy"),
        alt.Tooltip("series:N", title="Series"),
        alt.Tooltip("share_pct:Q", title="Share of employment (%)", format=".0f"),
        alt.Tooltip("status:N", title="Status"),
        alt.Tooltip("document:N", title="Stated in"),
    ]
    base = alt.Chart()
    # One legend for the series: every layer encodes the channels its mark can draw with the same
    # scales, and the legend merges them.
    color = alt.Color("series:N", scale=series_scale, legend=legend)
    shape = alt.Shape("series:N", scale=shape_scale, legend=legend)
    dash = alt.StrokeDash("series:N", scale=dash_scale, legend=legend)
    is_bar = alt.FieldOneOfPredicate(field="series", oneOf=[SERIES_HIGH, SERIES_LOW, SERIES_COUNTRY])
    bars = (
        base.transform_filter(is_bar)
        .mark_bar(stroke=SECONDARY_COLOUR, strokeWidth=1, height={"band": 0.45}, yOffset=6)
        .encode(
            x=alt.X(
                "start:Q",
                title="High-exposure jobs (% of employment)",
                scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(tickCount=10),
            ),
            x2="end:Q",
            color=color,
            strokeDash=dash,
        )
    )
    totals = (
        base.transform_filter(alt.datum.series == SERIES_PRIMARY)
        .mark_tick(thickness=4, size=22, opacity=1, yOffset=6)
        .encode(x="share_pct:Q", color=color)
    )
    total_labels = (
        base.transform_filter(alt.datum.series == SERIES_PRIMARY)
        .mark_text(align="left", dx=6, dy=6, color=DATA_COLOUR, fontWeight="bold")
        .encode(x="share_pct:Q", text=alt.Text("share_pct:Q", format=".0f"))
    )
    # Above the tick, clear of it: the tick spans 11 pixels either side of its centre (6 below the
    # row's), the diamond about 7.
    claims = (
        base.transform_filter(alt.datum.series == SERIES_CLAIM)
        .mark_point(size=120, filled=True, opacity=1, yOffset=-14)
        .encode(x="share_pct:Q", color=color, shape=shape)
    )
    return (
        alt.layer(bars, totals, total_labels, claims, data=frame)
        .encode(y=y, tooltip=tooltip)
        .properties(width="container", height=380)
    )


def exposure_description(table: pd.DataFrame) -> str:
    f = exposure_figures(table)
    return (
        "Horizontal bar chart of the share of employment in occupations highly exposed to AI, from the IMF's January "
        f"2024 note. The note's own summary gives {f['world']:.0f}% for the world, {f['advanced']:.0f}% for advanced "
        f"economies, {f['emerging']:.0f}% for emerging market economies and {f['low_income']:.0f}% for low-income "
        "countries, marked as blue ticks. Grey bars, from a third party quoting the note, split each group's share "
        "into jobs where AI is more likely to complement workers and jobs where it may substitute for them: "
        f"{f['advanced_high']:.0f} and {f['advanced_low']:.0f} points in advanced economies, {f['emerging_high']:.0f} "
        f"and {f['emerging_low']:.0f} in emerging markets, {f['low_income_high']:.0f} and {f['low_income_low']:.0f} in "
        f"low-income countries. Four countries, also third-party: United Kingdom {f['uk']:.0f}%, United States "
        f"{f['us']:.0f}%, Brazil {f['brazil']:.0f}%, India {f['india']:.0f}%. The article's {CLAIMED_WORLD_PCT}% and "
        f"{CLAIMED_ADVANCED_PCT}% are diamonds above the world and advanced-economy rows, on the IMF's totals."
    )


# --- Chart 2: the AI Preparedness Index by group --------------------------------------------
def jitter(code: str) -> float:
    """A fixed vertical offset in [-0.35, 0.35] per economy, so the dots do not sit on one line."""
    return round((zlib.crc32(code.encode()) % 1000) / 1000 * 0.7 - 0.35, 3)


def aipi_strip_frame(table: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    frame = table[["iso3", "country", "group", *AIPI_INDICATORS]].copy()
    # Three decimals are finer than any difference the chart can show, and keep the spec small.
    frame[list(AIPI_INDICATORS)] = frame[list(AIPI_INDICATORS)].round(3)
    frame["selected"] = frame["iso3"].isin(SELECTED)
    # Labelled countries sit on the group's centre line, so their labels can be placed above it.
    frame["jitter"] = [0.0 if s else jitter(c) for c, s in zip(frame["iso3"], frame["selected"], strict=True)]
    unknown = sorted(set(frame["group"]) - set(labels))
    if unknown:
        raise DataError(f"{AIPI.name}: groups {unknown} have no DataMapper label")
    return frame


# Where the selected countries' names go. Each name sits above or below its dot, on the first of
# these levels (offsets within the group's row, which spans -0.5 to 0.5) where it does not run into
# a name already placed; the names are laid out for the narrowest drawing (a phone's text column),
# so that they are clear of one another at every width.
LABEL_LEVELS = (0.27, -0.27, 0.41, -0.41)
NARROW_PLOT_PIXELS = 290
LABEL_CHAR_PIXELS = 6.2  # the mean width of a character at the labels' 11 pixels
LABEL_GAP_PIXELS = 8


def axis_end(high: float, ticks: int = 5) -> float:
    """At least where the zero-based axis of the chart ends: its highest value rounded up to a step
    of 1, 2 or 5 times a power of ten, the step no finer than a fifth of the range (Vega-Lite's
    "nice" axis with about five ticks)."""
    rough = high / ticks
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= rough)
    return math.ceil(round(high / step, 9)) * step


def strip_labels_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per selected country and indicator: where its name goes when that indicator is shown."""
    rows = []
    for indicator in AIPI_INDICATORS:
        scored = frame.loc[frame["selected"]].dropna(subset=[indicator])
        axis_max = axis_end(float(frame[indicator].max()))
        per_pixel = axis_max / NARROW_PLOT_PIXELS
        for _, group in scored.groupby("group"):
            placed: dict[float, list[tuple[float, float]]] = {level: [] for level in LABEL_LEVELS}
            for row in group.sort_values(indicator).itertuples():
                score = float(getattr(row, indicator))
                half = (len(row.country) * LABEL_CHAR_PIXELS + LABEL_GAP_PIXELS) / 2 * per_pixel
                # A name that would run past an end of the axis is moved in, beside its dot.
                centre = min(max(score, half), axis_max - half)
                free = [
                    candidate
                    for candidate in LABEL_LEVELS
                    if all(centre + half <= start or centre - half >= end for start, end in placed[candidate])
                ]
                # With every level taken, the one whose last name ends furthest left.
                level = free[0] if free else min(LABEL_LEVELS, key=lambda lv: max(end for _, end in placed[lv]))
                placed[level].append((centre - half, centre + half))
                rows.append((row.country, row.group, indicator, round(centre, 4), level))
    return pd.DataFrame(rows, columns=["country", "group", "indicator", "label_x", "label_offset"])


def aipi_strip_chart(table: pd.DataFrame, aggregates: pd.DataFrame):
    """Each economy's AIPI (or one pillar, chosen with the buttons) by IMF group; selected countries named."""
    labels = group_labels(aggregates)
    frame = aipi_strip_frame(table, labels)
    order = [labels[g] for g in GROUPS]
    pillar = alt.param(
        name="pillar",
        value="AI_PI",
        bind=alt.binding_radio(
            options=list(AIPI_INDICATORS), labels=[SHORT_LABELS[c] for c in AIPI_INDICATORS], name="Show: "
        ),
    )
    group_scale = alt.Scale(domain=order, range=PALETTE[:3])
    band = alt.Scale(domain=[-0.5, 0.5])
    # The long group names are added in the browser, not repeated on every row of the data.
    label_of = "{" + ", ".join(f"{json.dumps(g)}: {json.dumps(labels[g])}" for g in GROUPS) + "}"
    x = alt.X(
        "score:Q", title="Score (index points, 0-1 scale)", scale=alt.Scale(zero=True), axis=alt.Axis(tickCount=5)
    )
    y = alt.Y("group_label:N", sort=order, title=None, axis=labels_above_bands(-48))
    scores = (
        alt.Chart(frame)
        .transform_calculate(score="datum[pillar]", group_label=f"{label_of}[datum.group]")
        .transform_filter("isValid(datum.score)")
        .encode(x=x, y=y)
    )
    # A faint fill shows where dots crowd; each dot's outline, in full, stands out from the page.
    # The named countries are drawn solid and larger.
    dots = scores.mark_point(filled=True, opacity=1, strokeWidth=1).encode(
        yOffset=alt.YOffset("jitter:Q", scale=band),
        fill=alt.Fill("group_label:N", sort=order, scale=group_scale, legend=None),
        stroke=alt.Stroke("group_label:N", sort=order, scale=group_scale, legend=None),
        fillOpacity=alt.condition("datum.selected", alt.value(1), alt.value(0.45)),
        size=alt.condition("datum.selected", alt.value(110), alt.value(35)),
        tooltip=[
            alt.Tooltip("country:N", title="Economy"),
            alt.Tooltip("group_label:N", title="IMF group"),
            alt.Tooltip("AI_PI:Q", title="AIPI (0-1)", format=".3f"),
            alt.Tooltip("DI:Q", title="Digital infrastructure", format=".3f"),
            alt.Tooltip("HCLMP:Q", title="Human capital, labour policies", format=".3f"),
            alt.Tooltip("IEI:Q", title="Innovation, integration", format=".3f"),
            alt.Tooltip("RE:Q", title="Regulation and ethics", format=".3f"),
        ],
    )
    # A rule across the row: drawn in the page's rule colour, dark on the light page, light on the dark.
    medians = (
        scores.transform_aggregate(median="median(score)", groupby=["group_label"])
        .mark_rule(strokeWidth=2.5)
        .encode(
            x="median:Q",
            # Upright, across the row's dots.
            y=alt.Y("group_label:N", sort=order, bandPosition=0.3, title=None, axis=labels_above_bands(-48)),
            y2=alt.Y2("group_label:N", bandPosition=0.7),
            tooltip=[
                alt.Tooltip("group_label:N", title="IMF group"),
                alt.Tooltip("median:Q", title="Median", format=".3f"),
            ],
        )
    )
    names = (
        alt.Chart(strip_labels_frame(frame))
        .transform_filter(alt.datum.indicator == pillar)
        .transform_calculate(group_label=f"{label_of}[datum.group]")
        .mark_text(fontSize=11)
        .encode(
            x="label_x:Q", y=y, text="country:N", yOffset=alt.YOffset("label_offset:Q", scale=band)
        )
    )
    return alt.layer(dots, medians, names).add_params(pillar).properties(width="container", height=330)


def aipi_strip_description(table: pd.DataFrame, aggregates: pd.DataFrame) -> str:
    labels = group_labels(aggregates)
    scored = table.dropna(subset=["AI_PI"])
    medians = scored.groupby("group")["AI_PI"].median()
    top, bottom = scored.loc[scored["AI_PI"].idxmax()], scored.loc[scored["AI_PI"].idxmin()]
    overlap = emerging_above_weakest_advanced(table)
    labelled = scored.loc[scored["iso3"].isin(SELECTED)].sort_values("AI_PI", ascending=False)
    named = ", ".join(f"{r.country} {r.AI_PI:.2f}" for r in labelled.itertuples())
    return (
        f"Dot plot of the IMF AI Preparedness Index for {len(scored)} economies, one row per IMF group, with buttons "
        f"to show one of the four pillars instead. Group medians: {labels['AE']} {medians['AE']:.2f}, {labels['EM']} "
        f"{medians['EM']:.2f}, {labels['LIC']} {medians['LIC']:.2f}. {overlap} of the "
        f"{(scored['group'] == 'EM').sum()} emerging market economies score above the lowest advanced economy. "
        f"Highest {top['country']} {top['AI_PI']:.2f}, lowest {bottom['country']} {bottom['AI_PI']:.2f}. "
        f"Labelled: {named}."
    )


# --- Chart 3: what the selected countries' scores are made of -------------------------------
def components_frame(table: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    chosen = table.loc[table["iso3"].isin(SELECTED)]
    missing = sorted(set(SELECTED) - set(chosen["iso3"]))
    if missing:
        raise DataError(f"{AIPI.name}: selected economies {missing} are not in the table")
    long = chosen.melt(
        id_vars=["iso3", "country", "group", "AI_PI"],
        value_vars=list(COMPONENTS),
        var_name="pillar",
        value_name="contribution",
    )
    return pd.DataFrame(
        {
            "country": long["country"].astype(str) + " (" + long["group"].astype(str) + ")",
            "group": long["group"].map(labels),
            "pillar": long["pillar"].map(INDICATOR_LABELS),
            "pillar_order": long["pillar"].map(COMPONENTS.index),
            "contribution": long["contribution"].round(4),
            "composite": long["AI_PI"].round(4),
        }
    )


def aipi_components_chart(table: pd.DataFrame, aggregates: pd.DataFrame):
    """Stacked pillar contributions of the selected countries; click a pillar in the legend to compare it."""
    frame = components_frame(table, group_labels(aggregates))
    order = frame.sort_values("composite", ascending=False)["country"].drop_duplicates().tolist()
    pillars = [INDICATOR_LABELS[c] for c in COMPONENTS]
    pick, highlighted = legend_highlight("pillar", dimmed=0.25)
    base = alt.Chart(frame).encode(y=alt.Y("country:N", sort=order, title=None, axis=labels_above_bands(-10)))
    bars = base.mark_bar(height={"band": 0.45}, yOffset=6).encode(
        x=alt.X("sum(contribution):Q", title="AIPI by pillar (index points, 0-1)"),
        color=alt.Color(
            "pillar:N",
            scale=alt.Scale(domain=pillars, range=[PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[4]]),
            legend=alt.Legend(title="Pillar", columns=1),
        ),
        order=alt.Order("pillar_order:Q"),
        opacity=highlighted,
        tooltip=[
            alt.Tooltip("country:N", title="Country (IMF group)"),
            alt.Tooltip("pillar:N", title="Pillar"),
            alt.Tooltip("contribution:Q", title="Contribution (index points)", format=".3f"),
            alt.Tooltip("composite:Q", title="AIPI (0-1)", format=".3f"),
        ],
    ).add_params(pick)
    totals = (
        base.transform_aggregate(composite="max(composite)", groupby=["country"])
        .mark_text(align="left", dx=4, dy=6)
        .encode(x="composite:Q", text=alt.Text("composite:Q", format=".2f"))
    )
    return (bars + totals).properties(width="container", height=380)


def components_description(table: pd.DataFrame) -> str:
    ordered = selected_by_composite(table)
    top, bottom = ordered.iloc[0], ordered.iloc[-1]
    gaps = first_last_pillar_gaps(table)
    widest = gaps.idxmax()
    parts = "; ".join(
        f"{r.country} {r.AI_PI:.2f} (DI {r.DI:.3f}, HCLMP {r.HCLMP:.3f}, IEI {r.IEI:.3f}, RE {r.RE:.3f})"
        for r in ordered.itertuples()
    )
    return (
        "Stacked bar chart of the AI Preparedness Index of nine countries, split into the contributions of its four "
        "pillars: digital infrastructure (DI), human capital and labour market policies (HCLMP), innovation and "
        f"economic integration (IEI), regulation and ethics (RE). {parts}. Between {top['country']} and "
        f"{bottom['country']} the widest gap is in {INDICATOR_LABELS[widest].lower()} "
        f"({gaps[widest]:.3f} index points)."
    )


