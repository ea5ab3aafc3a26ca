"""TOP500: the chapter's charts, the frames they draw and the descriptions a screen reader says.

One chart per figure of ``chapters/top500.md``: the accelerated shares (C08), the top 10, top 100
and whole list, the accelerator families, the concentration of performance and its segments
(C09). Every description is computed from the table the chart draws.

The words a chart shows (titles, legend and tooltip labels, the descriptions) are marked ``N_`` where
they are defined and translated with ``gettext`` when the chart is drawn, in the edition's language;
a label that is also a value of the chart's data is translated in the frame and in the scale alike.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...charts import CLAIM_COLOUR, PALETTE, legend_highlight
from ...datapackage import DataError
from ...i18n import N_, gettext, number
from .article import CLAIM_NOW, CLAIM_THEN, CLAIMED_SHARE_NOW, CLAIMED_SHARE_THEN
from .claims import close_to_claim, matches_claim
from .facts import concentration_at, edition_name, family_at, segment_at, tier_row, top_hundred
from .tables import FAMILIES, FAMILY_NONE

MEASURES = {
    "share_accelerated_count": N_("Share of systems"),
    "share_accelerated_rmax": N_("Share of performance (Rmax)"),
}
CLAIM_SERIES = N_("The article's claim")
# The source lines the chapter gives its figures: book.figure translates them with the catalogue,
# which holds them because they are marked here.
FIGURE_SOURCES = (
    N_("TOP500 list exports (top500.org); the book's calculation"),
    N_("TOP500 list exports (top500.org); families by the book's mapping of accelerator names"),
    N_("TOP500 list exports (top500.org); segments as TOP500 records them"),
)


def shown(labels) -> list[str]:
    """Labels (a dict's values, a tuple) as the chart shows them, in the edition's language."""
    return [gettext(label) for label in (labels.values() if isinstance(labels, dict) else labels)]


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
            "measure": long["measure"].map(MEASURES).map(gettext),
            "share": long["share"].astype(float),
        }
    )


def chart_frame(table: pd.DataFrame) -> pd.DataFrame:
    """What the shares chart draws, as one tidy frame: the measured shares and the claimed ones."""
    claimed = pd.DataFrame(
        {
            "edition": [CLAIM_THEN, CLAIM_NOW],
            "date": edition_date(pd.Series([CLAIM_THEN, CLAIM_NOW])).to_list(),
            "measure": gettext(CLAIM_SERIES),
            "share": [CLAIMED_SHARE_THEN, CLAIMED_SHARE_NOW],
        }
    )
    return pd.concat([shares_long(table), claimed], ignore_index=True)


def shares_chart(table: pd.DataFrame):
    """Accelerated share of the TOP500 by count and by Rmax, with the article's two points."""
    base = alt.Chart(chart_frame(table)).encode(
        x=alt.X("date:T", title=gettext("TOP500 edition"), axis=alt.Axis(format="%Y", tickCount=8)),
        y=alt.Y(
            "share:Q", title=gettext("Accelerated share (%)"), axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])
        ),
        color=alt.Color(
            "measure:N",
            title=None,
            scale=alt.Scale(
                domain=[*shown(MEASURES), gettext(CLAIM_SERIES)], range=[PALETTE[0], PALETTE[1], CLAIM_COLOUR]
            ),
            legend=narrow_legend(1),
        ),
        tooltip=[
            alt.Tooltip("edition:N", title=gettext("Edition")),
            alt.Tooltip("measure:N", title=gettext("Series")),
            alt.Tooltip("share:Q", title=gettext("Share"), format=".1%"),
        ],
    )
    measured = alt.datum.measure != gettext(CLAIM_SERIES)
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
    passes = any(
        matches_claim(*(known.loc[known["edition"] == e, m].astype(float).iloc[0] for e in (CLAIM_THEN, CLAIM_NOW)))
        for m in MEASURES
    )
    return gettext(
        "Line chart of the share of TOP500 systems that name an accelerator, by count and by share of total "
        "performance (Rmax), {first} to {last}. By count the share rises from {count_first} to {count_last}; by "
        "performance from {rmax_first} to a peak of {rmax_peak} in {peak}, then {rmax_last}. The article's claimed "
        "{claimed_then} in {then} and {claimed_now} in {now} are marked as diamonds; {lines}"
    ).format(
        first=edition_name(first["edition"]),
        last=edition_name(last["edition"]),
        count_first=number(first["share_accelerated_count"], ".0%"),
        count_last=number(last["share_accelerated_count"], ".0%"),
        rmax_first=number(first["share_accelerated_rmax"], ".0%"),
        rmax_peak=number(peak["share_accelerated_rmax"], ".0%"),
        peak=edition_name(peak["edition"]),
        rmax_last=number(last["share_accelerated_rmax"], ".0%"),
        claimed_then=number(CLAIMED_SHARE_THEN, ".0%"),
        then=edition_name(CLAIM_THEN),
        claimed_now=number(CLAIMED_SHARE_NOW, ".0%"),
        now=edition_name(CLAIM_NOW),
        lines=gettext("a measured line passes through both.")
        if passes
        else gettext("neither measured line passes through both."),
    )


