"""The numbers the radiology chapter's prose cites, one function per section of chapters/radiology.md.

Each function takes the tables it reads and returns the chapter's glue keys, spelled out, with
their values: numbers for ``{glue:text}`` and strings (years, verdicts) for ``{glue:md}``. Each
number is a Python ``int`` or ``float``, chosen where it is put in the dict, because the prose's
formats print the two differently (``{glue:text}`key:,``` gives 29,530 for one, 29,530.0 for the other).
"""

from __future__ import annotations

import pandas as pd

from ...datapackage import DataError
from ...i18n import N_, day, gettext, number
from .claims import BENCHMARK, BENCHMARK_NAMES, c02, c02_figures, gap_phrase, verdict_against
from .sampling_error import CONFIDENCE, Z, employment_change, index_gap, margin, radiologist_years, row, wage_change
from .tables import (
    ALL_OCCUPATIONS,
    OLD_CODE_2019_2020,
    OLD_CODE_TO_2018,
    OTHER_PHYSICIANS,
    PHYSICIANS,
    RADIOLOGISTS,
    RADIOLOGY_PANEL,
)


# --- The radiologist series ---------------------------------------------------------------------
def employment_frame(oews: pd.DataFrame) -> pd.DataFrame:
    """Radiologist employment per year with its interval at CONFIDENCE."""
    rad = oews.loc[oews["occ_code"] == RADIOLOGISTS].sort_values("year")
    half = [margin(e, r) for e, r in zip(rad["employment"], rad["employment_rse_pct"], strict=True)]
    return pd.DataFrame(
        {
            "year": rad["year"].astype(int).to_numpy(),
            "employment": rad["employment"].astype(int).to_numpy(),
            "rse_pct": rad["employment_rse_pct"].astype(float).to_numpy(),
            "low": [round(e - h) for e, h in zip(rad["employment"], half, strict=True)],
            "high": [round(e + h) for e, h in zip(rad["employment"], half, strict=True)],
        }
    )


def year_on_year(oews: pd.DataFrame) -> pd.DataFrame:
    """Each year-to-year change in radiologist employment, with its margin and whether it exceeds it."""
    first, last = radiologist_years(oews)
    rows = []
    for start in range(first, last):
        c = employment_change(oews, start, start + 1)
        rows.append(
            {
                "start": start,
                "end": start + 1,
                "change": int(c.change),
                "margin": c.margin,
                "beyond_error": c.beyond_error,
            }
        )
    return pd.DataFrame(rows)


# --- FDA devices -------------------------------------------------------------------------------
OTHER_PANELS = N_("All other panels")
# The radiology panel's name as a reader reads it (the data's own name is RADIOLOGY_PANEL).
RADIOLOGY_GROUP = N_("Radiology")
# What counts as the list taking off: the first year with at least this many devices.
TAKE_OFF_DEVICES = 10


def fda_frame(fda: pd.DataFrame) -> pd.DataFrame:
    """Devices per decision year, radiology panel against all others; years with none listed are zeros."""
    fda = fda.astype({"decision_year": int, "devices": int})
    # The groups under their names in the edition's language: the chart shows them as they are.
    radiology, others = gettext(RADIOLOGY_GROUP), gettext(OTHER_PANELS)
    group = fda["review_panel"].map(lambda panel: radiology if panel == RADIOLOGY_PANEL else others)
    counts = fda.assign(group=group).groupby(["decision_year", "group"])["devices"].sum()
    years = range(int(fda["decision_year"].min()), int(fda["decision_year"].max()) + 1)
    # A year absent from the list had no device decided in it: zero is the count, not a gap filled in.
    full = counts.reindex(
        pd.MultiIndex.from_product([years, [radiology, others]], names=counts.index.names), fill_value=0
    )
    frame = full.rename("devices").reset_index()
    totals = frame.groupby("decision_year")["devices"].transform("sum")
    complete = fda.groupby("decision_year")["year_complete"].all()
    through = fda.groupby("decision_year")["decisions_through"].max()
    frame["year_total"] = totals.astype(int)
    frame["radiology_share"] = frame["decision_year"].map(
        frame.loc[frame["group"] == radiology].set_index("decision_year")["devices"]
    ) / totals.where(totals > 0).astype(float)
    partial = gettext("{year} (to {through}, partial)")
    frame["year_label"] = frame["decision_year"].map(
        lambda y: partial.format(year=y, through=day(through[y])) if y in complete.index and not complete[y] else str(y)
    )
    frame["complete"] = frame["decision_year"].map(lambda y: bool(complete.get(y, True)))
    return frame.astype({"decision_year": int, "devices": int})


