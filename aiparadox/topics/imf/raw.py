"""IMF raw files as the publishers and the copies we hold give them: their names, their readers,
and what ``data fetch`` downloads (:func:`remote`).

* The **excerpt files** (``page_*.txt``) hold the sentences that state the exposure shares and
  LinkedIn's skills figure; :func:`locate` finds a sentence declared with named slots and reads
  the figures in it, so a number in a table is the one in the file.
* The **DataMapper API v1** answers one indicator of the AIPI dataset at a time
  (:func:`parse_datamapper_v1`); our stored copy is FutureGrid's reshaping of those answers
  (:func:`futuregrid_as_long`), read into the same long shape.
* The IMF's **workbook** ``aipidata.xlsx`` gives each economy's group (:func:`read_workbook`), and
  the stored ``/groups`` and ``/regions`` answers the aggregates' labels (:func:`aggregate_labels`).
* Each file's provenance (publisher, address, the route our copy took) is a ``Source`` here, which
  the tables cite.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pandas as pd

from ...datapackage import DataError, Source
from ...fetch_plan import Download, Keep
from ...i18n import N_

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
        raise DataError(f'{filename}: the quoted sentence "{shown}" is not in the file')
    readings = {tuple(sorted(m.groupdict().items())) for m in matches}
    if len(readings) > 1:
        raise DataError(f'{filename}: the sentence "{SLOT.sub("…", template)}" appears with different figures')
    match = matches[0]
    return match.group(0), {slot: float(value) for slot, value in match.groupdict().items()}


# --- The DataMapper API v1 ------------------------------------------------------------------
DATAMAPPER_API = "https://www.imf.org/external/datamapper/api/v1"
DATAMAPPER_DASHBOARD = "https://www.imf.org/external/datamapper/AI_PI@AIPI/ADVEC/EME/LIC"
AIPI_DATASET = "AIPI"
# The official indicator codes of the AIPI dataset, composite first (SOURCE.md 3a).
AIPI_INDICATORS = ("AI_PI", "DI", "HCLMP", "IEI", "RE")
COMPONENTS = AIPI_INDICATORS[1:]
# The index's and pillars' names (N_: translated where the chapter shows them).
INDICATOR_LABELS = {
    "AI_PI": N_("AI Preparedness Index (composite)"),
    "DI": N_("Digital infrastructure"),
    "HCLMP": N_("Human capital and labour market policies"),
    "IEI": N_("Innovation and economic integration"),
    "RE": N_("Regulation and ethics"),
}
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
                # JSON's bare NaN and Infinity parse as floats; the API's missing value is null.
                if value is not None and (
                    isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value)
                ):
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
    is_number = frame["value"].map(lambda v: v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)))
    bad = frame.loc[~is_number]
    if not bad.empty:
        raise DataError(f"{name}: non-numeric values, e.g. {bad.head(3).to_dict('records')}")
    return frame.assign(value=pd.to_numeric(frame["value"]).astype(float))


def datamapper_as_long(folder: Path) -> tuple[pd.DataFrame, int, str]:
    """The five AIPI indicators from the DataMapper answers that ``data fetch`` saved, and their year.

    The year is the latest one in which the composite has a value; every sub-index must have
    values for that year too. Values of other years are not used (nor used to fill gaps)."""
    parts = [
        parse_datamapper_v1(read_text(folder, fetched_indicator_file(code)), fetched_indicator_file(code))
        for code in AIPI_INDICATORS
    ]
    long = pd.concat(parts, ignore_index=True)
    where = f"the DataMapper answers {fetched_indicator_file('*')}"
    with_values = long.dropna(subset=["value"])
    composite_years = with_values.loc[with_values["indicator"] == "AI_PI", "year"]
    if composite_years.empty:
        raise DataError(f"{fetched_indicator_file('AI_PI')}: no economy has a value")
    year = int(composite_years.max())
    lacking = [
        code for code in COMPONENTS if not ((with_values["indicator"] == code) & (with_values["year"] == year)).any()
    ]
    if lacking:
        raise DataError(f"{where}: the composite has values for {year} but {lacking} have none")
    return long, year, where


def aipi_inputs(folder: Path) -> tuple[pd.DataFrame, int, str, str]:
    """(long values, year, where they were read, workbook file): the IMF's own answers if fetched."""
    folder = Path(folder)
    fetched = [(folder / fetched_indicator_file(code)).is_file() for code in AIPI_INDICATORS]
    if any(fetched):
        if not all(fetched):
            absent = [fetched_indicator_file(c) for c, f in zip(AIPI_INDICATORS, fetched, strict=True) if not f]
            raise DataError(f"{folder}: DataMapper answers {absent} are missing while the others are there")
        long, year, where = datamapper_as_long(folder)
    else:
        long = futuregrid_as_long(folder / FUTUREGRID_FILE)
        year, where = int(long["year"].iloc[0]), FUTUREGRID_FILE
    return long, year, where, first_present(folder, FETCHED_WORKBOOK, WORKBOOK_FILE)


