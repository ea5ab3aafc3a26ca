"""Scale, facts: the tables turned into the named numbers the prose quotes. The analysis (C14,
C11, C12, C13; C06 and C17's are in :mod:`.hours_figures`) comes first; the last functions, one per section of
``chapters/scale.md`` and one for ``chapters/conclusion.md``, return the glue keys spelled out."""

from __future__ import annotations

import math

import pandas as pd

from ...datapackage import DataError
from ...i18n import N_, _, country, gettext, ngettext, number
from ...markup import Markdown, plain_text
from . import article
from .hours_figures import (
    EMAIL_ERA_START,
    INDUSTRIAL_REVOLUTION_YEARS,
    SECOND_INDUSTRIAL_REVOLUTION_START,
    WORKDAYS_PER_WEEK,
    hours_figures,
    hours_in_years,
)
from .tables import (
    ANNOUNCEMENT,
    DATACENTRES,
    EIA_SERIES,
    EPRI_2026,
    FIRST_PHASE,
    FULL_SITE,
    GENERATION,
    LBNL_REPORT,
    ON_STAGE_SLIP,
    ORDINARY_YEAR_HOURS,
    OWID_SERIES,
    POWER_UNITS,
    average_gw_to_twh,
    convert_power,
    hours_in_year,
    to_watts,
)
from .working_hours import WEEKLY_HOURS

# --- Physical constants, with their sources ---------------------------------------------------
# IAU 2012 Resolution B2: the astronomical unit is defined as exactly 149,597,870,700 m.
ASTRONOMICAL_UNIT_M = 149_597_870_700.0
# IUGG Geodetic Reference System 1980, mean radius R1 = (2a + b) / 3 = 6,371,008.8 m
# (H. Moritz, "Geodetic Reference System 1980", Journal of Geodesy 74 (2000) 128-133).
EARTH_MEAN_RADIUS_M = 6_371_008.8

# --- Conventions of the book's own -----------------------------------------------------------
# "Matches a year" means within 1% of that year's average generation.
YEAR_MATCH = 0.01
# OWID's series steps down onto the EIA's in 2000 (SOURCE.md: they disagree before 2000).
SOURCES_AGREE_FROM = 2000
# The parameters of the exercises, so that the questions and the answers cannot drift apart.
EXERCISE_GENERATION_YEAR = 2024
EXERCISE_LEAP_YEAR = 2020
EXERCISE_HOURS_YEAR = 1870


# --- Formatting, for the evidence sentences and the steps tables -------------------------------


def format_power(watts: float) -> str:
    """A power in the largest unit that keeps the number at least 1: 5e8 -> '500 MW'."""
    if watts <= 0:
        raise ValueError(f"a power to display must be positive, got {watts}")
    for symbol in ("TW", "GW", "MW", "kW", "W"):
        value = watts / POWER_UNITS[symbol]
        if value >= 1 or symbol == "W":
            return f"{number(value, ',.3g')} {symbol}" if value < 1000 else f"{number(value, ',.0f')} {symbol}"
    raise AssertionError("unreachable")


def three_figures(value: float) -> str:
    """Three significant figures without switching to exponents: 1.25, 20, 4,000."""
    return number(value, ",.0f") if abs(value) >= 100 else number(value, ",.3g")


def as_dollars(value: float) -> str:
    """A dollar amount in words: 2e13 -> '$20 trillion'."""
    for size, words in ((1e12, N_("${amount} trillion")), (1e9, N_("${amount} billion"))):
        if value >= size:
            return gettext(words).format(amount=three_figures(value / size))
    return gettext("${amount}").format(amount=number(value, ",.0f"))


def as_billions(value: float) -> str:
    """A count in billions: 1e9 -> '1 billion'."""
    return ngettext("{count} billion", "{count} billion", value / 1e9).format(count=three_figures(value / 1e9))


def _to(low: str, high: str) -> str:
    return _("{start} to {end}").format(start=low, end=high)


SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def scientific(value: float, digits: int = 3) -> str:
    """4.53e-10 -> '4.53 × 10⁻¹⁰', for readers who do not read e-notation."""
    mantissa, exponent = number(value, f".{digits - 1}e").split("e")
    return f"{mantissa} × 10{str(int(exponent)).translate(SUPERSCRIPT)}"


def steps_markdown(steps: pd.DataFrame) -> Markdown:
    """A steps table (Step, Computation, Result) as a MyST table for the chapter's prose: the
    table is the code's markup, each cell is text ("$" would open maths, "|" end a cell)."""
    lines = ["| " + " | ".join(steps.columns) + " |", "|" + "---|" * len(steps.columns)]
    for row in steps.itertuples(index=False):
        lines.append("| " + " | ".join(plain_text(cell) for cell in row) + " |")
    return Markdown("\n".join(lines))


# --- C14: US generation as average power -------------------------------------------------------


def series_of(table: pd.DataFrame, source: str) -> pd.DataFrame:
    rows = table.loc[table["source"] == source].sort_values("year")
    if rows.empty:
        raise DataError(f"{GENERATION.name} has no rows for {source}")
    return rows


def last_year_before(table: pd.DataFrame, source: str, year: int) -> pd.Series:
    """The latest row of a source for a year before ``year`` (a complete year before the article)."""
    rows = series_of(table, source)
    rows = rows.loc[rows["year"] < year]
    if rows.empty:
        raise DataError(f"{GENERATION.name} has no {source} year before {year}")
    return rows.iloc[-1]


def years_near(table: pd.DataFrame, source: str, gw: float, tolerance: float = YEAR_MATCH) -> list[int]:
    """Years whose average generation is within ``tolerance`` (relative) of ``gw``."""
    rows = series_of(table, source)
    near = (rows["average_gw"] - gw).abs() <= tolerance * gw
    return rows.loc[near, "year"].astype(int).tolist()


def first_year_at(table: pd.DataFrame, source: str, gw: float) -> int:
    """The first year whose average generation reaches ``gw``."""
    rows = series_of(table, source)
    reached = rows.loc[rows["average_gw"] >= gw, "year"]
    if reached.empty:
        raise DataError(f"{GENERATION.name}: {source} never reaches {gw} GW")
    return int(reached.iloc[0])


def source_gap(table: pd.DataFrame) -> pd.DataFrame:
    """Years both publishers cover, with OWID minus EIA in GW and as a share of EIA."""
    eia = series_of(table, EIA_SERIES).set_index("year")["average_gw"]
    owid = series_of(table, OWID_SERIES).set_index("year")["average_gw"]
    both = pd.DataFrame({"eia_gw": eia, "owid_gw": owid}).dropna()
    both["gap_gw"] = both["owid_gw"] - both["eia_gw"]
    both["gap_share"] = both["gap_gw"] / both["eia_gw"]
    return both.reset_index().astype({"year": int})


