"""IMF: the chapter's three exercises, each answer beside the wrong answers the teacher's guide
anticipates (glued there as ``guide-<label>-<mistake>``)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...exercises import anticipates, expects
from .facts import emerging_above_weakest_advanced, exposure_figures, pillar_gaps
from .tables import ADVANCED, COMPONENTS, HIGH_COMPLEMENTARITY


@expects(
    "imf-pillar-gap",
    level="intermediate",
    tables=("imf_aipi",),
    hint="Group imf_aipi by 'group', take the mean of DI, HCLMP, IEI and RE, subtract EM from AE, pick the largest.",
)
def largest_pillar_gap(aipi: pd.DataFrame) -> str:
    return str(pillar_gaps(aipi).index[0])


@anticipates("imf-pillar-gap")
def largest_pillar_gap_mistakes(aipi: pd.DataFrame) -> dict[str, Any]:
    pillars = list(COMPONENTS)
    means = aipi.groupby("group")[["AI_PI", *pillars]].mean()
    gaps = means.loc["AE"] - means.loc["EM"]
    return {
        # AI_PI counted as a pillar.
        "with-composite": str(gaps.idxmax()),
        # A ratio, not a difference.
        "relative": str((gaps[pillars] / means.loc["EM", pillars]).idxmax()),
    }


@expects(
    "imf-em-overlap",
    level="introductory",
    tables=("imf_aipi",),
    hint="Find the lowest AI_PI among group == 'AE', then count group == 'EM' rows above it.",
)
def emerging_overlap(aipi: pd.DataFrame) -> int:
    return emerging_above_weakest_advanced(aipi)


@anticipates("imf-em-overlap")
def emerging_overlap_mistakes(aipi: pd.DataFrame) -> dict[str, Any]:
    advanced = aipi.loc[aipi["group"] == "AE", "AI_PI"]
    emerging = aipi.loc[aipi["group"] == "EM", "AI_PI"]
    return {
        # The advanced economies' mean, not their weakest member.
        "above-mean": int((emerging > advanced.mean()).sum()),
    }


@expects(
    "imf-complementary-share",
    level="advanced",
    tables=("imf_ai_exposure",),
    hint=(
        "Keep the rows of imf_ai_exposure for Advanced economies whose category is a complementarity split; "
        "divide high by high + low."
    ),
)
def advanced_complementary_share(exposure: pd.DataFrame) -> float:
    return exposure_figures(exposure)["advanced_high_of_exposed"]


@anticipates("imf-complementary-share")
def advanced_complementary_share_mistakes(exposure: pd.DataFrame) -> dict[str, Any]:
    # What a student's filter keeps: both complementarity rows of the note and the June blog's copy of one.
    rows = exposure.loc[(exposure["economy"] == ADVANCED) & exposure["category"].str.contains("complementarity")]
    high = rows.loc[rows["category"] == HIGH_COMPLEMENTARITY, "share_pct"].iloc[0]
    return {
        # The blog's copy of a share summed too.
        "duplicate-row": float(high / rows["share_pct"].sum()),
        # A share of all employment, not of exposed employment.
        "of-employment": float(high / 100),
    }
