"""Scale, charts: the chapter's four figures, the frames they draw and their computed descriptions
(what a screen reader says)."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from ...charts import CLAIM_COLOUR, DATA_COLOUR, PALETTE, SECONDARY_COLOUR, legend_highlight
from ...i18n import N_, _, country, number
from . import article
from .facts import SOURCES_AGREE_FROM, SUPERSCRIPT, c11_figures, c14_figures, format_power, last_year_before, series_of
from .hours_figures import EMAIL_ERA_START, WORKDAYS_PER_WEEK, hours_figures
from .tables import EIA_SERIES, LBNL_REPORT, OWID_SERIES, to_watts
from .working_hours import KEY_COUNTRIES, LAST_HM_YEAR

GENERATION_LABELS = {EIA_SERIES: N_("US net generation (EIA)"), OWID_SERIES: N_("US generation (OWID)")}
DATACENTRE_LABEL = N_("US data centres (secondary)")
CLAIM_SERIES = N_("The article's figures")
CLAIM_PRODUCTION_LABEL = N_("Article: {gw} GW")
CLAIM_AI_LABEL = N_("Article: {gw} GW for AI")
# The sample averages of Huberman and Minns, which CLDR does not name (i18n.country names the countries).
SAMPLE_AVERAGES = (N_("New World"), N_("New World (weighted)"), N_("Old World"), N_("Old World (weighted)"))


def _generation_labels() -> dict[str, str]:
    return {source: _(label) for source, label in GENERATION_LABELS.items()}


def claim_production_label() -> str:
    return _(CLAIM_PRODUCTION_LABEL).format(gw=number(article.US_PRODUCTION_GW, ".0f"))


def claim_ai_label() -> str:
    return _(CLAIM_AI_LABEL).format(gw=number(article.AI_GW, ".0f"))


def generation_chart_frame(generation: pd.DataFrame, datacentres: pd.DataFrame) -> pd.DataFrame:
    """One tidy frame: both generation series, data-centre estimates (a range where projected), the claims."""
    measured = pd.DataFrame(
        {
            "year": generation["year"].astype(int),
            "series": generation["source"].map(_generation_labels()),
            "average_gw": generation["average_gw"].astype(float),
            "upper_gw": float("nan"),
            "twh": generation["generation_twh"].astype(float).round(1),
            "detail": generation["source"],
        }
    )
    energy = datacentres.dropna(subset=["average_gw"])
    estimates = energy.loc[energy["bound"] == "estimate"]
    low = energy.loc[energy["bound"] == "low"]
    high = energy.loc[energy["bound"] == "high", ["report", "year", "average_gw", "electricity_twh"]]
    ranges = low.merge(high, on=["report", "year"], suffixes=("", "_high"), validate="one_to_one")
    dc = pd.concat(
        [
            pd.DataFrame(
                {
                    "year": estimates["year"].astype(int),
                    "series": _(DATACENTRE_LABEL),
                    "average_gw": estimates["average_gw"].astype(float),
                    "upper_gw": float("nan"),
                    "twh": estimates["electricity_twh"].astype(float),
                    "detail": estimates["report"] + _(", estimate"),
                }
            ),
            pd.DataFrame(
                {
                    "year": ranges["year"].astype(int),
                    "series": _(DATACENTRE_LABEL),
                    "average_gw": ranges["average_gw"].astype(float),
                    "upper_gw": ranges["average_gw_high"].astype(float),
                    "twh": ranges["electricity_twh"].astype(float),
                    "detail": ranges["report"] + _(", projected range (low end shown as TWh)"),
                }
            ),
        ]
    )
    first_year = int(generation["year"].min())
    claims = pd.DataFrame(
        {
            "year": [first_year, first_year],
            "series": _(CLAIM_SERIES),
            "average_gw": [article.US_PRODUCTION_GW, article.AI_GW],
            "upper_gw": float("nan"),
            "twh": float("nan"),
            "detail": [claim_production_label(), claim_ai_label()],
        }
    )
    return pd.concat([measured, dc, claims], ignore_index=True)


def generation_chart(generation: pd.DataFrame, datacentres: pd.DataFrame):
    """US generation as average GW from both publishers, the article's two figures, data-centre estimates."""
    frame = generation_chart_frame(generation, datacentres)
    domain = [*_generation_labels().values(), _(DATACENTRE_LABEL), _(CLAIM_SERIES)]
    colours = [DATA_COLOUR, PALETTE[2], SECONDARY_COLOUR, CLAIM_COLOUR]
    legend, highlighted = legend_highlight("series")
    x = alt.X(
        "year:Q",
        title=_("Year"),
        axis=alt.Axis(format="d", tickCount=8, labelOverlap="greedy"),
        scale=alt.Scale(domain=[1945, 2032], nice=False),
    )
    y = alt.Y("average_gw:Q", title=_("Average power over the year (GW)"), scale=alt.Scale(domain=[0, 550]))
    # One legend entry a line, so that the legend fits a phone's width.
    colour = alt.Color(
        "series:N", title=None, scale=alt.Scale(domain=domain, range=colours), legend=alt.Legend(columns=1)
    )
    tooltip = [
        alt.Tooltip("series:N", title=_("Series")),
        alt.Tooltip("detail:N", title=_("Figure")),
        alt.Tooltip("year:Q", title=_("Year"), format="d"),
        alt.Tooltip("average_gw:Q", title=_("Average power (GW)"), format=",.1f"),
        alt.Tooltip("upper_gw:Q", title=_("Upper end (GW)"), format=",.1f"),
        alt.Tooltip("twh:Q", title=_("Energy (TWh per year)"), format=",.1f"),
    ]
    # Layers carry no data of their own: the frame is given once, to the layer chart, so that
    # composing layers does not copy it (Altair deep-copies a chart's data at every step).
    base = alt.Chart().encode(x=x, y=y, color=colour, opacity=highlighted)
    is_measured = alt.FieldOneOfPredicate(field="series", oneOf=list(_generation_labels().values()))
    is_claim = alt.FieldEqualPredicate(field="series", equal=_(CLAIM_SERIES))
    is_dc = alt.FieldEqualPredicate(field="series", equal=_(DATACENTRE_LABEL))
    lines = base.transform_filter(is_measured).mark_line(point=alt.OverlayMarkDef(size=18)).encode(tooltip=tooltip)
    claim_rules = (
        base.transform_filter(is_claim)
        .mark_rule(strokeDash=[6, 4], strokeWidth=2)
        .encode(x=alt.value(0), x2=alt.value("width"), tooltip=tooltip)
    )
    claim_labels = (
        base.transform_filter(is_claim)
        .mark_text(align="left", dx=4, dy=-7, fontWeight="bold")
        .encode(text=alt.Text("detail:N"))
    )
    dc_points = base.transform_filter(is_dc).mark_point(shape="square", size=60, filled=True).encode(tooltip=tooltip)
    dc_ranges = (
        base.transform_filter(is_dc)
        .transform_filter("isValid(datum.upper_gw)")
        .mark_rule(strokeWidth=3)
        .encode(y2="upper_gw:Q", tooltip=tooltip)
    )
    return (
        alt.layer(lines, claim_rules, claim_labels, dc_points, dc_ranges, data=frame)
        .add_params(legend)
        .properties(width="container", height=360)
    )


