"""The chapter's exercises: answers, levels, hints, and the wrong answers the teacher's guide anticipates
with the check's feedback on each; and the chapter's written question with the figures its model answer
quotes."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...exercises import Mistake, anticipates, expects, written
from ...i18n import N_
from .facts import labour_share, rules
from .quarterly_series import LABOUR_SHARE_ID, PRODUCTIVITY
from .tables import FINANCIALS, REPORTED

EXERCISE_QUARTER = "1947Q1"
RELEASE_FIGURE = "labour_share_level_2026q1"
EXERCISE_CALENDAR_YEAR = 2024


def _share(productivity: pd.DataFrame, series_id: str = LABOUR_SHARE_ID) -> pd.Series:
    return productivity.loc[productivity["series_id"] == series_id].set_index("period")["index_2017"]


@expects(
    "gains-lowest-labour-share",
    level="introductory",
    tables=(PRODUCTIVITY.name,),
    hint=N_(
        "Keep the rows of gains_bls_productivity with series_id == 'PRS85006173'; the answer is the period of the smallest index_2017."
    ),
)
def lowest_labour_share_quarter(productivity) -> str:
    return str(_share(productivity).idxmin())


@anticipates("gains-lowest-labour-share")
def lowest_labour_share_mistakes(productivity) -> dict[str, Mistake]:
    return {
        # No filter on series_id: the smallest value of any series (an early productivity index).
        "any-series": Mistake(
            str(productivity.loc[productivity["index_2017"].idxmin(), "period"]),
            N_(
                "That quarter holds the smallest value of another series: keep the labour share's rows (series_id) first."
            ),
        ),
        # The highest quarter instead of the lowest (idxmax for idxmin).
        "highest": Mistake(str(_share(productivity).idxmax()), N_("That is the highest quarter, not the lowest.")),
    }


def _release(figures: pd.DataFrame) -> pd.Series:
    return figures.loc[figures["figure_id"] == RELEASE_FIGURE].iloc[0]


@expects(
    "gains-labour-share-1947-percent",
    level="intermediate",
    tables=(PRODUCTIVITY.name, REPORTED.name),
    hint=(
        N_(
            "The index is not a percentage. Take the release's percent for its quarter from gains_reported_figures "
            "(figure_id 'labour_share_level_2026q1'), and multiply it by the index of 1947Q1 over the index of that quarter."
        )
    ),
)
def labour_share_1947_percent(productivity, figures) -> float:
    share, release = _share(productivity), _release(figures)
    return float(release["value"] * share[EXERCISE_QUARTER] / share[release["period"]])


@anticipates("gains-labour-share-1947-percent")
def labour_share_1947_mistakes(productivity, figures) -> dict[str, Mistake]:
    share, release = _share(productivity), _release(figures)
    return {
        # The index read as a percent: "116% of output went to labour".
        "index-as-percent": Mistake(
            float(share[EXERCISE_QUARTER]),
            N_(
                "That is the index itself, not a percentage: an index says how a quantity moved, and its level has to "
                "come from elsewhere (the release's percent)."
            ),
        ),
        # The ratio the wrong way up.
        "inverted": Mistake(
            float(release["value"] * share[release["period"]] / share[EXERCISE_QUARTER]),
            N_(
                "The ratio of the two indexes is the wrong way up: the level moves with the index, so the quarter "
                "asked for goes on top."
            ),
        ),
        # A fraction where the question asks for a percent.
        "fraction": Mistake(
            float(release["value"] * share[EXERCISE_QUARTER] / share[release["period"]] / 100),
            N_("That is a fraction; the question asks for a percentage."),
        ),
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
        N_(
            "Find NVIDIA's row of gains_company_financials whose calendar_year is 2024 (its fiscal year is another); "
            "divide its net_income_musd, in dollars, by the head count of the same fiscal year in gains_reported_figures."
        )
    ),
)
def nvidia_income_per_employee(financials, figures) -> float:
    nvidia = financials.loc[
        (financials["company"] == "NVIDIA") & (financials["calendar_year"] == EXERCISE_CALENDAR_YEAR)
    ]
    return _income_per_head(financials, figures, int(nvidia["fiscal_year"].iloc[0]))


@anticipates("gains-nvidia-income-per-employee")
def nvidia_income_per_employee_mistakes(financials, figures) -> dict[str, Mistake]:
    nvidia = financials.loc[financials["company"] == "NVIDIA"].set_index("fiscal_year")
    right = int(nvidia.loc[nvidia["calendar_year"] == EXERCISE_CALENDAR_YEAR].index[0])
    return {
        # The fiscal year read as the calendar year: fiscal 2024 mostly covers calendar 2023.
        "fiscal-as-calendar": Mistake(
            _income_per_head(financials, figures, EXERCISE_CALENDAR_YEAR),
            N_(
                "That is the fiscal year with the calendar year's number, which mostly covers the year before: check "
                "period_start and period_end before matching a fiscal year to a calendar one."
            ),
        ),
        # Millions of dollars divided by people, left in millions.
        "millions": Mistake(
            _income_per_head(financials, figures, right) / 1e6,
            N_("The net income is in millions of dollars: convert it to dollars before dividing."),
        ),
    }


@written("gains-timing-not-cause", points=3, tables=(PRODUCTIVITY.name, REPORTED.name))
def timing_not_cause_figures(productivity, figures) -> dict[str, Any]:
    """The figures of the model answer: labour's share since generative AI against the benchmark decade,
    and where the series started."""
    share = labour_share(productivity, figures)
    return {
        "ai-from": rules()["rule_ai_from"],
        "after-mean": share["ls_after_mean"],
        "bench-low": share["ls_bench_low"],
        "bench-high": share["ls_bench_high"],
        "first": share["ls_first"],
        "first-period": share["ls_first_period"],
        "fall-predates": share["ls_fall_predates"],
    }