# --- The IMF workbook: each economy's group; the aggregates' labels ---------------------------
WORKBOOK_URL = "https://www.imf.org/external/datamapper/aipidata.xlsx"
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
# The IMF's groups in the AIPI, as the workbook's 'type' column codes them: advanced economies,
# emerging market economies, low-income countries.
GROUPS = ("AE", "EM", "LIC")


def read_workbook(path: Path) -> pd.DataFrame:
    """The AIPI sheet of aipidata.xlsx: country, iso3, group and the five values ('NA' -> missing)."""
    name = Path(path).name
    try:
        # pandas imports python-calamine only here, when a workbook is read: importing this module
        # (as the chapter side does, through the tables) loads no spreadsheet reader.
        grid = pd.read_excel(
            path, sheet_name="AIPI", header=None, engine="calamine", dtype=object, keep_default_na=False, na_values=[]
        )
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
    body = grid.iloc[header_rows[0] + 1 :].set_axis(header, axis=1)[list(WORKBOOK_COLUMNS)]
    body = body.rename(columns=WORKBOOK_COLUMNS)
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
            raise DataError(
                f"{name}: column {code} has text that is neither a number nor '{WORKBOOK_MISSING}', e.g. {examples}"
            )
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


# --- Where the files come from: the sources the tables cite -------------------------------
SDN_SOURCE = Source(
    publisher="International Monetary Fund",
    title=(
        "Gen-AI: Artificial Intelligence and the Future of Work, Staff Discussion Note SDN/2024/001 "
        "(Cazzaniga et al., January 2024)"
    ),
    series=(
        "Executive Summary [primary]; the text on Figures 1-2 (exposure by complementarity, country groups and "
        "selected countries) as quoted by a third party [secondary]"
    ),
    url=(
        "https://www.imf.org/en/Publications/Staff-Discussion-Notes/Issues/2024/01/14/"
        "Gen-AI-Artificial-Intelligence-and-the-Future-of-Work-542379"
    ),
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
    title=(
        "AI Will Transform the Global Economy (Georgieva, 14 January 2024); "
        "Mapping the World's Readiness for AI (June 2024)"
    ),
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
    route=(
        "Summaries and press quoting the reports (addresses in the quoted_at column); "
        f"quotations kept in {LINKEDIN_EXCERPTS}"
    ),
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
        "d8c645dbe01451d0f214593df42c547af7fdf7bc "
        "(sha256 1098e9ce4f919c8a670db1a1fa0488bac8ace4179816d81c9eb0abe56bdd469e); "
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


# --- What ``data fetch`` downloads ------------------------------------------------------------
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
    plan: list = [
        Download(
            datamapper_url(code),
            fetched_indicator_file(code),
            check=check_datamapper_answer(code, fetched_indicator_file(code)),
            description=f"DataMapper {code} ({INDICATOR_LABELS[code]}), every economy and aggregate",
        )
        for code in AIPI_INDICATORS
    ]
    plan += [
        Download(
            f"{DATAMAPPER_API}/groups",
            FETCHED_GROUPS,
            check=check_label_answer("groups"),
            description="labels of the country groups",
        ),
        Download(
            f"{DATAMAPPER_API}/regions",
            FETCHED_REGIONS,
            check=check_label_answer("regions"),
            description="labels of the regions",
        ),
        Download(
            WORKBOOK_URL,
            FETCHED_WORKBOOK,
            check=check_workbook,
            description="AIPI workbook: the AE/EM/LIC group of each economy",
        ),
        Keep(
            EXCERPT_FILES,
            "the exposure shares and the LinkedIn figure are quoted sentences from stored pages; no API serves them",
        ),
    ]
    return plan
