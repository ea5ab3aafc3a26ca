"""The BLS chapter's exercises: each answer, its level and hint, and the wrong answers the teachers'
guide anticipates with the check's feedback on each, computed from the same tables; and the
chapter's written question with the figures its model answer quotes.

Hints are translated when the module is imported, in the kernel's language (the edition's): book.hints
glues them as they are given here. Feedback is translated when the mistakes are computed.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...exercises import Mistake, anticipates, expects, written
from ...i18n import gettext
from .facts import c03_figures, january_rises, the_article, winter_changes, yearly_means
from .raw import LAYOFFS_ID


@expects(
    "bls-largest-winter",
    level="advanced",
    hint=gettext(
        "Keep the December and January rows, pair each December with the next January, and take the year of the "
        "December with the largest rise."
    ),
    tables=("bls_information_unemployed",),
    # A year or a count is exact; the default relative tolerance would accept a neighbouring year.
    rel_tolerance=0,
    abs_tolerance=0,
)
def largest_winter_year(unemployed: pd.DataFrame) -> int:
    changes = winter_changes(unemployed, "unemployed_thousands")
    return int(changes.loc[changes["change"].idxmax(), "december_year"])


@anticipates("bls-largest-winter")
def largest_winter_year_mistakes(unemployed: pd.DataFrame) -> dict[str, Mistake]:
    changes = winter_changes(unemployed, "unemployed_thousands")
    return {
        # The year of the January that ends the largest rise.
        "january-year": Mistake(
            int(changes.loc[changes["change"].idxmax(), "december_year"]) + 1,
            gettext(
                "That is the year of the January that ends the rise; the question asks for the year of the December "
                "that starts it."
            ),
        ),
    }


@expects(
    "bls-rate-january-rises",
    level="intermediate",
    hint=gettext("For each December from 2000 to 2023, compare the rate with the next January's; count the rises."),
    # The unemployed count is named too: one anticipated mistake counts the rises in it instead.
    tables=("bls_information_unemployment_rate", "bls_information_unemployed"),
    rel_tolerance=0,
    abs_tolerance=0,
)
def rate_january_rises(rate: pd.DataFrame, unemployed: pd.DataFrame) -> int:
    changes = winter_changes(rate, "rate_percent")
    return int((changes["change"] > 0).sum())


@anticipates("bls-rate-january-rises")
def rate_january_rises_mistakes(rate: pd.DataFrame, unemployed: pd.DataFrame) -> dict[str, Mistake]:
    rate_changes = winter_changes(rate, "rate_percent")
    level_changes = winter_changes(unemployed, "unemployed_thousands")
    return {
        # Every winter compared, not the rises.
        "winters": Mistake(
            len(rate_changes),
            gettext("That counts every winter compared; the question counts those in which the rate rose."),
        ),
        # The unemployed count, not the rate.
        "count-table": Mistake(
            int((level_changes["change"] > 0).sum()),
            gettext(
                "That counts the rises in the number of unemployed people; the question asks about the rate "
                "(bls_information_unemployment_rate)."
            ),
        ),
    }


@expects(
    "bls-layoffs-ratio",
    level="introductory",
    hint=gettext(
        "Filter series_id JTS510000000000000LDL, average 'thousands' over the months of 2025 and of 2019, divide."
    ),
    tables=("bls_information_employer_series",),
)
def layoffs_ratio_2025_2019(employers: pd.DataFrame) -> float:
    # The first and last complete years on file, the years the chapter's question names.
    means = yearly_means(employers, LAYOFFS_ID)
    return float(means.iloc[-1] / means.iloc[0])


@anticipates("bls-layoffs-ratio")
def layoffs_ratio_mistakes(employers: pd.DataFrame) -> dict[str, Mistake]:
    first, last = yearly_means(employers, LAYOFFS_ID).index[[0, -1]]
    layoffs = employers.loc[employers["series_id"] == LAYOFFS_ID]
    by_year = layoffs.groupby(layoffs["month"].str[:4])["thousands"].mean()
    everything = employers.groupby(employers["month"].str[:4])["thousands"].mean()
    return {
        # The last year on file, which is incomplete, instead of the last complete one.
        "partial-year": Mistake(
            float(by_year.iloc[-1] / by_year[str(first)]),
            gettext(
                "That uses the last year on file, which is incomplete. Count the months of each year before "
                "averaging, and take the year the question names."
            ),
        ),
        # Every series of the table averaged together.
        "all-series": Mistake(
            float(everything[str(last)] / everything[str(first)]),
            gettext("That averages every series of the table together: keep the layoffs series (series_id) first."),
        ),
    }


@written("bls-no-trend", points=3, tables=("bls_information_unemployed", "bls_information_unemployment_rate"))
def no_trend_figures(unemployed: pd.DataFrame, rate: pd.DataFrame) -> dict[str, Any]:
    """The figures of the model answer: how many winters saw a January rise, the cited rise beside the
    largest, the January before the article's, and the series break."""
    c03, rises = c03_figures(unemployed, rate), january_rises(unemployed, rate)
    return {
        "rises": c03["n_rises"],
        "winters": c03["n_winters"],
        "cited-change": c03["change"],
        "largest-change": c03["largest_change"],
        "largest-winter": rises["c03_largest_winter"],
        "january-before": rises["jan_2024"],
        "january-before-month": rises["jan_2024_month"],
        "january-cited": rises["jan_2025"],
        "january-cited-month": the_article()["article_january_month"],
        "break-month": rises["break_month"],
        "break-classification": rises["break_classification"],
    }