def c14_figures(table: pd.DataFrame) -> dict[str, float]:
    eia = last_year_before(table, EIA_SERIES, article.YEAR)
    owid = last_year_before(table, OWID_SERIES, article.YEAR)
    gap = source_gap(table)
    before_2000 = gap.loc[gap["year"] < SOURCES_AGREE_FROM]
    # The widest gap in percent and the widest in GW fall in different years: both are quoted.
    widest = before_2000.loc[before_2000["gap_share"].abs().idxmax()]
    widest_gw = before_2000.loc[before_2000["gap_gw"].abs().idxmax()]
    since_2000 = gap.loc[gap["year"] >= SOURCES_AGREE_FROM]
    first_at_claim = first_year_at(table, EIA_SERIES, article.US_PRODUCTION_GW * (1 - YEAR_MATCH))
    eia_since = series_of(table, EIA_SERIES).loc[lambda rows: rows["year"].between(first_at_claim, int(eia["year"]))]
    return {
        "eia_year": int(eia["year"]),
        "eia_gw": float(eia["average_gw"]),
        "eia_twh": float(eia["generation_twh"]),
        "owid_year": int(owid["year"]),
        "owid_gw": float(owid["average_gw"]),
        "owid_twh": float(owid["generation_twh"]),
        "ai_share_eia": article.AI_GW / float(eia["average_gw"]),
        "ai_share_owid": article.AI_GW / float(owid["average_gw"]),
        "ai_twh_per_year": average_gw_to_twh(article.AI_GW, article.YEAR),
        "claim_vs_eia": article.US_PRODUCTION_GW / float(eia["average_gw"]) - 1,
        "claim_vs_owid": article.US_PRODUCTION_GW / float(owid["average_gw"]) - 1,
        "widest_gap_year": int(widest["year"]),
        "widest_gap_share": float(widest["gap_share"]),
        "widest_gap_gw_year": int(widest_gw["year"]),
        "widest_gap_gw": float(widest_gw["gap_gw"]),
        "max_gap_share_since_2000": float(since_2000["gap_share"].abs().max()),
        "narrowest_gap_share_before_2000": float(before_2000["gap_share"].abs().min()),
        "first_year_at_claim": first_at_claim,
        "eia_mean_gw_since": float(eia_since["average_gw"].mean()),
        "eia_min_gw_since": float(eia_since["average_gw"].min()),
        "eia_max_gw_since": float(eia_since["average_gw"].max()),
        "first_overlap_year": int(gap["year"].min()),
        "eia_first_year": int(series_of(table, EIA_SERIES)["year"].min()),
        "owid_last_year": int(series_of(table, OWID_SERIES)["year"].max()),
        "owid_gw_if_ordinary_year": float(owid["generation_twh"]) * 1000 / ORDINARY_YEAR_HOURS,
    }


def datacentre_figures(table: pd.DataFrame) -> dict[str, float]:
    """The figures the chapter quotes, under its glue keys: LBNL's latest estimate and projected range,
    EPRI's latest range."""
    lbnl = table.loc[table["report"] == LBNL_REPORT]
    now = lbnl.loc[lbnl["bound"] == "estimate"].dropna(subset=["electricity_twh"]).iloc[-1]
    projected = lbnl.loc[lbnl["bound"] != "estimate"].set_index("bound")
    epri = table.loc[table["report"] == EPRI_2026].set_index("bound")
    if not {"low", "high"} <= set(projected.index) or not {"low", "high"} <= set(epri.index):
        raise DataError(f"{DATACENTRES.name}: a projected range lacks its low or high end")
    return {
        "dc_now_year": int(now["year"]),
        "dc_now_twh": float(now["electricity_twh"]),
        "dc_now_gw": float(now["average_gw"]),
        "dc_now_share": float(now["share_of_us_electricity"]),
        "dc_future_year": int(projected.loc["high", "year"]),
        "dc_future_low_twh": float(projected.loc["low", "electricity_twh"]),
        "dc_future_high_twh": float(projected.loc["high", "electricity_twh"]),
        "dc_future_low_gw": float(projected.loc["low", "average_gw"]),
        "dc_future_high_gw": float(projected.loc["high", "average_gw"]),
        "dc_future_low_capacity": float(projected.loc["low", "capacity_gw"]),
        "dc_future_high_capacity": float(projected.loc["high", "capacity_gw"]),
        "dc_epri_year": int(epri.loc["high", "year"]),
        "dc_epri_low_share": float(epri.loc["low", "share_of_us_electricity"]),
        "dc_epri_high_share": float(epri.loc["high", "share_of_us_electricity"]),
    }


# --- C11: terawatts or megawatts ---------------------------------------------------------------


def c11_figures(quotes: pd.DataFrame) -> dict[str, float]:
    def figure(name: str) -> pd.Series:
        values = quotes.loc[quotes["figure"] == name, "power_mw"]
        if values.empty:
            raise DataError(f"{ANNOUNCEMENT.name} has no report of the {name}")
        return values

    site, phase, slip = figure(FULL_SITE), figure(FIRST_PHASE), figure(ON_STAGE_SLIP)
    return {
        "site_mw": float(site.median()),
        "site_reports": int(len(site)),
        "site_reports_agree": int((site == site.median()).sum()),
        "phase_mw": float(phase.median()),
        "phase_reports": int(len(phase)),
        "slip_gw": convert_power(float(slip.median()), "MW", "GW"),
        "slip_reports": int(len(slip)),
        "claim_site_mw": convert_power(article.SITE_TW, "TW", "MW"),
        "claim_phase_mw": convert_power(article.FIRST_PHASE_TW, "TW", "MW"),
        "site_factor": convert_power(article.SITE_TW, "TW", "MW") / float(site.median()),
        "phase_factor": convert_power(article.FIRST_PHASE_TW, "TW", "MW") / float(phase.median()),
    }


