"""Scale, raw: the publishers' files as published, their readers, and what ``data fetch`` downloads.

Raw inputs are in ``../shared/sources/extra/raw`` (``eia/``, ``owid/``, ``news/``); the traps
below follow its SOURCE.md:

* EIA Monthly Energy Review table 7.2a is a long CSV of many series (``MSN``) where ``YYYYMM``
  ending in ``13`` is the annual total; values are in million kWh (GWh); some series read
  "Not Available". Annual totals are checked against the sum of their twelve months.
* The OWID energy rows are a hand-transcribed excerpt (the United States, 1985-2025) of a larger
  file; every row must have as many fields as the header, and units come from the codebook.
* The news and data-centre figures are quotations of third parties (secondary): each is read
  from the excerpt file by locating the quoted wording, and the table keeps the address.
* OWID's annual-hours export comes under two header spellings; both are read.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ...datapackage import DataError
from ...fetch_plan import Download, Keep

# --- The files ------------------------------------------------------------------------------

# What ``data fetch`` saves from the publishers (see :func:`remote`). The shared folder holds
# excerpts of the OWID files instead; the derivation reads whichever is there, the publisher's
# file first.
MER_FILE = "MER_T07_02A.csv"
OWID_ENERGY_FILE = "owid-energy-data.csv"
OWID_ENERGY_EXCERPT = "owid-energy-data_USA_1985-2025.csv"
OWID_CODEBOOK_FILE = "owid-energy-codebook.csv"
ANNUAL_HOURS_FULL_FILE = "annual-working-hours-per-worker.csv"
# Files that both hold: Huberman and Minns as OWID stores it, and the two excerpts of OWID's
# annual-hours export that the shared folder has instead of the whole file.
HM_FILE = "huberman_minns_2007_days_and_hours.csv"
ANNUAL_HOURS_FILE = "annual-working-hours-per-worker_GBR_USA.csv"
ANNUAL_HOURS_HM_FILE = "annual-working-hours-per-worker_HubermanMinns_1870-1938.csv"
# The stored news pages, as numbered blocks of short quotations with their addresses.
DATACENTRE_FILE = "us_datacenter_electricity_projections.txt"
ANNOUNCEMENT_FILE = "xai_humain_500MW_2025-11-19.txt"
# Huberman and Minns' columns as OWID names them, and the book's names for them.
HM_COLUMNS = {
    "Hours of work per week (total) (Huberman and Minns (2007))": "hours_per_week_all",
    "Hours of work per week (male) (Huberman and Minns (2007))": "hours_per_week_men",
    "Hours of work per week (female) (Huberman and Minns (2007))": "hours_per_week_women",
    "Numbers of days off (Huberman and Minns (2007))": "days_off_per_year",
}


# --- EIA Monthly Energy Review --------------------------------------------------------------

MER_COLUMNS = ("MSN", "YYYYMM", "Value", "Column_Order", "Description", "Unit")
MER_NOT_AVAILABLE = "Not Available"
MER_ANNUAL_MONTH = 13
MER_TOTAL_GENERATION = "ELETPUS"
MER_UNIT_GWH = "Million Kilowatthours"
# The annual total and the sum of its months differ by rounding only (about 1e-9 in this file).
MER_ANNUAL_TOLERANCE = 1e-6


def read_mer_table(path: Path) -> pd.DataFrame:
    """An EIA Monthly Energy Review CSV (any table) as msn, year, month (13 = annual), value, unit, description.

    "Not Available" cells become missing values; any other non-numeric value is an error.
    """
    path = Path(path)
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise DataError(f"{path.name}: cannot be read as a CSV file ({exc})") from None
    missing = [c for c in MER_COLUMNS if c not in raw.columns]
    if missing:
        raise DataError(f"{path.name}: not an EIA Monthly Energy Review table (missing columns {missing})")
    stamp = raw["YYYYMM"].str.strip()
    bad_stamp = ~stamp.str.fullmatch(r"\d{6}")
    if bad_stamp.any():
        raise DataError(f"{path.name}: YYYYMM {stamp[bad_stamp].iloc[0]!r} is not six digits")
    month = stamp.str[4:].astype(int)
    if not month.between(1, MER_ANNUAL_MONTH).all():
        raise DataError(f"{path.name}: month {month[~month.between(1, 13)].iloc[0]} in YYYYMM is not 01-13")
    text = raw["Value"].str.strip()
    value = pd.to_numeric(text.where(text != MER_NOT_AVAILABLE), errors="coerce")
    unreadable = value.isna() & (text != MER_NOT_AVAILABLE)
    if unreadable.any():
        row = raw.loc[unreadable].iloc[0]
        raise DataError(f"{path.name}: value {row['Value']!r} of {row['MSN']} {row['YYYYMM']} is not a number")
    return pd.DataFrame(
        {
            "msn": raw["MSN"].str.strip(),
            "year": stamp.str[:4].astype(int),
            "month": month,
            "value": value,
            "unit": raw["Unit"].str.strip(),
            "description": raw["Description"].str.strip(),
        }
    )


def mer_annual_totals(table: pd.DataFrame, msn: str, *, source_name: str = "MER table") -> pd.DataFrame:
    """The annual totals (month 13) of one series, each checked against its twelve months if present."""
    series = table.loc[table["msn"] == msn]
    if series.empty:
        raise DataError(f"{source_name}: no series {msn}")
    annual = series.loc[series["month"] == MER_ANNUAL_MONTH, ["year", "value"]].set_index("year")["value"]
    if annual.isna().any():
        raise DataError(f"{source_name}: {msn} has no annual value for {annual.index[annual.isna()].tolist()}")
    months = series.loc[series["month"] != MER_ANNUAL_MONTH].groupby("year")["value"].agg(["sum", "count"])
    for year, row in months.loc[months["count"] == 12].iterrows():
        if year not in annual.index:
            raise DataError(f"{source_name}: {msn} has twelve months of {year} but no annual total")
        if not math.isclose(row["sum"], annual[year], rel_tol=MER_ANNUAL_TOLERANCE):
            raise DataError(
                f"{source_name}: {msn} annual total for {year} ({annual[year]}) differs from the sum of "
                f"its months ({row['sum']})"
            )
    units = series["unit"].unique()
    if len(units) != 1:
        raise DataError(f"{source_name}: {msn} mixes units {list(units)}")
    return pd.DataFrame({"year": annual.index.astype(int), "value": annual.to_numpy(), "unit": units[0]})


def eia_net_generation_twh(path: Path) -> pd.DataFrame:
    """US net generation, all sectors, per calendar year in TWh (EIA MER table 7.2a, ELETPUS)."""
    totals = mer_annual_totals(read_mer_table(path), MER_TOTAL_GENERATION, source_name=Path(path).name)
    if (totals["unit"] != MER_UNIT_GWH).any():
        raise DataError(
            f"{Path(path).name}: {MER_TOTAL_GENERATION} is in {totals['unit'].iloc[0]!r}, expected {MER_UNIT_GWH!r}"
        )
    # Million kWh are GWh; a thousand of them are a TWh.
    return pd.DataFrame({"year": totals["year"], "generation_twh": totals["value"] / 1000.0})


# --- OWID energy data -----------------------------------------------------------------------


def read_owid_codebook(path: Path) -> dict[str, str]:
    """Column name -> unit from OWID's ``owid-energy-codebook.csv`` (blank units stay blank)."""
    path = Path(path)
    try:
        book = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise DataError(f"{path.name}: cannot be read as a CSV file ({exc})") from None
    if not {"column", "unit"} <= set(book.columns):
        raise DataError(f"{path.name}: not an OWID codebook (needs 'column' and 'unit' columns)")
    return dict(zip(book["column"], book["unit"], strict=True))


