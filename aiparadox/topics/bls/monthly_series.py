"""The BLS monthly series: the CPS level and rate of the Information industry's unemployed, and the
employer series (JOLTS, CES), each :class:`Table` declared right above the function that derives it.

The dataset that holds them, and the traps of their files, are in :mod:`.tables`.
"""

from __future__ import annotations

import pandas as pd

from ...datapackage import DataError, Field, Source, Table
from ...refresh import Revised, SpanKept, Within
from .raw import (
    CSD_EMPLOYMENT_ID,
    FRED_JSON,
    JOLTS_JSON,
    LAYOFFS_ID,
    LEVEL_ID,
    OPENINGS_ID,
    RATE_FILE,
    RATE_ID,
    RATE_VINTAGE,
    complete_months,
    expect_one_series,
    seasonal_adjustment,
)

# --- the months a CPS series may lack -------------------------------------------------------------

# Why a CPS month may be absent. BLS statement of 19 November 2025, as quoted by Reuters
# (https://fixedincome.fidelity.com/ftgw/fi/FINewsArticle?id=202511200509RTRSNEWSCOMBINED_KBN3MP26T-OUSTP_1).
SHUTDOWN_GAP = (
    "not collected: the CPS household survey could not be run for the October 2025 reference "
    "period during the lapse in federal appropriations, and BLS cannot collect it retroactively"
)
CPS_GAPS = {"2025-10": SHUTDOWN_GAP}
SHUTDOWN_STATEMENT_DATE = "19 November 2025"
SHUTDOWN_STATEMENT_URL = (
    "https://fixedincome.fidelity.com/ftgw/fi/FINewsArticle?id=202511200509RTRSNEWSCOMBINED_KBN3MP26T-OUSTP_1"
)


# --- who published what ---------------------------------------------------------------------------

BLS_PUBLISHER = "U.S. Bureau of Labor Statistics (BLS)"
BLS_LICENCE = "Public domain (work of the U.S. federal government); BLS asks to be cited"
BLS_LICENCE_URL = "https://www.bls.gov/opub/copyright-information.htm"
CLIU55 = "GitHub repository cliu55/howfuckedareswe at commit c31c64918e422db9636e4fc877a2d5030ae31adb"


# --- the monthly series ---------------------------------------------------------------------------

LEVEL_SOURCE = Source(
    publisher=f"{BLS_PUBLISHER}, Current Population Survey",
    title="(Unadj) Unemployment Level - Information Industry, Private Wage and Salary Workers",
    series=LEVEL_ID,
    url=f"https://data.bls.gov/timeseries/{LEVEL_ID}",
    retrieved="2026-08-17",
    licence=BLS_LICENCE,
    licence_url=BLS_LICENCE_URL,
    route=(
        f"FRED API (Federal Reserve Bank of St. Louis), saved as src/data/generated/fred.json (key "
        f"unemploymentLevel, fetchedAt 2026-08-17, asOf 2026-07-01) in the {CLIU55}; copied byte for "
        f"byte as {FRED_JSON} (sha256 bb05dce44dbc5c686e56702f653726410d5b25f30992ccd5d96fb6604e8eecda)"
    ),
)

_GAP_FIELD = Field(
    "gap",
    "string",
    "Why the value is missing, when the source has no observation for the month (empty otherwise)",
)

UNEMPLOYED = Table(
    name="bls_information_unemployed",
    title="Unemployed, Information industry, monthly, not seasonally adjusted (LNU03032237)",
    description=(
        "CPS count of unemployed private wage and salary workers whose last job was in the Information "
        "industry, in thousands, not seasonally adjusted: the series behind the article's 98,000 and "
        "152,000. One row per month; October 2025 was not collected and stays empty."
    ),
    fields=(
        Field("month", "yearmonth", "Reference month", constraints={"required": True}),
        Field("series_id", "string", "BLS series id", constraints={"required": True}),
        Field(
            "unemployed_thousands",
            "number",
            "Unemployed whose last job was in the Information industry, not seasonally adjusted",
            unit="thousands of persons",
            constraints={"minimum": 0},
        ),
        Field("seasonal_adjustment", "string", "Decoded from the series id", constraints={"required": True}),
        _GAP_FIELD,
    ),
    primary_key=("month",),
    sources=(LEVEL_SOURCE,),
    # A few hundred thousand at most (38 to 311 thousand since 2019); the CPS does not revise a
    # month's count, so a refresh keeps the months and their values (5% for a rounding change).
    checks=(SpanKept("month"), Within("unemployed_thousands", 1, 2_000), Revised(("unemployed_thousands",), 0.05)),
)