def claim_over_us_generation(generation: pd.DataFrame) -> float:
    """The article's data centre in multiples of average US generation (OWID, the year before)."""
    us = last_year_before(generation, OWID_SERIES, article.YEAR)
    return to_watts(article.SITE_TW, "TW") / to_watts(float(us["average_gw"]), "GW")


# --- C12: the robot arithmetic -----------------------------------------------------------------


def robot_figures() -> dict[str, float]:
    low_demand, high_demand = article.ROBOT_DEMAND
    low_industry, high_industry = article.ROBOT_INDUSTRY_USD
    return {
        "revenue_per_year": article.ROBOTS_PER_YEAR * article.ROBOT_PRICE_USD,
        "margin_per_year": article.ROBOTS_PER_YEAR * (article.ROBOT_PRICE_USD - article.ROBOT_COST_USD),
        "share_of_demand_high": article.ROBOTS_PER_YEAR / low_demand,
        "share_of_demand_low": article.ROBOTS_PER_YEAR / high_demand,
        "ten_percent_low": article.ROBOT_MARKET_SHARE * low_demand,
        "ten_percent_high": article.ROBOT_MARKET_SHARE * high_demand,
        "units_for_industry_low": low_industry / article.ROBOT_PRICE_USD,
        "units_for_industry_high": high_industry / article.ROBOT_PRICE_USD,
        "demand_value_low": low_demand * article.ROBOT_PRICE_USD,
        "demand_value_high": high_demand * article.ROBOT_PRICE_USD,
    }


def robot_steps() -> pd.DataFrame:
    """The C12 arithmetic, one step a row: what is computed, from what, and the result."""
    f = robot_figures()
    lo_d, hi_d = article.ROBOT_DEMAND
    lo_i, hi_i = article.ROBOT_INDUSTRY_USD
    rows = [
        (
            _("Tesla's yearly sales at the stated price"),
            _("{robots} robots × {price}").format(
                robots=as_billions(article.ROBOTS_PER_YEAR), price=as_dollars(article.ROBOT_PRICE_USD)
            ),
            _("{amount} a year").format(amount=as_dollars(f["revenue_per_year"])),
        ),
        (_("The stated industry size"), _("as the article states it"), _to(as_dollars(lo_i), as_dollars(hi_i))),
        (
            _("Robots that industry size buys at the stated price"),
            f"{_to(as_dollars(lo_i), as_dollars(hi_i))} ÷ {as_dollars(article.ROBOT_PRICE_USD)}",
            _to(as_billions(f["units_for_industry_low"]), as_billions(f["units_for_industry_high"])),
        ),
        (
            _("Tesla's share of the stated demand"),
            f"{as_billions(article.ROBOTS_PER_YEAR)} ÷ {_to(as_billions(lo_d), as_billions(hi_d))}",
            _to(number(f["share_of_demand_low"], ".1%"), number(f["share_of_demand_high"], ".1%")),
        ),
        (
            _("What {share} of the stated demand would be").format(share=number(article.ROBOT_MARKET_SHARE, ".0%")),
            f"{number(article.ROBOT_MARKET_SHARE, '.0%')} × {_to(as_billions(lo_d), as_billions(hi_d))}",
            _("{robots} robots").format(
                robots=_to(as_billions(f["ten_percent_low"]), as_billions(f["ten_percent_high"]))
            ),
        ),
        (
            _("The stated demand at the stated price"),
            f"{_to(as_billions(lo_d), as_billions(hi_d))} × {as_dollars(article.ROBOT_PRICE_USD)}",
            _to(as_dollars(f["demand_value_low"]), as_dollars(f["demand_value_high"])),
        ),
        (
            _("Tesla's yearly margin (price minus cost)"),
            f"{as_billions(article.ROBOTS_PER_YEAR)} × ({as_dollars(article.ROBOT_PRICE_USD)} − {as_dollars(article.ROBOT_COST_USD)})",
            _("{amount} a year").format(amount=as_dollars(f["margin_per_year"])),
        ),
    ]
    return pd.DataFrame(rows, columns=[_("Step"), _("Computation or source"), _("Result")])


