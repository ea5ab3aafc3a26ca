"""TOP500's list exports as published, their reader, and what ``data fetch`` asks of the reader.

Raw inputs are the official per-edition exports (``TOP500_YYYYMM.xls`` to 2019-11, ``.xlsx``
from 2020-06). The traps of reading them, from ``../shared/sources/top500/SOURCE.md``:

* the header row is found by looking for the ``Rank`` cell, not assumed to be row 1;
* the literal "None" (or an empty cell) in the accelerator column means no accelerator; the column is
  called ``Accelerator`` before June 2012 and ``Accelerator/Co-Processor`` after, and does not
  exist before June 2011;
* Rmax is in GFlop/s up to 2016-11 and in TFlop/s from 2017-06 (the header says which);
  everything here is converted to TFlop/s.

:func:`systems` gives one edition in a common shape; :mod:`.tables` assigns each accelerator its
family and computes the tables.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ...datapackage import DataError
from ...fetch_plan import LocalFolder

FILE_PATTERN = re.compile(r"^TOP500_(\d{4})(\d{2})\.xlsx?$")
ACCELERATOR_COLUMNS = ("Accelerator/Co-Processor", "Accelerator")
RMAX_COLUMNS = ("Rmax [TFlop/s]", "Rmax", "RMax")
# Every list from 2011-06 writes "None" in the accelerator column of a system without one (pandas'
# read_excel hides this: "None" is among its default missing-value markers).
NO_ACCELERATOR = "None"
# Invisible characters seen in accelerator names (one 2020s name ends in a zero-width space).
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00a0"), " ")


def edition_of(path: Path) -> str:
    match = FILE_PATTERN.match(path.name)
    if not match:
        raise DataError(f"{path.name}: not a TOP500 list export (expected TOP500_YYYYMM.xls or .xlsx)")
    return f"{match.group(1)}-{match.group(2)}"


def list_files(folder: Path) -> list[Path]:
    files = sorted(p for p in Path(folder).iterdir() if FILE_PATTERN.match(p.name))
    if not files:
        raise DataError(
            f"no TOP500 list exports (TOP500_YYYYMM.xls or .xlsx) in {folder}; "
            "download them from https://www.top500.org/lists/top500/ (a free account is needed)"
        )
    return files


def _is_rank_label(value: object) -> bool:
    return isinstance(value, str) and value.strip() == "Rank"


def read_list(path: Path) -> pd.DataFrame:
    """One edition as a frame with the original column names, header row found by its 'Rank' cell.

    The workbook is read with python-calamine directly: pandas' calamine engine converts every
    cell in Python and takes five times as long for the same values.
    """
    # Imported here, not at the top: the chapter side imports the tables' vocabularies, and with
    # them this module, and must load no spreadsheet reader (tests/test_layout.py).
    from python_calamine import CalamineWorkbook

    try:
        rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    except Exception as exc:  # calamine raises its own error types for damaged workbooks
        raise DataError(f"{path.name}: cannot be read as a spreadsheet ({exc})") from None
    header = next((i for i, row in enumerate(rows) if any(_is_rank_label(v) for v in row)), None)
    if header is None:
        raise DataError(f"{path.name}: no header row with a 'Rank' column")
    columns = [str(v).strip() if str(v).strip() else f"unnamed_{i}" for i, v in enumerate(rows[header])]
    body = pd.DataFrame(rows[header + 1 :], columns=columns, dtype=object)
    ranks = pd.to_numeric(body["Rank"], errors="coerce")
    return body.loc[ranks.notna()].assign(Rank=ranks[ranks.notna()].astype(int)).reset_index(drop=True)


def find_column(frame: pd.DataFrame, candidates: tuple[str, ...]) -> str | None:
    return next((c for c in candidates if c in frame.columns), None)


def clean_accelerator(value: object) -> str | None:
    """The accelerator name as written, with invisible characters and padding removed.

    None when the cell is blank or says "None", the lists' way of recording no accelerator.
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = " ".join(str(value).translate(INVISIBLE).split())
    return None if text in ("", NO_ACCELERATOR) else text


def _text_column(raw: pd.DataFrame, column: str, path: Path) -> pd.Series:
    if column not in raw.columns:
        raise DataError(f"{path.name}: no '{column}' column")
    values = raw[column].map(lambda v: " ".join(str(v).split()) if pd.notna(v) else "")
    blank = raw.loc[values == "", "Rank"]
    if not blank.empty:
        raise DataError(f"{path.name}: '{column}' is blank for rank(s) {blank.head(5).to_list()}")
    return values


def systems(path: Path) -> pd.DataFrame:
    """The systems of one edition in a common shape: rank, Rmax in TFlop/s, site, maker, segment,
    accelerator.

    The accelerator's family is the tables' business (:func:`.tables.with_families`)."""
    edition = edition_of(path)
    raw = read_list(path)
    duplicated = raw.loc[raw["Rank"].duplicated(), "Rank"]
    if not duplicated.empty:
        raise DataError(f"{path.name}: rank(s) {duplicated.head(5).to_list()} appear more than once")
    rmax_col = find_column(raw, RMAX_COLUMNS)
    if rmax_col is None:
        raise DataError(f"{path.name}: no Rmax column (looked for {RMAX_COLUMNS})")
    in_tflops = "[TFlop/s]" in rmax_col
    if in_tflops != (edition >= "2017-06"):
        raise DataError(f"{path.name}: Rmax column '{rmax_col}' is not in the unit expected for {edition}")
    rmax = pd.to_numeric(raw[rmax_col], errors="coerce").astype(float)
    if rmax.isna().any() or (rmax <= 0).any():
        bad = raw.loc[rmax.isna() | (rmax <= 0), "Rank"].head(5).to_list()
        raise DataError(f"{path.name}: '{rmax_col}' is not a positive number for rank(s) {bad}")
    accel_col = find_column(raw, ACCELERATOR_COLUMNS)
    accelerator = raw[accel_col].map(clean_accelerator) if accel_col else pd.Series([None] * len(raw), dtype=object)
    return pd.DataFrame(
        {
            "edition": edition,
            "rank": raw["Rank"].astype(int),
            "rmax_tflops": rmax if in_tflops else rmax / 1000.0,
            "site": _text_column(raw, "Site", path),
            "manufacturer": _text_column(raw, "Manufacturer", path),
            "segment": _text_column(raw, "Segment", path),
            "has_accelerator_column": accel_col is not None,
            "accelerator_raw": raw[accel_col].astype(object) if accel_col else None,
            "accelerator": accelerator.astype(object),
        }
    )


def remote(environ) -> list:
    """TOP500 serves its Excel exports only to logged-in users: the reader downloads them."""
    return [
        LocalFolder(
            "TOP500_*.xls*",
            how_to_get=(
                "log in at https://www.top500.org (a free account), download each list's Excel export "
                "from https://www.top500.org/lists/top500/ (TOP500_YYYYMM.xls or .xlsx) into one folder, "
                "and pass it with --folder top500=DIR"
            ),
        )
    ]
