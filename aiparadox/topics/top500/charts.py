"""TOP500: the chapter's charts, the frames they draw and the descriptions a screen reader says.

One chart per figure of ``chapters/top500.md``: the accelerated shares (C08), the top 10, top 100
and whole list, the accelerator families, the concentration of performance and its segments
(C09). Every description is computed from the table the chart draws.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...charts import CLAIM_COLOUR, PALETTE, legend_highlight
from ...datapackage import DataError
from .article import CLAIM_NOW, CLAIM_THEN, CLAIMED_SHARE_NOW, CLAIMED_SHARE_THEN
from .claims import close_to_claim, matches_claim
from .facts import concentration_at, family_at, segment_at, tier_row, top_hundred
from .tables import FAMILIES, FAMILY_NONE

MEASURES = {
    "share_accelerated_count": "Share of systems",
    "share_accelerated_rmax": "Share of performance (Rmax)",
}
CLAIM_SERIES = "The article's claim"


def narrow_legend(columns: int):
    """A legend in a fixed number of columns that fits a phone's text column (342 px): a label is cut
    only past the width its column has there."""
    return alt.Legend(columns=columns, labelLimit=300 if columns == 1 else 150)


def edition_date(edition: pd.Series) -> pd.Series:
    """'2019-11' -> '2019-11-01', a date Vega-Lite reads without time-zone surprises."""
    return edition.astype(str) + "-01"


def shares_long(table: pd.DataFrame) -> pd.DataFrame:
    """The two accelerated shares per edition in long form, editions without data dropped."""
    long = table.melt(id_vars="edition", value_vars=list(MEASURES), var_name="measure", value_name="share")
    long = long.dropna(subset=["share"])
    return pd.DataFrame(
        {
            "edition": long["edition"].astype(str),
            "date": edition_date(long["edition"]),
            "measure": long["measure"].map(MEASURES),
            "share": long["share"].astype(float),
        }
    )


def chart_frame(table: pd.DataFrame) -> pd.DataFrame:
    """What the shares chart draws, as one tidy frame: the measured shares and the claimed ones."""
    claimed = pd.DataFrame(
        {
            "edition": [CLAIM_THEN, CLAIM_NOW],
            "date": edition_date(pd.Series([CLAIM_THEN, CLAIM_NOW])).to_list(),
            "measure": CLAIM_SERIES,
            "share": [CLAIMED_SHARE_THEN, CLAIMED_SHARE_NOW],
        }
    )
    return pd.concat([shares_long(table), claimed], ignore_index=True)


def shares_chart(table: pd.DataFrame):
    """Accelerated share of the TOP500 by count and by Rmax, with the article's two points."""
    base = alt.Chart(chart_frame(table)).encode(
        x=alt.X("date:T", title="TOP500 edition", axis=alt.Axis(format="%Y", tickCount=8)),
        y=alt.Y("share:Q", title="Accelerated share (%)", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color(
            "measure:N",
            title=None,
            scale=alt.Scale(domain=[*MEASURES.values(), CLAIM_SERIES], range=[PALETTE[0], PALETTE[1], CLAIM_COLOUR]),
            legend=narrow_legend(1),
        ),
        tooltip=[
            alt.Tooltip("edition:N", title="Edition"),
            alt.Tooltip("measure:N", title="Series"),
            alt.Tooltip("share:Q", title="Share", format=".1%"),
        ],
    )
    measured = alt.datum.measure != CLAIM_SERIES
    lines = base.transform_filter(measured).mark_line(point=alt.OverlayMarkDef(size=25))
    claims = base.transform_filter(~measured)
    claim_marks = claims.mark_point(shape="diamond", size=160, filled=True, opacity=1)
    claim_labels = claims.mark_text(align="right", dx=-10, fontWeight="bold").encode(
        text=alt.Text("share:Q", format=".0%")
    )
    return (lines + claim_marks + claim_labels).properties(width="container", height=320)


def shares_description(table: pd.DataFrame) -> str:
    """The chart's message for a reader who cannot see it, computed from the table."""
    known = table.dropna(subset=["share_accelerated_count"])
    first, last = known.iloc[0], known.iloc[-1]
    peak = known.loc[known["share_accelerated_rmax"].astype(float).idxmax()]
    return (
        f"Line chart of the share of TOP500 systems that name an accelerator, by count and by share of "
        f"total performance (Rmax), {first['edition']} to {last['edition']}. By count the share rises from "
        f"{first['share_accelerated_count']:.0%} to {last['share_accelerated_count']:.0%}; by performance "
        f"from {first['share_accelerated_rmax']:.0%} to a peak of {peak['share_accelerated_rmax']:.0%} in "
        f"{peak['edition']}, then {last['share_accelerated_rmax']:.0%}. The article's claimed "
        f"{CLAIMED_SHARE_THEN:.0%} in {CLAIM_THEN} and {CLAIMED_SHARE_NOW:.0%} in {CLAIM_NOW} are marked "
        "as diamonds; "
        + (
            "neither measured line passes through both."
            if not any(
                matches_claim(
                    *(known.loc[known["edition"] == e, m].astype(float).iloc[0] for e in (CLAIM_THEN, CLAIM_NOW))
                )
                for m in MEASURES
            )
            else "a measured line passes through both."
        )
    )


# --- Top 10, top 100, whole list -------------------------------------------------------------

TIER_LABELS = {10: "Top 10", 100: "Top 100", 500: "All 500"}
TIER_COLOURS = {10: "#E69F00", 100: "#0072B2", 500: "#009E73"}


def tiers_frame(tiers: pd.DataFrame) -> pd.DataFrame:
    """What the tiers chart draws: both shares per edition and cut, plus the claimed points."""
    known = tiers.dropna(subset=["n_accelerated"])
    long = known.melt(
        id_vars=["edition", "top_n", "n_systems", "n_accelerated"],
        value_vars=list(MEASURES),
        var_name="measure",
        value_name="share",
    )
    measured = pd.DataFrame(
        {
            "edition": long["edition"].astype(str),
            "date": edition_date(long["edition"]),
            "series": long["top_n"].map(TIER_LABELS),
            "measure": long["measure"].map(MEASURES),
            "share": long["share"].astype(float),
            "accelerated": long["n_accelerated"].astype(int).astype(str) + " of " + long["n_systems"].astype(str),
        }
    )
    claimed = pd.DataFrame(
        {
            "edition": [CLAIM_THEN, CLAIM_NOW],
            "date": edition_date(pd.Series([CLAIM_THEN, CLAIM_NOW])).to_list(),
            "series": CLAIM_SERIES,
            "measure": "both",
            "share": [CLAIMED_SHARE_THEN, CLAIMED_SHARE_NOW],
            "accelerated": "claimed",
        }
    )
    return pd.concat([measured, claimed], ignore_index=True)


def tiers_chart(tiers: pd.DataFrame):
    """Accelerated share of the top 10, top 100 and whole list, with a selector for the measure."""
    measure = alt.param(
        name="measure_choice",
        value=MEASURES["share_accelerated_count"],
        bind=alt.binding_radio(options=list(MEASURES.values()), name="Measure: "),
    )
    series_domain = [*TIER_LABELS.values(), CLAIM_SERIES]
    series_range = [*TIER_COLOURS.values(), CLAIM_COLOUR]
    base = (
        alt.Chart(tiers_frame(tiers))
        .transform_filter((alt.datum.measure == measure) | (alt.datum.measure == "both"))
        .encode(
            x=alt.X("date:T", title="TOP500 edition (year)", axis=alt.Axis(format="%Y", tickCount=8)),
            y=alt.Y(
                "share:Q",
                title="Accelerated share (% of the cut)",
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=series_domain, range=series_range),
                legend=narrow_legend(2),
            ),
            tooltip=[
                alt.Tooltip("edition:N", title="Edition"),
                alt.Tooltip("series:N", title="Systems"),
                alt.Tooltip("share:Q", title="Accelerated share", format=".1%"),
                alt.Tooltip("accelerated:N", title="Accelerated systems"),
            ],
        )
    )
    is_claim = alt.datum.series == CLAIM_SERIES
    lines = base.transform_filter(~is_claim).mark_line(point=alt.OverlayMarkDef(size=25))
    claims = base.transform_filter(is_claim)
    claim_marks = claims.mark_point(shape="diamond", size=160, filled=True, opacity=1)
    claim_labels = claims.mark_text(align="right", dx=-10, fontWeight="bold").encode(
        text=alt.Text("share:Q", format=".0%")
    )
    return (lines + claim_marks + claim_labels).add_params(measure).properties(width="container", height=320)


