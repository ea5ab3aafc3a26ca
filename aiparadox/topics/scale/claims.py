"""Scale, claims: the verdicts on C06, C11, C12, C13, C14 and C17, each a pure function of the
tables it is given (``tables=`` names them, in the order of the parameters).

The rules are fixed before the data: the tolerances and thresholds below are stated here and in
the chapter, and the data decide.
"""

from __future__ import annotations

import math

import pandas as pd

from ...ledger import assesses
from . import article
from .facts import (
    EMAIL_ERA_START,
    INDUSTRIAL_REVOLUTION_END,
    WORKDAYS_PER_WEEK,
    YEAR_MATCH,
    as_billions,
    as_dollars,
    c11_figures,
    c14_figures,
    format_power,
    hours_figures,
    robot_figures,
    scientific,
    solar_figures,
    years_near,
)
from .tables import EIA_SERIES

# "About 460 GW" counts as right if within 10% of the measured average; the same for 2/3.
C14_TOLERANCE = 0.10
# A claimed number of hours counts as right if within 10% of the measured one.
HOURS_TOLERANCE = 0.10
# A fall of annual hours larger than this is a material reduction of working time.
MATERIAL_FALL = 0.10
# Figures within a factor of two of each other are "the same order"; the claims here miss by far more.
SAME_ORDER = 2.0


def c14_verdict(f: dict[str, float]) -> str:
    """The level (460 GW) and the share (two thirds) both within C14_TOLERANCE of both publishers."""
    level_fits = abs(f["claim_vs_eia"]) <= C14_TOLERANCE and abs(f["claim_vs_owid"]) <= C14_TOLERANCE
    share_fits = all(abs(f[k] / article.AI_SHARE - 1) <= C14_TOLERANCE for k in ("ai_share_eia", "ai_share_owid"))
    if level_fits and share_fits:
        # The size is right, but a power in GW is not an "annual production", and it is dated.
        return "accurate but misleading"
    return "wrong"


@assesses("C14", chapter="chapters/scale", section="scale-us-power", tables=("us_electricity_generation",))
def assess_c14(generation: pd.DataFrame) -> tuple[str, str, str]:
    f = c14_figures(generation)
    fits = years_near(generation, EIA_SERIES, article.US_PRODUCTION_GW)
    matched = (
        f"is within {YEAR_MATCH:.0%} of the average of {len(fits)} years between {min(fits)} and {max(fits)}"
        if fits
        else f"is not within {YEAR_MATCH:.0%} of any year's average"
    )
    low, high = sorted((f["ai_share_eia"], f["ai_share_owid"]))
    evidence = (
        f"US generation was {f['eia_twh']:,.0f} TWh in {f['eia_year']} (EIA), an average of "
        f"{f['eia_gw']:.0f} GW, and {f['owid_twh']:,.0f} TWh in {f['owid_year']} (OWID/Ember), "
        f"{f['owid_gw']:.0f} GW. The article's {article.US_PRODUCTION_GW:.0f} GW is an average power, not an "
        f"annual production, and {matched}; {article.AI_GW:.0f} GW would be {low:.0%} to {high:.0%} of "
        f"recent generation, not {article.AI_SHARE:.0%}."
    )
    return c14_verdict(f), evidence, "EIA Monthly Energy Review table 7.2a; OWID energy data (Ember)"


def within_order(a: float, b: float) -> bool:
    """Whether two positive figures are of the same order: within a factor of SAME_ORDER."""
    return max(a, b) / min(a, b) <= SAME_ORDER


@assesses("C11", chapter="chapters/scale", section="scale-terawatts", tables=("xai_humain_announcement",))
def assess_c11(announcement: pd.DataFrame) -> tuple[str, str, str]:
    f = c11_figures(announcement)
    if math.isclose(f["claim_site_mw"], f["site_mw"]) and math.isclose(f["claim_phase_mw"], f["phase_mw"]):
        verdict = "accurate"
    elif within_order(f["claim_site_mw"], f["site_mw"]):
        verdict = "accurate but misleading"
    else:
        verdict = "wrong"
    evidence = (
        f"{f['site_reports_agree']} of {f['site_reports']} news reports quoted give "
        f"{format_power(f['site_mw'] * 1e6)} for the site and {f['phase_reports']} give "
        f"{format_power(f['phase_mw'] * 1e6)} for the first phase; the article's "
        f"{article.SITE_TW:.0f} TW and {article.FIRST_PHASE_TW:.0f} TW are {f['site_factor']:,.0f} times larger. "
        f"Musk misspoke on stage as {f['slip_gw']:.0f} GW before correcting himself; no report uses terawatts."
    )
    return verdict, evidence, "News reports of the 19 November 2025 announcement (secondary)"