def generation_description(generation: pd.DataFrame, datacentres: pd.DataFrame) -> str:
    f = c14_figures(generation)
    eia = series_of(generation, EIA_SERIES)
    owid = series_of(generation, OWID_SERIES)
    dc = datacentres.dropna(subset=["average_gw"])
    lbnl_last = dc.loc[(dc["report"] == LBNL_REPORT) & (dc["bound"] == "estimate")].iloc[-1]
    projected = dc.loc[dc["bound"].isin(["low", "high"])]
    return _(
        "Line chart of US electricity generation expressed as average power in gigawatts, EIA from {eia_first} to "
        "{eia_last} and OWID from {owid_first} to {owid_last}. Generation rises to about {eia_gw} GW in {eia_year} "
        "(EIA) and {owid_gw} GW in {owid_year} (OWID); before {agree_from} OWID is {narrowest} to {widest} higher "
        "than EIA, since {agree_from} within {max_gap}. Dashed lines mark the article's {claim_gw} GW, first reached "
        "in {first_at_claim}, and its {ai_gw} GW for AI. Grey squares are data-centre estimates quoted by the press: "
        "{lbnl_gw} GW on average in {lbnl_year} (LBNL) and a projected {projected_low} to {projected_high} GW in "
        "{projected_year}."
    ).format(
        eia_first=int(eia["year"].min()),
        eia_last=int(eia["year"].max()),
        owid_first=int(owid["year"].min()),
        owid_last=int(owid["year"].max()),
        eia_gw=number(f["eia_gw"], ".0f"),
        eia_year=f["eia_year"],
        owid_gw=number(f["owid_gw"], ".0f"),
        owid_year=f["owid_year"],
        agree_from=SOURCES_AGREE_FROM,
        narrowest=number(f["narrowest_gap_share_before_2000"], ".0%"),
        widest=number(f["widest_gap_share"], ".0%"),
        max_gap=number(f["max_gap_share_since_2000"], ".0%"),
        claim_gw=number(article.US_PRODUCTION_GW, ".0f"),
        first_at_claim=f["first_year_at_claim"],
        ai_gw=number(article.AI_GW, ".0f"),
        lbnl_gw=number(lbnl_last["average_gw"], ".0f"),
        lbnl_year=int(lbnl_last["year"]),
        projected_low=number(projected["average_gw"].min(), ".0f"),
        projected_high=number(projected["average_gw"].max(), ".0f"),
        projected_year=int(projected["year"].max()),
    )


