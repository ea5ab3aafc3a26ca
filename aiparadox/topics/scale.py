"""Scale: the article's energy, robot and solar figures, and the "16 hours a day" of industry.

Raw inputs are in ``../shared/sources/extra/raw`` (``eia/``, ``owid/``, ``news/``); the traps
below follow its SOURCE.md:

* EIA Monthly Energy Review table 7.2a is a long CSV of many series (``MSN``) where ``YYYYMM``
  ending in ``13`` is the annual total; values are in million kWh (GWh); some series read
  "Not Available". Annual totals are checked against the sum of their twelve months.
* The OWID energy rows are a hand-transcribed excerpt (the United States, 1985-2025) of a larger
  file; every row must have as many fields as the header, and units come from the codebook.
  Before 2000 OWID uses the Energy Institute's totals, which differ from the EIA's.
* A year of generation in TWh becomes an average power in GW with the real number of hours in
  that year (8,784 in a leap year, not 8,760).
* The news and data-centre figures are quotations of third parties (secondary): each is read
  from the excerpt file by locating the quoted wording, and the table keeps the address.
* Huberman and Minns' weekly hours are for full-time production workers, 1870-2000; for 2000
  OWID gives men and women separately, not a total. OWID stored the values as 32-bit floats
  (56.900002): they are rounded back to the one decimal of the source, and rejected if that
  rounding would change them by more than float noise.
* Annual hours per worker: 1870-1938 from Huberman and Minns, 1950 onwards from the Penn World
  Table; the two are different measures joined by OWID, so they are never drawn as one line.
"""

from __future__ import annotations

import calendar
import csv
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..datapackage import DataError, Field, Source, Table
from ..datasets import Dataset
from ..exercises import expects
from ..ledger import assesses

# --- Units ----------------------------------------------------------------------------------

POWER_UNITS = {"W": 1.0, "kW": 1e3, "MW": 1e6, "GW": 1e9, "TW": 1e12}
# How the news quotes spell the units, mapped to the symbols above.
UNIT_WORDS = {
    "megawatt": "MW",
    "megawatts": "MW",
    "mw": "MW",
    "gigawatt": "GW",
    "gigawatts": "GW",
    "gw": "GW",
    "terawatt": "TW",
    "terawatts": "TW",
    "tw": "TW",
}


ORDINARY_YEAR_HOURS = 365 * 24


def hours_in_year(year: int) -> int:
    """Hours in a calendar year: 8,784 in a leap year, 8,760 otherwise."""
    return (366 if calendar.isleap(int(year)) else 365) * 24


def twh_to_average_gw(twh: float, year: int) -> float:
    """Energy generated over a calendar year (TWh) as the constant power (GW) that would produce it."""
    return float(twh) * 1000.0 / hours_in_year(year)


def average_gw_to_twh(gw: float, year: int) -> float:
    """A constant power (GW) held for a whole calendar year, as energy (TWh)."""
    return float(gw) * hours_in_year(year) / 1000.0


def unit_symbol(unit: str) -> str:
    """'megawatts', 'MW' or 'mw' -> 'MW'; anything else is an error."""
    symbol = unit if unit in POWER_UNITS else UNIT_WORDS.get(unit.strip().lower())
    if symbol is None:
        raise ValueError(f"unknown power unit {unit!r}; known: {sorted(POWER_UNITS)}")
    return symbol


def to_watts(value: float, unit: str) -> float:
    return float(value) * POWER_UNITS[unit_symbol(unit)]


def convert_power(value: float, from_unit: str, to_unit: str) -> float:
    """Convert between W, kW, MW, GW and TW (or their spelled-out names)."""
    return to_watts(value, from_unit) / POWER_UNITS[unit_symbol(to_unit)]


def format_power(watts: float) -> str:
    """A power in the largest unit that keeps the number at least 1: 5e8 -> '500 MW'."""
    if watts <= 0:
        raise ValueError(f"a power to display must be positive, got {watts}")
    for symbol in ("TW", "GW", "MW", "kW", "W"):
        value = watts / POWER_UNITS[symbol]
        if value >= 1 or symbol == "W":
            return f"{value:,.3g} {symbol}" if value < 1000 else f"{value:,.0f} {symbol}"
    raise AssertionError("unreachable")


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
        raise DataError(f"{Path(path).name}: {MER_TOTAL_GENERATION} is in {totals['unit'].iloc[0]!r}, expected {MER_UNIT_GWH!r}")
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
    return dict(zip(book["column"], book["unit"]))


def read_owid_energy(path: Path, columns: list[str], *, country: str, units: dict[str, str] | None = None) -> pd.DataFrame:
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


# --- Table: US electricity generation ------------------------------------------------------

EIA_SERIES = "EIA Monthly Energy Review table 7.2a"
OWID_SERIES = "OWID (Ember, Energy Institute)"
SOURCES_ORDER = (EIA_SERIES, OWID_SERIES)

EIA_SOURCE = Source(
    publisher="U.S. Energy Information Administration (EIA)",
    title="Monthly Energy Review, Table 7.2a Electricity Net Generation: Total (All Sectors)",
    series="MER_T07_02A.csv, MSN ELETPUS (net generation, all sectors), YYYYMM = YYYY13 annual totals, million kWh",
    url="https://www.eia.gov/totalenergy/data/browser/csv.php?tbl=T07.02A",
    retrieved="2024-11-20 (date the copy was uploaded to GitHub; this vintage has monthly data to 2024-02)",
    licence="U.S. government data, public domain (DOE web policy: attribution requested); no EIA-specific statement found",
    licence_url="https://www.energy.gov/node/1245821",
    route=(
        "Whole file copied from the GitHub repository varunmcintyre/solar-regression at commit "
        "ee74311c615c53500ebe35b6bebe693e6be05d00 (uploaded 2024-11-20, the retrieval date above); "
        "annual totals 1949-2023, each checked against the sum of its months where they exist"
    ),
)
OWID_ENERGY_SOURCE = Source(
    publisher="Our World in Data (data from Ember and the Energy Institute Statistical Review)",
    title="owid-energy-data.csv, column electricity_generation (terawatt-hours), United States",
    series="owid/energy-data: owid-energy-data.csv (United States rows 1985-2025) and owid-energy-codebook.csv",
    url="https://github.com/owid/energy-data",
    retrieved="Not stated; the stored version (commit e7897ae) is newer than the 2025-05-30 snapshot of the repository",
    licence="CC BY 4.0 (OWID); third-party data under Ember's and the Energy Institute's terms",
    licence_url="https://creativecommons.org/licenses/by/4.0/",
    route=(
        "A transcribed excerpt, not the whole file: the header and the 41 United States rows for "
        "1985-2025 were copied by hand from owid-energy-data.csv as stored at commit "
        "e7897aed55b514b8d16e0a3d8f1518789ac3de31 (the full 9.2 MB file was not kept), then checked: "
        "every row has the header's 130 fields, generation / population equals per_capita_electricity, "
        "and each source's share matches *_share_elec. The codebook is from commit "
        "46b99299e99ce2f6abf7748fd049e4dc7d1ce139. The 2025 row comes from a version newer than the "
        "2025-05-30 snapshot and may be preliminary."
    ),
)

GENERATION = Table(
    name="us_electricity_generation",
    title="US electricity generation per year, in TWh and as average GW (EIA and OWID)",
    description=(
        "US electricity generation per calendar year from two publishers: EIA net generation, all "
        "sectors (1949-2023), and OWID's total generation from Ember and the Energy Institute "
        "(1985-2025). The average power divides each year's energy by the real number of hours in "
        "that year (8,784 in leap years). The two disagree before 2000."
    ),
    fields=(
        Field("source", "string", "Publisher and series of the figure", constraints={"required": True, "enum": list(SOURCES_ORDER)}),
        Field("year", "year", "Calendar year", constraints={"required": True}),
        Field("generation_twh", "number", "Electricity generated in the year", unit="TWh per year", constraints={"minimum": 0, "required": True}),
        Field("hours_in_year", "integer", "Hours in the calendar year (8,760, or 8,784 in a leap year)", unit="hours", constraints={"minimum": 8760, "maximum": 8784, "required": True}),
        Field("average_gw", "number", "generation_twh x 1000 / hours_in_year: the constant power that would generate as much", unit="GW (average over the year)", constraints={"minimum": 0, "required": True}),
    ),
    primary_key=("source", "year"),
    sources=(EIA_SOURCE, OWID_ENERGY_SOURCE),
)