def robots_consistent(f: dict[str, float]) -> bool:
    """Whether the article's robot figures fit together: the revenue inside the stated industry
    size, and Tesla's share of the demand at least the stated market share."""
    lo_i, hi_i = article.ROBOT_INDUSTRY_USD
    revenue_fits = lo_i <= f["revenue_per_year"] <= hi_i
    share_fits = f["share_of_demand_low"] >= article.ROBOT_MARKET_SHARE
    return revenue_fits and share_fits


# C12 and C13 need no table: they are arithmetic on the article's own figures and on geometry.
@assesses("C12", chapter="chapters/scale", section="scale-robots")
def assess_c12() -> tuple[str, str, str]:
    f = robot_figures()
    # A forecast cannot be checked; figures that contradict one another can.
    verdict = "not checkable" if robots_consistent(f) else "wrong"
    lo_i, hi_i = article.ROBOT_INDUSTRY_USD
    evidence = (
        f"The article's own figures do not fit together: {as_billions(article.ROBOTS_PER_YEAR)} robots a year "
        f"at {as_dollars(article.ROBOT_PRICE_USD)} is {as_dollars(f['revenue_per_year'])} a year, not "
        f"{as_dollars(lo_i)} to {as_dollars(hi_i)}; and {as_billions(article.ROBOTS_PER_YEAR)} is "
        f"{f['share_of_demand_low']:.1%} to {f['share_of_demand_high']:.1%} of a demand of "
        f"{as_billions(article.ROBOT_DEMAND[0])} to {as_billions(article.ROBOT_DEMAND[1])}, not over "
        f"{article.ROBOT_MARKET_SHARE:.0%}. The forecast itself cannot be tested."
    )
    return verdict, evidence, "Arithmetic on the article's figures"


@assesses("C13", chapter="chapters/scale", section="scale-sun")
def assess_c13() -> tuple[str, str, str]:
    f = solar_figures()
    verdict = "accurate" if within_order(article.SOLAR_FRACTION, f["fraction"]) else "wrong"
    evidence = (
        f"A disc of the Earth's radius at one astronomical unit intercepts {scientific(f['fraction'], 2)} of the "
        f"sun's output, one part in {f['one_in'] / 1e9:.2g} billion; the article's one twentieth is about "
        f"{f['claim_over_fraction'] / 1e6:,.0f} million times too large."
    )
    return verdict, evidence, "Geometry with the IAU astronomical unit and the IUGG mean Earth radius"


@assesses(
    "C06",
    chapter="chapters/scale",
    section="scale-sixteen-hours",
    tables=("weekly_hours_of_work", "annual_hours_per_worker"),
)
def assess_c06(weekly: pd.DataFrame, annual: pd.DataFrame) -> tuple[str, str, str]:
    f = hours_figures(weekly, annual)
    if f["first_year"] > INDUSTRIAL_REVOLUTION_END:
        verdict = "not supported by the data"
    elif abs(f["world_first_day"] / article.HOURS_PER_DAY - 1) <= HOURS_TOLERANCE:
        verdict = "accurate"
    else:
        verdict = "wrong"
    evidence = (
        f"No series here starts before {f['first_year']}, after the industrial revolution. In {f['first_year']} "
        f"full-time production workers worked {f['us_first_week']:.1f} hours a week in the United States and "
        f"{f['uk_first_week']:.1f} in the United Kingdom, {f['us_first_day']:.1f} and {f['uk_first_day']:.1f} hours "
        f"a day over {WORKDAYS_PER_WEEK} days; the longest week in the sample ({f['longest_first_entity']}, "
        f"{f['longest_first_week']:.1f} hours) is {f['longest_first_day']:.1f} hours a day. "
        f"{article.HOURS_PER_DAY:.0f} hours a day would be {f['claim_per_week']:.0f} hours a week."
    )
    return verdict, evidence, "Huberman and Minns (2007) via Our World in Data"


@assesses(
    "C17",
    chapter="chapters/scale",
    section="scale-hours-trend",
    tables=("weekly_hours_of_work", "annual_hours_per_worker"),
)
def assess_c17(weekly: pd.DataFrame, annual: pd.DataFrame) -> tuple[str, str, str]:
    f = hours_figures(weekly, annual)
    fell = all(-f[f"{k}_change_long"] > MATERIAL_FALL for k in ("us", "uk"))
    # The promises themselves are history of ideas; what data can test is whether hours fell.
    verdict = "not supported by the data" if fell else "accurate"
    evidence = (
        f"Annual hours per worker fell by {-f['us_change_long']:.0%} in the United States and "
        f"{-f['uk_change_long']:.0%} in the United Kingdom from {f['first_annual_year']} to {f['last_annual_year']}, "
        f"and weekly hours fell in {f['n_fell']} of the {f['n_compared']} countries of the sample from "
        f"{f['first_year']} to {f['last_total_year']}. Since {EMAIL_ERA_START} the fall was small "
        f"({-f['us_change_email']:.1%} and {-f['uk_change_email']:.1%}); being reachable by email is not measured."
    )
    return verdict, evidence, "Huberman and Minns; Penn World Table; via Our World in Data"