def take_off_year(fda: pd.DataFrame) -> int:
    totals = fda.groupby("decision_year")["devices"].sum()
    return int(totals.loc[totals >= TAKE_OFF_DEVICES].index.min())


def radiology_majority_since(fda: pd.DataFrame) -> int:
    """The first year from which the radiology panel has more than half of every year's devices."""
    frame = fda_frame(fda)
    frame = frame.loc[frame["group"] == gettext(RADIOLOGY_GROUP)].sort_values("decision_year")
    # A year with no device at all has no majority either.
    majority = (frame["radiology_share"].fillna(0) > 0.5).to_numpy()
    years = frame["decision_year"].to_numpy()
    since = None
    for year, is_majority in zip(years, majority, strict=True):
        since = (since or int(year)) if is_majority else None
    if since is None:
        raise DataError("radiology_fda_devices: the radiology panel does not hold a majority in the latest year")
    return since


def fda_summary(fda: pd.DataFrame) -> dict[str, object]:
    total = int(fda["devices"].sum())
    radiology = int(fda.loc[fda["review_panel"] == RADIOLOGY_PANEL, "devices"].sum())
    complete = fda.loc[fda["year_complete"]]
    last_complete = int(complete["decision_year"].max())
    per_year = fda.loc[fda["review_panel"] == RADIOLOGY_PANEL].set_index("decision_year")["devices"]
    partial = fda.loc[~fda["year_complete"]]
    return {
        "total": total,
        "radiology": radiology,
        "radiology_share": radiology / total,
        "first_year": int(fda["decision_year"].min()),
        "last_complete_year": last_complete,
        "radiology_last_complete": int(per_year.get(last_complete, 0)),
        "partial_year": int(partial["decision_year"].iloc[0]) if not partial.empty else None,
        "partial_through": str(partial["decisions_through"].iloc[0]) if not partial.empty else None,
        "radiology_partial": int(per_year.get(int(partial["decision_year"].iloc[0]), 0)) if not partial.empty else None,
        "panels": int(fda["review_panel"].nunique()),
        "take_off_year": take_off_year(fda),
        "radiology_majority_since": radiology_majority_since(fda),
    }


# --- Secondary figures ------------------------------------------------------------------------
def secondary_value(secondary: pd.DataFrame, figure_id: str) -> float:
    found = secondary.loc[secondary["figure_id"] == figure_id, "value"]
    if found.empty:
        raise DataError(f"radiology_secondary_figures has no figure '{figure_id}'")
    return float(found.iloc[0])


def secondary_period(secondary: pd.DataFrame, figure_id: str) -> str:
    """The year or span of years a secondary figure refers to, as the table writes it."""
    return secondary.set_index("figure_id").loc[figure_id, "period"]


# --- The chapter's sections ---------------------------------------------------------------------
def introduction(secondary: pd.DataFrame) -> dict[str, object]:
    """The opening: Hinton's forecast, and the longer horizon he gave in the same breath."""
    year = int(secondary_period(secondary, "hinton_horizon"))
    return {
        "hinton_year": str(year),
        "hinton_years": secondary_value(secondary, "hinton_horizon"),
        "hinton_hedge_years": secondary_value(secondary, "hinton_hedge"),
        "hinton_hedge_deadline": str(year + int(secondary_value(secondary, "hinton_hedge"))),
    }