def generation_table(eia_twh: pd.DataFrame, owid_twh: pd.DataFrame) -> pd.DataFrame:
    frames = []
    for source, frame in ((EIA_SERIES, eia_twh), (OWID_SERIES, owid_twh)):
        hours = frame["year"].map(hours_in_year)
        frames.append(
            pd.DataFrame(
                {
                    "source": source,
                    "year": frame["year"].astype(int),
                    "generation_twh": frame["generation_twh"].round(6),
                    "hours_in_year": hours.astype(int),
                    "average_gw": [round(twh_to_average_gw(t, y), 4) for t, y in zip(frame["generation_twh"], frame["year"])],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


# --- Table: data-centre electricity estimates (secondary) -----------------------------------

DATACENTRE_FILE = "us_datacenter_electricity_projections.txt"
LBNL_REPORT = "LBNL, 2024 United States Data Center Energy Usage Report"
EPRI_2024 = "EPRI, Powering Intelligence (May 2024)"
EPRI_2026 = "EPRI, update (February 2026)"

DATACENTRE_SOURCE = Source(
    publisher="Lawrence Berkeley National Laboratory (LBNL, for the US DOE); Electric Power Research Institute (EPRI)",
    title="US data-centre electricity use and projections, as quoted by the trade press",
    series="LBNL 2024 report (Shehabi et al., 20 Dec 2024); EPRI 'Powering Intelligence' (28 May 2024) and its 26 Feb 2026 update",
    url="https://www.publicpower.org/periodical/article/report-sees-data-center-load-growth-doubling-or-tripling-2028",
    retrieved="Not stated; quotations collected from stored pages after 2026-02-26 (the latest page quoted)",
    licence="Short quotations of third-party pages (fair quotation); the reports themselves were not found",
    route=(
        "Secondary: short quotations kept in news/us_datacenter_electricity_projections.txt from stored "
        "copies of publicpower.org, rtowww.com, spglobal.com, a co-author's page and globenewswire.com "
        "(addresses in the source_url column); each figure is read from its quoted sentence"
    ),
)

DATACENTRES = Table(
    name="us_datacentre_electricity",
    title="US data-centre electricity: estimates and projections (secondary)",
    description=(
        "Data-centre electricity use in the United States as reported by LBNL (2024) and EPRI (2024, "
        "2026), quoted by the trade press. Each row is one year and bound (estimate, low or high); "
        "figures a source does not give are missing. The average power is derived from the energy "
        "with the real hours of the year."
    ),
    fields=(
        Field("report", "string", "The study the figure comes from", constraints={"required": True}),
        Field("year", "year", "Year the figure refers to (a projection when after the report)", constraints={"required": True}),
        Field("bound", "string", "estimate, or the low or high end of a projected range", constraints={"required": True, "enum": ["estimate", "low", "high"]}),
        Field("electricity_twh", "number", "Data-centre electricity use", unit="TWh per year", constraints={"minimum": 0}),
        Field("share_of_us_electricity", "number", "Share of total US electricity (generation, demand or load, as the source words it)", unit="fraction (0-1)", constraints={"minimum": 0, "maximum": 1}),
        Field("capacity_gw", "number", "Power capacity the source says would be required", unit="GW (capacity)", constraints={"minimum": 0}),
        Field("average_gw", "number", "electricity_twh x 1000 / hours in the year (derived)", unit="GW (average over the year)", constraints={"minimum": 0}),
        Field("status", "string", "secondary: quoted by a third party, the report itself not seen", constraints={"required": True, "enum": ["primary", "secondary", "inferred"]}),
        Field("source_url", "string", "Address(es) of the page(s) quoted, space-separated", constraints={"required": True}),
    ),
    primary_key=("report", "year", "bound"),
    sources=(DATACENTRE_SOURCE,),
)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def datacentre_estimates(path: Path) -> pd.DataFrame:
    """Every data-centre figure of the excerpt file, read from its quoted sentence."""
    path = Path(path)
    blocks = quote_blocks(path)
    rows: dict[tuple[str, int, str], dict] = {}

    def put(report: str, year: str, bound: str, ref: str, **values: float) -> None:
        key = (report, int(year), bound)
        row = rows.setdefault(key, {"report": report, "year": int(year), "bound": bound, "urls": []})
        for name, value in values.items():
            if name in row and row[name] != value:
                raise DataError(f"{path.name}: {report} {year} {bound}: {name} is {row[name]} in one quote, {value} in [{ref}]")
            row[name] = value
        if blocks[ref].url not in row["urls"]:
            row["urls"].append(blocks[ref].url)

    def find(ref: str, pattern: str) -> re.Match:
        return locate(blocks, ref, pattern, filename=path.name)

    n = NUMBER
    m = find("A", rf"climbed from (?P<a>{n}) TWh in (?P<ya>\d{{4}}) to (?P<b>{n}) TWh in (?P<yb>\d{{4}}) and estimates an increase between (?P<lo>{n}) to (?P<hi>{n}) TWh by (?P<yc>\d{{4}})")
    put(LBNL_REPORT, m["ya"], "estimate", "A", electricity_twh=_number(m["a"]))
    put(LBNL_REPORT, m["yb"], "estimate", "A", electricity_twh=_number(m["b"]))
    put(LBNL_REPORT, m["yc"], "low", "A", electricity_twh=_number(m["lo"]))
    put(LBNL_REPORT, m["yc"], "high", "A", electricity_twh=_number(m["hi"]))
    m = find("A", rf"consumed about (?P<s>{n})% of total U\.S\. electricity in (?P<y>\d{{4}}) and are expected to consume approximately (?P<lo>{n}) to (?P<hi>{n})% of total U\.S\. electricity by (?P<y2>\d{{4}})")
    put(LBNL_REPORT, m["y"], "estimate", "A", share_of_us_electricity=_number(m["s"]) / 100)
    put(LBNL_REPORT, m["y2"], "low", "A", share_of_us_electricity=_number(m["lo"]) / 100)
    put(LBNL_REPORT, m["y2"], "high", "A", share_of_us_electricity=_number(m["hi"]) / 100)
    m = find("B", rf"(?P<t>{n}) TWh of electricity in (?P<y>\d{{4}}), or (?P<s>{n})% of total U\.S\. power demand")
    put(LBNL_REPORT, m["y"], "estimate", "B", electricity_twh=_number(m["t"]), share_of_us_electricity=_number(m["s"]) / 100)
    m = find("B", rf"by (?P<y>\d{{4}}), or {n} to {n}% of total U\.S\. energy demand\. The power capacity required to produce that much electricity could run from (?P<lo>{n}) to (?P<hi>{n}) GW")
    put(LBNL_REPORT, m["y"], "low", "B", capacity_gw=_number(m["lo"]))
    put(LBNL_REPORT, m["y"], "high", "B", capacity_gw=_number(m["hi"]))
    m = find("E", rf"anywhere from (?P<lo>{n})% to (?P<hi>{n})% of US electricity generation by (?P<y>\d{{4}})")
    put(EPRI_2024, m["y"], "low", "E", share_of_us_electricity=_number(m["lo"]) / 100)
    put(EPRI_2024, m["y"], "high", "E", share_of_us_electricity=_number(m["hi"]) / 100)
    m = find("F", rf"from a (?P<y>\d{{4}}) baseline of roughly (?P<t>{n}) TWh/year — about (?P<s>{n})% of national electricity")
    put(EPRI_2024, m["y"], "estimate", "F", electricity_twh=_number(m["t"]), share_of_us_electricity=_number(m["s"]) / 100)
    m = find("G", rf"could consume (?P<lo>{n})%-(?P<hi>{n})% of U\.S\. electricity generation by (?P<y>\d{{4}})")
    put(EPRI_2026, m["y"], "low", "G", share_of_us_electricity=_number(m["lo"]) / 100)
    put(EPRI_2026, m["y"], "high", "G", share_of_us_electricity=_number(m["hi"]) / 100)

    frame = pd.DataFrame(rows.values())
    for column in ("electricity_twh", "share_of_us_electricity", "capacity_gw"):
        if column not in frame:
            frame[column] = float("nan")
    frame["average_gw"] = [
        round(twh_to_average_gw(t, y), 4) if pd.notna(t) else float("nan")
        for t, y in zip(frame["electricity_twh"], frame["year"])
    ]
    frame["status"] = "secondary"
    frame["source_url"] = frame.pop("urls").map(" ".join)
    frame["order"] = frame["report"].map({LBNL_REPORT: 0, EPRI_2024: 1, EPRI_2026: 2})
    frame["bound_order"] = frame["bound"].map({"estimate": 0, "low": 1, "high": 2})
    frame = frame.sort_values(["order", "year", "bound_order"])
    return frame[DATACENTRES.columns].reset_index(drop=True)


def datacentre_figures(table: pd.DataFrame) -> dict[str, float]:
    """The figures the chapter quotes: LBNL's latest estimate and projected range, EPRI's latest range."""
    lbnl = table.loc[table["report"] == LBNL_REPORT]
    now = lbnl.loc[lbnl["bound"] == "estimate"].dropna(subset=["electricity_twh"]).iloc[-1]
    projected = lbnl.loc[lbnl["bound"] != "estimate"].set_index("bound")
    epri = table.loc[table["report"] == EPRI_2026].set_index("bound")
    if not {"low", "high"} <= set(projected.index) or not {"low", "high"} <= set(epri.index):
        raise DataError(f"{DATACENTRES.name}: a projected range lacks its low or high end")
    return {
        "now_year": int(now["year"]),
        "now_twh": float(now["electricity_twh"]),
        "now_gw": float(now["average_gw"]),
        "now_share": float(now["share_of_us_electricity"]),
        "future_year": int(projected.loc["high", "year"]),
        "future_low_twh": float(projected.loc["low", "electricity_twh"]),
        "future_high_twh": float(projected.loc["high", "electricity_twh"]),
        "future_low_gw": float(projected.loc["low", "average_gw"]),
        "future_high_gw": float(projected.loc["high", "average_gw"]),
        "future_low_capacity": float(projected.loc["low", "capacity_gw"]),
        "future_high_capacity": float(projected.loc["high", "capacity_gw"]),
        "epri_year": int(epri.loc["high", "year"]),
        "epri_low_share": float(epri.loc["low", "share_of_us_electricity"]),
        "epri_high_share": float(epri.loc["high", "share_of_us_electricity"]),
    }


# --- Table: the xAI-HUMAIN announcement (secondary) -----------------------------------------

ANNOUNCEMENT_FILE = "xai_humain_500MW_2025-11-19.txt"
FULL_SITE, FIRST_PHASE, ON_STAGE_SLIP = "full site", "first phase", "on-stage slip"

# Where each news report states the figure: (what, block, wording with the value and its unit).
ANNOUNCEMENT_QUOTES = (
    (FULL_SITE, "1", rf"plans to develop a (?P<value>{NUMBER}) (?P<unit>megawatt) data center in Saudi Arabia"),
    (FULL_SITE, "2", rf"xAI will build a (?P<value>{NUMBER})-(?P<unit>megawatt) data centre in Saudi Arabia"),
    (FULL_SITE, "4", rf"Full build-out targets (?P<value>{NUMBER}) (?P<unit>MW) of power consumption"),
    (FULL_SITE, "6", rf"to build a massive (?P<value>{NUMBER})-(?P<unit>megawatt) data center in the kingdom"),
    (FULL_SITE, "8", rf"planning a (?P<value>{NUMBER})-(?P<unit>megawatt) data center in Saudi Arabia"),
    (FULL_SITE, "9", rf"a data centre with a capacity of (?P<value>{NUMBER}) (?P<unit>megawatts)"),
    (FIRST_PHASE, "3", rf"beginning with a (?P<value>{NUMBER})-(?P<unit>megawatt) deployment"),
    (FIRST_PHASE, "4", rf"Phase 1 will start at (?P<value>{NUMBER}) (?P<unit>MW)"),
    (ON_STAGE_SLIP, "1", rf"joking that the deal was for (?P<value>{NUMBER}) (?P<unit>gigawatts), rather than the actual amount"),
    (ON_STAGE_SLIP, "2", rf"misstated the data centre's power level as (?P<value>{NUMBER}) (?P<unit>gigawatts) before correcting himself"),
    (ON_STAGE_SLIP, "3", rf"calling it a \"(?P<value>{NUMBER})-(?P<unit>gigawatt)\" project, before correcting himself"),
)

NEWS_SOURCE = Source(
    publisher="News reports of the U.S.-Saudi Investment Forum, 19 November 2025 (Bloomberg via Hindustan Times, Mint, fwdstart, Asianet, NextBigFuture, ts2.tech, Saudi Press)",
    title="xAI and HUMAIN data centre in Saudi Arabia: announced size, first phase and Musk's on-stage slip",
    series="news/xai_humain_500MW_2025-11-19.txt, numbered blocks of short quotations with their addresses",
    url="https://www.hindustantimes.com/business/elon-musks-xai-nvidia-announce-500-mw-ai-project-for-saudi-arabia-101763568975646.html",
    retrieved="Not stated; pages dated 19-21 November 2025, quotations collected from stored copies",
    licence="Short quotations of third-party news (fair quotation); no official press release was found",
    route=(
        "Secondary: quotations kept from stored copies of the pages (addresses in source_url); each "
        "row is read from its report's wording. No source read uses terawatts."
    ),
)

ANNOUNCEMENT = Table(
    name="xai_humain_announcement",
    title="xAI-HUMAIN Saudi data centre: the power each news report gives (secondary)",
    description=(
        "For each news report of the 19 November 2025 announcement, the power it gives for the full "
        "site, for the first phase, or for the figure Musk misspoke on stage before correcting himself, "
        "with the quoted wording."
    ),
    fields=(
        Field("figure", "string", "What the power refers to", constraints={"required": True, "enum": [FULL_SITE, FIRST_PHASE, ON_STAGE_SLIP]}),
        Field("report", "integer", "Number of the quotation block in the excerpt file", constraints={"required": True, "minimum": 1}),
        Field("power_mw", "number", "The power stated, converted to megawatts", unit="MW", constraints={"required": True, "minimum": 0}),
        Field("unit_as_written", "string", "The unit as the report writes it", constraints={"required": True}),
        Field("quote", "string", "The report's wording that states the figure", constraints={"required": True}),
        Field("status", "string", "secondary: a news report, not an official release", constraints={"required": True, "enum": ["primary", "secondary", "inferred"]}),
        Field("source_url", "string", "Address of the report", constraints={"required": True}),
    ),
    primary_key=("figure", "report"),
    sources=(NEWS_SOURCE,),
)


def announcement_quotes(path: Path) -> pd.DataFrame:
    path = Path(path)
    blocks = quote_blocks(path)
    rows = []
    for figure, ref, pattern in ANNOUNCEMENT_QUOTES:
        match = locate(blocks, ref, pattern, filename=path.name)
        rows.append(
            {
                "figure": figure,
                "report": int(ref),
                "power_mw": convert_power(_number(match["value"]), match["unit"], "MW"),
                "unit_as_written": match["unit"],
                "quote": match.group(0),
                "status": "secondary",
                "source_url": blocks[ref].url,
            }
        )
    return pd.DataFrame(rows)


def terawatt_mentions(path: Path) -> int:
    """How many quotation blocks of an excerpt file mention terawatts (the curator's notes excluded)."""
    return sum(bool(re.search(r"terawatt|\bTW\b", b.text, re.IGNORECASE)) for b in quote_blocks(path).values())


# --- Tables: working hours -------------------------------------------------------------------

HM_FILE = "huberman_minns_2007_days_and_hours.csv"
ANNUAL_HOURS_FILE = "annual-working-hours-per-worker_GBR_USA.csv"
ANNUAL_HOURS_HM_FILE = "annual-working-hours-per-worker_HubermanMinns_1870-1938.csv"
HM_COLUMNS = {
    "Hours of work per week (total) (Huberman and Minns (2007))": "hours_per_week_all",
    "Hours of work per week (male) (Huberman and Minns (2007))": "hours_per_week_men",
    "Hours of work per week (female) (Huberman and Minns (2007))": "hours_per_week_women",
    "Numbers of days off (Huberman and Minns (2007))": "days_off_per_year",
}
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
        Field("entity", "string", "Country, or an average of the sample (World, Old World, New World; 'weighted' = population-weighted)", constraints={"required": True}),
        Field("entity_type", "string", "country, or sample average", constraints={"required": True, "enum": ["country", "sample average"]}),
        Field("year", "year", "Year", constraints={"required": True}),
        Field("hours_per_week_all", "number", "Hours of work per week, full-time production workers", unit="hours per week", constraints={"minimum": 0, "maximum": 168}),
        Field("hours_per_week_men", "number", "Hours of work per week, male full-time production workers (2000 only)", unit="hours per week", constraints={"minimum": 0, "maximum": 168}),
        Field("hours_per_week_women", "number", "Hours of work per week, female full-time production workers (2000 only)", unit="hours per week", constraints={"minimum": 0, "maximum": 168}),
        Field("days_off_per_year", "number", "Days off in vacation and holidays", unit="days per year", constraints={"minimum": 0, "maximum": 366}),
    ),
    primary_key=("entity", "year"),
    sources=(HM_SOURCE,),
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
        Field("hours_per_year", "number", "Average annual working hours per worker", unit="hours per worker per year", constraints={"minimum": 0, "maximum": 8784, "required": True}),
        Field("series", "string", "Which estimate the value comes from", constraints={"required": True, "enum": ["Huberman and Minns", "Penn World Table"]}),
    ),
    primary_key=("entity", "year"),
    sources=(ANNUAL_HOURS_SOURCE,),
)