def tiers_description(tiers: pd.DataFrame) -> str:
    t = top_hundred(tiers)
    whole_then, whole_now = tier_row(tiers, CLAIM_THEN, 500), tier_row(tiers, CLAIM_NOW, 500)
    return (
        "Line chart of the share of systems naming an accelerator among the top 10, the top 100 and "
        "all 500 systems of each TOP500 list, with a selector to switch from share of systems to "
        f"share of performance (Rmax). From {CLAIM_THEN} to {CLAIM_NOW} the top 100 went from "
        f"{t['top100_accelerated_then']} to {t['top100_accelerated_now']} accelerated systems, the top 10 from "
        f"{t['top10_then']} to {t['top10_now']}, and the whole list from "
        f"{int(whole_then['n_accelerated'])} to {int(whole_now['n_accelerated'])} of 500. The article's "
        f"{CLAIMED_SHARE_THEN:.0%} and {CLAIMED_SHARE_NOW:.0%} are marked as diamonds: the top-100 line "
        "reaches the second but starts far above the first."
        if close_to_claim(t["top100_share_now"], CLAIMED_SHARE_NOW)
        and not close_to_claim(t["top100_share_then"], CLAIMED_SHARE_THEN)
        else "Line chart of the accelerated share of the top 10, top 100 and whole TOP500 list, "
        f"with the article's {CLAIMED_SHARE_THEN:.0%} and {CLAIMED_SHARE_NOW:.0%} marked as diamonds."
    )