# --- Top 10, top 100, whole list -------------------------------------------------------------

TIER_LABELS = {10: N_("Top 10"), 100: N_("Top 100"), 500: N_("All 500")}
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
            "series": long["top_n"].map(TIER_LABELS).map(gettext),
            "measure": long["measure"].map(MEASURES).map(gettext),
            "share": long["share"].astype(float),
            "accelerated": [
                gettext("{n} of {total}").format(n=int(n), total=total)
                for n, total in zip(long["n_accelerated"], long["n_systems"], strict=True)
            ],
        }
    )
    claimed = pd.DataFrame(
        {
            "edition": [CLAIM_THEN, CLAIM_NOW],
            "date": edition_date(pd.Series([CLAIM_THEN, CLAIM_NOW])).to_list(),
            "series": gettext(CLAIM_SERIES),
            "measure": "both",
            "share": [CLAIMED_SHARE_THEN, CLAIMED_SHARE_NOW],
            "accelerated": gettext("claimed"),
        }
    )
    return pd.concat([measured, claimed], ignore_index=True)


def tiers_chart(tiers: pd.DataFrame):
    """Accelerated share of the top 10, top 100 and whole list, with a selector for the measure."""
    measure = alt.param(
        name="measure_choice",
        value=gettext(MEASURES["share_accelerated_count"]),
        bind=alt.binding_radio(options=shown(MEASURES), name=gettext("Measure: ")),
    )
    series_domain = [*shown(TIER_LABELS), gettext(CLAIM_SERIES)]
    series_range = [*TIER_COLOURS.values(), CLAIM_COLOUR]
    base = (
        alt.Chart(tiers_frame(tiers))
        .transform_filter((alt.datum.measure == measure) | (alt.datum.measure == "both"))
        .encode(
            x=alt.X("date:T", title=gettext("TOP500 edition (year)"), axis=alt.Axis(format="%Y", tickCount=8)),
            y=alt.Y(
                "share:Q",
                title=gettext("Accelerated share (% of the cut)"),
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
                alt.Tooltip("edition:N", title=gettext("Edition")),
                alt.Tooltip("series:N", title=gettext("Systems")),
                alt.Tooltip("share:Q", title=gettext("Accelerated share"), format=".1%"),
                alt.Tooltip("accelerated:N", title=gettext("Accelerated systems")),
            ],
        )
    )
    is_claim = alt.datum.series == gettext(CLAIM_SERIES)
    lines = base.transform_filter(~is_claim).mark_line(point=alt.OverlayMarkDef(size=25))
    claims = base.transform_filter(is_claim)
    claim_marks = claims.mark_point(shape="diamond", size=160, filled=True, opacity=1)
    # Above its diamond: on its left, the 90% lay on the top 10's line, which runs at 90% up to the claim.
    claim_labels = claims.mark_text(baseline="bottom", dy=-10, fontWeight="bold").encode(
        text=alt.Text("share:Q", format=".0%")
    )
    return (lines + claim_marks + claim_labels).add_params(measure).properties(width="container", height=320)


def tiers_description(tiers: pd.DataFrame) -> str:
    t = top_hundred(tiers)
    whole_then, whole_now = tier_row(tiers, CLAIM_THEN, 500), tier_row(tiers, CLAIM_NOW, 500)
    claimed = {"claimed_then": number(CLAIMED_SHARE_THEN, ".0%"), "claimed_now": number(CLAIMED_SHARE_NOW, ".0%")}
    if close_to_claim(t["top100_share_now"], CLAIMED_SHARE_NOW) and not close_to_claim(
        t["top100_share_then"], CLAIMED_SHARE_THEN
    ):
        return gettext(
            "Line chart of the share of systems naming an accelerator among the top 10, the top 100 and all 500 "
            "systems of each TOP500 list, with a selector to switch from share of systems to share of performance "
            "(Rmax). From {then} to {now} the top 100 went from {top100_then} to {top100_now} accelerated systems, "
            "the top 10 from {top10_then} to {top10_now}, and the whole list from {whole_then} to {whole_now} of 500. "
            "The article's {claimed_then} and {claimed_now} are marked as diamonds: the top-100 line reaches the "
            "second but starts far above the first."
        ).format(
            then=edition_name(CLAIM_THEN),
            now=edition_name(CLAIM_NOW),
            top100_then=t["top100_accelerated_then"],
            top100_now=t["top100_accelerated_now"],
            top10_then=t["top10_then"],
            top10_now=t["top10_now"],
            whole_then=int(whole_then["n_accelerated"]),
            whole_now=int(whole_now["n_accelerated"]),
            **claimed,
        )
    return gettext(
        "Line chart of the accelerated share of the top 10, top 100 and whole TOP500 list, with the article's "
        "{claimed_then} and {claimed_now} marked as diamonds."
    ).format(**claimed)


