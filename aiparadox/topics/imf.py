"""IMF: who is exposed to AI, how prepared countries are, and where "70% of skills" comes from.

Raw inputs and their traps are described in ``../shared/sources/imf/SOURCE.md``. The rules
followed here:

* **Exposure shares** (SDN/2024/001) exist only as sentences. Each figure is read from the
  excerpt file by locating the sentence it stands in: the sentence is declared with its figures
  replaced by named slots, so the number in the table is the one in the file, never one typed
  here. Each row keeps the status SOURCE.md gives it: the note's Executive Summary is
  *primary*; the complementarity split and the per-country shares are *secondary* (a third
  party quoting the middle of the note, which we could not read), as are the blog mirrors.
* **AIPI values** are the IMF DataMapper series AI_PI, DI, HCLMP, IEI and RE. Our copy came
  through a third party's reshaping (FutureGrid), which dropped the year key; the year is taken
  from that file's metadata. :func:`parse_datamapper_v1` reads the DataMapper's own JSON shape,
  so that a later ``data fetch`` can refresh the table from the API and feed the same code.
* **Groups** (advanced, emerging market, low-income) come from the ``type`` column of the IMF's
  own ``aipidata.xlsx``. The key order of the FutureGrid file is *not* used as a classification.
  Every value is cross-checked against the workbook; a disagreement stops the derivation unless
  it is one of the documented ones in :data:`WORKBOOK_DIFFERENCES`.
* The four sub-indices are contributions that add up to the composite (checked); they are not
  separate 0-1 scores. Economies without a composite stay without one: nothing is imputed.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..datapackage import DataError, Field, Source, Table
from ..datasets import Dataset
from ..exercises import Mistake, anticipates, expects, written
from ..ledger import assesses

# --- Raw files ------------------------------------------------------------------------------
SDN_EXCERPTS = "page_imf_sdn2024001_text_excerpts.txt"
BLOG_JANUARY_EXCERPTS = "page_imf_blog_2024-01-14_georgieva_mirrors.txt"
BLOG_JUNE_EXCERPTS = "page_imf_blog_2024-06_aipi_mirrors.txt"
LINKEDIN_EXCERPTS = "page_linkedin_70pct_skills.txt"
FUTUREGRID_FILE = "futuregrid_global-ai-metrics_cff3c78.json"
WORKBOOK_FILE = "imf_aipidata_xlsx_copy_orelafifo-AI-ANALYSIS_d8c645d.xlsx"
GROUPS_RESPONSE = "datamapper_api_v1_groups_response_via_softeer_0e747dc.json"
REGIONS_RESPONSE = "datamapper_api_v1_regions_response_via_softeer_0e747dc.json"
# What ``data fetch`` saves from the IMF itself (see :func:`remote`); when present, these are read
# instead of the third-party copies above.
FETCHED_WORKBOOK = "aipidata.xlsx"
FETCHED_GROUPS = "datamapper_api_v1_groups.json"
FETCHED_REGIONS = "datamapper_api_v1_regions.json"
EXCERPT_FILES = "page_*.txt"


def fetched_indicator_file(indicator: str) -> str:
    return f"datamapper_api_v1_AIPI_{indicator}.json"


def first_present(folder: Path, *names: str) -> str:
    """The first of ``names`` that exists in ``folder`` (the fetched file before the stored copy)."""
    for name in names:
        if (Path(folder) / name).is_file():
            return name
    raise DataError(f"none of {list(names)} in {folder}")

STATUSES = ("primary", "secondary", "inferred")

# --- Locating quoted figures ----------------------------------------------------------------
SLOT = re.compile(r"\{(\w+)\}")
FIGURE = r"\d+(?:\.\d+)?"


def _squash(text: str) -> str:
    """Whitespace as a reader sees it: excerpt files wrap long quotations over indented lines."""
    return re.sub(r"\s+", " ", text)


def template_pattern(template: str) -> re.Pattern[str]:
    """A sentence with ``{slot}`` placeholders as a regex whose named groups capture the figures."""
    parts, last = [], 0
    for match in SLOT.finditer(template):
        parts.append(re.escape(_squash(template[last : match.start()])))
        parts.append(f"(?P<{match.group(1)}>{FIGURE})")
        last = match.end()
    parts.append(re.escape(_squash(template[last:])))
    # re.escape turns a single space into "\ "; any run of whitespace in the file is one space after _squash.
    return re.compile("".join(parts))


def read_text(folder: Path, filename: str) -> str:
    path = Path(folder) / filename
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{filename}: not found in {folder}") from None
    except UnicodeDecodeError as exc:
        raise DataError(f"{filename}: not UTF-8 text ({exc})") from None


def locate(text: str, template: str, filename: str) -> tuple[str, dict[str, float]]:
    """Find the quoted sentence in a file's text; return it as written and the figures in its slots."""
    pattern = template_pattern(template)
    matches = list(pattern.finditer(_squash(text)))
    if not matches:
        shown = SLOT.sub("…", template)
        raise DataError(f"{filename}: the quoted sentence \"{shown}\" is not in the file")
    readings = {tuple(sorted(m.groupdict().items())) for m in matches}
    if len(readings) > 1:
        raise DataError(f"{filename}: the sentence \"{SLOT.sub('…', template)}\" appears with different figures")
    match = matches[0]
    return match.group(0), {slot: float(value) for slot, value in match.groupdict().items()}


# --- Table 1: exposure shares quoted from the IMF -------------------------------------------
WORLD, ADVANCED, EMERGING, LOW_INCOME = "World", "Advanced economies", "Emerging market economies", "Low-income countries"
UK, US, BRAZIL, INDIA = "United Kingdom", "United States", "Brazil", "India"
ECONOMY_KIND = {
    WORLD: "world",
    ADVANCED: "country group",
    EMERGING: "country group",
    LOW_INCOME: "country group",
    UK: "country",
    US: "country",
    BRAZIL: "country",
    INDIA: "country",
}
EXPOSED = "high exposure, total"
HIGH_COMPLEMENTARITY = "high exposure, high complementarity"
LOW_COMPLEMENTARITY = "high exposure, low complementarity"
CATEGORIES = (EXPOSED, HIGH_COMPLEMENTARITY, LOW_COMPLEMENTARITY)

SDN_SUMMARY = "SDN/2024/001, Executive Summary"
SDN_VIA_AETHER = "SDN/2024/001, text on Figures 1-2, as quoted by the AETHER evidence base"
BLOG_JANUARY = "IMF blog, 14 January 2024 (Georgieva), as mirrored"
BLOG_JUNE = "IMF blog, June 2024 (AIPI launch), as mirrored"


@dataclass(frozen=True)
class QuotedExposure:
    """A sentence in an excerpt file, its figures as slots, and what each slot measures."""

    source_file: str
    document: str
    status: str
    template: str
    slots: dict[str, tuple[str, str]]  # slot -> (economy, category)


EXPOSURE_QUOTES = (
    QuotedExposure(
        SDN_EXCERPTS,
        SDN_SUMMARY,
        "primary",
        "Almost {world} percent of global employment is exposed to AI",
        {"world": (WORLD, EXPOSED)},
    ),
    QuotedExposure(
        SDN_EXCERPTS,
        SDN_SUMMARY,
        "primary",
        "In advanced economies, about {ae} percent of jobs are exposed to AI",
        {"ae": (ADVANCED, EXPOSED)},
    ),
    QuotedExposure(
        SDN_EXCERPTS,
        SDN_SUMMARY,
        "primary",
        "Overall exposure is {em} percent in emerging market economies and {lic} percent in low-income countries.",
        {"em": (EMERGING, EXPOSED), "lic": (LOW_INCOME, EXPOSED)},
    ),
    QuotedExposure(
        SDN_EXCERPTS,
        SDN_VIA_AETHER,
        "secondary",
        "In the average advanced economy, {ae_high} percent of employment is in high-exposure, "
        "high-complementarity occupations, {ae_low} percent in high-exposure, low-complementarity jobs.",
        {"ae_high": (ADVANCED, HIGH_COMPLEMENTARITY), "ae_low": (ADVANCED, LOW_COMPLEMENTARITY)},
    ),
    QuotedExposure(
        SDN_EXCERPTS,
        SDN_VIA_AETHER,
        "secondary",
        "In comparison, emerging market economies have corresponding shares of {em_high} and {em_low} percent, "
        "respectively, and low-income countries have shares of {lic_high} and {lic_low} percent, respectively.",
        {
            "em_high": (EMERGING, HIGH_COMPLEMENTARITY),
            "em_low": (EMERGING, LOW_COMPLEMENTARITY),
            "lic_high": (LOW_INCOME, HIGH_COMPLEMENTARITY),
            "lic_low": (LOW_INCOME, LOW_COMPLEMENTARITY),
        },
    ),
    QuotedExposure(
        SDN_EXCERPTS,
        SDN_VIA_AETHER,
        "secondary",
        "Almost {uk} and {us} percent of UK and US employment, respectively, is in high-exposure occupations",
        {"uk": (UK, EXPOSED), "us": (US, EXPOSED)},
    ),
    QuotedExposure(
        SDN_EXCERPTS,
        SDN_VIA_AETHER,
        "secondary",
        "High-exposure employment in emerging market economies ranges from {bra} percent in Brazil to {ind} percent in India.",
        {"bra": (BRAZIL, EXPOSED), "ind": (INDIA, EXPOSED)},
    ),
    QuotedExposure(
        BLOG_JANUARY_EXCERPTS,
        BLOG_JANUARY,
        "secondary",
        "almost {world}% of global employment is exposed to AI",
        {"world": (WORLD, EXPOSED)},
    ),
    QuotedExposure(
        BLOG_JANUARY_EXCERPTS,
        BLOG_JANUARY,
        "secondary",
        "In advanced economies, about {ae}% of jobs may be impacted by AI.",
        {"ae": (ADVANCED, EXPOSED)},
    ),
    QuotedExposure(
        BLOG_JANUARY_EXCERPTS,
        BLOG_JANUARY,
        "secondary",
        "In emerging markets and low-income countries, by contrast, AI exposure is expected to be {em}% and {lic}%, respectively.",
        {"em": (EMERGING, EXPOSED), "lic": (LOW_INCOME, EXPOSED)},
    ),
    # The June blog says "impact"; its three figures are the low-complementarity column of the
    # note (SOURCE.md 1b reads them as corroborating it), so they are filed under that category.
    QuotedExposure(
        BLOG_JUNE_EXCERPTS,
        BLOG_JUNE,
        "secondary",
        "AI could impact {ae} percent of jobs in advanced economies, {em} percent in emerging economies, "
        "and {lic} percent in low-income countries.",
        {"ae": (ADVANCED, LOW_COMPLEMENTARITY), "em": (EMERGING, LOW_COMPLEMENTARITY), "lic": (LOW_INCOME, LOW_COMPLEMENTARITY)},
    ),
)


