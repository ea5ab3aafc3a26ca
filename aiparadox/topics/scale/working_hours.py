"""Scale's tables of working hours: Huberman and Minns' weekly hours (1870-2000) and annual hours per
worker (Huberman and Minns to 1938, the Penn World Table from 1950), as OWID publishes them, each
:class:`Table` declared right above the function that derives it.

The dataset that holds them, and the rules they follow, are in :mod:`.tables`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ...datapackage import DataError, Field, Source, Table
from ...refresh import Revised, SpanKept, Within
from .raw import (
    HM_COLUMNS,
    column_numbers,
    read_annual_hours,
    read_csv_checked,
)

# --- Tables: working hours -------------------------------------------------------------------

# Averages over Huberman and Minns' sample that OWID lists beside the countries.
HM_GROUPS = ("World", "Old World", "New World", "Old World (weighted)", "New World (weighted)")
# OWID wrote the one-decimal source values as 32-bit floats (56.900002); rounding back must not
# move a value by more than that noise.
FLOAT32_NOISE = 5e-5
HM_DECIMALS = 1

HM_SOURCE = Source(
    publisher="Our World in Data, from Huberman and Minns (2007), Explorations in Economic History 44(4): 538-567",
    title="Days and hours of work in Old and New Worlds, 1870-2000",
    series="owid-datasets: 'Days and hours of work in Old and New Worlds - Huberman and Minns (2007)' (OWID dataset 2808)",
    url="https://github.com/owid/owid-datasets/tree/master/datasets",
    retrieved="2018-06-13 (OWID's retrieval from the authors; the date of our copy is not stated)",
    licence="OWID-produced data CC BY 4.0; underlying data by Huberman and Minns (2007); the archived repository states no licence",
    licence_url="https://creativecommons.org/licenses/by/4.0/",
    route=(
        "Copied verbatim from the GitHub repository owid/owid-datasets at commit "
        "946e428c55fd9ba5d05f70e38811332bd8b77cfe (file renamed; character counts match); OWID "
        "retrieved the data on 13 June 2018"
    ),
)


def _round_float32(values: pd.Series, *, filename: str, column: str) -> pd.Series:
    rounded = values.round(HM_DECIMALS)
    moved = (rounded - values).abs() > FLOAT32_NOISE
    if moved.any():
        raise DataError(f"{filename}: {column} = {values[moved].iloc[0]} has more decimals than the source's one")
    return rounded


WEEKLY_HOURS = Table(
    name="weekly_hours_of_work",
    title="Weekly hours of full-time production workers and days off, 1870-2000 (Huberman and Minns)",
    description=(
        "Hours of work per week of full-time production workers and days off per year (holidays and "
        "vacation), by country and for averages of Huberman and Minns' sample, in 1870, 1880, 1890, "
        "1900, 1913, 1929, 1938 and every decade 1950-2000. For 2000 the source gives men and women "
        "separately and no total. Missing values are missing in the source."
    ),
    fields=(
        Field(
            "entity",
            "string",
            "Country, or an average of the sample (World, Old World, New World; 'weighted' = population-weighted)",
            constraints={"required": True},
        ),
        Field(
            "entity_type",
            "string",
            "country, or sample average",
            constraints={"required": True, "enum": ["country", "sample average"]},
        ),
        Field("year", "year", "Year", constraints={"required": True}),
        Field(
            "hours_per_week_all",
            "number",
            "Hours of work per week, full-time production workers",
            unit="hours per week",
            constraints={"minimum": 0, "maximum": 168},
        ),
        Field(
            "hours_per_week_men",
            "number",
            "Hours of work per week, male full-time production workers (2000 only)",
            unit="hours per week",
            constraints={"minimum": 0, "maximum": 168},
        ),
        Field(
            "hours_per_week_women",
            "number",
            "Hours of work per week, female full-time production workers (2000 only)",
            unit="hours per week",
            constraints={"minimum": 0, "maximum": 168},
        ),
        Field(
            "days_off_per_year",
            "number",
            "Days off in vacation and holidays",
            unit="days per year",
            constraints={"minimum": 0, "maximum": 366},
        ),
    ),
    primary_key=("entity", "year"),
    sources=(HM_SOURCE,),
    # Historical figures: a refresh keeps each country's span and its values as published.
    checks=(
        SpanKept("year", series=("entity",)),
        Within("hours_per_week_all", 20, 100),
        Revised(("hours_per_week_all", "days_off_per_year"), at_most=0.0),
    ),
)


def weekly_hours(path: Path) -> pd.DataFrame:
    """Huberman and Minns' weekly hours and days off, as OWID publishes them, in the book's names."""
    path = Path(path)
    raw = read_csv_checked(path)
    expected = ["Entity", "Year", *HM_COLUMNS]
    if list(raw.columns) != expected:
        raise DataError(f"{path.name}: columns {list(raw.columns)} are not the expected {expected}")
    frame = pd.DataFrame({"entity": raw["Entity"].str.strip()})
    frame["entity_type"] = frame["entity"].map(lambda e: "sample average" if e in HM_GROUPS else "country")
    frame["year"] = column_numbers(raw, "Year", path.name).astype(int)
    for column, name in HM_COLUMNS.items():
        frame[name] = _round_float32(column_numbers(raw, column, path.name), filename=path.name, column=column)
    empty = frame[list(HM_COLUMNS.values())].isna().all(axis=1)
    if empty.any():
        row = frame.loc[empty].iloc[0]
        raise DataError(f"{path.name}: the row for {row['entity']} {row['year']} has no value at all")
    if frame.duplicated(["entity", "year"]).any():
        row = frame.loc[frame.duplicated(["entity", "year"])].iloc[0]
        raise DataError(f"{path.name}: {row['entity']} {row['year']} appears twice")
    return frame.reset_index(drop=True)


# OWID switches from Huberman and Minns to the Penn World Table after 1938 (SOURCE.md): two
# estimates, of different workers, that no computation joins.
LAST_HM_YEAR = 1938
HM_SERIES, PWT_SERIES = "Huberman and Minns", "Penn World Table"
# The two countries whose annual hours run past 1938 (the Penn World Table years).
KEY_COUNTRIES = ("United States", "United Kingdom")

ANNUAL_HOURS_SOURCE = Source(
    publisher="Our World in Data, from Huberman and Minns (2005) for 1870-1938 and the Penn World Table (avh) from 1950",
    title="Average annual working hours per worker (annual-working-hours-per-worker)",
    series="OWID grapher export annual-working-hours-per-worker.csv (older vintage ending in 2017)",
    url="https://ourworldindata.org/grapher/annual-working-hours-per-worker",
    retrieved="Not stated; an older OWID vintage whose data end in 2017",
    licence="OWID CC BY 4.0; Penn World Table CC BY 4.0; Huberman and Minns (2005) (c) the authors",
    licence_url="https://creativecommons.org/licenses/by/4.0/",
    route=(
        "Two verbatim excerpts of the same OWID export: the UK and US rows 1870-2017 from the GitHub "
        "repository yaseminm-koc/DSA210-Project at commit c173dc6034e23ac7da7981e5b913b8dc05594b5b, "
        "and the 14 countries of 1870-1938 from Global-Online-Academy/final-project-EvanDemers at commit "
        "6f9202a22643d9ae11f238d123ec7b1b6a67d794 (header renamed there); their UK and US rows are "
        "checked to be identical"
    ),
)

ANNUAL_HOURS = Table(
    name="annual_hours_per_worker",
    title="Average annual working hours per worker, 1870-2017",
    description=(
        "Average hours worked per worker per year. 1870-1938 (14 countries) from Huberman and Minns; "
        "1950-2017 (United Kingdom and United States only here) from the Penn World Table's avh. The "
        "two are different estimates joined by OWID; the series column says which is which."
    ),
    fields=(
        Field("entity", "string", "Country", constraints={"required": True}),
        Field("code", "string", "ISO 3166-1 alpha-3 code", constraints={"required": True}),
        Field("year", "year", "Year", constraints={"required": True}),
        Field(
            "hours_per_year",
            "number",
            "Average annual working hours per worker",
            unit="hours per worker per year",
            constraints={"minimum": 0, "maximum": 8784, "required": True},
        ),
        Field(
            "series",
            "string",
            "Which estimate the value comes from",
            constraints={"required": True, "enum": [HM_SERIES, PWT_SERIES]},
        ),
    ),
    primary_key=("entity", "year"),
    sources=(ANNUAL_HOURS_SOURCE,),
    # The Penn World Table's vintages revise its estimates a little; a year's hours may move by 5%.
    checks=(
        SpanKept("year", series=("entity",)),
        Within("hours_per_year", 1000, 4000),
        Revised(("hours_per_year",), at_most=0.05),
    ),
)


def annual_hours(main_path: Path, hm_path: Path) -> pd.DataFrame:
    """UK and US 1870-2017 plus the other Huberman and Minns countries 1870-1938, overlap checked."""
    main, hm = read_annual_hours(main_path), read_annual_hours(hm_path)
    overlap = main.merge(hm, on=["entity", "year"], suffixes=("", "_hm"))
    if overlap.empty:
        raise DataError(
            f"{Path(main_path).name} and {Path(hm_path).name}: no country-year in common to check them against"
        )
    differ = overlap.loc[
        (overlap["hours_per_year"] != overlap["hours_per_year_hm"]) | (overlap["code"] != overlap["code_hm"])
    ]
    if not differ.empty:
        row = differ.iloc[0]
        raise DataError(
            f"{Path(main_path).name} and {Path(hm_path).name} disagree for {row['entity']} {row['year']}: "
            f"{row['hours_per_year']:g} vs {row['hours_per_year_hm']:g}"
        )
    combined = pd.concat([main, hm], ignore_index=True).drop_duplicates(["entity", "year"])
    combined["series"] = combined["year"].map(lambda y: HM_SERIES if y <= LAST_HM_YEAR else PWT_SERIES)
    return combined.sort_values(["entity", "year"]).reset_index(drop=True)


def annual_hours_from_export(path: Path) -> pd.DataFrame:
    """The table's rows from OWID's whole annual-working-hours export: every country for the
    Huberman and Minns years (to 1938), and the United Kingdom and United States for all years,
    which is what the two excerpts of the shared folder hold."""
    every = read_annual_hours(path)
    kept = every.loc[(every["year"] <= LAST_HM_YEAR) | every["entity"].isin(KEY_COUNTRIES)].copy()
    missing = [country for country in KEY_COUNTRIES if country not in set(kept["entity"])]
    if missing:
        raise DataError(f"{Path(path).name}: no rows for {missing}")
    if kept.duplicated(["entity", "year"]).any():
        row = kept.loc[kept.duplicated(["entity", "year"])].iloc[0]
        raise DataError(f"{Path(path).name}: {row['entity']} {row['year']} appears twice")
    kept["series"] = kept["year"].map(lambda y: HM_SERIES if y <= LAST_HM_YEAR else PWT_SERIES)
    return kept.sort_values(["entity", "year"]).reset_index(drop=True)
