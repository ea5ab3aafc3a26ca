"""A chart's data as a reader gets it: an HTML table and a CSV file with meaningful columns only,
readable headers with units, and the provenance of the tables it was drawn from.

Which columns are meaningful is the chart's own statement: the fields its tooltips show, titled as
its tooltips title them. Helper columns that only place or order marks (``stretch``, ``order``,
``rank``, ``shown``, a jitter) are in no tooltip and are left out. A tooltip field that a transform
computes is traced back to the columns it is computed from (a ``calculate`` to the fields it reads,
a ``fold`` to the columns it folds); statistics computed by the chart (a median) are not data.

This module imports neither Altair nor pandas: the Sphinx extension uses it on every page it writes.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import io
import re
from dataclasses import dataclass
from typing import Any

from .cells import defuse_formula
from .typography import french

MINUS = "\u2212"  # what d3-format, and so the chart's tooltips, write for a negative number
ENCODING_CHANNELS = ("x", "y", "x2", "y2", "color", "theta", "size", "shape", "text", "detail")


@dataclass(frozen=True)
class Column:
    field: str  # the dataset's column
    title: str  # the chart's own name for it
    format: str | None = None  # d3-format (or d3-time-format when temporal) of the tooltip
    temporal: bool = False

    @property
    def percent(self) -> bool:
        return bool(self.format) and not self.temporal and self.format.endswith("%")

    @property
    def header(self) -> str:
        """The title with its unit: a share shown as a percentage is written in percent."""
        return f"{self.title} (%)" if self.percent and "%" not in self.title else self.title


@dataclass(frozen=True)
class DataTable:
    dataset: str
    columns: tuple[Column, ...]
    rows: tuple[dict[str, Any], ...]


def _tooltips(node: dict[str, Any]) -> list[dict[str, Any]]:
    entry = node.get("encoding", {}).get("tooltip")
    entries = entry if isinstance(entry, list) else [entry] if isinstance(entry, dict) else []
    return [e for e in entries if isinstance(e.get("field"), str)]


def _encoded(node: dict[str, Any]) -> list[dict[str, Any]]:
    encoding = node.get("encoding", {})
    return [
        encoding[c]
        for c in ENCODING_CHANNELS
        if isinstance(encoding.get(c), dict) and isinstance(encoding[c].get("field"), str)
    ]


def _children(node: dict[str, Any]) -> list[dict[str, Any]]:
    children = [c for key in ("layer", "concat", "hconcat", "vconcat") for c in node.get(key, [])]
    return children + ([node["spec"]] if isinstance(node.get("spec"), dict) else [])


def _views(spec: dict[str, Any]):
    """Every view of the spec, with the dataset it draws and the transforms applied on the way."""
    stack = [(spec, None, ())]
    while stack:
        node, dataset, transforms = stack.pop(0)
        data = node.get("data")
        if isinstance(data, dict) and "name" in data:
            dataset = data["name"]
        elif isinstance(data, dict) and ("values" in data or "url" in data):
            raise ValueError("a chart's data must be a named dataset (Altair's default), not inline values or a URL")
        transforms = (*transforms, *node.get("transform", []))
        yield node, dataset, transforms
        stack[0:0] = [(child, dataset, transforms) for child in _children(node)]


def _read_fields(expression: str) -> list[str]:
    return [a or b for a, b in re.findall(r"datum\.(\w+)|datum\[['\"]([^'\"]+)['\"]\]", expression)]


def _traced(
    entry: dict[str, Any], transforms: tuple[dict[str, Any], ...], columns: set[str], direct: dict[str, Column]
) -> list[Column]:
    """The dataset columns behind a field the chart shows, titled as the chart titles them."""
    field = entry["field"]
    if field in columns:
        return [direct[field]]
    for transform in reversed(transforms):
        if transform.get("as") == field and "calculate" in transform:
            read = [f for f in _read_fields(transform["calculate"]) if f in columns]
            return [direct.get(f, Column(f, entry.get("title") or f)) for f in read]
        if "fold" in transform and field in transform.get("as", ["key", "value"])[1:]:
            # Folded columns are named by their own names ("Share of systems"), shown as the value is.
            return [Column(f, f, entry.get("format")) for f in transform["fold"] if f in columns]
    return []  # a statistic the chart computes (a median, a rank) is not data


def _direct(entry: dict[str, Any]) -> Column:
    return Column(
        entry["field"], entry.get("title") or entry["field"], entry.get("format"), entry.get("type") == "temporal"
    )


def chart_tables(spec: dict[str, Any]) -> list[DataTable]:
    """One table for each dataset of the spec that has a meaningful column, in the chart's order."""
    datasets = spec.get("datasets", {})
    columns = {name: {k for row in rows for k in row} for name, rows in datasets.items()}
    views = [(node, dataset, transforms) for node, dataset, transforms in _views(spec) if dataset in datasets]
    # A column shown as itself somewhere is titled as it is there, even where a transform reads it.
    direct: dict[str, Column] = {}
    for node, dataset, _ in views:
        for entry in _tooltips(node):
            if entry["field"] in columns[dataset]:
                direct.setdefault(entry["field"], _direct(entry))
    shown: dict[str, dict[str, Column]] = {name: {} for name in datasets}
    for node, dataset, transforms in views:
        for entry in _tooltips(node):
            for column in _traced(entry, transforms, columns[dataset], direct):
                shown[dataset].setdefault(column.field, column)
    # A dataset that no tooltip reads is shown by the fields its marks encode.
    untold = {name for name in datasets if not shown[name]}
    for node, dataset, _ in views:
        if dataset in untold:
            for entry in _encoded(node):
                if entry["field"] in columns[dataset]:
                    shown[dataset].setdefault(
                        entry["field"], Column(entry["field"], entry.get("title") or entry["field"])
                    )
    tables = []
    for name, rows in datasets.items():
        if shown[name]:
            tables.append(DataTable(name, tuple(shown[name].values()), tuple(rows)))
    return tables