# OWID switches from Huberman and Minns to the Penn World Table after 1938 (SOURCE.md).
LAST_HM_YEAR = 1938


def _round_float32(values: pd.Series, *, filename: str, column: str) -> pd.Series:
    rounded = values.round(HM_DECIMALS)
    moved = (rounded - values).abs() > FLOAT32_NOISE
    if moved.any():
        raise DataError(f"{filename}: {column} = {values[moved].iloc[0]} has more decimals than the source's one")
    return rounded


def read_csv_checked(path: Path) -> pd.DataFrame:
    path = Path(path)
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise DataError(f"{path.name}: cannot be read as a CSV file ({exc})") from None


def _numbers(frame: pd.DataFrame, column: str, filename: str) -> pd.Series:
    text = frame[column].str.strip()
    values = pd.to_numeric(text.where(text != ""), errors="coerce")
    bad = values.isna() & (text != "")
    if bad.any():
        raise DataError(f"{filename}: {column!r} = {text[bad].iloc[0]!r} is not a number")
    return values


def weekly_hours(path: Path) -> pd.DataFrame:
    """Huberman and Minns' weekly hours and days off, as OWID publishes them, in the book's names."""
    path = Path(path)
    raw = read_csv_checked(path)
    expected = ["Entity", "Year", *HM_COLUMNS]
    if list(raw.columns) != expected:
        raise DataError(f"{path.name}: columns {list(raw.columns)} are not the expected {expected}")
    frame = pd.DataFrame({"entity": raw["Entity"].str.strip()})
    frame["entity_type"] = frame["entity"].map(lambda e: "sample average" if e in HM_GROUPS else "country")
    frame["year"] = _numbers(raw, "Year", path.name).astype(int)
    for column, name in HM_COLUMNS.items():
        frame[name] = _round_float32(_numbers(raw, column, path.name), filename=path.name, column=column)
    empty = frame[list(HM_COLUMNS.values())].isna().all(axis=1)
    if empty.any():
        row = frame.loc[empty].iloc[0]
        raise DataError(f"{path.name}: the row for {row['entity']} {row['year']} has no value at all")
    if frame.duplicated(["entity", "year"]).any():
        row = frame.loc[frame.duplicated(["entity", "year"])].iloc[0]
        raise DataError(f"{path.name}: {row['entity']} {row['year']} appears twice")
    return frame.reset_index(drop=True)


def read_annual_hours(path: Path) -> pd.DataFrame:
    """An OWID annual-working-hours export (either header spelling) as entity, code, year, hours_per_year."""
    path = Path(path)
    raw = read_csv_checked(path)
    if len(raw.columns) != 4 or raw.columns[3] != "Average annual working hours per worker":
        raise DataError(f"{path.name}: expected four columns ending in 'Average annual working hours per worker', got {list(raw.columns)}")
    entity, code, year, hours = raw.columns
    frame = pd.DataFrame(
        {
            "entity": raw[entity].str.strip(),
            "code": raw[code].str.strip(),
            "year": _numbers(raw, year, path.name).astype("Int64"),
            "hours_per_year": _numbers(raw, hours, path.name),
        }
    )
    incomplete = frame.isna().any(axis=1) | (frame["code"] == "")
    if incomplete.any():
        row = raw.loc[incomplete].iloc[0].tolist()
        raise DataError(f"{path.name}: incomplete row {row}")
    return frame.astype({"year": int})


def annual_hours(main_path: Path, hm_path: Path) -> pd.DataFrame:
    """UK and US 1870-2017 plus the other Huberman and Minns countries 1870-1938, overlap checked."""
    main, hm = read_annual_hours(main_path), read_annual_hours(hm_path)
    overlap = main.merge(hm, on=["entity", "year"], suffixes=("", "_hm"))
    if overlap.empty:
        raise DataError(f"{Path(main_path).name} and {Path(hm_path).name}: no country-year in common to check them against")
    differ = overlap.loc[(overlap["hours_per_year"] != overlap["hours_per_year_hm"]) | (overlap["code"] != overlap["code_hm"])]
    if not differ.empty:
        row = differ.iloc[0]
        raise DataError(
            f"{Path(main_path).name} and {Path(hm_path).name} disagree for {row['entity']} {row['year']}: "
            f"{row['hours_per_year']:g} vs {row['hours_per_year_hm']:g}"
        )
    combined = pd.concat([main, hm], ignore_index=True).drop_duplicates(["entity", "year"])
    combined["series"] = combined["year"].map(lambda y: "Huberman and Minns" if y <= LAST_HM_YEAR else "Penn World Table")
    return combined.sort_values(["entity", "year"]).reset_index(drop=True)


# --- The dataset ------------------------------------------------------------------------------


# What ``data fetch`` saves from the publishers (see :func:`remote`). The shared folder holds
# excerpts of the OWID files instead; the derivation reads whichever is there, the publisher's
# file first.
MER_FILE = "MER_T07_02A.csv"
OWID_ENERGY_FILE = "owid-energy-data.csv"
OWID_ENERGY_EXCERPT = "owid-energy-data_USA_1985-2025.csv"
OWID_CODEBOOK_FILE = "owid-energy-codebook.csv"
ANNUAL_HOURS_FULL_FILE = "annual-working-hours-per-worker.csv"


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
    kept["series"] = kept["year"].map(lambda y: "Huberman and Minns" if y <= LAST_HM_YEAR else "Penn World Table")
    return kept.sort_values(["entity", "year"]).reset_index(drop=True)


def derive(folder: Path) -> dict[str, pd.DataFrame]:
    folder = Path(folder)
    eia, owid, news = folder / "eia", folder / "owid", folder / "news"
    for sub in (eia, owid, news):
        if not sub.is_dir():
            raise DataError(f"no folder {sub.name}/ in {folder}")
    energy = owid / OWID_ENERGY_FILE if (owid / OWID_ENERGY_FILE).is_file() else owid / OWID_ENERGY_EXCERPT
    if (owid / ANNUAL_HOURS_FULL_FILE).is_file():
        annual = annual_hours_from_export(owid / ANNUAL_HOURS_FULL_FILE)
    else:
        annual = annual_hours(owid / ANNUAL_HOURS_FILE, owid / ANNUAL_HOURS_HM_FILE)
    return {
        GENERATION.name: generation_table(
            eia_net_generation_twh(eia / MER_FILE),
            owid_generation_twh(energy, owid / OWID_CODEBOOK_FILE),
        ),
        DATACENTRES.name: datacentre_estimates(news / DATACENTRE_FILE),
        ANNOUNCEMENT.name: announcement_quotes(news / ANNOUNCEMENT_FILE),
        WEEKLY_HOURS.name: weekly_hours(owid / HM_FILE),
        ANNUAL_HOURS.name: annual,
    }