def exposure_table(folder: Path, quotes: tuple[QuotedExposure, ...] = EXPOSURE_QUOTES) -> pd.DataFrame:
    """One row per figure per document, each read from the sentence that states it."""
    rows = []
    texts: dict[str, str] = {}
    for quote in quotes:
        if quote.status not in STATUSES:
            raise DataError(f"{quote.source_file}: status {quote.status!r} is not one of {STATUSES}")
        if quote.source_file not in texts:
            texts[quote.source_file] = read_text(folder, quote.source_file)
        text = texts[quote.source_file]
        sentence, figures = locate(text, quote.template, quote.source_file)
        for slot, (economy, category) in quote.slots.items():
            rows.append(
                {
                    "economy": economy,
                    "economy_kind": ECONOMY_KIND[economy],
                    "category": category,
                    "share_pct": figures[slot],
                    "status": quote.status,
                    "document": quote.document,
                    "source_file": quote.source_file,
                    "quote": sentence,
                }
            )
    return pd.DataFrame(rows)


# --- Table 2: LinkedIn's "skills will change" figure, for C16 -------------------------------
@dataclass(frozen=True)
class QuotedSkillsChange:
    report: str
    quoted_at: str  # the page address as written in the excerpt file
    template: str  # with slots {share} and {horizon}


LINKEDIN_QUOTES = (
    QuotedSkillsChange(
        "LinkedIn, Work Change Report: AI Is Coming to Work (January 2025)",
        "https://lppkmi.xyz/?url=https%3A%2F%2Fwww.scribd.com%2Fdocument%2F846367365%2FWork-Change-Report",
        "predicting that by {horizon}, {share}% of job skills will evolve",
    ),
    QuotedSkillsChange(
        "LinkedIn, Work Change Report: AI Is Coming to Work (January 2025)",
        "https://edaith.com/blogs/news/the-need-for-adaptive-professionals-2",
        "By {horizon}, {share}% of the skills used in most jobs will change, with AI emerging as a catalyst",
    ),
    QuotedSkillsChange(
        "LinkedIn, Work Change Report: AI Is Coming to Work (January 2025)",
        "https://dailyaiwire.news/article/linkedin-ai-jobs-data-skill-shift",
        "this figure is projected to surge to {share}% by {horizon} due to AI",
    ),
    QuotedSkillsChange(
        "LinkedIn, Future of Work Report: State of AI @ Work (2023)",
        "https://mb.com.ph/2023/8/17/ai-to-trigger-major-job-market-changes-by-2030-study",
        "Professionals can expect their job responsibilities to change by at least {share} percent by {horizon} due to AI",
    ),
)


def skills_change_table(folder: Path, quotes: tuple[QuotedSkillsChange, ...] = LINKEDIN_QUOTES) -> pd.DataFrame:
    text = read_text(folder, LINKEDIN_EXCERPTS)
    rows = []
    for quote in quotes:
        if quote.quoted_at not in text:
            raise DataError(f"{LINKEDIN_EXCERPTS}: the address {quote.quoted_at} is not in the file")
        sentence, figures = locate(text, quote.template, LINKEDIN_EXCERPTS)
        if not figures["horizon"].is_integer():
            raise DataError(f"{LINKEDIN_EXCERPTS}: \"{sentence}\" does not give a year as its horizon")
        rows.append(
            {
                "report": quote.report,
                "quoted_at": quote.quoted_at,
                "horizon_year": int(figures["horizon"]),
                "share_pct": figures["share"],
                "status": "secondary",
                "source_file": LINKEDIN_EXCERPTS,
                "quote": sentence,
            }
        )
    return pd.DataFrame(rows)


# --- The DataMapper API v1 ------------------------------------------------------------------
DATAMAPPER_API = "https://www.imf.org/external/datamapper/api/v1"
DATAMAPPER_DASHBOARD = "https://www.imf.org/external/datamapper/AI_PI@AIPI/ADVEC/EME/LIC"
AIPI_DATASET = "AIPI"
# The official indicator codes of the AIPI dataset, composite first (SOURCE.md 3a).
AIPI_INDICATORS = ("AI_PI", "DI", "HCLMP", "IEI", "RE")
COMPONENTS = AIPI_INDICATORS[1:]
INDICATOR_LABELS = {
    "AI_PI": "AI Preparedness Index (composite)",
    "DI": "Digital infrastructure",
    "HCLMP": "Human capital and labour market policies",
    "IEI": "Innovation and economic integration",
    "RE": "Regulation and ethics",
}
SHORT_LABELS = {"AI_PI": "Composite", "DI": "Digital", "HCLMP": "Human capital", "IEI": "Innovation", "RE": "Regulation"}
YEAR_KEY = re.compile(r"^\d{4}$")


def datamapper_url(indicator: str, dataset: str | None = AIPI_DATASET, periods: tuple[int, ...] = ()) -> str:
    """The DataMapper v1 address that answers one indicator for every economy and aggregate."""
    path = "/".join(p for p in (DATAMAPPER_API, dataset, indicator) if p)
    return path + (f"?periods={','.join(map(str, periods))}" if periods else "")


def parse_datamapper_v1(payload: str | bytes | dict[str, Any], where: str) -> pd.DataFrame:
    """Read a DataMapper API v1 answer into a long frame (indicator, area, year, value).

    The answer looks like ``{"values": {"AI_PI": {"USA": {"2023": 0.77}, ...}}, "api":
    {"version": "1", "output-method": "json"}}``. An indicator or area with no data is answered
    with the ``api`` block alone, which is an error here rather than an empty table. A ``null``
    value stays missing; it is not dropped.
    """
    if isinstance(payload, (str, bytes)):
        try:
            payload = json.loads(payload)
        except json.JSONDecodeError as exc:
            raise DataError(f"{where}: not JSON ({exc})") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("api"), dict):
        raise DataError(f"{where}: not a DataMapper API answer (no 'api' block)")
    version = str(payload["api"].get("version"))
    if version != "1":
        raise DataError(f"{where}: DataMapper API version {version}, this parser reads version 1")
    values = payload.get("values")
    if not values:
        raise DataError(f"{where}: the answer has no 'values' (the DataMapper found no data for this request)")
    if not isinstance(values, dict):
        raise DataError(f"{where}: 'values' is not an object of indicators")
    rows = []
    for indicator, areas in values.items():
        if not isinstance(areas, dict):
            raise DataError(f"{where}: values of {indicator} are not an object of areas")
        for area, series in areas.items():
            if not isinstance(series, dict):
                raise DataError(f"{where}: {indicator}/{area} is not an object of years")
            for year, value in series.items():
                if not YEAR_KEY.match(str(year)):
                    raise DataError(f"{where}: {indicator}/{area} has a period {year!r} that is not a year")
                if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
                    raise DataError(f"{where}: {indicator}/{area}/{year} is {value!r}, not a number")
                rows.append((indicator, area, int(year), float("nan") if value is None else float(value)))
    return pd.DataFrame(rows, columns=["indicator", "area", "year", "value"])


def futuregrid_as_long(path: Path) -> pd.DataFrame:
    """The FutureGrid reshaping of the DataMapper answers, in the same long shape as the API parser.

    FutureGrid kept one value per economy (the latest non-null year) and dropped the year key;
    the year written in its metadata is restored here. Its sub-index field names are mapped back
    to the official codes with the code-to-field table that the file itself records.
    """
    name = Path(path).name
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        metrics = data["metrics"]
        composite, components = metrics["readiness"], metrics["readinessSubIndices"]
        meta, sub_meta = metrics["readinessMeta"], metrics["readinessSubIndexMeta"]
    except FileNotFoundError:
        raise DataError(f"{name}: not found") from None
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise DataError(f"{name}: not the FutureGrid metrics file expected ({exc!r})") from None
    year = meta.get("year")
    if not isinstance(year, int) or year != sub_meta.get("year"):
        raise DataError(f"{name}: the composite and sub-index metadata do not give one year ({year!r})")
    field_of = {e["code"]: e["field"] for e in sub_meta.get("apiEndpoints", [])}
    if sorted(field_of) != sorted(COMPONENTS):
        raise DataError(f"{name}: sub-index codes {sorted(field_of)} are not the AIPI's {sorted(COMPONENTS)}")
    rows = [("AI_PI", area, year, value) for area, value in composite.items()]
    for area, parts in components.items():
        for code, field in field_of.items():
            if field not in parts:
                raise DataError(f"{name}: {area} has no {field} ({code}) entry")
            rows.append((code, area, year, parts[field]))
    frame = pd.DataFrame(rows, columns=["indicator", "area", "year", "value"])
    bad = frame.loc[~frame["value"].map(lambda v: v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)))]
    if not bad.empty:
        raise DataError(f"{name}: non-numeric values, e.g. {bad.head(3).to_dict('records')}")
    return frame.assign(value=pd.to_numeric(frame["value"]).astype(float))