# d3-format, the part the book's charts use: [sign][$][,][.precision][type], type one of f d % e.
D3_FORMAT = re.compile(r"^(?P<sign>[-+ ])?(?P<currency>\$)?(?P<comma>,)?(?:\.(?P<precision>\d+))?(?P<type>[fde%])?$")


def format_number(value: float, spec: str) -> str:
    """``value`` as d3-format writes it with ``spec`` (and so as the chart's tooltip shows it)."""
    match = D3_FORMAT.match(spec)
    if not match:
        return _plain(value)
    sign, currency, comma, precision, kind = match.group("sign", "currency", "comma", "precision", "type")
    grouping = "," if comma else ""
    number = abs(value)
    if kind == "%":
        body = _fixed(number * 100, int(precision or 6), grouping) + "%"
    elif kind == "f":
        body = _fixed(number, int(precision or 6), grouping)
    elif kind == "d":
        body = _fixed(number, 0, grouping)
    elif kind == "e":
        body = f"{number:.{int(precision or 6)}e}"
    elif precision is not None:
        body = f"{number:{grouping}.{int(precision)}g}"
    else:
        body = f"{number:{grouping}.12g}"
    negative = value < 0 and float(re.sub(r"[^\d.e]", "", body.replace("%", "")) or 0) != 0
    prefix = MINUS if negative else ("+" if sign == "+" else " " if sign == " " else "")
    return prefix + (currency or "") + body


def _fixed(number: float, digits: int, grouping: str) -> str:
    """JavaScript's toFixed, which d3-format uses: a tie goes up (Python's format goes to even)."""
    rounded = decimal.Decimal(number).quantize(decimal.Decimal(1).scaleb(-digits), rounding=decimal.ROUND_HALF_UP)
    return f"{rounded:{grouping}f}"


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.12g}".replace("-", MINUS)
    if isinstance(value, int):
        return str(value).replace("-", MINUS)
    return str(value)


# The month formats the charts use, as CLDR patterns: a French table writes "novembre 2025", as its
# chart's axis does in the French time locale.
CLDR_DATE_PATTERNS = {"%B %Y": "MMMM y", "%b %Y": "MMM y", "%Y": "y"}


def format_cell(value: Any, column: Column, language: str = "en") -> str:
    """A value as the table on the page shows it: as the chart's tooltip formats it, in the
    edition's typography (a French table writes "29,0 %", "4 178", as the French prose does)."""
    if value is None:
        return ""
    if column.temporal and column.format and isinstance(value, str):
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            return value
        if language == "en" or column.format not in CLDR_DATE_PATTERNS:
            return moment.strftime(column.format)
        from babel.dates import format_date

        return format_date(moment.date(), CLDR_DATE_PATTERNS[column.format], locale=language)
    if column.format and isinstance(value, (int, float)) and not isinstance(value, bool):
        shown = format_number(float(value), column.format)
        return french(shown) if language == "fr" else shown
    return _plain(value)


def grouping_columns(table: DataTable) -> tuple[Column, ...]:
    """The text columns that change in a few runs only (a series' name over its hundred months):
    the page's table shows each run's value once, above the run, instead of on every row."""
    rows = len(table.rows)
    if rows < 16:
        return ()
    grouped = []
    # Any text column, the last too (an estimate's name beside each year of its run).
    for column in table.columns:
        values = [row.get(column.field) for row in table.rows]
        if not all(isinstance(v, str) for v in values) or column.temporal:
            continue
        runs = 1 + sum(a != b for a, b in zip(values, values[1:], strict=False))
        if runs <= rows // 8:
            grouped.append(column)
    # At least two columns stay in the rows: a lone column of values reads as no table.
    return tuple(grouped) if len(table.columns) - len(grouped) >= 2 else ()


def runs_of(table: DataTable, columns: tuple[Column, ...]) -> list[tuple[tuple[Any, ...], list[dict[str, Any]]]]:
    """The table's rows cut where the value of any of ``columns`` changes, each run with its values."""
    runs: list[tuple[tuple[Any, ...], list[dict[str, Any]]]] = []
    for row in table.rows:
        key = tuple(row.get(c.field) for c in columns)
        if not runs or runs[-1][0] != key:
            runs.append((key, []))
        runs[-1][1].append(row)
    return runs


def csv_value(value: Any, column: Column) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        number = round(value * 100, 10) if column.percent else value
        # A whole number stored as a float (a count of thousands) is written as the count it is.
        return repr(int(number)) if isinstance(number, float) and number.is_integer() else repr(number)
    return defuse_formula(str(value))


def csv_text(table: DataTable) -> str:
    """The table as CSV: the headers with their units, raw values (percentages in percent)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([defuse_formula(c.header) for c in table.columns])
    for row in table.rows:
        writer.writerow([csv_value(row.get(c.field), c) for c in table.columns])
    return out.getvalue()