POWER_KINDS = (N_("The article"), N_("News reports (secondary)"), N_("Measured"))
# Short names, so that "name: value" fits above its stem on a phone.
ITEM_CLAIM_SITE = N_("Article: data centre")
ITEM_SITE = N_("Announced: full site")
ITEM_PHASE = N_("Announced: first phase")
ITEM_US = N_("US generation")


def powers_frame(generation: pd.DataFrame, quotes: pd.DataFrame, datacentres: pd.DataFrame) -> pd.DataFrame:
    """The powers in play, in watts: the article's figures, what the reports said, measured US averages."""
    f = c11_figures(quotes)
    owid = last_year_before(generation, OWID_SERIES, article.YEAR)
    lbnl = (
        datacentres.loc[(datacentres["report"] == LBNL_REPORT) & (datacentres["bound"] == "estimate")]
        .dropna(subset=["average_gw"])
        .iloc[-1]
    )
    article_kind, reports, measured = (_(kind) for kind in POWER_KINDS)
    rows = [
        (article_kind, _(ITEM_CLAIM_SITE), to_watts(article.SITE_TW, "TW")),
        (article_kind, _("Article: first phase"), to_watts(article.FIRST_PHASE_TW, "TW")),
        (article_kind, _("Article: US production"), to_watts(article.US_PRODUCTION_GW, "GW")),
        (article_kind, _("Article: power for AI"), to_watts(article.AI_GW, "GW")),
        (reports, _("Musk's slip, corrected"), to_watts(f["slip_gw"], "GW")),
        (reports, _(ITEM_SITE), to_watts(f["site_mw"], "MW")),
        (reports, _(ITEM_PHASE), to_watts(f["phase_mw"], "MW")),
        (measured, f"{_(ITEM_US)}, {int(owid['year'])}", to_watts(float(owid["average_gw"]), "GW")),
        (
            measured,
            _("US data centres, {year}").format(year=int(lbnl["year"])),
            to_watts(float(lbnl["average_gw"]), "GW"),
        ),
    ]
    frame = pd.DataFrame(rows, columns=["kind", "item", "watts"])
    frame["label"] = frame["watts"].map(format_power)
    claim = frame["item"] == _(ITEM_CLAIM_SITE)
    exponent = str(round(math.log10(f["site_factor"]))).translate(SUPERSCRIPT)
    frame.loc[claim, "label"] = (
        f"{frame.loc[claim, 'label'].iloc[0]} = 10{exponent} × {format_power(to_watts(f['site_mw'], 'MW'))}"
    )
    return frame.sort_values("watts", ascending=False).reset_index(drop=True)


