"""Scale, tables: units, vocabularies, the five tables' schemas and sources, each declared right
above the function that derives it, and the ``DATASET``.

The rules follow ``../shared/sources/extra``'s SOURCE.md:

* A year of generation in TWh becomes an average power in GW with the real number of hours in
  that year (8,784 in a leap year, not 8,760). Before 2000 OWID uses the Energy Institute's
  totals, which differ from the EIA's: both are kept, each under its own source.
* Huberman and Minns' weekly hours are for full-time production workers, 1870-2000; for 2000
  OWID gives men and women separately, not a total. OWID stored the values as 32-bit floats
  (56.900002): they are rounded back to the one decimal of the source, and rejected if that
  rounding would change them by more than float noise.
* Annual hours per worker: 1870-1938 from Huberman and Minns, 1950 onwards from the Penn World
  Table; the two are different measures joined by OWID, so the table says which is which.
"""

from __future__ import annotations

import calendar
import re
from pathlib import Path

import pandas as pd

from ...datapackage import DataError, Field, Source, Table
from ...datasets import Dataset
from ...refresh import NoJump, Revised, SpanKept, Within
from .raw import (
    ANNOUNCEMENT_FILE,
    ANNUAL_HOURS_FILE,
    ANNUAL_HOURS_FULL_FILE,
    ANNUAL_HOURS_HM_FILE,
    DATACENTRE_FILE,
    HM_FILE,
    MER_FILE,
    NUMBER,
    OWID_CODEBOOK_FILE,
    OWID_ENERGY_EXCERPT,
    OWID_ENERGY_FILE,
    eia_net_generation_twh,
    locate,
    owid_generation_twh,
    quote_blocks,
    remote,
)
from .working_hours import ANNUAL_HOURS, WEEKLY_HOURS, annual_hours, annual_hours_from_export, weekly_hours

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
        Field(
            "source",
            "string",
            "Publisher and series of the figure",
            constraints={"required": True, "enum": list(SOURCES_ORDER)},
        ),
        Field("year", "year", "Calendar year", constraints={"required": True}),
        Field(
            "generation_twh",
            "number",
            "Electricity generated in the year",
            unit="TWh per year",
            constraints={"minimum": 0, "required": True},
        ),
        Field(
            "hours_in_year",
            "integer",
            "Hours in the calendar year (8,760, or 8,784 in a leap year)",
            unit="hours",
            constraints={"minimum": 8760, "maximum": 8784, "required": True},
        ),
        Field(
            "average_gw",
            "number",
            "generation_twh x 1000 / hours_in_year: the constant power that would generate as much",
            unit="GW (average over the year)",
            constraints={"minimum": 0, "required": True},
        ),
    ),
    primary_key=("source", "year"),
    sources=(EIA_SOURCE, OWID_ENERGY_SOURCE),
    # A plausible refresh: each publisher's span stays (a file cut short loses its first or last
    # years), US generation stays between 100 and 10,000 TWh and moves by less than half from one
    # year to the next (a GWh or MWh slip would not), and a year's figure is revised by 10% at most.
    checks=(
        SpanKept("year", series=("source",)),
        Within("generation_twh", 100, 10_000),
        NoJump("generation_twh", along="year", within=("source",), factor=1.5),
        Revised(("generation_twh",), at_most=0.1),
    ),
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
                    "average_gw": [
                        round(twh_to_average_gw(t, y), 4)
                        for t, y in zip(frame["generation_twh"], frame["year"], strict=True)
                    ],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


# --- Table: data-centre electricity estimates (secondary) -----------------------------------

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