def read_owid_energy(
    path: Path, columns: list[str], *, country: str, units: dict[str, str] | None = None
) -> pd.DataFrame:
    """Rows of one country from an OWID ``owid-energy-data.csv`` (whole file or excerpt), selected columns.

    Every row must have as many fields as the header (a transcribed excerpt can lose one), and
    years must not repeat. With ``units`` (from :func:`read_owid_codebook`), each requested
    column's unit must be known, so a renamed or re-scaled column fails loudly.
    """
    path = Path(path)
    try:
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path.name}: cannot be read ({exc})") from None
    if not rows:
        raise DataError(f"{path.name}: empty file")
    header, body = rows[0], [r for r in rows[1:] if r]
    for line, row in enumerate(body, start=2):
        if len(row) != len(header):
            raise DataError(f"{path.name}: line {line} has {len(row)} fields, the header has {len(header)}")
    wanted = ["country", "year", *columns]
    absent = [c for c in wanted if c not in header]
    if absent:
        raise DataError(f"{path.name}: no column(s) {absent}")
    if units is not None:
        unknown = [c for c in columns if c not in units]
        if unknown:
            raise DataError(f"{path.name}: column(s) {unknown} are not described in the OWID codebook")
    frame = pd.DataFrame(body, columns=header)[wanted]
    frame = frame.loc[frame["country"] == country]
    if frame.empty:
        raise DataError(f"{path.name}: no rows for {country!r}")
    out = pd.DataFrame({"year": pd.to_numeric(frame["year"], errors="raise").astype(int)})
    for column in columns:
        text = frame[column].str.strip()
        values = pd.to_numeric(text.where(text != ""), errors="coerce")
        bad = values.isna() & (text != "")
        if bad.any():
            raise DataError(f"{path.name}: {column} = {text[bad].iloc[0]!r} is not a number")
        out[column] = values.to_numpy()
    if out["year"].duplicated().any():
        raise DataError(f"{path.name}: {country} has year {out.loc[out['year'].duplicated(), 'year'].iloc[0]} twice")
    return out.sort_values("year").reset_index(drop=True)