def powers_chart(frame: pd.DataFrame):
    """The powers on one logarithmic axis, each row named above its stem so that the plot keeps its width."""
    low, high = 1e7, 1e15
    frame = frame.assign(
        rank=range(len(frame)),
        caption=[
            _("{item}: {power}").format(item=i, power=p) for i, p in zip(frame["item"], frame["label"], strict=True)
        ],
        start=low,
    )
    base = alt.Chart().encode(
        y=alt.Y("rank:O", title=None, axis=None),
        color=alt.Color(
            "kind:N",
            title=None,
            scale=alt.Scale(
                domain=[_(kind) for kind in POWER_KINDS], range=[CLAIM_COLOUR, SECONDARY_COLOUR, DATA_COLOUR]
            ),
            legend=alt.Legend(orient="bottom", direction="vertical"),
        ),
        tooltip=[
            alt.Tooltip("item:N", title=_("What")),
            alt.Tooltip("label:N", title=_("Power")),
            alt.Tooltip("kind:N", title=_("From")),
        ],
    )
    x = alt.X(
        "watts:Q",
        title=_("Power (W, log scale; gridlines ×10)"),
        scale=alt.Scale(type="log", domain=[low, high]),
        axis=alt.Axis(
            labelExpr="format(datum.value, '~s') + 'W'",
            values=[10.0**k for k in range(7, 16)],
            labelOverlap="greedy",
            grid=True,
        ),
    )
    dots = base.mark_point(size=110, filled=True, opacity=1).encode(x=x)
    # Thin but in full colour: a faint stem would vanish on the dark page.
    stems = base.mark_rule(strokeWidth=1.5, opacity=1).encode(
        x=alt.X("start:Q", scale=alt.Scale(type="log", domain=[low, high])), x2="watts:Q"
    )
    captions = base.mark_text(align="left", baseline="bottom", dy=-7, fontSize=11).encode(
        x=alt.X("start:Q", scale=alt.Scale(type="log", domain=[low, high])), text="caption:N"
    )
    # Dots first, so that the legend shows their symbol rather than a faint stem.
    # A height in pixels, not a step per row: a chart sized to its container cannot fit a step height.
    return alt.layer(dots, stems, captions, data=frame).properties(width="container", height=44 * len(frame))


def powers_description(frame: pd.DataFrame) -> str:
    def watts(item: str) -> float:
        return float(frame.loc[frame["item"] == item, "watts"].iloc[0])

    site, claim = watts(_(ITEM_SITE)), watts(_(ITEM_CLAIM_SITE))
    us = frame.loc[frame["item"].str.startswith(_(ITEM_US))].iloc[0]
    return _(
        "Dot chart on a logarithmic scale of the powers involved, from {lowest} to {highest}. The announced data "
        "centre is {site}, its first phase {phase}; the article's {claim} is {factor} times larger, and about "
        "{over_us} times the average power of all US electricity generation ({us} on average in {us_year})."
    ).format(
        lowest=format_power(frame["watts"].min()),
        highest=format_power(frame["watts"].max()),
        site=format_power(site),
        phase=format_power(watts(_(ITEM_PHASE))),
        claim=format_power(claim),
        factor=number(claim / site, ",.0f"),
        over_us=number(claim / us["watts"], ",.0f"),
        us=us["label"],
        us_year=us["item"].split(", ")[1],
    )


WEEKLY_KEY = ("United States", "United Kingdom", "World")
OTHERS_GREY = "#999999"
# Both go into Vega expressions in single quotes: their translations have no apostrophe.
OTHER_ENTITIES = N_("Others")
CHOSEN = N_("Chosen country")
CLAIM_WEEK_LABEL = N_("Article: {hours} h × {days} days")
WORKERS = {
    "hours_per_week_all": N_("all"),
    "hours_per_week_men": N_("men (2000)"),
    "hours_per_week_women": N_("women (2000)"),
}


def claim_week_label() -> str:
    return _(CLAIM_WEEK_LABEL).format(hours=number(article.HOURS_PER_DAY, ".0f"), days=WORKDAYS_PER_WEEK)


