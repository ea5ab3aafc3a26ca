"""Scale, claims: the verdicts on C06, C11, C12, C13, C14 and C17, each a pure function of the
tables it is given (``tables=`` names them, in the order of the parameters).

The rules are fixed before the data: the tolerances and thresholds below are stated here and in
the chapter, and the data decide.
"""

from __future__ import annotations

import math

import pandas as pd

from ...ledger import FULL_COVERAGE, Period, assesses, coverage, period_verdict
from . import article
from .facts import (
    EMAIL_ERA_START,
    INDUSTRIAL_REVOLUTION_YEARS,
    SECOND_INDUSTRIAL_REVOLUTION_START,
    WORKDAYS_PER_WEEK,
    YEAR_MATCH,
    annual_hours_in_years,
    as_billions,
    as_dollars,
    c11_figures,
    c14_figures,
    format_power,
    hours_figures,
    hours_in_years,
    robot_figures,
    scientific,
    solar_figures,
    years_near,
)
from .tables import EIA_SERIES, KEY_COUNTRIES, LAST_HM_YEAR, PWT_SERIES

# "About 460 GW" counts as right if within 10% of the measured average; the same for 2/3.
C14_TOLERANCE = 0.10
# C06: claimed hours are right within 10% of the measured ones.
HOURS_TOLERANCE = 0.10
# C17: hours that fell by more than 10% fell materially.
MATERIAL_FALL = 0.10
# Figures within a factor of two of each other are "the same order"; the claims here miss by far more.
SAME_ORDER = 2.0
# The periods C06 and C17 name, judged by the ledger's rule for periods (facts.py says where the
# dates come from): the industrial revolution, first and second; the information age to the article.
INDUSTRIAL_REVOLUTION = Period("the industrial revolution", *INDUSTRIAL_REVOLUTION_YEARS)
INFORMATION_AGE = Period("the information age", EMAIL_ERA_START, article.YEAR)


def rule_figures() -> dict[str, float]:
    """The rules' thresholds under the glue keys the chapter states them with."""
    return {
        "c14_tolerance": C14_TOLERANCE,
        "same_order": SAME_ORDER,
        "hours_tolerance": HOURS_TOLERANCE,
        "material_fall": MATERIAL_FALL,
    }


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


def c06_on_the_data(period_hours: dict) -> str:
    """C06's own rule, on the data inside the period: the sample's average day over the period's
    years within HOURS_TOLERANCE of the claimed sixteen hours."""
    return "accurate" if abs(period_hours["world_day"] / article.HOURS_PER_DAY - 1) <= HOURS_TOLERANCE else "wrong"


@assesses(
    "C06",
    chapter="chapters/scale",
    section="scale-sixteen-hours",
    tables=("weekly_hours_of_work", "annual_hours_per_worker"),
)
def assess_c06(weekly: pd.DataFrame, annual: pd.DataFrame) -> tuple[str, str, str]:
    years = weekly.dropna(subset=["hours_per_week_all"])["year"]
    covered = coverage(INDUSTRIAL_REVOLUTION, years)
    inside = hours_in_years(weekly, INDUSTRIAL_REVOLUTION.first, INDUSTRIAL_REVOLUTION.last)
    claimed = f"{article.HOURS_PER_DAY:.0f} hours a day would be {article.HOURS_PER_DAY * WORKDAYS_PER_WEEK:.0f} a week."
    if inside is None:
        return period_verdict(covered, ""), (
            f"No series here has weekly hours between {INDUSTRIAL_REVOLUTION.first} and "
            f"{INDUSTRIAL_REVOLUTION.last}, the industrial revolution. {claimed}"
        ), "Huberman and Minns (2007) via Our World in Data"
    span = f"the industrial revolution ({INDUSTRIAL_REVOLUTION.first} to {INDUSTRIAL_REVOLUTION.last}, first and second)"
    reach = (
        f"The data cover {span}"
        if covered == FULL_COVERAGE
        else f"The data reach only {inside['first_year']} to {inside['last_year']} of {span}, the years of the second, "
        f"which began in {SECOND_INDUSTRIAL_REVOLUTION_START}: too little to confirm or refute the claim"
    )
    f = hours_figures(weekly, annual)
    evidence = (
        f"{reach}. There, full-time production workers averaged {inside['world_day']:.1f} hours a "
        f"day over {WORKDAYS_PER_WEEK} days across the sample; in {f['first_year']} the week was "
        f"{f['us_first_week']:.1f} hours in the United States and {f['uk_first_week']:.1f} in the United Kingdom "
        f"({f['us_first_day']:.1f} and {f['uk_first_day']:.1f} hours a day), and the longest, in "
        f"{f['longest_first_entity']}, {f['longest_first_week']:.1f} hours ({f['longest_first_day']:.1f} a day). {claimed}"
    )
    return period_verdict(covered, c06_on_the_data(inside)), evidence, "Huberman and Minns (2007) via Our World in Data"