def owid_generation_twh(data_path: Path, codebook_path: Path) -> pd.DataFrame:
    units = read_owid_codebook(codebook_path)
    if units.get("electricity_generation") != "terawatt-hours":
        raise DataError(
            f"{Path(codebook_path).name}: electricity_generation is in {units.get('electricity_generation')!r}, "
            "expected 'terawatt-hours'"
        )
    frame = read_owid_energy(data_path, ["electricity_generation"], country="United States", units=units)
    frame = frame.dropna(subset=["electricity_generation"])
    return frame.rename(columns={"electricity_generation": "generation_twh"})


# --- Quotations from excerpt files ----------------------------------------------------------

BLOCK_START = re.compile(r"^\[(?P<ref>[0-9A-Z]+)\]\s*(?P<rest>.*)$")
URL = re.compile(r"https?://\S+")
NUMBER = r"\d+(?:\.\d+)?"


@dataclass(frozen=True)
class QuoteBlock:
    ref: str
    url: str
    text: str


def quote_blocks(path: Path) -> dict[str, QuoteBlock]:
    """The numbered blocks of an excerpt file (``[1] https://…`` then quoted lines), by reference.

    Reference numbers may be digits (``[1]``) or letters (``[A]``). A block runs to the next
    block, a blank line or a line starting with "NOT FOUND": headings and the curator's own
    remarks between blocks are not quotations.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path.name}: cannot be read ({exc})") from None
    blocks: dict[str, list[str]] = {}
    urls: dict[str, str] = {}
    current = None
    for line in lines:
        match = BLOCK_START.match(line)
        if match:
            current = match["ref"]
            url = URL.search(match["rest"])
            urls[current] = url.group(0) if url else ""
            blocks[current] = [line]
        elif not line.strip() or line.startswith("NOT FOUND"):
            current = None
        elif current is not None:
            blocks[current].append(line)
            if not urls[current]:
                found = URL.search(line)
                urls[current] = found.group(0) if found else ""
    if not blocks:
        raise DataError(f"{path.name}: no numbered quotation blocks ([1] address ...)")
    return {ref: QuoteBlock(ref, urls[ref], "\n".join(body)) for ref, body in blocks.items()}


def locate(blocks: dict[str, QuoteBlock], ref: str, pattern: str, *, filename: str) -> re.Match:
    """The quoted wording in block ``ref``; a clear error naming the file if it is not there."""
    if ref not in blocks:
        raise DataError(f"{filename}: no quotation block [{ref}]")
    match = re.search(pattern, blocks[ref].text)
    if match is None:
        raise DataError(f"{filename}: block [{ref}] does not contain the expected wording /{pattern}/")
    return match


def terawatt_mentions(path: Path) -> int:
    """How many quotation blocks of an excerpt file mention terawatts (the curator's notes excluded)."""
    return sum(bool(re.search(r"terawatt|\bTW\b", b.text, re.IGNORECASE)) for b in quote_blocks(path).values())


# --- OWID working hours -----------------------------------------------------------------------


def read_csv_checked(path: Path) -> pd.DataFrame:
    path = Path(path)
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise DataError(f"{path.name}: cannot be read as a CSV file ({exc})") from None


def column_numbers(frame: pd.DataFrame, column: str, filename: str) -> pd.Series:
    text = frame[column].str.strip()
    values = pd.to_numeric(text.where(text != ""), errors="coerce")
    bad = values.isna() & (text != "")
    if bad.any():
        raise DataError(f"{filename}: {column!r} = {text[bad].iloc[0]!r} is not a number")
    return values


def read_annual_hours(path: Path) -> pd.DataFrame:
    """An OWID annual-working-hours export (either header spelling) as entity, code, year, hours_per_year."""
    path = Path(path)
    raw = read_csv_checked(path)
    if len(raw.columns) != 4 or raw.columns[3] != "Average annual working hours per worker":
        raise DataError(
            f"{path.name}: expected four columns ending in 'Average annual working hours per worker', got {list(raw.columns)}"
        )
    entity, code, year, hours = raw.columns
    frame = pd.DataFrame(
        {
            "entity": raw[entity].str.strip(),
            "code": raw[code].str.strip(),
            "year": column_numbers(raw, year, path.name).astype("Int64"),
            "hours_per_year": column_numbers(raw, hours, path.name),
        }
    )
    incomplete = frame.isna().any(axis=1) | (frame["code"] == "")
    if incomplete.any():
        row = raw.loc[incomplete].iloc[0].tolist()
        raise DataError(f"{path.name}: incomplete row {row}")
    return frame.astype({"year": int})


# --- What ``data fetch`` downloads ----------------------------------------------------------------

MER_URL = "https://www.eia.gov/totalenergy/data/browser/csv.php?tbl=T07.02A"
OWID_ENERGY_URL = "https://owid-public.owid.io/data/energy/owid-energy-data.csv"
OWID_CODEBOOK_URL = "https://raw.githubusercontent.com/owid/energy-data/master/owid-energy-codebook.csv"
HM_URL = (
    "https://raw.githubusercontent.com/owid/owid-datasets/master/datasets/"
    "Days%20and%20hours%20of%20work%20in%20Old%20and%20New%20Worlds%20-%20Huberman%20and%20Minns%20(2007)/"
    "Days%20and%20hours%20of%20work%20in%20Old%20and%20New%20Worlds%20-%20Huberman%20and%20Minns%20(2007).csv"
)
# The grapher's whole export, long column names (the names the derivation checks).
ANNUAL_HOURS_URL = (
    "https://ourworldindata.org/grapher/annual-working-hours-per-worker.csv?v=1&csvType=full&useColumnShortNames=false"
)


def check_csv_header(*columns: str):
    """A ``Download.check``: the first line names these columns, so a web page or a renamed
    column is refused before anything is derived."""

    def check(payload: bytes) -> None:
        first = payload.split(b"\n", 1)[0].decode("utf-8-sig", errors="replace").strip()
        header = next(csv.reader([first]), [])
        missing = [c for c in columns if c not in header]
        if missing:
            raise DataError(f"the first line {first[:120]!r} lacks the column(s) {missing}")

    return check


def remote(environ) -> list:
    """What ``data fetch`` downloads: the EIA table and OWID's files, all without a key."""
    return [
        Download(MER_URL, f"eia/{MER_FILE}", check=check_csv_header(*MER_COLUMNS), description="EIA MER table 7.2a"),
        Download(
            OWID_ENERGY_URL,
            f"owid/{OWID_ENERGY_FILE}",
            check=check_csv_header("country", "year", "electricity_generation"),
            description="OWID energy data, every country (about 9 MB)",
        ),
        Download(
            OWID_CODEBOOK_URL,
            f"owid/{OWID_CODEBOOK_FILE}",
            check=check_csv_header("column", "unit"),
            description="OWID energy codebook",
        ),
        Download(
            HM_URL,
            f"owid/{HM_FILE}",
            check=check_csv_header("Entity", "Year", *HM_COLUMNS),
            description="Huberman and Minns (2007) via OWID",
        ),
        Download(
            ANNUAL_HOURS_URL,
            f"owid/{ANNUAL_HOURS_FULL_FILE}",
            check=check_csv_header("Entity", "Code", "Year", "Average annual working hours per worker"),
            description="OWID annual working hours per worker, every country",
        ),
        Keep(
            "news/*.txt",
            "the data-centre and xAI/HUMAIN figures are quoted sentences from stored news pages; no API serves them",
        ),
    ]