def weekly_chart_frame(weekly: pd.DataFrame) -> pd.DataFrame:
    long = weekly.melt(
        id_vars=["entity", "entity_type", "year"],
        value_vars=["hours_per_week_all", "hours_per_week_men", "hours_per_week_women"],
        var_name="workers",
        value_name="hours_per_week",
    ).dropna(subset=["hours_per_week"])
    long["workers"] = long["workers"].map({column: _(words) for column, words in WORKERS.items()})
    # Countries and averages under their names in the edition's language.
    long["entity"] = long["entity"].map(country)
    claim = pd.DataFrame(
        {
            "entity": [claim_week_label()],
            "entity_type": ["claim"],
            "year": [int(weekly["year"].min())],
            "workers": [_(WORKERS["hours_per_week_all"])],
            "hours_per_week": [article.HOURS_PER_DAY * WORKDAYS_PER_WEEK],
        }
    )
    return pd.concat([long, claim], ignore_index=True)


def weekly_chart(weekly: pd.DataFrame, default_country: str | None = None):
    """Weekly hours 1870-2000 by country, three series in colour, any other chosen from a menu; the claim as a rule."""
    frame = weekly_chart_frame(weekly)
    countries = sorted(weekly.loc[weekly["entity_type"] == "country", "entity"].unique())
    others = [c for c in countries if c not in WEEKLY_KEY]
    if default_country is None:
        first = weekly.loc[weekly["year"] == weekly["year"].min()].dropna(subset=["hours_per_week_all"])
        default_country = first.loc[first["entity"].isin(others)].sort_values("hours_per_week_all").iloc[-1]["entity"]
    # The menu and the key in the edition's language, as the frame names them.
    others, default_country, key = (
        [country(c) for c in others],
        country(default_country),
        [country(e) for e in WEEKLY_KEY],
    )
    chosen_name = _("Highlight a country: ")
    chosen = alt.param(name="country", value=default_country, bind=alt.binding_select(options=others, name=chosen_name))
    shown = (
        f"indexof({key!r}, datum.entity) >= 0 ? datum.entity : "
        f"(datum.entity == country ? '{_(CHOSEN)}' : '{_(OTHER_ENTITIES)}')"
    )
    domain = [*key, _(CHOSEN), _(OTHER_ENTITIES)]
    # No black or white: the page may be in dark mode. The others are a mid grey, made faint.
    colours = [DATA_COLOUR, PALETTE[2], PALETTE[4], PALETTE[5], OTHERS_GREY]
    x = alt.X("year:Q", title=_("Year"), axis=alt.Axis(format="d"), scale=alt.Scale(domain=[1865, 2005], nice=False))
    y = alt.Y(
        "hours_per_week:Q",
        title=_("Hours of work per week (full-time production workers)"),
        scale=alt.Scale(domain=[0, 100]),
    )
    tooltip = [
        alt.Tooltip("entity:N", title=_("Country or average")),
        alt.Tooltip("year:Q", title=_("Year"), format="d"),
        alt.Tooltip("workers:N", title=_("Workers")),
        alt.Tooltip("hours_per_week:Q", title=_("Hours per week"), format=".1f"),
    ]
    data = alt.Chart().transform_filter("datum.entity_type != 'claim'").transform_calculate(shown=shown)
    # The legend names the chosen country (the menu's choice; on paper, the one drawn).
    legend = alt.Legend(columns=2, labelExpr=f"datum.label == '{_(CHOSEN)}' ? country : datum.label")
    colour = alt.Color("shown:N", title=None, scale=alt.Scale(domain=domain, range=colours), legend=legend)
    highlighted = alt.datum.shown != _(OTHER_ENTITIES)
    all_workers = _(WORKERS["hours_per_week_all"])
    lines = (
        data.transform_filter(alt.datum.workers == all_workers)
        .mark_line(point=alt.OverlayMarkDef(size=16))
        .encode(
            x=x,
            y=y,
            detail="entity:N",
            color=colour,
            strokeWidth=alt.condition(highlighted, alt.value(2.5), alt.value(1)),
            # Faint enough to recede, not so faint that the dark page swallows it (3:1, as every mark).
            opacity=alt.condition(highlighted, alt.value(1), alt.value(0.7)),
            order=alt.Order("year:Q"),
            tooltip=tooltip,
        )
    )
    by_sex = (
        data.transform_filter(alt.datum.workers != all_workers)
        .transform_filter(highlighted)
        .mark_point(filled=True, size=60, opacity=1)
        .encode(
            x=x,
            y=y,
            color=colour,
            shape=alt.Shape(
                "workers:N",
                title=None,
                scale=alt.Scale(range=["triangle-up", "triangle-down"]),
                # Inside the empty lower left of the plot, so that it never runs off a narrow screen.
                legend=alt.Legend(
                    orient="bottom-left", padding=4, symbolFillColor=OTHERS_GREY, symbolStrokeColor=OTHERS_GREY
                ),
            ),
            tooltip=tooltip,
        )
    )
    claim = alt.Chart().transform_filter("datum.entity_type == 'claim'")
    claim_rule = claim.mark_rule(color=CLAIM_COLOUR, strokeDash=[6, 4], strokeWidth=2).encode(y=y, tooltip=tooltip)
    claim_label = claim.mark_text(color=CLAIM_COLOUR, align="left", dx=4, dy=-7, fontWeight="bold").encode(
        x=x, y=y, text=alt.value(f"{claim_week_label()} = {number(article.HOURS_PER_DAY * WORKDAYS_PER_WEEK, '.0f')} h")
    )
    return (
        alt.layer(lines, by_sex, claim_rule, claim_label, data=frame)
        .add_params(chosen)
        .properties(width="container", height=360)
    )


