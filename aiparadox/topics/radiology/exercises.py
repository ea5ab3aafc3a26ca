"""The radiology chapter's exercises: each answer, its level and hint, and the wrong answers the
teacher's guide anticipates, computed from the tables the exercise names."""

from __future__ import annotations

import math

import pandas as pd

from ...datapackage import load
from ...exercises import anticipates, expects
from .facts import secondary_value
from .tables import CONFIDENCE, RADIOLOGISTS, RADIOLOGY_PANEL, Z, employment_change

# The two Mays of radiology-2023-2024-fall: the one year-to-year fall the survey can see.
FALL_START, FALL_END = 2023, 2024


def _fall_with_standard_errors(oews: pd.DataFrame) -> tuple[float, float, float]:
    """The change from FALL_START to FALL_END and the standard error of each year's estimate."""
    jobs = oews.loc[oews["occ_code"] == RADIOLOGISTS].set_index("year")
    a, b = jobs.loc[FALL_START], jobs.loc[FALL_END]
    change = b["employment"] - a["employment"]
    se_a, se_b = a["employment"] * a["employment_rse_pct"] / 100, b["employment"] * b["employment_rse_pct"] / 100
    return change, se_a, se_b


@expects(
    "radiology-2023-2024-fall",
    level="advanced",
    hint=(
        "For 2023 and 2024, standard error = employment x RSE / 100; the error of the difference is the root "
        "of the sum of their squares; compare |change| with 1.645 times it."
    ),
    tables=("radiology_oews",),
)
def fall_2023_2024_beyond_error(oews: pd.DataFrame) -> bool:
    return employment_change(oews, FALL_START, FALL_END).beyond_error


@anticipates("radiology-2023-2024-fall")
def fall_2023_2024_mistakes(oews: pd.DataFrame) -> dict[str, bool]:
    change, se_a, se_b = _fall_with_standard_errors(oews)
    return {
        "signed": bool(change > Z * math.hypot(se_a, se_b)),  # a negative change is never "larger"
        "added-errors": bool(abs(change) > Z * (se_a + se_b)),  # errors added, not combined
        "rse-not-percent": bool(abs(change) > Z * math.hypot(se_a * 100, se_b * 100)),  # the RSE taken as a fraction
    }


@expects(
    "radiology-fda-share-2020-2024",
    level="intermediate",
    hint=(
        "Keep decision years 2020 to 2024, sum devices for review_panel == 'Radiology' and divide by the sum over "
        "all panels."
    ),
    tables=("radiology_fda_devices",),
)
def radiology_share_2020_2024(fda: pd.DataFrame) -> float:
    years = fda.loc[fda["decision_year"].between(2020, 2024)]
    return float(years.loc[years["review_panel"] == RADIOLOGY_PANEL, "devices"].sum() / years["devices"].sum())


@anticipates("radiology-fda-share-2020-2024")
def radiology_share_2020_2024_mistakes(fda: pd.DataFrame) -> dict[str, float]:
    def panel_share(frame: pd.DataFrame) -> float:
        return float(frame.loc[frame["review_panel"] == RADIOLOGY_PANEL, "devices"].sum() / frame["devices"].sum())

    return {
        # Rows counted instead of devices summed: each row is a panel in a year.
        "rows": float((fda.loc[fda["decision_year"].between(2020, 2024), "review_panel"] == RADIOLOGY_PANEL).mean()),
        # 2024 left out, as a half-open range would.
        "end-excluded": panel_share(fda.loc[(fda["decision_year"] >= 2020) & (fda["decision_year"] < 2024)]),
        # No filter on the years.
        "all-years": panel_share(fda),
    }


@expects(
    "radiology-supply-growth",
    level="introductory",
    hint="Divide the value of projected_supply_2055_growing by that of medicare_radiologists_2023 and subtract 1.",
    # The OEWS table is for the anticipated mistake of starting from the survey's count; the answer does not read it.
    tables=("radiology_secondary_figures", "radiology_oews"),
)
def supply_growth_with_more_slots(secondary: pd.DataFrame, _oews: pd.DataFrame) -> float:
    growing = secondary_value(secondary, "projected_supply_2055_growing")
    return growing / secondary_value(secondary, "medicare_radiologists_2023") - 1


@anticipates("radiology-supply-growth")
def supply_growth_mistakes(secondary: pd.DataFrame, oews: pd.DataFrame) -> dict[str, float]:
    growing = secondary_value(secondary, "projected_supply_2055_growing")
    medicare = secondary_value(secondary, "medicare_radiologists_2023")
    jobs = oews.loc[oews["occ_code"] == RADIOLOGISTS].set_index("year")
    return {
        "flat": secondary_value(secondary, "projected_supply_2055_flat") / medicare - 1,  # places held flat
        "oews": float(growing / jobs["employment"].iloc[-1] - 1),  # against the latest OEWS count
    }


def guide_figures() -> dict[str, float]:
    """The margins the teacher's guide quotes in its feedback on radiology-2023-2024-fall."""
    change, se_a, se_b = _fall_with_standard_errors(load("radiology_oews"))
    return {
        "radiology-fall": float(abs(change)),
        "radiology-margin": float(Z * math.hypot(se_a, se_b)),
        "radiology-margin-added": float(Z * (se_a + se_b)),
        "radiology-z": float(Z),
        "radiology-confidence": float(CONFIDENCE),
    }
