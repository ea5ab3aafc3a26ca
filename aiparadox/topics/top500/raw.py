"""TOP500's list exports as published, their reader, and what ``data fetch`` asks of the reader.

Raw inputs are the official per-edition exports (``TOP500_YYYYMM.xls`` to 2019-11, ``.xlsx``
from 2020-06). The traps of reading them, from ``../shared/sources/top500/SOURCE.md``:

* the header row is found by looking for the ``Rank`` cell, not assumed to be row 1;
* the literal "None" (or an empty cell) in the accelerator column means no accelerator; the column is
  called ``Accelerator`` before June 2012 and ``Accelerator/Co-Processor`` after, and does not
  exist before June 2011;
* Rmax is in GFlop/s up to 2016-11 and in TFlop/s from 2017-06 (the header says which);
  everything here is converted to TFlop/s.

What a plausible folder of lists is, checked before any table is made (issue 15): one file per
edition, every June and November from the first to the last; in each, 500 systems ranked 1 to 500,
no system with a blank Rank, Rmax falling with rank, the newest system's "First Appearance" equal
to the edition's list number (so the June list saved under the November name is caught), and an
accelerator column and a First Appearance column in every edition after the first that has them.

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
FIRST_APPEARANCE = "First Appearance"
LIST_SIZE = 500
# Every list from 2011-06 writes "None" in the accelerator column of a system without one (pandas'
# read_excel hides this: "None" is among its default missing-value markers).
NO_ACCELERATOR = "None"
# Invisible characters seen in accelerator names (one 2020s name ends in a zero-width space).
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00a0"), " ")


def edition_of(path: Path) -> str:
    match = FILE_PATTERN.match(path.name)
    if not match:
        raise DataError(f"{path.name}: not a TOP500 list export (expected TOP500_YYYYMM.xls or .xlsx)")
    if match.group(2) not in ("06", "11"):
        raise DataError(
            f"{path.name}: TOP500 lists are published in June (06) and November (11), not month {match.group(2)}"
        )
    return f"{match.group(1)}-{match.group(2)}"


def list_files(folder: Path) -> list[Path]:
    """The list exports in ``folder``, one per edition, every June and November from the first
    to the last: an edition saved twice (.xls and .xlsx) would count its systems twice, and one
    left out would drop out of every table unseen."""
    files = sorted(p for p in Path(folder).iterdir() if FILE_PATTERN.match(p.name))
    if not files:
        raise DataError(
            f"no TOP500 list exports (TOP500_YYYYMM.xls or .xlsx) in {folder}; "
            "download them from https://www.top500.org/lists/top500/ (a free account is needed)"
        )
    by_edition: dict[str, list[Path]] = {}
    for path in files:
        by_edition.setdefault(edition_of(path), []).append(path)
    for edition, paths in by_edition.items():
        if len(paths) > 1:
            raise DataError(f"{' and '.join(p.name for p in paths)} are the same edition ({edition}); keep one")
    editions = sorted(by_edition)
    expected = [number_edition(n) for n in range(list_number(editions[0]), list_number(editions[-1]) + 1)]
    missing = [e for e in expected if e not in by_edition]
    if missing:
        raise DataError(
            f"no TOP500 list for {', '.join(missing)} between {editions[0]} and {editions[-1]} in {folder} "
            "(a list is published every June and November)"
        )
    return files


def list_number(edition: str) -> int:
    """TOP500 numbers its lists from 1 (June 1993), two a year: 2025-11 is list 66."""
    year, month = int(edition[:4]), int(edition[5:])
    if month not in (6, 11):
        raise DataError(f"edition {edition}: TOP500 lists are published in June (06) and November (11)")
    return (year - 1993) * 2 + (1 if month == 6 else 2)


def number_edition(number: int) -> str:
    year, half = divmod(number - 1, 2)
    return f"{1993 + year}-{'11' if half else '06'}"


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
    # A row without a rank is left out only when it is empty: a system whose Rank cell is blank
    # would otherwise vanish from the list, and its edition count 499 systems.
    filled = body.drop(columns="Rank").map(lambda v: str(v).strip() not in ("", "nan", "None")).any(axis=1)
    unranked = body.index[ranks.isna() & filled]
    if len(unranked):
        raise DataError(f"{path.name}: row {header + 2 + unranked[0]} holds a system but its Rank cell is blank")
    if ranks.isna().all():
        raise DataError(f"{path.name}: no system below the header row")
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
    _check_rank_order(path, raw["Rank"], rmax)
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
            "first_appearance": pd.to_numeric(raw[FIRST_APPEARANCE], errors="coerce")
            if FIRST_APPEARANCE in raw.columns
            else float("nan"),
        }
    )


def _check_rank_order(path: Path, ranks: pd.Series, rmax: pd.Series) -> None:
    """A list is ranked by Rmax: one value a thousand times too large, or two ranks swapped,
    shows as a system faster than the one above it (ties keep their order)."""
    by_rank = pd.Series(rmax.to_numpy(), index=ranks.to_numpy()).sort_index()
    rises = by_rank.index[by_rank.diff() > 0]
    if len(rises):
        r = rises[0]
        raise DataError(
            f"{path.name}: Rmax does not fall with rank: rank {r} has {by_rank[r]:g}, "
            f"more than rank {r - 1}'s {by_rank[r - 1]:g}"
        )


def check_list(name: str, listed: pd.DataFrame) -> None:
    """One whole list (:func:`systems`): 500 systems ranked 1 to 500 (a file cut short, or with a
    row added, is not), and its newest system's 'First Appearance' (from 2012-06; each list
    brings new systems) is the list number of its edition, whatever the file's name says."""
    ranks, edition = listed["rank"], listed["edition"].iloc[0]
    if len(ranks) != LIST_SIZE or ranks.min() != 1 or ranks.max() != LIST_SIZE:
        raise DataError(
            f"{name}: {len(ranks)} systems ranked {ranks.min()} to {ranks.max()}; "
            f"a list ranks {LIST_SIZE}, 1 to {LIST_SIZE}"
        )
    newest, number = listed["first_appearance"].max(), list_number(edition)
    if pd.notna(newest) and int(newest) != number:
        raise DataError(
            f"{name}: its newest system first appeared in list {int(newest)} ({number_edition(int(newest))}); "
            f"the {edition} list is number {number}"
        )


# Columns that every list has once the lists carry them (both from 2012-06): an edition without the
# accelerator column (a renamed header) would show no accelerated system at all, and one without
# First Appearance values could not be checked against the edition its name says (check_list).
KEPT_COLUMNS = (
    ("accelerator column", ACCELERATOR_COLUMNS, lambda listed: bool(listed["has_accelerator_column"].all())),
    (
        f"'{FIRST_APPEARANCE}' column",
        (FIRST_APPEARANCE,),
        lambda listed: bool(listed["first_appearance"].notna().any()),
    ),
)


def check_kept_columns(listed: list[tuple[str, pd.DataFrame]]) -> None:
    """Once the lists have one of :data:`KEPT_COLUMNS`, every later one has it (``listed``: each
    file's name and its :func:`systems`, in edition order)."""
    for what, looked_for, has in KEPT_COLUMNS:
        named = [(name, has(frame)) for name, frame in listed]
        first = next((i for i, (_, present) in enumerate(named) if present), None)
        for i, (name, present) in enumerate(named):
            if first is not None and i > first and not present:
                later = any(p for _, p in named[i + 1 :])
                raise DataError(
                    f"{name}: no {what} (looked for {looked_for}), "
                    f"though the editions before{' and after' if later else ''} have one"
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