def information_unemployed(inputs: dict[str, tuple[pd.DataFrame, str]]) -> pd.DataFrame:
    raw, where = inputs[LEVEL_ID]
    full = complete_months(expect_one_series(raw, LEVEL_ID, where), CPS_GAPS, where)
    return pd.DataFrame(
        {
            "month": full["month"],
            "series_id": full["series_id"],
            "unemployed_thousands": full["value"],
            "seasonal_adjustment": seasonal_adjustment(LEVEL_ID),
            "gap": full["gap"],
        }
    )


RATE_SOURCE = Source(
    publisher=f"{BLS_PUBLISHER}, Current Population Survey",
    title="(Unadj) Unemployment Rate - Information Industry, Private Wage and Salary Workers",
    series=RATE_ID,
    url=f"https://data.bls.gov/timeseries/{RATE_ID}",
    retrieved=RATE_VINTAGE,
    licence=BLS_LICENCE,
    licence_url=BLS_LICENCE_URL,
    route=(
        "FRED download, vintage 2025-01-20 (realtime_start = realtime_end), saved as data/LNU04032237.csv in "
        "the GitHub repository giorgi-ghviniashvili/sahm_rule at commit 4f03aef9092af754cc0f62875020ad9c20c04046; "
        f"copied byte for byte as {RATE_FILE} "
        "(sha256 6b8bda99db3cf88d693ca0f1ae290f425d653fc157ddfd7f250933a7a3772aae)"
    ),
)

RATE = Table(
    name="bls_information_unemployment_rate",
    title="Unemployment rate, Information industry, monthly, not seasonally adjusted (LNU04032237), 2000-2024",
    description=(
        "CPS unemployment rate of private wage and salary workers in the Information industry, percent, "
        "not seasonally adjusted, as FRED held it on 2025-01-20 (January 2000 to December 2024)."
    ),
    fields=(
        Field("month", "yearmonth", "Reference month", constraints={"required": True}),
        Field("series_id", "string", "BLS series id", constraints={"required": True}),
        Field(
            "rate_percent",
            "number",
            "Unemployment rate, Information industry, not seasonally adjusted",
            unit="percent of the industry's labour force",
            constraints={"minimum": 0, "maximum": 100, "required": True},
        ),
        Field("seasonal_adjustment", "string", "Decoded from the series id", constraints={"required": True}),
    ),
    primary_key=("month",),
    sources=(RATE_SOURCE,),
    # A percentage of the industry's labour force (1.4% to 12.3% over 2000-2024).
    checks=(SpanKept("month"), Within("rate_percent", 0.1, 40), Revised(("rate_percent",), 0.05)),
)


def information_rate(inputs: dict[str, tuple[pd.DataFrame, str]]) -> pd.DataFrame:
    raw, where = inputs[RATE_ID]
    full = complete_months(expect_one_series(raw, RATE_ID, where), {}, where)
    if full["value"].isna().any():
        raise DataError(f"{where}: missing values for {list(full.loc[full['value'].isna(), 'month'])}")
    return pd.DataFrame(
        {
            "month": full["month"],
            "series_id": full["series_id"],
            "rate_percent": full["value"],
            "seasonal_adjustment": seasonal_adjustment(RATE_ID),
        }
    )