def weekly_description(weekly: pd.DataFrame, annual: pd.DataFrame) -> str:
    f = hours_figures(weekly, annual)
    last = weekly.loc[(weekly["year"] == f["last_total_year"]) & weekly["entity"].isin(WEEKLY_KEY)].set_index("entity")
    return _(
        "Line chart of weekly hours of full-time production workers in {countries} countries and sample averages, "
        "{first_year} to 2000. In {first_year} the United States stood at {us_first} hours, the United Kingdom at "
        "{uk_first} and the sample average at {world_first}, the highest being {longest} at {longest_week}; by "
        "{last_year} they were {us_last}, {uk_last} and {world_last}. A dashed line at {claim_week} hours shows what "
        "{claim_day} hours a day over {workdays} days would be; the highest value of any series in any year is "
        "{highest} hours. For 2000 only separate figures for men and women exist, shown as triangles."
    ).format(
        countries=f["n_countries"],
        first_year=f["first_year"],
        us_first=number(f["us_first_week"], ".1f"),
        uk_first=number(f["uk_first_week"], ".1f"),
        world_first=number(f["world_first_week"], ".1f"),
        longest=country(f["longest_first_entity"]),
        longest_week=number(f["longest_first_week"], ".1f"),
        last_year=f["last_total_year"],
        us_last=number(last.loc["United States", "hours_per_week_all"], ".1f"),
        uk_last=number(last.loc["United Kingdom", "hours_per_week_all"], ".1f"),
        world_last=number(last.loc["World", "hours_per_week_all"], ".1f"),
        claim_week=number(f["claim_per_week"], ".0f"),
        claim_day=number(article.HOURS_PER_DAY, ".0f"),
        workdays=WORKDAYS_PER_WEEK,
        highest=number(f["highest_week"], ".1f"),
    )


def annual_chart(annual: pd.DataFrame):
    """Annual hours per worker: UK and US 1870-2017, other countries 1870-1938; each source its own line."""
    key = [country(c) for c in KEY_COUNTRIES]
    domain = [*key, _("Other countries (to 1938)")]
    # Countries under their names in the edition's language.
    frame = annual.assign(entity=annual["entity"].map(country))
    frame = frame.assign(shown=frame["entity"].where(frame["entity"].isin(key), domain[-1]))
    highlight = alt.selection_point(fields=["entity"], on="pointerover", clear="pointerout")
    x = alt.X("year:Q", title=_("Year"), axis=alt.Axis(format="d"), scale=alt.Scale(domain=[1865, 2020], nice=False))
    y = alt.Y("hours_per_year:Q", title=_("Hours worked per worker per year"), scale=alt.Scale(domain=[0, 3600]))
    colour = alt.Color(
        "shown:N",
        title=None,
        scale=alt.Scale(domain=domain, range=[DATA_COLOUR, PALETTE[2], OTHERS_GREY]),
        legend=alt.Legend(columns=1),
    )
    tooltip = [
        alt.Tooltip("entity:N", title=_("Country")),
        alt.Tooltip("year:Q", title=_("Year"), format="d"),
        alt.Tooltip("hours_per_year:Q", title=_("Hours per worker per year"), format=",.0f"),
        alt.Tooltip("series:N", title=_("Estimate")),
    ]
    lines = (
        alt.Chart(frame)
        .mark_line(point=alt.OverlayMarkDef(size=14))
        .encode(
            x=x,
            y=y,
            color=colour,
            # One line per country and per estimate: the gap between 1938 and 1950 stays a gap.
            detail=alt.Detail(["entity:N", "series:N"]),
            strokeWidth=alt.condition(highlight, alt.value(4), alt.value(2), empty=False),
            opacity=alt.condition(alt.FieldOneOfPredicate(field="entity", oneOf=key), alt.value(1), alt.value(0.6)),
            tooltip=tooltip,
        )
        .add_params(highlight)
    )
    return lines.properties(width="container", height=320)


