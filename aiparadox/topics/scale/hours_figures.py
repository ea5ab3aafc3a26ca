"""The figures of C06 and C17 (working hours) computed from the working-hours tables: the book's
conventions for the periods and the working week, the average day, and the changes within each
estimate (Huberman and Minns, the Penn World Table), never across the change of source.

The chapter's sections glue them through :mod:`.facts`; the claims and charts read them too.
"""

from __future__ import annotations

import pandas as pd

from ...datapackage import DataError
from . import article
from .working_hours import ANNUAL_HOURS, HM_SERIES, KEY_COUNTRIES, LAST_HM_YEAR, PWT_SERIES, WEEKLY_HOURS

# The six-day week of nineteenth-century industry, to turn hours a week into hours a day.
WORKDAYS_PER_WEEK = 6
# The article does not say which industrial revolution it means, so C06 and C17 name both: Mokyr
# (2010) surveys them together as 1750-1914; Mokyr (1999) dates the second 1870-1914.
INDUSTRIAL_REVOLUTION_YEARS = (1750, 1914)
SECOND_INDUSTRIAL_REVOLUTION_START = 1870
# The information age (C17's second half), by the book's convention: from 1990 to the article's year.
EMAIL_ERA_START = 1990


# --- C06 and C17: working hours ----------------------------------------------------------------


def per_day(hours_per_week: float) -> float:
    return hours_per_week / WORKDAYS_PER_WEEK


def hours_in_years(weekly: pd.DataFrame, first: int, last: int) -> dict[str, float | int | str] | None:
    """Weekly hours of full-time production workers (Huberman and Minns) in its years from ``first``
    to ``last``: the sample's average day, and the US and UK change from the first
    such year to the last. None when the series has no year in that span."""
    total = weekly.dropna(subset=["hours_per_week_all"])
    inside = total.loc[total["year"].between(first, last)]
    if inside.empty:
        return None
    by_year = inside.pivot(index="year", columns="entity", values="hours_per_week_all")
    start, end = int(by_year.index.min()), int(by_year.index.max())
    return {
        "first_year": start,
        "last_year": end,
        "world_day": per_day(float(by_year["World"].mean())),
        "us_change": float(by_year.loc[end, "United States"] / by_year.loc[start, "United States"] - 1),
        "uk_change": float(by_year.loc[end, "United Kingdom"] / by_year.loc[start, "United Kingdom"] - 1),
    }


def annual_hours_in_years(annual: pd.DataFrame, series: str, first: int, last: int) -> dict[str, float | int] | None:
    """Annual hours per worker of one estimate (never across the change of source) in the US and the
    UK, from its first to its last year between ``first`` and ``last``. None when it has none there."""
    rows = annual.loc[(annual["series"] == series) & annual["entity"].isin(KEY_COUNTRIES)]
    by_year = rows.loc[rows["year"].between(first, last)].pivot(index="year", columns="entity", values="hours_per_year")
    if by_year.empty:
        return None
    start, end = int(by_year.index.min()), int(by_year.index.max())
    out: dict[str, float | int] = {"first_year": start, "last_year": end}
    for entity, key in (("United States", "us"), ("United Kingdom", "uk")):
        out[f"{key}_first"], out[f"{key}_last"] = float(by_year.loc[start, entity]), float(by_year.loc[end, entity])
        out[f"{key}_change"] = out[f"{key}_last"] / out[f"{key}_first"] - 1
    return out


def hours_figures(weekly: pd.DataFrame, annual: pd.DataFrame) -> dict[str, float]:
    """The weekly series (one estimate, to 1990), and each estimate of annual hours on its own side."""
    total = weekly.dropna(subset=["hours_per_week_all"])
    first_year = int(total["year"].min())
    first = total.loc[(total["year"] == first_year) & (total["entity_type"] == "country")]
    longest = first.loc[first["hours_per_week_all"].idxmax()]

    def week(entity: str, year: int) -> float:
        row = total.loc[(total["entity"] == entity) & (total["year"] == year), "hours_per_week_all"]
        if row.empty:
            raise DataError(f"{WEEKLY_HOURS.name} has no weekly hours for {entity} {year}")
        return float(row.iloc[0])

    last_total_year = int(total["year"].max())
    whole_weekly = hours_in_years(weekly, first_year, last_total_year)
    early = annual_hours_in_years(annual, HM_SERIES, int(annual["year"].min()), LAST_HM_YEAR)
    late = annual_hours_in_years(annual, PWT_SERIES, LAST_HM_YEAR + 1, int(annual["year"].max()))
    email = annual_hours_in_years(annual, PWT_SERIES, EMAIL_ERA_START, int(annual["year"].max()))
    if early is None or late is None or email is None:
        raise DataError(f"{ANNUAL_HOURS.name} lacks {HM_SERIES} years, {PWT_SERIES} years, or {EMAIL_ERA_START}")
    out = {
        "first_year": first_year,
        "claim_per_week": article.HOURS_PER_DAY * WORKDAYS_PER_WEEK,
        "us_first_week": week("United States", first_year),
        "uk_first_week": week("United Kingdom", first_year),
        "world_first_week": week("World", first_year),
        "longest_first_week": float(longest["hours_per_week_all"]),
        "longest_first_entity": str(longest["entity"]),
        "n_countries": int(total.loc[total["entity_type"] == "country", "entity"].nunique()),
        "last_total_year": last_total_year,
        "highest_week": float(weekly[["hours_per_week_all", "hours_per_week_men", "hours_per_week_women"]].max().max()),
        # Changes and falls (positive when hours went down), each within one estimate.
        "us_week_fall": -whole_weekly["us_change"],
        "uk_week_fall": -whole_weekly["uk_change"],
        "first_annual_year": early["first_year"],
        "last_hm_annual_year": early["last_year"],
        "first_pwt_year": late["first_year"],
        "last_annual_year": late["last_year"],
    }
    for key in ("us", "uk"):
        out[f"{key}_annual_first"], out[f"{key}_annual_last"] = early[f"{key}_first"], late[f"{key}_last"]
        out[f"{key}_annual_hm_last"], out[f"{key}_annual_pwt_first"] = early[f"{key}_last"], late[f"{key}_first"]
        out[f"{key}_fall_hm"], out[f"{key}_fall_pwt"] = -early[f"{key}_change"], -late[f"{key}_change"]
        out[f"{key}_change_email"] = email[f"{key}_change"]
        out[f"{key}_fall_email"] = -email[f"{key}_change"]
    for key in ("us_first_week", "uk_first_week", "world_first_week", "longest_first_week"):
        out[key.replace("_week", "_day")] = per_day(out[key])
    return out