def _number(text: str) -> float:
    return float(text.replace(",", ""))


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
        Field(
            "year",
            "year",
            "Year the figure refers to (a projection when after the report)",
            constraints={"required": True},
        ),
        Field(
            "bound",
            "string",
            "estimate, or the low or high end of a projected range",
            constraints={"required": True, "enum": ["estimate", "low", "high"]},
        ),
        Field(
            "electricity_twh", "number", "Data-centre electricity use", unit="TWh per year", constraints={"minimum": 0}
        ),
        Field(
            "share_of_us_electricity",
            "number",
            "Share of total US electricity (generation, demand or load, as the source words it)",
            unit="fraction (0-1)",
            constraints={"minimum": 0, "maximum": 1},
        ),
        Field(
            "capacity_gw",
            "number",
            "Power capacity the source says would be required",
            unit="GW (capacity)",
            constraints={"minimum": 0},
        ),
        Field(
            "average_gw",
            "number",
            "electricity_twh x 1000 / hours in the year (derived)",
            unit="GW (average over the year)",
            constraints={"minimum": 0},
        ),
        Field(
            "status",
            "string",
            "secondary: quoted by a third party, the report itself not seen",
            constraints={"required": True, "enum": ["primary", "secondary", "inferred"]},
        ),
        Field(
            "source_url", "string", "Address(es) of the page(s) quoted, space-separated", constraints={"required": True}
        ),
    ),
    primary_key=("report", "year", "bound"),
    sources=(DATACENTRE_SOURCE,),
)


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
                raise DataError(
                    f"{path.name}: {report} {year} {bound}: {name} is {row[name]} in one quote, {value} in [{ref}]"
                )
            row[name] = value
        if blocks[ref].url not in row["urls"]:
            row["urls"].append(blocks[ref].url)

    def find(ref: str, pattern: str) -> re.Match:
        return locate(blocks, ref, pattern, filename=path.name)

    n = NUMBER
    m = find(
        "A",
        rf"climbed from (?P<a>{n}) TWh in (?P<ya>\d{{4}}) to (?P<b>{n}) TWh in (?P<yb>\d{{4}}) and estimates an increase between (?P<lo>{n}) to (?P<hi>{n}) TWh by (?P<yc>\d{{4}})",
    )
    put(LBNL_REPORT, m["ya"], "estimate", "A", electricity_twh=_number(m["a"]))
    put(LBNL_REPORT, m["yb"], "estimate", "A", electricity_twh=_number(m["b"]))
    put(LBNL_REPORT, m["yc"], "low", "A", electricity_twh=_number(m["lo"]))
    put(LBNL_REPORT, m["yc"], "high", "A", electricity_twh=_number(m["hi"]))
    m = find(
        "A",
        rf"consumed about (?P<s>{n})% of total U\.S\. electricity in (?P<y>\d{{4}}) and are expected to consume approximately (?P<lo>{n}) to (?P<hi>{n})% of total U\.S\. electricity by (?P<y2>\d{{4}})",
    )
    put(LBNL_REPORT, m["y"], "estimate", "A", share_of_us_electricity=_number(m["s"]) / 100)
    put(LBNL_REPORT, m["y2"], "low", "A", share_of_us_electricity=_number(m["lo"]) / 100)
    put(LBNL_REPORT, m["y2"], "high", "A", share_of_us_electricity=_number(m["hi"]) / 100)
    m = find("B", rf"(?P<t>{n}) TWh of electricity in (?P<y>\d{{4}}), or (?P<s>{n})% of total U\.S\. power demand")
    put(
        LBNL_REPORT,
        m["y"],
        "estimate",
        "B",
        electricity_twh=_number(m["t"]),
        share_of_us_electricity=_number(m["s"]) / 100,
    )
    m = find(
        "B",
        rf"by (?P<y>\d{{4}}), or {n} to {n}% of total U\.S\. energy demand\. The power capacity required to produce that much electricity could run from (?P<lo>{n}) to (?P<hi>{n}) GW",
    )
    put(LBNL_REPORT, m["y"], "low", "B", capacity_gw=_number(m["lo"]))
    put(LBNL_REPORT, m["y"], "high", "B", capacity_gw=_number(m["hi"]))
    m = find("E", rf"anywhere from (?P<lo>{n})% to (?P<hi>{n})% of US electricity generation by (?P<y>\d{{4}})")
    put(EPRI_2024, m["y"], "low", "E", share_of_us_electricity=_number(m["lo"]) / 100)
    put(EPRI_2024, m["y"], "high", "E", share_of_us_electricity=_number(m["hi"]) / 100)
    m = find(
        "F",
        rf"from a (?P<y>\d{{4}}) baseline of roughly (?P<t>{n}) TWh/year — about (?P<s>{n})% of national electricity",
    )
    put(
        EPRI_2024,
        m["y"],
        "estimate",
        "F",
        electricity_twh=_number(m["t"]),
        share_of_us_electricity=_number(m["s"]) / 100,
    )
    m = find("G", rf"could consume (?P<lo>{n})%-(?P<hi>{n})% of U\.S\. electricity generation by (?P<y>\d{{4}})")
    put(EPRI_2026, m["y"], "low", "G", share_of_us_electricity=_number(m["lo"]) / 100)
    put(EPRI_2026, m["y"], "high", "G", share_of_us_electricity=_number(m["hi"]) / 100)

    frame = pd.DataFrame(rows.values())
    for column in ("electricity_twh", "share_of_us_electricity", "capacity_gw"):
        if column not in frame:
            frame[column] = float("nan")
    frame["average_gw"] = [
        round(twh_to_average_gw(t, y), 4) if pd.notna(t) else float("nan")
        for t, y in zip(frame["electricity_twh"], frame["year"], strict=True)
    ]
    frame["status"] = "secondary"
    frame["source_url"] = frame.pop("urls").map(" ".join)
    frame["order"] = frame["report"].map({LBNL_REPORT: 0, EPRI_2024: 1, EPRI_2026: 2})
    frame["bound_order"] = frame["bound"].map({"estimate": 0, "low": 1, "high": 2})
    frame = frame.sort_values(["order", "year", "bound_order"])
    return frame[DATACENTRES.columns].reset_index(drop=True)


