"""IMF: the chapter's three charts, the frames they draw and their computed descriptions.

* :func:`exposure_chart`: exposed employment by group (section ``imf-exposure``);
* :func:`aipi_strip_chart`: each economy's AI Preparedness Index by IMF group (``imf-preparedness``);
* :func:`aipi_components_chart`: what the selected countries' scores are made of.

The words a chart shows are marked ``N_`` where they are defined and translated with ``gettext`` when
the chart is drawn, in the edition's language, in the frame and in the scale alike; countries are
named as :func:`.facts.country_name` names them.
"""

from __future__ import annotations

import json
import math
import zlib

import altair as alt
import pandas as pd

from ...charts import CLAIM_COLOUR, DATA_COLOUR, PALETTE, SECONDARY_COLOUR, legend_highlight
from ...datapackage import DataError
from ...i18n import N_, gettext, number
from .article import CLAIMED_ADVANCED_PCT, CLAIMED_WORLD_PCT
from .facts import (
    SELECTED,
    country_name,
    emerging_above_weakest_advanced,
    exposure_figures,
    first_last_pillar_gaps,
    group_labels,
    pillar_name,
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
    "AI_PI": N_("Composite"),
    "DI": N_("Digital"),
    "HCLMP": N_("Human capital"),
    "IEI": N_("Innovation"),
    "RE": N_("Regulation"),
}
# The source lines and the note the chapter gives its figures (book.figure translates them with the
# catalogue, which holds them because they are marked here).
FIGURE_SOURCES = (
    N_("IMF SDN/2024/001 (Executive Summary); complementarity split and country shares as quoted by a third party"),
    N_(
        "Grey bars are secondary figures: the note's text on its Figures 1 and 2 as quoted by a third party, "
        "not read in the IMF's own copy. Blue ticks are the note's own summary."
    ),
    N_("IMF AI Preparedness Index (DataMapper, dataset AIPI); groups from the IMF's aipidata.xlsx"),
    N_("IMF AI Preparedness Index (DataMapper, dataset AIPI)"),
)


