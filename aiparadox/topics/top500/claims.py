"""TOP500: the verdicts on C08 (the flip to accelerators) and C09 (computing power in few hands).

Each verdict is a pure function of the tables it is given; the rules and thresholds are fixed
here, and stated in the chapter, before the data are read.
"""

from __future__ import annotations

import pandas as pd

from ...i18n import N_, conjunction, gettext, number
from ...ledger import FULL_COVERAGE, Period, assesses, coverage, joint_coverage, period_verdict
from . import facts
from .article import CLAIM_NOW, CLAIM_THEN, CLAIMED_CPU_NOW, CLAIMED_CPU_THEN, CLAIMED_SHARE_NOW, CLAIMED_SHARE_THEN
from .facts import edition_name

# How far a measured share may be from the claimed one and still count as the same number.
CLAIM_TOLERANCE = 0.05
# "Concentrated" and "held mostly by": more than half of the list's total Rmax.
MAJORITY = 0.5


def rule_figures() -> dict[str, float]:
    """The rules' thresholds under the glue keys the chapter states them with."""
    return {"claim_tolerance": CLAIM_TOLERANCE, "majority": MAJORITY}


def matches_claim(then: float, now: float) -> bool:
    """Both of a measure's shares, then and now, within the tolerance of the article's 10% and 90%."""
    return abs(then - CLAIMED_SHARE_THEN) <= CLAIM_TOLERANCE and abs(now - CLAIMED_SHARE_NOW) <= CLAIM_TOLERANCE


def close_to_claim(measured: float, claimed: float) -> bool:
    return abs(measured - claimed) <= CLAIM_TOLERANCE


def c08_verdict(shares: pd.DataFrame, tiers: pd.DataFrame) -> str:
    """Accurate if the whole list went from the claimed share to the claimed share by count;
    accurate but misleading if only another measure (Rmax, or the top 100) did; wrong otherwise."""
    whole = facts.whole_list(shares, tiers)
    top100 = facts.top_hundred(tiers)
    if matches_claim(whole["share_count_then"], whole["share_count_now"]):
        return "accurate"
    if matches_claim(whole["share_rmax_then"], whole["share_rmax_now"]) or matches_claim(
        top100["top100_share_then"], top100["top100_share_now"]
    ):
        return "accurate but misleading"
    return "wrong"


# The two lists the claim compares ("six years ago" and "this year"), judged by the ledger's rule
# for periods: a list missing from the tables, or without accelerator data, leaves the claim open.
CLAIM_LISTS = (
    Period("the list of six years before the forum", CLAIM_THEN, CLAIM_THEN),
    Period("the forum's list", CLAIM_NOW, CLAIM_NOW),
)


