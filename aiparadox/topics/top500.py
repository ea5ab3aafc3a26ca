"""TOP500: how much of the list, and of its performance, runs on accelerators.

Raw inputs are the official per-edition exports (``TOP500_YYYYMM.xls`` to 2019-11, ``.xlsx``
from 2020-06). The rules below follow ``../shared/sources/top500/SOURCE.md``:

* the header row is found by looking for the ``Rank`` cell, not assumed to be row 1;
* the accelerator *name* decides whether a system is accelerated (the accelerator-cores column
  disagrees with it for a few systems); an empty name means no accelerator; the column is
  called ``Accelerator`` before June 2012 and ``Accelerator/Co-Processor`` after, and does not
  exist before June 2011, where the shares are missing rather than zero;
* Rmax is in GFlop/s up to 2016-11 and in TFlop/s from 2017-06 (the header says which);
  everything here is converted to TFlop/s.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..datapackage import DataError, Field, Source, Table
from ..datasets import Dataset
from ..exercises import expects
from ..ledger import assesses

FILE_PATTERN = re.compile(r"^TOP500_(\d{4})(\d{2})\.xlsx?$")
ACCELERATOR_COLUMNS = ("Accelerator/Co-Processor", "Accelerator")
RMAX_COLUMNS = ("Rmax [TFlop/s]", "Rmax", "RMax")
# Invisible characters seen in accelerator names (one 2020s name ends in a zero-width space).
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00a0"), " ")

TOP500_SOURCE = Source(
    publisher="TOP500 (top500.org)",
    title="TOP500 list exports, June 2010 to June 2026 (33 editions)",
    series="TOP500_YYYYMM.xls / .xlsx, first sheet",
    url="https://www.top500.org/lists/top500/",
    retrieved="2026-08-12",
    licence="Free to use with citation of TOP500 (no formal licence stated)",
    licence_url="http://www.prometeus.de/top500/e_index_t.html",
    route=(
        "Copied byte for byte from the GitHub repository trecakov/AcademicSystemsTOP500 at commit "
        "3f9ca45bce44fd6d75efd1f1f3b501f59a96ccf9 (TOP500lists/), checked cell by cell against "
        "three other public copies; these are the lists as revised by TOP500 after release"
    ),
)


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


def read_list(path: Path) -> pd.DataFrame:
    """One edition as a frame with the original column names, header row found by its 'Rank' cell."""
    try:
        grid = pd.read_excel(path, sheet_name=0, header=None, engine="calamine", dtype=object)
    except Exception as exc:  # calamine raises its own error types for damaged workbooks
        raise DataError(f"{path.name}: cannot be read as a spreadsheet ({exc})") from None
    header_rows = [i for i, row in grid.iterrows() if any(str(v).strip() == "Rank" for v in row.values)]
    if not header_rows:
        raise DataError(f"{path.name}: no header row with a 'Rank' column")
    header = header_rows[0]
    columns = [str(v).strip() if pd.notna(v) else f"unnamed_{i}" for i, v in enumerate(grid.iloc[header])]
    body = grid.iloc[header + 1 :].set_axis(columns, axis=1)
    ranks = pd.to_numeric(body["Rank"], errors="coerce")
    return body.loc[ranks.notna()].assign(Rank=ranks[ranks.notna()].astype(int)).reset_index(drop=True)


def _pick(frame: pd.DataFrame, candidates: tuple[str, ...]) -> str | None:
    return next((c for c in candidates if c in frame.columns), None)


def clean_accelerator(value: object) -> str | None:
    """The accelerator name as written, with invisible characters and padding removed; None if blank."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = " ".join(str(value).translate(INVISIBLE).split())
    return text or None


def systems(path: Path) -> pd.DataFrame:
    """The systems of one edition in a common shape: rank, Rmax in TFlop/s, accelerator name."""
    edition = edition_of(path)
    raw = read_list(path)
    rmax_col = _pick(raw, RMAX_COLUMNS)
    if rmax_col is None:
        raise DataError(f"{path.name}: no Rmax column (looked for {RMAX_COLUMNS})")
    in_tflops = "[TFlop/s]" in rmax_col
    if in_tflops != (edition >= "2017-06"):
        raise DataError(f"{path.name}: Rmax column '{rmax_col}' is not in the unit expected for {edition}")
    rmax = pd.to_numeric(raw[rmax_col], errors="raise").astype(float)
    accel_col = _pick(raw, ACCELERATOR_COLUMNS)
    accelerator = raw[accel_col].map(clean_accelerator) if accel_col else pd.Series([None] * len(raw), dtype=object)
    return pd.DataFrame(
        {
            "edition": edition,
            "rank": raw["Rank"].astype(int),
            "rmax_tflops": rmax if in_tflops else rmax / 1000.0,
            "has_accelerator_column": accel_col is not None,
            "accelerator": accelerator.astype(object),
        }
    )