# --- C13: the sun's output that reaches the Earth ---------------------------------------------


def solar_fraction(radius_m: float = EARTH_MEAN_RADIUS_M, distance_m: float = ASTRONOMICAL_UNIT_M) -> float:
    """Share of the sun's output that a sphere of ``radius_m`` at ``distance_m`` intercepts.

    The sun radiates in all directions, over a sphere of area 4πd²; the Earth presents a disc
    of area πR² to it, so the share is πR² / 4πd² = R² / 4d².
    """
    if radius_m <= 0 or distance_m <= radius_m:
        raise ValueError("the distance must exceed the radius, and both be positive")
    return radius_m**2 / (4 * distance_m**2)


def solar_figures() -> dict[str, float]:
    fraction = solar_fraction()
    return {
        "disc_m2": math.pi * EARTH_MEAN_RADIUS_M**2,
        "sphere_m2": 4 * math.pi * ASTRONOMICAL_UNIT_M**2,
        "fraction": fraction,
        "one_in": 1 / fraction,
        "claim_over_fraction": article.SOLAR_FRACTION / fraction,
    }


def solar_steps() -> pd.DataFrame:
    f = solar_figures()
    rows = [
        (
            _("Earth's mean radius R"),
            _("IUGG Geodetic Reference System 1980, mean radius R1"),
            f"{number(EARTH_MEAN_RADIUS_M, ',.1f')} m",
        ),
        (
            _("Mean distance to the sun d"),
            _("IAU 2012 Resolution B2: the astronomical unit, exact by definition"),
            f"{number(ASTRONOMICAL_UNIT_M, ',.0f')} m",
        ),
        (_("Area of the disc the Earth shows the sun"), "π R²", f"{scientific(f['disc_m2'])} m²"),
        (_("Area over which the sun's output is spread at distance d"), "4 π d²", f"{scientific(f['sphere_m2'])} m²"),
        (
            _("Share that reaches the Earth"),
            "π R² ÷ 4 π d² = R² ÷ 4 d²",
            _("{fraction}, one part in {billions} billion").format(
                fraction=scientific(f["fraction"]), billions=number(f["one_in"] / 1e9, ".2g")
            ),
        ),
        (_("The article's share"), _("one twentieth, as the article states it"), number(article.SOLAR_FRACTION, "g")),
        (
            _("How far apart they are"),
            "(1/20) ÷ (R² ÷ 4 d²)",
            _("{factor} times").format(factor=scientific(f["claim_over_fraction"])),
        ),
    ]
    return pd.DataFrame(rows, columns=[_("Step"), _("Computation or source"), _("Result")])


# --- The pages' sections: the glue keys their prose references ----------------------------------
# One function per section of chapters/scale.md, then one for chapters/conclusion.md. Each key is
# spelled out here, so that grep finds where a glued number is made.


