"""The BLS files as published, their readers, and what ``data fetch`` downloads (:func:`remote`).

The monthly series reach the derivation in one of two shapes, read by the same code:

* the cached copies of the shared folder (FRED vintage CSV, the ``{t, v}`` JSON lists), or
* the BLS Public Data API v2 answers that ``python -m aiparadox data fetch`` saves as
  ``bls_api_v2_*.json`` (:func:`remote` says what it asks for). When such files are present they
  are the only source of the monthly series; the transcribed tables and ``SOURCE.md`` are carried
  over from the previous copy because no API serves them.

Each reader of a monthly series returns the same long frame, one row per series and month::

    series_id (str) | month ('YYYY-MM') | value (float, NaN where the source says there is none)

so that the rest of the chapter does not care which route a series took:

* :func:`read_fred_csv`: a FRED or ALFRED download (``observation_date,<ID>``, ``DATE,<ID>`` or
  the long ``date,series_id,value,realtime_start,realtime_end`` form), ``.`` meaning "no value";
* :func:`parse_bls_api_v2` / :func:`read_bls_api_v2`: a response of
  ``https://api.bls.gov/publicAPI/v2/timeseries/data/``;
* :func:`read_points_json`: the ``[{"t": "YYYY-MM-01", "v": number}, ...]`` lists, with a
  sibling ``...SeriesId`` key, that the cached copies of ``SOURCE.md`` section 2 hold.

None of them fills or drops a month: a value the source marks as missing stays NaN, and months
the source leaves out stay out until :func:`complete_months` decides whether the gap is a known
one.
"""

from __future__ import annotations

import io
import json
import math
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from ...datapackage import DataError
from ...datasets import NOTES_FILE
from ...fetch_plan import Download, Keep

# --- the series and files the tables are made from ------------------------------------------------

LEVEL_ID, RATE_ID = "LNU03032237", "LNU04032237"
OPENINGS_ID, LAYOFFS_ID = "JTS510000000000000JOL", "JTS510000000000000LDL"
CSD_EMPLOYMENT_ID = "CES6054150001"

RATE_FILE = "LNU04032237_fred_vintage_2025-01-20.csv"
RATE_VINTAGE = "2025-01-20"
FRED_JSON = "fred_LNU03032237_CES6054150001_2019-2026.json"
JOLTS_JSON = "bls_jolts_information_2019-2026.json"
A14_FILE = "bls_empsit_tableA14_information_excerpts.txt"
A30_FILE = "bls_cpseea30_computer_math_occupations_excerpts.txt"

# Where each employer series sits in the cached copies: (file, key of its {t, v} list, key of its series id, series id).
CACHED_EMPLOYER_SERIES = (
    (JOLTS_JSON, "jobOpenings", "jobOpeningsSeriesId", OPENINGS_ID),
    (JOLTS_JSON, "layoffsDischarges", "layoffsSeriesId", LAYOFFS_ID),
    (FRED_JSON, "techEmployment", "techEmploymentSeriesId", CSD_EMPLOYMENT_ID),
)
EMPLOYER_IDS = tuple(series_id for *_, series_id in CACHED_EMPLOYER_SERIES)

# --- the shapes of a monthly series ---------------------------------------------------------------

COLUMNS = ["series_id", "month", "value"]
SERIES_ID = re.compile(r"^[A-Z]{2}[A-Z0-9]{3,}$")
MONTH_PERIOD = re.compile(r"^M(0[1-9]|1[0-2])$")
# M13 is the annual average the API adds when ``annualaverage`` is requested: not a month.
ANNUAL_AVERAGE_PERIOD = "M13"
# FRED writes "." for an observation that does not exist; BLS writes "-".
FRED_MISSING = "."
BLS_MISSING = "-"
FRED_DATE_COLUMNS = ("observation_date", "DATE", "date")


def _empty() -> pd.DataFrame:
    return pd.DataFrame(
        {"series_id": pd.Series(dtype="string"), "month": pd.Series(dtype="string"), "value": pd.Series(dtype=float)}
    )