# --- Accelerator families --------------------------------------------------------------------

FAMILY_COLOURS = {
    "NVIDIA": "#009E73",
    "AMD (incl. ATI)": "#E69F00",
    "Intel": "#0072B2",
    "NVIDIA + Intel Xeon Phi": "#56B4E9",
    "Other makers": "#CC79A7",
    FAMILY_NONE: "#d9d9d9",
}
FAMILY_MEASURES = {"share_count": "Share of systems", "share_rmax": "Share of performance (Rmax)"}


def families_frame(families: pd.DataFrame, top_n: int = 500) -> pd.DataFrame:
    """One row per edition and family of one cut, both shares side by side (the chart folds them)."""
    part = families.loc[families["top_n"] == top_n]
    if part.empty:
        raise DataError(f"top500_families has no rows for the top {top_n}")
    return pd.DataFrame(
        {
            "edition": part["edition"].astype(str),
            "family": part["family"].astype(str),
            "order": part["family"].map({f: i for i, f in enumerate(FAMILIES)}),
            FAMILY_MEASURES["share_count"]: part["share_count"].astype(float),
            FAMILY_MEASURES["share_rmax"]: part["share_rmax"].astype(float),
            "systems": part["n_systems"].astype(int),
        }
    ).reset_index(drop=True)


def _edition_axis(title: str):
    # Label June editions with their year only: 31 editions do not fit as full labels.
    return alt.Axis(
        title=title,
        labelAngle=0,
        labelExpr="slice(datum.label, 5) == '06' ? slice(datum.label, 0, 4) : ''",
        labelOverlap=True,
        # The last list's year sits on the last bar, near the axis's end: there it ends at the end of
        # the axis, instead of running past the chart's edge.
        labelFlush=20,
    )


