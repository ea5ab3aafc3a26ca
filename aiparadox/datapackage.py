"""The data layer: table specifications, the cached Data Package, loading and validation.

Every number in the book comes from a CSV in ``data/`` that is described in
``data/datapackage.json`` (a Frictionless Data Package). The description is generated from
the :class:`Table` specifications declared next to the code that derives each table, so the
schema a reader sees and the schema the code checks are the same object.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cells import defuse_formula
from .paths import DATA_DIR

if TYPE_CHECKING:
    import pandas as pd

    from .refresh import Check

# pandas is imported where a frame is made, not here: the Sphinx extension checks the package's
# hashes before every build (see verify), and a warm rebuild should not pay for importing pandas.

PACKAGE_NAME = "ai-wealth-paradox-data"
PACKAGE_TITLE = "Data behind the essay 'Who gains from AI?'"
# The package's own work (which tables, how they are derived, their descriptions) is the book's and
# shares the book's licence; each table's numbers keep their publisher's terms, in the resource's
# own ``licenses``, which the Data Package spec says take precedence over the package's.
PACKAGE_LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": (
        "Creative Commons Attribution 4.0 International, for this package's selection, derivation and "
        "descriptions of the tables; each table's data are under its publisher's terms, in its own licenses"
    ),
}

# The Data Package spec wants an Open Definition licence identifier in ``licenses[].name``, and the
# sentence in ``title``. This maps each licence statement a table's Source makes to its identifier:
# the licence the publisher states for the file we copied ("notspecified" when it states none); works
# of the U.S. federal government are "other-pd"; text under copyright that the book quotes, and the
# IMF's terms (all rights reserved, data reuse on conditions), are "other-closed" (Other, Not Open).
LICENCE_IDENTIFIERS = {
    "Public domain (work of the U.S. federal government); BLS asks to be cited": "other-pd",
    "Public domain (work of the U.S. federal government, 17 U.S.C. 105); cite BLS as the source": "other-pd",
    "Public domain (work of the U.S. federal government, 17 U.S.C. 105)": "other-pd",
    (
        "U.S. government data, public domain (DOE web policy: attribution requested); no EIA-specific statement found"
    ): "other-pd",
    "CC BY 4.0 (OWID); third-party data under Ember's and the Energy Institute's terms": "CC-BY-4.0",
    "OWID CC BY 4.0; Penn World Table CC BY 4.0; Huberman and Minns (2005) (c) the authors": "CC-BY-4.0",
    (
        "OWID-produced data CC BY 4.0; underlying data by Huberman and Minns (2007); "
        "the archived repository states no licence"
    ): "notspecified",
    "Public domain (BEA data, work of the U.S. federal government); FRED asks to be cited": "other-pd",
    # SEC EDGAR filings are public records; the 10-K sentences quoted are the companies' own words.
    "Public domain (U.S. government data; filings are public records)": "other-pd",
    "Public domain (filings are public records); short quotations": "other-pd",
    "Short quotations with attribution": "other-closed",
    "Free to use with citation of TOP500 (no formal licence stated)": "other-at",
    "IMF Copyright and Usage terms": "other-closed",
    "IMF copyright; short quotations": "other-closed",
    "LinkedIn copyright; short quotations": "other-closed",
    "Short quotation for review; the text belongs to its publisher": "other-closed",
    "Short quotations with attribution; no reuse licence (each row names its page)": "other-closed",
    "Short quotations of third-party pages (fair quotation); the reports themselves were not found": "other-closed",
    ("Short quotations of third-party news (fair quotation); no official press release was found"): "other-closed",
}

# Frictionless field types that the book uses, and the pandas dtype the loader gives each.
PANDAS_DTYPES = {
    "string": "string",
    "integer": "Int64",
    "number": "float64",
    "boolean": "boolean",
    "year": "Int64",
    "yearmonth": "string",
    "date": "string",
}


class DataError(Exception):
    """A cached or derived table is not what its specification says. The message names the file."""

    def _render_traceback_(self) -> list[str]:
        # IPython shows this instead of a traceback: in a notebook the fault is one line too.
        return [f"DataError: {self}"]


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    unit: str | None = None
    constraints: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.type not in PANDAS_DTYPES:
            raise ValueError(f"field {self.name!r}: unsupported type {self.type!r}")

    def descriptor(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        if self.unit:
            out["unit"] = self.unit
        if self.constraints:
            out["constraints"] = dict(self.constraints)
        return out


@dataclass(frozen=True)
class Source:
    """Where a table's numbers come from.

    ``route`` says how the cached copy reached this repository (for example "copied from the
    GitHub repository X at commit Y", or "BLS Public Data API v2"), because the publisher and the
    path our copy took are not always the same thing.
    """

    publisher: str
    title: str
    series: str
    url: str
    retrieved: str
    licence: str
    route: str
    licence_url: str | None = None

    def descriptor(self) -> dict[str, Any]:
        out = {
            "title": self.title,
            "publisher": self.publisher,
            "series": self.series,
            "path": self.url,
            "retrieved": self.retrieved,
            "licence": self.licence,
            "route": self.route,
        }
        if self.licence_url:
            out["licenceUrl"] = self.licence_url
        return out

    def licence_entry(self) -> dict[str, str]:
        """The source's licence as the Data Package spec writes it: identifier, sentence, address."""
        identifier = LICENCE_IDENTIFIERS.get(self.licence)
        if identifier is None:
            raise DataError(
                f"source '{self.title}': the licence {self.licence!r} has no identifier; "
                "add it to LICENCE_IDENTIFIERS in aiparadox/datapackage.py"
            )
        entry = {"name": identifier, "title": self.licence}
        if self.licence_url:
            entry["path"] = self.licence_url
        return entry


@dataclass(frozen=True)
class Table:
    """One tidy table: its name (the CSV is ``data/<name>.csv``), meaning, schema and sources.

    ``checks`` say what a plausible refresh of it looks like (rules of :mod:`aiparadox.refresh`,
    run against the new copy and the committed one before anything is replaced)."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    sources: tuple[Source, ...]
    checks: tuple[Check, ...] = ()

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def descriptor(self, data: bytes) -> dict[str, Any]:
        licences = []
        for s in self.sources:
            entry = s.licence_entry()
            if entry not in licences:
                licences.append(entry)
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "path": self.filename,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": len(data),
            "hash": f"sha256:{sha256(data)}",
            "schema": {
                "fields": [f.descriptor() for f in self.fields],
                "primaryKey": list(self.primary_key),
            },
            "sources": [s.descriptor() for s in self.sources],
            "licenses": licences,
        }


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def to_csv_bytes(frame: pd.DataFrame, table: Table) -> bytes:
    """Serialise a derived frame exactly as it is committed, so re-derivation is byte-comparable."""
    check_frame(frame, table, where=f"derived table {table.name}")
    frame = frame[table.columns].copy()
    for f in table.fields:
        if PANDAS_DTYPES[f.type] == "string":
            frame[f.name] = frame[f.name].map(lambda v: defuse_formula(v) if isinstance(v, str) else v)
    text = frame.to_csv(index=False, lineterminator="\n")
    return text.encode("utf-8")


def check_frame(frame: pd.DataFrame, table: Table, where: str) -> None:
    """Cheap structural checks shared by derivation and loading: columns and primary key."""
    import pandas as pd

    missing = [c for c in table.columns if c not in frame.columns]
    extra = [c for c in frame.columns if c not in table.columns]
    if missing or extra:
        raise DataError(
            f"{where}: columns do not match the schema of '{table.name}'"
            + (f"; missing {missing}" if missing else "")
            + (f"; unexpected {extra}" if extra else "")
        )
    if frame.empty:
        raise DataError(f"{where}: no rows")
    key = list(table.primary_key)
    if key and frame.duplicated(key).any():
        dupes = frame.loc[frame.duplicated(key, keep=False), key].head(3).to_dict("records")
        raise DataError(f"{where}: duplicate primary key {key}, e.g. {dupes}")
    for f in table.fields:
        lo, hi = f.constraints.get("minimum"), f.constraints.get("maximum")
        values = pd.to_numeric(frame[f.name], errors="coerce") if (lo is not None or hi is not None) else None
        if lo is not None and (values < lo).any():
            raise DataError(f"{where}: column '{f.name}' has values below its minimum {lo}")
        if hi is not None and (values > hi).any():
            raise DataError(f"{where}: column '{f.name}' has values above its maximum {hi}")
        if f.constraints.get("required") and frame[f.name].isna().any():
            raise DataError(f"{where}: column '{f.name}' is required but has missing values")


def read_descriptor(data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """``datapackage.json``, with the shape the loader relies on checked: a damaged descriptor is
    one clear error here rather than a KeyError or TypeError deep in the loader."""
    path = Path(data_dir) / "datapackage.json"
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path}: no data package here; run `make data-build` to derive it") from None
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}: not valid JSON ({exc})") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    problem = descriptor_shape_problem(descriptor)
    if problem:
        raise DataError(f"{path}: {problem}")
    return descriptor


def descriptor_shape_problem(descriptor: Any) -> str | None:
    """What is missing from a descriptor for the loader to use it, or None."""
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        return "not a data package (no list of 'resources')"
    for i, res in enumerate(descriptor["resources"]):
        label = res.get("name", f"resource {i + 1}") if isinstance(res, dict) else f"resource {i + 1}"
        if not isinstance(res, dict):
            return f"{label} is not an object"
        missing = [k for k in ("name", "path", "hash") if not isinstance(res.get(k), str)]
        missing += [] if isinstance(res.get("schema"), dict) else ["schema"]
        if missing:
            return f"{label} lacks {', '.join(repr(k) for k in missing)}"
        fields = res["schema"].get("fields")
        if not isinstance(fields, list) or not all(isinstance(f, dict) and "name" in f for f in fields):
            return f"{label}: 'schema' has no list of named 'fields'"
        unknown = [f.get("type") for f in fields if f.get("type") not in PANDAS_DTYPES]
        if unknown:
            return f"{label}: field type(s) {unknown} are not ones the book uses"
        if "/" in res["path"] or "\\" in res["path"] or res["path"].startswith("."):
            return f"{label}: path {res['path']!r} is not a file name inside data/"
    return None


def resource(name: str, data_dir: Path = DATA_DIR) -> dict[str, Any]:
    descriptor = read_descriptor(data_dir)
    for res in descriptor["resources"]:
        if res["name"] == name:
            return res
    known = ", ".join(sorted(r["name"] for r in descriptor["resources"]))
    raise DataError(f"no table named '{name}' in {Path(data_dir) / 'datapackage.json'}; known tables: {known}")


def differences_from_code(data_dir: Path, tables: dict[str, Table]) -> list[str]:
    """Where ``datapackage.json`` is not what the code's Table declarations make of the files
    beside it: a table missing or unknown, a schema, source or hash edited by hand. One line each."""
    path = Path(data_dir) / "datapackage.json"
    try:
        descriptor = read_descriptor(data_dir)
    except DataError as exc:
        return [str(exc)]
    problems = []
    listed = {res["name"]: res for res in descriptor["resources"]}
    for name in sorted(set(listed) - set(tables)):
        problems.append(f"{path}: lists '{name}', which no Table in the code declares")
    for name, table in tables.items():
        if name not in listed:
            problems.append(f"{path}: does not list '{name}' (declared in the code); run `make data-build`")
            continue
        csv = Path(data_dir) / table.filename
        try:
            expected = table.descriptor(csv.read_bytes())
        except OSError as exc:
            problems.append(f"{csv}: cannot be read ({exc.strerror or exc})")
            continue
        for key in sorted(set(expected) | set(listed[name])):
            if expected.get(key) != listed[name].get(key):
                what = "is missing" if key not in listed[name] else "is not what the code declares"
                if key == "hash" and key in listed[name]:
                    what = "does not match the file (changed since it was derived)"
                problems.append(f"{path}: '{name}'.{key} {what}")
    return problems


def load(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Read one cached table after checking its hash and columns against ``datapackage.json``.

    By default the tables are the clone's ``data/``; an installed package, which has none, reads
    its commit's tables from the copy :mod:`aiparadox.copies` chooses, and says which. Given
    ``data_dir``, the tables and their ``datapackage.json`` are both read from that folder.

    >>> load("top500_accelerators").columns[0]
    'edition'
    """
    from . import copies

    copy = copies.current() if Path(data_dir) == DATA_DIR else copies.at(data_dir)
    if copy.folder == copy.descriptor_dir:
        finish_interrupted_refresh(copy.folder)
    res = resource(name, copy.descriptor_dir)
    path = copy.file(res)
    data = checked_bytes(res, path)
    copy.announce()
    return parse_csv(data, res, where=str(path))


def checked_bytes(res: dict[str, Any], path: Path) -> bytes:
    """A listed table's bytes, after checking them against the SHA-256 its descriptor records."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path}: listed in datapackage.json but missing") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if sha256(data) != res["hash"].removeprefix("sha256:"):
        raise DataError(
            f"{path}: sha256 does not match datapackage.json (the file changed since it was derived); "
            "re-derive it with `make data-build` or restore it with git"
        )
    return data


def verify(data_dir: Path = DATA_DIR) -> None:
    """The check the book build makes first: the descriptor is readable and the code's, and every
    table it lists is there with its recorded SHA-256 and passes its own rules. One error, naming
    the file, instead of one failing cell per page that loads it."""
    finish_interrupted_refresh(Path(data_dir))
    for res in read_descriptor(data_dir)["resources"]:
        checked_bytes(res, Path(data_dir) / res["path"])
    # A descriptor edited by hand (a schema, a table left out) or a table damaged and rehashed
    # would otherwise fail cell after cell: the first problem stops the build.
    from .datasets import committed_problems, registry

    tables = {t.name: t for ds in registry().values() for t in ds.tables}
    problems = differences_from_code(data_dir, tables) + committed_problems(data_dir)
    if problems:
        raise DataError(problems[0])


def finish_interrupted_refresh(data_dir: Path) -> None:
    """A refresh killed after its commit left a journal; finish it before reading (aiparadox.swap)."""
    from . import swap

    if (data_dir / swap.JOURNAL).exists():
        with swap.lock(data_dir):
            swap.recover(data_dir)


def parse_csv(data: bytes, res: dict[str, Any], where: str) -> pd.DataFrame:
    """Parse CSV bytes with the dtypes of a resource descriptor, checking its columns."""
    import io

    import pandas as pd

    fields = res["schema"]["fields"]
    dtypes = {f["name"]: PANDAS_DTYPES[f["type"]] for f in fields}
    try:
        frame = pd.read_csv(io.BytesIO(data), dtype=dtypes, keep_default_na=False, na_values=[""])
    except (ValueError, pd.errors.ParserError) as exc:
        raise DataError(f"{where}: cannot be read with the schema in datapackage.json ({exc})") from None
    expected = [f["name"] for f in fields]
    if list(frame.columns) != expected:
        missing = [c for c in expected if c not in frame.columns]
        raise DataError(
            f"{where}: columns {list(frame.columns)} do not match the schema {expected}"
            + (f" (missing: {missing})" if missing else "")
        )
    return frame


def validate_package(data_dir: Path = DATA_DIR) -> list[str]:
    """Full Frictionless validation (types, constraints, keys, bytes, hashes). Returns the problems."""
    from frictionless import validate

    descriptor = Path(data_dir) / "datapackage.json"
    report = validate(str(descriptor))
    problems = []
    for task in report.tasks:
        for error in task.errors:
            problems.append(f"{Path(data_dir) / task.place if task.place else task.name}: {error.type}: {error.note}")
    for error in report.errors:
        problems.append(f"{descriptor}: {error.type}: {error.note}")
    return problems
