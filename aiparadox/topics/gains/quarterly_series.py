"""The gains dataset's quarterly series: BLS Productivity and Costs (labour share, productivity, pay,
unit labour costs, output deflator), spliced from two flat files, and the national accounts (FRED GDP,
COE, CPROFIT), each :class:`Table` declared right above the function that derives it.

The dataset that holds them, and the traps of their files, are in :mod:`.tables`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ...datapackage import DataError, Field, Table
from ...refresh import NoJump, Revised, SpanKept, Within
from . import raw

LABOUR_SHARE_ID = "PRS85006173"
PRODUCTIVITY_ID = "PRS85006093"
REAL_PAY_ID = "PRS85006153"
HOURLY_PAY_ID = "PRS85006103"
UNIT_LABOUR_COST_ID = "PRS85006113"
OUTPUT_DEFLATOR_ID = "PRS85006143"
NFC_LABOUR_SHARE_ID = "PRS88003173"
NFC_PROFITS_ID = "PRS88003183"
# id: (sector code, measure code) as pr.series must give them, sector, measure.
PR_SERIES = {
    LABOUR_SHARE_ID: ("8500", "17", "Nonfarm business", "Labor share"),
    PRODUCTIVITY_ID: ("8500", "09", "Nonfarm business", "Labor productivity (output per hour)"),
    REAL_PAY_ID: ("8500", "15", "Nonfarm business", "Real hourly compensation"),
    HOURLY_PAY_ID: ("8500", "10", "Nonfarm business", "Hourly compensation"),
    UNIT_LABOUR_COST_ID: ("8500", "11", "Nonfarm business", "Unit labor costs"),
    OUTPUT_DEFLATOR_ID: ("8500", "14", "Nonfarm business", "Value-added output price deflator"),
    NFC_LABOUR_SHARE_ID: ("8800", "17", "Nonfinancial corporations", "Labor share"),
    NFC_PROFITS_ID: ("8800", "18", "Nonfinancial corporations", "Profits"),
}
BASE_YEAR = "2017"
CURRENT_FILE, ALLDATA_FILE = "pr.data.0.Current", "pr.data.1.AllData"
# The shared copies, named with their vintage (SOURCE.md section 0); data fetch saves the plain names.
SHARED_PR_FILES = {
    CURRENT_FILE: "pr.data.0.Current__vintage2026-06__kumarvik0401.txt",
    ALLDATA_FILE: "pr.data.1.AllData__vintage2025-04__vipulaga89.txt",
}
SPLICE_FROM = 1995  # the Current file starts in 1995Q1
# The two files may differ by re-indexing rounding (at most 0.007 in 1995-2019); the 2020s were
# revised in September 2025, so the check stops before them.
SPLICE_CHECK_YEARS = (1995, 2019)
SPLICE_TOLERANCE = 0.01
IDENTITY_TOLERANCE = 0.01

FRED_SHARED_FILES = {s: f"{s}__rmmomin_api_2026-01-18.csv" for s in raw.FRED_SERIES}


def _quarter_fields() -> tuple[Field, ...]:
    return (
        Field("period", "string", "Quarter, e.g. 2026Q1", constraints={"required": True, "pattern": r"^\d{4}Q[1-4]$"}),
        Field("year", "year", "Calendar year of the quarter", constraints={"required": True}),
        Field(
            "quarter",
            "integer",
            "Quarter of the year (1-4)",
            constraints={"required": True, "minimum": 1, "maximum": 4},
        ),
    )


def file_ends(data: pd.DataFrame) -> str:
    """The last quarter a flat file holds: it names the release the copy comes from (BLS revises the
    recent quarters in every release), whichever route the copy took."""
    quarters = data.loc[data["period"].isin(raw.QUARTERS), ["year", "period"]]
    last = quarters.sort_values(["year", "period"]).iloc[-1]
    return f"{last['year']}Q{last['period'][-1]}"


# --- BLS Productivity and Costs ----------------------------------------------------------------------
PRODUCTIVITY = Table(
    name="gains_bls_productivity",
    title="BLS Productivity and Costs: labour share, productivity, pay and profits, quarterly, 1947Q1-2026Q1",
    description=(
        "Quarterly index series (2017 = 100, seasonally adjusted) of the nonfarm business sector (labor share, "
        "output per hour, real and nominal hourly compensation, unit labor costs, output price deflator) and of "
        "nonfinancial corporations (labor share, profits). The labor share is an index, not a percentage. "
        "1947-1994 come from the AllData file of March 2025, 1995 on from the Current file of June 2026."
    ),
    fields=(
        Field("series_id", "string", "BLS series id", constraints={"required": True, "enum": list(PR_SERIES)}),
        Field("sector", "string", "BLS sector", constraints={"required": True}),
        Field("measure", "string", "BLS measure (pr.measure)", constraints={"required": True}),
        *_quarter_fields(),
        Field(
            "index_2017",
            "number",
            "Index value, 2017 = 100 (not a percentage, not a share)",
            unit="index, 2017 = 100",
            constraints={"required": True, "minimum": 0},
        ),
        Field(
            "file",
            "string",
            "BLS flat file the value was read from",
            constraints={"required": True, "enum": [CURRENT_FILE, ALLDATA_FILE]},
        ),
        Field(
            "file_ends",
            "string",
            "Last quarter of that copy of the file, which names its release (recent quarters are revised in each)",
            constraints={"required": True},
        ),
        Field(
            "revised",
            "boolean",
            "BLS footnote R: the value was revised in that release",
            constraints={"required": True},
        ),
    ),
    primary_key=("series_id", "period"),
    sources=(raw.PR_SOURCE,),
    # Quarter to quarter an index moves by a few percent (profits by at most 1.5 times); a release revises
    # recent quarters, a rebasing all of them (say so with --accept).
    checks=(
        SpanKept("period", series=("series_id",)),
        NoJump("index_2017", along="period", within=("series_id",), factor=2),
        Revised(("index_2017",), at_most=0.1),
    ),
)


def productivity_table(folder: Path) -> pd.DataFrame:
    pr = folder / "bls_pr"
    series = raw.read_pr_series(pr / "pr.series")
    durations = raw.read_pr_durations(pr / "pr.duration")
    if f"({BASE_YEAR}=100)" not in durations.get(raw.INDEX_DURATION, ""):
        raise DataError(
            f"pr.duration: code {raw.INDEX_DURATION} is {durations.get(raw.INDEX_DURATION)!r}, not an index on {BASE_YEAR}"
        )
    paths = {name: raw.locate(pr, name, shared) for name, shared in SHARED_PR_FILES.items()}
    data = {name: raw.read_pr_data(path) for name, path in paths.items()}
    ends = {name: file_ends(frame) for name, frame in data.items()}
    frames = []
    for series_id, (sector_code, measure_code, sector, measure) in PR_SERIES.items():
        meta = series.loc[series_id] if series_id in series.index else None
        if meta is None or (meta["sector_code"], meta["measure_code"]) != (sector_code, measure_code):
            raise DataError(f"pr.series: {series_id} is not {measure} of {sector}")
        current = raw.pr_index_quarters(data[CURRENT_FILE], series, series_id, paths[CURRENT_FILE].name, BASE_YEAR)
        history = raw.pr_index_quarters(data[ALLDATA_FILE], series, series_id, paths[ALLDATA_FILE].name, BASE_YEAR)
        check_splice(series_id, history, current)
        parts = [
            history.loc[history.index.get_level_values("year") < SPLICE_FROM].assign(
                file=ALLDATA_FILE, file_ends=ends[ALLDATA_FILE]
            ),
            current.loc[current.index.get_level_values("year") >= SPLICE_FROM].assign(
                file=CURRENT_FILE, file_ends=ends[CURRENT_FILE]
            ),
        ]
        spliced = pd.concat(parts).reset_index()
        check_quarters_contiguous(series_id, spliced)
        frames.append(spliced.assign(series_id=series_id, sector=sector, measure=measure))
    table = pd.concat(frames, ignore_index=True)
    table["period"] = table["year"].astype(str) + "Q" + table["quarter"].astype(str)
    table["index_2017"] = table["value"]
    table["revised"] = table["footnote_codes"].str.contains("R").astype("boolean")
    check_labour_share_identity(table)
    return table[PRODUCTIVITY.columns]


def check_splice(series_id: str, history: pd.DataFrame, current: pd.DataFrame) -> None:
    first, last = SPLICE_CHECK_YEARS
    both = history.merge(current, left_index=True, right_index=True, suffixes=("_history", "_current"))
    both = both.loc[both.index.get_level_values("year").to_series().between(first, last).to_numpy()]
    if both.empty:
        raise DataError(
            f"{series_id}: the AllData and Current files share no quarter in {first}-{last}; cannot check the splice"
        )
    gap = (both["value_history"] - both["value_current"]).abs()
    if gap.max() > SPLICE_TOLERANCE:
        year, quarter = gap.idxmax()
        raise DataError(
            f"{series_id}: the AllData and Current files differ by {gap.max():.3f} in {year}Q{quarter} "
            f"(more than {SPLICE_TOLERANCE}); they are not the same series on the same base, do not splice them"
        )


def check_quarters_contiguous(series_id: str, frame: pd.DataFrame) -> None:
    steps = frame["year"] * 4 + frame["quarter"]
    if not (steps.diff().dropna() == 1).all():
        raise DataError(f"{series_id}: the spliced series has a missing or repeated quarter")


def check_labour_share_identity(table: pd.DataFrame) -> None:
    """Labour share = unit labour costs / output deflator x 100, quarter by quarter: a series read
    under the wrong id breaks it."""
    wide = table.pivot(index="period", columns="series_id", values="index_2017")
    implied = wide[UNIT_LABOUR_COST_ID] / wide[OUTPUT_DEFLATOR_ID] * 100
    gap = (implied - wide[LABOUR_SHARE_ID]).abs()
    if gap.max() > IDENTITY_TOLERANCE:
        raise DataError(
            f"{LABOUR_SHARE_ID} is not unit labour costs / output deflator in {gap.idxmax()} "
            f"(off by {gap.max():.3f}); a series is not what its id says"
        )


# --- National accounts ---------------------------------------------------------------------------------
ACCOUNTS = Table(
    name="gains_national_accounts",
    title="GDP, compensation of employees and corporate profits, quarterly, 1947Q1-2025Q3",
    description=(
        "BEA national accounts via FRED, January 2026 vintage: gross domestic product, compensation of "
        "employees paid (wages, salaries and supplements) and corporate profits with inventory valuation "
        "and capital consumption adjustments, before tax (CPROFIT; not CP, which is after tax and "
        "unadjusted), with each as a share of GDP. All at seasonally adjusted annual rates."
    ),
    fields=(
        *_quarter_fields(),
        Field(
            "gdp_busd",
            "number",
            "Gross domestic product (FRED GDP)",
            unit="billions of US dollars, SAAR",
            constraints={"required": True, "minimum": 0},
        ),
        Field(
            "compensation_busd",
            "number",
            "Compensation of employees, paid (FRED COE)",
            unit="billions of US dollars, SAAR",
            constraints={"required": True, "minimum": 0},
        ),
        Field(
            "profits_busd",
            "number",
            "Corporate profits with IVA and CCAdj, before tax (FRED CPROFIT)",
            unit="billions of US dollars, SAAR",
            constraints={"required": True},
        ),
        Field(
            "compensation_share_of_gdp",
            "number",
            "compensation_busd / gdp_busd",
            unit="fraction (0-1)",
            constraints={"required": True, "minimum": 0, "maximum": 1},
        ),
        Field(
            "profits_share_of_gdp",
            "number",
            "profits_busd / gdp_busd",
            unit="fraction (0-1)",
            constraints={"required": True, "minimum": -1, "maximum": 1},
        ),
    ),
    primary_key=("period",),
    sources=(raw.FRED_SOURCE,),
    # GDP and pay move by under 10% a quarter, profits by under 1.4 times; BEA's revisions stay well within 25%.
    checks=(
        SpanKept("period"),
        NoJump("gdp_busd", along="period", factor=1.5),
        NoJump("compensation_busd", along="period", factor=1.5),
        NoJump("profits_busd", along="period", factor=2),
        Within("compensation_share_of_gdp", 0.4, 0.7),
        Revised(("gdp_busd", "compensation_busd", "profits_busd"), at_most=0.25),
    ),
)


def accounts_table(folder: Path) -> pd.DataFrame:
    fred = folder / "fred"
    series = {s: raw.read_fred_csv(raw.locate(fred, f"{s}.csv", FRED_SHARED_FILES[s]), s) for s in raw.FRED_SERIES}
    frame = pd.DataFrame(series).dropna()
    dates = pd.to_datetime(frame.index)
    if not ((dates.day == 1) & dates.month.isin([1, 4, 7, 10])).all():
        raise DataError("fred: the GDP, COE and CPROFIT dates are not quarter starts")
    table = pd.DataFrame(
        {
            "year": dates.year,
            "quarter": (dates.month - 1) // 3 + 1,
            "gdp_busd": frame["GDP"].to_numpy(),
            "compensation_busd": frame["COE"].to_numpy(),
            "profits_busd": frame["CPROFIT"].to_numpy(),
        }
    )
    table["period"] = table["year"].astype(str) + "Q" + table["quarter"].astype(str)
    table["compensation_share_of_gdp"] = (table["compensation_busd"] / table["gdp_busd"]).round(6)
    table["profits_share_of_gdp"] = (table["profits_busd"] / table["gdp_busd"]).round(6)
    return table[ACCOUNTS.columns]