def aipi_wide(long: pd.DataFrame, year: int, where: str) -> pd.DataFrame:
    """One row per area with a column per official indicator code, for one year."""
    chosen = long.loc[long["year"] == year]
    if chosen.empty:
        raise DataError(f"{where}: no AIPI values for {year}")
    unknown = sorted(set(chosen["indicator"]) - set(AIPI_INDICATORS))
    if unknown:
        raise DataError(f"{where}: indicators {unknown} are not AIPI indicators {AIPI_INDICATORS}")
    if chosen.duplicated(["indicator", "area"]).any():
        raise DataError(f"{where}: an area has two values for one indicator in {year}")
    wide = chosen.pivot(index="area", columns="indicator", values="value")
    return wide.reindex(columns=list(AIPI_INDICATORS)).rename_axis(index="area", columns=None).reset_index()


# --- The IMF workbook: groups and a cross-check --------------------------------------------
WORKBOOK_COLUMNS = {
    "Country": "country",
    "iso3": "iso3",
    "type": "group",
    "AIPI": "AI_PI",
    "Digitial Infrastructure": "DI",  # sic, as in the workbook
    "Innovation and Economic Integration": "IEI",
    "Human Capital and Labor Market Policies": "HCLMP",
    "Regulation and Ethics": "RE",
}
WORKBOOK_MISSING = "NA"
GROUPS = ("AE", "EM", "LIC")
# The workbook's group codes and the DataMapper's codes for the same groups (the dashboard
# address AI_PI@AIPI/ADVEC/EME/LIC shows the three together).
DATAMAPPER_GROUP = {"AE": "ADVEC", "EM": "EME", "LIC": "LIC"}
# Values where the IMF workbook and the DataMapper differ, documented in SOURCE.md A5.5. The
# table keeps the DataMapper value; any other difference stops the derivation.
WORKBOOK_DIFFERENCES = {("SOM", "IEI"): "workbook and DataMapper disagree (SOURCE.md A5.5); Somalia has no composite"}
VALUE_TOLERANCE = 1e-9
ADDITIVITY_TOLERANCE = 1e-6


def read_workbook(path: Path) -> pd.DataFrame:
    """The AIPI sheet of aipidata.xlsx: country, iso3, group and the five values ('NA' -> missing)."""
    name = Path(path).name
    try:
        grid = pd.read_excel(path, sheet_name="AIPI", header=None, engine="calamine", dtype=object, keep_default_na=False, na_values=[])
    except FileNotFoundError:
        raise DataError(f"{name}: not found") from None
    except Exception as exc:  # calamine raises its own error types for damaged workbooks
        raise DataError(f"{name}: cannot be read as the AIPI workbook ({exc})") from None
    header_rows = [i for i, row in grid.iterrows() if "iso3" in [str(v).strip() for v in row.values]]
    if not header_rows:
        raise DataError(f"{name}: no header row with an 'iso3' column")
    header = [str(v).strip() for v in grid.iloc[header_rows[0]]]
    missing = [c for c in WORKBOOK_COLUMNS if c not in header]
    if missing:
        raise DataError(f"{name}: columns {missing} are missing from the header {header}")
    body = grid.iloc[header_rows[0] + 1 :].set_axis(header, axis=1)[list(WORKBOOK_COLUMNS)].rename(columns=WORKBOOK_COLUMNS)
    body = body.loc[body["iso3"].astype(str).str.strip() != ""].reset_index(drop=True)
    unknown_groups = sorted(set(body["group"]) - set(GROUPS))
    if unknown_groups:
        raise DataError(f"{name}: group (type) values {unknown_groups} are not {GROUPS}")
    for code in AIPI_INDICATORS:
        cells = body[code]
        text = cells.map(lambda v: isinstance(v, str))
        not_marker = text & (cells.astype(str).str.strip() != WORKBOOK_MISSING)
        if not_marker.any():
            examples = body.loc[not_marker, ["iso3", code]].head(3).to_dict("records")
            raise DataError(f"{name}: column {code} has text that is neither a number nor '{WORKBOOK_MISSING}', e.g. {examples}")
        body[code] = pd.to_numeric(cells.where(~text), errors="raise").astype(float)
    if body["iso3"].duplicated().any():
        raise DataError(f"{name}: iso3 codes appear twice: {sorted(body.loc[body['iso3'].duplicated(), 'iso3'])}")
    return body


def aggregate_labels(folder: Path) -> dict[str, tuple[str, str]]:
    """Aggregate code -> (label, endpoint) from the stored /groups and /regions answers."""
    labels: dict[str, tuple[str, str]] = {}
    for names, key in (((FETCHED_GROUPS, GROUPS_RESPONSE), "groups"), ((FETCHED_REGIONS, REGIONS_RESPONSE), "regions")):
        filename = first_present(folder, *names)
        try:
            answer = json.loads(read_text(folder, filename))
            entries = answer[key]
        except json.JSONDecodeError as exc:
            raise DataError(f"{filename}: not JSON ({exc})") from None
        except (KeyError, TypeError):
            raise DataError(f"{filename}: no '{key}' object, not a DataMapper /{key} answer") from None
        for code, entry in entries.items():
            labels.setdefault(code, (" ".join(str(entry.get("label", "")).split()), f"/api/v1/{key}"))
    return labels


def check_against_workbook(economies: pd.DataFrame, workbook: pd.DataFrame, where: str, workbook_file: str = WORKBOOK_FILE) -> None:
    """Every DataMapper value must equal the IMF workbook's, except the documented differences."""
    merged = economies.merge(workbook, on="iso3", suffixes=("", "_workbook"))
    found = set()
    for code in AIPI_INDICATORS:
        ours, theirs = merged[code], merged[f"{code}_workbook"]
        one_missing = ours.isna() != theirs.isna()
        differs = (ours - theirs).abs() > VALUE_TOLERANCE
        for iso3 in merged.loc[one_missing | differs, "iso3"]:
            if (iso3, code) not in WORKBOOK_DIFFERENCES:
                row = merged.loc[merged["iso3"] == iso3].iloc[0]
                raise DataError(
                    f"{where}: {iso3} {code} is {row[code]} in the DataMapper copy but {row[f'{code}_workbook']} "
                    f"in {workbook_file}"
                )
            found.add((iso3, code))
    stale = sorted(set(WORKBOOK_DIFFERENCES) - found)
    if stale:
        raise DataError(f"{where}: documented differences {stale} are no longer there; update WORKBOOK_DIFFERENCES")


def check_additive(frame: pd.DataFrame, where: str) -> None:
    complete = frame.dropna(subset=list(AIPI_INDICATORS))
    gap = (complete[list(COMPONENTS)].sum(axis=1) - complete["AI_PI"]).abs()
    if (gap > ADDITIVITY_TOLERANCE).any():
        worst = complete.loc[gap.idxmax(), frame.columns[0]]
        raise DataError(f"{where}: the four sub-indices do not add up to AI_PI (e.g. {worst}, off by {gap.max():.2g})")


def datamapper_as_long(folder: Path) -> tuple[pd.DataFrame, int, str]:
    """The five AIPI indicators from the DataMapper answers that ``data fetch`` saved, and their year.

    The year is the latest one in which the composite has a value; every sub-index must have
    values for that year too. Values of other years are not used (nor used to fill gaps)."""
    parts = [parse_datamapper_v1(read_text(folder, fetched_indicator_file(code)), fetched_indicator_file(code)) for code in AIPI_INDICATORS]
    long = pd.concat(parts, ignore_index=True)
    where = f"the DataMapper answers {fetched_indicator_file('*')}"
    with_values = long.dropna(subset=["value"])
    composite_years = with_values.loc[with_values["indicator"] == "AI_PI", "year"]
    if composite_years.empty:
        raise DataError(f"{fetched_indicator_file('AI_PI')}: no economy has a value")
    year = int(composite_years.max())
    lacking = [code for code in COMPONENTS if not ((with_values["indicator"] == code) & (with_values["year"] == year)).any()]
    if lacking:
        raise DataError(f"{where}: the composite has values for {year} but {lacking} have none")
    return long, year, where


def aipi_inputs(folder: Path) -> tuple[pd.DataFrame, int, str, str]:
    """(long values, year, where they were read, workbook file): the IMF's own answers if fetched."""
    folder = Path(folder)
    fetched = [(folder / fetched_indicator_file(code)).is_file() for code in AIPI_INDICATORS]
    if any(fetched):
        if not all(fetched):
            absent = [fetched_indicator_file(c) for c, f in zip(AIPI_INDICATORS, fetched) if not f]
            raise DataError(f"{folder}: DataMapper answers {absent} are missing while the others are there")
        long, year, where = datamapper_as_long(folder)
    else:
        long = futuregrid_as_long(folder / FUTUREGRID_FILE)
        year, where = int(long["year"].iloc[0]), FUTUREGRID_FILE
    return long, year, where, first_present(folder, FETCHED_WORKBOOK, WORKBOOK_FILE)