def c17_half_on_the_data(us_change: float, uk_change: float) -> str:
    """One half of C17, on the data inside its period: the article says the promised shorter hours
    did not come. Hours that fell by no more than MATERIAL_FALL in both countries bear it out; by
    more in both, they contradict it; otherwise the half is undecided."""
    falls = (-us_change, -uk_change)
    if all(fall <= MATERIAL_FALL for fall in falls):
        return "accurate"
    if all(fall > MATERIAL_FALL for fall in falls):
        return "wrong"
    return "not supported by the data"


def c17_verdict(machines: str, email: str) -> str:
    """The two halves together: the same verdict on both, or "not supported by the data"."""
    return machines if machines == email else "not supported by the data"


def c17_halves(weekly: pd.DataFrame, annual: pd.DataFrame) -> dict:
    """Each half of C17 measured inside its own period and within one estimate, never across the
    change from Huberman and Minns to the Penn World Table: weekly hours of full-time production
    workers in the industrial revolution, annual hours per worker (Penn World Table) in the information
    age. Each half's verdict follows the ledger's rule for periods."""
    week_years = weekly.dropna(subset=["hours_per_week_all"])["year"]
    pwt_years = annual.loc[(annual["series"] == PWT_SERIES) & annual["entity"].isin(KEY_COUNTRIES), "year"]
    machines = hours_in_years(weekly, INDUSTRIAL_REVOLUTION.first, INDUSTRIAL_REVOLUTION.last)
    email = annual_hours_in_years(annual, PWT_SERIES, INFORMATION_AGE.first, INFORMATION_AGE.last)
    halves = {}
    for name, period, years, figures in (
        ("machines", INDUSTRIAL_REVOLUTION, week_years, machines),
        ("email", INFORMATION_AGE, pwt_years, email),
    ):
        on_data = c17_half_on_the_data(figures["us_change"], figures["uk_change"]) if figures else ""
        covered = coverage(period, years)
        halves[name] = {"figures": figures, "covered": covered, "on_data": on_data, "verdict": period_verdict(covered, on_data)}
    return halves


# What a half's own rule says, in words, for the evidence sentence.
ON_THE_DATA = {
    "accurate": f"by no more than {MATERIAL_FALL:.0%} in either, as the article has it",
    "wrong": f"by more than {MATERIAL_FALL:.0%} in both, against the article",
    "not supported by the data": f"by more than {MATERIAL_FALL:.0%} in one country only",
}


def half_sentence(period: Period, half: dict, measure: str) -> str:
    """One half of C17's evidence: what the data inside the period show, and the half's verdict."""
    figures, span = half["figures"], f"{period.name} ({period.first} to {period.last})"
    if figures is None:
        return f"no {measure} reach {span}, so this half is {half['verdict']}"
    where = (
        f"over {span}"
        if half["covered"] == FULL_COVERAGE
        else f"from {figures['first_year']} to {figures['last_year']}, only part of {span}"
    )
    return (
        f"{measure} fell by {-figures['us_change']:.1%} in the United States and {-figures['uk_change']:.1%} in the "
        f"United Kingdom {where}, that is {ON_THE_DATA[half['on_data']]}; this half is {half['verdict']}"
    )


@assesses(
    "C17",
    chapter="chapters/scale",
    section="scale-hours-trend",
    tables=("weekly_hours_of_work", "annual_hours_per_worker"),
)
def assess_c17(weekly: pd.DataFrame, annual: pd.DataFrame) -> tuple[str, str, str]:
    halves = c17_halves(weekly, annual)
    machines, email = halves["machines"], halves["email"]
    evidence = (
        f"Each half is measured inside its own period and in one series, never across the change of source after "
        f"{LAST_HM_YEAR}. Machines: "
        + half_sentence(INDUSTRIAL_REVOLUTION, machines, "weekly hours of full-time production workers")
        + ". Email: "
        + half_sentence(INFORMATION_AGE, email, "annual hours per worker (Penn World Table)")
        + ". Being reachable by email is not measured."
    )
    return c17_verdict(machines["verdict"], email["verdict"]), evidence, "Huberman and Minns; Penn World Table; via Our World in Data"