def all_systems(folder: Path) -> pd.DataFrame:
    return pd.concat([systems(p) for p in list_files(folder)], ignore_index=True)


def accelerator_shares(systems_frame: pd.DataFrame) -> pd.DataFrame:
    """Per edition: systems, accelerated systems, and their share by count and by Rmax (NA before 2011-06)."""
    rows = []
    for edition, group in systems_frame.groupby("edition", sort=True):
        n = len(group)
        if not group["has_accelerator_column"].all():
            rows.append((edition, n, pd.NA, pd.NA, pd.NA))
            continue
        accelerated = group["accelerator"].notna()
        share_rmax = group.loc[accelerated, "rmax_tflops"].sum() / group["rmax_tflops"].sum()
        rows.append((edition, n, int(accelerated.sum()), round(accelerated.mean(), 4), round(share_rmax, 4)))
    frame = pd.DataFrame(
        rows, columns=["edition", "n_systems", "n_accelerated", "share_accelerated_count", "share_accelerated_rmax"]
    )
    return frame.astype({"n_accelerated": "Int64", "share_accelerated_count": "Float64", "share_accelerated_rmax": "Float64"})


ACCELERATORS = Table(
    name="top500_accelerators",
    title="TOP500: accelerated systems per edition",
    description=(
        "For each TOP500 edition, the number of listed systems, how many name an accelerator or "
        "co-processor, and the accelerated share by count and by share of the list's total Rmax. "
        "Missing (not zero) for 2010, whose lists have no accelerator column."
    ),
    fields=(
        Field("edition", "yearmonth", "TOP500 edition (list published in June or November)", constraints={"required": True}),
        Field("n_systems", "integer", "Systems on the list", unit="systems", constraints={"minimum": 1, "required": True}),
        Field(
            "n_accelerated",
            "integer",
            "Systems whose accelerator/co-processor name is not blank",
            unit="systems",
            constraints={"minimum": 0},
        ),
        Field(
            "share_accelerated_count",
            "number",
            "n_accelerated / n_systems",
            unit="fraction (0-1)",
            constraints={"minimum": 0, "maximum": 1},
        ),
        Field(
            "share_accelerated_rmax",
            "number",
            "Rmax of accelerated systems / total Rmax of the edition (HPL LINPACK performance)",
            unit="fraction (0-1)",
            constraints={"minimum": 0, "maximum": 1},
        ),
    ),
    primary_key=("edition",),
    sources=(TOP500_SOURCE,),
)


def derive(folder: Path) -> dict[str, pd.DataFrame]:
    return {ACCELERATORS.name: accelerator_shares(all_systems(folder))}


DATASET = Dataset(name="top500", title="TOP500 supercomputer lists", tables=(ACCELERATORS,), derive=derive)


# --- The article's claim (C08) --------------------------------------------------------------
# Huang spoke at the forum of 19 November 2025, a few days after the November 2025 list came out;
# "six years ago" is therefore the November 2019 list. The shares are the article's, not data.
CLAIM_THEN, CLAIM_NOW = "2019-11", "2025-11"
CLAIMED_SHARE_THEN, CLAIMED_SHARE_NOW = 0.10, 0.90
# How far a measured share may be from the claimed one and still count as the same number.
CLAIM_TOLERANCE = 0.05

MEASURES = {
    "share_accelerated_count": "Share of systems",
    "share_accelerated_rmax": "Share of performance (Rmax)",
}
CLAIM_SERIES = "The article's claim"


def edition_date(edition: pd.Series) -> pd.Series:
    """'2019-11' -> '2019-11-01', a date Vega-Lite reads without time-zone surprises."""
    return edition.astype(str) + "-01"


def shares_long(table: pd.DataFrame) -> pd.DataFrame:
    """The two accelerated shares per edition in long form, editions without data dropped."""
    long = table.melt(id_vars="edition", value_vars=list(MEASURES), var_name="measure", value_name="share")
    long = long.dropna(subset=["share"])
    return pd.DataFrame(
        {
            "edition": long["edition"].astype(str),
            "date": edition_date(long["edition"]),
            "measure": long["measure"].map(MEASURES),
            "share": long["share"].astype(float),
        }
    )


def chart_frame(table: pd.DataFrame) -> pd.DataFrame:
    """What the shares chart draws, as one tidy frame: the measured shares and the claimed ones."""
    claimed = pd.DataFrame(
        {
            "edition": [CLAIM_THEN, CLAIM_NOW],
            "date": edition_date(pd.Series([CLAIM_THEN, CLAIM_NOW])).to_list(),
            "measure": CLAIM_SERIES,
            "share": [CLAIMED_SHARE_THEN, CLAIMED_SHARE_NOW],
        }
    )
    return pd.concat([shares_long(table), claimed], ignore_index=True)