def aipi_tables(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The economies (with their IMF group) and the aggregates, from the DataMapper values."""
    long, year, where, workbook_file = aipi_inputs(folder)
    wide = aipi_wide(long, year, where)
    workbook = read_workbook(Path(folder) / workbook_file)
    labels = aggregate_labels(folder)

    is_economy = wide["area"].isin(workbook["iso3"])
    is_aggregate = wide["area"].isin(labels) & ~is_economy
    unknown = sorted(wide.loc[~is_economy & ~is_aggregate, "area"])
    if unknown:
        raise DataError(f"{where}: areas {unknown} are neither economies of {workbook_file} nor DataMapper aggregates")
    absent = sorted(set(workbook["iso3"]) - set(wide["area"]))
    if absent:
        raise DataError(f"{where}: economies of {workbook_file} missing from the DataMapper copy: {absent}")

    economies = wide.loc[is_economy].rename(columns={"area": "iso3"})
    check_additive(economies, where)
    check_against_workbook(economies, workbook, where, workbook_file)
    economies = workbook[["iso3", "country", "group"]].merge(economies, on="iso3").assign(year=year)
    economies = economies[["iso3", "country", "group", "year", *AIPI_INDICATORS]]

    aggregates = wide.loc[is_aggregate].rename(columns={"area": "code"})
    aggregates = aggregates.assign(
        label=aggregates["code"].map(lambda c: labels[c][0]),
        label_endpoint=aggregates["code"].map(lambda c: labels[c][1]),
        year=year,
    )[["code", "label", "label_endpoint", "year", *AIPI_INDICATORS]]
    return economies.reset_index(drop=True), aggregates.reset_index(drop=True)


# --- Declarations ---------------------------------------------------------------------------
SDN_SOURCE = Source(
    publisher="International Monetary Fund",
    title="Gen-AI: Artificial Intelligence and the Future of Work, Staff Discussion Note SDN/2024/001 (Cazzaniga et al., January 2024)",
    series="Executive Summary [primary]; the text on Figures 1-2 (exposure by complementarity, country groups and selected countries) as quoted by a third party [secondary]",
    url="https://www.imf.org/en/Publications/Staff-Discussion-Notes/Issues/2024/01/14/Gen-AI-Artificial-Intelligence-and-the-Future-of-Work-542379",
    retrieved="not dated: read in an offline store of public copies",
    licence="IMF copyright; short quotations",
    licence_url="https://www.imf.org/external/terms.htm",
    route=(
        "Executive Summary from a MinerU text parse embedded in the GitHub repository yt-feng/rpt_edit; the "
        "Figure 1-2 sentences from the public 'AETHER: Workforce Intelligence 2045' evidence base (claims "
        "CLAIM-EMP-06 and -07), the note's own PDF not being available; quotations kept in "
        f"{SDN_EXCERPTS} (sha256 c53374ad3a9788baa44a8b18db58c45e22025522340afff052a48c13f0916169)"
    ),
)
BLOGS_SOURCE = Source(
    publisher="International Monetary Fund (IMF Blog)",
    title="AI Will Transform the Global Economy (Georgieva, 14 January 2024); Mapping the World's Readiness for AI (June 2024)",
    series="Figures on AI exposure in the blog text",
    url="https://www.imf.org/en/Blogs",
    retrieved="not dated: read in an offline store of public copies",
    licence="IMF copyright; short quotations",
    licence_url="https://www.imf.org/external/terms.htm",
    route=(
        "Mirrors of the blog posts (observer24.com.na, mycookiemix.net, digitalaijournal.com, wsdalearning.ai); "
        f"quotations kept in {BLOG_JANUARY_EXCERPTS} and {BLOG_JUNE_EXCERPTS}"
    ),
)
LINKEDIN_SOURCE = Source(
    publisher="LinkedIn (Economic Graph)",
    title="Work Change Report: AI Is Coming to Work (January 2025); Future of Work Report: State of AI @ Work (2023)",
    series="Projected share of the skills of a job that change by 2030",
    url="https://economicgraph.linkedin.com/",
    retrieved="not dated: read in an offline store of public copies",
    licence="LinkedIn copyright; short quotations",
    route=f"Summaries and press quoting the reports (addresses in the quoted_at column); quotations kept in {LINKEDIN_EXCERPTS}",
)
DATAMAPPER_SOURCE = Source(
    publisher="International Monetary Fund (DataMapper)",
    title="AI Preparedness Index (AIPI), dataset AIPI: indicators AI_PI, DI, HCLMP, IEI, RE",
    series=f"{datamapper_url('AI_PI')} and the same address for DI, HCLMP, IEI and RE",
    url=DATAMAPPER_DASHBOARD,
    retrieved="2026-06-30 (the DataMapper answers, as fetched by FutureGrid's build script)",
    licence="IMF Copyright and Usage terms",
    licence_url="https://www.imf.org/external/terms.htm",
    route=(
        "A reshaped copy of the DataMapper output: data/global-ai-metrics.json of the GitHub repository "
        "vibewatch/FutureGrid at commit cff3c78a52fc9c3f789f8bf461da9b05d36150ce (sha256 "
        "90948259e1a59a60c8e9f09cc9f59ee476900d824a0cd04209a12186810e0bc2), which kept the latest value per "
        "economy and dropped the year key; the year comes from that file's metadata"
    ),
)
WORKBOOK_SOURCE = Source(
    publisher="International Monetary Fund",
    title="AI Preparedness Index workbook aipidata.xlsx, sheet AIPI (author Longji Li, created 2024-04-11)",
    series="Column 'type' (AE, EM, LIC) for the groups; the five values for a cross-check",
    url="https://www.imf.org/external/datamapper/aipidata.xlsx",
    retrieved="2025-01-03 (date of the copy's last commit)",
    licence="IMF Copyright and Usage terms",
    licence_url="https://www.imf.org/external/terms.htm",
    route=(
        "Byte copy of data/aipidata.xlsx in the GitHub repository orelafifo/AI-ANALYSIS at commit "
        "d8c645dbe01451d0f214593df42c547af7fdf7bc (sha256 1098e9ce4f919c8a670db1a1fa0488bac8ace4179816d81c9eb0abe56bdd469e); "
        "a second copy (xanhnguyen186/3179) has identical cell values; the IMF address is as cited by a third party"
    ),
)
GROUP_LABELS_SOURCE = Source(
    publisher="International Monetary Fund (DataMapper)",
    title="DataMapper API v1 /groups and /regions",
    series=f"{DATAMAPPER_API}/groups and {DATAMAPPER_API}/regions (labels only)",
    url=f"{DATAMAPPER_API}/groups",
    retrieved="2025-01-09 (date of the commit that saved the answers)",
    licence="IMF Copyright and Usage terms",
    licence_url="https://www.imf.org/external/terms.htm",
    route=(
        "Answers saved as JSON strings by the GitHub repository softeer5th/data_engineering_course_materials at commit "
        f"0e747dc8ad8b512f428fa2088b91ac339aed0d9c, decoded once ({GROUPS_RESPONSE}, {REGIONS_RESPONSE})"
    ),
)

INDEX_UNIT = "index points (contribution to the 0-1 composite)"


def _indicator_fields() -> tuple[Field, ...]:
    composite = Field(
        "AI_PI",
        "number",
        "AI Preparedness Index, composite (DataMapper AIPI/AI_PI); missing where the IMF publishes none",
        unit="index (0-1)",
        constraints={"minimum": 0, "maximum": 1},
    )
    parts = tuple(
        Field(
            code,
            "number",
            f"{INDICATOR_LABELS[code]} (DataMapper AIPI/{code}): the pillar's contribution; the four add up to AI_PI",
            unit=INDEX_UNIT,
            constraints={"minimum": 0, "maximum": 0.25},
        )
        for code in COMPONENTS
    )
    return (composite, *parts)


AIPI = Table(
    name="imf_aipi",
    title="IMF AI Preparedness Index (AIPI) by economy, with its IMF group",
    description=(
        "A reshaped copy of the IMF DataMapper output for dataset AIPI, one row per economy, with the "
        "official indicator codes as columns: AI_PI (composite) and its four pillars DI, HCLMP, IEI and RE, "
        f"which add up to AI_PI. Refresh from {DATAMAPPER_API}/AIPI/<code> (parser: "
        "aiparadox.topics.imf.parse_datamapper_v1). The group (AE, EM, LIC) is the IMF's, from the 'type' column "
        "of its aipidata.xlsx workbook, which also matches every value except Somalia's IEI (see WORKBOOK_DIFFERENCES). "
        "Nine economies have no composite; nothing is imputed."
    ),
    fields=(
        Field("iso3", "string", "ISO 3166-1 alpha-3 code of the economy", constraints={"required": True}),
        Field("country", "string", "Name as in the IMF workbook", constraints={"required": True}),
        Field(
            "group",
            "string",
            "IMF group in the AIPI: AE advanced economy, EM emerging market economy, LIC low-income country",
            constraints={"required": True, "enum": list(GROUPS)},
        ),
        Field("year", "year", "Reference year of the DataMapper series (from the copy's metadata)", constraints={"required": True}),
        *_indicator_fields(),
    ),
    primary_key=("iso3",),
    sources=(DATAMAPPER_SOURCE, WORKBOOK_SOURCE),
)

AIPI_AGGREGATES = Table(
    name="imf_aipi_aggregates",
    title="IMF AI Preparedness Index: DataMapper group and regional aggregates",
    description=(
        "The aggregates the DataMapper publishes next to the economies (ADVEC, EME and LIC for the three groups, "
        "and regions), with their labels from the DataMapper /groups and /regions answers. The group values are "
        "not the unweighted means of their members (the method was not read); regional values are given to two "
        "decimals."
    ),
    fields=(
        Field("code", "string", "DataMapper group or region code", constraints={"required": True}),
        Field("label", "string", "DataMapper label of the code", constraints={"required": True}),
        Field("label_endpoint", "string", "DataMapper endpoint that gives the label", constraints={"required": True}),
        Field("year", "year", "Reference year of the DataMapper series", constraints={"required": True}),
        *_indicator_fields(),
    ),
    primary_key=("code",),
    sources=(DATAMAPPER_SOURCE, GROUP_LABELS_SOURCE),
)

EXPOSURE = Table(
    name="imf_ai_exposure",
    title="IMF: share of employment exposed to AI, by country group and for four countries",
    description=(
        "Each figure as stated in a sentence of the IMF's Staff Discussion Note SDN/2024/001 or its blogs, located "
        "in the excerpt file named in source_file. 'Exposure' is the share of employment in occupations with high "
        "AI exposure (AIOE index); the note splits it by complementarity (high: AI more likely to help; low: more "
        "likely to substitute), with median cut-offs. Status: primary for the note's own Executive Summary, "
        "secondary for third-party quotations and mirrors."
    ),
    fields=(
        Field("economy", "string", "World, IMF country group, or country", constraints={"required": True}),
        Field("economy_kind", "string", "world, country group or country", constraints={"required": True, "enum": ["world", "country group", "country"]}),
        Field("category", "string", "Which employment share", constraints={"required": True, "enum": list(CATEGORIES)}),
        Field("share_pct", "number", "Share of employment, as quoted (rounded by the IMF)", unit="percent of employment", constraints={"required": True, "minimum": 0, "maximum": 100}),
        Field("status", "string", "primary: the IMF's own text; secondary: quoted or mirrored by a third party", constraints={"required": True, "enum": list(STATUSES)}),
        Field("document", "string", "Which text states the figure", constraints={"required": True}),
        Field("source_file", "string", "Excerpt file (shared sources, imf/raw) in which the sentence was located", constraints={"required": True}),
        Field("quote", "string", "The sentence as located in the file", constraints={"required": True}),
    ),
    primary_key=("economy", "category", "document"),
    sources=(SDN_SOURCE, BLOGS_SOURCE),
)

SKILLS_CHANGE = Table(
    name="imf_linkedin_skills_change",
    title="LinkedIn: projected change in the skills of a job by 2030 (the source of the '70%')",
    description=(
        "LinkedIn's projection of how much of the skill set of the same job changes, as quoted by summaries and "
        "press (all secondary), each sentence located in the excerpt file. Kept in the IMF chapter because the "
        "article attributes the figure to the IMF."
    ),
    fields=(
        Field("report", "string", "LinkedIn report the figure comes from", constraints={"required": True}),
        Field("quoted_at", "string", "Address of the page quoting it", constraints={"required": True}),
        Field("horizon_year", "year", "Year by which the change is projected", constraints={"required": True}),
        Field("share_pct", "number", "Projected share of a job's skills that change (the 2023 edition: responsibilities, 'at least')", unit="percent of skills", constraints={"required": True, "minimum": 0, "maximum": 100}),
        Field("status", "string", "secondary: quoted by a third party", constraints={"required": True, "enum": list(STATUSES)}),
        Field("source_file", "string", "Excerpt file in which the sentence was located", constraints={"required": True}),
        Field("quote", "string", "The sentence as located in the file", constraints={"required": True}),
    ),
    primary_key=("report", "quoted_at"),
    sources=(LINKEDIN_SOURCE,),
)


def derive(folder: Path) -> dict[str, pd.DataFrame]:
    economies, aggregates = aipi_tables(folder)
    return {
        AIPI.name: economies,
        AIPI_AGGREGATES.name: aggregates,
        EXPOSURE.name: exposure_table(folder),
        SKILLS_CHANGE.name: skills_change_table(folder),
    }


WORKBOOK_URL = "https://www.imf.org/external/datamapper/aipidata.xlsx"


def check_datamapper_answer(indicator: str, filename: str):
    """A ``Download.check``: the answer holds the indicator asked for, with at least one value.

    The DataMapper answers an unknown or empty indicator with HTTP 200 and the ``api`` block
    alone; a series of nulls is no better."""

    def check(payload: bytes) -> None:
        long = parse_datamapper_v1(payload, filename)
        if set(long["indicator"]) != {indicator}:
            raise DataError(f"asked for {indicator}, the DataMapper answered {sorted(set(long['indicator']))}")
        if long["value"].isna().all():
            raise DataError(f"every value of {indicator} is null (an empty series)")

    return check


def check_label_answer(key: str):
    def check(payload: bytes) -> None:
        try:
            entries = json.loads(payload)[key]
        except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError):
            raise DataError(f"not a DataMapper /{key} answer (no '{key}' object)") from None
        if not isinstance(entries, dict) or not entries:
            raise DataError(f"the /{key} answer lists no {key}")

    return check


def check_workbook(payload: bytes) -> None:
    # An .xlsx file is a zip archive; a web page sent in its place is not.
    if not payload.startswith(b"PK\x03\x04"):
        raise DataError(f"not an .xlsx workbook (it starts with {payload[:40]!r})")


def remote(environ) -> list:
    """What ``data fetch`` asks the IMF for: the DataMapper API v1 (no key), and the workbook."""
    from ..fetch import Download, Keep

    plan: list = [
        Download(datamapper_url(code), fetched_indicator_file(code), check=check_datamapper_answer(code, fetched_indicator_file(code)),
                 description=f"DataMapper {code} ({INDICATOR_LABELS[code]}), every economy and aggregate")
        for code in AIPI_INDICATORS
    ]
    plan += [
        Download(f"{DATAMAPPER_API}/groups", FETCHED_GROUPS, check=check_label_answer("groups"), description="labels of the country groups"),
        Download(f"{DATAMAPPER_API}/regions", FETCHED_REGIONS, check=check_label_answer("regions"), description="labels of the regions"),
        Download(WORKBOOK_URL, FETCHED_WORKBOOK, check=check_workbook, description="AIPI workbook: the AE/EM/LIC group of each economy"),
        Keep(EXCERPT_FILES, "the exposure shares and the LinkedIn figure are quoted sentences from stored pages; no API serves them"),
    ]
    return plan


DATASET = Dataset(
    name="imf",
    title="IMF: AI exposure of employment and the AI Preparedness Index",
    tables=(AIPI, AIPI_AGGREGATES, EXPOSURE, SKILLS_CHANGE),
    derive=derive,
    remote=remote,
)


# --- The article's claims (C15, C16) ---------------------------------------------------------
# The article's own figures: "près de 40 %" of jobs worldwide, "jusqu'à 60 %" in developed
# countries, and "70 %" of professional skills, all attributed to the IMF.
CLAIMED_WORLD_PCT = 40
CLAIMED_ADVANCED_PCT = 60
CLAIMED_SKILLS_PCT = 70
# The IMF rounds to whole percents and says "almost" and "about": within this many points a
# quoted figure is the same number.
CLAIM_TOLERANCE_PCT = 2


def quoted(table: pd.DataFrame, economy: str, category: str, document: str) -> float:
    row = table.loc[(table["economy"] == economy) & (table["category"] == category) & (table["document"] == document), "share_pct"]
    if row.empty:
        raise DataError(f"{EXPOSURE.name} has no {category} share for {economy} in {document}")
    return float(row.iloc[0])


def exposure_figures(table: pd.DataFrame) -> dict[str, float]:
    """The figures the chapter discusses: the note's totals (primary) and its split (secondary)."""
    figures = {
        "world": quoted(table, WORLD, EXPOSED, SDN_SUMMARY),
        "advanced": quoted(table, ADVANCED, EXPOSED, SDN_SUMMARY),
        "emerging": quoted(table, EMERGING, EXPOSED, SDN_SUMMARY),
        "low_income": quoted(table, LOW_INCOME, EXPOSED, SDN_SUMMARY),
        "uk": quoted(table, UK, EXPOSED, SDN_VIA_AETHER),
        "us": quoted(table, US, EXPOSED, SDN_VIA_AETHER),
        "brazil": quoted(table, BRAZIL, EXPOSED, SDN_VIA_AETHER),
        "india": quoted(table, INDIA, EXPOSED, SDN_VIA_AETHER),
    }
    for key, economy in (("advanced", ADVANCED), ("emerging", EMERGING), ("low_income", LOW_INCOME)):
        figures[f"{key}_high"] = quoted(table, economy, HIGH_COMPLEMENTARITY, SDN_VIA_AETHER)
        figures[f"{key}_low"] = quoted(table, economy, LOW_COMPLEMENTARITY, SDN_VIA_AETHER)
        figures[f"{key}_high_of_exposed"] = figures[f"{key}_high"] / (figures[f"{key}_high"] + figures[f"{key}_low"])
        figures[f"{key}_low_of_exposed"] = 1 - figures[f"{key}_high_of_exposed"]
    return figures


def split_adds_up(table: pd.DataFrame) -> bool:
    """Do the secondary high + low complementarity shares add up to the primary exposed share?"""
    f = exposure_figures(table)
    return all(abs(f[f"{k}_high"] + f[f"{k}_low"] - f[k]) < 1e-9 for k in ("advanced", "emerging", "low_income"))


def mirrors_agree(table: pd.DataFrame) -> bool:
    """Do the blog mirrors give the same numbers as the note for every figure they share with it?"""
    note = table.loc[table["document"].isin([SDN_SUMMARY, SDN_VIA_AETHER])]
    blogs = table.loc[table["document"].isin([BLOG_JANUARY, BLOG_JUNE])]
    paired = blogs.merge(note, on=["economy", "category"], suffixes=("_blog", "_note"))
    return len(paired) == len(blogs) and bool((paired["share_pct_blog"] == paired["share_pct_note"]).all())


def _close(value: float, claimed: float) -> bool:
    return abs(value - claimed) <= CLAIM_TOLERANCE_PCT


@assesses("C15", chapter="chapters/imf", section="imf-exposure")
def assess_c15() -> tuple[str, str, str]:
    from ..datapackage import load

    table = load(EXPOSURE.name)
    f = exposure_figures(table)
    matches_primary = _close(f["world"], CLAIMED_WORLD_PCT) and _close(f["advanced"], CLAIMED_ADVANCED_PCT)
    secondary = table.loc[table["status"] != "primary", "share_pct"]
    matches_secondary = any(_close(v, CLAIMED_WORLD_PCT) for v in secondary) and any(_close(v, CLAIMED_ADVANCED_PCT) for v in secondary)
    if matches_primary:
        verdict = "accurate"
    elif matches_secondary:
        verdict = "accurate but misleading"
    else:
        verdict = "wrong"
    evidence = (
        f"The IMF note's own summary puts {f['world']:.0f}% of global employment and {f['advanced']:.0f}% of employment "
        f"in advanced economies in occupations highly exposed to AI ({f['emerging']:.0f}% in emerging market economies, "
        f"{f['low_income']:.0f}% in low-income countries). Exposure is not job loss: by the note's split, as quoted by a "
        f"third party, {f['advanced_high']:.0f} of the {f['advanced']:.0f} points in advanced economies are jobs where AI "
        f"is more likely to complement workers and {f['advanced_low']:.0f} are jobs where it may substitute for them."
    )
    return verdict, evidence, "IMF Staff Discussion Note SDN/2024/001 (January 2024); split quoted by a third party"


def c16_figures() -> dict[str, Any]:
    from ..datapackage import load

    exposure, skills = load(EXPOSURE.name), load(SKILLS_CHANGE.name)
    imf_rows = exposure.loc[exposure["document"].isin([SDN_SUMMARY, SDN_VIA_AETHER, BLOG_JANUARY, BLOG_JUNE])]
    linkedin_match = skills.loc[(skills["share_pct"] - CLAIMED_SKILLS_PCT).abs() <= CLAIM_TOLERANCE_PCT]
    imf_match = imf_rows.loc[(imf_rows["share_pct"] - CLAIMED_SKILLS_PCT).abs() <= CLAIM_TOLERANCE_PCT]
    earlier = skills.loc[~skills["report"].isin(linkedin_match["report"])]
    return {
        "imf_figures": len(imf_rows),
        "imf_match": imf_match,
        "linkedin_match": linkedin_match,
        "earlier": earlier,
    }


@assesses("C16", chapter="chapters/imf", section="imf-skills")
def assess_c16() -> tuple[str, str, str]:
    f = c16_figures()
    # Every IMF figure in the material is a share of employment; a share of skills would have to
    # be in the LinkedIn table, whose unit is percent of skills.
    if not f["linkedin_match"].empty:
        verdict = "accurate but misleading"
    else:
        verdict = "not supported by the data"
    imf_70 = f["imf_match"]
    about_70 = (
        f" The only figure near {CLAIMED_SKILLS_PCT}% in the IMF material is the share of employment exposed to AI in "
        f"the {imf_70['economy'].iloc[0]} ({imf_70['share_pct'].iloc[0]:.0f}%, quoted by a third party)."
        if not imf_70.empty
        else ""
    )
    if f["linkedin_match"].empty:
        source_sentence = f"No source in the material gives {CLAIMED_SKILLS_PCT}% of skills changing."
    else:
        match = f["linkedin_match"]
        source_sentence = (
            f"The figure is LinkedIn's: its {match['report'].iloc[0].removeprefix('LinkedIn, ')} projects that "
            f"{match['share_pct'].iloc[0]:.0f}% of the skills of a job will change by {match['horizon_year'].iloc[0]}, "
            f"from the skills its members list for the same job ({len(match)} pages quote it)."
        )
        if not f["earlier"].empty:
            e = f["earlier"].iloc[0]
            source_sentence += f" An earlier edition, the {e['report'].removeprefix('LinkedIn, ')}, said at least {e['share_pct']:.0f}%."
    evidence = (
        f"None of the {f['imf_figures']} IMF figures in the material (the note and two blogs) is about skills: all are shares of employment in "
        f"exposed occupations.{about_70} {source_sentence}"
    )
    return verdict, evidence, "LinkedIn Work Change Report (January 2025), as quoted; IMF SDN/2024/001 and blogs"


def labels_above_bands(offset: float):
    """A band axis whose labels sit above each row, inside the plot, so narrow screens keep the width."""
    import altair as alt

    return alt.Axis(domain=False, ticks=False, labelAlign="left", labelBaseline="bottom", labelPadding=0, labelOffset=offset, labelLimit=400, labelFontWeight="bold")


# --- Chart 1: exposure by country group -----------------------------------------------------
SERIES_HIGH = "High complementarity (secondary)"
SERIES_LOW = "Low complementarity (secondary)"
SERIES_COUNTRY = "Exposed, country, not split (secondary)"
SERIES_PRIMARY = "Exposed, the note's summary (primary)"
SERIES_CLAIM = "The article's figure"
EXPOSURE_SERIES = (SERIES_HIGH, SERIES_LOW, SERIES_COUNTRY, SERIES_PRIMARY, SERIES_CLAIM)
EXPOSURE_ORDER = (WORLD, ADVANCED, EMERGING, LOW_INCOME, UK, US, BRAZIL, INDIA)
CLAIMED_BY_ECONOMY = {WORLD: CLAIMED_WORLD_PCT, ADVANCED: CLAIMED_ADVANCED_PCT}


def exposure_chart_frame(table: pd.DataFrame) -> pd.DataFrame:
    """What the exposure chart draws, as one tidy frame: bar spans, the primary totals, the claims."""
    rows = []
    for economy in EXPOSURE_ORDER:
        split = {c: table.loc[(table["economy"] == economy) & (table["category"] == c) & (table["document"] == SDN_VIA_AETHER)] for c in CATEGORIES}
        if not split[HIGH_COMPLEMENTARITY].empty:
            high = float(split[HIGH_COMPLEMENTARITY]["share_pct"].iloc[0])
            low = float(split[LOW_COMPLEMENTARITY]["share_pct"].iloc[0])
            rows.append((economy, SERIES_HIGH, 0.0, high, high, "secondary", SDN_VIA_AETHER))
            rows.append((economy, SERIES_LOW, high, high + low, low, "secondary", SDN_VIA_AETHER))
        elif not split[EXPOSED].empty:
            total = float(split[EXPOSED]["share_pct"].iloc[0])
            rows.append((economy, SERIES_COUNTRY, 0.0, total, total, "secondary", SDN_VIA_AETHER))
        primary = table.loc[(table["economy"] == economy) & (table["category"] == EXPOSED) & (table["status"] == "primary")]
        if not primary.empty:
            value = float(primary["share_pct"].iloc[0])
            rows.append((economy, SERIES_PRIMARY, value, value, value, "primary", primary["document"].iloc[0]))
        if economy in CLAIMED_BY_ECONOMY:
            claimed = float(CLAIMED_BY_ECONOMY[economy])
            rows.append((economy, SERIES_CLAIM, claimed, claimed, claimed, "the article", "the article"))
    return pd.DataFrame(rows, columns=["economy", "series", "start", "end", "share_pct", "status", "document"])


def exposure_chart(table: pd.DataFrame):
    """Exposed employment by group: the note's totals, the third-party split, the article's figures."""
    import altair as alt

    from ..charts import CLAIM_COLOUR, DATA_COLOUR, SECONDARY_COLOUR

    frame = exposure_chart_frame(table)
    series_scale = alt.Scale(domain=list(EXPOSURE_SERIES), range=[SECONDARY_COLOUR, SECONDARY_COLOUR, SECONDARY_COLOUR, DATA_COLOUR, CLAIM_COLOUR])
    opacity_scale = alt.Scale(domain=list(EXPOSURE_SERIES), range=[0.9, 0.4, 0.15, 1, 1])
    dash_scale = alt.Scale(domain=list(EXPOSURE_SERIES), range=[[1, 0], [1, 0], [4, 2], [1, 0], [1, 0]])
    shape_scale = alt.Scale(domain=list(EXPOSURE_SERIES), range=["square", "square", "square", "stroke", "diamond"])
    legend = alt.Legend(title=None, columns=1, symbolStrokeWidth=2)
    y = alt.Y("economy:N", sort=list(EXPOSURE_ORDER), title=None, axis=labels_above_bands(-13))
    tooltip = [
        alt.Tooltip("economy:N", title="Economy"),
        alt.Tooltip("series:N", title="Series"),
        alt.Tooltip("share_pct:Q", title="Share of employment (%)", format=".0f"),
        alt.Tooltip("status:N", title="Status"),
        alt.Tooltip("document:N", title="Stated in"),
    ]
    base = alt.Chart()
    color = alt.Color("series:N", scale=series_scale, legend=legend)
    opacity = alt.Opacity("series:N", scale=opacity_scale, legend=legend)
    shape = alt.Shape("series:N", scale=shape_scale, legend=legend)
    dash = alt.StrokeDash("series:N", scale=dash_scale, legend=legend)
    is_bar = alt.FieldOneOfPredicate(field="series", oneOf=[SERIES_HIGH, SERIES_LOW, SERIES_COUNTRY])
    bars = (
        base.transform_filter(is_bar)
        .mark_bar(stroke=SECONDARY_COLOUR, strokeWidth=1, height={"band": 0.45}, yOffset=6)
        .encode(
            x=alt.X("start:Q", title="High-exposure jobs (% of employment)", scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(tickCount=10)),
            x2="end:Q",
            color=color,
            opacity=opacity,
            shape=shape,
            strokeDash=dash,
        )
    )
    totals = base.transform_filter(alt.datum.series == SERIES_PRIMARY).mark_tick(thickness=4, size=22, opacity=1, yOffset=6).encode(
        x="share_pct:Q", color=color, shape=shape
    )
    total_labels = base.transform_filter(alt.datum.series == SERIES_PRIMARY).mark_text(align="left", dx=6, dy=6, color=DATA_COLOUR, fontWeight="bold").encode(
        x="share_pct:Q", text=alt.Text("share_pct:Q", format=".0f")
    )
    claims = base.transform_filter(alt.datum.series == SERIES_CLAIM).mark_point(size=120, filled=True, opacity=1, yOffset=-8).encode(
        x="share_pct:Q", color=color, shape=shape
    )
    return (
        alt.layer(bars, totals, total_labels, claims, data=frame)
        .encode(y=y, tooltip=tooltip)
        .properties(width="container", height=380)
    )


def exposure_description(table: pd.DataFrame) -> str:
    f = exposure_figures(table)
    return (
        "Horizontal bar chart of the share of employment in occupations highly exposed to AI, from the IMF's January 2024 "
        f"note. The note's own summary gives {f['world']:.0f}% for the world, {f['advanced']:.0f}% for advanced economies, "
        f"{f['emerging']:.0f}% for emerging market economies and {f['low_income']:.0f}% for low-income countries, marked as "
        f"blue ticks. Grey bars, from a third party quoting the note, split each group's share into jobs where AI is more "
        f"likely to complement workers and jobs where it may substitute for them: {f['advanced_high']:.0f} and "
        f"{f['advanced_low']:.0f} points in advanced economies, {f['emerging_high']:.0f} and {f['emerging_low']:.0f} in "
        f"emerging markets, {f['low_income_high']:.0f} and {f['low_income_low']:.0f} in low-income countries. Four "
        f"countries, also third-party: United Kingdom {f['uk']:.0f}%, United States {f['us']:.0f}%, Brazil "
        f"{f['brazil']:.0f}%, India {f['india']:.0f}%. The article's {CLAIMED_WORLD_PCT}% and {CLAIMED_ADVANCED_PCT}% are "
        "diamonds above the world and advanced-economy rows, on the IMF's totals."
    )


# --- Chart 2: the AI Preparedness Index by group --------------------------------------------
# The countries the chapter labels (the selection: the article's France and the large
# economies a reader would look for in each group).
SELECTED = ("FRA", "USA", "GBR", "DEU", "CHN", "IND", "BRA", "NGA", "SAU")


def group_labels() -> dict[str, str]:
    """Workbook group code -> the DataMapper's own label for the same group."""
    from ..datapackage import load

    aggregates = load(AIPI_AGGREGATES.name).set_index("code")
    return {group: str(aggregates.loc[code, "label"]) for group, code in DATAMAPPER_GROUP.items()}


def jitter(code: str) -> float:
    """A fixed vertical offset in [-0.35, 0.35] per economy, so the dots do not sit on one line."""
    return round((zlib.crc32(code.encode()) % 1000) / 1000 * 0.7 - 0.35, 3)


def aipi_strip_frame(table: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    frame = table[["iso3", "country", "group", *AIPI_INDICATORS]].copy()
    # Three decimals are finer than any difference the chart can show, and keep the spec small.
    frame[list(AIPI_INDICATORS)] = frame[list(AIPI_INDICATORS)].round(3)
    frame["selected"] = frame["iso3"].isin(SELECTED)
    # Labelled countries sit on the group's centre line, so their labels can be placed above it.
    frame["jitter"] = [0.0 if s else jitter(c) for c, s in zip(frame["iso3"], frame["selected"])]
    unknown = sorted(set(frame["group"]) - set(labels))
    if unknown:
        raise DataError(f"{AIPI.name}: groups {unknown} have no DataMapper label")
    return frame


def aipi_strip_chart(table: pd.DataFrame, labels: dict[str, str]):
    """Each economy's AIPI (or one pillar, chosen with the buttons) by IMF group; selected countries named."""
    import altair as alt

    from ..charts import PALETTE

    frame = aipi_strip_frame(table, labels)
    order = [labels[g] for g in GROUPS]
    pillar = alt.param(
        name="pillar",
        value="AI_PI",
        bind=alt.binding_radio(options=list(AIPI_INDICATORS), labels=[SHORT_LABELS[c] for c in AIPI_INDICATORS], name="Show: "),
    )
    colour = alt.Color("group_label:N", sort=order, scale=alt.Scale(domain=order, range=PALETTE[:3]), legend=None)
    band = alt.Scale(domain=[-0.5, 0.5])
    dots = alt.Chart().mark_point(filled=True, opacity=0.55).encode(
        yOffset=alt.YOffset("jitter:Q", scale=band),
        color=colour,
        size=alt.condition("datum.selected", alt.value(110), alt.value(35)),
        stroke=alt.condition("datum.selected", alt.value("#000000"), alt.value(None)),
        tooltip=[
            alt.Tooltip("country:N", title="Economy"),
            alt.Tooltip("group_label:N", title="IMF group"),
            alt.Tooltip("AI_PI:Q", title="AIPI (0-1)", format=".3f"),
            alt.Tooltip("DI:Q", title="Digital infrastructure", format=".3f"),
            alt.Tooltip("HCLMP:Q", title="Human capital, labour policies", format=".3f"),
            alt.Tooltip("IEI:Q", title="Innovation, integration", format=".3f"),
            alt.Tooltip("RE:Q", title="Regulation and ethics", format=".3f"),
        ],
    )
    medians = (
        alt.Chart()
        .transform_aggregate(median="median(score)", groupby=["group_label"])
        .mark_tick(color="#000000", thickness=2, size=46)
        .encode(x="median:Q", tooltip=[alt.Tooltip("group_label:N", title="IMF group"), alt.Tooltip("median:Q", title="Median", format=".3f")])
    )
    # Labels take four levels, below and above the centre line in turn by score, so that close
    # neighbours (France, the UK, Germany and the US) do not overwrite one another.
    names = (
        alt.Chart()
        .transform_filter("datum.selected")
        .transform_window(order="rank(score)", groupby=["group_label"], sort=[alt.SortField("score")])
        .transform_calculate(label_offset="[0.17, -0.17, 0.32, -0.32][datum.order % 4]")
        .mark_text(fontSize=11)
        .encode(text="country:N", yOffset=alt.YOffset("label_offset:Q", scale=band))
    )
    # The long group names are added in the browser, not repeated on every row of the data.
    label_of = "{" + ", ".join(f"{json.dumps(g)}: {json.dumps(labels[g])}" for g in GROUPS) + "}"
    return (
        alt.layer(dots, medians, names, data=frame)
        .transform_calculate(score="datum[pillar]", group_label=f"{label_of}[datum.group]")
        .transform_filter("isValid(datum.score)")
        .encode(
            x=alt.X("score:Q", title="Score (index points, 0-1 scale)", scale=alt.Scale(zero=True), axis=alt.Axis(tickCount=5)),
            y=alt.Y("group_label:N", sort=order, title=None, axis=labels_above_bands(-48)),
        )
        .add_params(pillar)
        .properties(width="container", height=330)
    )


def aipi_strip_description(table: pd.DataFrame, labels: dict[str, str]) -> str:
    scored = table.dropna(subset=["AI_PI"])
    medians = scored.groupby("group")["AI_PI"].median()
    top, bottom = scored.loc[scored["AI_PI"].idxmax()], scored.loc[scored["AI_PI"].idxmin()]
    overlap = emerging_above_weakest_advanced(table)
    named = ", ".join(
        f"{r.country} {r.AI_PI:.2f}" for r in scored.loc[scored["iso3"].isin(SELECTED)].sort_values("AI_PI", ascending=False).itertuples()
    )
    return (
        f"Dot plot of the IMF AI Preparedness Index for {len(scored)} economies, one row per IMF group, with buttons to "
        f"show one of the four pillars instead. Group medians: {labels['AE']} {medians['AE']:.2f}, {labels['EM']} "
        f"{medians['EM']:.2f}, {labels['LIC']} {medians['LIC']:.2f}. {overlap} of the {(scored['group'] == 'EM').sum()} "
        f"emerging market economies score above the lowest advanced economy. Highest {top['country']} {top['AI_PI']:.2f}, "
        f"lowest {bottom['country']} {bottom['AI_PI']:.2f}. Labelled: {named}."
    )


# --- Chart 3: what the selected countries' scores are made of -------------------------------
def components_frame(table: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    chosen = table.loc[table["iso3"].isin(SELECTED)]
    missing = sorted(set(SELECTED) - set(chosen["iso3"]))
    if missing:
        raise DataError(f"{AIPI.name}: selected economies {missing} are not in the table")
    long = chosen.melt(id_vars=["iso3", "country", "group", "AI_PI"], value_vars=list(COMPONENTS), var_name="pillar", value_name="contribution")
    return pd.DataFrame(
        {
            "country": long["country"].astype(str) + " (" + long["group"].astype(str) + ")",
            "group": long["group"].map(labels),
            "pillar": long["pillar"].map(INDICATOR_LABELS),
            "pillar_order": long["pillar"].map(COMPONENTS.index),
            "contribution": long["contribution"].round(4),
            "composite": long["AI_PI"].round(4),
        }
    )


def aipi_components_chart(table: pd.DataFrame, labels: dict[str, str]):
    """Stacked pillar contributions of the selected countries; click a pillar in the legend to compare it."""
    import altair as alt

    from ..charts import PALETTE, legend_highlight

    frame = components_frame(table, labels)
    order = frame.sort_values("composite", ascending=False)["country"].drop_duplicates().tolist()
    pillars = [INDICATOR_LABELS[c] for c in COMPONENTS]
    pick, highlighted = legend_highlight("pillar", dimmed=0.25)
    base = alt.Chart(frame).encode(y=alt.Y("country:N", sort=order, title=None, axis=labels_above_bands(-10)))
    bars = base.mark_bar(height={"band": 0.45}, yOffset=6).encode(
        x=alt.X("sum(contribution):Q", title="AIPI by pillar (index points, 0-1)"),
        color=alt.Color(
            "pillar:N",
            scale=alt.Scale(domain=pillars, range=[PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[4]]),
            legend=alt.Legend(title="Pillar (click to highlight)", columns=1),
        ),
        order=alt.Order("pillar_order:Q"),
        opacity=highlighted,
        tooltip=[
            alt.Tooltip("country:N", title="Country (IMF group)"),
            alt.Tooltip("pillar:N", title="Pillar"),
            alt.Tooltip("contribution:Q", title="Contribution (index points)", format=".3f"),
            alt.Tooltip("composite:Q", title="AIPI (0-1)", format=".3f"),
        ],
    ).add_params(pick)
    totals = base.transform_aggregate(composite="max(composite)", groupby=["country"]).mark_text(align="left", dx=4, dy=6).encode(
        x="composite:Q", text=alt.Text("composite:Q", format=".2f")
    )
    return (bars + totals).properties(width="container", height=380)


def components_description(table: pd.DataFrame, labels: dict[str, str]) -> str:
    chosen = table.loc[table["iso3"].isin(SELECTED)].set_index("iso3")
    ordered = chosen.sort_values("AI_PI", ascending=False)
    top, bottom = ordered.iloc[0], ordered.iloc[-1]
    gaps = (top[list(COMPONENTS)] - bottom[list(COMPONENTS)]).astype(float)
    widest = gaps.idxmax()
    parts = "; ".join(
        f"{r.country} {r.AI_PI:.2f} (DI {r.DI:.3f}, HCLMP {r.HCLMP:.3f}, IEI {r.IEI:.3f}, RE {r.RE:.3f})" for r in ordered.itertuples()
    )
    return (
        "Stacked bar chart of the AI Preparedness Index of nine countries, split into the contributions of its four "
        "pillars: digital infrastructure (DI), human capital and labour market policies (HCLMP), innovation and economic "
        f"integration (IEI), regulation and ethics (RE). {parts}. Between {top['country']} and {bottom['country']} the "
        f"widest gap is in {INDICATOR_LABELS[widest].lower()} ({gaps[widest]:.3f} index points)."
    )


def pillar_gaps(table: pd.DataFrame, high: str = "AE", low: str = "EM") -> pd.Series:
    """Mean pillar contribution of one group minus another's, missing values left out, largest first."""
    means = table.groupby("group")[list(COMPONENTS)].mean()
    return (means.loc[high] - means.loc[low]).sort_values(ascending=False)


def emerging_above_weakest_advanced(table: pd.DataFrame) -> int:
    weakest = table.loc[table["group"] == "AE", "AI_PI"].min()
    return int((table.loc[table["group"] == "EM", "AI_PI"] > weakest).sum())


def aggregate_is_sum_of_pillars(aggregates: pd.DataFrame) -> bool:
    """Is each DataMapper group composite the sum of its four pillar aggregates?"""
    rows = aggregates.loc[aggregates["code"].isin(DATAMAPPER_GROUP.values())]
    return bool(((rows[list(COMPONENTS)].sum(axis=1) - rows["AI_PI"]).abs() < ADDITIVITY_TOLERANCE).all())


# --- Exercises ------------------------------------------------------------------------------
@expects("imf-pillar-gap", level="intermediate", tables=("imf_aipi",), hint="Group imf_aipi by 'group', take the mean of DI, HCLMP, IEI and RE, subtract EM from AE, pick the largest.")
def largest_pillar_gap(aipi: pd.DataFrame) -> str:
    return str(pillar_gaps(aipi).index[0])


@expects("imf-em-overlap", level="introductory", tables=("imf_aipi",), hint="Find the lowest AI_PI among group == 'AE', then count group == 'EM' rows above it.")
def emerging_overlap(aipi: pd.DataFrame) -> int:
    return emerging_above_weakest_advanced(aipi)


@expects(
    "imf-complementary-share",
    level="advanced",
    hint="Keep the rows of imf_ai_exposure for Advanced economies whose category is a complementarity split; divide high by high + low.",
    tables=("imf_ai_exposure",),
)
def advanced_complementary_share(exposure: pd.DataFrame) -> float:
    return exposure_figures(exposure)["advanced_high_of_exposed"]


# TRANSITION (until imf is a package): the anticipated mistakes and the written question, as in topics/<topic>/exercises.py.
@anticipates("imf-pillar-gap")
def largest_pillar_gap_mistakes(aipi: pd.DataFrame) -> dict[str, Mistake]:
    pillars = list(COMPONENTS)
    means = aipi.groupby("group")[["AI_PI", *pillars]].mean()
    gaps = means.loc["AE"] - means.loc["EM"]
    return {
        # AI_PI counted as a pillar.
        "with-composite": Mistake(
            str(gaps.idxmax()),
            "That is the composite, AI_PI, which adds the pillars up: the question compares the four pillar "
            "columns only.",
        ),
        # A ratio, not a difference.
        "relative": Mistake(
            str((gaps[pillars] / means.loc["EM", pillars]).idxmax()),
            "That is the largest gap relative to the emerging economies' mean; the question asks for the largest "
            "difference.",
        ),
    }


@anticipates("imf-em-overlap")
def emerging_overlap_mistakes(aipi: pd.DataFrame) -> dict[str, Mistake]:
    advanced = aipi.loc[aipi["group"] == "AE", "AI_PI"]
    emerging = aipi.loc[aipi["group"] == "EM", "AI_PI"]
    return {
        # The advanced economies' mean, not their weakest member.
        "above-mean": Mistake(
            int((emerging > advanced.mean()).sum()),
            "That compares with the advanced economies' average. Overlap between two groups starts at the bottom "
            "of the higher one: compare with the weakest advanced economy.",
        ),
    }


@anticipates("imf-complementary-share")
def advanced_complementary_share_mistakes(exposure: pd.DataFrame) -> dict[str, Mistake]:
    # What a student's filter keeps: both complementarity rows of the note and the June blog's copy of one.
    rows = exposure.loc[(exposure["economy"] == ADVANCED) & exposure["category"].str.contains("complementarity")]
    high = rows.loc[rows["category"] == HIGH_COMPLEMENTARITY, "share_pct"].iloc[0]
    return {
        # The blog's copy of a share summed too.
        "duplicate-row": Mistake(
            float(high / rows["share_pct"].sum()),
            "Print the rows before dividing: one share is there twice, from two documents (read the document "
            "column).",
        ),
        # A share of all employment, not of exposed employment.
        "of-employment": Mistake(
            float(high / 100),
            "That is a share of all employment. The question asks for a share of exposed employment: divide by "
            "the two complementarity shares together.",
        ),
    }


@written("imf-exposed-not-replaced", points=3, tables=("imf_ai_exposure",))
def exposed_not_replaced_figures(exposure: pd.DataFrame) -> dict[str, Any]:
    """The figures of the model answer: the note's exposure shares and the complementarity split of the
    advanced economies' and of the low-income countries' exposed employment."""
    figures = exposure_figures(exposure)
    return {
        "claimed-advanced": CLAIMED_ADVANCED_PCT,
        "advanced": figures["advanced"],
        "advanced-high": figures["advanced_high"],
        "advanced-low": figures["advanced_low"],
        "low-income-low-of-exposed": figures["low_income_low_of_exposed"],
    }