def shown(name: str) -> str:
    """A name (an economy, a group) as a chart's label shows it: translated, with a capital first letter
    (the catalogue gives names as a sentence writes them, "économies avancées")."""
    text = gettext(name)
    return text[:1].upper() + text[1:]


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
SERIES_HIGH = N_("High complementarity (secondary)")
SERIES_LOW = N_("Low complementarity (secondary)")
SERIES_COUNTRY = N_("Exposed, country, not split (secondary)")
SERIES_PRIMARY = N_("Exposed, the note's summary (primary)")
SERIES_CLAIM = N_("The article's figure")
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
            rows.append((shown(economy), gettext(SERIES_HIGH), 0.0, high, high, "secondary", SDN_VIA_AETHER))
            rows.append((shown(economy), gettext(SERIES_LOW), high, high + low, low, "secondary", SDN_VIA_AETHER))
        elif not split[EXPOSED].empty:
            total = float(split[EXPOSED]["share_pct"].iloc[0])
            rows.append((shown(economy), gettext(SERIES_COUNTRY), 0.0, total, total, "secondary", SDN_VIA_AETHER))
        is_primary = (table["economy"] == economy) & (table["category"] == EXPOSED) & (table["status"] == "primary")
        primary = table.loc[is_primary]
        if not primary.empty:
            value = float(primary["share_pct"].iloc[0])
            rows.append(
                (shown(economy), gettext(SERIES_PRIMARY), value, value, value, "primary", primary["document"].iloc[0])
            )
        if economy in CLAIMED_BY_ECONOMY:
            claimed = float(CLAIMED_BY_ECONOMY[economy])
            article = gettext("the article")
            rows.append((shown(economy), gettext(SERIES_CLAIM), claimed, claimed, claimed, article, article))
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
    series = [gettext(s) for s in EXPOSURE_SERIES]
    series_scale = alt.Scale(
        domain=series, range=[SECONDARY_COLOUR, LIGHT_GREY, "transparent", DATA_COLOUR, CLAIM_COLOUR]
    )
    dash_scale = alt.Scale(domain=series, range=[[1, 0], [1, 0], [4, 2], [1, 0], [1, 0]])
    shape_scale = alt.Scale(domain=series, range=["square", "square", "square", TICK_SYMBOL, "diamond"])
    legend = alt.Legend(title=None, columns=1, symbolStrokeWidth=1.5)
    y = alt.Y("economy:N", sort=[shown(e) for e in EXPOSURE_ORDER], title=None, axis=labels_above_bands(-13))
    tooltip = [
        alt.Tooltip("economy:N", title=gettext("Economy")),
        alt.Tooltip("series:N", title=gettext("Series")),
        alt.Tooltip("share_pct:Q", title=gettext("Share of employment (%)"), format=".0f"),
        alt.Tooltip("status:N", title=gettext("Status")),
        alt.Tooltip("document:N", title=gettext("Stated in")),
    ]
    base = alt.Chart()
    # One legend for the series: every layer encodes the channels its mark can draw with the same
    # scales, and the legend merges them.
    color = alt.Color("series:N", scale=series_scale, legend=legend)
    shape = alt.Shape("series:N", scale=shape_scale, legend=legend)
    dash = alt.StrokeDash("series:N", scale=dash_scale, legend=legend)
    is_bar = alt.FieldOneOfPredicate(
        field="series", oneOf=[gettext(s) for s in (SERIES_HIGH, SERIES_LOW, SERIES_COUNTRY)]
    )
    bars = (
        base.transform_filter(is_bar)
        .mark_bar(stroke=SECONDARY_COLOUR, strokeWidth=1, height={"band": 0.45}, yOffset=6)
        .encode(
            x=alt.X(
                "start:Q",
                title=gettext("High-exposure jobs (% of employment)"),
                scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(tickCount=10),
            ),
            x2="end:Q",
            color=color,
            strokeDash=dash,
        )
    )
    totals = (
        base.transform_filter(alt.datum.series == gettext(SERIES_PRIMARY))
        .mark_tick(thickness=4, size=22, opacity=1, yOffset=6)
        .encode(x="share_pct:Q", color=color)
    )
    total_labels = (
        base.transform_filter(alt.datum.series == gettext(SERIES_PRIMARY))
        .mark_text(align="left", dx=6, dy=6, color=DATA_COLOUR, fontWeight="bold")
        .encode(x="share_pct:Q", text=alt.Text("share_pct:Q", format=".0f"))
    )
    # Above the tick, clear of it: the tick spans 11 pixels either side of its centre (6 below the
    # row's), the diamond about 7.
    claims = (
        base.transform_filter(alt.datum.series == gettext(SERIES_CLAIM))
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
    # The shares are in percent points: the message writes the per cent signs as its language spaces them.
    return gettext(
        "Horizontal bar chart of the share of employment in occupations highly exposed to AI, from the IMF's January "
        "2024 note. The note's own summary gives {world}% for the world, {advanced}% for advanced economies, "
        "{emerging}% for emerging market economies and {low_income}% for low-income countries, marked as blue ticks. "
        "Grey bars, from a third party quoting the note, split each group's share into jobs where AI is more likely "
        "to complement workers and jobs where it may substitute for them: {advanced_high} and {advanced_low} points "
        "in advanced economies, {emerging_high} and {emerging_low} in emerging markets, {low_income_high} and "
        "{low_income_low} in low-income countries. Four countries, also third-party: United Kingdom {uk}%, United "
        "States {us}%, Brazil {brazil}%, India {india}%. The article's {claimed_world}% and {claimed_advanced}% are "
        "diamonds above the world and advanced-economy rows, on the IMF's totals."
    ).format(
        **{
            k: number(f[k], ".0f")
            for k in ("world", "advanced", "emerging", "low_income", "uk", "us", "brazil", "india")
        },
        **{k: number(f[k], ".0f") for k in ("advanced_high", "advanced_low", "emerging_high", "emerging_low")},
        low_income_high=number(f["low_income_high"], ".0f"),
        low_income_low=number(f["low_income_low"], ".0f"),
        claimed_world=CLAIMED_WORLD_PCT,
        claimed_advanced=CLAIMED_ADVANCED_PCT,
    )


# --- Chart 2: the AI Preparedness Index by group --------------------------------------------
def jitter(code: str) -> float:
    """A fixed vertical offset in [-0.35, 0.35] per economy, so the dots do not sit on one line."""
    return round((zlib.crc32(code.encode()) % 1000) / 1000 * 0.7 - 0.35, 3)


def aipi_strip_frame(table: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    frame = table[["iso3", "country", "group", *AIPI_INDICATORS]].copy()
    frame["country"] = [country_name(iso3, name) for iso3, name in zip(frame["iso3"], frame["country"], strict=True)]
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
    labels = {group: shown(label) for group, label in group_labels(aggregates).items()}
    frame = aipi_strip_frame(table, labels)
    order = [labels[g] for g in GROUPS]
    pillar = alt.param(
        name="pillar",
        value="AI_PI",
        bind=alt.binding_radio(
            options=list(AIPI_INDICATORS),
            labels=[gettext(SHORT_LABELS[c]) for c in AIPI_INDICATORS],
            name=gettext("Show: "),
        ),
    )
    group_scale = alt.Scale(domain=order, range=PALETTE[:3])
    band = alt.Scale(domain=[-0.5, 0.5])
    # The long group names are added in the browser, not repeated on every row of the data.
    label_of = "{" + ", ".join(f"{json.dumps(g)}: {json.dumps(labels[g])}" for g in GROUPS) + "}"
    x = alt.X(
        "score:Q",
        title=gettext("Score (index points, 0-1 scale)"),
        scale=alt.Scale(zero=True),
        axis=alt.Axis(tickCount=5),
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
            alt.Tooltip("country:N", title=gettext("Economy")),
            alt.Tooltip("group_label:N", title=gettext("IMF group")),
            alt.Tooltip("AI_PI:Q", title=gettext("AIPI (0-1)"), format=".3f"),
            alt.Tooltip("DI:Q", title=gettext("Digital infrastructure"), format=".3f"),
            alt.Tooltip("HCLMP:Q", title=gettext("Human capital, labour policies"), format=".3f"),
            alt.Tooltip("IEI:Q", title=gettext("Innovation, integration"), format=".3f"),
            alt.Tooltip("RE:Q", title=gettext("Regulation and ethics"), format=".3f"),
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
                alt.Tooltip("group_label:N", title=gettext("IMF group")),
                alt.Tooltip("median:Q", title=gettext("Median"), format=".3f"),
            ],
        )
    )
    names = (
        alt.Chart(strip_labels_frame(frame))
        .transform_filter(alt.datum.indicator == pillar)
        .transform_calculate(group_label=f"{label_of}[datum.group]")
        .mark_text(fontSize=11)
        .encode(x="label_x:Q", y=y, text="country:N", yOffset=alt.YOffset("label_offset:Q", scale=band))
    )
    return alt.layer(dots, medians, names).add_params(pillar).properties(width="container", height=330)