MER_URL = "https://www.eia.gov/totalenergy/data/browser/csv.php?tbl=T07.02A"
OWID_ENERGY_URL = "https://owid-public.owid.io/data/energy/owid-energy-data.csv"
OWID_CODEBOOK_URL = "https://raw.githubusercontent.com/owid/energy-data/master/owid-energy-codebook.csv"
HM_URL = (
    "https://raw.githubusercontent.com/owid/owid-datasets/master/datasets/"
    "Days%20and%20hours%20of%20work%20in%20Old%20and%20New%20Worlds%20-%20Huberman%20and%20Minns%20(2007)/"
    "Days%20and%20hours%20of%20work%20in%20Old%20and%20New%20Worlds%20-%20Huberman%20and%20Minns%20(2007).csv"
)
# The grapher's whole export, long column names (the names the derivation checks).
ANNUAL_HOURS_URL = "https://ourworldindata.org/grapher/annual-working-hours-per-worker.csv?v=1&csvType=full&useColumnShortNames=false"


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
    from ..fetch import Download, Keep

    return [
        Download(MER_URL, f"eia/{MER_FILE}", check=check_csv_header(*MER_COLUMNS), description="EIA MER table 7.2a"),
        Download(OWID_ENERGY_URL, f"owid/{OWID_ENERGY_FILE}", check=check_csv_header("country", "year", "electricity_generation"),
                 description="OWID energy data, every country (about 9 MB)"),
        Download(OWID_CODEBOOK_URL, f"owid/{OWID_CODEBOOK_FILE}", check=check_csv_header("column", "unit"), description="OWID energy codebook"),
        Download(HM_URL, f"owid/{HM_FILE}", check=check_csv_header("Entity", "Year", *HM_COLUMNS), description="Huberman and Minns (2007) via OWID"),
        Download(ANNUAL_HOURS_URL, f"owid/{ANNUAL_HOURS_FULL_FILE}", check=check_csv_header("Entity", "Code", "Year", "Average annual working hours per worker"),
                 description="OWID annual working hours per worker, every country"),
        Keep("news/*.txt", "the data-centre and xAI/HUMAIN figures are quoted sentences from stored news pages; no API serves them"),
    ]


DATASET = Dataset(
    name="extra",
    title="Scale: US electricity, the Saudi data centre, data-centre demand and working hours",
    tables=(GENERATION, DATACENTRES, ANNOUNCEMENT, WEEKLY_HOURS, ANNUAL_HOURS),
    derive=derive,
    remote=remote,
)


# === Analysis ================================================================================

# --- The article's figures (constants: they are the article's, not data) --------------------
ARTICLE_YEAR = 2025  # the forum and the article: November 2025
ARTICLE_SITE_TW = 500.0  # "un centre de données IA de 500 térawatts"
ARTICLE_FIRST_PHASE_TW = 50.0  # "une première phase de 50 térawatts"
ARTICLE_US_PRODUCTION_GW = 460.0  # US "annual electricity production is about 460 gigawatts"
ARTICLE_AI_GW = 300.0  # "if AI computing needs 300 gigawatts"
ARTICLE_AI_SHARE = 2 / 3  # "two thirds of US electricity production"
ARTICLE_ROBOT_DEMAND = (100e9, 200e9)  # world demand "between 100 and 200 billion units"
ARTICLE_ROBOTS_PER_YEAR = 1e9  # Tesla's goal: "1 billion units" a year
ARTICLE_ROBOT_MARKET_SHARE = 0.10  # "more than 10% of the market"
ARTICLE_ROBOT_COST_USD = 10_000.0  # cost "controlled at 10,000 dollars"
ARTICLE_ROBOT_PRICE_USD = 20_000.0  # "a selling price of 20,000 dollars"
ARTICLE_ROBOT_INDUSTRY_USD = (25e12, 30e12)  # "an industry of 25 to 30 trillion dollars"
ARTICLE_SOLAR_FRACTION = 1 / 20  # Earth receives "only one twentieth" of the sun's radiation
ARTICLE_HOURS_PER_DAY = 16.0  # industrial-revolution workers "worked on average 16 hours a day"

# --- Physical constants, with their sources ---------------------------------------------------
# IAU 2012 Resolution B2: the astronomical unit is defined as exactly 149,597,870,700 m.
ASTRONOMICAL_UNIT_M = 149_597_870_700.0
# IUGG Geodetic Reference System 1980, mean radius R1 = (2a + b) / 3 = 6,371,008.8 m
# (H. Moritz, "Geodetic Reference System 1980", Journal of Geodesy 74 (2000) 128-133).
EARTH_MEAN_RADIUS_M = 6_371_008.8

# --- Conventions of the book's own -----------------------------------------------------------
# The six-day week of nineteenth-century industry, to turn hours a week into hours a day.
WORKDAYS_PER_WEEK = 6
# The British industrial revolution is conventionally dated about 1760-1840.
INDUSTRIAL_REVOLUTION_END = 1840
# "About 460 GW" counts as right if within 10% of the measured average; the same for 2/3.
C14_TOLERANCE = 0.10
# A claimed number of hours counts as right if within 10% of the measured one.
HOURS_TOLERANCE = 0.10
# "Matches a year" means within 1% of that year's average generation.
YEAR_MATCH = 0.01
# A fall of annual hours larger than this is a material reduction of working time.
MATERIAL_FALL = 0.10
# Figures within a factor of two of each other are "the same order"; the claims here miss by far more.
SAME_ORDER = 2.0
# OWID's series steps down onto the EIA's in 2000 (SOURCE.md: they disagree before 2000).
SOURCES_AGREE_FROM = 2000
# The information age, for the recent change in hours: from 1990 (email spreads) to the last year.
EMAIL_ERA_START = 1990
KEY_COUNTRIES = ("United States", "United Kingdom")


def _load(name: str) -> pd.DataFrame:
    from ..datapackage import load

    return load(name)


# --- C14: US generation as average power -------------------------------------------------------


def series_of(table: pd.DataFrame, source: str) -> pd.DataFrame:
    rows = table.loc[table["source"] == source].sort_values("year")
    if rows.empty:
        raise DataError(f"{GENERATION.name} has no rows for {source}")
    return rows


def last_year_before(table: pd.DataFrame, source: str, year: int) -> pd.Series:
    """The latest row of a source for a year before ``year`` (a complete year before the article)."""
    rows = series_of(table, source)
    rows = rows.loc[rows["year"] < year]
    if rows.empty:
        raise DataError(f"{GENERATION.name} has no {source} year before {year}")
    return rows.iloc[-1]


def years_near(table: pd.DataFrame, source: str, gw: float, tolerance: float = YEAR_MATCH) -> list[int]:
    """Years whose average generation is within ``tolerance`` (relative) of ``gw``."""
    rows = series_of(table, source)
    near = (rows["average_gw"] - gw).abs() <= tolerance * gw
    return rows.loc[near, "year"].astype(int).tolist()


def first_year_at(table: pd.DataFrame, source: str, gw: float) -> int:
    """The first year whose average generation reaches ``gw``."""
    rows = series_of(table, source)
    reached = rows.loc[rows["average_gw"] >= gw, "year"]
    if reached.empty:
        raise DataError(f"{GENERATION.name}: {source} never reaches {gw} GW")
    return int(reached.iloc[0])


def source_gap(table: pd.DataFrame) -> pd.DataFrame:
    """Years both publishers cover, with OWID minus EIA in GW and as a share of EIA."""
    eia = series_of(table, EIA_SERIES).set_index("year")["average_gw"]
    owid = series_of(table, OWID_SERIES).set_index("year")["average_gw"]
    both = pd.DataFrame({"eia_gw": eia, "owid_gw": owid}).dropna()
    both["gap_gw"] = both["owid_gw"] - both["eia_gw"]
    both["gap_share"] = both["gap_gw"] / both["eia_gw"]
    return both.reset_index().astype({"year": int})


def c14_figures(table: pd.DataFrame) -> dict[str, float]:
    eia = last_year_before(table, EIA_SERIES, ARTICLE_YEAR)
    owid = last_year_before(table, OWID_SERIES, ARTICLE_YEAR)
    gap = source_gap(table)
    before_2000 = gap.loc[gap["year"] < SOURCES_AGREE_FROM]
    widest = before_2000.loc[before_2000["gap_share"].abs().idxmax()]
    since_2000 = gap.loc[gap["year"] >= SOURCES_AGREE_FROM]
    return {
        "eia_year": int(eia["year"]),
        "eia_gw": float(eia["average_gw"]),
        "eia_twh": float(eia["generation_twh"]),
        "owid_year": int(owid["year"]),
        "owid_gw": float(owid["average_gw"]),
        "owid_twh": float(owid["generation_twh"]),
        "ai_share_eia": ARTICLE_AI_GW / float(eia["average_gw"]),
        "ai_share_owid": ARTICLE_AI_GW / float(owid["average_gw"]),
        "ai_twh_per_year": average_gw_to_twh(ARTICLE_AI_GW, ARTICLE_YEAR),
        "claim_vs_eia": ARTICLE_US_PRODUCTION_GW / float(eia["average_gw"]) - 1,
        "claim_vs_owid": ARTICLE_US_PRODUCTION_GW / float(owid["average_gw"]) - 1,
        "widest_gap_year": int(widest["year"]),
        "widest_gap_gw": float(widest["gap_gw"]),
        "widest_gap_share": float(widest["gap_share"]),
        "max_gap_share_since_2000": float(since_2000["gap_share"].abs().max()),
        "narrowest_gap_share_before_2000": float(before_2000["gap_share"].abs().min()),
        "first_year_at_claim": first_year_at(table, EIA_SERIES, ARTICLE_US_PRODUCTION_GW * (1 - YEAR_MATCH)),
        "first_overlap_year": int(gap["year"].min()),
        "eia_first_year": int(series_of(table, EIA_SERIES)["year"].min()),
        "owid_last_year": int(series_of(table, OWID_SERIES)["year"].max()),
        "owid_gw_if_ordinary_year": float(owid["generation_twh"]) * 1000 / ORDINARY_YEAR_HOURS,
    }


def c14_verdict(f: dict[str, float]) -> str:
    level_fits = abs(f["claim_vs_eia"]) <= C14_TOLERANCE and abs(f["claim_vs_owid"]) <= C14_TOLERANCE
    share_fits = all(abs(f[k] / ARTICLE_AI_SHARE - 1) <= C14_TOLERANCE for k in ("ai_share_eia", "ai_share_owid"))
    if level_fits and share_fits:
        # The size is right, but a power in GW is not an "annual production", and it is dated.
        return "accurate but misleading"
    return "wrong"