def us_power(generation: pd.DataFrame, datacentres: pd.DataFrame) -> dict[str, float]:
    """Section scale-us-power: US generation as average power (C14), and the data-centre estimates beside it."""
    c14 = c14_figures(generation)
    near = years_near(generation, EIA_SERIES, article.US_PRODUCTION_GW)
    return {
        "c14_eia_year": c14["eia_year"],
        "c14_eia_gw": c14["eia_gw"],
        "c14_eia_twh": c14["eia_twh"],
        "c14_owid_year": c14["owid_year"],
        "c14_owid_gw": c14["owid_gw"],
        "c14_owid_twh": c14["owid_twh"],
        "c14_ai_share_eia": c14["ai_share_eia"],
        "c14_ai_share_owid": c14["ai_share_owid"],
        "c14_ai_twh_per_year": c14["ai_twh_per_year"],
        "c14_widest_gap_year": c14["widest_gap_year"],
        "c14_widest_gap_share": c14["widest_gap_share"],
        "c14_widest_gap_gw_year": c14["widest_gap_gw_year"],
        "c14_widest_gap_gw": c14["widest_gap_gw"],
        "c14_max_gap_share_since_2000": c14["max_gap_share_since_2000"],
        "c14_narrowest_gap_share_before_2000": c14["narrowest_gap_share_before_2000"],
        "c14_first_year_at_claim": c14["first_year_at_claim"],
        "c14_eia_mean_gw_since": c14["eia_mean_gw_since"],
        "c14_eia_min_gw_since": c14["eia_min_gw_since"],
        "c14_eia_max_gw_since": c14["eia_max_gw_since"],
        "c14_first_overlap_year": c14["first_overlap_year"],
        "c14_eia_first_year": c14["eia_first_year"],
        "c14_owid_last_year": c14["owid_last_year"],
        "c14_owid_gw_if_ordinary_year": c14["owid_gw_if_ordinary_year"],
        "claim_us_gw": article.US_PRODUCTION_GW,
        "claim_ai_gw": article.AI_GW,
        "claim_ai_share": article.AI_SHARE,
        "hours_normal_year": hours_in_year(c14["eia_year"]),
        "hours_leap_year": hours_in_year(c14["owid_year"]),
        "n_years_near_claim": len(near),
        "last_year_near_claim": max(near),
        "year_match": YEAR_MATCH,
        "sources_agree_from": SOURCES_AGREE_FROM,
    } | datacentre_figures(datacentres)


def terawatts(announcement: pd.DataFrame, generation: pd.DataFrame) -> dict[str, float]:
    """Section scale-terawatts: the announced site and phase against the article's terawatts (C11)."""
    c11 = c11_figures(announcement)
    return {
        "c11_site_mw": c11["site_mw"],
        "c11_site_reports": c11["site_reports"],
        "c11_site_reports_agree": c11["site_reports_agree"],
        "c11_phase_mw": c11["phase_mw"],
        "c11_phase_reports": c11["phase_reports"],
        "c11_slip_gw": c11["slip_gw"],
        "c11_slip_reports": c11["slip_reports"],
        "c11_site_factor": c11["site_factor"],
        "claim_site_tw": article.SITE_TW,
        "claim_phase_tw": article.FIRST_PHASE_TW,
        "claim_site_over_us": claim_over_us_generation(generation),
    }


def robots() -> dict[str, float | str]:
    """Section scale-robots: the article's robot figures checked against one another (C12)."""
    f = robot_figures()
    return {
        "robot_steps": steps_markdown(robot_steps()),
        "robots_per_year": article.ROBOTS_PER_YEAR / 1e9,
        "robot_price": article.ROBOT_PRICE_USD,
        "robot_revenue": f["revenue_per_year"] / 1e12,
        "robot_industry_low": article.ROBOT_INDUSTRY_USD[0] / 1e12,
        "robot_industry_high": article.ROBOT_INDUSTRY_USD[1] / 1e12,
        "robot_share_low": f["share_of_demand_low"],
        "robot_share_high": f["share_of_demand_high"],
        "robot_claimed_share": article.ROBOT_MARKET_SHARE,
    }


def sun() -> dict[str, float | str]:
    """Section scale-sun: the share of the sun's output that reaches the Earth (C13)."""
    f = solar_figures()
    return {
        "solar_steps": steps_markdown(solar_steps()),
        "solar_one_in_billions": f["one_in"] / 1e9,
        "solar_claim_over_fraction_millions": f["claim_over_fraction"] / 1e6,
        "claim_solar_fraction": article.SOLAR_FRACTION,
    }


def in_the_industrial_revolution(weekly: pd.DataFrame) -> dict[str, float | int | str]:
    figures = hours_in_years(weekly, *INDUSTRIAL_REVOLUTION_YEARS)
    if figures is None:
        raise DataError(f"{WEEKLY_HOURS.name} has no year between {INDUSTRIAL_REVOLUTION_YEARS}")
    return figures


