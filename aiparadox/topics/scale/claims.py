"""Scale, claims: the verdicts on C06, C11, C12, C13, C14 and C17, each a pure function of the
tables it is given (``tables=`` names them, in the order of the parameters).

The rules are fixed before the data: the tolerances and thresholds below are stated here and in
the chapter, and the data decide.
"""

from __future__ import annotations

import math

import pandas as pd

from ...i18n import N_, country, gettext, number
from ...ledger import FULL_COVERAGE, Period, assesses, coverage, period_verdict
from . import article
from .facts import (
    YEAR_MATCH,
    as_billions,
    as_dollars,
    c11_figures,
    c14_figures,
    format_power,
    robot_figures,
    scientific,
    solar_figures,
    years_near,
)
from .hours_figures import (
    EMAIL_ERA_START,
    INDUSTRIAL_REVOLUTION_YEARS,
    SECOND_INDUSTRIAL_REVOLUTION_START,
    WORKDAYS_PER_WEEK,
    annual_hours_in_years,
    hours_figures,
    hours_in_years,
)
from .tables import EIA_SERIES
from .working_hours import KEY_COUNTRIES, LAST_HM_YEAR, PWT_SERIES

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
INDUSTRIAL_REVOLUTION = Period(N_("the industrial revolution"), *INDUSTRIAL_REVOLUTION_YEARS)
INFORMATION_AGE = Period(N_("the information age"), EMAIL_ERA_START, article.YEAR)
# The source of C06's evidence, whatever the data reach.
HOURS_SOURCE = N_("Huberman and Minns (2007) via Our World in Data")


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
    match = number(YEAR_MATCH, ".0%")
    matched = (
        gettext("is within {match} of the average of {count} years between {first} and {last}").format(
            match=match, count=len(fits), first=min(fits), last=max(fits)
        )
        if fits
        else gettext("is not within {match} of any year's average").format(match=match)
    )
    low, high = sorted((f["ai_share_eia"], f["ai_share_owid"]))
    evidence = gettext(
        "US generation was {eia_twh} TWh in {eia_year} (EIA), an average of {eia_gw} GW, and {owid_twh} TWh in "
        "{owid_year} (OWID/Ember), {owid_gw} GW. The article's {claim_gw} GW is an average power, not an annual "
        "production, and {matched}; {ai_gw} GW would be {low} to {high} of recent generation, not {claim_share}."
    ).format(
        eia_twh=number(f["eia_twh"], ",.0f"),
        eia_year=f["eia_year"],
        eia_gw=number(f["eia_gw"], ".0f"),
        owid_twh=number(f["owid_twh"], ",.0f"),
        owid_year=f["owid_year"],
        owid_gw=number(f["owid_gw"], ".0f"),
        claim_gw=number(article.US_PRODUCTION_GW, ".0f"),
        matched=matched,
        ai_gw=number(article.AI_GW, ".0f"),
        low=number(low, ".0%"),
        high=number(high, ".0%"),
        claim_share=number(article.AI_SHARE, ".0%"),
    )
    return c14_verdict(f), evidence, gettext("EIA Monthly Energy Review table 7.2a; OWID energy data (Ember)")


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
    evidence = gettext(
        "{agree} of {reports} news reports quoted give {site} for the site and {phase_reports} give {phase} for the "
        "first phase; the article's {claim_site} TW and {claim_phase} TW are {factor} times larger. Musk misspoke on "
        "stage as {slip} GW before correcting himself; no report uses terawatts."
    ).format(
        agree=f["site_reports_agree"],
        reports=f["site_reports"],
        site=format_power(f["site_mw"] * 1e6),
        phase_reports=f["phase_reports"],
        phase=format_power(f["phase_mw"] * 1e6),
        claim_site=number(article.SITE_TW, ".0f"),
        claim_phase=number(article.FIRST_PHASE_TW, ".0f"),
        factor=number(f["site_factor"], ",.0f"),
        slip=number(f["slip_gw"], ".0f"),
    )
    return verdict, evidence, gettext("News reports of the 19 November 2025 announcement (secondary)")


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
    evidence = gettext(
        "The article's own figures do not fit together: {robots} robots a year at {price} is {revenue} a year, not "
        "{industry_low} to {industry_high}; and {robots} is {share_low} to {share_high} of a demand of {demand_low} "
        "to {demand_high}, not over {claimed_share}. The forecast itself cannot be tested."
    ).format(
        robots=as_billions(article.ROBOTS_PER_YEAR),
        price=as_dollars(article.ROBOT_PRICE_USD),
        revenue=as_dollars(f["revenue_per_year"]),
        industry_low=as_dollars(lo_i),
        industry_high=as_dollars(hi_i),
        share_low=number(f["share_of_demand_low"], ".1%"),
        share_high=number(f["share_of_demand_high"], ".1%"),
        demand_low=as_billions(article.ROBOT_DEMAND[0]),
        demand_high=as_billions(article.ROBOT_DEMAND[1]),
        claimed_share=number(article.ROBOT_MARKET_SHARE, ".0%"),
    )
    return verdict, evidence, gettext("Arithmetic on the article's figures")