JOLTS_SOURCE = Source(
    publisher=f"{BLS_PUBLISHER}, Job Openings and Labor Turnover Survey (JOLTS)",
    title="Information (NAICS 51): job openings, and layoffs and discharges, levels, seasonally adjusted",
    series=f"{OPENINGS_ID}, {LAYOFFS_ID}",
    url="https://www.bls.gov/jlt/",
    retrieved="2026-08-17",
    licence=BLS_LICENCE,
    licence_url=BLS_LICENCE_URL,
    route=(
        f"BLS Public Data API v2, transformed to {{t, v}} lists and saved as src/data/generated/bls.json "
        f"(fetchedAt 2026-08-17, asOf 2026-06-01) in the {CLIU55}; copied byte for byte as {JOLTS_JSON} "
        "(sha256 aed78584a4ae5085ca452466b551a8e0110e1f2840416e23b306cee2bdadd02c)"
    ),
)
CES_SOURCE = Source(
    publisher=f"{BLS_PUBLISHER}, Current Employment Statistics",
    title="All employees, computer systems design and related services, seasonally adjusted",
    series=CSD_EMPLOYMENT_ID,
    url=f"https://data.bls.gov/timeseries/{CSD_EMPLOYMENT_ID}",
    retrieved="2026-08-17",
    licence=BLS_LICENCE,
    licence_url=BLS_LICENCE_URL,
    route=(
        f"FRED API, saved in src/data/generated/fred.json (key techEmployment) in the {CLIU55}; copied "
        f"byte for byte as {FRED_JSON}"
    ),
)

# What each employer series counts, in the words of the table's measure column (in the order of raw.EMPLOYER_IDS).
EMPLOYER_MEASURES = {
    OPENINGS_ID: "Job openings, Information industry (JOLTS)",
    LAYOFFS_ID: "Layoffs and discharges, Information industry (JOLTS)",
    CSD_EMPLOYMENT_ID: "Jobs in computer systems design and related services (CES)",
}

EMPLOYERS = Table(
    name="bls_information_employer_series",
    title="What employers did: JOLTS openings and layoffs in Information; jobs in computer systems design",
    description=(
        "Monthly levels, in thousands, seasonally adjusted: job openings and layoffs and discharges in the "
        "Information industry (JOLTS) and payroll employment in computer systems design and related "
        "services (CES). Long form, one row per series and month."
    ),
    fields=(
        Field("series_id", "string", "BLS series id", constraints={"required": True}),
        Field("measure", "string", "What the series counts", constraints={"required": True}),
        Field("month", "yearmonth", "Reference month", constraints={"required": True}),
        Field(
            "thousands",
            "number",
            "Level of the measure, seasonally adjusted (openings on the last business day of the month; "
            "layoffs and discharges during the month; jobs in the pay period including the 12th)",
            unit="thousands (of openings, of separations or of jobs, as the measure says)",
            constraints={"minimum": 0, "required": True},
        ),
        Field("seasonal_adjustment", "string", "Decoded from the series id", constraints={"required": True}),
    ),
    primary_key=("series_id", "month"),
    sources=(JOLTS_SOURCE, CES_SOURCE),
    # JOLTS and CES revise recent months, by a few percent: a quarter is no revision, it is a slip.
    checks=(SpanKept("month", series=("series_id",)), Within("thousands", 1, 10_000), Revised(("thousands",), 0.25)),
)


def employer_series(inputs: dict[str, tuple[pd.DataFrame, str]]) -> pd.DataFrame:
    parts = []
    for series_id, measure in EMPLOYER_MEASURES.items():
        raw, where = inputs[series_id]
        # The establishment surveys have no known gap here.
        full = complete_months(expect_one_series(raw, series_id, where), {}, where)
        parts.append(
            pd.DataFrame(
                {
                    "series_id": full["series_id"],
                    "measure": measure,
                    "month": full["month"],
                    "thousands": full["value"],
                    "seasonal_adjustment": seasonal_adjustment(series_id),
                }
            )
        )
    return pd.concat(parts, ignore_index=True)