# --- Accelerator families --------------------------------------------------------------------

FAMILY_COLOURS = {
    "NVIDIA": "#009E73",
    "AMD (incl. ATI)": "#E69F00",
    "Intel": "#0072B2",
    "NVIDIA + Intel Xeon Phi": "#56B4E9",
    "Other makers": "#CC79A7",
    FAMILY_NONE: "#d9d9d9",
}
FAMILY_MEASURES = {"share_count": N_("Share of systems"), "share_rmax": N_("Share of performance (Rmax)")}
# The families' names as the legend shows them (the makers' names are the same in every language).
FAMILY_LABELS = {
    "AMD (incl. ATI)": N_("AMD (incl. ATI)"),
    "Other makers": N_("Other makers"),
    FAMILY_NONE: N_("No accelerator named"),
}


def family_label(family: str) -> str:
    return gettext(FAMILY_LABELS.get(family, family))


def families_frame(families: pd.DataFrame, top_n: int = 500) -> pd.DataFrame:
    """One row per edition and family of one cut, both shares side by side (the chart folds them)."""
    part = families.loc[families["top_n"] == top_n]
    if part.empty:
        raise DataError(f"top500_families has no rows for the top {top_n}")
    return pd.DataFrame(
        {
            "edition": part["edition"].astype(str),
            "family": part["family"].astype(str).map(family_label),
            "order": part["family"].map({f: i for i, f in enumerate(FAMILIES)}),
            gettext(FAMILY_MEASURES["share_count"]): part["share_count"].astype(float),
            gettext(FAMILY_MEASURES["share_rmax"]): part["share_rmax"].astype(float),
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
        value=gettext(FAMILY_MEASURES["share_count"]),
        bind=alt.binding_radio(options=shown(FAMILY_MEASURES), name=gettext("Measure: ")),
    )
    return (
        alt.Chart(families_frame(families))
        .transform_fold(shown(FAMILY_MEASURES), as_=["measure", "share"])
        .transform_filter(alt.datum.measure == measure)
        .mark_bar()
        .encode(
            x=alt.X("edition:O", axis=_edition_axis(gettext("TOP500 edition (list)"))),
            y=alt.Y(
                "share:Q",
                title=gettext("Share of the list (%)"),
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
                stack="zero",
            ),
            color=alt.Color(
                "family:N",
                title=None,
                scale=alt.Scale(domain=[family_label(f) for f in FAMILY_COLOURS], range=list(FAMILY_COLOURS.values())),
                legend=narrow_legend(1),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("edition:N", title=gettext("Edition")),
                alt.Tooltip("family:N", title=gettext("Accelerator")),
                alt.Tooltip("systems:Q", title=gettext("Systems")),
                alt.Tooltip("share:Q", title=gettext("Share"), format=".1%"),
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
    amd_weighs_more = amd_last["share_rmax"] > 2 * amd_last["share_count"]
    return gettext(
        "Stacked bar chart of every TOP500 list from {first} to {last}, split by accelerator family, with a selector "
        "for share of systems or share of performance (Rmax). Systems naming no accelerator fall from {none_first} "
        "of the list in {first} to {none_last} in {last}. In {last} NVIDIA accounts for {nvidia_systems} systems "
        "({nvidia_count}) and {nvidia_rmax} of performance; AMD for {amd_systems} systems and {amd_rmax} of "
        "performance{amd_end}"
    ).format(
        first=edition_name(first),
        last=edition_name(last),
        none_first=number(none_first["share_count"], ".0%"),
        none_last=number(none_last["share_count"], ".0%"),
        nvidia_systems=int(nvidia_last["n_systems"]),
        nvidia_count=number(nvidia_last["share_count"], ".0%"),
        nvidia_rmax=number(nvidia_last["share_rmax"], ".0%"),
        amd_systems=int(amd_last["n_systems"]),
        amd_rmax=number(amd_last["share_rmax"], ".0%"),
        amd_end=gettext(", far more than its count, because it equips some of the largest machines.")
        if amd_weighs_more
        else ".",
    )


# --- Concentration (C09) ---------------------------------------------------------------------

CONCENTRATION_SERIES = {
    "share_rmax_top1": N_("Fastest system"),
    "share_rmax_top10": N_("Top 10"),
    "share_rmax_top100": N_("Top 100"),
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
            "series": long["series"].map(CONCENTRATION_SERIES).map(gettext),
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
            x=alt.X("date:T", title=gettext("TOP500 edition (year)"), axis=alt.Axis(format="%Y", tickCount=8)),
            y=alt.Y(
                "share:Q",
                title=gettext("Share of the list's total Rmax (%)"),
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=shown(CONCENTRATION_SERIES), range=[PALETTE[4], PALETTE[0], PALETTE[2]]),
                legend=narrow_legend(2),
            ),
            opacity=highlighted,
            tooltip=[
                alt.Tooltip("edition:N", title=gettext("Edition")),
                alt.Tooltip("series:N", title=gettext("Systems")),
                alt.Tooltip("share:Q", title=gettext("Share of total Rmax"), format=".1%"),
                alt.Tooltip("total_pflops:Q", title=gettext("Whole list, total Rmax (PFlop/s)"), format=",.1f"),
            ],
        )
        .add_params(highlight)
        .properties(width="container", height=300)
    )


def concentration_description(concentration_table: pd.DataFrame) -> str:
    first, last = concentration_table.iloc[0], concentration_table.iloc[-1]
    now = concentration_at(concentration_table, CLAIM_NOW)
    return gettext(
        "Line chart of the share of the TOP500's total performance (Rmax) held by the fastest system, the ten "
        "fastest and the hundred fastest, {first} to {last}. The top 10 held {top10_first} in {first}, {top10_now} "
        "in {now} and {top10_last} in {last}; the top 100 held {top100_now} in {now}."
    ).format(
        first=edition_name(first["edition"]),
        last=edition_name(last["edition"]),
        now=edition_name(CLAIM_NOW),
        top10_first=number(first["share_rmax_top10"], ".0%"),
        top10_now=number(now["share_rmax_top10"], ".0%"),
        top10_last=number(last["share_rmax_top10"], ".0%"),
        top100_now=number(now["share_rmax_top100"], ".0%"),
    )


# The segments as TOP500 names them (N_: the legend shows them in the edition's language).
SEGMENT_ORDER = (
    N_("Research"),
    N_("Academic"),
    N_("Government"),
    N_("Classified"),
    N_("Industry"),
    N_("Vendor"),
    N_("Others"),
)
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
            "segment": segments["segment"].astype(str).map(gettext),
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
            x=alt.X("edition:O", axis=_edition_axis(gettext("TOP500 edition (list)"))),
            y=alt.Y(
                "share:Q",
                title=gettext("Share of the list's total Rmax (%)"),
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
                stack="zero",
            ),
            color=alt.Color(
                "segment:N",
                title=None,
                scale=alt.Scale(domain=shown(SEGMENT_ORDER), range=list(SEGMENT_COLOURS)),
                legend=narrow_legend(2),
            ),
            order=alt.Order("order:Q"),
            opacity=highlighted,
            tooltip=[
                alt.Tooltip("edition:N", title=gettext("Edition")),
                alt.Tooltip("segment:N", title=gettext("Segment")),
                alt.Tooltip("systems:Q", title=gettext("Systems")),
                alt.Tooltip("share:Q", title=gettext("Share of total Rmax"), format=".1%"),
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
    return gettext(
        "Stacked bar chart of each TOP500 list's total performance (Rmax) split by the segment of the system's "
        "owner. Industry held {first_share} with {first_systems} systems in {first}, {now_share} with {now_systems} "
        "systems in {now} and {last_share} in {last}; research centres held {research_now} in {now}."
    ).format(
        first=edition_name(editions[0]),
        now=edition_name(CLAIM_NOW),
        last=edition_name(editions[-1]),
        first_share=number(first["share_rmax"], ".0%"),
        first_systems=int(first["n_systems"]),
        now_share=number(now["share_rmax"], ".0%"),
        now_systems=int(now["n_systems"]),
        last_share=number(last["share_rmax"], ".0%"),
        research_now=number(research_now["share_rmax"], ".0%"),
    )