@assesses("C13", chapter="chapters/scale", section="scale-sun")
def assess_c13() -> tuple[str, str, str]:
    f = solar_figures()
    verdict = "accurate" if within_order(article.SOLAR_FRACTION, f["fraction"]) else "wrong"
    evidence = gettext(
        "A disc of the Earth's radius at one astronomical unit intercepts {fraction} of the sun's output, one part in "
        "{billions} billion; the article's one twentieth is about {millions} million times too large."
    ).format(
        fraction=scientific(f["fraction"], 2),
        billions=number(f["one_in"] / 1e9, ".2g"),
        millions=number(f["claim_over_fraction"] / 1e6, ",.0f"),
    )
    return verdict, evidence, gettext("Geometry with the IAU astronomical unit and the IUGG mean Earth radius")


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
    claimed = gettext("{per_day} hours a day would be {per_week} a week.").format(
        per_day=number(article.HOURS_PER_DAY, ".0f"), per_week=number(article.HOURS_PER_DAY * WORKDAYS_PER_WEEK, ".0f")
    )
    first, last = INDUSTRIAL_REVOLUTION.first, INDUSTRIAL_REVOLUTION.last
    if inside is None:
        return (
            period_verdict(covered, ""),
            gettext(
                "No series here has weekly hours between {first} and {last}, the industrial revolution. {claimed}"
            ).format(first=first, last=last, claimed=claimed),
            gettext(HOURS_SOURCE),
        )
    span = gettext("the industrial revolution ({first} to {last}, first and second)").format(first=first, last=last)
    reach = (
        gettext("The data cover {span}").format(span=span)
        if covered == FULL_COVERAGE
        else gettext(
            "The data reach only {reach_first} to {reach_last} of {span}, the years of the second, which began in "
            "{second}: too little to confirm or refute the claim"
        ).format(
            reach_first=inside["first_year"],
            reach_last=inside["last_year"],
            span=span,
            second=SECOND_INDUSTRIAL_REVOLUTION_START,
        )
    )
    f = hours_figures(weekly, annual)
    evidence = gettext(
        "{reach}. There, full-time production workers averaged {world_day} hours a day over {workdays} days across "
        "the sample; in {first_year} the week was {us_week} hours in the United States and {uk_week} in the United "
        "Kingdom ({us_day} and {uk_day} hours a day), and the longest, in {longest}, {longest_week} hours "
        "({longest_day} a day). {claimed}"
    ).format(
        reach=reach,
        world_day=number(inside["world_day"], ".1f"),
        workdays=WORKDAYS_PER_WEEK,
        first_year=f["first_year"],
        us_week=number(f["us_first_week"], ".1f"),
        uk_week=number(f["uk_first_week"], ".1f"),
        us_day=number(f["us_first_day"], ".1f"),
        uk_day=number(f["uk_first_day"], ".1f"),
        longest=country(f["longest_first_entity"]),
        longest_week=number(f["longest_first_week"], ".1f"),
        longest_day=number(f["longest_first_day"], ".1f"),
        claimed=claimed,
    )
    return period_verdict(covered, c06_on_the_data(inside)), evidence, gettext(HOURS_SOURCE)


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
        halves[name] = {
            "figures": figures,
            "covered": covered,
            "on_data": on_data,
            "verdict": period_verdict(covered, on_data),
        }
    return halves


# What a half's own rule says, in words, for the evidence sentence.
ON_THE_DATA = {
    "accurate": N_("by no more than {fall} in either, as the article has it"),
    "wrong": N_("by more than {fall} in both, against the article"),
    "not supported by the data": N_("by more than {fall} in one country only"),
}


def half_sentence(period: Period, half: dict, measure: str) -> str:
    """One half of C17's evidence: what the data inside the period show, and the half's verdict."""
    verdict, measure = gettext(half["verdict"]), gettext(measure)
    figures = half["figures"]
    span = gettext("{period} ({first} to {last})").format(
        period=gettext(period.name), first=period.first, last=period.last
    )
    if figures is None:
        return gettext("no {measure} reach {span}, so this half is {verdict}").format(
            measure=measure, span=span, verdict=verdict
        )
    where = (
        gettext("over {span}").format(span=span)
        if half["covered"] == FULL_COVERAGE
        else gettext("from {first} to {last}, only part of {span}").format(
            first=figures["first_year"], last=figures["last_year"], span=span
        )
    )
    return gettext(
        "{measure} fell by {us_fall} in the United States and {uk_fall} in the United Kingdom {where}, that is "
        "{on_data}; this half is {verdict}"
    ).format(
        measure=measure,
        us_fall=number(-figures["us_change"], ".1%"),
        uk_fall=number(-figures["uk_change"], ".1%"),
        where=where,
        on_data=gettext(ON_THE_DATA[half["on_data"]]).format(fall=number(MATERIAL_FALL, ".0%")),
        verdict=verdict,
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
    evidence = gettext(
        "Each half is measured inside its own period and in one series, never across the change of source after "
        "{year}. Machines: {machines}. Email: {email}. Being reachable by email is not measured."
    ).format(
        year=LAST_HM_YEAR,
        machines=half_sentence(INDUSTRIAL_REVOLUTION, machines, N_("weekly hours of full-time production workers")),
        email=half_sentence(INFORMATION_AGE, email, N_("annual hours per worker (Penn World Table)")),
    )
    source = gettext("Huberman and Minns; Penn World Table; via Our World in Data")
    return c17_verdict(machines["verdict"], email["verdict"]), evidence, source