def annual_description(weekly: pd.DataFrame, annual: pd.DataFrame) -> str:
    f = hours_figures(weekly, annual)
    early = annual.loc[~annual["entity"].isin(KEY_COUNTRIES)].pivot(
        index="entity", columns="year", values="hours_per_year"
    )
    early_fell = int((early[LAST_HM_YEAR] < early[f["first_annual_year"]]).sum())
    return _(
        "Line chart of average annual hours worked per worker, in two estimates left apart by a gap. Huberman and "
        "Minns, {first_year} to {last_hm_year}: the United States falls from {us_first} to {us_hm_last} hours "
        "({us_fall_hm}), the United Kingdom from {uk_first} to {uk_hm_last} ({uk_fall_hm}); grey lines show {others} "
        "other countries, of which {fell} worked fewer hours at the end. Penn World Table, {first_pwt_year} to "
        "{last_year}: the United States goes from {us_pwt_first} to {us_last} ({us_fall_pwt}), the United Kingdom "
        "from {uk_pwt_first} to {uk_last} ({uk_fall_pwt}); since {email_start} the change is small ({us_email} in the "
        "United States, {uk_email} in the United Kingdom)."
    ).format(
        first_year=f["first_annual_year"],
        last_hm_year=f["last_hm_annual_year"],
        us_first=number(f["us_annual_first"], ",.0f"),
        us_hm_last=number(f["us_annual_hm_last"], ",.0f"),
        us_fall_hm=number(-f["us_fall_hm"], ".0%"),
        uk_first=number(f["uk_annual_first"], ",.0f"),
        uk_hm_last=number(f["uk_annual_hm_last"], ",.0f"),
        uk_fall_hm=number(-f["uk_fall_hm"], ".0%"),
        others=len(early),
        fell=early_fell,
        first_pwt_year=f["first_pwt_year"],
        last_year=f["last_annual_year"],
        us_pwt_first=number(f["us_annual_pwt_first"], ",.0f"),
        us_last=number(f["us_annual_last"], ",.0f"),
        us_fall_pwt=number(-f["us_fall_pwt"], ".0%"),
        uk_pwt_first=number(f["uk_annual_pwt_first"], ",.0f"),
        uk_last=number(f["uk_annual_last"], ",.0f"),
        uk_fall_pwt=number(-f["uk_fall_pwt"], ".0%"),
        email_start=EMAIL_ERA_START,
        us_email=number(f["us_change_email"], ".1%"),
        uk_email=number(f["uk_change_email"], ".1%"),
    )


# The source lines and notes that chapters/scale.md passes to book.figure, which shows them in the
# edition's language: marked here for the catalogue (tests/test_french.py checks that every one the
# chapter writes is translated).
FIGURE_TEXTS = (
    N_(
        "EIA Monthly Energy Review table 7.2a; OWID energy data (Ember, Energy Institute); LBNL and EPRI as quoted by the trade press; the book's calculation"
    ),
    N_("Grey squares and bars: data-centre figures quoted by the trade press (secondary)."),
    N_(
        "News reports of the 19 November 2025 announcement (secondary); EIA and OWID; LBNL via the trade press; the article"
    ),
    N_("Grey dots: figures from news reports (secondary)."),
    N_("Huberman and Minns (2007), via Our World in Data; the article; the book's calculation"),
    N_("Huberman and Minns, then the Penn World Table, via Our World in Data"),
)
