"""Readers for the shapes in which BLS monthly series reach the book.

Each reader returns the same long frame, one row per series and month::

    series_id (str) | month ('YYYY-MM') | value (float, NaN where the source says there is none)

so that the rest of the chapter does not care which route a series took. They are written to be
reused by ``python -m aiparadox data fetch``, which will save fresh BLS Public Data API v2
responses under ``data/raw/bls/``:

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
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ...datapackage import DataError

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
    return pd.DataFrame({"series_id": pd.Series(dtype="string"), "month": pd.Series(dtype="string"), "value": pd.Series(dtype=float)})


def month_of(date_text: str, where: str) -> str:
    """'2024-12-01' -> '2024-12'; anything that is not the first day of a month is an error."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-01", str(date_text).strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise DataError(f"{where}: {date_text!r} is not the first day of a month (YYYY-MM-01)")
    return f"{match.group(1)}-{match.group(2)}"


def _number(text: Any, missing: str, where: str) -> float:
    if isinstance(text, bool):
        raise DataError(f"{where}: value {text!r} is not a number")
    if isinstance(text, (int, float)):
        return float(text)
    cleaned = str(text).strip()
    if cleaned == missing:
        return float("nan")
    try:
        return float(cleaned.replace(",", ""))
    except ValueError:
        raise DataError(f"{where}: value {text!r} is not a number (nor the missing marker {missing!r})") from None


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


# --- FRED-style CSV ---------------------------------------------------------------------------


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
            rows.append((_check_series_id(rec.series_id, at), month_of(rec.date, at), _number(rec.value, FRED_MISSING, at)))
        frame = _finish(rows, where)
        for column in ("realtime_start", "realtime_end"):
            if column in raw.columns:
                vintages = sorted(set(raw[column]))
                if len(vintages) != 1:
                    raise DataError(f"{where}: mixes vintages in {column} ({vintages[:3]}...); keep one vintage per file")
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
        for line, (date, value) in enumerate(zip(raw[date_column], raw[series_id]), start=2):
            at = f"{where}, line {line}"
            rows.append((series_id, month_of(date, at), _number(value, FRED_MISSING, at)))
    return _finish(rows, where)


def read_fred_csv(path: Path) -> pd.DataFrame:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    return parse_fred_csv(text, path.name)


# --- BLS Public Data API v2 -------------------------------------------------------------------


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


# --- the {t, v} lists of the cached copies ----------------------------------------------------


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


# --- gaps -------------------------------------------------------------------------------------


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
        full["gap"] = full["month"].map(lambda m: known_gaps.get(m) if m in absent else None)
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
