"""The BLS chapter's exercises: each answer, its level and hint, and the wrong answers the teachers'
guide anticipates, computed from the same tables."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...exercises import anticipates, expects
from .facts import winter_changes, yearly_means
from .tables import LAYOFFS_ID


@expects(
    "bls-largest-winter",
    level="advanced",
    hint="Keep the December and January rows, pair each December with the next January, and take the year of the "
    "December with the largest rise.",
    tables=("bls_information_unemployed",),
    # A year or a count is exact; the default relative tolerance would accept a neighbouring year.
    rel_tolerance=0,
    abs_tolerance=0,
)
def largest_winter_year(unemployed: pd.DataFrame) -> int:
    changes = winter_changes(unemployed, "unemployed_thousands")
    return int(changes.loc[changes["change"].idxmax(), "december_year"])


@anticipates("bls-largest-winter")
def largest_winter_year_mistakes(unemployed: pd.DataFrame) -> dict[str, Any]:
    changes = winter_changes(unemployed, "unemployed_thousands")
    return {
        # The year of the January that ends the largest rise.
        "january-year": int(changes.loc[changes["change"].idxmax(), "december_year"]) + 1,
    }


@expects(
    "bls-rate-january-rises",
    level="intermediate",
    hint="For each December from 2000 to 2023, compare the rate with the next January's; count the rises.",
    # The unemployed count is named too: one anticipated mistake counts the rises in it instead.
    tables=("bls_information_unemployment_rate", "bls_information_unemployed"),
    rel_tolerance=0,
    abs_tolerance=0,
)
def rate_january_rises(rate: pd.DataFrame, unemployed: pd.DataFrame) -> int:
    changes = winter_changes(rate, "rate_percent")
    return int((changes["change"] > 0).sum())


@anticipates("bls-rate-january-rises")
def rate_january_rises_mistakes(rate: pd.DataFrame, unemployed: pd.DataFrame) -> dict[str, Any]:
    rate_changes = winter_changes(rate, "rate_percent")
    level_changes = winter_changes(unemployed, "unemployed_thousands")
    return {
        "winters": len(rate_changes),  # every winter compared, not the rises
        "count-table": int((level_changes["change"] > 0).sum()),  # the unemployed count, not the rate
    }


@expects(
    "bls-layoffs-ratio",
    level="introductory",
    hint="Filter series_id JTS510000000000000LDL, average 'thousands' over the months of 2025 and of 2019, divide.",
    tables=("bls_information_employer_series",),
)
def layoffs_ratio_2025_2019(employers: pd.DataFrame) -> float:
    # The first and last complete years on file, the years the chapter's question names.
    means = yearly_means(employers, LAYOFFS_ID)
    return float(means.iloc[-1] / means.iloc[0])


@anticipates("bls-layoffs-ratio")
def layoffs_ratio_mistakes(employers: pd.DataFrame) -> dict[str, Any]:
    first, last = yearly_means(employers, LAYOFFS_ID).index[[0, -1]]
    layoffs = employers.loc[employers["series_id"] == LAYOFFS_ID]
    by_year = layoffs.groupby(layoffs["month"].str[:4])["thousands"].mean()
    everything = employers.groupby(employers["month"].str[:4])["thousands"].mean()
    return {
        # The last year on file, which is incomplete, instead of the last complete one.
        "partial-year": float(by_year.iloc[-1] / by_year[str(first)]),
        # Every series of the table averaged together.
        "all-series": float(everything[str(last)] / everything[str(first)]),
    }