@assesses("C14", chapter="chapters/scale", section="scale-us-power")
def assess_c14() -> tuple[str, str, str]:
    table = _load(GENERATION.name)
    f = c14_figures(table)
    fits = years_near(table, EIA_SERIES, ARTICLE_US_PRODUCTION_GW)
    matched = (
        f"is within {YEAR_MATCH:.0%} of the average of {len(fits)} years between {min(fits)} and {max(fits)}"
        if fits
        else f"is not within {YEAR_MATCH:.0%} of any year's average"
    )
    low, high = sorted((f["ai_share_eia"], f["ai_share_owid"]))
    evidence = (
        f"US generation was {f['eia_twh']:,.0f} TWh in {f['eia_year']} (EIA), an average of "
        f"{f['eia_gw']:.0f} GW, and {f['owid_twh']:,.0f} TWh in {f['owid_year']} (OWID/Ember), "
        f"{f['owid_gw']:.0f} GW. The article's {ARTICLE_US_PRODUCTION_GW:.0f} GW is an average power, not an "
        f"annual production, and {matched}; {ARTICLE_AI_GW:.0f} GW would be {low:.0%} to {high:.0%} of "
        f"recent generation, not {ARTICLE_AI_SHARE:.0%}."
    )
    return c14_verdict(f), evidence, "EIA Monthly Energy Review table 7.2a; OWID energy data (Ember)"


# --- C11: terawatts or megawatts ---------------------------------------------------------------


def c11_figures(quotes: pd.DataFrame) -> dict[str, float]:
    def figure(name: str) -> pd.Series:
        values = quotes.loc[quotes["figure"] == name, "power_mw"]
        if values.empty:
            raise DataError(f"{ANNOUNCEMENT.name} has no report of the {name}")
        return values

    site, phase, slip = figure(FULL_SITE), figure(FIRST_PHASE), figure(ON_STAGE_SLIP)
    return {
        "site_mw": float(site.median()),
        "site_reports": int(len(site)),
        "site_reports_agree": int((site == site.median()).sum()),
        "phase_mw": float(phase.median()),
        "phase_reports": int(len(phase)),
        "slip_gw": convert_power(float(slip.median()), "MW", "GW"),
        "slip_reports": int(len(slip)),
        "claim_site_mw": convert_power(ARTICLE_SITE_TW, "TW", "MW"),
        "claim_phase_mw": convert_power(ARTICLE_FIRST_PHASE_TW, "TW", "MW"),
        "site_factor": convert_power(ARTICLE_SITE_TW, "TW", "MW") / float(site.median()),
        "phase_factor": convert_power(ARTICLE_FIRST_PHASE_TW, "TW", "MW") / float(phase.median()),
    }


def within_order(a: float, b: float) -> bool:
    return max(a, b) / min(a, b) <= SAME_ORDER


@assesses("C11", chapter="chapters/scale", section="scale-terawatts")
def assess_c11() -> tuple[str, str, str]:
    f = c11_figures(_load(ANNOUNCEMENT.name))
    if math.isclose(f["claim_site_mw"], f["site_mw"]) and math.isclose(f["claim_phase_mw"], f["phase_mw"]):
        verdict = "accurate"
    elif within_order(f["claim_site_mw"], f["site_mw"]):
        verdict = "accurate but misleading"
    else:
        verdict = "wrong"
    evidence = (
        f"{f['site_reports_agree']} of {f['site_reports']} news reports quoted give "
        f"{format_power(f['site_mw'] * 1e6)} for the site and {f['phase_reports']} give "
        f"{format_power(f['phase_mw'] * 1e6)} for the first phase; the article's "
        f"{ARTICLE_SITE_TW:.0f} TW and {ARTICLE_FIRST_PHASE_TW:.0f} TW are {f['site_factor']:,.0f} times larger. "
        f"Musk misspoke on stage as {f['slip_gw']:.0f} GW before correcting himself; no report uses terawatts."
    )
    return verdict, evidence, "News reports of the 19 November 2025 announcement (secondary)"


# --- C12: the robot arithmetic -----------------------------------------------------------------


def robot_figures() -> dict[str, float]:
    low_demand, high_demand = ARTICLE_ROBOT_DEMAND
    low_industry, high_industry = ARTICLE_ROBOT_INDUSTRY_USD
    return {
        "revenue_per_year": ARTICLE_ROBOTS_PER_YEAR * ARTICLE_ROBOT_PRICE_USD,
        "margin_per_year": ARTICLE_ROBOTS_PER_YEAR * (ARTICLE_ROBOT_PRICE_USD - ARTICLE_ROBOT_COST_USD),
        "share_of_demand_high": ARTICLE_ROBOTS_PER_YEAR / low_demand,
        "share_of_demand_low": ARTICLE_ROBOTS_PER_YEAR / high_demand,
        "ten_percent_low": ARTICLE_ROBOT_MARKET_SHARE * low_demand,
        "ten_percent_high": ARTICLE_ROBOT_MARKET_SHARE * high_demand,
        "units_for_industry_low": low_industry / ARTICLE_ROBOT_PRICE_USD,
        "units_for_industry_high": high_industry / ARTICLE_ROBOT_PRICE_USD,
        "demand_value_low": low_demand * ARTICLE_ROBOT_PRICE_USD,
        "demand_value_high": high_demand * ARTICLE_ROBOT_PRICE_USD,
    }


def _short(value: float) -> str:
    """Three significant figures without switching to exponents: 1.25, 20, 4,000."""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.3g}"