def sixteen_hours(weekly: pd.DataFrame, annual: pd.DataFrame) -> dict[str, float | str]:
    """Section scale-sixteen-hours (C06): the working week the data reach against sixteen hours a day."""
    f = hours_figures(weekly, annual)
    period = in_the_industrial_revolution(weekly)
    return {
        "hours_first_year": f["first_year"],
        "hours_claim_per_week": f["claim_per_week"],
        "hours_us_first_week": f["us_first_week"],
        "hours_uk_first_week": f["uk_first_week"],
        "hours_longest_first_week": f["longest_first_week"],
        "hours_longest_first_entity": country(f["longest_first_entity"]),
        "hours_n_countries": f["n_countries"],
        "hours_us_first_day": f["us_first_day"],
        "hours_uk_first_day": f["uk_first_day"],
        "hours_longest_first_day": f["longest_first_day"],
        "claim_hours_per_day": article.HOURS_PER_DAY,
        "workdays_per_week": WORKDAYS_PER_WEEK,
        "industrial_revolution_first": INDUSTRIAL_REVOLUTION_YEARS[0],
        "industrial_revolution_last": INDUSTRIAL_REVOLUTION_YEARS[1],
        "second_revolution_first": SECOND_INDUSTRIAL_REVOLUTION_START,
        "hours_period_last_year": period["last_year"],
        "hours_period_world_day": period["world_day"],
    }


def hours_trend(weekly: pd.DataFrame, annual: pd.DataFrame) -> dict[str, float]:
    """Section scale-hours-trend (C17): hours in each half's period, each within one estimate."""
    f = hours_figures(weekly, annual)
    period = in_the_industrial_revolution(weekly)
    return {
        "hours_period_first_year": period["first_year"],
        "hours_us_fall_in_period": -period["us_change"],
        "hours_uk_fall_in_period": -period["uk_change"],
        "hours_last_total_year": f["last_total_year"],
        "hours_us_week_fall": f["us_week_fall"],
        "hours_uk_week_fall": f["uk_week_fall"],
        "hours_first_annual_year": f["first_annual_year"],
        "hours_last_hm_annual_year": f["last_hm_annual_year"],
        "hours_first_pwt_year": f["first_pwt_year"],
        "hours_last_annual_year": f["last_annual_year"],
        "hours_us_annual_hm_last": f["us_annual_hm_last"],
        "hours_us_annual_pwt_first": f["us_annual_pwt_first"],
        "hours_us_fall_email": f["us_fall_email"],
        "hours_uk_fall_email": f["uk_fall_email"],
        "email_era_start": EMAIL_ERA_START,
        "information_age_last": article.YEAR,
    }


def exercise_questions() -> dict[str, int]:
    """Section Exercises: the years the questions name (the answers in exercises.py use the same)."""
    return {
        "ex_generation_year": EXERCISE_GENERATION_YEAR,
        "ex_leap_year": EXERCISE_LEAP_YEAR,
        "ex_hours_year": EXERCISE_HOURS_YEAR,
    }


def conclusion(announcement: pd.DataFrame, weekly: pd.DataFrame, annual: pd.DataFrame) -> dict[str, float | str]:
    """chapters/conclusion.md: the unit and ratio errors (C11, C13) and the fall in working hours (C17)."""
    hours = hours_figures(weekly, annual)
    return {
        "unit_factor": c11_figures(announcement)["site_factor"],
        "solar_factor": _("{millions} million").format(
            millions=number(solar_figures()["claim_over_fraction"] / 1e6, ",.0f")
        ),
        "claimed_hours_per_day": article.HOURS_PER_DAY,
        "us_week_fall": hours["us_week_fall"],
        "us_hours_fall_recent": hours["us_fall_email"],
        "hours_first_year": str(hours["first_year"]),
        "hours_week_last_year": str(hours["last_total_year"]),
        "hours_recent_first_year": str(EMAIL_ERA_START),
        "hours_last_year": str(hours["last_annual_year"]),
    }
