"""Scale, exercises: each exercise's answer, level and hint, and beside it the wrong answers the
teacher's guide anticipates with the check's feedback on each, all computed from the tables named
in ``tables=``; and the chapter's written question with the figures its model answer quotes.

The years the questions name are :data:`facts.EXERCISE_GENERATION_YEAR` and its neighbours, glued
into the questions by ``facts.exercise_questions()``, so that questions and answers cannot drift apart.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...exercises import Mistake, anticipates, expects, written
from ...i18n import N_
from .article import SITE_TW
from .facts import (
    EXERCISE_GENERATION_YEAR,
    EXERCISE_HOURS_YEAR,
    EXERCISE_LEAP_YEAR,
    c11_figures,
    claim_over_us_generation,
)
from .hours_figures import WORKDAYS_PER_WEEK, per_day
from .tables import EIA_SERIES, LBNL_REPORT, OWID_SERIES, hours_in_year, twh_to_average_gw


@expects(
    "scale-datacentre-share-2024",
    level="advanced",
    hint=(
        N_(
            "Take the LBNL 2028 'high' electricity_twh from us_datacentre_electricity and divide it by the OWID "
            "generation_twh for 2024 in us_electricity_generation."
        )
    ),
    tables=("us_datacentre_electricity", "us_electricity_generation"),
)
def datacentre_high_share_of_2024(dc: pd.DataFrame, gen: pd.DataFrame) -> float:
    high = dc.loc[(dc["report"] == LBNL_REPORT) & (dc["bound"] == "high"), "electricity_twh"].iloc[0]
    owid_2024 = gen.loc[
        (gen["source"] == OWID_SERIES) & (gen["year"] == EXERCISE_GENERATION_YEAR), "generation_twh"
    ].iloc[0]
    return float(high / owid_2024)


@anticipates("scale-datacentre-share-2024")
def datacentre_share_mistakes(centres: pd.DataFrame, generation: pd.DataFrame) -> dict[str, Mistake]:
    lbnl_high = centres.loc[(centres["report"] == LBNL_REPORT) & (centres["bound"] == "high")].iloc[0]
    lbnl_low = centres.loc[(centres["report"] == LBNL_REPORT) & (centres["bound"] == "low")].iloc[0]
    owid = generation.loc[generation["source"] == OWID_SERIES].set_index("year")["generation_twh"]
    eia = generation.loc[generation["source"] == EIA_SERIES].set_index("year")["generation_twh"]
    return {
        # The report's own share, of another year's total.
        "reported-share": Mistake(
            float(lbnl_high["share_of_us_electricity"]),
            N_(
                "That is the report's own share, of a projected total in another year. The question divides by the "
                "generation of the year it names: what is the denominator of each share?"
            ),
        ),
        # The low end of LBNL's range.
        "low-bound": Mistake(
            float(lbnl_low["electricity_twh"] / owid[EXERCISE_GENERATION_YEAR]),
            N_("That uses the low end of LBNL's range; the question takes the high one."),
        ),
        # The EIA has no row for that year.
        "eia-latest": Mistake(
            float(lbnl_high["electricity_twh"] / eia.iloc[-1]),
            N_(
                "That divides by the EIA's latest year. The question names OWID's series, which has the year asked for."
            ),
        ),
    }


@expects(
    "scale-leap-year-2020",
    level="introductory",
    hint=N_("2020 is a leap year: 366 days × 24 hours. Divide the EIA 2020 generation_twh × 1000 by that."),
    tables=("us_electricity_generation",),
)
def eia_2020_average_gw(gen: pd.DataFrame) -> float:
    row = gen.loc[(gen["source"] == EIA_SERIES) & (gen["year"] == EXERCISE_LEAP_YEAR)].iloc[0]
    return twh_to_average_gw(float(row["generation_twh"]), EXERCISE_LEAP_YEAR)


@anticipates("scale-leap-year-2020")
def leap_year_mistakes(generation: pd.DataFrame) -> dict[str, Mistake]:
    owid = generation.loc[generation["source"] == OWID_SERIES].set_index("year")["generation_twh"]
    eia = generation.loc[generation["source"] == EIA_SERIES].set_index("year")["generation_twh"]
    year = EXERCISE_LEAP_YEAR
    return {
        # The hours of an ordinary year, as if it were not a leap year.
        "ordinary-year": Mistake(
            float(eia[year] * 1000 / hours_in_year(year - 1)),
            N_("That divides by the hours of an ordinary year: how many days did that year have?"),
        ),
        # The OWID series instead of the EIA's.
        "owid": Mistake(
            twh_to_average_gw(float(owid[year]), year), N_("That is OWID's series; the question names the EIA's.")
        ),
    }


@expects(
    "scale-longest-week-1870",
    level="intermediate",
    hint=N_(
        "Keep the countries (entity_type == 'country') in 1870, take the largest hours_per_week_all and divide by 6."
    ),
    tables=("weekly_hours_of_work",),
)
def longest_1870_day(weekly: pd.DataFrame) -> float:
    first = weekly.loc[
        (weekly["year"] == EXERCISE_HOURS_YEAR) & (weekly["entity_type"] == "country"), "hours_per_week_all"
    ]
    return per_day(float(first.max()))


@anticipates("scale-longest-week-1870")
def longest_week_mistakes(weekly: pd.DataFrame) -> dict[str, Mistake]:
    in_year = weekly.loc[(weekly["year"] == EXERCISE_HOURS_YEAR) & (weekly["entity_type"] == "country")]
    longest = in_year["hours_per_week_all"].max()
    return {
        # A seven-day week, not the working days.
        "seven-days": Mistake(
            float(longest / 7),
            f"That divides by every day of the week; the question, like the chapter, counts {WORKDAYS_PER_WEEK} "
            "working days.",
        ),
        # Today's five-day week.
        "five-days": Mistake(
            float(longest / 5),
            f"That divides by today's working week; the question, like the chapter, counts {WORKDAYS_PER_WEEK} "
            "working days.",
        ),
    }


@written("scale-terawatts-impossible", points=3, tables=("xai_humain_announcement", "us_electricity_generation"))
def terawatts_figures(announcement: pd.DataFrame, generation: pd.DataFrame) -> dict[str, Any]:
    """The figures of the model answer: the announced site and phase, the article's terawatts, the factor
    between them and the article's site against US generation."""
    c11 = c11_figures(announcement)
    return {
        "claim-site-tw": SITE_TW,
        "site-mw": c11["site_mw"],
        "phase-mw": c11["phase_mw"],
        "slip-gw": c11["slip_gw"],
        "factor": c11["site_factor"],
        "over-us": claim_over_us_generation(generation),
    }


def guide_figures() -> dict[str, int]:
    """The numbers the teacher's guide quotes in its feedback on these exercises (not answers)."""
    return {
        "hours-leap-year": hours_in_year(EXERCISE_LEAP_YEAR),
        "hours-ordinary-year": hours_in_year(EXERCISE_LEAP_YEAR - 1),
        "leap-year": EXERCISE_LEAP_YEAR,
        "workdays": WORKDAYS_PER_WEEK,
    }