def families_chart(families: pd.DataFrame):
    """Stacked bars: each edition's list split by accelerator family, by count or by Rmax."""
    measure = alt.param(
        name="family_measure",
        value=FAMILY_MEASURES["share_count"],
        bind=alt.binding_radio(options=list(FAMILY_MEASURES.values()), name="Measure: "),
    )
    return (
        alt.Chart(families_frame(families))
        .transform_fold(list(FAMILY_MEASURES.values()), as_=["measure", "share"])
        .transform_filter(alt.datum.measure == measure)
        .mark_bar()
        .encode(
            x=alt.X("edition:O", axis=_edition_axis("TOP500 edition (list)")),
            y=alt.Y(
                "share:Q",
                title="Share of the list (%)",
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
                stack="zero",
            ),
            color=alt.Color(
                "family:N",
                title=None,
                scale=alt.Scale(domain=list(FAMILY_COLOURS), range=list(FAMILY_COLOURS.values())),
                legend=narrow_legend(1),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("edition:N", title="Edition"),
                alt.Tooltip("family:N", title="Accelerator"),
                alt.Tooltip("systems:Q", title="Systems"),
                alt.Tooltip("share:Q", title="Share", format=".1%"),
            ],
        )
        .add_params(measure)
        .properties(width="container", height=320)
    )


def families_description(families: pd.DataFrame) -> str:
    editions = sorted(families["edition"].unique())
    first, last = editions[0], editions[-1]
    nvidia_last = family_at(families, last, "NVIDIA")
    amd_last = family_at(families, last, "AMD (incl. ATI)")
    none_last = family_at(families, last, FAMILY_NONE)
    none_first = family_at(families, first, FAMILY_NONE)
    return (
        f"Stacked bar chart of every TOP500 list from {first} to {last}, split by accelerator family, "
        "with a selector for share of systems or share of performance (Rmax). Systems naming no "
        f"accelerator fall from {none_first['share_count']:.0%} of the list in {first} to "
        f"{none_last['share_count']:.0%} in {last}. In {last} NVIDIA accounts for "
        f"{int(nvidia_last['n_systems'])} systems ({nvidia_last['share_count']:.0%}) and "
        f"{nvidia_last['share_rmax']:.0%} of performance; AMD for {int(amd_last['n_systems'])} systems "
        f"and {amd_last['share_rmax']:.0%} of performance"
        + (
            ", far more than its count, because it equips some of the largest machines."
            if amd_last["share_rmax"] > 2 * amd_last["share_count"]
            else "."
        )
    )


# --- Concentration (C09) ---------------------------------------------------------------------

CONCENTRATION_SERIES = {
    "share_rmax_top1": "Fastest system",
    "share_rmax_top10": "Top 10",
    "share_rmax_top100": "Top 100",
}


def concentration_frame(concentration_table: pd.DataFrame) -> pd.DataFrame:
    long = concentration_table.melt(
        id_vars=["edition", "rmax_total_tflops"],
        value_vars=list(CONCENTRATION_SERIES),
        var_name="series",
        value_name="share",
    )
    return pd.DataFrame(
        {
            "edition": long["edition"].astype(str),
            "date": edition_date(long["edition"]),
            "series": long["series"].map(CONCENTRATION_SERIES),
            "share": long["share"].astype(float),
            # Whole-list total, in PFlop/s so the tooltip stays readable.
            "total_pflops": (long["rmax_total_tflops"] / 1000).round(1),
        }
    )


def concentration_chart(concentration_table: pd.DataFrame):
    """Share of the list's total Rmax held by the fastest system, the top 10 and the top 100."""
    highlight, highlighted = legend_highlight("series")
    return (
        alt.Chart(concentration_frame(concentration_table))
        .mark_line(point=alt.OverlayMarkDef(size=25))
        .encode(
            x=alt.X("date:T", title="TOP500 edition (year)", axis=alt.Axis(format="%Y", tickCount=8)),
            y=alt.Y(
                "share:Q",
                title="Share of the list's total Rmax (%)",
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=list(CONCENTRATION_SERIES.values()), range=[PALETTE[4], PALETTE[0], PALETTE[2]]),
                legend=narrow_legend(2),
            ),
            opacity=highlighted,
            tooltip=[
                alt.Tooltip("edition:N", title="Edition"),
                alt.Tooltip("series:N", title="Systems"),
                alt.Tooltip("share:Q", title="Share of total Rmax", format=".1%"),
                alt.Tooltip("total_pflops:Q", title="Whole list, total Rmax (PFlop/s)", format=",.1f"),
            ],
        )
        .add_params(highlight)
        .properties(width="container", height=300)
    )