# --- Table: the xAI-HUMAIN announcement (secondary) -----------------------------------------

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
    (
        ON_STAGE_SLIP,
        "1",
        rf"joking that the deal was for (?P<value>{NUMBER}) (?P<unit>gigawatts), rather than the actual amount",
    ),
    (
        ON_STAGE_SLIP,
        "2",
        rf"misstated the data centre's power level as (?P<value>{NUMBER}) (?P<unit>gigawatts) before correcting himself",
    ),
    (
        ON_STAGE_SLIP,
        "3",
        rf"calling it a \"(?P<value>{NUMBER})-(?P<unit>gigawatt)\" project, before correcting himself",
    ),
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
        Field(
            "figure",
            "string",
            "What the power refers to",
            constraints={"required": True, "enum": [FULL_SITE, FIRST_PHASE, ON_STAGE_SLIP]},
        ),
        Field(
            "report",
            "integer",
            "Number of the quotation block in the excerpt file",
            constraints={"required": True, "minimum": 1},
        ),
        Field(
            "power_mw",
            "number",
            "The power stated, converted to megawatts",
            unit="MW",
            constraints={"required": True, "minimum": 0},
        ),
        Field("unit_as_written", "string", "The unit as the report writes it", constraints={"required": True}),
        Field("quote", "string", "The report's wording that states the figure", constraints={"required": True}),
        Field(
            "status",
            "string",
            "secondary: a news report, not an official release",
            constraints={"required": True, "enum": ["primary", "secondary", "inferred"]},
        ),
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


# --- The dataset ------------------------------------------------------------------------------


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


DATASET = Dataset(
    name="extra",
    title="Scale: US electricity, the Saudi data centre, data-centre demand and working hours",
    tables=(GENERATION, DATACENTRES, ANNOUNCEMENT, WEEKLY_HOURS, ANNUAL_HOURS),
    derive=derive,
    remote=remote,
)
