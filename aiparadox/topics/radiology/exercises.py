"""The radiology chapter's exercises: each answer, its level and hint, and the wrong answers the
teacher's guide anticipates with the check's feedback on each, computed from the tables the
exercise names; and the chapter's written question with the figures its model answer quotes."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from ...datapackage import load
from ...exercises import Mistake, anticipates, expects, written
from ...i18n import N_
from .facts import ai_devices, jobs, pay, secondary_value
from .sampling_error import CONFIDENCE, Z, employment_change
from .tables import RADIOLOGISTS, RADIOLOGY_PANEL

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
        N_(
            "For 2023 and 2024, standard error = employment x RSE / 100; the error of the difference is the root "
            "of the sum of their squares; compare |change| with 1.645 times it."
        )
    ),
    tables=("radiology_oews",),
)
def fall_2023_2024_beyond_error(oews: pd.DataFrame) -> bool:
    return employment_change(oews, FALL_START, FALL_END).beyond_error


@anticipates("radiology-2023-2024-fall")
def fall_2023_2024_mistakes(oews: pd.DataFrame) -> dict[str, Mistake]:
    change, se_a, se_b = _fall_with_standard_errors(oews)
    return {
        # A negative change is never "larger".
        "signed": Mistake(
            bool(change > Z * math.hypot(se_a, se_b)),
            N_(
                "Did you compare the signed change with the margin? A fall is negative, so it is never larger than a "
                "positive margin: compare its size (the absolute value)."
            ),
        ),
        # Errors added, not combined.
        "added-errors": Mistake(
            bool(abs(change) > Z * (se_a + se_b)),
            N_(
                "Did you add the two standard errors? For independent estimates the error of a difference is the "
                "square root of the sum of their squares."
            ),
        ),
        # The RSE taken as a fraction.
        "rse-not-percent": Mistake(
            bool(abs(change) > Z * math.hypot(se_a * 100, se_b * 100)),
            N_("Did you take the RSE as a fraction? It is a percentage: standard error = employment x RSE / 100."),
        ),
    }


@expects(
    "radiology-fda-share-2020-2024",
    level="intermediate",
    hint=(
        N_(
            "Keep decision years 2020 to 2024, sum devices for review_panel == 'Radiology' and divide by the sum over "
            "all panels."
        )
    ),
    tables=("radiology_fda_devices",),
)
def radiology_share_2020_2024(fda: pd.DataFrame) -> float:
    years = fda.loc[fda["decision_year"].between(2020, 2024)]
    return float(years.loc[years["review_panel"] == RADIOLOGY_PANEL, "devices"].sum() / years["devices"].sum())


@anticipates("radiology-fda-share-2020-2024")
def radiology_share_2020_2024_mistakes(fda: pd.DataFrame) -> dict[str, Mistake]:
    def panel_share(frame: pd.DataFrame) -> float:
        return float(frame.loc[frame["review_panel"] == RADIOLOGY_PANEL, "devices"].sum() / frame["devices"].sum())

    return {
        # Rows counted instead of devices summed: each row is a panel in a year.
        "rows": Mistake(
            float((fda.loc[fda["decision_year"].between(2020, 2024), "review_panel"] == RADIOLOGY_PANEL).mean()),
            N_("That counts rows, and each row is a panel in a year, not a device: sum the devices column."),
        ),
        # 2024 left out, as a half-open range would.
        "end-excluded": Mistake(
            panel_share(fda.loc[(fda["decision_year"] >= 2020) & (fda["decision_year"] < 2024)]),
            N_("The last year the question names is missing: a half-open range, like Python's range, leaves it out."),
        ),
        # No filter on the years.
        "all-years": Mistake(panel_share(fda), N_("That is every year on the list: filter decision_year first.")),
    }


@expects(
    "radiology-supply-growth",
    level="introductory",
    hint=N_("Divide the value of projected_supply_2055_growing by that of medicare_radiologists_2023 and subtract 1."),
    # The OEWS table is for the anticipated mistake of starting from the survey's count; the answer does not read it.
    tables=("radiology_secondary_figures", "radiology_oews"),
)
def supply_growth_with_more_slots(secondary: pd.DataFrame, _oews: pd.DataFrame) -> float:
    growing = secondary_value(secondary, "projected_supply_2055_growing")
    return growing / secondary_value(secondary, "medicare_radiologists_2023") - 1


@anticipates("radiology-supply-growth")
def supply_growth_mistakes(secondary: pd.DataFrame, oews: pd.DataFrame) -> dict[str, Mistake]:
    growing = secondary_value(secondary, "projected_supply_2055_growing")
    medicare = secondary_value(secondary, "medicare_radiologists_2023")
    employment = oews.loc[oews["occ_code"] == RADIOLOGISTS].set_index("year")
    return {
        # Residency places held flat.
        "flat": Mistake(
            secondary_value(secondary, "projected_supply_2055_flat") / medicare - 1,
            N_("That is the projection with residency places held flat; the question takes the one where they grow."),
        ),
        # Against the latest OEWS count.
        "oews": Mistake(
            float(growing / employment["employment"].iloc[-1] - 1),
            N_(
                "That starts from the survey's count of jobs. The question starts from the Medicare count, which "
                "counts people: the closing question asks why the two are not comparable."
            ),
        ),
    }


@written(
    "radiology-replaced",
    points=3,
    tables=("radiology_oews", "radiology_secondary_figures", "radiology_fda_devices", "radiology_oews_top_codes"),
)
def replaced_figures(
    oews: pd.DataFrame, secondary: pd.DataFrame, fda: pd.DataFrame, top_codes: pd.DataFrame
) -> dict[str, Any]:
    """The figures of the model answer: the whole period's change against its margin, the one dip,
    pay against all occupations' (the chapter's benchmark), and the FDA's radiology share."""
    headcount, wages, devices = jobs(oews, secondary), pay(oews, top_codes), ai_devices(fda, secondary)
    return {
        "first-year": headcount["first_year"],
        "last-year": headcount["last_year"],
        "change-pct": headcount["emp_change_pct"],
        "margin": headcount["emp_margin"],
        "peak-year": headcount["peak_year"],
        "dip": headcount["fall_after_peak"],
        "dip-margin": headcount["fall_after_peak_margin"],
        "pay-change-pct": wages["pay_change_pct"],
        "pay-all-change-pct": wages["pay_all_change_pct"],
        "pay-gap": wages["pay_gap_phrase"],
        "fda-share": devices["fda_radiology_share"],
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
