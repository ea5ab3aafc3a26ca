"""The sampling error of the OEWS estimates radiology's tables hold: the 90% margin of a level, whether
a change between two years is one the survey can see, and the gap between two indices.

The chapter's facts, claims and exercises read these; the tables themselves are in :mod:`.tables`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

import pandas as pd

from ...datapackage import DataError
from .tables import RADIOLOGISTS

# --- Sampling error of the OEWS estimates: levels and changes -----------------------------------
# 90% intervals, the lenient choice: a 90% margin is narrower than a 95% one, so more changes count
# as real, and a change that stays inside it is not a change the survey can see.
CONFIDENCE = 0.90
Z = NormalDist().inv_cdf(0.5 + CONFIDENCE / 2)


def margin(estimate: float, rse_pct: float) -> float:
    """Half-width of the interval at CONFIDENCE around an estimate with this relative standard error."""
    return Z * estimate * rse_pct / 100


@dataclass(frozen=True)
class Change:
    """A change between two survey estimates and whether it exceeds the sampling error.

    The two estimates are treated as independent samples. OEWS pools six half-yearly panels
    (three years), so estimates four years apart share no panel; adjacent years share four of six,
    which makes the true error of their difference smaller than this one: a change found larger
    than this margin is larger than the true one too.
    """

    start: float
    end: float
    standard_error: float

    @property
    def change(self) -> float:
        return self.end - self.start

    @property
    def relative(self) -> float:
        return self.end / self.start - 1

    @property
    def margin(self) -> float:
        return Z * self.standard_error

    @property
    def beyond_error(self) -> bool:
        return bool(abs(self.change) > self.margin)


def level_change(start: float, start_rse_pct: float, end: float, end_rse_pct: float) -> Change:
    if pd.isna(start_rse_pct) or pd.isna(end_rse_pct):
        raise DataError(
            "radiology_oews: an estimate without a relative standard error cannot be tested against its sampling error"
        )
    se = math.hypot(start * start_rse_pct / 100, end * end_rse_pct / 100)
    return Change(start, end, se)


def row(oews: pd.DataFrame, code: str, year: int) -> pd.Series:
    # Plain arrays: this runs a hundred times per chapter, and pandas' masked indexing is slow.
    hits = ((oews["occ_code"].to_numpy(dtype=object) == code) & (oews["year"].to_numpy(dtype=float) == year)).nonzero()[
        0
    ]
    if not len(hits):
        raise DataError(f"radiology_oews has no row for {code} in May {year}")
    return oews.iloc[hits[0]]


def employment_change(oews: pd.DataFrame, start: int, end: int, code: str = RADIOLOGISTS) -> Change:
    a, b = row(oews, code, start), row(oews, code, end)
    return level_change(a["employment"], a["employment_rse_pct"], b["employment"], b["employment_rse_pct"])


def wage_change(oews: pd.DataFrame, start: int, end: int, code: str = RADIOLOGISTS) -> Change:
    a, b = row(oews, code, start), row(oews, code, end)
    return level_change(a["mean_annual_wage"], a["mean_wage_rse_pct"], b["mean_annual_wage"], b["mean_wage_rse_pct"])


# The two estimates an index can follow: the column of the estimate and that of its RSE.
MEASURES = {"wage": ("mean_annual_wage", "mean_wage_rse_pct"), "employment": ("employment", "employment_rse_pct")}


def estimate_index(oews: pd.DataFrame, code: str, start: int, end: int, measure: str = "wage") -> tuple[float, float]:
    """The ``measure`` (mean wage or employment) in ``end`` over the same in ``start``, and its standard error."""
    if start == end:
        return 1.0, 0.0  # the base year is 100 by definition
    value, rse = MEASURES[measure]
    a, b = row(oews, code, start), row(oews, code, end)
    index = float(b[value] / a[value])
    # The relative error of a ratio of independent estimates is the root sum of their squares.
    return index, index * math.hypot(a[rse], b[rse]) / 100


def index_gap(
    oews: pd.DataFrame, start: int, end: int, benchmark: str | None, measure: str = "wage", code: str = RADIOLOGISTS
) -> Change:
    """The index of ``code`` against that of ``benchmark`` (both 1 in ``start``); with no benchmark,
    against 1, the start year's level.

    ``change`` is the gap in index points (0.05 = five points of the start-year level) and
    ``beyond_error`` says whether it exceeds the sampling error of both indexes.
    """
    ours, ours_se = estimate_index(oews, code, start, end, measure)
    theirs, theirs_se = (1.0, 0.0) if benchmark is None else estimate_index(oews, benchmark, start, end, measure)
    return Change(theirs, ours, math.hypot(ours_se, theirs_se))


def radiologist_years(oews: pd.DataFrame) -> tuple[int, int]:
    """First and last May with a radiologist row (2021 and 2025 in the stored files)."""
    years = oews.loc[oews["occ_code"] == RADIOLOGISTS, "year"].astype(int)
    if years.empty:
        raise DataError("radiology_oews has no radiologist (29-1224) rows")
    return int(years.min()), int(years.max())
