"""Scale, exercises: each exercise's answer, level and hint, and beside it the wrong answers the
teacher's guide anticipates, all computed from the tables named in ``tables=``.

The years the questions name are :data:`facts.EXERCISE_GENERATION_YEAR` and its neighbours, glued
into the questions by ``facts.exercise_questions()``, so that questions and answers cannot drift apart.
"""

from __future__ import annotations

import pandas as pd

from ...exercises import anticipates, expects
from .facts import EXERCISE_GENERATION_YEAR, EXERCISE_HOURS_YEAR, EXERCISE_LEAP_YEAR, WORKDAYS_PER_WEEK, per_day
from .tables import EIA_SERIES, LBNL_REPORT, OWID_SERIES, hours_in_year, twh_to_average_gw


@expects(
    "scale-datacentre-share-2024",
    level="advanced",
    hint=(
        "Take the LBNL 2028 'high' electricity_twh from us_datacentre_electricity and divide it by the OWID "
        "generation_twh for 2024 in us_electricity_generation."
    ),
    tables=("us_datacentre_electricity", "us_electricity_generation"),
)
def datacentre_high_share_of_2024(dc: pd.DataFrame, gen: pd.DataFrame) -> float:
    high = dc.loc[(dc["report"] == LBNL_REPORT) & (dc["bound"] == "high"), "electricity_twh"].iloc[0]
    owid_2024 = gen.loc[(gen["source"] == OWID_SERIES) & (gen["year"] == EXERCISE_GENERATION_YEAR), "generation_twh"].iloc[0]
    return float(high / owid_2024)


@anticipates("scale-datacentre-share-2024")
def datacentre_share_mistakes(centres: pd.DataFrame, generation: pd.DataFrame) -> dict[str, float]:
    lbnl_high = centres.loc[(centres["report"] == LBNL_REPORT) & (centres["bound"] == "high")].iloc[0]
    lbnl_low = centres.loc[(centres["report"] == LBNL_REPORT) & (centres["bound"] == "low")].iloc[0]
    owid = generation.loc[generation["source"] == OWID_SERIES].set_index("year")["generation_twh"]
    eia = generation.loc[generation["source"] == EIA_SERIES].set_index("year")["generation_twh"]
    return {
        "reported-share": float(lbnl_high["share_of_us_electricity"]),  # the report's own share, another year
        "low-bound": float(lbnl_low["electricity_twh"] / owid[EXERCISE_GENERATION_YEAR]),  # the low end of LBNL's range
        "eia-latest": float(lbnl_high["electricity_twh"] / eia.iloc[-1]),  # the EIA has no row for that year
    }


@expects(
    "scale-leap-year-2020",
    level="introductory",
    hint="2020 is a leap year: 366 days × 24 hours. Divide the EIA 2020 generation_twh × 1000 by that.",
    tables=("us_electricity_generation",),
)
def eia_2020_average_gw(gen: pd.DataFrame) -> float:
    row = gen.loc[(gen["source"] == EIA_SERIES) & (gen["year"] == EXERCISE_LEAP_YEAR)].iloc[0]
    return twh_to_average_gw(float(row["generation_twh"]), EXERCISE_LEAP_YEAR)


@anticipates("scale-leap-year-2020")
def leap_year_mistakes(generation: pd.DataFrame) -> dict[str, float]:
    owid = generation.loc[generation["source"] == OWID_SERIES].set_index("year")["generation_twh"]
    eia = generation.loc[generation["source"] == EIA_SERIES].set_index("year")["generation_twh"]
    year = EXERCISE_LEAP_YEAR
    return {
        "ordinary-year": float(eia[year] * 1000 / hours_in_year(year - 1)),  # 8,760 hours, as if not a leap year
        "owid": twh_to_average_gw(float(owid[year]), year),  # the OWID series instead of the EIA's
    }


@expects(
    "scale-longest-week-1870",
    level="intermediate",
    hint="Keep the countries (entity_type == 'country') in 1870, take the largest hours_per_week_all and divide by 6.",
    tables=("weekly_hours_of_work",),
)
def longest_1870_day(weekly: pd.DataFrame) -> float:
    first = weekly.loc[(weekly["year"] == EXERCISE_HOURS_YEAR) & (weekly["entity_type"] == "country"), "hours_per_week_all"]
    return per_day(float(first.max()))


@anticipates("scale-longest-week-1870")
def longest_week_mistakes(weekly: pd.DataFrame) -> dict[str, float]:
    in_year = weekly.loc[(weekly["year"] == EXERCISE_HOURS_YEAR) & (weekly["entity_type"] == "country")]
    longest = in_year["hours_per_week_all"].max()
    return {
        "seven-days": float(longest / 7),  # a seven-day week, not the six working days
        "five-days": float(longest / 5),  # today's five-day week
    }


def guide_figures() -> dict[str, int]:
    """The numbers the teacher's guide quotes in its feedback on these exercises (not answers)."""
    return {
        "hours-leap-year": hours_in_year(EXERCISE_LEAP_YEAR),
        "hours-ordinary-year": hours_in_year(EXERCISE_LEAP_YEAR - 1),
        "leap-year": EXERCISE_LEAP_YEAR,
        "workdays": WORKDAYS_PER_WEEK,
    }