def aipi_strip_description(table: pd.DataFrame, aggregates: pd.DataFrame) -> str:
    labels = group_labels(aggregates)
    scored = table.dropna(subset=["AI_PI"])
    medians = scored.groupby("group")["AI_PI"].median()
    top, bottom = scored.loc[scored["AI_PI"].idxmax()], scored.loc[scored["AI_PI"].idxmin()]
    labelled = scored.loc[scored["iso3"].isin(SELECTED)].sort_values("AI_PI", ascending=False)
    named = ", ".join(f"{country_name(r.iso3, r.country)} {number(r.AI_PI, '.2f')}" for r in labelled.itertuples())
    return gettext(
        "Dot plot of the IMF AI Preparedness Index for {n} economies, one row per IMF group, with buttons to show one "
        "of the four pillars instead. Group medians: {label_ae} {median_ae}, {label_em} {median_em}, {label_lic} "
        "{median_lic}. {overlap} of the {n_em} emerging market economies score above the lowest advanced economy. "
        "Highest {top} {top_score}, lowest {bottom} {bottom_score}. Labelled: {named}."
    ).format(
        n=len(scored),
        label_ae=shown(labels["AE"]),
        median_ae=number(medians["AE"], ".2f"),
        label_em=shown(labels["EM"]),
        median_em=number(medians["EM"], ".2f"),
        label_lic=shown(labels["LIC"]),
        median_lic=number(medians["LIC"], ".2f"),
        overlap=emerging_above_weakest_advanced(table),
        n_em=(scored["group"] == "EM").sum(),
        top=country_name(top["iso3"], top["country"]),
        top_score=number(top["AI_PI"], ".2f"),
        bottom=country_name(bottom["iso3"], bottom["country"]),
        bottom_score=number(bottom["AI_PI"], ".2f"),
        named=named,
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
            "country": [
                f"{country_name(iso3, name)} ({group})"
                for iso3, name, group in zip(long["iso3"], long["country"], long["group"], strict=True)
            ],
            "group": long["group"].map(labels).map(shown),
            "pillar": long["pillar"].map(INDICATOR_LABELS).map(gettext),
            "pillar_order": long["pillar"].map(COMPONENTS.index),
            "contribution": long["contribution"].round(4),
            "composite": long["AI_PI"].round(4),
        }
    )