@assesses("C08", chapter="chapters/top500", section="top500-claim", tables=("top500_accelerators", "top500_tiers"))
def c08(shares: pd.DataFrame, tiers: pd.DataFrame) -> tuple[str, str, str]:
    with_data = shares.dropna(subset=["n_accelerated"])["edition"]
    covered = joint_coverage(*(coverage(period, with_data) for period in CLAIM_LISTS))
    if covered != FULL_COVERAGE:
        missing = [period.first for period in CLAIM_LISTS if period.first not in set(with_data)]
        evidence = gettext("The tables have no accelerator counts for the list of {lists}, which the claim compares.")
        return (
            period_verdict(covered, ""),
            evidence.format(lists=conjunction([edition_name(m) for m in missing])),
            N_("TOP500 list exports"),
        )
    f, t = facts.whole_list(shares, tiers), facts.top_hundred(tiers)
    fits = {True: gettext("fits"), False: gettext("does not fit")}
    evidence = gettext(
        "Across the whole TOP500, accelerated systems were {count_then} of the list in {then} and {count_now} in "
        "{now}; their share of total performance (Rmax) went from {rmax_then} to {rmax_now}. The claim's figures are "
        "closest to the top {n} systems: {top_then} of them named an accelerator in {then} and {top_now} in {now}, "
        "so the end point ({without_now} of {n} without, against the claimed {claimed_cpu_now}) {end_fits} and the "
        "starting point ({without_then} of {n} without, against {claimed_cpu_then}) {start_fits}."
    ).format(
        count_then=number(f["share_count_then"], ".1%"),
        count_now=number(f["share_count_now"], ".1%"),
        rmax_then=number(f["share_rmax_then"], ".1%"),
        rmax_now=number(f["share_rmax_now"], ".1%"),
        then=edition_name(CLAIM_THEN),
        now=edition_name(CLAIM_NOW),
        n=facts.CLAIM_TIER,
        top_then=t["top100_accelerated_then"],
        top_now=t["top100_accelerated_now"],
        without_now=t["top100_without_now"],
        without_then=t["top100_without_then"],
        claimed_cpu_now=number(CLAIMED_CPU_NOW, ".0%"),
        claimed_cpu_then=number(CLAIMED_CPU_THEN, ".0%"),
        end_fits=fits[close_to_claim(1 - t["top100_share_now"], CLAIMED_CPU_NOW)],
        start_fits=fits[close_to_claim(1 - t["top100_share_then"], CLAIMED_CPU_THEN)],
    )
    return c08_verdict(shares, tiers), evidence, N_("TOP500 list exports, November 2019 and November 2025")


def c09_verdict(figures: dict) -> str:
    """Performance concentrated (top 10 over half) and held mostly by industry: the list bears the
    claim out in FLOP/s, not in dollars. Concentrated but held mostly by public centres: the list
    is not a census of company-owned computing and cannot test the claim. Not concentrated: the
    list gives no support to it. ``figures`` is :func:`.facts.concentration_and_ownership`."""
    concentrated = figures["c09_top10_now"] > MAJORITY
    companies_hold_most = figures["c09_industry_share_now"] > MAJORITY
    if concentrated and companies_hold_most:
        return "accurate but misleading"
    if concentrated:
        return "not checkable"
    return "not supported by the data"


@assesses(
    "C09",
    chapter="chapters/top500",
    section="top500-concentration",
    tables=("top500_concentration", "top500_segments", "top500_companies"),
)
def c09(concentration: pd.DataFrame, segments: pd.DataFrame, companies: pd.DataFrame) -> tuple[str, str, str]:
    f = facts.concentration_and_ownership(concentration, segments, companies)
    concentrated = f["c09_top10_now"] > MAJORITY
    evidence = gettext(
        "In {now} the ten fastest systems held {top10_now} of the TOP500's total performance ({top10_first} in "
        "{first}), so {concentration}; but industry owned "
        "{industry_systems} systems with {industry_now} of the total ({industry_first} in {first}), and of the "
        "{looked_for} companies looked for only {listed} have systems at a site that names them ({listed_share} of "
        "the total). {makers} The lists carry no prices, and {absent} appear neither as a site nor as a maker in "
        "that list, so it cannot measure who owns how many dollars of AI computing."
    ).format(
        now=edition_name(CLAIM_NOW),
        top10_now=number(f["c09_top10_now"], ".1%"),
        top10_first=number(f["c09_top10_first"], ".1%"),
        first=f["c09_first_edition"],
        concentration=gettext("computing power is concentrated in a few machines")
        if concentrated
        else gettext("computing power is not concentrated in a few machines"),
        industry_systems=f["c09_industry_systems_now"],
        industry_now=number(f["c09_industry_share_now"], ".1%"),
        industry_first=number(f["c09_industry_share_first"], ".1%"),
        looked_for=f["c09_companies_looked_for"],
        listed=f["companies_listed"],
        listed_share=number(f["c09_companies_listed_share"], ".1%"),
        makers=f["companies_makers_sentence"],
        absent=f["companies_absent"],
    )
    return c09_verdict(f), evidence, N_("TOP500 list exports, June 2010 to November 2025")