def jobs(oews: pd.DataFrame, secondary: pd.DataFrame) -> dict[str, object]:
    """Section radiology-jobs: the headcount, its intervals, and the codes before 2021."""
    f = c02_figures(oews)
    first, last, change = f["first"], f["last"], f["jobs"]
    moves = year_on_year(oews)
    employment = employment_frame(oews).set_index("year")
    peak_year = int(employment["employment"].idxmax())
    fall = employment_change(oews, peak_year, peak_year + 1) if peak_year < last else None
    old_codes = oews.loc[oews["occ_code"].isin([OLD_CODE_TO_2018, OLD_CODE_2019_2020])]
    old_code = {int(r.year): int(r.employment) for r in old_codes.itertuples()}
    medicare_year = secondary_period(secondary, "medicare_radiologists_2023")
    return {
        "confidence": CONFIDENCE,
        "z": Z,
        "first_year": str(first),
        "last_year": str(last),
        "hinton_deadline": int(secondary_period(secondary, "hinton_horizon"))
        + int(secondary_value(secondary, "hinton_horizon")),
        "old_code_first": old_code[min(old_code)],
        "old_code_last": old_code[max(old_code)],
        "old_code_first_year": str(int(oews.loc[oews["occ_code"] == OLD_CODE_TO_2018, "year"].max())),
        "old_code_last_year": str(int(oews.loc[oews["occ_code"] == OLD_CODE_2019_2020, "year"].max())),
        "emp_first": float(change.start),
        "emp_last": float(change.end),
        "emp_change": float(change.change),
        "emp_change_pct": float(change.relative),
        "emp_margin": float(change.margin),
        "emp_first_rse": float(employment.loc[first, "rse_pct"]),
        "emp_first_low": float(employment.loc[first, "low"]),
        "emp_first_high": float(employment.loc[first, "high"]),
        "peak_year": str(peak_year),
        "after_peak_year": str(peak_year + 1),
        "emp_peak": float(employment.loc[peak_year, "employment"]),
        "emp_after_peak": float(employment.loc[peak_year + 1 if fall else peak_year, "employment"]),
        # When the peak is the last year there is no fall after it.
        "fall_after_peak": float(-fall.change) if fall else 0,
        "fall_after_peak_margin": float(fall.margin) if fall else 0,
        "moves_beyond_error": int(moves["beyond_error"].sum()),
        "medicare_year": str(medicare_year),
        "emp_medicare_year": int(employment.loc[int(medicare_year), "employment"]),
        "medicare_radiologists": secondary_value(secondary, "medicare_radiologists_2023"),
        "other_physicians_first": int(row(oews, OTHER_PHYSICIANS, first)["employment"]),
        "other_physicians_last": int(row(oews, OTHER_PHYSICIANS, last)["employment"]),
        "other_physicians_change_pct": float(employment_change(oews, first, last, OTHER_PHYSICIANS).relative),
    }


def pay(oews: pd.DataFrame, top_codes: pd.DataFrame) -> dict[str, object]:
    """Section radiology-pay: radiologists' mean wage against all occupations' (the benchmark) and
    physicians' (a sensitivity), and why the median cannot be used (the top code)."""
    f = c02_figures(oews)
    first, last = f["first"], f["last"]
    physicians = index_gap(oews, first, last, PHYSICIANS, measure="wage")
    codes = top_codes.astype({"year": int}).sort_values("year")
    # The radiologists' median is hidden ('#') in the years whose file top-codes it.
    rad = oews.loc[oews["occ_code"] == RADIOLOGISTS].astype({"year": int}).set_index("year")
    hidden = rad.loc[rad["median_top_coded"].fillna(False).astype(bool)].index
    if codes["annual_top_code"].nunique() != 2:
        raise DataError(
            f"radiology_oews_top_codes: the chapter describes one change of top code, "
            f"the table has {codes['annual_top_code'].nunique()} values"
        )
    old, new = codes["annual_top_code"].unique()
    if pd.isna(rad.loc[last, "median_annual_wage"]):
        raise DataError(
            f"radiology_oews: the radiologists' median of May {last} is top-coded; the chapter says it is published"
        )
    return {
        "pay_first": float(f["pay"].start),
        "pay_last": float(f["pay"].end),
        "pay_change_pct": float(f["pay"].relative),
        "pay_all_change_pct": float(wage_change(oews, first, last, ALL_OCCUPATIONS).relative),
        "pay_physicians_change_pct": float(wage_change(oews, first, last, PHYSICIANS).relative),
        "pay_gap_phrase": gap_phrase(f["pay_gap"]),
        "pay_gap_physicians_phrase": gap_phrase(physicians),
        "top_code_old": float(old),
        "top_code_new": float(new),
        "top_code_old_last_year": str(int(codes.loc[codes["annual_top_code"] == old, "year"].max())),
        "top_code_new_first_year": str(int(codes.loc[codes["annual_top_code"] == new, "year"].min())),
        "median_hidden_first_year": str(int(hidden.min())),
        "median_hidden_last_year": str(int(hidden.max())),
        "median_published_year": str(last),
        "median_published": float(rad.loc[last, "median_annual_wage"]),
    }


def ai_devices(fda: pd.DataFrame, secondary: pd.DataFrame) -> dict[str, object]:
    """Section radiology-ai: the FDA's list of AI-enabled devices, by review panel."""
    s = fda_summary(fda)
    return {
        "fda_total": s["total"],
        "fda_radiology": s["radiology"],
        "fda_radiology_share": s["radiology_share"],
        "fda_first_year": str(s["first_year"]),
        "fda_majority_since": str(s["radiology_majority_since"]),
        "fda_take_off_devices": TAKE_OFF_DEVICES,
        "fda_take_off_year": str(s["take_off_year"]),
        "fda_last_complete_year": str(s["last_complete_year"]),
        "fda_radiology_last_complete": s["radiology_last_complete"],
        "fda_partial_year": str(s["partial_year"]),
        "fda_partial_through": day(str(s["partial_through"])),
        # A list that ends on 31 December has no partial year, and so no devices in one.
        "fda_radiology_partial": s["radiology_partial"] or 0,
        "wip_fda_models": secondary_value(secondary, "wip_fda_radiology_models"),
        "wip_year": secondary_period(secondary, "wip_fda_radiology_models"),
    }


