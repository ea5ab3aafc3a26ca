"""The verdicts on C03 and C04: rules fixed before the data, applied to the tables they are given.

C03 is "wrong" if the article's two numbers are not the series' values; "accurate" only if the
series measures what the article says and the cited rise stands out from the usual January rise
(neither the count nor the rate rose from December to January in more than half the winters on
file, and no winter's rise was larger); otherwise "accurate but misleading".

C04 is "wrong" if the quoted shares (within half a point) or the sample size differ from the
article's; "accurate but misleading" if the article reports as done what respondents expected;
otherwise "accurate".

C03 compares two months: by the ledger's rule for periods, a count without one of them leaves the
claim "not supported by the data", without both "not checkable".
"""

from __future__ import annotations

import pandas as pd

from ...i18n import N_, conjunction, gettext, month_year, number
from ...ledger import FULL_COVERAGE, Period, assesses, coverage, joint_coverage, period_verdict
from .article import (
    ARTICLE_DECEMBER,
    ARTICLE_DECEMBER_THOUSANDS,
    ARTICLE_JANUARY,
    ARTICLE_JANUARY_THOUSANDS,
    ARTICLE_LAYOFF_SHARE,
    ARTICLE_LAYOFF_TIMING,
    ARTICLE_MEASURE,
    ARTICLE_REPLACED_SHARE,
    ARTICLE_RESPONDENTS,
)
from .facts import c03_figures, c04_figures
from .raw import LEVEL_ID, RATE_ID

# What LNU03032237 counts, against what the article calls it (article.ARTICLE_MEASURE).
SERIES_MEASURE = N_("unemployed wage and salary workers whose last job was in the Information industry")
# C04: a quoted share is the article's if within half a percentage point of it.
C04_TOLERANCE = 0.005
# The two months C03 compares, judged by the ledger's rule for periods.
C03_MONTHS = (
    Period("December 2024", ARTICLE_DECEMBER, ARTICLE_DECEMBER),
    Period("January 2025", ARTICLE_JANUARY, ARTICLE_JANUARY),
)


def rule_figures() -> dict[str, float]:
    """The rules' thresholds under the glue keys the chapter states them with."""
    return {"c04_tolerance": C04_TOLERANCE}


# --- C03: the December-to-January jump -----------------------------------------------------------


def c03_verdict(f: dict, same_measure: bool = ARTICLE_MEASURE == SERIES_MEASURE) -> str:
    """'wrong' if the numbers are not the series'; 'accurate' only if the series measures what the
    article says and the jump stands out from the usual January rise; otherwise 'accurate but
    misleading'."""
    matches = round(f["december"]) == ARTICLE_DECEMBER_THOUSANDS and round(f["january"]) == ARTICLE_JANUARY_THOUSANDS
    if not matches:
        return "wrong"
    seasonal = f["n_rises"] > f["n_winters"] / 2 or f["rate_n_rises"] > f["rate_n_winters"] / 2
    exceptional = f["change"] >= f["largest_change"]
    if same_measure and exceptional and not seasonal:
        return "accurate"
    return "accurate but misleading"


@assesses(
    "C03",
    chapter="chapters/bls",
    section="bls-jump",
    tables=("bls_information_unemployed", "bls_information_unemployment_rate"),
)
def c03(unemployed: pd.DataFrame, rate: pd.DataFrame) -> tuple[str, str, str]:
    with_values = unemployed.dropna(subset=["unemployed_thousands"])["month"]
    covered = joint_coverage(*(coverage(month, with_values) for month in C03_MONTHS))
    if covered != FULL_COVERAGE:
        missing = conjunction([month_year(month.first) for month in C03_MONTHS if month.first not in set(with_values)])
        evidence = gettext("The BLS count ({series}) has no value for {missing}, the months the claim compares.")
        source = gettext("BLS Current Population Survey, series {series}").format(series=LEVEL_ID)
        return period_verdict(covered, ""), evidence.format(series=LEVEL_ID, missing=missing), source
    f = c03_figures(unemployed, rate)
    evidence = gettext(
        "The BLS count the figures come from ({series}) was {december} thousand in {december_month} and {january} "
        "thousand in {january_month}, but it counts {measure}, not tech workers, and it is not seasonally adjusted: "
        "the count rose from December to January in {n_rises} of the {n_winters} winters on file, and the rise of "
        "{largest_winter} ({largest_change} thousand) was larger than the one cited ({change} thousand). The rate "
        "({rate_series}) rose in January in {rate_n_rises} of {rate_n_winters} winters from {rate_first_year} to "
        "{rate_last_year}."
    ).format(
        series=LEVEL_ID,
        december=number(f["december"], ".0f"),
        december_month=month_year(ARTICLE_DECEMBER),
        january=number(f["january"], ".0f"),
        january_month=month_year(ARTICLE_JANUARY),
        measure=gettext(SERIES_MEASURE),
        n_rises=f["n_rises"],
        n_winters=f["n_winters"],
        largest_winter=f"{f['largest_year']}-{f['largest_year'] + 1}",
        largest_change=number(f["largest_change"], "+.0f"),
        change=number(f["change"], "+.0f"),
        rate_series=RATE_ID,
        rate_n_rises=f["rate_n_rises"],
        rate_n_winters=f["rate_n_winters"],
        rate_first_year=f["rate_first_year"],
        rate_last_year=f["rate_last_year"],
    )
    source = gettext("BLS Current Population Survey, series {series} and {rate_series}")
    return c03_verdict(f), evidence, source.format(series=LEVEL_ID, rate_series=RATE_ID)


# --- C04: the ResumeBuilder survey ---------------------------------------------------------------


def c04_verdict(f: dict) -> str:
    shares_match = (
        abs(f["replaced"] - ARTICLE_REPLACED_SHARE) < C04_TOLERANCE
        and abs(f["layoffs"] - ARTICLE_LAYOFF_SHARE) < C04_TOLERANCE
        and f["respondents"] == ARTICLE_RESPONDENTS
    )
    if not shares_match:
        return "wrong"
    if f["layoffs_timing"] != ARTICLE_LAYOFF_TIMING:
        return "accurate but misleading"
    return "accurate"


@assesses("C04", chapter="chapters/bls", section="bls-survey", tables=("bls_resumebuilder_survey",))
def c04(survey: pd.DataFrame) -> tuple[str, str, str]:
    f = c04_figures(survey)
    evidence = gettext(
        "As quoted by the press, {replaced} of the {respondents} business leaders said AI had replaced workers in "
        "2023, as the article says; but the {layoffs} was a forecast made in late 2023 that there would be AI-driven "
        "layoffs in 2024 ({definitely} 'definitely', {probably} 'probably'), not a count of layoffs made. The sample "
        "was firms using or planning to use AI, polled by a résumé-writing company."
    ).format(
        replaced=number(f["replaced"], ".0%"),
        respondents=f["respondents"],
        layoffs=number(f["layoffs"], ".0%"),
        definitely=number(f["definitely"], ".0%"),
        probably=number(f["probably"], ".0%"),
    )
    return c04_verdict(f), evidence, N_("ResumeBuilder survey as quoted by CNBC and The Christian Post (secondary)")
