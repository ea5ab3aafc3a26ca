"""The chapter's exercises: answers, levels, hints, and the wrong answers the teacher's guide anticipates."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...exercises import anticipates, expects
from .tables import FINANCIALS, LABOUR_SHARE_ID, PRODUCTIVITY, REPORTED

EXERCISE_QUARTER = "1947Q1"
RELEASE_FIGURE = "labour_share_level_2026q1"
EXERCISE_CALENDAR_YEAR = 2024


def _share(productivity: pd.DataFrame, series_id: str = LABOUR_SHARE_ID) -> pd.Series:
    return productivity.loc[productivity["series_id"] == series_id].set_index("period")["index_2017"]


@expects(
    "gains-lowest-labour-share",
    level="introductory",
    tables=(PRODUCTIVITY.name,),
    hint="Keep the rows of gains_bls_productivity with series_id == 'PRS85006173'; the answer is the period of the smallest index_2017.",
)
def lowest_labour_share_quarter(productivity) -> str:
    return str(_share(productivity).idxmin())


@anticipates("gains-lowest-labour-share")
def lowest_labour_share_mistakes(productivity) -> dict[str, Any]:
    return {
        # No filter on series_id: the smallest value of any series (an early productivity index).
        "any-series": str(productivity.loc[productivity["index_2017"].idxmin(), "period"]),
        # The highest quarter instead of the lowest (idxmax for idxmin).
        "highest": str(_share(productivity).idxmax()),
    }


def _release(figures: pd.DataFrame) -> pd.Series:
    return figures.loc[figures["figure_id"] == RELEASE_FIGURE].iloc[0]


@expects(
    "gains-labour-share-1947-percent",
    level="intermediate",
    tables=(PRODUCTIVITY.name, REPORTED.name),
    hint=(
        "The index is not a percentage. Take the release's percent for its quarter from gains_reported_figures "
        "(figure_id 'labour_share_level_2026q1'), and multiply it by the index of 1947Q1 over the index of that quarter."
    ),
)
def labour_share_1947_percent(productivity, figures) -> float:
    share, release = _share(productivity), _release(figures)
    return float(release["value"] * share[EXERCISE_QUARTER] / share[release["period"]])


@anticipates("gains-labour-share-1947-percent")
def labour_share_1947_mistakes(productivity, figures) -> dict[str, Any]:
    share, release = _share(productivity), _release(figures)
    return {
        # The index read as a percent: "116% of output went to labour".
        "index-as-percent": float(share[EXERCISE_QUARTER]),
        # The ratio the wrong way up.
        "inverted": float(release["value"] * share[release["period"]] / share[EXERCISE_QUARTER]),
        # A fraction where the question asks for a percent.
        "fraction": float(release["value"] * share[EXERCISE_QUARTER] / share[release["period"]] / 100),
    }


def _income_per_head(financials: pd.DataFrame, figures: pd.DataFrame, fiscal_year: int) -> float:
    nvidia = financials.loc[financials["company"] == "NVIDIA"].set_index("fiscal_year")
    heads = figures.loc[figures["figure_id"] == f"nvidia_employees_fy{fiscal_year}", "value"].iloc[0]
    return float(nvidia.loc[fiscal_year, "net_income_musd"] * 1e6 / heads)


@expects(
    "gains-nvidia-income-per-employee",
    level="advanced",
    tables=(FINANCIALS.name, REPORTED.name),
    hint=(
        "Find NVIDIA's row of gains_company_financials whose calendar_year is 2024 (its fiscal year is another); "
        "divide its net_income_musd, in dollars, by the head count of the same fiscal year in gains_reported_figures."
    ),
)
def nvidia_income_per_employee(financials, figures) -> float:
    nvidia = financials.loc[(financials["company"] == "NVIDIA") & (financials["calendar_year"] == EXERCISE_CALENDAR_YEAR)]
    return _income_per_head(financials, figures, int(nvidia["fiscal_year"].iloc[0]))


@anticipates("gains-nvidia-income-per-employee")
def nvidia_income_per_employee_mistakes(financials, figures) -> dict[str, Any]:
    nvidia = financials.loc[financials["company"] == "NVIDIA"].set_index("fiscal_year")
    right = int(nvidia.loc[nvidia["calendar_year"] == EXERCISE_CALENDAR_YEAR].index[0])
    return {
        # The fiscal year read as the calendar year: fiscal 2024 mostly covers calendar 2023.
        "fiscal-as-calendar": _income_per_head(financials, figures, EXERCISE_CALENDAR_YEAR),
        # Millions of dollars divided by people, left in millions.
        "millions": _income_per_head(financials, figures, right) / 1e6,
    }