def _usd(value: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion")):
        if value >= size:
            return f"${_short(value / size)} {word}"
    return f"${value:,.0f}"


def _units(value: float) -> str:
    return f"{_short(value / 1e9)} billion"


SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def scientific(value: float, digits: int = 3) -> str:
    """4.53e-10 -> '4.53 × 10⁻¹⁰', for readers who do not read e-notation."""
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    return f"{mantissa} × 10{str(int(exponent)).translate(SUPERSCRIPT)}"


def robot_steps() -> pd.DataFrame:
    """The C12 arithmetic, one step a row: what is computed, from what, and the result."""
    f = robot_figures()
    lo_d, hi_d = ARTICLE_ROBOT_DEMAND
    lo_i, hi_i = ARTICLE_ROBOT_INDUSTRY_USD
    rows = [
        ("Tesla's yearly sales at the stated price", f"{_units(ARTICLE_ROBOTS_PER_YEAR)} robots × {_usd(ARTICLE_ROBOT_PRICE_USD)}", f"{_usd(f['revenue_per_year'])} a year"),
        ("The stated industry size", "as the article states it", f"{_usd(lo_i)} to {_usd(hi_i)}"),
        ("Robots that industry size buys at the stated price", f"{_usd(lo_i)} to {_usd(hi_i)} ÷ {_usd(ARTICLE_ROBOT_PRICE_USD)}", f"{_units(f['units_for_industry_low'])} to {_units(f['units_for_industry_high'])}"),
        ("Tesla's share of the stated demand", f"{_units(ARTICLE_ROBOTS_PER_YEAR)} ÷ {_units(lo_d)} to {_units(hi_d)}", f"{f['share_of_demand_low']:.1%} to {f['share_of_demand_high']:.1%}"),
        (f"What {ARTICLE_ROBOT_MARKET_SHARE:.0%} of the stated demand would be", f"{ARTICLE_ROBOT_MARKET_SHARE:.0%} × {_units(lo_d)} to {_units(hi_d)}", f"{_units(f['ten_percent_low'])} to {_units(f['ten_percent_high'])} robots"),
        ("The stated demand at the stated price", f"{_units(lo_d)} to {_units(hi_d)} × {_usd(ARTICLE_ROBOT_PRICE_USD)}", f"{_usd(f['demand_value_low'])} to {_usd(f['demand_value_high'])}"),
        ("Tesla's yearly margin (price minus cost)", f"{_units(ARTICLE_ROBOTS_PER_YEAR)} × ({_usd(ARTICLE_ROBOT_PRICE_USD)} − {_usd(ARTICLE_ROBOT_COST_USD)})", f"{_usd(f['margin_per_year'])} a year"),
    ]
    return pd.DataFrame(rows, columns=["Step", "Computation or source", "Result"])


def robots_consistent(f: dict[str, float]) -> bool:
    lo_i, hi_i = ARTICLE_ROBOT_INDUSTRY_USD
    revenue_fits = lo_i <= f["revenue_per_year"] <= hi_i
    share_fits = f["share_of_demand_low"] >= ARTICLE_ROBOT_MARKET_SHARE
    return revenue_fits and share_fits


@assesses("C12", chapter="chapters/scale", section="scale-robots")
def assess_c12() -> tuple[str, str, str]:
    f = robot_figures()
    # A forecast cannot be checked; figures that contradict one another can.
    verdict = "not checkable" if robots_consistent(f) else "wrong"
    lo_i, hi_i = ARTICLE_ROBOT_INDUSTRY_USD
    evidence = (
        f"The article's own figures do not fit together: {_units(ARTICLE_ROBOTS_PER_YEAR)} robots a year at "
        f"{_usd(ARTICLE_ROBOT_PRICE_USD)} is {_usd(f['revenue_per_year'])} a year, not {_usd(lo_i)} to "
        f"{_usd(hi_i)}; and {_units(ARTICLE_ROBOTS_PER_YEAR)} is {f['share_of_demand_low']:.1%} to "
        f"{f['share_of_demand_high']:.1%} of a demand of {_units(ARTICLE_ROBOT_DEMAND[0])} to "
        f"{_units(ARTICLE_ROBOT_DEMAND[1])}, not over {ARTICLE_ROBOT_MARKET_SHARE:.0%}. The forecast itself cannot be tested."
    )
    return verdict, evidence, "Arithmetic on the article's figures"


# --- C13: the sun's output that reaches the Earth ---------------------------------------------


def solar_fraction(radius_m: float = EARTH_MEAN_RADIUS_M, distance_m: float = ASTRONOMICAL_UNIT_M) -> float:
    """Share of the sun's output that a sphere of ``radius_m`` at ``distance_m`` intercepts.

    The sun radiates in all directions, over a sphere of area 4πd²; the Earth presents a disc
    of area πR² to it, so the share is πR² / 4πd² = R² / 4d².
    """
    if radius_m <= 0 or distance_m <= radius_m:
        raise ValueError("the distance must exceed the radius, and both be positive")
    return radius_m**2 / (4 * distance_m**2)


def solar_figures() -> dict[str, float]:
    fraction = solar_fraction()
    return {
        "disc_m2": math.pi * EARTH_MEAN_RADIUS_M**2,
        "sphere_m2": 4 * math.pi * ASTRONOMICAL_UNIT_M**2,
        "fraction": fraction,
        "one_in": 1 / fraction,
        "claim_over_fraction": ARTICLE_SOLAR_FRACTION / fraction,
    }


def solar_steps() -> pd.DataFrame:
    f = solar_figures()
    rows = [
        ("Earth's mean radius R", "IUGG Geodetic Reference System 1980, mean radius R1", f"{EARTH_MEAN_RADIUS_M:,.1f} m"),
        ("Mean distance to the sun d", "IAU 2012 Resolution B2: the astronomical unit, exact by definition", f"{ASTRONOMICAL_UNIT_M:,.0f} m"),
        ("Area of the disc the Earth shows the sun", "π R²", f"{scientific(f['disc_m2'])} m²"),
        ("Area over which the sun's output is spread at distance d", "4 π d²", f"{scientific(f['sphere_m2'])} m²"),
        ("Share that reaches the Earth", "π R² ÷ 4 π d² = R² ÷ 4 d²", f"{scientific(f['fraction'])}, one part in {f['one_in'] / 1e9:.2g} billion"),
        ("The article's share", "one twentieth, as the article states it", f"{ARTICLE_SOLAR_FRACTION:g}"),
        ("How far apart they are", "(1/20) ÷ (R² ÷ 4 d²)", f"{scientific(f['claim_over_fraction'])} times"),
    ]
    return pd.DataFrame(rows, columns=["Step", "Computation or source", "Result"])


@assesses("C13", chapter="chapters/scale", section="scale-sun")
def assess_c13() -> tuple[str, str, str]:
    f = solar_figures()
    verdict = "accurate" if within_order(ARTICLE_SOLAR_FRACTION, f["fraction"]) else "wrong"
    evidence = (
        f"A disc of the Earth's radius at one astronomical unit intercepts {scientific(f['fraction'], 2)} of the "
        f"sun's output, one part in {f['one_in'] / 1e9:.2g} billion; the article's one twentieth is about "
        f"{f['claim_over_fraction'] / 1e6:,.0f} million times too large."
    )
    return verdict, evidence, "Geometry with the IAU astronomical unit and the IUGG mean Earth radius"


# --- C06 and C17: working hours ----------------------------------------------------------------


def per_day(hours_per_week: float) -> float:
    return hours_per_week / WORKDAYS_PER_WEEK


def hours_figures(weekly: pd.DataFrame, annual: pd.DataFrame) -> dict[str, float]:
    total = weekly.dropna(subset=["hours_per_week_all"])
    first_year = int(total["year"].min())
    first = total.loc[(total["year"] == first_year) & (total["entity_type"] == "country")]
    longest = first.loc[first["hours_per_week_all"].idxmax()]

    def week(entity: str, year: int) -> float:
        row = total.loc[(total["entity"] == entity) & (total["year"] == year), "hours_per_week_all"]
        if row.empty:
            raise DataError(f"{WEEKLY_HOURS.name} has no weekly hours for {entity} {year}")
        return float(row.iloc[0])

    def year_hours(entity: str, year: int) -> float:
        row = annual.loc[(annual["entity"] == entity) & (annual["year"] == year), "hours_per_year"]
        if row.empty:
            raise DataError(f"{ANNUAL_HOURS.name} has no hours for {entity} {year}")
        return float(row.iloc[0])

    last_annual = int(annual.loc[annual["entity"].isin(KEY_COUNTRIES), "year"].max())
    first_annual = int(annual["year"].min())
    last_total_year = int(total["year"].max())
    countries = total.loc[total["entity_type"] == "country"].pivot(index="entity", columns="year", values="hours_per_week_all")
    fell = (countries[last_total_year] < countries[first_year]).sum()
    out = {
        "first_year": first_year,
        "claim_per_week": ARTICLE_HOURS_PER_DAY * WORKDAYS_PER_WEEK,
        "us_first_week": week("United States", first_year),
        "uk_first_week": week("United Kingdom", first_year),
        "world_first_week": week("World", first_year),
        "longest_first_week": float(longest["hours_per_week_all"]),
        "longest_first_entity": str(longest["entity"]),
        "n_countries": int(countries.shape[0]),
        "last_total_year": last_total_year,
        "n_fell": int(fell),
        "n_compared": int(countries[[first_year, last_total_year]].dropna().shape[0]),
        "first_annual_year": first_annual,
        "highest_week": float(weekly[["hours_per_week_all", "hours_per_week_men", "hours_per_week_women"]].max().max()),
        "last_annual_year": last_annual,
    }
    for entity, key in (("United States", "us"), ("United Kingdom", "uk")):
        start, end = year_hours(entity, first_annual), year_hours(entity, last_annual)
        email = year_hours(entity, EMAIL_ERA_START)
        out[f"{key}_annual_first"] = start
        out[f"{key}_annual_last"] = end
        out[f"{key}_annual_email_start"] = email
        out[f"{key}_change_long"] = end / start - 1
        out[f"{key}_change_email"] = end / email - 1
        # The same changes as falls (positive when hours went down), for sentences that say "fell by".
        out[f"{key}_fall_long"] = -out[f"{key}_change_long"]
        out[f"{key}_fall_email"] = -out[f"{key}_change_email"]
    for key in ("us_first_week", "uk_first_week", "world_first_week", "longest_first_week"):
        out[key.replace("_week", "_day")] = per_day(out[key])
    return out


@assesses("C06", chapter="chapters/scale", section="scale-sixteen-hours")
def assess_c06() -> tuple[str, str, str]:
    f = hours_figures(_load(WEEKLY_HOURS.name), _load(ANNUAL_HOURS.name))
    if f["first_year"] > INDUSTRIAL_REVOLUTION_END:
        verdict = "not supported by the data"
    elif abs(f["world_first_day"] / ARTICLE_HOURS_PER_DAY - 1) <= HOURS_TOLERANCE:
        verdict = "accurate"
    else:
        verdict = "wrong"
    evidence = (
        f"No series here starts before {f['first_year']}, after the industrial revolution. In {f['first_year']} "
        f"full-time production workers worked {f['us_first_week']:.1f} hours a week in the United States and "
        f"{f['uk_first_week']:.1f} in the United Kingdom, {f['us_first_day']:.1f} and {f['uk_first_day']:.1f} hours "
        f"a day over {WORKDAYS_PER_WEEK} days; the longest week in the sample ({f['longest_first_entity']}, "
        f"{f['longest_first_week']:.1f} hours) is {f['longest_first_day']:.1f} hours a day. "
        f"{ARTICLE_HOURS_PER_DAY:.0f} hours a day would be {f['claim_per_week']:.0f} hours a week."
    )
    return verdict, evidence, "Huberman and Minns (2007) via Our World in Data"


@assesses("C17", chapter="chapters/scale", section="scale-hours-trend")
def assess_c17() -> tuple[str, str, str]:
    f = hours_figures(_load(WEEKLY_HOURS.name), _load(ANNUAL_HOURS.name))
    fell = all(-f[f"{k}_change_long"] > MATERIAL_FALL for k in ("us", "uk"))
    # The promises themselves are history of ideas; what data can test is whether hours fell.
    verdict = "not supported by the data" if fell else "accurate"
    evidence = (
        f"Annual hours per worker fell by {-f['us_change_long']:.0%} in the United States and "
        f"{-f['uk_change_long']:.0%} in the United Kingdom from {f['first_annual_year']} to {f['last_annual_year']}, "
        f"and weekly hours fell in {f['n_fell']} of the {f['n_compared']} countries of the sample from "
        f"{f['first_year']} to {f['last_total_year']}. Since {EMAIL_ERA_START} the fall was small "
        f"({-f['us_change_email']:.1%} and {-f['uk_change_email']:.1%}); being reachable by email is not measured."
    )
    return verdict, evidence, "Huberman and Minns; Penn World Table; via Our World in Data"


# === Charts ==================================================================================

GENERATION_LABELS = {EIA_SERIES: "US net generation (EIA)", OWID_SERIES: "US generation (OWID)"}
DATACENTRE_LABEL = "US data centres (secondary)"
CLAIM_SERIES = "The article's figures"
CLAIM_PRODUCTION_LABEL = f"Article: {ARTICLE_US_PRODUCTION_GW:.0f} GW"
CLAIM_AI_LABEL = f"Article: {ARTICLE_AI_GW:.0f} GW for AI"


def generation_chart_frame(generation: pd.DataFrame, datacentres: pd.DataFrame) -> pd.DataFrame:
    """One tidy frame: both generation series, data-centre estimates (a range where projected), the claims."""
    measured = pd.DataFrame(
        {
            "year": generation["year"].astype(int),
            "series": generation["source"].map(GENERATION_LABELS),
            "average_gw": generation["average_gw"].astype(float),
            "upper_gw": float("nan"),
            "twh": generation["generation_twh"].astype(float).round(1),
            "detail": generation["source"],
        }
    )
    energy = datacentres.dropna(subset=["average_gw"])
    estimates = energy.loc[energy["bound"] == "estimate"]
    low = energy.loc[energy["bound"] == "low"]
    high = energy.loc[energy["bound"] == "high", ["report", "year", "average_gw", "electricity_twh"]]
    ranges = low.merge(high, on=["report", "year"], suffixes=("", "_high"), validate="one_to_one")
    dc = pd.concat(
        [
            pd.DataFrame(
                {
                    "year": estimates["year"].astype(int),
                    "series": DATACENTRE_LABEL,
                    "average_gw": estimates["average_gw"].astype(float),
                    "upper_gw": float("nan"),
                    "twh": estimates["electricity_twh"].astype(float),
                    "detail": estimates["report"] + ", estimate",
                }
            ),
            pd.DataFrame(
                {
                    "year": ranges["year"].astype(int),
                    "series": DATACENTRE_LABEL,
                    "average_gw": ranges["average_gw"].astype(float),
                    "upper_gw": ranges["average_gw_high"].astype(float),
                    "twh": ranges["electricity_twh"].astype(float),
                    "detail": ranges["report"] + ", projected range (low end shown as TWh)",
                }
            ),
        ]
    )
    first_year = int(generation["year"].min())
    claims = pd.DataFrame(
        {
            "year": [first_year, first_year],
            "series": CLAIM_SERIES,
            "average_gw": [ARTICLE_US_PRODUCTION_GW, ARTICLE_AI_GW],
            "upper_gw": float("nan"),
            "twh": float("nan"),
            "detail": [CLAIM_PRODUCTION_LABEL, CLAIM_AI_LABEL],
        }
    )
    return pd.concat([measured, dc, claims], ignore_index=True)


def generation_chart(generation: pd.DataFrame, datacentres: pd.DataFrame):
    """US generation as average GW from both publishers, the article's two figures, data-centre estimates."""
    import altair as alt

    from ..charts import CLAIM_COLOUR, DATA_COLOUR, PALETTE, SECONDARY_COLOUR, legend_highlight

    frame = generation_chart_frame(generation, datacentres)
    domain = [*GENERATION_LABELS.values(), DATACENTRE_LABEL, CLAIM_SERIES]
    colours = [DATA_COLOUR, PALETTE[2], SECONDARY_COLOUR, CLAIM_COLOUR]
    legend, highlighted = legend_highlight("series")
    x = alt.X("year:Q", title="Year", axis=alt.Axis(format="d", tickCount=8, labelOverlap="greedy"), scale=alt.Scale(domain=[1945, 2032], nice=False))
    y = alt.Y("average_gw:Q", title="Average power over the year (GW)", scale=alt.Scale(domain=[0, 550]))
    # One legend entry a line, so that the legend fits a phone's width.
    colour = alt.Color("series:N", title=None, scale=alt.Scale(domain=domain, range=colours), legend=alt.Legend(columns=1))
    tooltip = [
        alt.Tooltip("series:N", title="Series"),
        alt.Tooltip("detail:N", title="Figure"),
        alt.Tooltip("year:Q", title="Year", format="d"),
        alt.Tooltip("average_gw:Q", title="Average power (GW)", format=",.1f"),
        alt.Tooltip("upper_gw:Q", title="Upper end (GW)", format=",.1f"),
        alt.Tooltip("twh:Q", title="Energy (TWh per year)", format=",.1f"),
    ]
    # Layers carry no data of their own: the frame is given once, to the layer chart, so that
    # composing layers does not copy it (Altair deep-copies a chart's data at every step).
    base = alt.Chart().encode(x=x, y=y, color=colour, opacity=highlighted)
    is_measured = alt.FieldOneOfPredicate(field="series", oneOf=list(GENERATION_LABELS.values()))
    is_claim = alt.FieldEqualPredicate(field="series", equal=CLAIM_SERIES)
    is_dc = alt.FieldEqualPredicate(field="series", equal=DATACENTRE_LABEL)
    lines = base.transform_filter(is_measured).mark_line(point=alt.OverlayMarkDef(size=18)).encode(tooltip=tooltip)
    claim_rules = base.transform_filter(is_claim).mark_rule(strokeDash=[6, 4], strokeWidth=2).encode(x=alt.value(0), x2=alt.value("width"), tooltip=tooltip)
    claim_labels = (
        base.transform_filter(is_claim)
        .mark_text(align="left", dx=4, dy=-7, fontWeight="bold")
        .encode(text=alt.Text("detail:N"))
    )
    dc_points = base.transform_filter(is_dc).mark_point(shape="square", size=60, filled=True).encode(tooltip=tooltip)
    dc_ranges = base.transform_filter(is_dc).transform_filter("isValid(datum.upper_gw)").mark_rule(strokeWidth=3).encode(y2="upper_gw:Q", tooltip=tooltip)
    return alt.layer(lines, claim_rules, claim_labels, dc_points, dc_ranges, data=frame).add_params(legend).properties(
        width="container", height=360
    )


def generation_description(generation: pd.DataFrame, datacentres: pd.DataFrame) -> str:
    f = c14_figures(generation)
    eia = series_of(generation, EIA_SERIES)
    owid = series_of(generation, OWID_SERIES)
    dc = datacentres.dropna(subset=["average_gw"])
    lbnl_last = dc.loc[(dc["report"] == LBNL_REPORT) & (dc["bound"] == "estimate")].iloc[-1]
    projected = dc.loc[dc["bound"].isin(["low", "high"])]
    return (
        f"Line chart of US electricity generation expressed as average power in gigawatts, EIA from "
        f"{int(eia['year'].min())} to {int(eia['year'].max())} and OWID from {int(owid['year'].min())} to "
        f"{int(owid['year'].max())}. Generation rises to about {f['eia_gw']:.0f} GW in {f['eia_year']} (EIA) and "
        f"{f['owid_gw']:.0f} GW in {f['owid_year']} (OWID); before {SOURCES_AGREE_FROM} OWID is "
        f"{f['narrowest_gap_share_before_2000']:.0%} to {f['widest_gap_share']:.0%} higher than EIA, since {SOURCES_AGREE_FROM} "
        f"within {f['max_gap_share_since_2000']:.0%}. Dashed lines mark the article's "
        f"{ARTICLE_US_PRODUCTION_GW:.0f} GW, first reached in {f['first_year_at_claim']}, and its "
        f"{ARTICLE_AI_GW:.0f} GW for AI. Grey squares are data-centre estimates quoted by the press: "
        f"{lbnl_last['average_gw']:.0f} GW on average in {int(lbnl_last['year'])} (LBNL) and a projected "
        f"{projected['average_gw'].min():.0f} to {projected['average_gw'].max():.0f} GW in "
        f"{int(projected['year'].max())}."
    )


POWER_KINDS = ("The article", "News reports (secondary)", "Measured")
# Short names, so that "name: value" fits above its stem on a phone.
ITEM_CLAIM_SITE = "Article: data centre"
ITEM_SITE = "Announced: full site"
ITEM_PHASE = "Announced: first phase"
ITEM_US = "US generation"


def powers_frame(generation: pd.DataFrame, quotes: pd.DataFrame, datacentres: pd.DataFrame) -> pd.DataFrame:
    """The powers in play, in watts: the article's figures, what the reports said, measured US averages."""
    f = c11_figures(quotes)
    owid = last_year_before(generation, OWID_SERIES, ARTICLE_YEAR)
    lbnl = datacentres.loc[(datacentres["report"] == LBNL_REPORT) & (datacentres["bound"] == "estimate")].dropna(subset=["average_gw"]).iloc[-1]
    rows = [
        ("The article", ITEM_CLAIM_SITE, to_watts(ARTICLE_SITE_TW, "TW")),
        ("The article", "Article: first phase", to_watts(ARTICLE_FIRST_PHASE_TW, "TW")),
        ("The article", "Article: US production", to_watts(ARTICLE_US_PRODUCTION_GW, "GW")),
        ("The article", "Article: power for AI", to_watts(ARTICLE_AI_GW, "GW")),
        ("News reports (secondary)", "Musk's slip, corrected", to_watts(f["slip_gw"], "GW")),
        ("News reports (secondary)", ITEM_SITE, to_watts(f["site_mw"], "MW")),
        ("News reports (secondary)", ITEM_PHASE, to_watts(f["phase_mw"], "MW")),
        ("Measured", f"{ITEM_US}, {int(owid['year'])}", to_watts(float(owid["average_gw"]), "GW")),
        ("Measured", f"US data centres, {int(lbnl['year'])}", to_watts(float(lbnl["average_gw"]), "GW")),
    ]
    frame = pd.DataFrame(rows, columns=["kind", "item", "watts"])
    frame["label"] = frame["watts"].map(format_power)
    claim = frame["item"] == ITEM_CLAIM_SITE
    exponent = str(round(math.log10(f["site_factor"]))).translate(SUPERSCRIPT)
    frame.loc[claim, "label"] = f"{frame.loc[claim, 'label'].iloc[0]} = 10{exponent} × {format_power(to_watts(f['site_mw'], 'MW'))}"
    return frame.sort_values("watts", ascending=False).reset_index(drop=True)


def powers_chart(frame: pd.DataFrame):
    """The powers on one logarithmic axis, each row named above its stem so that the plot keeps its width."""
    import altair as alt

    from ..charts import CLAIM_COLOUR, DATA_COLOUR, SECONDARY_COLOUR

    low, high = 1e7, 1e15
    frame = frame.assign(
        rank=range(len(frame)),
        caption=frame["item"] + ": " + frame["label"],
        start=low,
    )
    base = alt.Chart().encode(
        y=alt.Y("rank:O", title=None, axis=None),
        color=alt.Color(
            "kind:N",
            title=None,
            scale=alt.Scale(domain=list(POWER_KINDS), range=[CLAIM_COLOUR, SECONDARY_COLOUR, DATA_COLOUR]),
            legend=alt.Legend(orient="bottom", direction="vertical"),
        ),
        tooltip=[
            alt.Tooltip("item:N", title="What"),
            alt.Tooltip("label:N", title="Power"),
            alt.Tooltip("kind:N", title="From"),
        ],
    )
    x = alt.X(
        "watts:Q",
        title="Power (W, log scale; gridlines ×10)",
        scale=alt.Scale(type="log", domain=[low, high]),
        axis=alt.Axis(
            labelExpr="format(datum.value, '~s') + 'W'",
            values=[10.0**k for k in range(7, 16)],
            labelOverlap="greedy",
            grid=True,
        ),
    )
    dots = base.mark_point(size=110, filled=True, opacity=1).encode(x=x)
    stems = base.mark_rule(strokeWidth=2, opacity=0.5).encode(x=alt.X("start:Q", scale=alt.Scale(type="log", domain=[low, high])), x2="watts:Q")
    captions = base.mark_text(align="left", baseline="bottom", dy=-7, fontSize=11).encode(
        x=alt.X("start:Q", scale=alt.Scale(type="log", domain=[low, high])), text="caption:N"
    )
    # Dots first, so that the legend shows their symbol rather than a faint stem.
    return alt.layer(dots, stems, captions, data=frame).properties(width="container", height=alt.Step(44))


def claim_over_us_generation(frame: pd.DataFrame) -> float:
    """How many times the average US generation the article's data centre would be."""
    claim = frame.loc[frame["item"] == ITEM_CLAIM_SITE, "watts"].iloc[0]
    us = frame.loc[frame["item"].str.startswith(ITEM_US), "watts"].iloc[0]
    return float(claim / us)


def powers_description(frame: pd.DataFrame) -> str:
    def watts(item: str) -> float:
        return float(frame.loc[frame["item"] == item, "watts"].iloc[0])

    site, claim = watts(ITEM_SITE), watts(ITEM_CLAIM_SITE)
    us = frame.loc[frame["item"].str.startswith(ITEM_US)].iloc[0]
    return (
        f"Dot chart on a logarithmic scale of the powers involved, from {format_power(frame['watts'].min())} to "
        f"{format_power(frame['watts'].max())}. The announced data centre is {format_power(site)}, its first phase "
        f"{format_power(watts(ITEM_PHASE))}; the article's {format_power(claim)} is "
        f"{claim / site:,.0f} times larger, and about {claim / us['watts']:,.0f} times the average power of all US "
        f"electricity generation ({us['label']} on average in {us['item'].split(', ')[1]})."
    )


WEEKLY_KEY = ("United States", "United Kingdom", "World")
OTHERS_GREY = "#999999"
OTHER_ENTITIES = "Others"
CHOSEN = "Chosen country"
CLAIM_WEEK_LABEL = f"Article: {ARTICLE_HOURS_PER_DAY:.0f} h × {WORKDAYS_PER_WEEK} days"


def weekly_chart_frame(weekly: pd.DataFrame) -> pd.DataFrame:
    long = weekly.melt(
        id_vars=["entity", "entity_type", "year"],
        value_vars=["hours_per_week_all", "hours_per_week_men", "hours_per_week_women"],
        var_name="workers",
        value_name="hours_per_week",
    ).dropna(subset=["hours_per_week"])
    long["workers"] = long["workers"].map(
        {"hours_per_week_all": "all", "hours_per_week_men": "men (2000)", "hours_per_week_women": "women (2000)"}
    )
    claim = pd.DataFrame(
        {
            "entity": [CLAIM_WEEK_LABEL],
            "entity_type": ["claim"],
            "year": [int(weekly["year"].min())],
            "workers": ["all"],
            "hours_per_week": [ARTICLE_HOURS_PER_DAY * WORKDAYS_PER_WEEK],
        }
    )
    return pd.concat([long, claim], ignore_index=True)


def weekly_chart(weekly: pd.DataFrame, default_country: str | None = None):
    """Weekly hours 1870-2000 by country, three series in colour, any other chosen from a menu; the claim as a rule."""
    import altair as alt

    from ..charts import CLAIM_COLOUR, DATA_COLOUR, PALETTE

    frame = weekly_chart_frame(weekly)
    countries = sorted(weekly.loc[weekly["entity_type"] == "country", "entity"].unique())
    others = [c for c in countries if c not in WEEKLY_KEY]
    if default_country is None:
        first = weekly.loc[weekly["year"] == weekly["year"].min()].dropna(subset=["hours_per_week_all"])
        default_country = first.loc[first["entity"].isin(others)].sort_values("hours_per_week_all").iloc[-1]["entity"]
    chosen = alt.param(name="country", value=default_country, bind=alt.binding_select(options=others, name="Highlight a country: "))
    shown = (
        f"indexof({list(WEEKLY_KEY)!r}, datum.entity) >= 0 ? datum.entity : "
        f"(datum.entity == country ? '{CHOSEN}' : '{OTHER_ENTITIES}')"
    )
    domain = [*WEEKLY_KEY, CHOSEN, OTHER_ENTITIES]
    # No black or white: the page may be in dark mode. The others are a mid grey, made faint.
    colours = [DATA_COLOUR, PALETTE[2], PALETTE[4], PALETTE[5], OTHERS_GREY]
    x = alt.X("year:Q", title="Year", axis=alt.Axis(format="d"), scale=alt.Scale(domain=[1865, 2005], nice=False))
    y = alt.Y("hours_per_week:Q", title="Hours of work per week (full-time production workers)", scale=alt.Scale(domain=[0, 100]))
    tooltip = [
        alt.Tooltip("entity:N", title="Country or average"),
        alt.Tooltip("year:Q", title="Year", format="d"),
        alt.Tooltip("workers:N", title="Workers"),
        alt.Tooltip("hours_per_week:Q", title="Hours per week", format=".1f"),
    ]
    data = alt.Chart().transform_filter("datum.entity_type != 'claim'").transform_calculate(shown=shown)
    colour = alt.Color("shown:N", title=None, scale=alt.Scale(domain=domain, range=colours), legend=alt.Legend(columns=2))
    highlighted = alt.datum.shown != OTHER_ENTITIES
    lines = (
        data.transform_filter(alt.datum.workers == "all")
        .mark_line(point=alt.OverlayMarkDef(size=16))
        .encode(
            x=x,
            y=y,
            detail="entity:N",
            color=colour,
            strokeWidth=alt.condition(highlighted, alt.value(2.5), alt.value(1)),
            opacity=alt.condition(highlighted, alt.value(1), alt.value(0.5)),
            order=alt.Order("year:Q"),
            tooltip=tooltip,
        )
    )
    by_sex = (
        data.transform_filter(alt.datum.workers != "all")
        .transform_filter(highlighted)
        .mark_point(filled=True, size=60)
        .encode(
            x=x,
            y=y,
            color=colour,
            shape=alt.Shape(
                "workers:N",
                title=None,
                scale=alt.Scale(range=["triangle-up", "triangle-down"]),
                # Inside the empty lower left of the plot, so that it never runs off a narrow screen.
                legend=alt.Legend(orient="bottom-left", padding=4, symbolFillColor=OTHERS_GREY, symbolStrokeColor=OTHERS_GREY),
            ),
            tooltip=tooltip,
        )
    )
    claim = alt.Chart().transform_filter("datum.entity_type == 'claim'")
    claim_rule = claim.mark_rule(color=CLAIM_COLOUR, strokeDash=[6, 4], strokeWidth=2).encode(y=y, tooltip=tooltip)
    claim_label = claim.mark_text(color=CLAIM_COLOUR, align="left", dx=4, dy=-7, fontWeight="bold").encode(
        x=x, y=y, text=alt.value(f"{CLAIM_WEEK_LABEL} = {ARTICLE_HOURS_PER_DAY * WORKDAYS_PER_WEEK:.0f} h")
    )
    return (
        alt.layer(lines, by_sex, claim_rule, claim_label, data=frame)
        .add_params(chosen)
        .properties(width="container", height=360)
    )


def weekly_description(weekly: pd.DataFrame, annual: pd.DataFrame) -> str:
    f = hours_figures(weekly, annual)
    last = weekly.loc[(weekly["year"] == f["last_total_year"]) & weekly["entity"].isin(WEEKLY_KEY)].set_index("entity")
    return (
        f"Line chart of weekly hours of full-time production workers in {f['n_countries']} countries and sample "
        f"averages, {f['first_year']} to 2000. In {f['first_year']} the United States stood at "
        f"{f['us_first_week']:.1f} hours, the United Kingdom at {f['uk_first_week']:.1f} and the sample average at "
        f"{f['world_first_week']:.1f}, the highest being {f['longest_first_entity']} at {f['longest_first_week']:.1f}; "
        f"by {f['last_total_year']} they were {last.loc['United States', 'hours_per_week_all']:.1f}, "
        f"{last.loc['United Kingdom', 'hours_per_week_all']:.1f} and {last.loc['World', 'hours_per_week_all']:.1f}. "
        f"A dashed line at {f['claim_per_week']:.0f} hours shows what {ARTICLE_HOURS_PER_DAY:.0f} hours a day over "
        f"{WORKDAYS_PER_WEEK} days would be; "
        f"the highest value of any series in any year is {f['highest_week']:.1f} hours. For 2000 only separate "
        "figures for men and women exist, shown as triangles."
    )


def annual_chart(annual: pd.DataFrame):
    """Annual hours per worker: UK and US 1870-2017, other countries 1870-1938; each source its own line."""
    import altair as alt

    from ..charts import DATA_COLOUR, PALETTE

    domain = [*KEY_COUNTRIES, "Other countries (to 1938)"]
    frame = annual.assign(shown=annual["entity"].where(annual["entity"].isin(KEY_COUNTRIES), domain[-1]))
    highlight = alt.selection_point(fields=["entity"], on="pointerover", clear="pointerout")
    x = alt.X("year:Q", title="Year", axis=alt.Axis(format="d"), scale=alt.Scale(domain=[1865, 2020], nice=False))
    y = alt.Y("hours_per_year:Q", title="Hours worked per worker per year", scale=alt.Scale(domain=[0, 3600]))
    colour = alt.Color("shown:N", title=None, scale=alt.Scale(domain=domain, range=[DATA_COLOUR, PALETTE[2], OTHERS_GREY]))
    tooltip = [
        alt.Tooltip("entity:N", title="Country"),
        alt.Tooltip("year:Q", title="Year", format="d"),
        alt.Tooltip("hours_per_year:Q", title="Hours per worker per year", format=",.0f"),
        alt.Tooltip("series:N", title="Estimate"),
    ]
    lines = (
        alt.Chart(frame)
        .mark_line(point=alt.OverlayMarkDef(size=14))
        .encode(
            x=x,
            y=y,
            color=colour,
            # One line per country and per estimate: the gap between 1938 and 1950 stays a gap.
            detail=alt.Detail(["entity:N", "series:N"]),
            strokeWidth=alt.condition(highlight, alt.value(4), alt.value(2), empty=False),
            opacity=alt.condition(alt.FieldOneOfPredicate(field="entity", oneOf=list(KEY_COUNTRIES)), alt.value(1), alt.value(0.6)),
            tooltip=tooltip,
        )
        .add_params(highlight)
    )
    return lines.properties(width="container", height=320)


def annual_description(weekly: pd.DataFrame, annual: pd.DataFrame) -> str:
    f = hours_figures(weekly, annual)
    early = annual.loc[~annual["entity"].isin(KEY_COUNTRIES)].pivot(index="entity", columns="year", values="hours_per_year")
    early_fell = int((early[LAST_HM_YEAR] < early[f["first_annual_year"]]).sum())
    return (
        f"Line chart of average annual hours worked per worker. The United States falls from "
        f"{f['us_annual_first']:,.0f} hours in {f['first_annual_year']} to {f['us_annual_last']:,.0f} in "
        f"{f['last_annual_year']} ({f['us_change_long']:.0%}), the United Kingdom from {f['uk_annual_first']:,.0f} to "
        f"{f['uk_annual_last']:,.0f} ({f['uk_change_long']:.0%}); grey lines show {len(early)} other countries from "
        f"{f['first_annual_year']} to {LAST_HM_YEAR}, of which {early_fell} worked fewer hours at the end. The series "
        f"changes source after {LAST_HM_YEAR}, left as a gap; "
        f"since {EMAIL_ERA_START} the change is small ({f['us_change_email']:.1%} in the United States, "
        f"{f['uk_change_email']:.1%} in the United Kingdom)."
    )


# === Exercises =================================================================================


# The parameters of the exercises, so that the questions and the answers cannot drift apart.
EXERCISE_GENERATION_YEAR = 2024
EXERCISE_LEAP_YEAR = 2020
EXERCISE_HOURS_YEAR = 1870


@expects(
    "scale-datacentre-share-2024",
    level="advanced",
    hint=(
        "Take the LBNL 2028 'high' electricity_twh from us_datacentre_electricity and divide it by the OWID "
        "generation_twh for 2024 in us_electricity_generation."
    ),
)
def datacentre_high_share_of_2024() -> float:
    dc = _load(DATACENTRES.name)
    gen = _load(GENERATION.name)
    high = dc.loc[(dc["report"] == LBNL_REPORT) & (dc["bound"] == "high"), "electricity_twh"].iloc[0]
    owid_2024 = gen.loc[(gen["source"] == OWID_SERIES) & (gen["year"] == EXERCISE_GENERATION_YEAR), "generation_twh"].iloc[0]
    return float(high / owid_2024)


@expects(
    "scale-leap-year-2020",
    level="introductory",
    hint="2020 is a leap year: 366 days × 24 hours. Divide the EIA 2020 generation_twh × 1000 by that.",
)
def eia_2020_average_gw() -> float:
    gen = _load(GENERATION.name)
    row = gen.loc[(gen["source"] == EIA_SERIES) & (gen["year"] == EXERCISE_LEAP_YEAR)].iloc[0]
    return twh_to_average_gw(float(row["generation_twh"]), EXERCISE_LEAP_YEAR)


@expects(
    "scale-longest-week-1870",
    level="intermediate",
    hint="Keep the countries (entity_type == 'country') in 1870, take the largest hours_per_week_all and divide by 6.",
)
def longest_1870_day() -> float:
    weekly = _load(WEEKLY_HOURS.name)
    first = weekly.loc[(weekly["year"] == EXERCISE_HOURS_YEAR) & (weekly["entity_type"] == "country"), "hours_per_week_all"]
    return per_day(float(first.max()))


def steps_markdown(steps: pd.DataFrame) -> str:
    """A steps table (Step, Computation, Result) as a MyST table for the chapter's prose."""
    lines = ["| " + " | ".join(steps.columns) + " |", "|" + "---|" * len(steps.columns)]
    for row in steps.itertuples(index=False):
        # "$" would open inline maths in MyST; "|" would end a cell.
        lines.append("| " + " | ".join(str(cell).replace("|", "\\|").replace("$", "\\$") for cell in row) + " |")
    return "\n".join(lines)