def month_of(date_text: str, where: str) -> str:
    """'2024-12-01' -> '2024-12'; anything that is not the first day of a month is an error."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-01", str(date_text).strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise DataError(f"{where}: {date_text!r} is not the first day of a month (YYYY-MM-01)")
    return f"{match.group(1)}-{match.group(2)}"


def _number(text: Any, missing: str, where: str) -> float:
    """A value as a finite number; only the publisher's missing marker becomes NaN. Python reads
    "NaN", "inf" (and JSON's bare NaN and Infinity) as floats: they are not numbers of the series."""
    if isinstance(text, bool):
        raise DataError(f"{where}: value {text!r} is not a number")
    if isinstance(text, (int, float)):
        value = float(text)
    else:
        cleaned = str(text).strip()
        if cleaned == missing:
            return float("nan")
        try:
            value = float(cleaned.replace(",", ""))
        except ValueError:
            raise DataError(f"{where}: value {text!r} is not a number (nor the missing marker {missing!r})") from None
    if not math.isfinite(value):
        raise DataError(f"{where}: value {text!r} is not a number (nor the missing marker {missing!r})")
    return value


def _check_series_id(series_id: Any, where: str) -> str:
    if not isinstance(series_id, str) or not SERIES_ID.match(series_id):
        raise DataError(f"{where}: {series_id!r} is not a BLS series id")
    return series_id


def _finish(rows: list[tuple[str, str, float]], where: str) -> pd.DataFrame:
    if not rows:
        raise DataError(f"{where}: no observations")
    frame = pd.DataFrame(rows, columns=COLUMNS).astype({"series_id": "string", "month": "string", "value": float})
    dupes = frame.duplicated(["series_id", "month"], keep=False)
    if dupes.any():
        first = frame.loc[dupes].iloc[0]
        raise DataError(f"{where}: {first['series_id']} has more than one value for {first['month']}")
    return frame.sort_values(["series_id", "month"], ignore_index=True)


# --- FRED-style CSV -------------------------------------------------------------------------------


def parse_fred_csv(text: str, where: str) -> pd.DataFrame:
    """Parse FRED CSV text (wide or long form). Raises DataError naming ``where`` on bad input."""
    try:
        raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataError(f"{where}: not a CSV file ({exc})") from None
    rows: list[tuple[str, str, float]] = []
    if {"date", "series_id", "value"} <= set(raw.columns):
        # ALFRED / fredapi long form; realtime_* give the vintage, one per file here.
        for line, rec in enumerate(raw.itertuples(index=False), start=2):
            at = f"{where}, line {line}"
            rows.append(
                (_check_series_id(rec.series_id, at), month_of(rec.date, at), _number(rec.value, FRED_MISSING, at))
            )
        frame = _finish(rows, where)
        for column in ("realtime_start", "realtime_end"):
            if column in raw.columns:
                vintages = sorted(set(raw[column]))
                if len(vintages) != 1:
                    raise DataError(
                        f"{where}: mixes vintages in {column} ({vintages[:3]}...); keep one vintage per file"
                    )
                frame.attrs[column] = vintages[0]
        return frame
    date_column = next((c for c in FRED_DATE_COLUMNS if c in raw.columns), None)
    if date_column is None or raw.shape[1] < 2:
        raise DataError(
            f"{where}: not a FRED CSV (expected a date column named one of {FRED_DATE_COLUMNS} and one "
            "column per series, or the columns date, series_id, value)"
        )
    for series_id in (c for c in raw.columns if c != date_column):
        _check_series_id(series_id, f"{where}, header")
        for line, (day, value) in enumerate(zip(raw[date_column], raw[series_id], strict=True), start=2):
            at = f"{where}, line {line}"
            rows.append((series_id, month_of(day, at), _number(value, FRED_MISSING, at)))
    return _finish(rows, where)


def read_fred_csv(path: Path) -> pd.DataFrame:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    return parse_fred_csv(text, path.name)


# --- BLS Public Data API v2 -----------------------------------------------------------------------


def _load_json(payload: str | bytes | Mapping[str, Any], where: str) -> Any:
    if isinstance(payload, Mapping):
        return payload
    try:
        return json.loads(payload)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DataError(f"{where}: not valid JSON ({exc})") from None


def _series_list(body: Mapping[str, Any], where: str) -> list[Mapping[str, Any]]:
    results = body.get("Results")
    # Live responses hold an object; the sample on api_signature_v2.htm wraps it in a list.
    if isinstance(results, list):
        series = [s for block in results if isinstance(block, Mapping) for s in block.get("series", [])]
    elif isinstance(results, Mapping):
        series = list(results.get("series", []))
    else:
        series = []
    if not series:
        messages = "; ".join(map(str, body.get("message", []))) or "none"
        raise DataError(f"{where}: the response holds no series (BLS messages: {messages})")
    return series


def parse_bls_api_v2(payload: str | bytes | Mapping[str, Any], where: str) -> pd.DataFrame:
    """Parse a BLS API v2 ``timeseries/data`` response into the common long frame.

    Monthly periods only (M01-M12); the annual average M13 is left out because it is not a
    month. A value of ``-`` (no data) stays NaN with its row, so the gap stays visible.
    """
    body = _load_json(payload, where)
    if not isinstance(body, Mapping):
        raise DataError(f"{where}: expected a JSON object with 'status' and 'Results'")
    status = body.get("status")
    if status != "REQUEST_SUCCEEDED":
        messages = "; ".join(map(str, body.get("message", []))) or "no message"
        raise DataError(f"{where}: BLS API status {status!r} ({messages})")
    rows: list[tuple[str, str, float]] = []
    for series in _series_list(body, where):
        series_id = _check_series_id(series.get("seriesID"), f"{where}, seriesID")
        data = series.get("data")
        if not isinstance(data, list) or not data:
            raise DataError(f"{where}: series {series_id} has no data")
        for item in data:
            period, year = item.get("period"), str(item.get("year", ""))
            at = f"{where}, {series_id} {year} {period}"
            if period == ANNUAL_AVERAGE_PERIOD:
                continue
            if not isinstance(period, str) or not MONTH_PERIOD.match(period):
                raise DataError(f"{at}: period {period!r} is not a month (M01-M12); this reader is for monthly series")
            if not re.fullmatch(r"\d{4}", year):
                raise DataError(f"{at}: year {year!r} is not a four-digit year")
            if "value" not in item:
                raise DataError(f"{at}: no 'value'")
            rows.append((series_id, f"{year}-{period[1:]}", _number(item["value"], BLS_MISSING, at)))
    return _finish(rows, where)


def read_bls_api_v2(path: Path) -> pd.DataFrame:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    return parse_bls_api_v2(data, path.name)


# --- the {t, v} lists of the cached copies --------------------------------------------------------


def parse_points(body: Mapping[str, Any], key: str, series_key: str, where: str) -> pd.DataFrame:
    """One ``[{"t": ..., "v": ...}]`` list of a cached JSON file, with its series id."""
    if key not in body or series_key not in body:
        raise DataError(f"{where}: no '{key}' list with its '{series_key}' (keys: {sorted(body)})")
    series_id = _check_series_id(body[series_key], f"{where}, {series_key}")
    points = body[key]
    if not isinstance(points, list):
        raise DataError(f"{where}: '{key}' is not a list")
    rows = []
    for i, point in enumerate(points):
        at = f"{where}, {key}[{i}]"
        if not isinstance(point, Mapping) or "t" not in point or "v" not in point:
            raise DataError(f"{at}: expected an object with 't' and 'v'")
        if point["v"] is None:
            raise DataError(f"{at}: value is null; the cached files leave missing months out instead")
        rows.append((series_id, month_of(point["t"], at), _number(point["v"], BLS_MISSING, at)))
    return _finish(rows, f"{where}, {key}")


def read_points_json(path: Path, key: str, series_key: str) -> pd.DataFrame:
    path = Path(path)
    try:
        body = _load_json(path.read_bytes(), path.name)
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    if not isinstance(body, Mapping):
        raise DataError(f"{path.name}: expected a JSON object")
    return parse_points(body, key, series_key, path.name)


# --- gaps -----------------------------------------------------------------------------------------


def month_range(first: str, last: str) -> list[str]:
    return [p.strftime("%Y-%m") for p in pd.period_range(first, last, freq="M")]


def complete_months(frame: pd.DataFrame, known_gaps: Mapping[str, str], where: str) -> pd.DataFrame:
    """Give every month between a series' first and last a row, without inventing values.

    A month that the source leaves out is allowed only if ``known_gaps`` explains it; its row
    gets a NaN value and the explanation in ``gap``. Any other hole is an error, so a download
    that lost months cannot pass unnoticed.
    """
    parts = []
    for series_id, group in frame.groupby("series_id", sort=True):
        months = month_range(group["month"].min(), group["month"].max())
        present = set(group["month"])
        absent = [m for m in months if m not in present]
        unexplained = [m for m in absent if m not in known_gaps]
        if unexplained:
            raise DataError(f"{where}: {series_id} has no observation for {', '.join(unexplained)} and no known reason")
        full = pd.DataFrame({"month": months}).merge(group, on="month", how="left")
        full["series_id"] = series_id
        reasons = {m: known_gaps.get(m) for m in absent}
        full["gap"] = full["month"].map(reasons)
        parts.append(full[["series_id", "month", "value", "gap"]])
    return pd.concat(parts, ignore_index=True).astype({"series_id": "string", "month": "string", "gap": "string"})


def seasonal_adjustment(series_id: str) -> str:
    """Decoded from the third character of the id (BLS series id formats, bls.gov/help/hlpforma.htm)."""
    code = series_id[2:3]
    if code == "U":
        return "not seasonally adjusted"
    if code == "S":
        return "seasonally adjusted"
    raise DataError(f"{series_id}: third character {code!r} is not a BLS seasonal adjustment code (S or U)")


# --- the transcribed BLS tables and the notes that quote the press --------------------------------


def read_csv_blocks(path: Path, header_start: str) -> list[pd.DataFrame]:
    """The CSV blocks of an excerpt file: each starts at a line beginning with ``header_start``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    blocks, current = [], None
    for line in lines:
        if line.startswith(header_start):
            current = [line]
            blocks.append(current)
        elif line.startswith("#") or not line.strip():
            current = None
        elif current is not None:
            current.append(line)
    if not blocks:
        raise DataError(f"{path.name}: no table starting with '{header_start}'")
    return [pd.read_csv(io.StringIO("\n".join(b)), dtype=str) for b in blocks]


MONTHS = {
    m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}


def excerpt_month(text: str, where: str) -> str:
    match = re.fullmatch(r"([a-z]{3})(\d{4})", text.lower())
    if not match or match.group(1) not in MONTHS:
        raise DataError(f"{where}: cannot read a month in {text!r}")
    return f"{match.group(2)}-{MONTHS[match.group(1)]:02d}"


def excerpt_number(text: str, where: str) -> float:
    try:
        return float(str(text).replace(",", ""))
    except ValueError:
        raise DataError(f"{where}: {text!r} is not a number") from None


def quoted_number(notes: tuple[Path, str], sentence: str, pattern: str) -> float:
    """The number that ``pattern`` captures inside ``sentence``, which must appear verbatim in the notes."""
    path, text = notes
    wanted = " ".join(sentence.split())
    if wanted not in text:
        raise DataError(f"{path}: the quoted sentence {wanted!r} is not there")
    match = re.search(pattern, wanted)
    if not match:
        raise DataError(f"{path}: {pattern!r} finds no number in the sentence {wanted!r}")
    return float(match.group(1))


# --- which files give the monthly series ----------------------------------------------------------


def expect_one_series(frame: pd.DataFrame, series_id: str, where: str) -> pd.DataFrame:
    found = sorted(frame["series_id"].unique())
    if found != [series_id]:
        raise DataError(f"{where}: expected series {series_id}, found {found}")
    return frame


API_FILE_PREFIX = "bls_api_v2_"
API_FILES = "BLS API v2 files"


def api_files(folder: Path) -> list[Path]:
    return sorted(Path(folder).glob(f"{API_FILE_PREFIX}*.json"))


def read_api_series(folder: Path) -> dict[str, pd.DataFrame]:
    """Every series of the saved API answers, by id. A ``-`` value (no data) is a month without an
    observation: :func:`complete_months` then accepts it only if it is a known gap."""
    frames = [read_bls_api_v2(path) for path in api_files(folder)]
    every = pd.concat(frames, ignore_index=True)
    twice = every.duplicated(["series_id", "month"], keep=False)
    if twice.any():
        first = every.loc[twice].iloc[0]
        raise DataError(f"{API_FILES} in {folder}: {first['series_id']} {first['month']} is answered twice")
    every = every.dropna(subset=["value"])
    return {series_id: group.reset_index(drop=True) for series_id, group in every.groupby("series_id", sort=True)}


def monthly_inputs(folder: Path) -> dict[str, tuple[pd.DataFrame, str]]:
    """Each monthly series the tables need, with the name of what it was read from."""
    folder = Path(folder)
    if api_files(folder):
        series = read_api_series(folder)
        missing = [s for s in (LEVEL_ID, RATE_ID, *EMPLOYER_IDS) if s not in series]
        if missing:
            raise DataError(f"{API_FILES} in {folder}: no observations for {missing}")
        return {series_id: (series[series_id], API_FILES) for series_id in (LEVEL_ID, RATE_ID, *EMPLOYER_IDS)}
    level = read_points_json(folder / FRED_JSON, "unemploymentLevel", "unemploymentLevelSeriesId")
    rate = read_fred_csv(folder / RATE_FILE)
    if expect_one_series(rate, RATE_ID, RATE_FILE).attrs.get("realtime_start") != RATE_VINTAGE:
        raise DataError(
            f"{RATE_FILE}: expected the FRED vintage {RATE_VINTAGE}, found {rate.attrs.get('realtime_start')}"
        )
    inputs = {LEVEL_ID: (level, FRED_JSON), RATE_ID: (rate, RATE_FILE)}
    for file, key, series_key, series_id in CACHED_EMPLOYER_SERIES:
        inputs[series_id] = (read_points_json(folder / file, key, series_key), file)
    return inputs


# --- refreshing from the BLS Public Data API v2 (``python -m aiparadox data fetch``) --------------

API_URL = "https://api.bls.gov/publicAPI/v2/timeseries/data/"
API_KEY_VARIABLE = "BLS_API_KEY"
# (series, first year, last year; None = the current year). The rate table stops in December
# 2024, as its title says: January 2025 brought new population controls and the 2022 Census
# industry classification (SOURCE.md section 1), and the table is the long history before that.
API_REQUESTS = (
    ((RATE_ID,), 2000, 2024),
    ((LEVEL_ID, *EMPLOYER_IDS), 2019, None),
)
# Per request, from the BLS API FAQ (SOURCE.md section 4): series, then years (first to last, inclusive).
LIMITS_WITH_KEY = (50, 20)
LIMITS_WITHOUT_KEY = (25, 10)
API_SUCCESS = "REQUEST_SUCCEEDED"


def api_requests(with_key: bool, this_year: int) -> list[tuple[tuple[str, ...], int, int]]:
    """The requests that cover :data:`API_REQUESTS` within the API's limits."""
    most_series, most_years = LIMITS_WITH_KEY if with_key else LIMITS_WITHOUT_KEY
    requests = []
    for series, first, last in API_REQUESTS:
        last = this_year if last is None else last
        for start in range(first, last + 1, most_years):
            end = min(start + most_years - 1, last)
            for i in range(0, len(series), most_series):
                requests.append((tuple(series[i : i + most_series]), start, end))
    return requests


def api_filename(series: tuple[str, ...], start: int, end: int) -> str:
    return f"{API_FILE_PREFIX}{start}-{end}_{'-'.join(series)}.json"


def api_check(series: tuple[str, ...], filename: str):
    """A ``Download.check``: the API's own status, every requested series answered, values readable.

    The BLS answers HTTP 200 even when it refuses a request (a daily limit, a bad key) or knows
    no such series; what went wrong is in ``status`` and ``message``, quoted in the error."""

    def check(payload: bytes) -> None:
        try:
            body = json.loads(payload)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise DataError(f"the BLS API answered with malformed JSON ({exc})") from None
        if not isinstance(body, Mapping):
            raise DataError("the BLS API answer is not a JSON object")
        messages = "; ".join(map(str, body.get("message") or [])) or "no message"
        if body.get("status") != API_SUCCESS:
            raise DataError(f"BLS API status {body.get('status')}: {messages}")
        # Asked for more years than it allows, the API still succeeds, with fewer years and a note.
        cut = [str(m) for m in body.get("message") or [] if "has been reduced" in str(m)]
        if cut:
            raise DataError(f"the BLS API shortened the request: {'; '.join(cut)}")
        results = body.get("Results")
        blocks = results if isinstance(results, list) else [results]
        answered = {
            entry.get("seriesID"): entry.get("data")
            for block in blocks
            if isinstance(block, Mapping)
            for entry in block.get("series") or []
            if isinstance(entry, Mapping)
        }
        unanswered = [s for s in series if not answered.get(s)]
        if unanswered:
            raise DataError(f"no data for {', '.join(unanswered)} (BLS API messages: {messages})")
        frame = parse_bls_api_v2(body, filename)
        empty = [s for s in series if not frame.loc[frame["series_id"] == s, "value"].notna().any()]
        if empty:
            raise DataError(f"only '-' (no data) for {', '.join(empty)} (BLS API messages: {messages})")

    return check


def remote(environ: Mapping[str, str], this_year: int | None = None) -> list:
    """What ``data fetch`` asks the BLS for. The key, if any, travels in the POST body only."""
    key = environ.get(API_KEY_VARIABLE, "")
    plan: list = []
    for series, start, end in api_requests(bool(key), this_year or date.today().year):
        body = {"seriesid": list(series), "startyear": str(start), "endyear": str(end)}
        if key:
            body["registrationkey"] = key
        filename = api_filename(series, start, end)
        plan.append(
            Download(
                API_URL,
                filename,
                method="POST",
                json_body=body,
                check=api_check(series, filename),
                description=f"BLS series {', '.join(series)}, {start}-{end}",
            )
        )
    plan += [
        Keep(
            A14_FILE,
            "table A-14 is transcribed from stored copies of a BLS news-release page; no API serves those versions",
        ),
        Keep(A30_FILE, "table A-30 is transcribed from stored copies of a BLS page; no API serves those versions"),
        Keep(
            NOTES_FILE,
            "the press figures (CompTIA, Janco, ResumeBuilder) are read from sentences quoted in these notes",
        ),
    ]
    return plan