def demand(secondary: pd.DataFrame) -> dict[str, object]:
    """Section radiology-demand: training places, supply projections, pay surveys, all secondary."""
    v = lambda figure_id: secondary_value(secondary, figure_id)  # noqa: E731 - a local shorthand
    period = lambda figure_id: secondary_period(secondary, figure_id)  # noqa: E731 - a local shorthand
    return {
        "residency_2018": v("residency_positions_2018"),
        "residency_2022": v("residency_positions_2022"),
        "residency_2025": v("residency_positions_2025"),
        "residency_year_first": period("residency_positions_2018"),
        "residency_year_mid": period("residency_positions_2022"),
        "residency_year_last": period("residency_positions_2025"),
        "residency_growth_2025": v("residency_growth_2024_2025") / 100,
        "projection_year": period("projected_supply_2055_flat"),
        "supply_2055_flat": v("projected_supply_2055_flat"),
        "supply_2055_growing": v("projected_supply_2055_growing"),
        "supply_flat_pct": v("projected_supply_2055_flat") / v("medicare_radiologists_2023") - 1,
        "supply_growing_pct": v("projected_supply_2055_growing") / v("medicare_radiologists_2023") - 1,
        "imaging_low": v("imaging_use_growth_2055_low") / 100,
        "imaging_high": v("imaging_use_growth_2055_high") / 100,
        "imaging_per_year": v("imaging_volume_growth") / 100,
        "population_2055": v("population_growth_2055") / 100,
        "attrition_pct": v("attrition_since_2020") / 100,
        "attrition_since": period("attrition_since_2020").split()[0],
        "acr_hired_2013": v("acr_hired_2013"),
        "acr_hired_2015": v("acr_hired_2015"),
        "acr_year_first": period("acr_hired_2013"),
        "acr_year_last": period("acr_hired_2015"),
        "bls_projection": v("bls_projection_2022_2032") / 100,
        "bls_projection_period": gettext("{start} to {end}").format(
            start=period("bls_projection_2022_2032").split("-")[0], end=period("bls_projection_2022_2032").split("-")[1]
        ),
        "doximity_income": v("doximity_income_2025"),
        "doximity_growth": v("doximity_income_growth") / 100,
        "doximity_year": period("doximity_income_2025"),
        "doximity_base_year": period("doximity_income_growth").split("-")[0],
    }


def claim(oews: pd.DataFrame) -> dict[str, object]:
    """Section radiology-claim: the headcount half of the rule's inputs (the pay half is in ``pay``),
    against the declared benchmark and physicians, and what the same rule gives against the
    sensitivity yardsticks (physicians; no benchmark)."""
    f = c02_figures(oews)
    physicians = c02_figures(oews, PHYSICIANS)
    return {
        "benchmark_name": gettext(BENCHMARK_NAMES[BENCHMARK]),
        "headcount_gap_phrase": gap_phrase(f["headcount_gap"]),
        "headcount_gap_physicians_phrase": gap_phrase(physicians["headcount_gap"]),
        "verdict_physicians_benchmark": gettext(verdict_against(oews, PHYSICIANS)),
        "verdict_no_benchmark": gettext(verdict_against(oews, None)),
    }


def conclusion(oews: pd.DataFrame) -> dict[str, object]:
    """What chapters/conclusion.md says of radiologists: jobs and pay over the OEWS series, against
    the benchmark C02's rule declares."""
    f = c02_figures(oews)
    jobs_change = f["jobs"].relative
    return {
        "radiology_verdict": f"*{gettext(c02(oews)[0])}*",
        "radiology_jobs_change": gettext(N_("fell by {change}") if jobs_change < 0 else N_("rose by {change}")).format(
            change=number(abs(jobs_change), ".0%")
        ),
        "radiology_jobs_within_error": gettext(N_("within") if not f["jobs"].beyond_error else N_("larger than")),
        "radiology_pay_change": float(f["pay"].relative),
        "radiology_first": str(f["first"]),
        "radiology_last": str(f["last"]),
        "radiology_benchmark": gettext(BENCHMARK_NAMES[BENCHMARK]),
        "radiology_headcount_gap": gap_phrase(f["headcount_gap"]),
        "radiology_pay_gap": gap_phrase(f["pay_gap"]),
    }