def aipi_components_chart(table: pd.DataFrame, aggregates: pd.DataFrame):
    """Stacked pillar contributions of the selected countries; click a pillar in the legend to compare it."""
    frame = components_frame(table, group_labels(aggregates))
    order = frame.sort_values("composite", ascending=False)["country"].drop_duplicates().tolist()
    pillars = [gettext(INDICATOR_LABELS[c]) for c in COMPONENTS]
    pick, highlighted = legend_highlight("pillar", dimmed=0.25)
    base = alt.Chart(frame).encode(y=alt.Y("country:N", sort=order, title=None, axis=labels_above_bands(-10)))
    bars = (
        base.mark_bar(height={"band": 0.45}, yOffset=6)
        .encode(
            x=alt.X("sum(contribution):Q", title=gettext("AIPI by pillar (index points, 0-1)")),
            color=alt.Color(
                "pillar:N",
                scale=alt.Scale(domain=pillars, range=[PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[4]]),
                legend=alt.Legend(title=gettext("Pillar"), columns=1),
            ),
            order=alt.Order("pillar_order:Q"),
            opacity=highlighted,
            tooltip=[
                alt.Tooltip("country:N", title=gettext("Country (IMF group)")),
                alt.Tooltip("pillar:N", title=gettext("Pillar")),
                alt.Tooltip("contribution:Q", title=gettext("Contribution (index points)"), format=".3f"),
                alt.Tooltip("composite:Q", title=gettext("AIPI (0-1)"), format=".3f"),
            ],
        )
        .add_params(pick)
    )
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
    parts = gettext("; ").join(  # a list of clauses: French spaces its semicolons
        f"{country_name(iso3, r.country)} {number(r.AI_PI, '.2f')} (DI {number(r.DI, '.3f')}, HCLMP {number(r.HCLMP, '.3f')}, "
        f"IEI {number(r.IEI, '.3f')}, RE {number(r.RE, '.3f')})"
        for iso3, r in zip(ordered.index, ordered.itertuples(), strict=True)
    )
    return gettext(
        "Stacked bar chart of the AI Preparedness Index of nine countries, split into the contributions of its four "
        "pillars: digital infrastructure (DI), human capital and labour market policies (HCLMP), innovation and "
        "economic integration (IEI), regulation and ethics (RE). {parts}. Between {top} and {bottom} the widest gap "
        "is in {widest} ({gap} index points)."
    ).format(
        parts=parts,
        top=country_name(ordered.index[0], top["country"]),
        bottom=country_name(ordered.index[-1], bottom["country"]),
        widest=pillar_name(widest),
        gap=number(gaps[widest], ".3f"),
    )