def shares_chart(table: pd.DataFrame):
    """Accelerated share of the TOP500 by count and by Rmax, with the article's two points."""
    import altair as alt

    from ..charts import CLAIM_COLOUR, PALETTE

    base = alt.Chart(chart_frame(table)).encode(
        x=alt.X("date:T", title="TOP500 edition", axis=alt.Axis(format="%Y", tickCount=8)),
        y=alt.Y("share:Q", title="Accelerated share (%)", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color(
            "measure:N",
            title=None,
            scale=alt.Scale(domain=[*MEASURES.values(), CLAIM_SERIES], range=[PALETTE[0], PALETTE[1], CLAIM_COLOUR]),
        ),
        tooltip=[
            alt.Tooltip("edition:N", title="Edition"),
            alt.Tooltip("measure:N", title="Series"),
            alt.Tooltip("share:Q", title="Share", format=".1%"),
        ],
    )
    measured = alt.datum.measure != CLAIM_SERIES
    lines = base.transform_filter(measured).mark_line(point=alt.OverlayMarkDef(size=25))
    claims = base.transform_filter(~measured)
    claim_marks = claims.mark_point(shape="diamond", size=160, filled=True, opacity=1)
    claim_labels = claims.mark_text(align="right", dx=-10, fontWeight="bold").encode(
        text=alt.Text("share:Q", format=".0%")
    )
    return (lines + claim_marks + claim_labels).properties(width="container", height=320)


def shares_description(table: pd.DataFrame) -> str:
    """The chart's message for a reader who cannot see it, computed from the table."""
    known = table.dropna(subset=["share_accelerated_count"])
    first, last = known.iloc[0], known.iloc[-1]
    peak = known.loc[known["share_accelerated_rmax"].astype(float).idxmax()]
    return (
        f"Line chart of the share of TOP500 systems that name an accelerator, by count and by share of "
        f"total performance (Rmax), {first['edition']} to {last['edition']}. By count the share rises from "
        f"{first['share_accelerated_count']:.0%} to {last['share_accelerated_count']:.0%}; by performance "
        f"from {first['share_accelerated_rmax']:.0%} to a peak of {peak['share_accelerated_rmax']:.0%} in "
        f"{peak['edition']}, then {last['share_accelerated_rmax']:.0%}. The article's claimed "
        f"{CLAIMED_SHARE_THEN:.0%} in {CLAIM_THEN} and {CLAIMED_SHARE_NOW:.0%} in {CLAIM_NOW} are marked "
        "as diamonds; neither measured line passes through both."
    )


def share_at(table: pd.DataFrame, edition: str, measure: str) -> float:
    row = table.loc[table["edition"] == edition, measure]
    if row.empty or pd.isna(row.iloc[0]):
        raise DataError(f"top500_accelerators has no {measure} for {edition}")
    return float(row.iloc[0])


def c08_figures(table: pd.DataFrame) -> dict[str, float]:
    return {
        "count_then": share_at(table, CLAIM_THEN, "share_accelerated_count"),
        "count_now": share_at(table, CLAIM_NOW, "share_accelerated_count"),
        "rmax_then": share_at(table, CLAIM_THEN, "share_accelerated_rmax"),
        "rmax_now": share_at(table, CLAIM_NOW, "share_accelerated_rmax"),
    }


def _matches_claim(then: float, now: float) -> bool:
    return abs(then - CLAIMED_SHARE_THEN) <= CLAIM_TOLERANCE and abs(now - CLAIMED_SHARE_NOW) <= CLAIM_TOLERANCE


@assesses("C08", chapter="chapters/top500", section="top500-claim")
def assess_c08() -> tuple[str, str, str]:
    from ..datapackage import load

    f = c08_figures(load(ACCELERATORS.name))
    if _matches_claim(f["count_then"], f["count_now"]):
        verdict = "accurate"
    elif _matches_claim(f["rmax_then"], f["rmax_now"]):
        verdict = "accurate but misleading"
    else:
        verdict = "wrong"
    evidence = (
        f"Across the whole TOP500, accelerated systems were {f['count_then']:.1%} of the list in "
        f"{CLAIM_THEN} and {f['count_now']:.1%} in {CLAIM_NOW}; their share of total performance "
        f"(Rmax) went from {f['rmax_then']:.1%} to {f['rmax_now']:.1%}. Neither measure goes from "
        f"{CLAIMED_SHARE_THEN:.0%} to {CLAIMED_SHARE_NOW:.0%}."
    )
    return verdict, evidence, "TOP500 list exports, November 2019 and November 2025"


@expects(
    "top500-majority-rmax",
    hint="Filter top500_accelerators to share_accelerated_rmax > 0.5 and take the first edition.",
)
def first_majority_rmax_edition() -> str:
    from ..datapackage import load

    table = load(ACCELERATORS.name)
    majority = table.loc[table["share_accelerated_rmax"] > 0.5, "edition"]
    return str(majority.iloc[0])
