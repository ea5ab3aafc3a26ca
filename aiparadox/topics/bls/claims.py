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
from .tables import LEVEL_ID, RATE_ID

# What LNU03032237 counts, against what the article calls it (article.ARTICLE_MEASURE).
SERIES_MEASURE = "unemployed wage and salary workers whose last job was in the Information industry"
# C04: a quoted share is the article's if within half a percentage point of it.
C04_TOLERANCE = 0.005
# The two months C03 compares, judged by the ledger's rule for periods.
C03_MONTHS = (Period("December 2024", ARTICLE_DECEMBER, ARTICLE_DECEMBER), Period("January 2025", ARTICLE_JANUARY, ARTICLE_JANUARY))


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
        missing = " and ".join(month.name for month in C03_MONTHS if month.first not in set(with_values))
        evidence = f"The BLS count ({LEVEL_ID}) has no value for {missing}, the months the claim compares."
        return period_verdict(covered, ""), evidence, f"BLS Current Population Survey, series {LEVEL_ID}"
    f = c03_figures(unemployed, rate)
    evidence = (
        f"The BLS count the figures come from ({LEVEL_ID}) was {f['december']:.0f} thousand in December "
        f"{ARTICLE_DECEMBER[:4]} and {f['january']:.0f} thousand in January {ARTICLE_JANUARY[:4]}, but it counts "
        f"{SERIES_MEASURE}, not tech workers, and it is not seasonally adjusted: the count rose from December to "
        f"January in {f['n_rises']} of the {f['n_winters']} winters on file, and the rise of "
        f"{f['largest_year']}-{f['largest_year'] + 1} ({f['largest_change']:+.0f} thousand) was larger than the "
        f"one cited ({f['change']:+.0f} thousand). The rate ({RATE_ID}) rose in January in {f['rate_n_rises']} of "
        f"{f['rate_n_winters']} winters from {f['rate_first_year']} to {f['rate_last_year']}."
    )
    return c03_verdict(f), evidence, f"BLS Current Population Survey, series {LEVEL_ID} and {RATE_ID}"


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
    evidence = (
        f"As quoted by the press, {f['replaced']:.0%} of the {f['respondents']} business leaders said AI had "
        f"replaced workers in 2023, as the article says; but the {f['layoffs']:.0%} was a forecast made in late "
        f"2023 that there would be AI-driven layoffs in 2024 ({f['definitely']:.0%} 'definitely', "
        f"{f['probably']:.0%} 'probably'), not a count of layoffs made. The sample was firms using or planning "
        "to use AI, polled by a résumé-writing company."
    )
    return c04_verdict(f), evidence, "ResumeBuilder survey as quoted by CNBC and The Christian Post (secondary)"