def concentration_description(concentration_table: pd.DataFrame) -> str:
    first, last = concentration_table.iloc[0], concentration_table.iloc[-1]
    now = concentration_at(concentration_table, CLAIM_NOW)
    return (
        "Line chart of the share of the TOP500's total performance (Rmax) held by the fastest system, "
        f"the ten fastest and the hundred fastest, {first['edition']} to {last['edition']}. The top 10 "
        f"held {first['share_rmax_top10']:.0%} in {first['edition']}, {now['share_rmax_top10']:.0%} in "
        f"{CLAIM_NOW} and {last['share_rmax_top10']:.0%} in {last['edition']}; the top 100 held "
        f"{now['share_rmax_top100']:.0%} in {CLAIM_NOW}."
    )


SEGMENT_ORDER = ("Research", "Academic", "Government", "Classified", "Industry", "Vendor", "Others")
# Okabe and Ito's palette without its black, which the dark page would swallow (its vermillion is the
# article's colour): the yellow goes to Classified, a sliver of the early lists.
SEGMENT_COLOURS = ("#0072B2", "#56B4E9", "#009E73", "#F0E442", "#E69F00", "#CC79A7", "#999999")


def segments_frame(segments: pd.DataFrame) -> pd.DataFrame:
    unknown = sorted(set(segments["segment"]) - set(SEGMENT_ORDER))
    if unknown:
        raise DataError(f"top500_segments: segment(s) {unknown} have no place in top500.SEGMENT_ORDER")
    return pd.DataFrame(
        {
            "edition": segments["edition"].astype(str),
            "segment": segments["segment"].astype(str),
            "order": segments["segment"].map({s: i for i, s in enumerate(SEGMENT_ORDER)}),
            "share": segments["share_rmax"].astype(float),
            "systems": segments["n_systems"].astype(int),
        }
    )


def segments_chart(segments: pd.DataFrame):
    """Stacked bars: each edition's total Rmax split by the segment of the system's site."""
    highlight, highlighted = legend_highlight("segment", dimmed=0.25)
    return (
        alt.Chart(segments_frame(segments))
        .mark_bar()
        .encode(
            x=alt.X("edition:O", axis=_edition_axis("TOP500 edition (list)")),
            y=alt.Y(
                "share:Q",
                title="Share of the list's total Rmax (%)",
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
                stack="zero",
            ),
            color=alt.Color(
                "segment:N",
                title=None,
                scale=alt.Scale(domain=list(SEGMENT_ORDER), range=list(SEGMENT_COLOURS)),
                legend=narrow_legend(2),
            ),
            order=alt.Order("order:Q"),
            opacity=highlighted,
            tooltip=[
                alt.Tooltip("edition:N", title="Edition"),
                alt.Tooltip("segment:N", title="Segment"),
                alt.Tooltip("systems:Q", title="Systems"),
                alt.Tooltip("share:Q", title="Share of total Rmax", format=".1%"),
            ],
        )
        .add_params(highlight)
        .properties(width="container", height=300)
    )


def segments_description(segments: pd.DataFrame) -> str:
    editions = sorted(segments["edition"].unique())
    first, now, last = (
        segment_at(segments, editions[0]),
        segment_at(segments, CLAIM_NOW),
        segment_at(segments, editions[-1]),
    )
    research_now = segment_at(segments, CLAIM_NOW, "Research")
    return (
        "Stacked bar chart of each TOP500 list's total performance (Rmax) split by the segment of the "
        f"system's owner. Industry held {first['share_rmax']:.0%} with {int(first['n_systems'])} systems in "
        f"{editions[0]}, {now['share_rmax']:.0%} with {int(now['n_systems'])} systems in {CLAIM_NOW} and "
        f"{last['share_rmax']:.0%} in {editions[-1]}; research centres held {research_now['share_rmax']:.0%} "
        f"in {CLAIM_NOW}."
    )
